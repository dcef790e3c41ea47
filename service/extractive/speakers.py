"""Speakers: the actor a subject phrase names, by pronoun, name, alias or description."""

import re

from schemas import ActorKind
from service.article import Article
from service.extractive import lexicon as lx
from service.extractive.actors import ActorTable
from service.extractive.phrases import PREPOSITION_CUTS
from service.extractive.tokens import Token

_PRONOUN_KINDS: dict[str, tuple[ActorKind, ...]] = {
    "he": ("person",),
    "she": ("person",),
    "it": ("organization", "country", "other", "location"),
    "they": ("group", "organization", "country", "person"),
}
_PRONOUN_GENDER = {"he": "m", "she": "f"}


def resolve_speaker(
    article: Article, table: ActorTable, tokens: list[Token], span: tuple[int, int]
) -> int | None:
    """The actor a subject phrase names, creating a descriptive actor when it is new."""
    text = article.text
    first, last = tokens[span[0]], tokens[span[1]]
    phrase = text[first.start : last.end]
    if span[0] == span[1] and first.lower in lx.PRONOUNS:
        kinds = _PRONOUN_KINDS.get(first.lower)
        if kinds is None:
            return None
        if first.lower == "they":
            group = table.latest(first.start, ("group",))
            if group is not None and first.start - table.actors[group].first < 400:
                return group
        return table.latest(first.start, kinds, _PRONOUN_GENDER.get(first.lower))
    phrase = phrase[:-2] if last.possessive else phrase
    parts = re.split(r"\s+and\s+", phrase) if re.search(r"\band\b", phrase) else [phrase]
    speaker: int | None = None
    offset = first.start
    for part in parts[:1]:
        speaker = _resolve_one(article, table, part, offset)
    return speaker


def _resolve_one(article: Article, table: ActorTable, phrase: str, start: int) -> int | None:
    words = phrase.split()
    if not words:
        return None
    core = re.split(r"\s(?:of|in|at|from|for|with|within|on)\s", phrase, maxsplit=1)[0]
    known = table.find_in(core)
    if known is None:
        known = table.find_in(phrase)
    head = _head_noun(words)
    descriptive = head in lx.PERSON_HEADS | lx.GROUP_HEADS | lx.OTHER_HEADS | {"source"}
    if known is not None and descriptive:
        first_word = next((w for w in words if w.lower() not in lx.DETERMINERS), "")
        if first_word.lower() == head:
            known = None
    if known is not None:
        forms = table.actors[known].forms
        if any(phrase.rstrip(")").endswith(f) or phrase.endswith(f"({f})") for f in forms):
            _mark_speaker(table, known)
            return known
        if head not in lx.ORG_HEADS | lx.GROUP_HEADS | lx.PERSON_HEADS | lx.OTHER_HEADS:
            _mark_speaker(table, known)
            return known
    if len(words) <= 2 and words[0].lower() in ("the", "this", "that"):
        found = table.by_head(head, start)
        if found is not None:
            table.add_alias(found, phrase)
            table.actors[found].speaks = True
            return found
    if all(w in lx.WEEKDAYS_MONTHS or w in lx.COMMON_CAPITALISED for w in words):
        return None
    kind = _kind_of_head(head, words)
    name = phrase
    if words[0] in ("the", "The", "a", "A", "an", "An"):
        name = " ".join(words[1:])
    if not name:
        return None
    index = table.add(name, kind, start)
    if name != phrase:
        table.add_alias(index, phrase) if words[0].lower() != "the" else None
    table.actors[index].speaks = True
    return index


def _mark_speaker(table: ActorTable, index: int) -> None:
    """A speaker named by two or three capitalised words, of no other kind, is a person."""
    actor = table.actors[index]
    actor.speaks = True
    if actor.kind == "other" and 2 <= len(actor.name.split()) <= 3:
        actor.kind = "person"


def _head_noun(words: list[str]) -> str:
    """'head of the police's investigators' -> 'head'; 'the ministry' -> 'ministry'."""
    for i, word in enumerate(words[1:], 1):
        if word.lower() in PREPOSITION_CUTS or word.lower() == "of":
            return words[i - 1].strip("()").lower()
    return words[-1].strip("()").lower()


def _kind_of_head(head: str, words: list[str]) -> ActorKind:
    if head in lx.PERSON_HEADS:
        return "person"
    if head in lx.GROUP_HEADS:
        return "group"
    if head in lx.ORG_HEADS:
        return "organization"
    if head in lx.OTHER_HEADS:
        return "other"
    capitalised = [w for w in words if w[:1].isupper() and w.lower() not in lx.DETERMINERS]
    if " ".join(capitalised) in lx.COUNTRIES:
        return "country"
    if len(capitalised) >= 2:
        return "person"
    return "organization" if capitalised else "group"


def name_start(table: ActorTable, speaker: int, text: str, start: int, end: int) -> int:
    """Where the speaker's own name begins inside its subject phrase ('President [X Y]')."""
    phrase = text[start:end]
    best = start
    for form in table.actors[speaker].forms:
        at = phrase.rfind(form)
        if phrase[:at].strip().lower() in ("", "the", "a", "an"):
            continue
        if at > 0 and at + len(form) == len(phrase.rstrip(")")):
            best = max(best, start + at)
    return best
