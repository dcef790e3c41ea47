"""The service's error vocabulary: every problem code, its HTTP status and title, in one table,
and the domain exceptions that carry them. The API maps each to problem+json once, at the edge."""

from dataclasses import dataclass
from enum import StrEnum
from http import HTTPStatus
from typing import Any, ClassVar


class ProblemCode(StrEnum):
    """The stable `code` of every error response."""

    BAD_REQUEST = "bad_request"
    MALFORMED_JSON = "malformed_json"
    UNREADABLE_BODY = "unreadable_body"
    INVALID_REQUEST = "invalid_request"
    NOT_FOUND = "not_found"
    METHOD_NOT_ALLOWED = "method_not_allowed"
    # Any other HTTP error the framework raises: the only code whose status is the error's own.
    HTTP_ERROR = "http_error"
    UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"
    TEXT_TOO_LARGE = "text_too_large"
    OVERLOADED = "overloaded"
    ENGINE_UNAVAILABLE = "engine_unavailable"
    MODEL_OUTPUT_INVALID = "model_output_invalid"
    MODEL_REFUSED = "model_refused"
    MODEL_REQUEST_REJECTED = "model_request_rejected"
    MODEL_SERVER_ERROR = "model_server_error"
    MODEL_UNREACHABLE = "model_unreachable"
    MODEL_TIMEOUT = "model_timeout"
    EXTRACTIVE_TIMEOUT = "extractive_timeout"
    WORKER_LOST = "worker_lost"
    # The client hung up before its answer; the status is nginx's, and nobody reads it.
    CLIENT_CLOSED = "client_closed"
    INTERNAL_ERROR = "internal_error"

    @property
    def status(self) -> int:
        return _TABLE[self].status

    @property
    def heading(self) -> str:
        """The problem's `title` (not `title`: str has a method of that name)."""
        return _TABLE[self].title

    @classmethod
    def for_http_status(cls, status: int) -> "ProblemCode":
        """The code of a framework's HTTP error (no such route, wrong method)."""
        return _BY_HTTP_STATUS.get(status, cls.HTTP_ERROR)


@dataclass(frozen=True)
class _Kind:
    status: int
    title: str


def _http(status: int) -> _Kind:
    # The framework's own errors keep the standard phrase as their title.
    return _Kind(status, HTTPStatus(status).phrase)


_TABLE: dict[ProblemCode, _Kind] = {
    ProblemCode.BAD_REQUEST: _http(400),
    ProblemCode.MALFORMED_JSON: _http(400),
    ProblemCode.UNREADABLE_BODY: _http(400),
    ProblemCode.INVALID_REQUEST: _http(422),
    ProblemCode.NOT_FOUND: _http(404),
    ProblemCode.METHOD_NOT_ALLOWED: _http(405),
    ProblemCode.HTTP_ERROR: _Kind(400, "HTTP error"),
    ProblemCode.UNSUPPORTED_MEDIA_TYPE: _Kind(415, "Unsupported media type"),
    ProblemCode.TEXT_TOO_LARGE: _Kind(413, "Text too large"),
    ProblemCode.OVERLOADED: _Kind(429, "Too many requests"),
    ProblemCode.ENGINE_UNAVAILABLE: _Kind(503, "Engine unavailable"),
    ProblemCode.MODEL_OUTPUT_INVALID: _Kind(502, "Model output invalid"),
    ProblemCode.MODEL_REFUSED: _Kind(502, "Model refused"),
    ProblemCode.MODEL_REQUEST_REJECTED: _Kind(502, "Model server rejected the request"),
    ProblemCode.MODEL_SERVER_ERROR: _Kind(502, "Model server error"),
    ProblemCode.MODEL_UNREACHABLE: _Kind(503, "Model server unreachable"),
    ProblemCode.MODEL_TIMEOUT: _Kind(504, "Model server timed out"),
    ProblemCode.EXTRACTIVE_TIMEOUT: _Kind(504, "Brief took too long"),
    ProblemCode.WORKER_LOST: _Kind(500, "Worker process lost"),
    ProblemCode.CLIENT_CLOSED: _Kind(499, "Client closed request"),
    ProblemCode.INTERNAL_ERROR: _http(500),
}
_BY_HTTP_STATUS = {
    kind.status: code
    for code, kind in _TABLE.items()
    if code in (ProblemCode.BAD_REQUEST, ProblemCode.NOT_FOUND, ProblemCode.METHOD_NOT_ALLOWED)
}


def http_title(status: int) -> str:
    """The standard phrase of an HTTP status, for the one code whose status varies."""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ProblemCode.HTTP_ERROR.heading


class NewsbriefError(Exception):
    """Base of every error the service raises on purpose; its code fixes status and title."""

    code: ClassVar[ProblemCode] = ProblemCode.INTERNAL_ERROR

    def __init__(
        self,
        detail: str,
        *,
        errors: list[dict[str, Any]] | None = None,
        extra: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        self.errors = errors
        self.extra = extra or {}  # further members of the problem body (usage, attempts)
        self.headers = headers

    @property
    def status(self) -> int:
        return self.code.status

    @property
    def title(self) -> str:
        return self.code.heading


class UnsupportedMediaType(NewsbriefError):
    """The body is not JSON."""

    code = ProblemCode.UNSUPPORTED_MEDIA_TYPE


class TextTooLarge(NewsbriefError):
    """The article is longer than the configured limit."""

    code = ProblemCode.TEXT_TOO_LARGE


class EngineUnavailable(NewsbriefError):
    """The requested engine cannot run here (e.g. llm with no model configured)."""

    code = ProblemCode.ENGINE_UNAVAILABLE


class Overloaded(NewsbriefError):
    """Too many briefs are already waiting for the model."""

    code = ProblemCode.OVERLOADED


class ModelOutputInvalid(NewsbriefError):
    """The model's answer stayed invalid or ungrounded after every attempt."""

    code = ProblemCode.MODEL_OUTPUT_INVALID


class ModelRefused(NewsbriefError):
    """The model declined to answer."""

    code = ProblemCode.MODEL_REFUSED


class ModelTimedOut(NewsbriefError):
    """The model server did not answer in time, after every retry, or the brief's deadline
    passed."""

    code = ProblemCode.MODEL_TIMEOUT


class UpstreamError(NewsbriefError):
    """The model server failed, refused or could not be reached: what the transport raises.

    It carries what the engine decides on (the upstream status, its Retry-After, and whether
    the upstream body named the response format), so that nobody reads words in `detail`,
    which is a fixed message for the client and never carries the upstream's own text."""

    def __init__(
        self,
        detail: str,
        *,
        upstream_status: int | None = None,
        retry_after_s: float | None = None,
        names_format: bool = False,
        headers: dict[str, str] | None = None,
    ) -> None:
        extra = {"upstream_status": upstream_status} if upstream_status is not None else None
        super().__init__(detail, extra=extra, headers=headers)
        self.upstream_status = upstream_status
        self.retry_after_s = retry_after_s
        self.names_format = names_format


class ModelRequestRejected(UpstreamError):
    """The model server refused the request itself (400, 401, 403, 404, 422)."""

    code = ProblemCode.MODEL_REQUEST_REJECTED


class ModelServerError(UpstreamError):
    """The model server kept failing (5xx) after every transport retry, or answered a 200
    that is not a chat completion."""

    code = ProblemCode.MODEL_SERVER_ERROR


class ModelUnreachable(UpstreamError):
    """The model server could not be reached, or stayed overloaded, after every retry."""

    code = ProblemCode.MODEL_UNREACHABLE


class WorkTimedOut(NewsbriefError):
    """CPU work for one brief ran past its deadline and was stopped."""

    code = ProblemCode.EXTRACTIVE_TIMEOUT


class WorkerLost(NewsbriefError):
    """The worker process briefing a text died (out of memory, killed)."""

    code = ProblemCode.WORKER_LOST


def plain_message(message: str) -> str:
    """Pydantic's message for a failed validator, without its 'Value error, ' prefix."""
    return message.removeprefix("Value error, ")
