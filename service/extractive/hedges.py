"""Hedges: the lexicon and patterns for distancing and uncertainty, and scare quotes.

Bounds and approximators ("at least 30", "up to 40", "more than 100", "about") are figures, not
hedges (ANNOTATION.md v2, "Settled"): no rule here marks them."""

import re
from collections.abc import Callable
from dataclasses import dataclass

from schemas import HedgeKind
from service.article import Article, Sentence
from service.extractive import lexicon
from service.extractive.lexicon import word_set
from service.extractive.overlaps import longest_without_overlaps
from service.extractive.scope import is_labelled, labelled_sentences
from service.extractive.tokens import Token

_I = re.IGNORECASE
_PRONOUN_OR_NAME = r"(?:he|she|they|it|we|i|the \w+|[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)"

_ATTITUDE_FORMS = "|".join(
    sorted(
        (f for f, c in lexicon.VERB_CLASS_OF.items() if c.name == "attitude" and f[-3:] != "ing"),
        key=len,
        reverse=True,
    )
)

DISTANCING: list[re.Pattern[str]] = [
    re.compile(r"\bso[- ]called\b", _I),
    re.compile(
        rf"\bwhat {_PRONOUN_OR_NAME} (?:has |have |had )?(?:called|calls|call|termed|terms|"
        rf"dubbed|labelled|labeled|described as|describes as|referred to as)",
    ),
    re.compile(r"\b(?:alleged|allegedly|purported|purportedly|supposed|supposedly)\b", _I),
    re.compile(r"\baccus(?:ed|es|ing)\b(?: [\w’'-]+){0,3}? of\b", _I),
    # "claimed responsibility" takes credit; it disputes nothing
    re.compile(r"\bclaim(?:ed|ing|s)\b(?! (?:responsibility|credit)\b)", _I),
    re.compile(r"\bcharged with\b", _I),
    re.compile(r"\b(?:ascribed|attributed) to\b", _I),  # "an attack ascribed to the rebels"
    re.compile(r"\bdescrib(?:ed|es|ing)\b(?: [\w’'“”\"\[\]-]+){0,8}? as\b", _I),
    # "a remedy seen as useless": the writer reports a view without taking it
    re.compile(r"\b(?:is|are|was|were|been|being) (?:widely |largely |often |now )?seen as\b", _I),
    re.compile(r"\bdubbed\b", _I),
]
UNCERTAINTY: list[re.Pattern[str]] = [
    re.compile(r"\b(?:may|might|could)\b"),
    re.compile(
        r"\b(?:possibly|likely|unlikely|probably|perhaps|presumably|apparently|"
        r"reportedly|seemingly|potential|potentially|unclear|unconfirmed|uncertain|"
        r"suspected|unverified|conceivably)\b",
        _I,
    ),
    # not "as soon as possible", "the best way possible", "would not have been possible"
    re.compile(r"(?<!\bas )(?<!\bway )(?<!\bbeen )\bpossible\b", _I),
    re.compile(r"\b(?:suggest|suggests|suggested|suggesting)\b", _I),
    re.compile(r"\b(?:believe|believes|believed|thought to|estimated|estimates)\b", _I),
    re.compile(r"\b(?:appears?|appeared|seems?|seemed) (?:to|able|unable)\b", _I),
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
    # Withheld information ("declined to comment", "refused to give further details"); the
    # labelling guideline took one example of it from a held-out article, so the figure on that
    # article is not a clean measure of this rule.
    re.compile(r"\b(?:(?:refused|declined|did not want) to|would not) (?:comment|elaborate|"
               r"(?:give|provide|disclose|release|share|reveal)(?: any)?"
               r"(?: more| further| additional| other)?(?: details| information| comment)?)", _I),
    re.compile(r"\b(?:has|have|had) not (?:said|explained|disclosed|revealed) "
               r"(?:why|how|whether|what|when|where|who)\b", _I),
    re.compile(r"\b(?:their|his|her|its) (?:identity|identities|names?) (?:was|were|has|have)"
               r"(?: been)? not (?:provided|released|disclosed|given|made public)\b", _I),
    re.compile(r"\bidentified only as\b", _I),
    re.compile(r"\bwhat (?:sounds?|sounded|appears?|appeared|looks?|looked|seems?|seemed) "
               r"(?:like|to be)\b", _I),
    re.compile(r"\b(?:speculation|speculated|speculate)\b", _I),
    # an attitude verb after its subject: "I think", "farmers fear", "the firm hopes"
    re.compile(rf"\b(?:I|we|they|he|she|you|[a-z]+s) (?:{_ATTITUDE_FORMS})\b"),
    # epistemic nouns: "the possibility of", "concerns that", "hints that"
    re.compile(r"\b(?:possibility|possibilities|concerns?|fears?|hints?|doubts?)"
               r"(?= (?:that|of|they|it|he|she)\b)", _I),
    re.compile(r"\bif (?:confirmed|true|proven|verified|correct|accurate|[a-z]+(?:ed|en) by)\b",
               _I),
    re.compile(r"\bquestions remain\b", _I),
    re.compile(r"\b(?:presumed|feared) (?:dead|killed|lost|drowned)\b", _I),
    re.compile(r"\b(?:did not|didn't|has not|have not|had not) (?:mention|name|named|identify|"
               r"identified|disclose|disclosed|release|released) (?:if|whether|a cause|the cause|"
               r"the names?|his name|her name|their names|the identity)\b", _I),
]  # fmt: skip


def _one_pattern(patterns: list[re.Pattern[str]]) -> re.Pattern[str]:
    """All patterns of a kind as one alternation, each keeping its own case rule: one pass over
    the text instead of one per pattern."""
    parts = [
        f"(?i:{p.pattern})" if p.flags & re.IGNORECASE else f"(?:{p.pattern})" for p in patterns
    ]
    return re.compile("|".join(parts))


_BY_KIND: list[tuple[HedgeKind, re.Pattern[str]]] = [
    ("distancing", _one_pattern(DISTANCING)),
    ("uncertainty", _one_pattern(UNCERTAINTY)),
]

# The words a hedge pattern can start with: the patterns run only where one of them stands.
_FIRST_WORDS = word_set(
    """so so-called what alleged allegedly purported purportedly supposed supposedly accused
    accuses accusing claimed claiming claims described describes describing dubbed may might could
    possible possibly likely unlikely probably perhaps presumably apparently reportedly
    seemingly potential potentially unclear unconfirmed uncertain suspected unverified
    conceivably suggest suggests suggested suggesting believe believes believed thought
    estimated estimates appear appears appeared seem seems seemed an did didn't does doesn't
    would wouldn't declined it it's not charged ascribed attributed refused has have had their
    his her its identified speculation speculated speculate i we they he she you is are was
    were been being possibility possibilities concern concerns fear fears hint hints doubt
    doubts if questions presumed feared"""
)


def _may_start_hedge(word: str) -> bool:
    """Whether a hedge pattern can start at this word: one of the first words above, or a
    plural noun before an attitude verb ("farmers fear")."""
    return word in _FIRST_WORDS or (word.endswith("s") and word.isalpha())


@dataclass(frozen=True, slots=True)
class HedgeDraft:
    kind: HedgeKind
    start: int
    end: int


_APOSTROPHE = re.compile("[’']")


# Quoted terms no longer than this many words, outside reported speech, count as scare quotes.
_SCARE_QUOTE_WORDS = 3


def find_lexical_hedges(
    article: Article, cue_sentences: set[int], tokens_of: Callable[[Sentence], list[Token]]
) -> list[HedgeDraft]:
    """Distancing and uncertainty markers in the body, plus scare quotes outside reported speech."""
    text = article.text
    found: list[HedgeDraft] = []
    for sentence in labelled_sentences(article):
        for token in tokens_of(sentence):
            low = token.lower
            if not _may_start_hedge(low) and _APOSTROPHE.split(low, 1)[0] not in _FIRST_WORDS:
                continue  # "could've" starts with "could"
            for kind, pattern in _BY_KIND:
                m = pattern.match(text, token.start, sentence.end)
                if m is not None:
                    found.append(HedgeDraft(kind, m.start(), m.end()))
    found.extend(_scare_quotes(article, cue_sentences))
    return longest_without_overlaps(found)


def _scare_quotes(article: Article, cue_sentences: set[int]) -> list[HedgeDraft]:
    text = article.text
    found = []
    for quote in article.quotes:
        inner = text[quote.start + 1 : quote.end - 1]
        words = inner.split()
        if not words or len(words) > _SCARE_QUOTE_WORDS or inner.rstrip()[-1:] in ".!?,":
            continue
        sentence = article.sentence_at(quote.start)
        if sentence is None or not is_labelled(article, sentence):
            continue
        if quote.mark == '"' and sentence.index in cue_sentences:
            continue  # a fragment of someone's quoted words, not the writer's distance
        if all(w[:1].isupper() for w in words) and quote.mark == '"':
            continue  # a title or a name in quotes
        found.append(HedgeDraft("distancing", quote.start, quote.end))
    return found
