"""Speakers: the actor a subject phrase names, by pronoun, name, alias or description."""

import re

from schemas import ActorKind
from service.article import Article
from service.extractive import lexicon
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
_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}  # "For her, ..."
# Heads that describe a speaker rather than name one: "a source within the Interior Ministry".
_DESCRIBED_HEADS = lexicon.PERSON_HEADS | lexicon.GROUP_HEADS | lexicon.OTHER_HEADS | {"source"}


def resolve_speakers(
    article: Article, table: ActorTable, tokens: list[Token], span: tuple[int, int]
) -> list[int]:
    """The actors a subject phrase names ('X and Y' names two), creating descriptive actors
    when they are new; empty when the phrase names nobody we can tell."""
    text = article.text
    first, last = tokens[span[0]], tokens[span[1]]
    if span[0] == span[1] and first.lower in _OBJECT_PRONOUNS:
        found = _pronoun(table, Token(_OBJECT_PRONOUNS[first.lower], first.start, first.end))
        return [] if found is None else [_as_speaker(table, found)]
    if span[0] == span[1] and first.lower in lexicon.PRONOUNS:
        found = _pronoun(table, first)
        return [] if found is None else [_as_speaker(table, found)]
    phrase = text[first.start : last.end - (2 if last.possessive else 0)]
    parts = [(phrase, first.start)]
    # "Institute of A and B", "Director X of the Institute of A and B": one name, not two.
    if table.lookup(phrase) is None and not re.search(r"\sof\s.*\sand\s", phrase):
        parts = [
            (m.group(), first.start + m.start())
            for m in re.finditer(r"\S.*?(?=\s+and\s+|$)", phrase)
        ]
    speakers: list[int] = []
    for part, offset in parts:
        part = re.sub(r"^and\s+", "", part)
        found = _resolve_one(article, table, part, offset)
        if found is not None and found not in speakers:
            speakers.append(_as_speaker(table, found))
    return speakers


def _pronoun(table: ActorTable, pronoun: Token) -> int | None:
    kinds = _PRONOUN_KINDS.get(pronoun.lower)
    if kinds is None:
        return None  # "I", "we": the speaker of an enclosing quotation, not known here
    if pronoun.lower == "they":
        group = table.latest(pronoun.start, ("group",))
        if group is not None and pronoun.start - table.actors[group].first < 400:
            return group
    return table.latest(pronoun.start, kinds, _PRONOUN_GENDER.get(pronoun.lower))


def _resolve_one(article: Article, table: ActorTable, phrase: str, start: int) -> int | None:
    words = phrase.split()
    while len(words) > 1 and words[-1].lower() in _TRAILING_ADVERBS:
        words = words[:-1]  # "Residents there said"
        phrase = phrase[: phrase.rindex(words[-1]) + len(words[-1])]
    if not words:
        return None
    core = re.split(r"\s(?:of|in|at|from|for|with|within|on)\s", phrase, maxsplit=1)[0]
    known = table.find_in(core)
    if known is None:
        known = table.find_in(phrase)
    head = _head_noun(words)
    descriptive = head in _DESCRIBED_HEADS
    if (
        known is not None
        and core != phrase
        and head in lexicon.OTHER_HEADS
        and table.actors[known].kind == "other"
    ):
        return known  # "the results of the National Nutrition Study": the study speaks
    if head in lexicon.OTHER_HEADS:
        document = _document_name(words, head)
        if document is not None:
            # Documents speak for themselves (ANNOTATION.md v2): "the ministry's bulletin
            # said", "data from the Road Agency show": the bulletin, the data, not their owner
            return table.add(document, "other", start)
    named_person = (
        known is not None
        and table.actors[known].kind == "person"
        and _ends_with_a_form(table, known, phrase)
    )
    if known is not None and descriptive and not named_person:
        first_word = next((w for w in words if w.lower() not in lexicon.DETERMINERS), "")
        if first_word.lower() == head:
            known = None  # "a source within the Interior Ministry": the source speaks
    if known is not None:
        if _ends_with_a_form(table, known, phrase):
            return known
        if head not in lexicon.SPEAKER_HEADS:
            return known
    if len(words) <= 2 and words[0].lower() in _ANAPHORIC and head in _GENERIC_ORGS:
        found = table.latest(start, ("organization",))
        if found is not None:
            table.add_alias(found, phrase)  # "the company", "the chain": the firm named last
            return found
    if len(words) <= 2 and words[0].lower() in _ANAPHORIC:
        found = table.by_head(head, start)
        if found is not None:
            table.add_alias(found, phrase)
            return found
    if len(words) <= 3 and (words[0].lower() in _ANAPHORIC or words[0].endswith(("'s", "’s"))):
        found = table.by_role(head, start)
        if found is not None:
            table.add_alias(found, phrase)  # "the governor" is Regional governor Boris Dubrovsky
            return found
    if all(
        w in lexicon.WEEKDAYS_MONTHS
        or (w in lexicon.COMMON_CAPITALISED and w.lower() not in lexicon.SPEAKER_HEADS)
        for w in words
    ):
        return None  # "Later said", "Sunday said"; but "Police said" names the police
    if len(words) <= 2 and head in _FINDINGS:
        study = _latest_document(table, start)
        if study is not None:
            return study  # "Results showed ...": the study's results
    if len(words) == 2 and head in _RESEARCH_STAFF and words[0][:1].isupper():
        found = _organization_by_first_word(table, words[0])
        if found is not None:
            table.add_alias(found, phrase)  # "Pew researchers" of the Pew Research Center
            return found
    if (
        len(words) == 2
        and head in _ORGANISATION_VOICES
        and _bare_name(words[0])
        and table.lookup(words[0]) is None
    ):
        # "Scientology officials have stated": a group, and the organisation they speak for
        table.add(words[0], "organization", start)
    share = _SHARE.match(phrase)
    if share is not None or _SHARE_BEFORE.search(article.text, max(0, start - 40), start):
        # "a median of 91 percent of people across 21 countries said": a poll's respondents
        rest = phrase if share is None else share.group("rest")
        rest_words = rest.split()
        return table.add(rest, _kind_of_head(_head_noun(rest_words), rest_words), start)
    if not _can_name_a_speaker(words, head):
        return None
    kind = _kind_of_head(head, words)
    name = phrase
    if words[0] in ("the", "The", "a", "A", "an", "An"):
        name = " ".join(words[1:])
    elif len(words) > 1 and words[0].lower() in _QUANTIFIERS and kind == "group":
        name = " ".join(words[1:])  # "Most respondents", "Many residents": the group
    if not name:
        return None
    index = table.add(name, kind, start)
    if name != phrase and words[0].lower() not in _QUANTIFIERS | {"the"}:
        table.add_alias(index, phrase)  # "a source", kept as said; "the ..." is only the name
    return index


def _ends_with_a_form(table: ActorTable, known: int, phrase: str) -> bool:
    """'Secretary of State Anna Berg' ends with the name of Anna Berg: she is the speaker."""
    forms = table.actors[known].forms
    return any(phrase.rstrip(")").endswith(f) or phrase.endswith(f"({f})") for f in forms)


def _can_name_a_speaker(words: list[str], head: str) -> bool:
    """A new speaker needs a name (capitalised words) or a noun that can speak ('officials',
    'the report'); not 'I can', 'his urgent', 'a lot', 'each', 'a statement which'."""
    if any(
        w.lower() in lexicon.FIRST_PERSON or w.lower() in lexicon.NOT_IN_A_SPEAKER for w in words
    ):
        return False
    return head not in lexicon.NOT_SPEAKER_HEADS


_TRAILING_ADVERBS = lexicon.word_set("there here too also themselves himself herself itself")
_ANAPHORIC = lexicon.word_set("the this that its their his her")
_GENERIC_ORGS = lexicon.word_set(
    "company firm chain retailer organization organisation website outlet broadcaster"
)


_ORGANISATION_VOICES = lexicon.word_set("officials executives")


def _bare_name(word: str) -> bool:
    """One capitalised word that names no country, people or common word: 'Scientology'."""
    return (
        word[:1].isupper()
        and word.isalpha()
        and word not in lexicon.COUNTRIES
        and word not in lexicon.DEMONYMS
        and word not in lexicon.COMMON_CAPITALISED
        and word not in lexicon.WEEKDAYS_MONTHS
    )


_QUANTIFIERS = lexicon.word_set("most many several few all")  # not "Some reports"
_FINDINGS = lexicon.word_set("results findings")
_DOCUMENT_HEADS = lexicon.word_set("study survey report poll research paper analysis review")
_RESEARCH_STAFF = lexicon.word_set("researchers scientists analysts economists pollsters")
# A share of a group: "a median of 91 percent of", "more than 80 percent of", "a majority of".
_SHARE = re.compile(
    r"^(?:[\w’'-]+\s+){0,4}?(?:\d[\d.,]*\s*(?:%|percent|per\s+cent)|percent|median|"
    r"majority|proportion|percentage)\s+of\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?"
    r"(?:\d[\d.,]*\s*(?:%|percent|per\s+cent)\s+of\s+(?:the\s+)?)?(?P<rest>[\w’'-].*)$",
    re.IGNORECASE,
)

_SHARE_BEFORE = re.compile(
    r"(?:%|\bpercent|\bper\s+cent|\bmedian|\bmajority|\bproportion|\bpercentage)\s+of\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)


def _latest_document(table: ActorTable, before: int) -> int | None:
    """The study, survey or report introduced last before an offset."""
    found = [
        i
        for i, a in enumerate(table.actors)
        if a.kind == "other" and a.head in _DOCUMENT_HEADS and a.first < before
    ]
    return found[-1] if found else None


def _organization_by_first_word(table: ActorTable, word: str) -> int | None:
    """The one organisation whose name of two or more words starts with this word."""
    found = [
        i
        for i, a in enumerate(table.actors)
        if a.kind == "organization" and len(a.name.split()) > 1 and a.name.split()[0] == word
    ]
    return found[0] if len(found) == 1 else None


def _document_name(words: list[str], head: str) -> str | None:
    """The document a phrase names with its owner: "WHO's statistics", "report from the
    Mexican government" (to the end of the owner's name); None when no owner is named."""
    start = next((i for i, w in enumerate(words) if w.lower() not in lexicon.DETERMINERS), 0)
    at = next((i for i, w in enumerate(words) if w.lower() == head), None)
    if at is None:
        return None
    possessed = any(w.endswith(("'s", "’s")) for w in words[start:at])
    if at + 1 < len(words) and words[at + 1].lower() in lexicon.DOCUMENT_LINKS:
        end = at + 2
        if end < len(words) and words[end].lower() == "the":
            end += 1
        named = end
        while named < len(words) and words[named][:1].isupper():
            named += 1
        if named > end:
            return " ".join(words[start:named])
    return " ".join(words[start : at + 1]) if possessed else None


def _as_speaker(table: ActorTable, index: int) -> int:
    """A speaker named by two or three capitalised words, of no other kind, is a person."""
    actor = table.actors[index]
    words = actor.name.split()
    named = all(w[:1].isupper() for w in words) and words[-1].lower() not in lexicon.OTHER_HEADS
    if actor.kind == "other" and named and 2 <= len(words) <= 3:
        table.set_kind(index, "person")  # "Kristen Wilkins said"; not "recent poll"
    elif actor.kind == "other" and named and len(words) == 1 and not _demonym_plural(words[0]):
        table.set_kind(index, "organization")  # "Tesco said": a lone speaking name
    return index


def _demonym_plural(word: str) -> bool:
    return word.endswith("s") and word[:-1] in lexicon.DEMONYMS


def _head_noun(words: list[str]) -> str:
    """'head of the police's investigators' -> 'head'; 'the ministry' -> 'ministry';
    'a median of 91 percent of people' -> 'people'."""
    for i, word in enumerate(words[1:], 1):
        before = words[i - 1].strip("()").lower()
        if word.lower() == "of" and (before in lexicon.QUANTITIES or before.isdigit()):
            continue
        if word.lower() in PREPOSITION_CUTS or word.lower() == "of":
            return before
    return words[-1].strip("()").lower()


def _kind_of_head(head: str, words: list[str]) -> ActorKind:
    if head in lexicon.PERSON_HEADS:
        return "person"
    if head in lexicon.GROUP_HEADS:
        return "group"
    if head in lexicon.ORG_HEADS:
        return "organization"
    if head in lexicon.OTHER_HEADS:
        return "other"
    if len(words) == 1 and _demonym_plural(words[0]):
        return "group"  # "Canadians", "Brazilians": people, not an organisation
    capitalised = [w for w in words if w[:1].isupper() and w.lower() not in lexicon.DETERMINERS]
    if " ".join(capitalised) in lexicon.COUNTRIES:
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
