"""RFC 9457 problem details: the body of every error response."""

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Problem(BaseModel):
    """An error, as application/problem+json."""

    model_config = ConfigDict(extra="allow")

    type: str = Field(default="about:blank", description="A URI naming the problem type.")
    title: str = Field(description="Short, human-readable summary of the problem type.")
    status: int = Field(description="The HTTP status code.")
    detail: str = Field(description="What went wrong with this request, for a person.")
    code: str = Field(description="Stable machine-readable code, e.g. 'text_too_large'.")
    errors: list[dict[str, Any]] | None = Field(
        default=None, description="Field-level errors: location and message."
    )
