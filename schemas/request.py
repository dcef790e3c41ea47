"""The request to summarise one article."""

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

EngineName = Literal["auto", "llm", "extractive"]

# A text must hold a word: an ASCII letter or digit, or any character past Latin-1's symbols.
# The published schema says the same (as an ECMA pattern, which sees astral characters as
# surrogate pairs inside the range), so clients and fuzzers know what is refused.
WORD_CHARACTER = "[0-9A-Za-z\u00aa-\uffff]"
_WORD = re.compile("[0-9A-Za-z\u00aa-\U0010ffff]")

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

    text: str = Field(
        min_length=1,
        description="The article's full text, UTF-8, with at least one letter or digit. "
        "Offsets in the brief index it.",
        json_schema_extra={"pattern": WORD_CHARACTER},
    )
    title: str | None = Field(default=None, max_length=1000, description="The headline, if known.")
    url: str | None = Field(default=None, max_length=4000, description="Where it was published.")
    options: SummaryOptions = Field(
        default_factory=SummaryOptions, description="Engine choice and other options."
    )

    @field_validator("text")
    @classmethod
    def _has_words(cls, text: str) -> str:
        if _WORD.search(text) is None:
            raise ValueError("text is empty, or has no letters or digits")
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:
            # JSON allows "\ud800"; a lone surrogate is not a character and cannot be returned.
            raise ValueError(
                f"text has a lone surrogate (\\u{ord(text[exc.start]):04x}) at offset {exc.start}"
            ) from None
        return text
