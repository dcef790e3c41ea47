"""Talking to the model server: one AsyncOpenAI client, the one transport-retry layer, and the
one place where the SDK's exceptions become the service's own errors."""

import logging
import math
import random
import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any, cast

import httpx2
import openai
from openai import AsyncOpenAI
from openai.types.chat import ChatCompletion
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception

from schemas import Usage
from service.config import Settings
from service.errors import (
    ModelRequestRejected,
    ModelServerError,
    ModelTimedOut,
    ModelUnreachable,
    NewsbriefError,
)

log = logging.getLogger("newsbrief")

RETRYABLE_STATUS = frozenset({408, 409, 429})
BACKOFF_MAX = 8.0  # seconds: the longest single wait we choose ourselves


@dataclass(frozen=True)
class Completion:
    """One answer of the model, as the engine needs it."""

    content: str | None
    finish_reason: str | None
    refusal: str | None
    usage: Usage
    model: str | None
    calls: int  # HTTP requests made for it, transport retries included
    waited_s: float  # time in the requests and in backoff between them


class ModelTransport:
    """The model server behind an OpenAI-compatible API; shared by every request."""

    def __init__(self, settings: Settings, http_client: httpx2.AsyncClient | None = None) -> None:
        key = settings.api_key.get_secret_value() if settings.api_key else None
        self.settings = settings
        self.client = AsyncOpenAI(
            base_url=settings.base_url,
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
    ) -> Completion:
        """One chat completion, retried on transport faults; SDK errors translated."""
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
                    response = await self.client.chat.completions.create(
                        model=self.model,
                        messages=cast(Any, messages),
                        response_format=cast(Any, response_format),
                        max_tokens=max_tokens,
                        temperature=self.settings.temperature,
                    )
        except openai.APIError as exc:
            raise translate(exc, calls) from exc
        if not isinstance(response, ChatCompletion):
            # A 200 whose body is not a chat completion (an HTML error page, plain text).
            raise ModelServerError(
                f"The model server answered with something other than a chat completion: "
                f"{str(response)[:200]!r}"
            )
        choice = response.choices[0] if response.choices else None
        if choice is not None and choice.message is None:
            raise ModelServerError("The model server's answer has no message.")
        usage = response.usage
        return Completion(
            content=choice.message.content if choice else None,
            finish_reason=choice.finish_reason if choice else None,
            refusal=getattr(choice.message, "refusal", None) if choice else None,
            usage=Usage(
                prompt_tokens=usage.prompt_tokens if usage else 0,
                completion_tokens=usage.completion_tokens if usage else 0,
                total_tokens=usage.total_tokens if usage else 0,
            ),
            model=response.model or self.model,
            calls=calls,
            waited_s=time.perf_counter() - started,
        )

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


def translate(exc: openai.APIError, calls: int) -> NewsbriefError:
    """The service's error for an SDK error that survived the retries."""
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
    if isinstance(exc, openai.APIStatusError):
        status = exc.status_code
        said = _server_message(exc)
        upstream = {"upstream_status": status}
        if status == 429 or status == 503:
            wait = retry_after_seconds(exc.response.headers)
            headers = {"Retry-After": str(max(1, round(wait)))} if wait is not None else None
            return ModelUnreachable(
                f"The model server is overloaded (HTTP {status}) {tries}: {said}",
                headers=headers,
                extra=upstream,
            )
        if status >= 500 or status in RETRYABLE_STATUS:
            return ModelServerError(
                f"The model server failed (HTTP {status}) {tries}: {said}", extra=upstream
            )
        hint = {
            401: " Check NEWSBRIEF_API_KEY (or OPENAI_API_KEY).",
            403: " Check NEWSBRIEF_API_KEY (or OPENAI_API_KEY).",
            404: " Check NEWSBRIEF_BASE_URL and NEWSBRIEF_MODEL.",
        }.get(status, "")
        return ModelRequestRejected(
            f"The model server rejected the request (HTTP {status}): {said}.{hint}",
            extra=upstream,
        )
    return ModelServerError(f"The model call failed: {type(exc).__name__}")


def _server_message(exc: openai.APIStatusError) -> str:
    body = exc.body
    if isinstance(body, dict):
        inner = body.get("error", body)
        message = inner.get("message") if isinstance(inner, dict) else inner
        if isinstance(message, str) and message:
            return message[:300]
    return exc.message[:300]
