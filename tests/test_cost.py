"""Cost that cannot be abused: the indexes behind the rules give the answers of the scans they
replace, no sentence outgrows its cap, and a text four times longer costs about four times as
much (pinned by output size, and by a generous ratio of two timings within one run)."""

import random
import re
import time
from collections.abc import Callable

import pytest

from bench.worst_case import SHAPES
from service.article import LONGEST_SENTENCE, Article
from service.extractive.attribution import ClaimDraft
from service.extractive.engine import _owning_claims
from service.extractive.hedges import HedgeDraft
from service.extractive.mention_index import Mention, MentionIndex
from service.extractive.overlaps import longest_without_overlaps, text_order
from service.extractive.tokens import _TOKEN, tokenize
from service.extractive.word_index import FormIndex, WordIndex, word_occurrences
from service.pipeline import extractive_brief


def test_the_mention_index_keeps_what_a_full_recomputation_keeps() -> None:
    rng = random.Random(9)
    for _ in range(200):
        index = MentionIndex()
        everything: list[Mention] = []
        for _ in range(rng.randint(1, 12)):
            batch = []
            for _ in range(rng.randint(0, 6)):
                start = rng.randint(0, 60)
                batch.append(Mention(start, start + rng.randint(1, 8), rng.randint(0, 4)))
            everything = sorted(everything, key=text_order) + sorted(
                batch, key=lambda m: (m.start, m.start - m.end, m.actor)
            )
            everything.sort(key=text_order)  # stable: earlier batches first on a tie
            index.add(batch)
            assert index.raw == everything
            assert index.kept == longest_without_overlaps(everything, ordered=True)
            assert index.starts == [m.start for m in index.kept]


WORDS = ["A", "a", "Smith", "Smiths", "U", "S", "official", "x_y", "é", "1"]
MARKS = [" ", " ", ".", "-", "'s ", "(", ")", "_", ""]


def _random_text(rng: random.Random, size: int) -> str:
    return "".join(rng.choice(WORDS) + rng.choice(MARKS) for _ in range(size))


def test_the_word_index_finds_what_a_scan_finds() -> None:
    rng = random.Random(4)
    for _ in range(60):
        text = _random_text(rng, 80)
        index = WordIndex(text)
        for _ in range(300):  # past the scans it makes before building the index
            form = _random_text(rng, rng.randint(1, 3)).strip()
            assert index.occurrences(form) == word_occurrences(text, form), form


def test_the_form_index_finds_the_forms_a_scan_finds() -> None:
    rng = random.Random(5)
    for _ in range(60):
        forms = FormIndex()
        known: list[tuple[str, int]] = []
        for i in range(30):
            form = _random_text(rng, rng.randint(1, 3)).strip() or "A"
            forms.add(form, i)
            known.append((form, i))
        text = _random_text(rng, 12)
        best = None
        for form, i in known:
            for at in word_occurrences(text, form) if len(form) >= 2 else []:
                rank = (at + len(form), len(form), -i)
                best = rank if best is None or rank > best else best
        assert forms.last_in(text) == (None if best is None else -best[2])
        for start in range(len(text)):
            first = re.match(r"\w+", text[start:])
            ends = [
                start + len(f)
                for f, _ in known
                if first is not None
                and (m := re.search(r"\w+", f)) is not None
                and m.group() == first.group()
                and text.startswith(f, start)
            ]
            assert forms.longest_at(text, start) == max(ends, default=None)


def _draft(start: int, end: int) -> ClaimDraft:
    return ClaimDraft(None, "said", start, start, start, end, start, end, start, start)


def test_each_hedge_goes_to_the_shortest_claim_that_holds_it() -> None:
    rng = random.Random(7)
    for _ in range(200):
        drafts = []
        for _ in range(rng.randint(0, 10)):
            start = rng.randint(0, 50)
            drafts.append(_draft(start, start + rng.randint(0, 30)))
        drafts.sort(key=lambda d: (d.start, d.end))
        hedges = []
        for _ in range(rng.randint(0, 10)):
            start = rng.randint(0, 70)
            hedges.append(HedgeDraft("attribution", start, start + rng.randint(0, 5)))
        hedges.sort(key=lambda h: (h.start, h.end))
        expected = []
        for h in hedges:
            holding = [n for n, d in enumerate(drafts) if d.start <= h.start and h.end <= d.end]
            expected.append(
                min(holding, key=lambda n: drafts[n].end - drafts[n].start, default=None)
            )
        assert _owning_claims(hedges, drafts) == expected


def test_a_sentence_without_a_boundary_is_cut_into_pieces_at_clause_marks() -> None:
    text = "The mayor said so, and " * 200
    article = Article(text)
    pieces = [text[s.start : s.end] for s in article.sentences]
    assert all(len(p) <= LONGEST_SENTENCE for p in pieces)
    assert all(p.endswith(",") for p in pieces[:-1])
    assert "".join(p + " " for p in pieces).split() == text.split()  # nothing lost


def test_a_text_without_spaces_is_cut_at_the_cap() -> None:
    article = Article("x" * (3 * LONGEST_SENTENCE + 5))
    assert [s.end - s.start for s in article.sentences] == [LONGEST_SENTENCE] * 3 + [5]


def test_ordinary_sentences_are_not_cut() -> None:
    text = "Officials said the bridge, which opened in 1990, was safe. It was late."
    assert len(Article(text).sentences) == 2


def test_quotes_open_at_an_offset_are_those_a_scan_finds() -> None:
    text = "“A ‘b’ c. D e,” he said. 'F g.' “H i. J k. \n\n“L m. N"
    article = Article(text)
    for start in range(len(text)):
        for offset in range(start, len(text)):
            expected = [q for q in article.quotes_starting(start, offset) if q.end > offset]
            assert article.quotes_open_at(start, offset) == expected


@pytest.mark.parametrize(
    "shape", ["unclosed quote", "cues in one sentence", "long quotes of cues", "short paragraphs"]
)
def test_the_brief_of_a_run_of_cues_grows_linearly_with_the_text(shape: str) -> None:
    """Quadratic output (every claim stretched back to an unclosed quotation mark, or on to
    the end of a giant sentence) is what made one request take 70 s and 5 GB."""
    text = SHAPES[shape](40_000)
    brief = extractive_brief(text, None)
    size = sum(len(c.evidence.text) + len(c.statement) for c in brief.claims)
    size += sum(len(h.span.text) for h in brief.hedges)
    assert size <= 200 * len(text)  # quadratic, it was over 2,000 times


def _fastest_of_three(run: Callable[[], object]) -> float:
    times = []
    for _ in range(3):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


@pytest.mark.parametrize(
    "shape",
    [
        "unclosed quote",
        "cues in one sentence",
        "thousands of names",
        "names and pronouns",
        "descriptions and pronouns",
        "short paragraphs",
    ],
)
def test_four_times_the_text_costs_less_than_eight_times_the_time(shape: str) -> None:
    small, large = SHAPES[shape](6_000), SHAPES[shape](24_000)
    extractive_brief(small, None)  # warm up
    ratio = _fastest_of_three(lambda: extractive_brief(large, None)) / _fastest_of_three(
        lambda: extractive_brief(small, None)
    )
    assert ratio < 8, f"{shape}: 4n took {ratio:.1f} times n"


def test_the_tokenizer_gives_the_tokens_of_a_plain_scan() -> None:
    rng = random.Random(3)
    marks = [" ", "  ", "\n", ".", "’s ", "'", "-", "“", "”", ",", "U.S.", "e.g.", "\t"]
    for _ in range(300):
        text = "".join(rng.choice(WORDS + marks) for _ in range(40))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        expected = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]
        assert [(t.text, t.start, t.end) for t in tokenize(text, start, end)] == expected
