"""Every request gets an id (X-Request-ID, the client's when it sends a usable one), is
counted by route and status, and each brief gets its one structured log line.

A pure ASGI middleware, not BaseHTTPMiddleware: it passes `receive` through untouched, so the
API still hears a client hang up mid-brief (BaseHTTPMiddleware would wrap the request)."""

import re
import time
import uuid
from typing import Any

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.logs import log_brief
from service.metrics import ServiceMetrics

REQUEST_ID_HEADER = "x-request-id"
REQUEST_ID_MAX = 128
# What an id may hold: enough for UUIDs, trace ids and most schemes; nothing that could
# break a log line or a header (spaces, quotes, control characters, newlines).
_UNSAFE = re.compile(r"[^A-Za-z0-9._:/+=@-]")
# Where the route handler leaves what the log line says of a brief (request.state).
BRIEF_STATE = "brief"
REQUEST_ID_STATE = "request_id"


def request_id(given: bytes | None) -> str:
    """The client's id, sanitised and capped, or a new one when it sent none usable."""
    if given:
        cleaned = _UNSAFE.sub("", given.decode("latin-1"))[:REQUEST_ID_MAX]
        if cleaned:
            return cleaned
    return uuid.uuid4().hex


class Observe:
    """Request id in and out, the requests counter, and the brief's log line and latency."""

    def __init__(self, app: ASGIApp, metrics: ServiceMetrics, brief_path: str) -> None:
        self.app = app
        self.metrics = metrics
        self.brief_path = brief_path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rid = request_id(dict(scope["headers"]).get(REQUEST_ID_HEADER.encode()))
        state: dict[str, Any] = scope.setdefault("state", {})
        state[REQUEST_ID_STATE] = rid
        started = time.perf_counter()
        status = 500  # unless a response starts: an exception escaped, and the outer layer says 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message).append(REQUEST_ID_HEADER, rid)
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            seconds = time.perf_counter() - started
            route = getattr(scope.get("route"), "path", None) or "unmatched"
            self.metrics.requests.labels(route, scope["method"], str(status)).inc()
            if scope["method"] == "POST" and scope["path"] == self.brief_path:
                self._brief_done(state, rid, status, seconds)

    def _brief_done(self, state: dict[str, Any], rid: str, status: int, seconds: float) -> None:
        meta: dict[str, Any] = state.get(BRIEF_STATE) or {}
        engine = meta.get("engine")
        cached = bool(meta.get("cached", False))
        if engine is not None:
            self.metrics.brief_seconds.labels(engine, str(cached).lower()).observe(seconds)
            if cached:
                self.metrics.cache_hits.inc()
        usage = meta.get("usage") or {}
        log_brief(
            {
                "request_id": rid,
                "status": status,
                "code": meta.get("code"),
                "engine": engine,
                "model": meta.get("model"),
                "cached": cached,
                "attempts": meta.get("attempts"),
                "model_calls": meta.get("model_calls"),
                "tokens": usage.get("total_tokens"),
                "ms": round(seconds * 1000, 1),
            }
        )
