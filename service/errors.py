"""The service's error vocabulary. The API maps each to problem+json once, at the edge."""

from typing import Any


class NewsbriefError(Exception):
    """Base of every error the service raises on purpose."""

    status = 500
    code = "internal_error"
    title = "Internal error"

    def __init__(self, detail: str, *, errors: list[dict[str, Any]] | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.errors = errors


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


def plain_message(message: str) -> str:
    """Pydantic's message for a failed validator, without its 'Value error, ' prefix."""
    return message.removeprefix("Value error, ")
