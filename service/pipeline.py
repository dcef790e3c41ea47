"""The one pipeline: the API, the CLI and `make summaries` all call `summarize`.

The llm engine (and with it the openai SDK, about half a second of imports) is imported only
when an llm brief is made: an extractive run never loads it."""

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

from anyio import to_thread

from schemas import SCHEMA_VERSION, Brief, Meta, SummaryRequest
from service.article import Article
from service.brief_json import with_meta
from service.cache import BriefCache, BriefKey, encode_brief, text_sha256
from service.config import Settings
from service.engine_result import EngineResult
from service.errors import EngineUnavailable, TextTooLarge
from service.extractive.engine import engine_version, extract
from service.flights import Flights
from service.language import not_english_warning

if TYPE_CHECKING:
    from service.llm.engine import LlmEngine
    from service.workers import WorkerPool  # pebble and multiprocessing: only the API has a pool


def resolve_engine(requested: str, settings: Settings) -> str:
    """The engine that will run for a request: its own choice, else NEWSBRIEF_ENGINE, where
    `auto` is decided by `Settings.engine_choice`. llm with no model configured is a 503."""
    if requested == "auto":
        requested = settings.engine
    if requested == "auto":
        requested = settings.engine_choice()[0]
    if requested == "llm" and not settings.model_configured():
        raise EngineUnavailable(settings.llm_unavailable())
    return requested


def brief_key(request: SummaryRequest, engine: str, settings: Settings) -> BriefKey:
    """The cache and staleness key of a request on an engine."""
    llm = engine == "llm"
    return BriefKey(
        text_sha256=text_sha256(request.text),
        title=request.title,
        engine=engine,
        model=settings.model if llm else None,
        prompt_version=_prompt_version() if llm else None,
        engine_version=None if llm else engine_version(),
        schema_version=SCHEMA_VERSION,
    )


def _prompt_version() -> str:
    from service.llm.prompts import prompt_version

    return prompt_version()


@asynccontextmanager
async def llm_engine_for(settings: Settings) -> "AsyncIterator[LlmEngine | None]":
    """The llm engine for a run (its client closed after), or None with no model configured."""
    if not settings.model_configured():
        yield None
        return
    from service.llm.engine import LlmEngine

    engine = LlmEngine(settings)
    try:
        yield engine
    finally:
        await engine.close()


async def summarize(
    request: SummaryRequest,
    settings: Settings,
    cache: BriefCache | None = None,
    llm: "LlmEngine | None" = None,
    *,
    pool: "WorkerPool | None" = None,
    flights: Flights[bytes] | None = None,
) -> Brief:
    """Brief one article: validate, segment, run the engine, assemble the meta.

    `llm` is the process's shared llm engine; without one, a request for llm makes its own.
    `pool` runs extractive work in worker processes (else in a thread); `flights` lets
    identical requests in flight at once share one brief."""
    data = await summarize_encoded(request, settings, cache, llm, pool=pool, flights=flights)
    return await to_thread.run_sync(Brief.model_validate_json, data)


async def summarize_encoded(
    request: SummaryRequest,
    settings: Settings,
    cache: BriefCache | None = None,
    llm: "LlmEngine | None" = None,
    *,
    pool: "WorkerPool | None" = None,
    flights: Flights[bytes] | None = None,
) -> bytes:
    """`summarize`, with the brief as its JSON bytes (`encode_brief`): what the API sends and
    the cache keeps, so that neither decodes nor encodes a large brief again."""
    started = time.perf_counter()
    if len(request.text) > settings.max_text_chars:
        raise TextTooLarge(
            f"text has {len(request.text):,} characters; the limit is "
            f"{settings.max_text_chars:,} (NEWSBRIEF_MAX_TEXT_CHARS)"
        )
    engine = resolve_engine(request.options.engine, settings)
    key = brief_key(request, engine, settings)
    # A lookup that may reach the store's file goes to a thread; a sure miss does not.
    if (
        cache is not None
        and cache.may_have(key)
        and (hit := await to_thread.run_sync(cache.get_encoded, key)) is not None
    ):
        timings_ms = {"total": _ms_since(started)}
        return with_meta(
            hit, cached=True, timings_ms=timings_ms, url=request.url, title=request.title
        )

    async def work() -> bytes:
        data = await _run(request, engine, settings, llm, pool, started)
        if cache is not None:
            cache.put_encoded(key, data)  # the store's write has its own thread
        return data

    data = await (work() if flights is None else flights.run(key, work))
    # The meta echoes the request's own url and title: a cached or shared brief may have
    # been made for a request with another url.
    return with_meta(data, url=request.url, title=request.title)


async def _run(
    request: SummaryRequest,
    engine: str,
    settings: Settings,
    llm: "LlmEngine | None",
    pool: "WorkerPool | None",
    started: float,
) -> bytes:
    if engine == "llm":
        if llm is not None:
            return encode_brief(await _run_llm(request, llm, started))
        async with llm_engine_for(settings) as own:
            assert own is not None  # resolve_engine checked that a model is configured
            return encode_brief(await _run_llm(request, own, started))
    if pool is not None:
        # JSON across the process boundary, passed on as it came: unpickling (or decoding)
        # a large brief's objects would hold the event loop for a tenth of a second.
        data = await pool.run(extractive_brief_json, request.text, request.title)
    else:
        data = await to_thread.run_sync(extractive_brief_json, request.text, request.title)
    return with_meta(data, timings={"total": _ms_since(started)})


def _ms_since(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 3)


def summarize_sync(request: SummaryRequest, settings: Settings) -> Brief:
    """The same pipeline for callers without an event loop (the CLI)."""
    return asyncio.run(summarize(request, settings))


async def _run_llm(request: SummaryRequest, llm: "LlmEngine", started: float) -> Brief:
    t0 = time.perf_counter()
    article = await to_thread.run_sync(Article, request.text, request.title)
    t1 = time.perf_counter()
    outcome = await llm.brief(article)
    total = time.perf_counter() - started
    timings = {
        "segment": round((t1 - t0) * 1000, 3),
        "model": round(outcome.spend.waited_s * 1000, 3),
        "service": round((total - outcome.spend.waited_s) * 1000, 3),
        "total": round(total * 1000, 3),
    }
    result = outcome.result
    return _brief(
        result,
        text_sha256=text_sha256(request.text),
        engine="llm",
        model=outcome.model or llm.transport.model,
        requested_model=llm.settings.model,
        prompt_version=_prompt_version(),
        attempts=outcome.spend.attempts,
        model_calls=outcome.spend.calls,
        usage=outcome.spend.usage,
        timings_ms=timings,
    )


def extractive_brief(text: str, title: str | None) -> Brief:
    """The extractive engine's brief of a text (a worker process runs this)."""
    t0 = time.perf_counter()
    article = Article(text, title)
    t1 = time.perf_counter()
    result = extract(article)
    # The rules read English only: say so, rather than hand back a near-empty brief unexplained.
    if (warning := not_english_warning(text)) is not None:
        result.warnings.append(warning)
    t2 = time.perf_counter()
    timings = {"segment": round((t1 - t0) * 1000, 3), "engine": round((t2 - t1) * 1000, 3)}
    return _brief(
        result,
        text_sha256=text_sha256(text),
        engine="extractive",
        engine_version=engine_version(),
        timings_ms=timings,
    )


def extractive_brief_json(text: str, title: str | None) -> bytes:
    """`extractive_brief` encoded, as a worker process sends it back."""
    return encode_brief(extractive_brief(text, title))


def _brief(result: EngineResult, **meta: Any) -> Brief:
    """The public Brief of an engine's result; `meta` holds the engine's own stamps."""
    return Brief(
        summary=result.summary,
        actors=result.actors,
        claims=result.claims,
        hedges=result.hedges,
        meta=Meta(schema_version=SCHEMA_VERSION, warnings=result.warnings, **meta),
    )
