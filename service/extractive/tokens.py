"""Word tokens with offsets, the unit the extractive rules walk over."""

import re
from dataclasses import dataclass

_PARTICLE_NAME = re.compile(r"(?:al|el|bin|ibn|abu|ben|ould)-[A-Z]")
_TOKEN = re.compile(r"[A-Za-z]\.(?:[A-Za-z]\.)+|\w+(?:[’'\-.]\w+)*(?:[’']s\b)?|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_capitalised(self) -> bool:
        """Starts with a capital, or is a name particle joined to one ('al-Amr', 'bin-Salman')."""
        return self.text[0].isupper() or bool(_PARTICLE_NAME.match(self.text))

    @property
    def possessive(self) -> bool:
        return self.text.endswith(("’s", "'s")) and len(self.text) > 2

    @property
    def bare(self) -> str:
        """The word without a possessive 's."""
        return self.text[:-2] if self.possessive else self.text


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Words (with inner apostrophes, hyphens and abbreviation dots) and punctuation marks."""
    end = len(text) if end is None else end
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


def adjacent(text: str, left: Token, right: Token) -> bool:
    """True when only spaces separate two tokens."""
    return text[left.end : right.start].strip() == ""
