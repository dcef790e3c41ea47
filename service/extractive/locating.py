"""Where a name only locates or qualifies: the syntax of "in Kabul", "applicants from Peru, Chile
and Bolivia", "US officials", "Niger's capital", "the capital, San Juan". A country or place so
placed takes no part in the story (ANNOTATION.md v2); one that acts or is acted on as a party
("Mexico sued", "talks with Iran") does, so each pattern names a position, never a country."""

import re

from service.extractive import lexicon
from service.extractive.mention_index import Mention

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
    r"leave|leaves|leaving|left|enter|enters|entered|entering|border\s+with|"
    r"in\s+line\s+with|compared\s+(?:with|to)|unlike|than)"
    r"\s+(?:the\s+)?$",
    re.I,
)
# Described rather than acting: "Mexico is a place where ...", "Canada is a melting pot".
_DESCRIBED = re.compile(r"\s+(?:is|was|are|were|remains)\s+(?:a|an|the|one|ranked|home)\b")
# The list a country opens, then what its members are: "Uruguay, Guyana and Cuba are the other".
_LIST_DESCRIBED = re.compile(
    r"(?:,\s+[A-Z][\w’'.-]*(?:\s[A-Z][\w’'.-]*){0,2})*,?\s+(?:and|or)\s+"
    r"[A-Z][\w’'.-]*(?:\s[A-Z][\w’'.-]*){0,2}\s+(?:are|were)\s+(?:the|among|two|three|all)\b"
)
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
# "Fauci of the NIAID", "Li from the University", "spokesman for the ministry"
AFFILIATION = re.compile(r"(?P<who>[\w’'.-]+),?\s+(?:of|from|at|for|with)\s+(?:the\s+)?$")


def only_locates(text: str, m: Mention) -> bool:
    """The country places or qualifies something ('in Canada', 'U.S. Senator', 'US-built',
    'US$', 'a US envoy', 'Afghanistan's Maidan Wardak', 'the region of Russia', 'US officials',
    'Niger's capital', 'el-Sisi of Egypt')."""
    before = text[max(0, m.start - 40) : m.start]
    after = text[m.end : m.end + 3]
    if after[:1] in ("-", "$") or re.match(r"\s[A-Z]", after):
        return True  # "US-built", "US$ 20", "U.S. Senator"
    if re.match(r"[’']s\s[A-Z]", text[m.end : m.end + 4]):
        return True  # "Afghanistan's Maidan Wardak"
    if _qualifies(text, m, lexicon.QUALIFIED_NOUNS):
        return True  # "US officials", "Niger's capital", "Puerto Rico's eleventh governor"
    if _LOCATIVE.search(before) or _ADJECTIVAL.search(before) or _DESTINATION.search(before):
        return True
    if _within_name(text, m.start):
        return True  # "Netto Poland", "Radio Free Asia": part of another name
    if _DESCRIBED.match(text, m.end) or _LIST_DESCRIBED.match(text, m.end):
        return True
    if _in_placed_list(text, m.start) or _titles_affiliation(text, m):
        return True
    after_place = _AFTER_PLACE.search(before)
    if after_place and after_place.group("place") not in lexicon.COUNTRIES:
        return True  # "Maidan Wardak, Afghanistan"; but "Sudan, Iran" is a list
    of = _PLACE_OF.search(before)
    return of is not None and of.group().split()[0].lower() in lexicon.QUALIFIED_NOUNS


def only_a_place(text: str, m: Mention) -> bool:
    """A name of unknown kind that stands where only a place can: 'in El Paso', 'between El
    Paso and Ciudad Juárez', 'the capital, San Juan', 'south of Los Angeles', 'the Sandy Point
    area', 'in Ohio, New Jersey and New York'. Fewer contexts than for a country: 'from',
    'like' or 'a' before a name of unknown kind may as well stand before a person."""
    before = text[max(0, m.start - 40) : m.start]
    if _PLACE_LOCATIVE.search(before) or _NAMED_PLACE.search(before):
        return True
    if _DESTINATION.search(before) or _titles_affiliation(text, m):
        return True  # "retreated to New Mexico", "Jerrold Nadler of New York"
    if _qualifies(text, m, lexicon.LOCATION_HINTS | _PLACE_NOUNS):
        return True
    if _in_placed_list(text, m.start, place=True):
        return True
    of = _PLACE_OF.search(before)
    return of is not None and of.group().split()[0].lower() in lexicon.LOCATION_HINTS | _DIRECTIONS


def _qualifies(text: str, m: Mention, nouns: frozenset[str]) -> bool:
    qualified = _QUALIFIES.match(text, m.end)
    return qualified is not None and qualified.group("noun").lower() in nouns


_DIRECTIONS = lexicon.word_set("north south east west northeast northwest southeast southwest")
_PLACE_NOUNS = lexicon.word_set("area areas streets outskirts suburbs shooting")
# "US officials", "Niger's capital", "Puerto Rico's eleventh governor": the noun after the name
_QUALIFIES = re.compile(r"(?:\s+|[’']s\s+(?:[a-z][\w-]*\s+)?)(?P<noun>[a-z][\w-]*)\b(?![’'-]\w)")
_PLACE_LOCATIVE = re.compile(
    r"\b(?:in|at|near|across|throughout|within|inside|outside|between|along)\s+(?:the\s+)?$",
    re.I,
)
_NAMED_PLACE = re.compile(
    r"\b(?:" + "|".join(sorted(lexicon.LOCATION_HINTS)) + r"),\s+(?:the\s+)?$", re.I
)


def _titles_affiliation(text: str, m: Mention) -> bool:
    """'President Abdel Fattah el-Sisi of Egypt', 'the Secretary of Justice for Puerto Rico':
    the country follows a person's name or title inside a sentence (not 'Talks with Iran')."""
    match = AFFILIATION.search(text, max(0, m.start - 60), m.start)
    if match is None:
        return False
    who = match.group("who")
    if who.lower() in lexicon.ROLE_WORDS | lexicon.PERSON_HEADS:
        return True
    opening = text[max(0, match.start() - 3) : match.start()].rstrip()
    named = any(ch.isupper() for ch in who)  # "Talon", "el-Sisi"
    return named and opening[-1:] not in ("", ".", "!", "?", '"', "“", "\n")


def _within_name(text: str, start: int) -> bool:
    """A capitalised word runs straight into the country, inside a sentence: a longer name."""
    word = re.search(r"(?:^|[^\w’'.])([A-Z][\w’'-]*) $", text[max(0, start - 30) : start])
    if word is None or word.group(1) in lexicon.COMMON_CAPITALISED:
        return False
    before = text[max(0, start - 32 - len(word.group(1))) : start - len(word.group(1)) - 1]
    return bool(before) and before.rstrip()[-1:] not in '.!?"“”\n' and before[-1:] == " "


def _in_placed_list(text: str, start: int, place: bool = False) -> bool:
    """A country listed as a part of a region ('comprising Czechia, Hungary and Poland'),
    after a destination ('leaving Thailand or Poland') or a place ('arrests in Brazil, Canada
    and Spain'), following the list of countries back to its head."""
    for step in range(12):
        before = text[max(0, start - 40) : start]
        if _ENUMERATES.search(before) or _DESTINATION.search(before):
            return True
        if step > 0 and (_LOCATIVE.search(before) or (place and _PLACE_LOCATIVE.search(before))):
            return True
        member = _LIST_BEFORE.search(before)
        if member is None or not (place or member.group("member") in lexicon.COUNTRIES):
            return False  # a place's list may hold any names ("in Ohio, New Jersey, New York")
        start = start - len(before) + member.start("member")
    return False
