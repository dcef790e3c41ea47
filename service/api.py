"""The HTTP API: POST /v1/summaries, GET /v1/schema, GET /healthz."""

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable
from contextlib import asynccontextmanager, suppress
from typing import Annotated, Any, TypeVar

from anyio import to_thread
from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from schemas import Brief, Problem, SummaryRequest
from service import __version__
from service.cache import BriefCache
from service.config import Settings, get_settings
from service.errors import ProblemCode, TextTooLarge, UnsupportedMediaType
from service.flights import Flights
from service.llm.engine import LlmEngine
from service.page import router as page_router
from service.pipeline import llm_engine_for, summarize_encoded
from service.problems import install_problem_handlers, problem_for, problem_response
from service.workers import WorkerPool, pool_size

log = logging.getLogger("newsbrief")
T = TypeVar("T")

_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": Problem, "description": text, "content": {"application/problem+json": {}}}
    for status, text in {
        400: "Malformed JSON, a body that is not UTF-8, or JSON nested too deeply.",
        413: "The text is longer than NEWSBRIEF_MAX_TEXT_CHARS.",
        415: "The content type is missing or not JSON.",
        422: "Missing, mistyped, unknown or empty fields.",
        429: "Too many briefs are waiting (on the model, or for an extractive worker); retry "
        "after Retry-After seconds.",
        502: "The model's answer stayed invalid (errors and usage in the body), or the model "
        "server failed or rejected the request.",
        503: "The llm engine is not configured, or the model server is unreachable.",
        504: "The model server timed out, or an extractive brief ran past "
        "NEWSBRIEF_EXTRACTIVE_TIMEOUT and was stopped.",
    }.items()
}


async def get_app_settings(request: Request) -> Settings:
    """The settings the app was made with. Every dependency here is `async def`: FastAPI runs
    a plain `def` in a thread, a hop that costs more than these lookups."""
    settings: Settings = request.app.state.settings
    return settings


SettingsDep = Annotated[Settings, Depends(get_app_settings)]


async def get_cache(request: Request) -> BriefCache:
    cache: BriefCache = request.app.state.cache
    return cache


async def get_llm(request: Request) -> LlmEngine | None:
    llm: LlmEngine | None = request.app.state.llm
    return llm


async def require_json(request: Request) -> None:
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
        app.state.pool = WorkerPool(
            pool_size(settings.extractive_workers),
            settings.extractive_queue,
            settings.extractive_timeout,
        )
        try:
            if llm is not None:
                llm.pool = app.state.pool
                yield
                return
            async with llm_engine_for(settings) as own:
                if own is not None:
                    own.pool = app.state.pool  # the cross-check runs on another core
                app.state.llm = own
                yield
        finally:
            await to_thread.run_sync(app.state.pool.close)
            app.state.cache.close()  # finishes the brief store's pending writes

    app = FastAPI(
        title="newsbrief",
        version=__version__,
        summary="Turn a news article into a structured, grounded brief.",
        lifespan=lifespan,
    )
    app.state.cache = BriefCache.from_settings(settings)
    app.state.llm = llm  # the process's shared llm engine; else made by the lifespan
    app.state.pool = None  # extractive workers, started by the lifespan; else a thread
    app.state.flights = Flights[bytes]()
    app.state.settings = settings
    install_problem_handlers(app)
    app.add_middleware(BodyLimit, limit=settings.max_text_chars * 6 + 65_536, settings=settings)

    @app.post(
        "/v1/summaries",
        response_model=Brief,
        responses=_ERRORS,
        dependencies=[Depends(require_json)],
        summary="Brief one article",
    )
    async def create_summary(
        request: Request,
        body: SummaryRequest,
        settings: SettingsDep,
        cache: Annotated[BriefCache, Depends(get_cache)],
        llm: Annotated[LlmEngine | None, Depends(get_llm)],
    ) -> Response:
        """Summary, actors, claims and hedges; every span indexes the text as sent."""
        state = request.app.state
        work = summarize_encoded(body, settings, cache, llm, pool=state.pool, flights=state.flights)
        data = await until_disconnected(request, work)
        if data is None:
            return problem_response(
                ProblemCode.CLIENT_CLOSED, "The client went away; the brief was stopped."
            )
        # The brief's JSON as the pipeline made it (the response model is the documentation).
        return Response(data, media_type="application/json")

    @app.get("/v1/schema", summary="The Brief's JSON Schema")
    async def brief_schema() -> JSONResponse:
        return JSONResponse(Brief.model_json_schema())

    @app.head("/healthz", include_in_schema=False)
    @app.get("/healthz", summary="Liveness and the engine in use")
    async def healthz(settings: SettingsDep) -> dict[str, str]:
        engine, _ = settings.engine_choice()
        return {"status": "ok", "version": __version__, "engine": engine}

    app.include_router(page_router)  # the page at /, its files, GET /v1/examples
    return app


async def until_disconnected(request: Request, work: Awaitable[T]) -> T | None:
    """The result of `work`, or None, with the work cancelled, when the client hangs up first
    (a brief nobody will read must not keep its place in a queue or its model call)."""
    task = asyncio.ensure_future(work)
    watch = asyncio.ensure_future(_disconnect(request))
    try:
        await asyncio.wait({task, watch}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        if not task.done():  # the client went away, or this handler itself was cancelled
            task.cancel()
        watch.cancel()
    if not task.done() or task.cancelled():
        with suppress(asyncio.CancelledError):
            await task
        log.info("client went away: %s %s stopped", request.method, request.url.path)
        return None
    return task.result()


async def _disconnect(request: Request) -> None:
    # The body has been read whole: the next message can only be the disconnect.
    while (await request.receive())["type"] != "http.disconnect":
        pass


class BodyLimit:
    """Refuse a body over `limit` bytes with a 413 as soon as it passes the limit, whether it
    says its length or comes chunked: the rest is never read, let alone parsed."""

    def __init__(self, app: ASGIApp, limit: int, settings: Settings) -> None:
        self.app = app
        self.limit = limit
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            await self._refuse(int(declared), scope, receive, send)
            return
        body: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":  # the client went away mid-body
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await self._refuse(size, scope, receive, send, at_least=True)
                return
            body.append(chunk)
            more = message.get("more_body", False)
        await self.app(scope, _replay(b"".join(body), receive), send)

    async def _refuse(
        self, size: int, scope: Scope, receive: Receive, send: Send, *, at_least: bool = False
    ) -> None:
        bytes_ = f"more than {self.limit:,}" if at_least else f"{size:,}"
        response = problem_for(
            TextTooLarge(
                f"The body has {bytes_} bytes; the text may have at most "
                f"{self.settings.max_text_chars:,} characters (NEWSBRIEF_MAX_TEXT_CHARS)."
            )
        )
        response.headers["connection"] = "close"  # the unread rest of the body is not wanted
        await response(scope, receive, send)


def _replay(body: bytes, receive: Receive) -> Receive:
    """A receive that gives the app the body read already, then the client's own messages."""
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replayed
