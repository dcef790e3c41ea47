"""Every error response is RFC 9457 problem+json with a stable code; mapped here, once."""

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from schemas import Problem
from service.errors import NewsbriefError, plain_message

log = logging.getLogger("newsbrief")

PROBLEM_JSON = "application/problem+json"
_HTTP_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed"}


def problem_response(
    status: int,
    code: str,
    detail: str,
    *,
    title: str | None = None,
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
    extra: dict[str, Any] | None = None,
) -> JSONResponse:
    problem = Problem(
        title=title or HTTPStatus(status).phrase,
        status=status,
        detail=detail,
        code=code,
        errors=errors,
        **(extra or {}),
    )
    return JSONResponse(
        problem.model_dump(exclude_none=True),
        status_code=status,
        media_type=PROBLEM_JSON,
        headers=headers,
    )


def problem_for(exc: NewsbriefError) -> JSONResponse:
    """The response for one of the service's own errors."""
    return problem_response(
        exc.status,
        exc.code,
        exc.detail,
        title=exc.title,
        errors=exc.errors,
        extra=exc.extra,
        headers=exc.headers,
    )


def install_problem_handlers(app: FastAPI) -> None:
    """Map domain errors, validation errors, HTTP errors and anything unexpected."""

    @app.exception_handler(NewsbriefError)
    async def _domain(request: Request, exc: NewsbriefError) -> JSONResponse:
        return problem_for(exc)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [_describe(e) for e in exc.errors()]
        if any(e["type"] == "json_invalid" for e in errors):
            where = errors[0]["loc"][-1] if errors[0]["loc"] else "?"
            return problem_response(
                400,
                "malformed_json",
                f"The body is not valid JSON (the parser stopped at character {where}).",
            )
        summary = "; ".join(f"{_path(e['loc'])}: {e['msg']}" for e in errors)
        return problem_response(422, "invalid_request", summary, errors=errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 400 and exc.__cause__ is not None:
            # FastAPI turns any failure to read the body into a bare 400; its cause says which.
            return _unreadable(exc.__cause__)
        code = _HTTP_CODES.get(exc.status_code, f"http_{exc.status_code}")
        detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
        headers = dict(exc.headers) if exc.headers else None
        return problem_response(exc.status_code, code, detail, headers=headers)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return problem_response(
            500, "internal_error", "Something went wrong on our side; it has been logged."
        )


def _unreadable(cause: BaseException | None) -> JSONResponse:
    """FastAPI says only 'error parsing the body'; the cause says which mistake it was."""
    if isinstance(cause, RecursionError):
        detail = "The JSON is nested too deeply to read."
    elif isinstance(cause, UnicodeDecodeError):
        detail = f"The body is not UTF-8 (byte {cause.start}): send JSON encoded as UTF-8."
    else:
        detail = "The body could not be read as JSON: send JSON encoded as UTF-8."
    return problem_response(400, "unreadable_body", detail)


def _describe(error: Any) -> dict[str, Any]:
    """A validation error without the echoed input (which may be a whole article)."""
    message = plain_message(str(error.get("msg", "")))
    return {"loc": list(error.get("loc", ())), "msg": message, "type": error["type"]}


def _path(loc: list[Any]) -> str:
    parts = [str(p) for p in loc if p != "body"]
    return ".".join(parts) or "body"
