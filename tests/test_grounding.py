"""Grounding finds a phrase tolerantly and always returns the article's own characters."""

from hypothesis import given
from hypothesis import strategies as st

from service.grounding import FoldedText, find_phrase, fold_char, fold_phrase


def test_case_whitespace_quotes_and_dashes_are_tolerated() -> None:
    text = "He said: “It’s  a ‘dirty bomb’ — maybe,” the Ministry said."
    span = find_phrase(text, 'it\'s a "dirty bomb" - maybe')
    assert span is not None
    assert span.text == "It’s  a ‘dirty bomb’ — maybe"
    assert text[span.start : span.end] == span.text


def test_whole_words_are_preferred_over_parts_of_words() -> None:
    text = "The unsaid truth: officials said nothing."
    span = find_phrase(text, "said")
    assert span is not None
    assert (span.start, span.text) == (text.index(" said") + 1, "said")


def test_search_is_limited_to_the_given_window() -> None:
    text = "Alpha said yes. Beta said no."
    span = find_phrase(text, "said", start=16)
    assert span is not None
    assert span.start == text.index("said", 16)


def test_a_phrase_that_does_not_occur_is_none() -> None:
    assert find_phrase("The ministry said.", "the army said") is None
    assert find_phrase("The ministry said.", "   ") is None


_ALPHABET = st.sampled_from(list("abcAB  \t\n\r“”‘’\"'—–-.,éßİ0"))


@given(
    text=st.text(alphabet=_ALPHABET, min_size=1, max_size=80),
    data=st.data(),
)
def test_any_substring_is_found_and_the_span_is_the_articles_own_characters(
    text: str, data: st.DataObject
) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    phrase = text[start:end]
    span = find_phrase(text, phrase)
    if not fold_phrase(phrase):
        assert span is None
        return
    assert span is not None
    assert text[span.start : span.end] == span.text
    assert fold_phrase(span.text) == fold_phrase(phrase)


@given(words=st.lists(st.sampled_from(["said", "Ministry", "“quote”", "it’s", "—"]), min_size=1))
def test_retyped_phrases_ground_to_the_original(words: list[str]) -> None:
    text = "  ".join(words)
    retyped = " ".join(w.upper().replace("“", '"').replace("’", "'") for w in words)
    span = find_phrase(text, retyped.replace("—", "-"))
    assert span is not None
    assert span.text == text.strip()


def _folded_one_by_one(text: str) -> tuple[str, list[int]]:
    """The folding rule applied a character at a time: what FoldedText must equal."""
    chars: list[str] = []
    positions: list[int] = []
    previous_space = False
    for i, ch in enumerate(text):
        folded = fold_char(ch)
        if folded == " " and previous_space:
            continue
        previous_space = folded == " "
        chars.append(folded)
        positions.append(i)
    return "".join(chars), positions


@given(st.text(alphabet=st.sampled_from("aZ İ\t\n\u00a0\u2009“”‘’—–-'\"x1é"), max_size=60))
def test_folding_a_whole_text_equals_folding_it_character_by_character(text: str) -> None:
    folded = FoldedText(text)
    assert (folded.folded, folded.positions) == _folded_one_by_one(text)


@given(st.text(max_size=40), st.integers(0, 40), st.integers(0, 40))
def test_folding_a_window_maps_back_into_that_window(text: str, a: int, b: int) -> None:
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    folded = FoldedText(text, start, end)
    assert len(folded.folded) == len(folded.positions)
    assert all(start <= p < end for p in folded.positions)
