"""RFC 9457 problem details: the body of every error response."""

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

# The codes and their statuses are one table, in the service's error vocabulary; the contract
# publishes them as an enum so that a generated client can branch on them.
from service.errors import ProblemCode


class Problem(BaseModel):
    """An error, as application/problem+json."""

    model_config = ConfigDict(extra="allow")

    type: str = Field(default="about:blank", description="A URI naming the problem type.")
    title: str = Field(description="Short, human-readable summary of the problem type.")
    status: int = Field(description="The HTTP status code.")
    detail: str = Field(description="What went wrong with this request, for a person.")
    code: ProblemCode = Field(
        description="Stable machine-readable code, e.g. 'text_too_large'; new codes may be "
        "added in later versions."
    )
    errors: list[dict[str, Any]] | None = Field(
        default=None, description="Field-level errors: location and message."
    )
