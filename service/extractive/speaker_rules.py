"""Speaker rules: which actor a subject phrase names ('the ministry', 'the researchers', 'a
source within the Interior Ministry'), as an ordered table of small named rules, each with an
example sentence that is also its test (tests/test_extractive_speaker_rules.py).

A rule reads the ActorTable and never writes into it: it returns a Proposal (see proposals.py),
NOBODY (the phrase names no speaker: later rules are not asked) or None (ask the next rule)."""

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from schemas import ActorKind
from service.extractive import lexicon
from service.extractive.actors import ActorTable
from service.extractive.cached import cached_property
from service.extractive.phrases import PREPOSITION_CUTS
from service.extractive.proposals import NewActor, Proposal, demonym_plural


class _Nobody:
    def __repr__(self) -> str:
        return "NOBODY"


NOBODY: Final = _Nobody()
Verdict = Proposal | _Nobody | None

# Heads that describe a speaker rather than name one: "a source within the Interior Ministry".
_DESCRIBED_HEADS = lexicon.PERSON_HEADS | lexicon.GROUP_HEADS | lexicon.OTHER_HEADS | {"source"}


@dataclass
class Phrase:
    """A subject phrase of one speaker, with what the rules ask of it computed once."""

    table: ActorTable
    text: str  # the article's text
    phrase: str
    start: int

    @cached_property
    def words(self) -> list[str]:
        return self.phrase.split()

    @property
    def end(self) -> int:
        return self.start + len(self.phrase)

    @cached_property
    def core(self) -> str:
        """The phrase before its first preposition ('officials' of 'officials in Kabul')."""
        return re.split(r"\s(?:of|in|at|from|for|with|within|on)\s", self.phrase, maxsplit=1)[0]

    @cached_property
    def head(self) -> str:
        return head_noun(self.words)

    @cached_property
    def named(self) -> int | None:
        """The known actor the phrase names, before any rule judges it."""
        known = self.table.find_in(self.core)
        return self.table.find_in(self.phrase) if known is None else known

    @cached_property
    def known(self) -> int | None:
        """The known actor that speaks: not the affiliation of a description ('a source within
        the Interior Ministry' is the source, not the ministry)."""
        known = self.named
        if known is None or self.head not in _DESCRIBED_HEADS or self._names_person(known):
            return known
        first = next((w for w in self.words if w.lower() not in lexicon.DETERMINERS), "")
        return None if first.lower() == self.head else known

    def _names_person(self, known: int) -> bool:
        return self.table.actors[known].kind == "person" and ends_with_a_form(
            self.table, known, self.phrase
        )

    def propose(self, rule: str, actor: int | NewActor, alias: str | None = None) -> Proposal:
        return Proposal(rule, self.start, self.end, actor, alias)


@dataclass(frozen=True, slots=True)
class SpeakerRule:
    """A named step of speaker resolution, with a sentence it resolves and the speaker's name."""

    name: str
    example: str
    speaker: str | None  # the speaker the example resolves to (None: the claim has none)
    apply: Callable[[Phrase], Verdict]


def _part_of_named_document(p: Phrase) -> Verdict:
    known = p.named
    if (
        known is not None
        and re.search(r"\sof\s", p.phrase) is not None  # "data from X" is the data
        and p.core != p.phrase
        and p.head in lexicon.OTHER_HEADS
        and p.table.actors[known].kind == "other"
    ):
        return p.propose("part-of-named-document", known)
    return None


def _document_with_owner(p: Phrase) -> Verdict:
    # Documents speak for themselves (ANNOTATION.md v2): "the ministry's bulletin said",
    # "data from the Road Agency show": the bulletin, the data, not their owner
    if p.head not in lexicon.OTHER_HEADS:
        return None
    document = document_name(p.words, p.head)
    return (
        None if document is None else p.propose("document-with-owner", NewActor(document, "other"))
    )


_POSSESSED_NAME = re.compile(
    r"^(?:the\s+)?(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*['’]s\s+"
    r"(?P<role>(?:[a-z][\w-]*\s+){1,3})(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})$"
)


def _possessed_name(p: Phrase) -> Verdict:
    # "Peru's state agency Andina", "El Paso's police chief Greg Allen": the name after the
    # possessor's role noun speaks, not the possessor
    match = _POSSESSED_NAME.match(p.phrase)
    if match is None:
        return None
    role = match.group("role").split()
    if role[-1] not in lexicon.SPEAKER_HEADS and role[-1] not in lexicon.ROLE_WORDS:
        return None
    name = match.group("name")
    known = p.table.lookup(name)
    if known is not None:
        return p.propose("possessed-name", known)
    return p.propose("possessed-name", NewActor(name, kind_of_head(role[-1], [name])))


def _known_actor(p: Phrase) -> Verdict:
    known = p.known
    if known is None:
        return None
    if ends_with_a_form(p.table, known, p.phrase) or p.head not in lexicon.SPEAKER_HEADS:
        return p.propose("known-actor", known)
    return None


def _anaphoric_organisation(p: Phrase) -> Verdict:
    if len(p.words) <= 2 and p.words[0].lower() in _ANAPHORIC and p.head in _GENERIC_ORGS:
        found = p.table.latest(p.start, ("organization",))
        if found is not None:
            return p.propose("anaphoric-organisation", found, p.phrase)
    return None


def _anaphoric_head(p: Phrase) -> Verdict:
    if len(p.words) <= 2 and p.words[0].lower() in _ANAPHORIC:
        found = p.table.by_head(p.head, p.start)
        if found is not None:
            return p.propose("anaphoric-head", found, p.phrase)
    return None


def _anaphoric_role(p: Phrase) -> Verdict:
    words = p.words
    if len(words) <= 3 and (words[0].lower() in _ANAPHORIC or words[0].endswith(("'s", "’s"))):
        found = p.table.by_role(p.head, p.start)
        if found is not None:
            return p.propose("anaphoric-role", found, p.phrase)
    return None


def _no_name(p: Phrase) -> Verdict:
    if all(
        w in lexicon.WEEKDAYS_MONTHS
        or (w in lexicon.COMMON_CAPITALISED and w.lower() not in lexicon.SPEAKER_HEADS)
        for w in p.words
    ):
        return NOBODY  # "Later said", "Sunday said"; but "Police said" names the police
    return None


def _findings_of_latest_study(p: Phrase) -> Verdict:
    if len(p.words) <= 2 and p.head in _FINDINGS:
        study = _latest_document(p.table, p.start)
        if study is not None:
            return p.propose("findings-of-latest-study", study)
    return None


def _share_of_group(p: Phrase) -> Verdict:
    share = _SHARE.match(p.phrase)
    if share is None and not _SHARE_BEFORE.search(p.text, max(0, p.start - 40), p.start):
        return None
    # "a median of 91 percent of people across 21 countries said": a poll's respondents
    rest = p.phrase if share is None else share.group("rest")
    words = rest.split()
    return p.propose("share-of-group", NewActor(rest, kind_of_head(head_noun(words), words)))


def _partitive(p: Phrase) -> Verdict:
    # "One of the children said", "two of the study's authors wrote": a part of a group that
    # the text names no further; the part speaks, under the words the text gives it
    match = _PARTITIVE.match(p.phrase)
    if match is None:
        return None
    head = head_noun(match.group("rest").split())
    if head in lexicon.NOT_SPEAKER_HEADS or not (head.endswith("s") or head in _IRREGULAR_PLURALS):
        return None
    kind: ActorKind = "person" if match.group("part").lower() == "one" else "group"
    if head in lexicon.OTHER_HEADS:
        kind = "other"  # "one of the reports"
    return p.propose("partitive", NewActor(p.phrase, kind))


def _cannot_speak(p: Phrase) -> Verdict:
    """A new speaker needs a name (capitalised words) or a noun that can speak ('officials',
    'the report'); not 'I can', 'his urgent', 'a lot', 'each', 'a statement which'."""
    if any(
        w.lower() in lexicon.FIRST_PERSON or w.lower() in lexicon.NOT_IN_A_SPEAKER for w in p.words
    ):
        return NOBODY
    return NOBODY if p.head in lexicon.NOT_SPEAKER_HEADS else None


def _new_description(p: Phrase) -> Verdict:
    words = p.words
    kind = kind_of_head(p.head, words)
    name = p.phrase
    if words[0] in ("the", "The", "a", "A", "an", "An"):
        name = " ".join(words[1:])
    elif len(words) > 1 and words[0].lower() in _QUANTIFIERS and kind == "group":
        name = " ".join(words[1:])  # "Most respondents", "Many residents": the group
    if not name:
        return NOBODY
    # "a source" is kept as said; "the ..." is only the name
    alias = (
        p.phrase if name != p.phrase and words[0].lower() not in _QUANTIFIERS | {"the"} else None
    )
    return p.propose("new-description", NewActor(name, kind), alias)


# The order matters: each rule is asked only when the ones before it did not decide.
SPEAKER_RULES: tuple[SpeakerRule, ...] = (
    SpeakerRule("part-of-named-document",
                "The National Nutrition Study was published. The results of the National "
                "Nutrition Study showed a decline.", "National Nutrition Study",
                _part_of_named_document),
    SpeakerRule("document-with-owner", "The ministry's bulletin said the dam held.",
                "ministry's bulletin", _document_with_owner),
    SpeakerRule("possessed-name", "The toll rose, according to Peru's state agency Andina.",
                "Andina", _possessed_name),
    SpeakerRule("known-actor", "Anna Berg met the mayor. Berg said the dam held.", "Anna Berg",
                _known_actor),
    SpeakerRule("anaphoric-organisation",
                "Acme Corporation sold its stores. The company said the sale was final.",
                "Acme Corporation",
                _anaphoric_organisation),
    SpeakerRule("anaphoric-head",
                "The Interior Ministry met on Monday. The ministry said the dam held.",
                "Interior Ministry", _anaphoric_head),
    SpeakerRule("anaphoric-role",
                "Regional governor Boris Dubrovsky visited. The governor said the dam held.",
                "Boris Dubrovsky", _anaphoric_role),
    SpeakerRule("no-name", "Sunday said the dam held.", None, _no_name),
    SpeakerRule("findings-of-latest-study",
                "A new study said dams leak. Results showed the dam held.", "new study",
                _findings_of_latest_study),
    SpeakerRule("share-of-group",
                "A survey was held. A majority of voters said they would stay home.", "voters",
                _share_of_group),
    SpeakerRule("partitive", 'The town flooded. One of the residents said, "We left."',
                "One of the residents", _partitive),
    SpeakerRule("cannot-speak", "A lot said the dam held.", None, _cannot_speak),
    SpeakerRule("new-description", "The officials said the dam held.", "officials",
                _new_description),
)  # fmt: skip


def resolve_phrase(table: ActorTable, text: str, phrase: str, start: int) -> Proposal | None:
    """The first rule's proposal for one speaker's phrase; None when it names nobody."""
    words = phrase.split()
    while len(words) > 1 and words[-1].lower() in _TRAILING_ADVERBS:
        words = words[:-1]  # "Residents there said"
        phrase = phrase[: phrase.rindex(words[-1]) + len(words[-1])]
    if not words:
        return None
    p = Phrase(table, text, phrase, start)
    for rule in SPEAKER_RULES:
        verdict = rule.apply(p)
        if isinstance(verdict, Proposal):
            return verdict
        if verdict is NOBODY:
            return None
    return None


def ends_with_a_form(table: ActorTable, known: int, phrase: str) -> bool:
    """'Secretary of State Anna Berg' ends with the name of Anna Berg: she is the speaker."""
    forms = table.actors[known].forms
    return any(phrase.rstrip(")").endswith(f) or phrase.endswith(f"({f})") for f in forms)


_TRAILING_ADVERBS = lexicon.word_set("there here too also themselves himself herself itself")
_ANAPHORIC = lexicon.word_set("the this that its their his her")
_GENERIC_ORGS = lexicon.word_set(
    "company firm chain retailer organization organisation website outlet broadcaster "
    "utility airline carrier operator manufacturer automaker carmaker insurer lender startup "
    "publisher newspaper"
)


_QUANTIFIERS = lexicon.word_set("most many several few all")  # not "Some reports"
_PARTITIVE = re.compile(
    r"^(?P<part>one|some|two|three|four|five|several|many|most|few|both|each|all)\s+of\s+"
    r"(?P<rest>(?:the|his|her|its|their|those|these)\s+\S.*)$",
    re.IGNORECASE,
)
_IRREGULAR_PLURALS = lexicon.word_set("children people men women police staff")
_FINDINGS = lexicon.word_set("results findings")
_DOCUMENT_HEADS = lexicon.word_set("study survey report poll research paper analysis review")
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


def document_name(words: list[str], head: str) -> str | None:
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
        if end < len(words):
            # "report from the Mexican government", "footage from the scene": to the phrase's end
            return " ".join(words[start:])
    return " ".join(words[start : at + 1]) if possessed else None


def head_noun(words: list[str]) -> str:
    """'head of the police's investigators' -> 'head'; 'the ministry' -> 'ministry';
    'a median of 91 percent of people' -> 'people'."""
    for i, word in enumerate(words[1:], 1):
        before = words[i - 1].strip("()").lower()
        if word.lower() == "of" and (before in lexicon.QUANTITIES or before.isdigit()):
            continue
        if word.lower() in PREPOSITION_CUTS or word.lower() == "of":
            return before
        if word.lower() == "by" and before in lexicon.OTHER_HEADS:
            return before  # "estimates by the ministry": the estimates
    return words[-1].strip("()").lower()


def kind_of_head(head: str, words: list[str]) -> ActorKind:
    if head in lexicon.PERSON_HEADS:
        return "person"
    if head in lexicon.GROUP_HEADS:
        return "group"
    if head in lexicon.ORG_HEADS:
        return "organization"
    if head in lexicon.OTHER_HEADS:
        return "other"
    if len(words) == 1 and demonym_plural(words[0]):
        return "group"  # "Canadians", "Brazilians": people, not an organisation
    capitalised = [w for w in words if w[:1].isupper() and w.lower() not in lexicon.DETERMINERS]
    if " ".join(capitalised) in lexicon.COUNTRIES:
        return "country"
    if len(capitalised) >= 2:
        return "person"
    return "organization" if capitalised else "group"
