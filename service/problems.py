"""Every error response is RFC 9457 problem+json with a stable code; mapped here, once."""

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from schemas import Problem
from service.errors import NewsbriefError, ProblemCode, http_title, plain_message

log = logging.getLogger("newsbrief")

PROBLEM_JSON = "application/problem+json"


def problem_response(
    code: ProblemCode,
    detail: str,
    *,
    status: int | None = None,
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
    extra: dict[str, Any] | None = None,
) -> JSONResponse:
    """The problem+json response for `code`; its status and title come from the code's table,
    except for ProblemCode.HTTP_ERROR, which keeps the framework error's own `status`."""
    if status is None or code is not ProblemCode.HTTP_ERROR:
        status, title = code.status, code.heading
    else:
        title = http_title(status)
    problem = Problem(
        title=title,
        status=status,
        detail=detail,
        code=code.value,
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
        exc.code,
        exc.detail,
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
                ProblemCode.MALFORMED_JSON,
                f"The body is not valid JSON (the parser stopped at character {where}).",
            )
        summary = "; ".join(f"{_path(e['loc'])}: {e['msg']}" for e in errors)
        return problem_response(ProblemCode.INVALID_REQUEST, summary, errors=errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 400 and exc.__cause__ is not None:
            # FastAPI turns any failure to read the body into a bare 400; its cause says which.
            return _unreadable(exc.__cause__)
        code = ProblemCode.for_http_status(exc.status_code)
        detail = exc.detail if isinstance(exc.detail, str) else http_title(exc.status_code)
        headers = dict(exc.headers) if exc.headers else None
        return problem_response(code, detail, status=exc.status_code, headers=headers)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return problem_response(
            ProblemCode.INTERNAL_ERROR, "Something went wrong on our side; it has been logged."
        )


def _unreadable(cause: BaseException | None) -> JSONResponse:
    """FastAPI says only 'error parsing the body'; the cause says which mistake it was."""
    if isinstance(cause, RecursionError):
        detail = "The JSON is nested too deeply to read."
    elif isinstance(cause, UnicodeDecodeError):
        detail = f"The body is not UTF-8 (byte {cause.start}): send JSON encoded as UTF-8."
    else:
        detail = "The body could not be read as JSON: send JSON encoded as UTF-8."
    return problem_response(ProblemCode.UNREADABLE_BODY, detail)


def _describe(error: Any) -> dict[str, Any]:
    """A validation error without the echoed input (which may be a whole article)."""
    message = plain_message(str(error.get("msg", "")))
    return {"loc": list(error.get("loc", ())), "msg": message, "type": error["type"]}


def _path(loc: list[Any]) -> str:
    parts = [str(p) for p in loc if p != "body"]
    return ".".join(parts) or "body"
