"""The HTTP API: POST /v1/summaries, GET /v1/schema, GET /healthz, /readyz and /metrics, and
the OpenAPI pages (/docs, /redoc) with their assets served by the app itself."""

import asyncio
import json
import logging
from collections.abc import AsyncIterator, Awaitable
from contextlib import asynccontextmanager, suppress
from functools import cache
from typing import Annotated, TypeVar

from anyio import to_thread
from fastapi import Depends, FastAPI, Request
from fastapi.responses import Response
from fastapi_offline import FastAPIOffline
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from schemas import Brief, Health, JsonSchemaDocument, Readiness, SummaryRequest
from service import __version__
from service.brief_json import meta_of
from service.cache import BriefCache
from service.config import Settings, get_settings
from service.errors import NewsbriefError, ProblemCode, TextTooLarge, UnsupportedMediaType
from service.gate import Gate
from service.llm.engine import LlmEngine
from service.metrics import CONTENT_TYPE, MeteredFlights, ServiceMetrics
from service.observe import BRIEF_STATE, Observe
from service.openapi import TAGS, install_openapi, problem_responses
from service.page import router as page_router
from service.pipeline import llm_engine_for, summarize_encoded
from service.problems import install_problem_handlers, problem_for, problem_response
from service.readiness import readiness
from service.workers import WorkerPool, pool_size

log = logging.getLogger("newsbrief")
T = TypeVar("T")

BRIEF_PATH = "/v1/summaries"
# Swagger UI's and ReDoc's files, from the fastapi-offline package: /docs works offline.
DOCS_ASSETS = "/docs/assets"


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
        log.info("newsbrief %s: %s", __version__, settings.serving())
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

    app = FastAPIOffline(
        title="newsbrief",
        version=__version__,
        summary="Turn a news article into a structured, grounded brief.",
        openapi_tags=TAGS,
        static_url=DOCS_ASSETS,
        lifespan=lifespan,
    )
    app.state.cache = BriefCache.from_settings(settings)
    app.state.llm = llm  # the process's shared llm engine; else made by the lifespan
    app.state.pool = None  # extractive workers, started by the lifespan; else a thread
    app.state.metrics = metrics = ServiceMetrics(lambda: _gates(app), app.state.cache)
    app.state.flights = MeteredFlights(metrics)
    app.state.settings = settings
    install_problem_handlers(app)
    install_openapi(app)
    app.add_middleware(BodyLimit, limit=settings.max_text_chars * 6 + 65_536, settings=settings)
    # Outermost: a 413 from the body limit is counted and carries its request id too.
    app.add_middleware(Observe, metrics=metrics, brief_path=BRIEF_PATH)

    @app.post(
        BRIEF_PATH,
        response_model=Brief,
        responses=problem_responses(400, 413, 415, 422, 429, 500, 502, 503, 504),
        dependencies=[Depends(require_json)],
        summary="Brief one article",
        operation_id="createSummary",
        tags=["briefs"],
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
        try:
            data = await until_disconnected(request, work)
        except NewsbriefError as exc:  # for the brief's log line; the handlers answer it
            setattr(request.state, BRIEF_STATE, {"code": exc.code.value, **exc.extra})
            raise
        if data is None:
            return problem_response(
                ProblemCode.CLIENT_CLOSED, "The client went away; the brief was stopped."
            )
        setattr(request.state, BRIEF_STATE, meta_of(data))
        # The brief's JSON as the pipeline made it (the response model is the documentation).
        return Response(data, media_type="application/json")

    @app.get(
        "/v1/schema",
        response_model=JsonSchemaDocument,
        responses=problem_responses(500),
        summary="The Brief's JSON Schema",
        operation_id="getBriefSchema",
        tags=["briefs"],
    )
    async def brief_schema() -> Response:
        return Response(_brief_schema_json(), media_type="application/json")

    @app.head("/healthz", include_in_schema=False)
    @app.get(
        "/healthz",
        responses=problem_responses(500),
        summary="Liveness and the engine that serves",
        operation_id="getHealth",
        tags=["operations"],
    )
    async def healthz(settings: SettingsDep) -> Health:
        engine, _ = settings.default_engine()
        model = settings.model if settings.model_configured() else None
        return Health(status="ok", version=__version__, engine=engine, model=model)

    @app.get(
        "/readyz",
        responses=problem_responses(500, 503),
        summary="Readiness: the default engine can run and the model server answers",
        operation_id="getReadiness",
        tags=["operations"],
    )
    async def readyz(
        settings: SettingsDep, llm: Annotated[LlmEngine | None, Depends(get_llm)]
    ) -> Readiness:
        return await readiness(settings, llm)

    @app.get(
        "/metrics",
        response_class=Response,
        responses={
            200: {"content": {CONTENT_TYPE.split(";")[0]: {"schema": {"type": "string"}}}},
            **problem_responses(500),
        },
        summary="Prometheus metrics",
        operation_id="getMetrics",
        tags=["operations"],
    )
    async def metrics_text(request: Request) -> Response:
        # Reading the store's size touches its file: off the event loop.
        text = await to_thread.run_sync(request.app.state.metrics.render)
        return Response(text, media_type=CONTENT_TYPE)

    app.include_router(page_router)  # the page at /, its files, GET /v1/examples
    return app


def _gates(app: FastAPI) -> dict[str, Gate | None]:
    """The gates whose occupancy /metrics reports, as they are when scraped."""
    llm: LlmEngine | None = app.state.llm
    pool: WorkerPool | None = app.state.pool
    return {
        "llm": llm.gate if llm is not None else None,
        "extractive": pool.gate if pool is not None else None,
    }


@cache
def _brief_schema_json() -> bytes:
    """The Brief's JSON Schema, rendered once (about 5 ms a time)."""
    return json.dumps(Brief.model_json_schema()).encode("utf-8")


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
