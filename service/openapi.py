"""The OpenAPI document as clients need it: error responses as application/problem+json with
the Problem schema and a real example of each code, tags, readable operation ids."""

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI

from schemas import Problem
from service.errors import ProblemCode
from service.problems import PROBLEM_JSON

TAGS = [
    {"name": "briefs", "description": "Brief an article; the Brief's schema."},
    {"name": "operations", "description": "Liveness, readiness and metrics, for orchestrators."},
]

# What each status means on the routes that declare it.
_WHEN = {
    400: "Malformed JSON, a body that is not UTF-8, or JSON nested too deeply.",
    413: "The text is longer than NEWSBRIEF_MAX_TEXT_CHARS.",
    415: "The content type is missing or not JSON.",
    422: "Missing, mistyped, unknown or empty fields.",
    429: "Too many briefs are waiting (on the model, or for an extractive worker); retry "
    "after Retry-After seconds.",
    500: "A bug, or the worker process briefing the text died; logged, never a traceback.",
    502: "The model's answer stayed invalid (errors and usage in the body), or the model "
    "server failed or rejected the request.",
    503: "The llm engine is not configured, or the model server is unreachable.",
    504: "The model server timed out, or an extractive brief ran past "
    "NEWSBRIEF_EXTRACTIVE_TIMEOUT and was stopped.",
}

# A detail each code really carries (the service's own wording), for the examples.
_DETAILS: dict[ProblemCode, str] = {
    ProblemCode.MALFORMED_JSON: "The body is not valid JSON (the parser stopped at character 12).",
    ProblemCode.UNREADABLE_BODY: "The body is not UTF-8 (byte 9): send JSON encoded as UTF-8.",
    ProblemCode.TEXT_TOO_LARGE: "The body has 1,265,537 bytes; the text may have at most "
    "200,000 characters (NEWSBRIEF_MAX_TEXT_CHARS).",
    ProblemCode.UNSUPPORTED_MEDIA_TYPE: "Send the article as JSON (content-type: "
    "application/json), not 'text/plain'.",
    ProblemCode.INVALID_REQUEST: "text: text is empty, or has no letters or digits",
    ProblemCode.OVERLOADED: "4 briefs waiting on the model and 16 more are queued "
    "(NEWSBRIEF_MAX_INFLIGHT, NEWSBRIEF_MAX_QUEUE); try again in 12 s.",
    ProblemCode.INTERNAL_ERROR: "Something went wrong on our side; it has been logged.",
    ProblemCode.WORKER_LOST: "The worker process briefing the text died; a fresh one takes "
    "its place.",
    ProblemCode.MODEL_OUTPUT_INVALID: "The model's answer stayed invalid after 3 attempts.",
    ProblemCode.MODEL_REFUSED: "The model declined to answer: I can't help with that.",
    ProblemCode.MODEL_REQUEST_REJECTED: "The model server rejected the request (HTTP 404). "
    "Check NEWSBRIEF_BASE_URL and NEWSBRIEF_MODEL. The server's message is in the service's log.",
    ProblemCode.MODEL_SERVER_ERROR: "The model server failed (HTTP 500) after 4 calls. "
    "The server's message is in the service's log.",
    ProblemCode.ENGINE_UNAVAILABLE: "No model is configured for the llm engine: set "
    "NEWSBRIEF_BASE_URL (and NEWSBRIEF_MODEL), or an API key and NEWSBRIEF_MODEL, or use "
    "engine 'extractive' (or 'auto').",
    ProblemCode.MODEL_UNREACHABLE: "The model server could not be reached after 4 calls; is "
    "NEWSBRIEF_BASE_URL right and the server running?",
    ProblemCode.MODEL_TIMEOUT: "The model server did not answer in time after 4 calls "
    "(NEWSBRIEF_TIMEOUT).",
    ProblemCode.EXTRACTIVE_TIMEOUT: "The brief took more than 30 s (NEWSBRIEF_EXTRACTIVE_TIMEOUT)"
    " and was stopped.",
}


def example(code: ProblemCode) -> dict[str, Any]:
    """A problem body as the service sends it for `code`."""
    return {
        "type": "about:blank",
        "title": code.heading,
        "status": code.status,
        "detail": _DETAILS[code],
        "code": code.value,
    }


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The `responses` of a route for these error statuses, each with an example per code."""
    responses: dict[int | str, dict[str, Any]] = {}
    for status in statuses:
        examples = {
            code.value: {"summary": code.heading, "value": example(code)}
            for code in _DETAILS
            if code.status == status
        }
        responses[status] = {
            "model": Problem,
            "description": _WHEN[status],
            "content": {PROBLEM_JSON: {"examples": examples}},
        }
    return responses


def install_openapi(app: FastAPI) -> None:
    """Make `app.openapi()` return the document with its error responses fixed."""
    generate: Callable[[], dict[str, Any]] = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = problems_as_problem_json(generate())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def problems_as_problem_json(document: dict[str, Any]) -> dict[str, Any]:
    """FastAPI puts a response's `model` under application/json; an error's body is
    application/problem+json, which is all it is sent as, so its schema moves there."""
    for operations in document.get("paths", {}).values():
        for operation in operations.values():
            for response in operation.get("responses", {}).values():
                content = response.get("content", {})
                if PROBLEM_JSON in content and "application/json" in content:
                    schema = content.pop("application/json")["schema"]
                    content[PROBLEM_JSON] = {"schema": schema, **content[PROBLEM_JSON]}
    return document
