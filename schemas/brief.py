"""The Brief: what every engine returns, and the v1 public contract.

Field names are the contract: add fields freely, rename none without bumping SCHEMA_VERSION.
"""

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = "1.0"

ActorKind = Literal["person", "organization", "country", "location", "group", "other"]
HedgeKind = Literal["attribution", "distancing", "uncertainty"]


def _open_to_added_fields(schema: dict[str, Any]) -> None:
    # The service checks what it builds with extra="forbid", but the published schema must not
    # say additionalProperties: false: a client that validates with it would then reject
    # every brief of a later version that adds a field, which the contract allows.
    schema.pop("additionalProperties", None)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, json_schema_extra=_open_to_added_fields)


class Span(_Model):
    """A run of the article's own characters: text[start:end] == span.text."""

    start: int = Field(ge=0, description="Offset of the first character (Python code points).")
    end: int = Field(ge=0, description="Offset one past the last character.")
    text: str = Field(description="The article's characters between start and end, verbatim.")

    @model_validator(mode="after")
    def _ordered(self) -> "Span":
        if self.end < self.start or len(self.text) != self.end - self.start:
            raise ValueError(f"span [{self.start}, {self.end}) does not fit its text")
        return self


class Actor(_Model):
    """A person, organisation, country, place or group that acts or speaks in the story."""

    id: str = Field(description="Stable id within this brief: a1, a2, ...", examples=["a1"])
    name: str = Field(description="Canonical name, the fullest form the article gives.")
    kind: ActorKind = Field(description="What sort of actor this is.")
    role: str | None = Field(
        default=None, description="Title or function as the article gives it, if any."
    )
    aliases: list[str] = Field(
        default_factory=list, description="Other forms of the name found verbatim in the text."
    )
    mentions: list[Span] = Field(
        default_factory=list, description="Where the actor is named in the text."
    )


class Claim(_Model):
    """Something an actor (or the article's own voice) asserts."""

    id: str = Field(description="Stable id within this brief: c1, c2, ...", examples=["c1"])
    statement: str = Field(description="One-sentence paraphrase or extract of the claim.")
    speaker: str | None = Field(
        description="Id of the actor who makes the claim; null is the article's own voice."
    )
    cue: str | None = Field(
        description="The reporting words, e.g. 'said', 'wrote on the Telegram app', 'according to'."
    )
    evidence: Span = Field(description="The article's words that carry the claim.")
    hedges: list[str] = Field(
        default_factory=list, description="Ids of the hedges that qualify this claim."
    )


class Hedge(_Model):
    """A marker of attribution, distancing or uncertainty used by the writer or a source."""

    id: str = Field(description="Stable id within this brief: h1, h2, ...", examples=["h1"])
    kind: HedgeKind = Field(
        description="attribution (whose words), distancing (not endorsed), uncertainty (doubt)."
    )
    span: Span = Field(description="The hedge's words in the article.")
    claim: str | None = Field(
        default=None, description="Id of the claim this hedge qualifies, if any."
    )


class Usage(_Model):
    """Model tokens spent on this brief, summed over every attempt."""

    prompt_tokens: int = Field(default=0, ge=0, description="Tokens sent to the model.")
    completion_tokens: int = Field(default=0, ge=0, description="Tokens the model generated.")
    total_tokens: int = Field(default=0, ge=0, description="prompt_tokens + completion_tokens.")


class Meta(_Model):
    """How the brief was made."""

    engine: Literal["llm", "extractive"] = Field(description="The engine that produced the brief.")
    model: str | None = Field(
        default=None, description="The model name, for the llm engine, as the server reported it."
    )
    requested_model: str | None = Field(
        default=None,
        # Left out when unset (and so from every extractive brief): absent means null.
        exclude_if=lambda value: value is None,
        description="The model name the llm engine was configured with (NEWSBRIEF_MODEL); "
        "absent when unset, the server's own. Stored briefs are current against this.",
    )
    prompt_version: str | None = Field(
        default=None, description="Hash of the prompt templates and model-facing schema (llm)."
    )
    engine_version: str | None = Field(
        default=None, description="Version of the engine's rules (extractive)."
    )
    schema_version: str = Field(default=SCHEMA_VERSION, description="Version of this contract.")
    text_sha256: str | None = Field(
        default=None, description="sha256 of the text as submitted (UTF-8), to tie brief to text."
    )
    attempts: int = Field(
        default=0, ge=0, description="Answers asked of the model: the first and its re-asks."
    )
    model_calls: int = Field(
        default=0, ge=0, description="Requests to the model server, transport retries included."
    )
    usage: Usage = Field(default_factory=Usage, description="Tokens spent over every attempt.")
    cached: bool = Field(default=False, description="True when served from the cache.")
    timings_ms: dict[str, float] = Field(
        default_factory=dict, description="Milliseconds spent per stage (segment, engine, total)."
    )
    warnings: list[str] = Field(
        default_factory=list, description="Anything dropped or doubtful, in plain words."
    )
    url: str | None = Field(default=None, description="The request's url, as sent (echoed).")
    title: str | None = Field(default=None, description="The request's title, as sent (echoed).")


class Brief(_Model):
    """A structured, grounded brief of one article."""

    summary: str = Field(description="Two to four neutral sentences in the article's language.")
    actors: list[Actor] = Field(description="Who acts or speaks in the story.")
    claims: list[Claim] = Field(description="Who said what, each tied to the article's words.")
    hedges: list[Hedge] = Field(description="Attribution, distancing and uncertainty markers.")
    meta: Meta = Field(description="How the brief was made.")

    def spans(self) -> list[Span]:
        """Every span the brief gives: actor mentions, claim evidence, hedge spans."""
        mentions = [m for actor in self.actors for m in actor.mentions]
        return [*mentions, *(c.evidence for c in self.claims), *(h.span for h in self.hedges)]
