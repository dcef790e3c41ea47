"""Titles of works and names of products, events and the like: capitalised like names, but no
actor of the story (ANNOTATION.md: products, awards, programmes and brand names are not actors;
KNOWN-FAILURES 17)."""

import re

from service.extractive import lexicon
from service.extractive.tokens import Token

# "Opera Mini, a browser for phones", "Lumia is a phone", "the Zafira, a car made in ..."
_DESCRIBED_AS_WORK = re.compile(
    r"(?:,|\s+(?:is|was))\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){0,3}?(?P<noun>[a-z]+)\b"
)
# "a recalled 2005 Opel Zafira", "the 1959 romantic comedy ...": a model year before the name
_MODEL_YEAR = re.compile(r"\b(?:a|an|the|its|his|her|their)\s+(?:[a-z]+\s+)?(?:1[89]|20)\d\d\s+$")


def names_a_work(text: str, tokens: list[Token], at: int, end: int) -> bool:
    """The capitalised words are the title of a work or a product's name: after or before a
    noun of its kind ('the film Love Me', 'the Labor Day holiday'), after a model year, or
    described by such a noun ('Opera Mini is a browser')."""
    before = tokens[at - 1] if at > 0 else None
    if before is not None and before.lower in lexicon.WORK_NOUNS and not before.is_capitalised:
        return True
    if before is not None and before.lower in _TITLE_LINKS and at >= 2:
        # "the film Love Me or Leave Me": the words after "or" go on with the title
        opening = at - 1
        while opening > 0 and tokens[opening - 1].is_capitalised:
            opening -= 1
        if opening < at - 1 and names_a_work(text, tokens, opening, tokens[at - 2].end):
            return True
    if (
        before is not None
        and before.text in '"“'
        and re.match(r"[,.!?]?[\"”]", text[end : end + 2])
    ):
        return True  # a title in quotation marks: the talk "Breaking Into Comics"
    if _MODEL_YEAR.search(text, max(0, tokens[at].start - 40), tokens[at].start):
        return True
    described = _DESCRIBED_AS_WORK.match(text, end) or _WORK_NOUN_AFTER.match(text, end)
    return described is not None and described.group("noun") in lexicon.WORK_NOUNS


_TITLE_LINKS = lexicon.word_set("or and of")
_WORK_NOUN_AFTER = re.compile(r"\s+(?P<noun>[a-z]+)\b")  # "the Labor Day holiday"
