"""Which actors a brief keeps: speakers, and the people, organisations and countries that take
part in the story, not those that only locate it or stand as someone's affiliation."""

import re

from service.article import Article
from service.extractive import lexicon
from service.extractive.actors import ActorDraft, Mention

_KEPT_KINDS = ("person", "organization", "country")
# "in Canada", "across the United States", "women in France": a place, not a participant.
_LOCATIVE = re.compile(
    r"(?:\b(?:in|at|near|across|throughout|within|inside|outside(?:\s+of)?|from|like|mainland)\s+"
    r"(?:the\s+)?|\b(?:North|South|East|West|Northern|Southern|Eastern|Western|Central)\s+)$",
    re.I,
)
# Where someone goes, comes from or leaves ("moved to the United States", "traveled to Canada",
# "leaving Thailand"), and what something is compared with ("in line with the United States").
_DESTINATION = re.compile(
    r"\b(?:(?:move|moved|moves|moving|travel|travels|traveled|travelled|traveling|travelling|"
    r"come|comes|came|coming|return|returns|returned|returning|flee|flees|"
    r"fled|fleeing|fly|flies|flew|flying|head|heads|headed|heading|emigrate|emigrated|"
    r"relocate|relocated|deport|deported|back)\s+(?:back\s+)?(?:to|from)|"
    r"leave|leaves|leaving|left|in\s+line\s+with|compared\s+(?:with|to)|unlike|than)"
    r"\s+(?:the\s+)?$",
    re.I,
)
# Described rather than acting: "Mexico is a place where ...", "Canada is a melting pot".
_DESCRIBED = re.compile(r"\s+(?:is|was|remains)\s+(?:a|an|the|one|ranked|home)\b")
# The parts a region or group is made of: "the region comprising Czechia, Hungary and Poland".
_ENUMERATES = re.compile(r"\b(?:comprising|comprises|including|includes|such\s+as)\s+$", re.I)
# An earlier member of a list of countries: "Czechia, Hungary, [Poland]", "Thailand or [Poland]".
_LIST_BEFORE = re.compile(
    r"(?P<member>[A-Z][\w’'.-]*(?:\s[A-Z][\w’'.-]*){0,2}),?\s+(?:(?:and|or)\s+)?(?:the\s+)?$"
)
# "a US peace envoy", "the region of Russia", "Maidan Wardak, Afghanistan"
_ADJECTIVAL = re.compile(r"\b(?:a|an)\s+$", re.I)
_PLACE_OF = re.compile(r"\b(?:\w+)\s+of\s+(?:the\s+)?$")
_AFTER_PLACE = re.compile(r"(?P<place>[A-Z][\w’'-]+),\s+$")
_RECEIVES = re.compile(
    r"\b(?:told|(?:stated|said|spoke|talked|wrote) to|(?:spoke|talked) with|published in)"
    r"\s+(?:the\s+)?$"
)
# A byline or sign-off names the writer, not an actor: "I'm Jo Reed.", "By Ann Hale",
# "Reporting by Sam Ode", "Written by ...", "Edited by ...".
_SIGN_OFF = re.compile(
    r"(?:\bI(?:[’']m| am)|(?:^|\n)\s*(?:By|(?:Reporting|Written|Edited|Additional reporting) by))"
    r"\s+$"
)
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
        kept_kind = actor.kind in _KEPT_KINDS or _proper_name(actor) or _named_study(actor)
        if not found or not kept_kind:
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
    if _LOCATIVE.search(before) or _ADJECTIVAL.search(before) or _DESTINATION.search(before):
        return True
    if _within_name(text, m.start):
        return True  # "Netto Poland", "Radio Free Asia": part of another name
    if _DESCRIBED.match(text, m.end) or _in_placed_list(text, m.start):
        return True
    after_place = _AFTER_PLACE.search(before)
    if after_place and after_place.group("place") not in lexicon.COUNTRIES:
        return True  # "Maidan Wardak, Afghanistan"; but "Sudan, Iran" is a list
    place = _PLACE_OF.search(before)
    return place is not None and place.group().split()[0].lower() in lexicon.LOCATION_HINTS


def _within_name(text: str, start: int) -> bool:
    """A capitalised word runs straight into the country, inside a sentence: a longer name."""
    word = re.search(r"(?:^|[^\w’'.])([A-Z][\w’'-]*) $", text[max(0, start - 30) : start])
    if word is None or word.group(1) in lexicon.COMMON_CAPITALISED:
        return False
    before = text[max(0, start - 32 - len(word.group(1))) : start - len(word.group(1)) - 1]
    return bool(before) and before.rstrip()[-1:] not in '.!?"“”\n' and before[-1:] == " "


def _in_placed_list(text: str, start: int) -> bool:
    """A country listed as a part of a region ('comprising Czechia, Hungary and Poland'),
    after a destination ('leaving Thailand or Poland') or a place ('arrests in Brazil, Canada
    and Spain'), following the list of countries back to its head."""
    for step in range(12):
        before = text[max(0, start - 40) : start]
        if _ENUMERATES.search(before) or _DESTINATION.search(before):
            return True
        if step > 0 and _LOCATIVE.search(before):
            return True
        member = _LIST_BEFORE.search(before)
        if member is None or member.group("member") not in lexicon.COUNTRIES:
            return False
        start = start - len(before) + member.start("member")
    return False


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


_STUDY_HEADS = lexicon.word_set("study trial survey census inquiry")


def _named_study(actor: ActorDraft) -> bool:
    """A study or trial with a name ('the PALM trial', 'the Pew study'): what the story is
    about, whether or not it is quoted."""
    words = actor.name.split()
    return (
        actor.kind == "other"
        and len(words) >= 2
        and words[0][:1].isupper()
        and words[-1] in _STUDY_HEADS
    )


def _bracketed(text: str, m: Mention) -> bool:
    return text[m.start - 1 : m.start] == "(" and text[m.end : m.end + 1] == ")"
