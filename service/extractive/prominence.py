"""Which actors a brief keeps: speakers, and the people, organisations and countries that take
part in the story, not those that only locate it or stand as someone's affiliation."""

import re

from service.article import Article
from service.extractive import lexicon
from service.extractive.actors import ActorDraft, Mention

_KEPT_KINDS = ("person", "organization", "country")
# "in Canada", "across the United States", "women in France": a place, not a participant.
_LOCATIVE = re.compile(
    r"(?:\b(?:in|at|near|across|throughout|within|inside|outside|from|like|mainland)\s+"
    r"(?:the\s+)?|\b(?:North|South|East|West|Northern|Southern|Eastern|Western|Central)\s+)$",
    re.I,
)
# "a US peace envoy", "the region of Russia", "Maidan Wardak, Afghanistan"
_ADJECTIVAL = re.compile(r"\b(?:a|an)\s+$", re.I)
_PLACE_OF = re.compile(r"\b(?:\w+)\s+of\s+(?:the\s+)?$")
_AFTER_PLACE = re.compile(r"(?P<place>[A-Z][\w’'-]+),\s+$")
_RECEIVES = re.compile(
    r"\b(?:told|(?:stated|said|spoke|talked|wrote) to|(?:spoke|talked) with|published in)"
    r"\s+(?:the\s+)?$"
)
_SIGN_OFF = re.compile(r"\bI(?:[’']m| am)\s+$")  # "I'm Gena Bennett."
# "Fauci of the NIAID", "Li from the University", "spokesman for the ministry"
_AFFILIATION = re.compile(r"(?P<who>[\w’'.-]+),?\s+(?:of|from|at|for|with)\s+(?:the\s+)?$")


def kept_actors(
    article: Article, actors: list[ActorDraft], mentions: list[Mention], speakers: set[int]
) -> list[int]:
    """Indices of the actors the brief lists, in no particular order."""
    text = article.text
    by_actor: dict[int, list[Mention]] = {}
    for m in mentions:
        by_actor.setdefault(m.actor, []).append(m)
    kept = []
    for i, actor in enumerate(actors):
        if i in speakers:
            kept.append(i)
            continue
        found = by_actor.get(i)
        if not found or not (actor.kind in _KEPT_KINDS or _proper_name(actor)):
            continue
        # "the Federal Security Service (FSB)": the bracketed acronym adds no role of its own
        found = [m for m in found if not _bracketed(text, m)] or found
        if actor.kind == "country" and all(_only_locates(text, m) for m in found):
            continue
        if actor.kind == "organization" and all(_affiliation(text, m) for m in found):
            continue
        # "told LA Weekly": an outlet that only receives (a person told something still acts)
        receives = _RECEIVES if actor.kind == "organization" else _SIGN_OFF
        if all(receives.search(text, max(0, m.start - 20), m.start) for m in found):
            continue
        kept.append(i)
    return kept


def _only_locates(text: str, m: Mention) -> bool:
    """The country places or qualifies something ('in Canada', 'U.S. Senator', 'US-built',
    'US$', 'a US envoy', 'Afghanistan's Maidan Wardak', 'the region of Russia')."""
    before = text[max(0, m.start - 40) : m.start]
    after = text[m.end : m.end + 3]
    if after[:1] in ("-", "$") or re.match(r"\s[A-Z]", after):
        return True  # "US-built", "US$ 20", "U.S. Senator"
    if re.match(r"[’']s\s[A-Z]", text[m.end : m.end + 4]):
        return True  # "Afghanistan's Maidan Wardak"
    if _LOCATIVE.search(before) or _ADJECTIVAL.search(before):
        return True
    after_place = _AFTER_PLACE.search(before)
    if after_place and after_place.group("place") not in lexicon.COUNTRIES:
        return True  # "Maidan Wardak, Afghanistan"; but "Sudan, Iran" is a list
    place = _PLACE_OF.search(before)
    return place is not None and place.group().split()[0].lower() in lexicon.LOCATION_HINTS


def _affiliation(text: str, m: Mention) -> bool:
    """The organisation follows a person's name or role: 'Mike Ryan of the WHO'."""
    match = _AFFILIATION.search(text[max(0, m.start - 60) : m.start])
    if match is None:
        return False
    who = match.group("who")
    return who[:1].isupper() or who.lower() in lexicon.ROLE_WORDS | lexicon.PERSON_HEADS


_NOT_IN_NAMES = lexicon.word_set("of for and on in to")


def _proper_name(actor: ActorDraft) -> bool:
    """A name of two to four capitalised words that no rule could classify ('Dean Kamen',
    'Ridgeback Biotherapeutics', 'Sea Org'): someone in the story, not a phrase."""
    words = actor.name.split()
    return (
        actor.kind == "other"
        and 2 <= len(words) <= 4
        and all(w[:1].isupper() for w in words)
        and not any(w.lower() in _NOT_IN_NAMES or w.lower() in lexicon.PRODUCT_WORDS for w in words)
        and words[0] not in lexicon.COMPASS
        and words[-1] not in lexicon.DEMONYMS
        and not any(ch.isdigit() for ch in actor.name)
    )


def _bracketed(text: str, m: Mention) -> bool:
    return text[m.start - 1 : m.start] == "(" and text[m.end : m.end + 1] == ")"
