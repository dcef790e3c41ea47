"""Which actors a brief keeps: speakers, and the people, organisations and countries that take
part in the story, not those that only locate it (locating.py), stand as someone's affiliation,
only receive a statement or sign the article off."""

import re

from service.article import Article
from service.extractive import lexicon
from service.extractive.actors import ActorDraft, Mention
from service.extractive.locating import AFFILIATION, only_a_place, only_locates

_KEPT_KINDS = ("person", "organization", "country")
_RECEIVING = (
    r"\b(?:told|telling|(?:stated|said|spoke|talked|wrote|speaking|talking) to|"
    r"(?:spoke|talked) with|published in|(?:an\s+)?interviews?\s+with|"
    r"(?:speaking|spoke|appearing|appeared|talking)\s+(?:on|to)|"
    r"(?:posted|wrote|writing|tweeted|said|announced|shared)\s+on)\s+"
)
_RECEIVES = re.compile(_RECEIVING + r"(?:the\s+)?$", re.I)
# A name of unknown kind that receives is an outlet only with "the": "told the Riga Independent",
# but "told Mark Reed" is a person who is told something
_RECEIVES_WITH_THE = re.compile(_RECEIVING + r"the\s+$", re.I)
# A byline or sign-off names the writer, not an actor: "I'm Jo Reed.", "By Ann Hale",
# "Reporting by Sam Ode", "Written by ...", "Edited by ...".
_SIGN_OFF = re.compile(
    r"(?:\bI(?:[’']m| am)|(?:^|\n)\s*(?:By|(?:Reporting|Written|Edited|Additional reporting) by)|"
    r"\b(?:Image|Photo|Photograph|Picture|Credit|Photo credit)s?:|\b(?:Photo|Image)s? by)\s+$"
)  # and an image credit: "Image: Ann Hale", "Photo by Ann Hale"
# "Humane Society executive director Sara Amundson", "NBC News correspondent Kristen Welker":
# the organisation, then a role and a name, is the person's affiliation
_AFFILIATION_BEFORE = re.compile(
    r"(?:[’']s)?\s+(?:[a-z][\w-]*\s+){0,2}(?P<role>[a-z][\w-]*)\s+[A-Z][\w’'.-]*\s+[A-Z]"
)
# "at the Kennedy Space Center", "at Belmont University in Nashville": a venue, not a party
_AT = re.compile(r"\b(?:at|in|from|outside|inside)\s+(?:the\s+)?$", re.I)
_VENUE_HEADS = lexicon.word_set(
    "center centre university college school hospital museum stadium arena hall airport "
    "station library theatre theater base campus"
)


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
        if actor.kind == "country" and all(only_locates(text, m) for m in found):
            continue
        if (
            actor.kind == "other"
            and not _named_study(actor)
            and all(only_a_place(text, m) for m in found)
        ):
            continue  # "in El Paso", "the capital, San Juan": a name of unknown kind that locates
        if actor.kind == "organization" and all(_affiliation(text, m, actor.head) for m in found):
            continue
        # "told LA Weekly": an outlet that only receives (a person told something still acts)
        receives = (_SIGN_OFF, _RECEIVES if actor.kind == "organization" else _RECEIVES_WITH_THE)
        if all(any(r.search(text, max(0, m.start - 20), m.start) for r in receives) for m in found):
            continue
        kept.append(i)
    return kept


def _affiliation(text: str, m: Mention, head: str) -> bool:
    """The organisation follows a person's name or role ('Mike Ryan of the WHO'), comes before
    one ('NBC News correspondent Kristen Welker'), or is where something happens ('at Belmont
    University')."""
    role = _AFFILIATION_BEFORE.match(text, m.end)
    if role is not None and role.group("role") in lexicon.ROLE_WORDS | lexicon.PERSON_HEADS:
        return True
    if head in _VENUE_HEADS and _AT.search(text, max(0, m.start - 20), m.start):
        return True
    match = AFFILIATION.search(text[max(0, m.start - 60) : m.start])
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
