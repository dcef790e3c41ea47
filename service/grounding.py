"""Grounding: find a phrase in the article and return the article's own characters.

Matching tolerates differences of case, whitespace, quote style and dash style, because models
(and people) retype those; the span returned is always a slice of the original text.
"""

import re
from functools import lru_cache

from schemas import Span

_FOLD = str.maketrans(
    {
        "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "″": '"',
        "'": '"', "‘": '"', "’": '"', "‚": '"', "‛": '"', "′": '"', "`": '"', "´": '"',
        "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-",
        "\u00a0": " ", "\u2009": " ", "\u202f": " ",
    }
)  # fmt: skip


_WHITESPACE = re.compile(r"\s+")  # Python's \s is str.isspace, as fold_char uses


def fold_char(ch: str) -> str:
    """One character in matching form: quote marks (single or double) and dashes unified,
    lower case, one character wide."""
    folded = ch.translate(_FOLD)
    if folded.isspace():
        return " "
    lower = folded.lower()
    return lower if len(lower) == 1 else folded


class FoldedText:
    """A matching form of a text with a map back to the original offsets.

    Runs of whitespace fold to one space, so `positions[i]` is the original offset of folded
    character i.
    """

    __slots__ = ("folded", "positions")

    def __init__(self, text: str, start: int = 0, end: int | None = None) -> None:
        end = len(text) if end is None else end
        chunk = text[start:end].translate(_FOLD)
        lowered = chunk.lower()
        if len(lowered) != len(chunk):  # a character whose lower case is longer ("İ")
            lowered = "".join(fold_char(ch) for ch in chunk)
        # Whole runs at a time (this is on the llm path for every phrase of every answer):
        # the characters between whitespace runs as they are, each run as one space.
        parts: list[str] = []
        positions: list[int] = []
        at = 0
        for run in _WHITESPACE.finditer(lowered):
            begin = run.start()
            parts.append(lowered[at:begin])
            positions.extend(range(start + at, start + begin))
            parts.append(" ")
            positions.append(start + begin)
            at = run.end()
        parts.append(lowered[at:])
        positions.extend(range(start + at, end))
        self.folded = "".join(parts)
        self.positions = positions


def fold_phrase(phrase: str) -> str:
    """A phrase in matching form, trimmed."""
    return FoldedText(phrase).folded.strip()


def find_phrase(text: str, phrase: str, start: int = 0, end: int | None = None) -> Span | None:
    """The first occurrence of `phrase` in text[start:end], preferring whole-word matches.

    Returns None when the phrase does not occur there, even tolerantly.
    """
    needle = fold_phrase(phrase)
    if not needle:
        return None
    window = _folded_window(text, start, len(text) if end is None else end)
    candidates = [m.start() for m in re.finditer(re.escape(needle), window.folded)]
    if not candidates:
        return None
    whole = [i for i in candidates if _whole_word(window.folded, i, i + len(needle))]
    i = (whole or candidates)[0]
    first = window.positions[i]
    last = window.positions[i + len(needle) - 1]
    return Span(start=first, end=last + 1, text=text[first : last + 1])


def find_all(text: str, phrase: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Every whole-word, non-overlapping occurrence of `phrase` in text[start:end]."""
    needle = fold_phrase(phrase)
    if not needle:
        return []
    window = _folded_window(text, start, len(text) if end is None else end)
    spans = []
    for match in re.finditer(re.escape(needle), window.folded):
        i, j = match.start(), match.end()
        if _whole_word(window.folded, i, j):
            first, last = window.positions[i], window.positions[j - 1]
            spans.append(Span(start=first, end=last + 1, text=text[first : last + 1]))
    return spans


def _whole_word(folded: str, i: int, j: int) -> bool:
    before = folded[i - 1] if i > 0 else " "
    after = folded[j] if j < len(folded) else " "
    return not (before.isalnum() and folded[i].isalnum()) and not (
        after.isalnum() and folded[j - 1].isalnum()
    )


@lru_cache(maxsize=16)
def _folded_window(text: str, start: int, end: int) -> FoldedText:
    return FoldedText(text, start, end)
