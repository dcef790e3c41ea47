"""The llm engine: prompt the model, ground its answer, re-ask with the errors, assemble.

Two loops, never stacked: the transport retries live in transport.py; this module owns the
validation loop (re-ask with the errors of the last answer, or one retry with a larger budget
after a truncated answer).
"""

import asyncio
import logging
from dataclasses import dataclass, field
from typing import Any

import httpx2
from anyio import to_thread

from schemas import Usage
from service.article import Article
from service.config import Settings
from service.engine_result import EngineResult
from service.errors import ModelOutputInvalid, ModelRefused, ModelTimedOut, NewsbriefError
from service.extractive.engine import extract
from service.gate import Gate
from service.llm.assemble import assemble
from service.llm.ground import Grounded, ground_answer
from service.llm.prompts import base_messages, repair_messages
from service.llm.schema import OutputMode, schema_for
from service.llm.transport import Completion, ModelTransport

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

    def add(self, completion: Completion) -> None:
        self.attempts += 1
        self.calls += completion.calls
        self.waited_s += completion.waited_s
        self.usage = Usage(
            prompt_tokens=self.usage.prompt_tokens + completion.usage.prompt_tokens,
            completion_tokens=self.usage.completion_tokens + completion.usage.completion_tokens,
            total_tokens=self.usage.total_tokens + completion.usage.total_tokens,
        )

    def report(self) -> dict[str, Any]:
        """The members a failure's problem body carries."""
        return {"attempts": self.attempts, "usage": self.usage.model_dump()}


@dataclass
class LlmOutcome:
    result: EngineResult
    spend: Spend
    model: str


class SchemaModeRejected(Exception):
    """The server refused the output mode's response_format (llama.cpp answers json_schema
    with a 500; OpenAI answers an unknown response_format key with a 400)."""


# In `auto`, each mode the server rejects gives way to the next, once per engine.
_FALLBACK: dict[OutputMode, OutputMode] = {
    "json_schema": "json_object_schema",
    "json_object_schema": "json_object",
}
_FORMAT_WORDS = ("response_format", "json_schema", "schema", "json_object")


class LlmEngine:
    """One per process: the shared client, the concurrency gate and the output mode in use."""

    def __init__(self, settings: Settings, http_client: httpx2.AsyncClient | None = None) -> None:
        self.settings = settings
        self.transport = ModelTransport(settings, http_client)
        self.gate = Gate(settings.max_inflight, settings.max_queue)
        chosen = settings.output_mode
        self.mode: OutputMode = "json_schema" if chosen == "auto" else chosen
        # Until the server has answered once in the current mode, a rejection of that mode's
        # response_format moves to the next mode; after that, errors are only errors.
        self._probing = chosen == "auto"
        self._model_seen: str | None = None

    async def close(self) -> None:
        await self.transport.close()

    async def brief(self, article: Article) -> LlmOutcome:
        """Brief one article, or raise the service error that says why not."""
        async with self.gate.slot():
            spend = Spend()
            deadline = self.settings.brief_deadline
            try:
                # Retries and re-asks each have their own bounds; this bounds them together,
                # so that no brief holds a slot of the gate for longer.
                async with asyncio.timeout(deadline):
                    result = await self._run(article, spend)
            except TimeoutError:
                raise ModelTimedOut(
                    f"The brief took more than {deadline:g} s of model time over "
                    f"{spend.calls} calls (NEWSBRIEF_BRIEF_DEADLINE).",
                    extra=spend.report(),
                ) from None
            return LlmOutcome(result=result, spend=spend, model=self._model_seen or "")

    async def _run(self, article: Article, spend: Spend) -> EngineResult:
        settings = self.settings
        max_tokens = settings.max_tokens
        budget_raised = False
        repair: tuple[str, list[str]] | None = None
        best: Grounded | None = None
        last: Grounded | None = None
        truncated: str | None = None
        crosschecked = False
        # The cross-check's reference, made once per brief, off the event loop.
        cues = await to_thread.run_sync(attribution_cues, article)
        while spend.attempts < settings.max_attempts:
            completion = await self._call(article, repair, max_tokens, spend)
            if completion.refusal:
                raise ModelRefused(
                    f"The model declined to answer: {completion.refusal[:300]}",
                    extra=spend.report(),
                )
            if completion.finish_reason == "length":
                # A cut-off answer is not re-asked blindly: one more try with room to finish.
                if budget_raised:
                    truncated = f"the answer was cut off at {max_tokens} tokens twice"
                    break
                budget_raised = True
                max_tokens *= TRUNCATION_BUDGET_FACTOR
                log.info("answer truncated; retrying with max_tokens=%d", max_tokens)
                continue
            grounded = last = await to_thread.run_sync(ground_answer, article, completion.content)
            if grounded.parsed and (best is None or _size(grounded) >= _size(best)):
                best = grounded
            missed = crosscheck(cues, grounded)
            if not grounded.errors:
                again = settings.crosscheck_reask and spend.attempts < settings.max_attempts
                if missed and again and not crosschecked:
                    crosschecked = True
                    repair = (completion.content or "", [_missed_error(m) for m in missed])
                    continue
                return assemble(article, grounded, [_missed_warning(m) for m in missed])
            repair = (completion.content or "", _shown(grounded.errors))
        if best is not None and best.anything:
            dropped = [f"dropped after {spend.attempts} attempts: {e}" for e in best.errors]
            if truncated:
                dropped.append(f"the last attempts failed: {truncated} (NEWSBRIEF_MAX_TOKENS)")
            missed = crosscheck(cues, best)
            return assemble(article, best, dropped + [_missed_warning(m) for m in missed])
        if truncated:
            raise ModelOutputInvalid(
                f"The model's answer was cut off twice (NEWSBRIEF_MAX_TOKENS): {truncated}.",
                extra=spend.report(),
            )
        errors = last.errors if last is not None else []
        raise ModelOutputInvalid(
            f"The model's answer did not ground in the article after {spend.attempts} "
            "attempts; nothing could be kept.",
            errors=[{"message": e} for e in errors],
            extra=spend.report(),
        )

    async def _call(
        self,
        article: Article,
        repair: tuple[str, list[str]] | None,
        max_tokens: int,
        spend: Spend,
    ) -> Completion:
        ids = [s.id for s in article.sentences]
        while True:
            schema = schema_for(self.mode, ids)
            messages = base_messages(article, self.mode, schema)
            if repair is not None:
                messages = repair_messages(messages, *repair)
            try:
                completion = await self._complete(messages, schema, max_tokens)
            except SchemaModeRejected:
                # llama.cpp's server rejects json_schema; it honours json_object with a schema.
                fallback = _FALLBACK[self.mode]
                log.warning("the model server rejected %s; using %s", self.mode, fallback)
                self.mode = fallback
                self._probing = fallback in _FALLBACK
                spend.calls += 1
                continue
            except NewsbriefError as exc:
                exc.extra = {**exc.extra, **spend.report()}
                raise
            spend.add(completion)
            self._model_seen = completion.model
            self._probing = False  # the server takes this mode: keep it
            return completion

    async def _complete(
        self, messages: list[dict[str, str]], schema: dict[str, Any], max_tokens: int
    ) -> Completion:
        probing = self._probing and self.mode in _FALLBACK
        try:
            return await self.transport.complete(
                messages,
                response_format(self.mode, schema),
                max_tokens,
                # A 500 may be the rejection itself; 502, 503 and 504 are still retried.
                no_retry={500} if probing else frozenset(),
            )
        except NewsbriefError as exc:
            if probing and _rejects_format(exc):
                raise SchemaModeRejected from exc
            raise


def _rejects_format(exc: NewsbriefError) -> bool:
    """A 422 or 500 to a probe is the server refusing the format (llama-cpp-python); a 400 is
    only when it says so, since it may also be, say, a prompt over the context length."""
    status = exc.extra.get("upstream_status")
    if status in (422, 500):
        return True
    return status == 400 and any(word in exc.detail for word in _FORMAT_WORDS)


def response_format(mode: OutputMode, schema: dict[str, Any]) -> dict[str, Any]:
    if mode == "json_schema":
        return {
            "type": "json_schema",
            "json_schema": {"name": "brief", "strict": True, "schema": schema},
        }
    if mode == "json_object_schema":
        return {"type": "json_object", "schema": schema}
    return {"type": "json_object"}


@dataclass(frozen=True)
class Missed:
    """A sentence where the extractive engine sees attribution that no model claim cites."""

    sentence: str
    cue: str


def attribution_cues(article: Article) -> list[Missed]:
    """Each sentence where the extractive rules find a reporting cue, with its first cue."""
    found: dict[str, Missed] = {}
    for claim in extract(article).claims:
        sentence = article.sentence_at(claim.evidence.start)
        if claim.cue is not None and sentence is not None and sentence.id not in found:
            found[sentence.id] = Missed(sentence.id, claim.cue)
    return sorted(found.values(), key=lambda m: int(m.sentence[1:]))


def crosscheck(cues: list[Missed], grounded: Grounded) -> list[Missed]:
    """The sentences with an attribution cue that no claim of the model cites."""
    cited = {sid for claim in grounded.claims for sid in claim.sentences}
    return [cue for cue in cues if cue.sentence not in cited]


def _missed_warning(missed: Missed) -> str:
    return f"{missed.sentence} has attribution ({missed.cue!r}) that no claim cites"


def _missed_error(missed: Missed) -> str:
    return f"$.claims: {missed.sentence} has a reporting cue ({missed.cue!r}) but no claim cites it"


def _shown(errors: list[str]) -> list[str]:
    if len(errors) <= MAX_ERRORS_SHOWN:
        return errors
    rest = len(errors) - MAX_ERRORS_SHOWN
    return [*errors[:MAX_ERRORS_SHOWN], f"$: and {rest} more errors of the same kinds"]


def _size(grounded: Grounded) -> int:
    return len(grounded.actors) + len(grounded.claims) + len(grounded.hedges)
