"""The one pipeline: the API, the CLI and `make summaries` all call `summarize`."""

import asyncio
import time

from anyio import to_thread

from schemas import SCHEMA_VERSION, Brief, Meta, SummaryRequest
from service.article import Article
from service.cache import BriefCache, BriefKey, text_sha256
from service.config import Settings
from service.errors import EngineUnavailable, TextTooLarge
from service.extractive.engine import engine_version, extract

# The model-backed engine is the next piece of work; until it exists, `auto` cannot pick it.
LLM_ENGINE_BUILT = False


def auto_engine(settings: Settings) -> tuple[str, str]:
    """The engine `auto` means here, and why, in words for the start-up log and /healthz."""
    engine, why = settings.engine_choice()
    if engine == "llm" and not LLM_ENGINE_BUILT:
        return "extractive", f"{why}, but this version has no llm engine yet"
    return engine, why


def resolve_engine(requested: str, settings: Settings) -> str:
    """The engine that will run for a request: its own choice, else NEWSBRIEF_ENGINE, where
    `auto` is decided by `auto_engine`. Asking for llm explicitly is a 503 until it exists."""
    if requested == "auto":
        requested = settings.engine
    if requested == "auto":
        requested = auto_engine(settings)[0]
    if requested == "llm":
        # The model-backed engine is not built yet; say so rather than fall back silently.
        raise EngineUnavailable(
            "No model is configured: the llm engine is not available in this version. "
            "Use engine 'extractive' (or 'auto')."
            if not settings.model_configured()
            else "The llm engine is not available in this version; use 'extractive'."
        )
    return requested


def brief_key(request: SummaryRequest, engine: str) -> BriefKey:
    """The cache and staleness key of a request on an engine."""
    return BriefKey(
        text_sha256=text_sha256(request.text),
        title=request.title,
        engine=engine,
        model=None,
        prompt_version=None,
        engine_version=engine_version() if engine == "extractive" else None,
        schema_version=SCHEMA_VERSION,
    )


async def summarize(
    request: SummaryRequest, settings: Settings, cache: BriefCache | None = None
) -> Brief:
    """Brief one article: validate, segment, run the engine, assemble the meta."""
    started = time.perf_counter()
    if len(request.text) > settings.max_text_chars:
        raise TextTooLarge(
            f"text has {len(request.text):,} characters; the limit is "
            f"{settings.max_text_chars:,} (NEWSBRIEF_MAX_TEXT_CHARS)"
        )
    engine = resolve_engine(request.options.engine, settings)
    key = brief_key(request, engine)
    if cache is not None and (hit := cache.get(key)) is not None:
        elapsed = (time.perf_counter() - started) * 1000
        meta = hit.meta.model_copy(update={"cached": True, "timings_ms": {"total": elapsed}})
        return hit.model_copy(update={"meta": meta})
    brief = await to_thread.run_sync(_run_extractive, request, started)
    if cache is not None:
        cache.put(key, brief)
    return brief


def summarize_sync(request: SummaryRequest, settings: Settings) -> Brief:
    """The same pipeline for callers without an event loop (the CLI)."""
    return asyncio.run(summarize(request, settings))


def _run_extractive(request: SummaryRequest, started: float) -> Brief:
    t0 = time.perf_counter()
    article = Article(request.text, request.title)
    t1 = time.perf_counter()
    result = extract(article)
    t2 = time.perf_counter()
    timings = {
        "segment": round((t1 - t0) * 1000, 3),
        "engine": round((t2 - t1) * 1000, 3),
        "total": round((t2 - started) * 1000, 3),
    }
    meta = Meta(
        text_sha256=text_sha256(request.text),
        engine="extractive",
        model=result.model,
        prompt_version=result.prompt_version,
        engine_version=engine_version(),
        schema_version=SCHEMA_VERSION,
        attempts=result.attempts,
        usage=result.usage,
        timings_ms=timings,
        warnings=result.warnings,
    )
    return Brief(
        summary=result.summary,
        actors=result.actors,
        claims=result.claims,
        hedges=result.hedges,
        meta=meta,
    )
