"""Segmentation: sentences, paragraphs and quotations with offsets into the text as sent."""

import pytest

from service.article import Article


def sentences(text: str) -> list[str]:
    article = Article(text)
    return [text[s.start : s.end] for s in article.sentences]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The U.S. Navy said it was ready. Officials agreed.",
            ["The U.S. Navy said it was ready.", "Officials agreed."],
        ),
        (
            "She moved to the U.S. She became a citizen in 2017.",
            ["She moved to the U.S.", "She became a citizen in 2017."],
        ),
        (
            "Dr. Smith met Mr. Jones on Oct. 10 in room No. 2 at 3.5 p.m. sharp.",
            ["Dr. Smith met Mr. Jones on Oct. 10 in room No. 2 at 3.5 p.m. sharp."],
        ),
        (
            "The group was founded by L. Ron Hubbard. It grew.",
            ["The group was founded by L. Ron Hubbard.", "It grew."],
        ),
        (
            "Growth was 2.5 percent. Prices rose 3.75 percent.",
            ["Growth was 2.5 percent.", "Prices rose 3.75 percent."],
        ),
        (
            "“Why now?” he asked. Nobody answered!",
            ["“Why now?” he asked.", "Nobody answered!"],
        ),
    ],
)
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_a_quotation_over_several_sentences_stays_one_sentence_with_its_attribution() -> None:
    text = (
        '"The explosion was very powerful. The whole building has collapsed," he said. It was late.'
    )
    assert sentences(text) == [
        '"The explosion was very powerful. The whole building has collapsed," he said.',
        "It was late.",
    ]


def test_a_multi_paragraph_quotation_is_recorded_as_continued() -> None:
    text = "“We will rebuild.\n\n“We will not give up,” she said."
    article = Article(text)
    first = article.quotes[0]
    assert first.continued
    assert text[first.start : first.end] == "“We will rebuild."


def test_offsets_index_the_text_as_sent_with_crlf_tabs_and_non_ascii() -> None:
    text = "KYIV —\tZelenskiy said: “Enough.”\r\nThe ministry, in Zürich, said ‘no’.\r\n"
    article = Article(text)
    for s in article.sentences:
        assert text[s.start : s.end] == text[s.start : s.end].strip()
        assert s.end <= len(text)
    assert [text[s.start : s.end] for s in article.sentences] == [
        "KYIV —\tZelenskiy said: “Enough.”",
        "The ministry, in Zürich, said ‘no’.",
    ]


def test_single_line_breaks_separate_paragraphs_unless_the_text_is_hard_wrapped() -> None:
    wrapped = "The minister said on Sunday that the\ntalks would resume next week in\nGeneva.\n"
    assert sentences(wrapped) == [wrapped.strip()]
    one_per_line = "First paragraph ends here.\nSecond paragraph ends here.\n"
    article = Article(one_per_line)
    assert len(article.paragraphs) == 2


def test_title_dateline_and_boilerplate_are_not_body() -> None:
    text = (
        "Shuttles retire\n\nSaturday, October 9, 2010\n\nNASA said the shuttles will retire.\n"
        "Read More: other news\n"
    )
    article = Article(text)
    kinds = [p.kind for p in article.paragraphs]
    assert kinds == ["title", "dateline", "body", "boilerplate"]
    assert [text[s.start : s.end] for s in article.body_sentences] == [
        "NASA said the shuttles will retire."
    ]


def test_dateline_prefix_is_found_and_kept_in_the_sentence() -> None:
    text = "MOSCOW: Russia said so. It added more."
    article = Article(text)
    assert article.dateline is not None
    assert article.dateline.text == "MOSCOW: "
    first = article.sentences[0]
    assert text[article.content_start(first) : first.end] == "Russia said so."


def test_scare_quotes_in_single_marks_are_quotes_but_apostrophes_are_not() -> None:
    text = "It’s the so-called ‘dirty bomb' that Ukraine's critics fear."
    quotes = [text[q.start : q.end] for q in Article(text).quotes]
    assert quotes == ["‘dirty bomb'"]


@pytest.mark.parametrize(
    "text",
    ["." * 200_000, "a" + " " * 200_000 + "b", "\n" * 199_999 + "x", "!?" * 100_000],
    ids=["dots", "spaces", "newlines", "marks"],
)
def test_pathological_texts_segment_without_backtracking(text: str) -> None:
    # These took minutes with backtracking regexes; now each is one pass over the text.
    article = Article(text)
    assert article.sentences
    assert all(text[s.start : s.end].strip() for s in article.sentences)
