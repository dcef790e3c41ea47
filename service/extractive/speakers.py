"""Speakers: the actor a subject phrase names, by pronoun, name, alias or description.

The resolvers (the pronoun rules here, the phrase rules in speaker_rules.py) return proposals;
`Speakers.resolve` is the one place that accepts them into the ActorTable, and it remembers
each sentence's subject for the pronouns of the sentences after it."""

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from schemas import ActorKind
from service.article import Article
from service.extractive import lexicon
from service.extractive.actors import ActorTable
from service.extractive.phrases import apposed_name, noun_phrase_after
from service.extractive.proposals import NewActor, Proposal, accept, personal_name
from service.extractive.speaker_rules import head_noun, resolve_phrase
from service.extractive.tokens import Token

_PRONOUN_KINDS: dict[str, tuple[ActorKind, ...]] = {
    "he": ("person",),
    "she": ("person",),
    "it": ("organization", "country", "other", "location"),
    # not a country: "Turkey ... They concluded" is the ministers who met, not Turkey
    "they": ("group", "organization", "person"),
}
_PRONOUN_GENDER = {"he": "m", "she": "f"}
_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}  # "For her, ..."
_SUBJECT_OPENERS = lexicon.word_set(
    "in on at after before during since when while as following despite however meanwhile "
    "later earlier also then still yet"
)
_CHAIN = 3  # how many sentences back a pronoun's subject is followed through pronouns


@dataclass(frozen=True, slots=True)
class PronounRule:
    """A named step of pronoun resolution, with a text it resolves and the speaker's name."""

    name: str
    example: str
    speaker: str | None
    apply: Callable[["Speakers", Token, str], Proposal | None]


class Speakers:
    """Speaker resolution for one article: proposals from the rules, accepted in one place."""

    def __init__(self, article: Article, table: ActorTable) -> None:
        self.article = article
        self.table = table
        self._subjects: dict[int, int] = {}  # sentence index -> the speaker it is about
        self.accepted: list[Proposal] = []  # every proposal accepted, in order: why each speaker

    def resolve(self, tokens: list[Token], span: tuple[int, int]) -> list[int]:
        """The actors a subject phrase names ('X and Y' names two), creating descriptive
        actors when they are new; empty when the phrase names nobody we can tell."""
        return [self.accept(p) for p in self.proposals(tokens, span)]

    def accept(self, proposal: Proposal) -> int:
        """The one place a proposal goes into the table."""
        self.accepted.append(proposal)
        return accept(self.table, proposal)

    def record(self, sentence: int, speaker: int) -> None:
        """The speaker of a sentence's first claim: what its pronouns after it may refer to."""
        self._subjects.setdefault(sentence, speaker)

    def proposals(self, tokens: list[Token], span: tuple[int, int]) -> list[Proposal]:
        text = self.article.text
        span = self._whole_name(tokens, span)
        first, last = tokens[span[0]], tokens[span[1]]
        if span[0] == span[1] and first.lower in _OBJECT_PRONOUNS | lexicon.PRONOUNS.keys():
            meant = self.pronoun(first, _OBJECT_PRONOUNS.get(first.lower, first.lower))
            return [] if meant is None else [meant]
        phrase = text[first.start : last.end - (2 if last.possessive else 0)]
        parts = [(phrase, first.start)]
        # "Institute of A and B", "Director X of the Institute of A and B": one name, not two.
        if self.table.lookup(phrase) is None and not re.search(r"\sof\s.*\sand\s", phrase):
            parts = [
                (m.group(), first.start + m.start())
                for m in re.finditer(r"\S.*?(?=\s+and\s+|$)", phrase)
            ]
        found: list[Proposal] = []
        for part, offset in parts:
            part = re.sub(r"^and\s+", "", part)
            proposal = resolve_phrase(self.table, text, part, offset)
            if proposal is not None and all(proposal.actor != f.actor for f in found):
                found.append(proposal)
        return found

    def _whole_name(self, tokens: list[Token], span: tuple[int, int]) -> tuple[int, int]:
        """A phrase cut short inside a known name ('United States Commission' of 'United
        States Commission on International Religious Freedom') takes all of it."""
        first = span[0] + (tokens[span[0]].lower in ("the", "a", "an") and span[0] < span[1])
        end = self.table.form_end(tokens[first].start)
        if end is None or end <= tokens[span[1]].end:
            return span
        last = span[1]
        while last + 1 < len(tokens) and tokens[last + 1].end <= end:
            last += 1
        return (span[0], last)

    def pronoun(self, token: Token, pronoun: str) -> Proposal | None:
        """The first pronoun rule's proposal."""
        if pronoun not in _PRONOUN_KINDS:
            return None  # "I", "we": the speaker of an enclosing quotation, not known here
        for rule in PRONOUN_RULES:
            found = rule.apply(self, token, pronoun)
            if found is not None:
                return found
        return None

    # -- what a sentence is about ------------------------------------------------------------

    def subject(self, index: int, depth: int = 0) -> Proposal | None:
        """What sentence `index` is about: the actor its opening noun phrase names, else the
        speaker of its first claim. Read-only: nothing is added to the table."""
        if index < 0 or depth > _CHAIN:
            return None
        sentence = self.article.sentences[index]
        tokens = self.table.sentence_tokens(sentence)
        i = after_opener(tokens)
        np = noun_phrase_after(tokens, i) if i < len(tokens) else None
        if np is not None and np[0] == np[1] and tokens[np[0]].lower in _PRONOUN_KINDS:
            pronoun = tokens[np[0]]
            found = self._earlier_subject(index, pronoun, pronoun.lower, depth + 1)
            if found is not None:
                return found
        elif np is not None and tokens[np[0]].lower not in lexicon.PRONOUNS:
            np = apposed_name(tokens, np[1]) or np  # "The union's leader, Maria Costa, ..."
            first, last = tokens[np[0]], tokens[np[1]]
            phrase = self.article.text[first.start : last.end - (2 if last.possessive else 0)]
            found = resolve_phrase(self.table, self.article.text, phrase, first.start)
            if found is not None and names_a_speaker(found, phrase):
                return found
        speaker = self._subjects.get(index)
        if speaker is None:
            return None
        return Proposal("claim-speaker", sentence.start, sentence.start, speaker)

    def _earlier_subject(
        self, index: int, token: Token, pronoun: str, depth: int = 0
    ) -> Proposal | None:
        found = self.subject(index - 1, depth)
        if found is None or not self.compatible(found.actor, pronoun):
            return None
        return found

    def compatible(self, actor: int | NewActor, pronoun: str) -> bool:
        """Whether a pronoun can stand for the actor: kind, gender and number."""
        if isinstance(actor, NewActor):
            name, kind, gender = actor.name, actor.kind, None
        else:
            a = self.table.actors[actor]
            name, kind, gender = a.name, a.kind, a.gender
        if kind == "other" and pronoun in _PRONOUN_GENDER and personal_name(name):
            kind = "person"  # "Ricardo Rossello resigned. Speaking to reporters, he said ..."
        if kind not in _PRONOUN_KINDS[pronoun]:
            return False
        wanted = _PRONOUN_GENDER.get(pronoun)
        if wanted is not None and gender not in (None, wanted):
            return False
        plural = name[:1].islower() and head_noun(name.split()).endswith("s")
        if pronoun == "they":
            return kind != "person" or plural
        return not plural if kind in ("person", "group") else True


def names_a_speaker(found: Proposal, phrase: str) -> bool:
    """A subject a later pronoun may stand for: a known actor, or a description whose head
    can speak ('the officers'), not 'the scene'."""
    if not isinstance(found.actor, NewActor):
        return True
    return head_noun(phrase.split()).lower() in lexicon.SPEAKER_HEADS


def after_opener(tokens: list[Token]) -> int:
    """The token after an opening adverbial ('On Monday, ...', 'In the event, ...')."""
    if tokens and tokens[0].lower in _SUBJECT_OPENERS:
        for k in range(1, min(len(tokens), 10)):
            if tokens[k].text == ",":
                return k + 1
    return 0


def _previous_subject(speakers: Speakers, token: Token, pronoun: str) -> Proposal | None:
    """A subject pronoun with no candidate of its own before it in the sentence stands for
    what the sentence before was about: 'Reed thanked Montalvo. He said ...' is Reed."""
    article, table = speakers.article, speakers.table
    sentence = article.sentence_at(token.start)
    if sentence is None or sentence.index == 0:
        return None
    kinds = _PRONOUN_KINDS[pronoun]
    gender = _PRONOUN_GENDER.get(pronoun)
    opening = article.content_start(sentence)
    # "Day, they said, ...": one person named before "they" is not what it stands for
    own = tuple(k for k in kinds if k != "person") if pronoun == "they" else kinds
    inside = table.latest_mention(token.start, own, gender, since=opening)
    if inside is not None:
        return None  # "When Reed met Jones, he said ...": the sentence has its own candidate
    found = speakers._earlier_subject(sentence.index, token, pronoun)
    if found is None:
        return None
    if (
        isinstance(found.actor, int)
        and gender is not None
        and table.actors[found.actor].gender is None
    ):
        # a person of unknown gender gives way to one known to fit, named since
        before = article.sentences[sentence.index - 1]
        recent = table.latest_mention(
            token.start, kinds, gender, known_gender=True, since=before.start
        )
        if recent is not None and recent.actor != found.actor:
            return Proposal("previous-subject", recent.start, recent.end, recent.actor)
    return Proposal("previous-subject", found.start, found.end, found.actor)


def _recent_group(speakers: Speakers, token: Token, pronoun: str) -> Proposal | None:
    if pronoun != "they":
        return None
    table = speakers.table
    group = table.latest(token.start, ("group",))
    if group is not None and token.start - table.actors[group].first < 400:
        return Proposal("recent-group", token.start, token.end, group)
    return None


def _latest_mention(speakers: Speakers, token: Token, pronoun: str) -> Proposal | None:
    found = speakers.table.latest(
        token.start, _PRONOUN_KINDS[pronoun], _PRONOUN_GENDER.get(pronoun)
    )
    return None if found is None else Proposal("latest-mention", token.start, token.end, found)


def _own_sentence_subject(speakers: Speakers, token: Token, pronoun: str) -> Proposal | None:
    """'State prosecutors charged him, they said': a pronoun after its content, set off by a
    comma, stands for the subject that opens the sentence, when it can speak."""
    article, table = speakers.article, speakers.table
    sentence = article.sentence_at(token.start)
    if sentence is None:
        return None
    tokens = table.sentence_tokens(sentence)
    at = bisect_left(tokens, token.start, key=lambda t: t.start)
    if at >= len(tokens) or tokens[at].start != token.start or at < 3 or tokens[at - 1].text != ",":
        return None
    np = noun_phrase_after(tokens, after_opener(tokens))
    if np is None or np[1] >= at - 1 or tokens[np[0]].lower in lexicon.PRONOUNS:
        return None
    first, last = tokens[np[0]], tokens[np[1]]
    phrase = article.text[first.start : last.end - (2 if last.possessive else 0)]
    found = resolve_phrase(table, article.text, phrase, first.start)
    if found is None or not names_a_speaker(found, phrase):
        return None
    if not speakers.compatible(found.actor, pronoun):
        return None
    return Proposal("own-sentence-subject", found.start, found.end, found.actor, found.alias)


PRONOUN_RULES: tuple[PronounRule, ...] = (
    PronounRule("own-sentence-subject",
                "State prosecutors charged the suspect with murder, they said.",
                "State prosecutors", _own_sentence_subject),
    PronounRule("previous-subject",
                "Mark Reed thanked Tom Hale for the help. He said the dam held.", "Mark Reed",
                _previous_subject),
    PronounRule("recent-group",
                "Residents said the dam held. The water rose. They said it would break.",
                "Residents", _recent_group),
    PronounRule("latest-mention", "When Mayor Anna Berg arrived, she said the dam held.",
                "Anna Berg", _latest_mention),
)  # fmt: skip


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
