"""Talking to the model server: one AsyncOpenAI client, the one transport-retry layer, and the
one place where the SDK's exceptions become the service's own errors."""

import dataclasses
import logging
import math
import random
import time
from collections.abc import Callable
from email.utils import parsedate_to_datetime
from typing import Any

import httpx2
import openai
from openai import AsyncOpenAI
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception

from service.config import Settings
from service.errors import (
    ModelRequestRejected,
    ModelServerError,
    ModelTimedOut,
    ModelUnreachable,
    NewsbriefError,
)
from service.llm.completion import Completion, MalformedCompletion, read_completion
from service.redaction import redact

log = logging.getLogger("newsbrief")

RETRYABLE_STATUS = frozenset({408, 409, 429})
BACKOFF_MAX = 8.0  # seconds: the longest single wait we choose ourselves
LOGGED_BODY_CHARS = 2000  # of an upstream error body, in the server log only
# Words by which a 400's body says the response format itself is what the server refused.
_FORMAT_WORDS = ("response_format", "json_schema", "schema", "json_object")


def _no_count() -> None:
    pass


class ModelTransport:
    """The model server behind an OpenAI-compatible API; shared by every request."""

    def __init__(self, settings: Settings, http_client: httpx2.AsyncClient | None = None) -> None:
        key = settings.api_key.get_secret_value() if settings.api_key else None
        self.settings = settings
        self._secrets = (key,)  # hidden in every upstream body we log
        self.client = AsyncOpenAI(
            base_url=settings.endpoint(),  # never the SDK's own OPENAI_BASE_URL
            # A local server needs no key, but the SDK insists on one.
            api_key=key or "no-key",
            timeout=settings.timeout,
            max_retries=0,  # tenacity below is the only retry layer
            http_client=http_client,
        )

    @property
    def model(self) -> str:
        # A server that serves one model (llama.cpp, LM Studio) accepts any name.
        return self.settings.model or "default"

    async def close(self) -> None:
        await self.client.close()

    async def complete(
        self,
        messages: list[dict[str, str]],
        response_format: dict[str, Any],
        max_tokens: int,
        *,
        no_retry: frozenset[int] | set[int] = frozenset(),
        on_call: Callable[[], None] = _no_count,
    ) -> Completion:
        """One chat completion, retried on transport faults; SDK errors translated.

        `on_call` is told of each HTTP request as it is made, so that a caller cut short
        (a deadline) still knows how many were made."""
        started = time.perf_counter()
        calls = 0
        retrying = AsyncRetrying(
            retry=retry_if_exception(
                lambda exc: is_transient(exc) and _status(exc) not in no_retry
            ),
            wait=self._backoff,
            stop=self._stop,
            before_sleep=_log_retry,
            reraise=True,
        )
        try:
            async for attempt in retrying:
                with attempt:
                    calls += 1
                    on_call()
                    # The SDK's lower-level post: the body as built here (the typed create()
                    # walks the whole request, schema and article included, costing ms a
                    # call), and the raw response, whose body is checked below rather than
                    # built laxly by the SDK.
                    raw = await self.client.post(
                        "/chat/completions",
                        body={
                            "model": self.model,
                            "messages": messages,
                            "response_format": response_format,
                            "max_tokens": max_tokens,
                            "temperature": self.settings.temperature,
                        },
                        cast_to=httpx2.Response,
                    )
        except openai.APIError as exc:
            raise translate(exc, calls, self._secrets) from exc
        body = raw.content
        try:
            completion = read_completion(body, time.perf_counter() - started)
        except MalformedCompletion as exc:
            log.warning(
                "the model server's 200 is not a chat completion (%s): %r",
                exc,
                redact(body[:LOGGED_BODY_CHARS].decode("utf-8", "replace"), self._secrets),
            )
            raise ModelServerError(
                f"The model server's answer is not a chat completion: {exc}.",
                upstream_status=200,
            ) from None
        if not completion.model:  # servers that omit it: the name we asked for
            return dataclasses.replace(completion, model=self.model)
        return completion

    def _backoff(self, state: RetryCallState) -> float:
        """The server's Retry-After when it gives one, else exponential with full jitter."""
        exc = state.outcome.exception() if state.outcome else None
        if isinstance(exc, openai.APIStatusError):
            asked = retry_after_seconds(exc.response.headers)
            if asked is not None:
                return asked
        base = self.settings.retry_base_wait
        return random.uniform(0, min(BACKOFF_MAX, base * 2 ** (state.attempt_number - 1)))

    def _stop(self, state: RetryCallState) -> bool:
        """Give up after the configured retries, or when the next wait would pass the cap."""
        if state.attempt_number > self.settings.transport_retries:
            return True
        return state.idle_for + state.upcoming_sleep > self.settings.retry_max_wait


def is_transient(exc: BaseException) -> bool:
    """Connection errors, timeouts, 408, 409, 429 and 5xx; never 400, 401, 403, 404 or 422."""
    if isinstance(exc, openai.APIConnectionError):  # includes APITimeoutError
        return True
    if isinstance(exc, openai.APIStatusError):
        return exc.status_code >= 500 or exc.status_code in RETRYABLE_STATUS
    return False


def _status(exc: BaseException) -> int | None:
    return exc.status_code if isinstance(exc, openai.APIStatusError) else None


def retry_after_seconds(headers: httpx2.Headers) -> float | None:
    """The server's own wait: `retry-after-ms`, else `Retry-After` in seconds or as a date."""
    if (ms := headers.get("retry-after-ms")) is not None:
        seconds = _finite(ms)
        if seconds is not None:
            return max(0.0, seconds / 1000)
    value = headers.get("retry-after")
    if value is None:
        return None
    seconds = _finite(value)
    if seconds is not None:
        return max(0.0, seconds)
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


def _finite(value: str) -> float | None:
    try:
        number = float(value)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _log_retry(state: RetryCallState) -> None:
    exc = state.outcome.exception() if state.outcome else None
    log.warning(
        "model call failed (%s); retry %d in %.2f s",
        describe(exc),
        state.attempt_number,
        state.upcoming_sleep,
    )


def describe(exc: BaseException | None) -> str:
    if isinstance(exc, openai.APIStatusError):
        return f"HTTP {exc.status_code}"
    if isinstance(exc, openai.APITimeoutError):
        return "timed out"
    if isinstance(exc, openai.APIConnectionError):
        return "connection failed"
    return type(exc).__name__


def translate(
    exc: openai.APIError, calls: int, secrets: tuple[str | None, ...] = ()
) -> NewsbriefError:
    """The service's error for an SDK error that survived the retries.

    The client gets a fixed message per kind (the upstream status named, never the upstream's
    own text, which may echo the key); the upstream body goes to the server log, redacted."""
    tries = f"after {calls} call{'s' if calls != 1 else ''}"
    if isinstance(exc, openai.APITimeoutError):
        return ModelTimedOut(
            f"The model server did not answer in time {tries} (NEWSBRIEF_TIMEOUT)."
        )
    if isinstance(exc, openai.APIConnectionError):
        return ModelUnreachable(
            f"The model server could not be reached {tries}; is NEWSBRIEF_BASE_URL right "
            "and the server running?"
        )
    if not isinstance(exc, openai.APIStatusError):
        return ModelServerError(f"The model call failed: {type(exc).__name__}.")
    status = exc.status_code
    said = _upstream_text(exc)
    log.warning("the model server answered HTTP %d %s: %s", status, tries, redact(said, secrets))
    wait = retry_after_seconds(exc.response.headers)
    logged = " The server's message is in the service's log."
    if status == 429 or status == 503:
        headers = {"Retry-After": str(max(1, round(wait)))} if wait is not None else None
        return ModelUnreachable(
            f"The model server is overloaded (HTTP {status}) {tries}; retry later.{logged}",
            upstream_status=status,
            retry_after_s=wait,
            headers=headers,
        )
    if status >= 500 or status in RETRYABLE_STATUS:
        return ModelServerError(
            f"The model server failed (HTTP {status}) {tries}.{logged}",
            upstream_status=status,
            retry_after_s=wait,
        )
    hint = {
        401: " Check NEWSBRIEF_API_KEY (or OPENAI_API_KEY).",
        403: " Check NEWSBRIEF_API_KEY (or OPENAI_API_KEY).",
        404: " Check NEWSBRIEF_BASE_URL and NEWSBRIEF_MODEL.",
    }.get(status, "")
    return ModelRequestRejected(
        f"The model server rejected the request (HTTP {status}).{hint}{logged}",
        upstream_status=status,
        names_format=_names_format(said),
    )


def _upstream_text(exc: openai.APIStatusError) -> str:
    """The upstream's error body as text, capped: for the log and for `_names_format`."""
    try:
        text = exc.response.text
    except (httpx2.ResponseNotRead, UnicodeDecodeError):
        text = exc.message
    return text[:LOGGED_BODY_CHARS]


def _names_format(upstream: str) -> bool:
    """Whether the upstream's body says the response format is what it refused (a 400 may
    also be, say, a prompt over the context length)."""
    folded = upstream.casefold()
    return any(word in folded for word in _FORMAT_WORDS)
