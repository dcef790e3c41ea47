"""The request to summarise one article."""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

EngineName = Literal["auto", "llm", "extractive"]

EXAMPLE_TEXT = (
    "MOSCOW: Russia's Defence Minister Sergei Shoigu held phone calls on Sunday with his British, "
    "French and Turkish counterparts, during which they discussed Ukraine, the Russian defence "
    "ministry said.\nIn all three calls, Shoigu conveyed \u201cconcerns about possible "
    "provocations by Ukraine\u201d. The statements did not provide further details."
)


class SummaryOptions(BaseModel):
    """How to make the brief."""

    model_config = ConfigDict(extra="forbid")

    engine: EngineName = Field(
        default="auto",
        description="auto: llm when a model is configured, else extractive.",
    )


class SummaryRequest(BaseModel):
    """An article to brief. The text is used exactly as sent: offsets index into it."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"text": EXAMPLE_TEXT, "title": "Shoigu calls"}]},
    )

    text: str = Field(description="The article's full text, UTF-8. Offsets in the brief index it.")
    title: str | None = Field(default=None, max_length=1000, description="The headline, if known.")
    url: str | None = Field(default=None, max_length=4000, description="Where it was published.")
    options: SummaryOptions = Field(
        default_factory=SummaryOptions, description="Engine choice and other options."
    )

    @field_validator("text")
    @classmethod
    def _has_words(cls, text: str) -> str:
        if not any(ch.isalnum() for ch in text):
            raise ValueError("text is empty, or has no letters or digits")
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:
            # JSON allows "\ud800"; a lone surrogate is not a character and cannot be returned.
            raise ValueError(
                f"text has a lone surrogate (\\u{ord(text[exc.start]):04x}) at offset {exc.start}"
            ) from None
        return text
