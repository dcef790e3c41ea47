"""The HTTP API: POST /v1/summaries, GET /v1/schema, GET /healthz."""

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse, Response

from schemas import Brief, Problem, SummaryRequest
from service import __version__
from service.cache import BriefCache
from service.config import Settings, get_settings
from service.errors import TextTooLarge, UnsupportedMediaType
from service.llm.engine import LlmEngine
from service.pipeline import llm_engine_for, summarize
from service.problems import install_problem_handlers, problem_for

log = logging.getLogger("newsbrief")

_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": Problem, "description": text, "content": {"application/problem+json": {}}}
    for status, text in {
        400: "Malformed JSON, a body that is not UTF-8, or JSON nested too deeply.",
        413: "The text is longer than NEWSBRIEF_MAX_TEXT_CHARS.",
        415: "The content type is missing or not JSON.",
        422: "Missing, mistyped, unknown or empty fields.",
        429: "Too many briefs are waiting on the model; retry after Retry-After seconds.",
        502: "The model's answer stayed invalid (errors and usage in the body), or the model "
        "server failed or rejected the request.",
        503: "The llm engine is not configured, or the model server is unreachable.",
        504: "The model server timed out.",
    }.items()
}


SettingsDep = Annotated[Settings, Depends(get_settings)]


def get_cache(request: Request) -> BriefCache:
    cache: BriefCache = request.app.state.cache
    return cache


def get_llm(request: Request) -> LlmEngine | None:
    llm: LlmEngine | None = request.app.state.llm
    return llm


def require_json(request: Request) -> None:
    """Refuse bodies that are not JSON with a 415 that says what to send."""
    content_type = request.headers.get("content-type", "")
    media = content_type.split(";")[0].strip().lower()
    if media != "application/json" and not media.endswith("+json"):
        given = f"not {media!r}" if media else "and say so in the content-type header"
        raise UnsupportedMediaType(
            f"Send the article as JSON (content-type: application/json), {given}."
        )


def create_app(settings: Settings | None = None, llm: LlmEngine | None = None) -> FastAPI:
    """Build the application; uvicorn calls this as a factory. `llm` replaces the llm engine
    the app would make from its settings (tests hand in one with a fake transport)."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine, why = settings.engine_choice()
        log.info("newsbrief %s: engine %s (%s)", __version__, engine, why)
        try:
            if llm is not None:
                yield
                return
            async with llm_engine_for(settings) as own:
                app.state.llm = own
                yield
        finally:
            app.state.cache.close()  # finishes the brief store's pending writes

    app = FastAPI(
        title="newsbrief",
        version=__version__,
        summary="Turn a news article into a structured, grounded brief.",
        lifespan=lifespan,
    )
    app.state.cache = BriefCache.from_settings(settings)
    app.state.llm = llm  # the process's shared llm engine; else made by the lifespan
    app.dependency_overrides[get_settings] = lambda: settings
    install_problem_handlers(app)
    body_limit = settings.max_text_chars * 6 + 65_536

    @app.middleware("http")
    async def limit_body(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        length = request.headers.get("content-length", "")
        if length.isdigit() and int(length) > body_limit:
            # Raised errors do not reach the handlers from a middleware: answer directly.
            return problem_for(
                TextTooLarge(
                    f"The body has {int(length):,} bytes; the text may have at most "
                    f"{settings.max_text_chars:,} characters (NEWSBRIEF_MAX_TEXT_CHARS)."
                )
            )
        return await call_next(request)

    @app.post(
        "/v1/summaries",
        response_model=Brief,
        responses=_ERRORS,
        dependencies=[Depends(require_json)],
        summary="Brief one article",
    )
    async def create_summary(
        body: SummaryRequest,
        settings: SettingsDep,
        cache: Annotated[BriefCache, Depends(get_cache)],
        llm: Annotated[LlmEngine | None, Depends(get_llm)],
    ) -> Brief:
        """Summary, actors, claims and hedges; every span indexes the text as sent."""
        return await summarize(body, settings, cache, llm)

    @app.get("/v1/schema", summary="The Brief's JSON Schema")
    async def brief_schema() -> JSONResponse:
        return JSONResponse(Brief.model_json_schema())

    @app.head("/healthz", include_in_schema=False)
    @app.get("/healthz", summary="Liveness and the engine in use")
    async def healthz(settings: SettingsDep) -> dict[str, str]:
        engine, _ = settings.engine_choice()
        return {"status": "ok", "version": __version__, "engine": engine}

    return app
