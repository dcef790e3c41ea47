"""Word tokens with offsets, the unit the extractive rules walk over."""

import re

_PARTICLE_NAME = re.compile(r"(?:al|el|bin|ibn|abu|ben|ould)-[A-Z]")
_TOKEN = re.compile(r"[A-Za-z]\.(?:[A-Za-z]\.)+|\w+(?:[’'\-.]\w+)*(?:[’']s\b)?|[^\w\s]")


class Token:
    """A word or punctuation mark and where it stands; its features are computed once, since
    the rules ask for them many times over."""

    __slots__ = ("bare", "end", "is_capitalised", "is_word", "lower", "possessive", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.lower = text.lower()
        self.is_word = text[0].isalnum()
        # A capital, or a name particle joined to one ('al-Amr', 'bin-Salman').
        first = text[0]
        self.is_capitalised = first.isupper() or (
            first in "abeiou" and _PARTICLE_NAME.match(text) is not None
        )
        self.possessive = len(text) > 2 and text.endswith(("’s", "'s"))
        self.bare = text[:-2] if self.possessive else text  # without a possessive 's

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Words (with inner apostrophes, hyphens and abbreviation dots) and punctuation marks."""
    end = len(text) if end is None else end
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


def adjacent(text: str, left: Token, right: Token) -> bool:
    """True when only spaces separate two tokens."""
    return text[left.end : right.start].strip() == ""
