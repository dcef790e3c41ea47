"""The service's error vocabulary. The API maps each to problem+json once, at the edge."""

from typing import Any


class NewsbriefError(Exception):
    """Base of every error the service raises on purpose."""

    status = 500
    code = "internal_error"
    title = "Internal error"

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


class UnsupportedMediaType(NewsbriefError):
    """The body is not JSON."""

    status = 415
    code = "unsupported_media_type"
    title = "Unsupported media type"


class TextTooLarge(NewsbriefError):
    """The article is longer than the configured limit."""

    status = 413
    code = "text_too_large"
    title = "Text too large"


class EngineUnavailable(NewsbriefError):
    """The requested engine cannot run here (e.g. llm with no model configured)."""

    status = 503
    code = "engine_unavailable"
    title = "Engine unavailable"


class Overloaded(NewsbriefError):
    """Too many briefs are already waiting for the model."""

    status = 429
    code = "overloaded"
    title = "Too many requests"


class ModelOutputInvalid(NewsbriefError):
    """The model's answer stayed invalid or ungrounded after every attempt."""

    status = 502
    code = "model_output_invalid"
    title = "Model output invalid"


class ModelRefused(NewsbriefError):
    """The model declined to answer."""

    status = 502
    code = "model_refused"
    title = "Model refused"


class ModelRequestRejected(NewsbriefError):
    """The model server refused the request itself (400, 401, 403, 404, 422)."""

    status = 502
    code = "model_request_rejected"
    title = "Model server rejected the request"


class ModelServerError(NewsbriefError):
    """The model server kept failing (5xx) after every transport retry."""

    status = 502
    code = "model_server_error"
    title = "Model server error"


class ModelUnreachable(NewsbriefError):
    """The model server could not be reached, or stayed overloaded, after every retry."""

    status = 503
    code = "model_unreachable"
    title = "Model server unreachable"


class ModelTimedOut(NewsbriefError):
    """The model server did not answer in time, after every retry."""

    status = 504
    code = "model_timeout"
    title = "Model server timed out"


class WorkTimedOut(NewsbriefError):
    """CPU work for one brief ran past its deadline and was stopped."""

    status = 504
    code = "extractive_timeout"
    title = "Brief took too long"


class WorkerLost(NewsbriefError):
    """The worker process briefing a text died (out of memory, killed)."""

    status = 500
    code = "worker_lost"
    title = "Worker process lost"


def plain_message(message: str) -> str:
    """Pydantic's message for a failed validator, without its 'Value error, ' prefix."""
    return message.removeprefix("Value error, ")
