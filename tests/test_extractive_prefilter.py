"""The regular expressions' prefilters: a necessary condition for a match, never more."""

import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.extractive import cues, hedges, prefilter
from service.extractive.prefilter import SPECIAL, alternation_at, first_words, may_match
from service.extractive.tokens import tokenize


def test_special_characters_are_all_that_lower_does_not_fold_onto_ascii() -> None:
    everything = "".join(chr(c) for c in range(128, 0x110000) if not 0xD800 <= c < 0xE000)
    found = set()
    for code in range(128):
        char = chr(code)
        for m in re.finditer(re.escape(char), everything, re.IGNORECASE):
            if m.group().lower() != char.lower():
                found.add(m.group())
    assert found == SPECIAL


def test_the_scanning_cue_patterns_have_prefilters() -> None:
    for pattern in (cues._PASSIVE, cues._STATEMENT):
        assert prefilter._compile(pattern) is not None


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (cues._PASSIVE, "On Friday, IT WAS WIDELY REPORTED that the talks had failed."),
        (cues._PASSIVE, "Friday.It has been claimed that the mayor knew."),
        (cues._PASSIVE, "The fires were initially reported by residents."),
        (cues._PASSIVE, "\u0130t was reported that the bridge had closed."),
        (cues._PASSIVE, "Fires were also reported, \u017fome say."),
        (cues._STATEMENT, "The ministry issued a brief statement on Monday."),
        (cues._STATEMENT, "Rebels put out a COMMUNIQU\u00c9 overnight."),
        (cues._STATEMENT, "The club released a \u017ftatement."),
    ],
)
def test_sentences_the_patterns_match_pass_their_prefilters(
    pattern: re.Pattern[str], text: str
) -> None:
    if pattern.search(text):
        assert may_match(pattern, text, 0, len(text))


def test_sentences_without_the_needed_words_are_filtered_out() -> None:
    text = "The minister said the talks would resume on Monday."
    assert not may_match(cues._PASSIVE, text, 0, len(text))
    assert not may_match(cues._STATEMENT, text, 0, len(text))


SEEDS = Path(__file__).resolve().parent.parent / "seeds"

_PATTERNS = [
    cues._PASSIVE,
    cues._STATEMENT,
    re.compile(r"\b(?:was|is) (?:very |quite )?(?:told|asked)\b"),
    re.compile(r"(?i:Said)(?: it)?|claimed"),
    re.compile(r"a(?:b|c){2,3}d+(?=x)e?f"),
    re.compile(r"(?<=y)ab[cd]e|[^q]rst"),
]
_ALPHABET = "abcdefistwrtxyzoplhuqn ABDEIST.\u0130\u0131\u017f\u212a\u00e9"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=40), st.integers(0, 5), st.randoms())
def test_a_pattern_never_matches_where_its_prefilter_says_no(
    noise: str, which: int, rng: random.Random
) -> None:
    pattern = _PATTERNS[which]
    # Noise around pieces of the pattern's own literals, so matches do happen.
    pieces = re.findall(r"[a-z ]{2,}", pattern.pattern)
    text = noise
    for piece in rng.sample(pieces, min(len(pieces), 3)):
        at = rng.randrange(len(text) + 1)
        text = text[:at] + piece + text[at:]
    begin = rng.randrange(len(text) + 1)
    end = rng.randrange(begin, len(text) + 1)
    if pattern.search(text, begin, end) is not None:
        assert may_match(pattern, text, begin, end)


def _spans(m: re.Match[str] | None) -> tuple[int, int] | None:
    return None if m is None else m.span()


@pytest.mark.parametrize("case", [str, str.upper, str.lower, str.title])
def test_a_cut_hedge_alternation_finds_what_the_whole_one_finds(
    case: Callable[[str], str],
) -> None:
    text = case(" ".join(r.example for r in hedges.HEDGE_RULES))
    text += " " + " ".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    text += " \u0130t is unclear. \u017fo-called. W\u0131dely seen as."
    parts = {"distancing": hedges.DISTANCING, "uncertainty": hedges.UNCERTAINTY}
    for token in tokenize(text):
        for kind, whole in hedges._BY_KIND:
            cut = alternation_at(whole, parts[kind], hedges._one_pattern, token.lower)
            found = None if cut is None else cut.match(text, token.start)
            assert _spans(found) == _spans(whole.match(text, token.start)), token


def test_first_words_of_patterns() -> None:
    assert first_words(re.compile(r"\b(?:so|what) (?:it|he) said")) == ("so", "what")
    assert first_words(re.compile(r"(?<!\bas )\bI think", re.I)) == ("i",)
    assert first_words(re.compile(r"\b[a-z]+s fear")) is None
    assert first_words(re.compile(r"(so) said")) is None  # a group of its own
