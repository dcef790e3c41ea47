"""The model-facing schema: what the language model fills, before the code grounds it.

The model never gives offsets. It cites sentences by id ("S4") and copies short phrases; the
service finds those phrases in the cited sentences and builds the public Brief. Every field is
required (optional means nullable), every array and string is bounded, and each field carries a
one-line description: the model reads it.
"""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from schemas.brief import ActorKind, HedgeKind

SENTENCE_ID_PATTERN = r"^S[1-9][0-9]*$"

SentenceId = Annotated[
    str,
    StringConstraints(pattern=SENTENCE_ID_PATTERN, max_length=8),
    Field(description="A sentence id from the numbered article, e.g. S4."),
]
Phrase = Annotated[str, StringConstraints(min_length=1, max_length=80)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=100)]


class _Draft(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DraftSummary(_Draft):
    """The brief's summary and the sentences it draws on."""

    text: Annotated[str, StringConstraints(min_length=1, max_length=600)] = Field(
        description="Two to four neutral sentences in the article's language."
    )
    sentences: list[SentenceId] = Field(
        min_length=1, max_length=6, description="Ids of the sentences the summary draws on."
    )


class DraftActor(_Draft):
    """Someone who acts or speaks in the story."""

    name: Name = Field(description="The fullest form of the name, copied from the article.")
    kind: ActorKind = Field(description="person, organization, country, location, group or other.")
    role: Annotated[str, StringConstraints(max_length=100)] | None = Field(
        description="Title or function as the article gives it, or null."
    )
    aliases: list[Name] = Field(
        max_length=5,
        description="Other forms of the name copied from the article; no pronouns.",
    )


class DraftClaim(_Draft):
    """Something a speaker, or the article's own voice, asserts."""

    statement: Annotated[str, StringConstraints(min_length=1, max_length=200)] = Field(
        description="One-sentence paraphrase of what is claimed."
    )
    speaker: Name | None = Field(
        description="The name or alias of the actor who makes the claim, exactly as in actors; "
        "null for the article's own voice."
    )
    cue: Phrase | None = Field(
        description="The reporting words copied from the evidence ('said', 'according to'), "
        "or null."
    )
    evidence: list[SentenceId] = Field(
        min_length=1,
        max_length=3,
        description="Ids of the consecutive sentences that carry the claim.",
    )
    hedges: list[Phrase] = Field(
        max_length=4,
        description="Hedge phrases from the evidence sentences that qualify this claim; each "
        "also listed in hedges.",
    )


class DraftHedge(_Draft):
    """A word or phrase of attribution, distancing or uncertainty."""

    sentence: SentenceId = Field(description="Id of the sentence the phrase is in.")
    phrase: Phrase = Field(description="The hedge's words, copied exactly from that sentence.")
    kind: HedgeKind = Field(
        description="attribution (whose words), distancing (not endorsed), uncertainty (doubt)."
    )


class Draft(_Draft):
    """A brief of the article, citing its sentences by id."""

    summary: DraftSummary = Field(description="What the article reports, in brief.")
    actors: list[DraftActor] = Field(
        max_length=30, description="Who acts or speaks in the story, each once."
    )
    claims: list[DraftClaim] = Field(
        max_length=40, description="Who said what: one claim per speaker and proposition."
    )
    hedges: list[DraftHedge] = Field(
        max_length=50, description="Every hedge occurrence, each with its sentence."
    )
