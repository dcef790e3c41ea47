"""Hedges: the lexicon and patterns for distancing and uncertainty, and attribution markers."""

import re
from dataclasses import dataclass

from schemas import HedgeKind
from service.article import Article

_I = re.IGNORECASE
_PRONOUN_OR_NAME = r"(?:he|she|they|it|we|i|the \w+|[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)"

DISTANCING: list[re.Pattern[str]] = [
    re.compile(r"\bso[- ]called\b", _I),
    re.compile(
        rf"\bwhat {_PRONOUN_OR_NAME} (?:has |have |had )?(?:called|calls|call|termed|terms|"
        rf"dubbed|labelled|labeled|described as|describes as|referred to as)",
    ),
    re.compile(r"\b(?:alleged|allegedly|purported|purportedly|supposed|supposedly)\b", _I),
    re.compile(r"\baccus(?:ed|es|ing)\b(?: [\w’'-]+){0,3}? of\b", _I),
    re.compile(r"\bclaim(?:ed|ing)\b", _I),
    re.compile(r"\bdescrib(?:ed|es|ing)\b(?: [\w’'-]+){1,4}? as\b", _I),
    re.compile(r"\bdubbed\b", _I),
]
UNCERTAINTY: list[re.Pattern[str]] = [
    re.compile(r"\b(?:may|might|could)\b"),
    re.compile(
        r"\b(?:possible|possibly|likely|unlikely|probably|perhaps|presumably|apparently|"
        r"reportedly|seemingly|potential|potentially|unclear|unconfirmed|uncertain|"
        r"suspected|unverified|conceivably)\b",
        _I,
    ),
    re.compile(r"\b(?:suggest|suggests|suggested|suggesting)\b", _I),
    re.compile(r"\b(?:believe|believes|believed|thought to|estimated|estimates)\b", _I),
    re.compile(r"\b(?:appears?|appeared|seems?|seemed) to\b", _I),
    re.compile(r"\ban unknown number\b", _I),
    re.compile(
        r"\b(?:did not|didn't|does not|doesn't|would not|wouldn't|declined to) "
        r"(?:provide|give|offer|disclose|elaborate|comment|confirm)"
        r"(?: on)?(?: any)?(?: further| more| additional| other)?(?: details| information)?",
        _I,
    ),
    re.compile(r"\b(?:it is|it was|it remains|it's) (?:not |still )?(?:yet )?(?:unclear|not known|"
               r"not clear|unknown)\b", _I),
    re.compile(r"\bnot (?:immediately|yet) (?:clear|known|confirmed|verified)\b", _I),
]  # fmt: skip

# Quoted terms no longer than this many words, outside reported speech, count as scare quotes.
_SCARE_QUOTE_WORDS = 3


@dataclass(frozen=True, slots=True)
class HedgeDraft:
    kind: HedgeKind
    start: int
    end: int


def find_lexical_hedges(article: Article, cue_sentences: set[int]) -> list[HedgeDraft]:
    """Distancing and uncertainty markers in the body, plus scare quotes outside reported speech."""
    text = article.text
    found: list[HedgeDraft] = []
    for sentence in article.body_sentences:
        begin = article.content_start(sentence)
        for kind, patterns in (("distancing", DISTANCING), ("uncertainty", UNCERTAINTY)):
            for pattern in patterns:
                for m in pattern.finditer(text, begin, sentence.end):
                    found.append(HedgeDraft(kind, m.start(), m.end()))  # type: ignore[arg-type]
    found.extend(_scare_quotes(article, cue_sentences))
    return _without_overlaps(found)


def _scare_quotes(article: Article, cue_sentences: set[int]) -> list[HedgeDraft]:
    text = article.text
    found = []
    for quote in article.quotes:
        inner = text[quote.start + 1 : quote.end - 1]
        words = inner.split()
        if not words or len(words) > _SCARE_QUOTE_WORDS or inner.rstrip()[-1:] in ".!?,":
            continue
        sentence = article.sentence_at(quote.start)
        if sentence is None or article.paragraphs[sentence.paragraph].kind != "body":
            continue
        if quote.mark == '"' and sentence.index in cue_sentences:
            continue  # a fragment of someone's quoted words, not the writer's distance
        if all(w[:1].isupper() for w in words) and quote.mark == '"':
            continue  # a title or a name in quotes
        found.append(HedgeDraft("distancing", quote.start, quote.end))
    return found


def _without_overlaps(hedges: list[HedgeDraft]) -> list[HedgeDraft]:
    """Longest first where two hedges overlap."""
    ordered = sorted(hedges, key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[HedgeDraft] = []
    for hedge in ordered:
        if kept and hedge.start < kept[-1].end:
            continue
        kept.append(hedge)
    return kept
