"""What /healthz and /readyz answer, for orchestrators and people."""

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class Health(BaseModel):
    """The process is alive, and what serves a request that does not choose an engine."""

    model_config = ConfigDict(frozen=True)

    status: Literal["ok"] = Field(description="Always ok: the process answers.")
    version: str = Field(description="The service's version.")
    engine: Literal["llm", "extractive"] = Field(
        description="The engine of a request that does not choose (NEWSBRIEF_ENGINE, then "
        "auto); see /readyz for whether it can run."
    )
    model: str | None = Field(
        default=None, description="The model name the llm engine asks for, when it is configured."
    )


class Readiness(BaseModel):
    """The service can brief: its default engine can run and, with an llm engine configured,
    the model server answers."""

    model_config = ConfigDict(frozen=True)

    status: Literal["ready"] = Field(description="Always ready; otherwise the answer is a 503.")
    engine: Literal["llm", "extractive"] = Field(description="As in /healthz.")
    model_server: Literal["answers", "not configured"] = Field(
        description="Whether the llm engine's model server answered its models list."
    )


class JsonSchemaDocument(BaseModel):
    """A JSON Schema (draft 2020-12) document: the Brief's, with its definitions."""

    model_config = ConfigDict(extra="allow")

    title: str = Field(description="The schema's title: Brief.")
    type: Literal["object"] = Field(description="A brief is a JSON object.")
    properties: dict[str, Any] = Field(description="The Brief's members and their schemas.")
    required: list[str] = Field(description="The members every brief has.")
    defs: dict[str, Any] = Field(
        alias="$defs", description="The schemas of the Brief's parts (Actor, Claim, Span...)."
    )
