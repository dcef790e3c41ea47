"""The llm engine: prompt the model, ground its answer, re-ask with the errors, assemble.

Two loops, never stacked: the transport retries live in transport.py; this module owns the
validation loop (re-ask with the errors of the last answer, or one retry with a larger budget
after a truncated answer).
"""

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx2
from anyio import to_thread

from schemas import Usage
from service.article import Article
from service.config import Settings
from service.engine_result import EngineResult
from service.errors import (
    ModelOutputInvalid,
    ModelRefused,
    ModelTimedOut,
    NewsbriefError,
    UpstreamError,
    WorkerLost,
    WorkTimedOut,
)
from service.gate import Gate
from service.llm.assemble import assemble
from service.llm.completion import Completion
from service.llm.crosscheck import (
    Missed,
    attribution_cues,
    crosscheck,
    crosscheck_reference,
    missed_error,
    missed_warning,
)
from service.llm.ground import Grounded, ground_answer
from service.llm.output_mode import OutputModes, SchemaModeRejected
from service.llm.prompts import ECHO_CAP, base_messages, echoed_answer, repair_messages
from service.llm.schema import OutputMode, schema_for
from service.llm.transport import ModelTransport
from service.llm.window import answer_budget, echo_room, fits
from service.workers import WorkerPool

log = logging.getLogger("newsbrief")

MAX_ERRORS_SHOWN = 15  # the re-ask lists at most this many errors, so it stays short
TRUNCATION_BUDGET_FACTOR = 2


@dataclass
class Spend:
    """What the model cost for one brief, over every attempt, success or failure."""

    attempts: int = 0
    calls: int = 0
    waited_s: float = 0.0
    usage: Usage = field(default_factory=Usage)

    def count_call(self) -> None:
        """One HTTP request made; counted as it is made, not when its answer comes."""
        self.calls += 1

    def add(self, completion: Completion) -> None:
        self.attempts += 1
        self.waited_s += completion.waited_s
        self.usage = Usage(
            prompt_tokens=self.usage.prompt_tokens + completion.usage.prompt_tokens,
            completion_tokens=self.usage.completion_tokens + completion.usage.completion_tokens,
            total_tokens=self.usage.total_tokens + completion.usage.total_tokens,
        )

    def report(self) -> dict[str, Any]:
        """The members every failure's problem body carries: the spend as counted."""
        return {
            "attempts": self.attempts,
            "model_calls": self.calls,
            "usage": self.usage.model_dump(),
        }


@dataclass
class LlmOutcome:
    result: EngineResult
    spend: Spend
    model: str


class LlmEngine:
    """One per process: the shared client, the concurrency gate and the output mode in use."""

    def __init__(self, settings: Settings, http_client: httpx2.AsyncClient | None = None) -> None:
        self.settings = settings
        self.transport = ModelTransport(settings, http_client)
        self.gate = Gate(settings.max_inflight, settings.max_queue)
        self.modes = OutputModes(settings.output_mode)
        self._model_seen: str | None = None
        # The service's worker processes, when it has them (the API's lifespan sets this).
        self.pool: WorkerPool | None = None
        # Told as each attempt starts and as its answer comes: (attempt, of, tokens so far).
        # The CLI's progress line; the API leaves it unset.
        self.on_progress: Callable[[int, int, int], None] | None = None

    async def close(self) -> None:
        await self.transport.close()

    async def brief(self, article: Article) -> LlmOutcome:
        """Brief one article, or raise the service error that says why not."""
        spend = Spend()
        try:
            async with self.gate.slot():
                result = await self._within_deadline(article, spend)
        except NewsbriefError as exc:
            # Every failure says what it cost, whichever step raised it (an overloaded gate: 0).
            exc.extra = {**exc.extra, **spend.report()}
            raise
        return LlmOutcome(result=result, spend=spend, model=self._model_seen or "")

    async def _within_deadline(self, article: Article, spend: Spend) -> EngineResult:
        deadline = self.settings.brief_deadline
        try:
            # Retries and re-asks each have their own bounds; this bounds them together, so
            # that no brief holds a slot of the gate for longer.
            async with asyncio.timeout(deadline):
                return await self._run(article, spend)
        except TimeoutError:
            calls = f"{spend.calls} call{'s' if spend.calls != 1 else ''}"
            answered = f"{spend.attempts} answered" if spend.attempts else "none answered"
            raise ModelTimedOut(
                f"The brief took more than {deadline:g} s of model time over {calls} "
                f"({answered}; NEWSBRIEF_BRIEF_DEADLINE)."
            ) from None

    async def _run(self, article: Article, spend: Spend) -> EngineResult:
        # The cross-check's reference, made once per brief while the model thinks.
        reference = asyncio.ensure_future(self._reference(article))
        try:
            return await self._attempts(article, spend, reference)
        finally:
            reference.cancel()

    async def _reference(self, article: Article) -> list[Missed]:
        """The sentences where the extractive rules see a cue: in a worker process when the
        service has a pool (the work then runs on another core), else in a thread. A
        reference that cannot be made (a pathological text past the pool's deadline) is
        no reference: the cross-check is skipped, not the brief."""
        if self.pool is None:
            return await to_thread.run_sync(attribution_cues, article)
        try:
            return await self.pool.run(
                crosscheck_reference, article.text, article.title, admit=False
            )
        except (WorkTimedOut, WorkerLost) as exc:
            log.warning("cross-check skipped: %s", exc.detail)
            return []

    async def _attempts(
        self, article: Article, spend: Spend, reference: "asyncio.Future[list[Missed]]"
    ) -> EngineResult:
        settings = self.settings
        max_tokens = settings.max_tokens
        cuts: list[Cut] = []  # where answers were cut off
        repair: tuple[str, list[str]] | None = None
        best: Grounded | None = None
        last: Grounded | None = None
        crosschecked = False
        mode: OutputMode | None = None  # the brief's, from its first call on
        while spend.attempts < settings.max_attempts:
            completion, mode, sent = await self._call(article, repair, max_tokens, spend, mode)
            if completion.refusal:
                raise ModelRefused(f"The model declined to answer: {completion.refusal[:300]}")
            if completion.finish_reason == "length":
                # A cut-off answer is not re-asked blindly: one more try with room to finish.
                # Unless the context window set the budget: then a larger one cannot help.
                cuts.append(Cut(sent, by_window=sent < max_tokens))
                if len(cuts) > 1 or cuts[-1].by_window:
                    break
                max_tokens *= TRUNCATION_BUDGET_FACTOR
                log.info("answer truncated; retrying with max_tokens=%d", max_tokens)
                continue
            grounded = last = await to_thread.run_sync(ground_answer, article, completion.content)
            if grounded.parsed and (best is None or _size(grounded) >= _size(best)):
                best = grounded
            missed = crosscheck(await reference, grounded)
            if not grounded.errors:
                again = settings.crosscheck_reask and spend.attempts < settings.max_attempts
                if missed and again and not crosschecked:
                    crosschecked = True
                    repair = (await _echo(completion), [missed_error(m) for m in missed])
                    continue
                return assemble(article, grounded, [missed_warning(m) for m in missed])
            repair = (await _echo(completion), _shown(grounded.errors))
        truncated = _cut_off(cuts) if len(cuts) > 1 or (cuts and cuts[-1].by_window) else None
        if best is not None and best.anything:
            dropped = [f"dropped after {_attempts(spend.attempts)}: {e}" for e in best.errors]
            if truncated:
                dropped.append(f"the last attempts failed: the answer was {truncated}")
            missed = crosscheck(await reference, best)
            return assemble(article, best, dropped + [missed_warning(m) for m in missed])
        if truncated:
            raise ModelOutputInvalid(f"The model's answer was {truncated}.")
        errors = last.errors if last is not None else []
        raise ModelOutputInvalid(
            f"The model's answer did not ground in the article after "
            f"{_attempts(spend.attempts)}; nothing could be kept.",
            errors=[{"message": e} for e in errors],
        )

    async def _call(
        self,
        article: Article,
        repair: tuple[str, list[str]] | None,
        max_tokens: int,
        spend: Spend,
        mode: OutputMode | None,
    ) -> tuple[Completion, OutputMode, int]:
        """One attempt: in the brief's mode, or (its first) in the process's, probing it; with
        the mode and the answer budget it was sent with."""
        ids = [s.id for s in article.sentences]
        window = self.settings.context_tokens
        sent = max_tokens

        async def in_mode(chosen: OutputMode, probing: bool) -> Completion:
            nonlocal sent
            schema = schema_for(chosen, ids)
            messages = base_messages(article, chosen, schema)
            if repair is not None:
                messages = await _fitted_repair(messages, *repair, max_tokens, window)
            sent = answer_budget(messages, max_tokens, window)
            if sent < max_tokens:
                log.info("max_tokens %d lowered to %d: the context window", max_tokens, sent)
            self._progress(spend.attempts + 1, spend)
            return await self._complete(
                messages, response_format(chosen, schema), sent, spend, probing
            )

        if mode is None:
            mode, completion = await self.modes.first_call(in_mode)
        else:
            completion = await in_mode(mode, False)
        spend.add(completion)
        self._progress(spend.attempts, spend)
        self._model_seen = completion.model
        return completion, mode, sent

    def _progress(self, attempt: int, spend: Spend) -> None:
        if self.on_progress is not None:
            self.on_progress(attempt, self.settings.max_attempts, spend.usage.total_tokens)

    async def _complete(
        self,
        messages: list[dict[str, str]],
        format_: dict[str, Any],
        max_tokens: int,
        spend: Spend,
        probing: bool,
    ) -> Completion:
        try:
            return await self.transport.complete(
                messages,
                format_,
                max_tokens,
                # A 500 may be the rejection itself; 502, 503 and 504 are still retried.
                no_retry={500} if probing else frozenset(),
                on_call=spend.count_call,
            )
        except UpstreamError as exc:
            if probing and _rejects_format(exc):
                raise SchemaModeRejected from exc
            raise


def _rejects_format(exc: UpstreamError) -> bool:
    """A 422 or 500 to a probe is the server refusing the format (llama-cpp-python); a 400 is
    only when its body names the format, since it may also be, say, a prompt over the context
    length."""
    if exc.upstream_status in (422, 500):
        return True
    return exc.upstream_status == 400 and exc.names_format


def response_format(mode: OutputMode, schema: dict[str, Any]) -> dict[str, Any]:
    if mode == "json_schema":
        return {
            "type": "json_schema",
            "json_schema": {"name": "brief", "strict": True, "schema": schema},
        }
    if mode == "json_object_schema":
        return {"type": "json_object", "schema": schema}
    return {"type": "json_object"}


def _shown(errors: list[str]) -> list[str]:
    if len(errors) <= MAX_ERRORS_SHOWN:
        return errors
    rest = len(errors) - MAX_ERRORS_SHOWN
    return [*errors[:MAX_ERRORS_SHOWN], f"$: and {rest} more errors of the same kinds"]


@dataclass(frozen=True)
class Cut:
    """An answer cut off at `budget` tokens; `by_window` when the context window, not
    NEWSBRIEF_MAX_TOKENS, had set that budget."""

    budget: int
    by_window: bool


def _cut_off(cuts: list[Cut]) -> str:
    """Where each cut was, and the setting that would give room: 'cut off at 4096 tokens, then
    at 8192 (NEWSBRIEF_MAX_TOKENS)'; the context window's when it was the limit."""
    first, *then = cuts
    where = f"cut off at {first.budget} tokens" + "".join(f", then at {c.budget}" for c in then)
    if cuts[-1].by_window:
        return (
            f"{where}, where the prompt filled the rest of the model's context "
            "(NEWSBRIEF_CONTEXT_TOKENS; a larger NEWSBRIEF_MAX_TOKENS cannot help)"
        )
    return f"{where} (NEWSBRIEF_MAX_TOKENS)"


async def _fitted_repair(
    base: list[dict[str, str]], echo: str, errors: list[str], budget: int, window: int
) -> list[dict[str, str]]:
    """The re-ask, its echo of the last answer shortened when prompt and budget would not fit
    the context window (a re-ask that fits goes as it always has, byte for byte)."""
    messages = repair_messages(base, echo, errors)
    if fits(messages, budget, window):
        return messages
    room = echo_room(repair_messages(base, "", errors), budget, window)
    if room >= len(echo):
        return messages
    log.info("the re-ask's echo cut to %d characters to fit the context window", room)
    shortened = await to_thread.run_sync(echoed_answer, echo, room)
    return repair_messages(base, shortened, errors)


async def _echo(completion: Completion) -> str:
    """The last answer as the re-ask shows it, bounded (prompts.echoed_answer); a huge one is
    bounded off the event loop, since that may mean parsing it."""
    content = completion.content or ""
    if len(content) <= ECHO_CAP:
        return content
    return await to_thread.run_sync(echoed_answer, content)


def _size(grounded: Grounded) -> int:
    return len(grounded.actors) + len(grounded.claims) + len(grounded.hedges)


def _attempts(count: int) -> str:
    return f"{count} attempt" if count == 1 else f"{count} attempts"
