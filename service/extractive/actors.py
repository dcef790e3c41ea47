"""Actors: named people, organisations and places, plus the descriptive speakers that claims
are attributed to, with their aliases and where they are mentioned."""

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from schemas import ActorKind
from service.article import Article, Sentence
from service.extractive import lexicon
from service.extractive.mention_index import Mention as Mention  # re-exported
from service.extractive.mention_index import MentionIndex
from service.extractive.tokens import Token, tokenize
from service.extractive.word_index import FormIndex, WordIndex


@dataclass
class ActorDraft:
    """An actor as the rules see it: a canonical name and every verbatim form found."""

    name: str
    kind: ActorKind
    role: str | None = None
    forms: set[str] = field(default_factory=set)
    first: int = 0
    gender: str | None = None  # "m" or "f", from the pronouns that follow the name

    def __post_init__(self) -> None:
        self.forms.add(self.name)

    @property
    def head(self) -> str:
        """The noun the name ends in; the noun comes before what qualifies it ('study from
        Oxford' is a study)."""
        words = self.name.split()
        if self.kind == "person":
            return words[-1].lower()
        return _before_qualifier(words).lower()  # "Commission on Presidential Debates"

    def add_form(self, form: str) -> None:
        self.forms.add(form)
        descriptive = form.lower().startswith(("the ", "a ", "an ", "this ", "that "))
        # The canonical name is the fullest form the article gives.
        if len(form) > len(self.name) and not descriptive and self.name.lower() in form.lower():
            self.name = form


class ActorTable:
    """The actors of one article, found by name, alias or description."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.actors: list[ActorDraft] = []
        self._mentions = MentionIndex()
        self._pending: list[tuple[int, str]] = []  # forms whose mentions are not in yet
        self._by_form: dict[str, int] = {}
        self._forms = FormIndex()
        self._occurrences: dict[str, list[int]] = {}
        self._words = WordIndex(article.text)
        self._seen_forms: set[tuple[int, str]] = set()
        self._tokens: dict[int, list[Token]] = {}
        self._short_names: dict[str, int] = {}  # "salling" -> "Salling Group"
        # People by the words of their names, for "Shoigu" -> "Sergei Shoigu": (later name
        # word -> actor, one-word name -> actor); None when it must be rebuilt.
        self._people: tuple[dict[str, int], dict[str, int]] | None = None

    def sentence_tokens(self, sentence: Sentence) -> list[Token]:
        """The tokens of a sentence's own words (after any dateline), computed once."""
        tokens = self._tokens.get(sentence.index)
        if tokens is None:
            begin = self.article.content_start(sentence)
            tokens = self._tokens[sentence.index] = tokenize(self.article.text, begin, sentence.end)
        return tokens

    # -- building ---------------------------------------------------------------------------

    def add(self, name: str, kind: ActorKind, start: int, role: str | None = None) -> int:
        """Add an actor or merge it with one that it names again; returns its index."""
        country = lexicon.COUNTRY_NAMES.get(name) if kind == "country" else None
        found = self.lookup(name) if country is None else self.lookup(country)
        if found is None and len(name.split()) >= 3:
            found = self._ending_in(name)  # "National Nutrition study" of "the Australian ..."
        if found is not None:
            actor = self.actors[found]
            self.add_alias(found, name)
            if role and not actor.role:
                actor.role = role
            if kind == "person" and actor.kind != "person" and role:
                self.set_kind(found, kind)
            return found
        self.actors.append(ActorDraft(name=name, kind=kind, role=role, first=start))
        index = len(self.actors) - 1
        self._remember(name, index)
        words = name.split()
        if kind == "organization" and len(words) > 1 and words[-1].lower() in _COMPANY_WORDS:
            self._short_names.setdefault(words[0].lower(), index)
        if country is not None:
            self._by_form.setdefault(country.lower(), index)  # "U.S." then "United States"
        self._index_person(index)
        return index

    def merge_descriptions(self) -> dict[int, int]:
        """Fold a description ('a new study') into the one named actor of the same kind and
        head noun ('the Pew Study'); returns which actor went into which."""
        merged: dict[int, int] = {}
        for i, actor in enumerate(self.actors):
            if actor.kind == "person" or not actor.name[:1].islower():
                continue
            named = [
                j
                for j, other in enumerate(self.actors)
                if j != i
                and j not in merged
                and other.kind == actor.kind
                and other.name[:1].isupper()
                and other.head == actor.head
                and (actor.kind != "group" or _no_more_specific(other.name, actor.name))
            ]
            if not named and actor.kind == "other" and actor.head in _DOCUMENTS:
                # "the report" of a story about one named study is that study
                named = [
                    j
                    for j, other in enumerate(self.actors)
                    if j != i
                    and j not in merged
                    and other.kind == "other"
                    and other.name[:1].isupper()
                    and other.head in _DOCUMENTS
                ]
            if len(named) == 1:
                merged[i] = named[0]
        for i, j in self._name_parts(merged).items():
            merged[i] = j
        for i, j in merged.items():
            for form in sorted(self.actors[i].forms):
                self.add_alias(j, form)
        if merged:
            self.mentions()
            self._mentions.remap(merged)
        return merged

    def _name_parts(self, merged: dict[int, int]) -> dict[int, int]:
        """Fold a name of two or more words into the one longer name that holds it, word for
        word and in order ('Supreme Court' of 'Supreme Court of the United Kingdom', 'Rivera
        Schatz' of 'Thomas Rivera Schatz', 'John Bolton' of 'John R. Bolton'), and a name
        spelt without its accents into the accented one ('Recep Erdogan', 'Recep Erdoğan')."""
        words = [_name_words(a.name) for a in self.actors]
        # Who could hold a part, by the part's words: one look-up per actor, not a scan of all.
        holding: dict[tuple[str, ...], set[int]] = {}
        for j, other in enumerate(self.actors):
            if other.kind == "country" or not other.name[:1].isupper():
                continue
            for part in _holdable_parts(words[j], other.kind):
                holding.setdefault(part, set()).add(j)
        parts: dict[int, int] = {}
        for i, actor in enumerate(self.actors):
            if i in merged or actor.kind == "country" or not actor.name[:1].isupper():
                continue
            holders = [
                j
                for j in sorted(holding.get(words[i], ()))
                if j != i
                and j not in merged
                and j not in parts
                and (len(words[j]) > len(words[i]) or (words[j] == words[i] and j < i))
            ]
            if len(holders) == 1:
                parts[i] = holders[0]
        return parts

    def _ending_in(self, name: str) -> int | None:
        tail = " " + name.lower()
        return next((i for i, a in enumerate(self.actors) if a.name.lower().endswith(tail)), None)

    def add_alias(self, index: int, form: str) -> None:
        actor = self.actors[index]
        name = actor.name
        actor.add_form(form)
        if actor.name != name:
            self._people = None
        self._remember(form, index)

    def set_kind(self, index: int, kind: ActorKind) -> None:
        self.actors[index].kind = kind
        self._people = None

    def _remember(self, form: str, index: int) -> None:
        if (index, form) not in self._seen_forms:
            self._seen_forms.add((index, form))
            self._pending.append((index, form))
        self._by_form.setdefault(_strip_determiner(form).lower(), index)
        self._forms.add(form, index)

    # -- finding ----------------------------------------------------------------------------

    def lookup(self, form: str) -> int | None:
        """The actor this form names: exactly, as a surname or first name, or as an acronym."""
        low = _strip_determiner(form).lower()
        if not low:
            return None
        if low in self._by_form:
            return self._by_form[low]
        words = low.split()
        if len(words) == 1 and words[0] in self._short_names:
            return self._short_names[words[0]]  # "Salling" for "Salling Group"
        if len(words) == 1 and low.endswith("s") and low[:-1] in self._by_form:
            return self._by_form[low[:-1]]  # "the Houthis" of "Houthi"
        later_words, one_word = self._person_index()
        candidates = [one_word[w] for w in words[1:] if w in one_word]
        if len(words) == 1 and words[0] in later_words:
            candidates.append(later_words[words[0]])
        return min(candidates, default=None)

    def _person_index(self) -> tuple[dict[str, int], dict[str, int]]:
        if self._people is None:
            self._people = ({}, {})
            for i in range(len(self.actors)):
                self._index_person(i)
        return self._people

    def _index_person(self, index: int) -> None:
        actor = self.actors[index]
        if self._people is None or actor.kind != "person":
            return
        later_words, one_word = self._people
        words = _lower_words(actor.name)
        for word in words[1:]:
            later_words.setdefault(word, index)
        if len(words) == 1:
            one_word.setdefault(words[0], index)

    def find_in(self, text: str) -> int | None:
        """The actor named last in a phrase, the longest form where two end together
        ('Russia's Defence Minister Sergei Shoigu' names Shoigu). A description names itself
        only: 'officials' is not in 'Fire officials in the town', nor 'study' in 'a second
        study', and 'that study' may be the next study (KNOWN-FAILURES 10)."""

        def names_it(at: int, form: str, index: int) -> bool:
            if not self.actors[index].name[:1].islower():
                return True
            if form.split()[0].lower() in _DEMONSTRATIVES:
                return False
            before = text[:at].split()
            return all(w.lower() in _BARE_DETERMINERS for w in before)

        return self._forms.last_in(text, names_it)

    def form_end(self, start: int) -> int | None:
        """Where the longest known form that starts at this offset ends ('Notes from Poland')."""
        return self._forms.longest_at(self.article.text, start)

    def by_head(self, head: str, before: int) -> int | None:
        """The latest actor introduced before `before` whose name ends in this noun."""
        candidates = [
            i
            for i, a in enumerate(self.actors)
            if a.head == head.lower()
            and a.first < before
            and (a.kind != "person" or a.name[:1].islower())  # "an anonymous source"
        ]
        return candidates[-1] if candidates else None

    def by_role(self, head: str, before: int) -> int | None:
        """The latest person introduced before `before` whose role ends in this noun."""
        candidates = [
            i
            for i, a in enumerate(self.actors)
            if a.kind == "person"
            and a.role is not None
            and _role_head(a.role) == head.lower()
            and a.first < before
        ]
        return candidates[-1] if candidates else None

    def latest(
        self, before: int, kinds: tuple[ActorKind, ...], gender: str | None = None
    ) -> int | None:
        """The actor of one of these kinds mentioned last before an offset (for pronouns);
        a recent actor known to have the pronoun's gender comes before one of unknown gender."""
        if gender is not None:
            # Only a mention in the last 600 characters counts: the scan stops there.
            recent = self._latest(before, kinds, lambda a: a.gender == gender, before - 599)
            if recent is not None:
                return recent.actor
        found = self._latest(before, kinds, lambda a: gender is None or a.gender in (None, gender))
        return None if found is None else found.actor

    def latest_mention(
        self,
        before: int,
        kinds: tuple[ActorKind, ...],
        gender: str | None = None,
        known_gender: bool = False,
        since: int = 0,
    ) -> Mention | None:
        """The last mention in [since, before) of an actor of these kinds whose gender fits
        (is the one asked for, or unknown unless `known_gender`)."""
        return self._latest(
            before,
            kinds,
            lambda a: (
                gender is None or a.gender == gender or (a.gender is None and not known_gender)
            ),
            since,
        )

    def _latest(
        self,
        before: int,
        kinds: tuple[ActorKind, ...],
        accept: Callable[[ActorDraft], bool],
        since: int = 0,
    ) -> Mention | None:
        mentions = self.mentions()
        for i in range(bisect_left(self._mentions.starts, before) - 1, -1, -1):
            if mentions[i].start < since:
                return None  # only mentions since an offset were asked for
            actor = self.actors[mentions[i].actor]
            if actor.kind in kinds and accept(actor):
                return mentions[i]
        return None

    def mentions(self) -> list[Mention]:
        """Every occurrence of every form, longest first where they overlap."""
        if self._pending:
            # Forms are only ever added: find the occurrences of the new ones and merge them in.
            new = [
                Mention(at, at + len(form), index)
                for index, form in self._pending
                for at in self.occurrences(form)
            ]
            self._pending = []
            self._mentions.add(new)
        return self._mentions.kept

    def occurrences(self, form: str) -> list[int]:
        """Where a form stands in the article as a whole word; each form is searched once."""
        found = self._occurrences.get(form)
        if found is None:
            found = self._occurrences[form] = self._words.occurrences(form)
        return found


_FIRST_WORD = re.compile(r"\w+")
# Words that may stand before a description and leave it the same one: "the officials", "two
# officials"; not "other officials", "fire officials", "a second study".
_DEMONSTRATIVES = lexicon.word_set("this that these those")
_BARE_DETERMINERS = (
    lexicon.DETERMINERS - _DEMONSTRATIVES - lexicon.word_set("other another")
) | lexicon.word_set("local senior top unnamed anonymous")  # "local police" are the police
_QUALIFIER_LINKS = lexicon.word_set("of from by in at on for with about")
_DOCUMENTS = lexicon.word_set("study report survey paper")
# A company is often called by its first word alone: "Salling Group" is "Salling".
_COMPANY_WORDS = lexicon.word_set(
    "group corporation corp. corp company co. inc inc. ltd ltd. plc holdings llc ag sa"
)


def _role_head(role: str) -> str:
    """'Regional governor' -> 'governor'; 'President of Argentina' -> 'president': the noun
    comes before what qualifies it."""
    return _before_qualifier(role.lower().split())


def _before_qualifier(words: list[str]) -> str:
    """The last word before the first qualifying preposition (not the first word), or the last
    word: the head noun of a name or role."""
    cut = next((k for k, w in enumerate(words) if k and w in _QUALIFIER_LINKS), len(words))
    return words[cut - 1]


def _no_more_specific(group: str, description: str) -> bool:
    """'Police' takes in 'local police'; 'Fire officials' does not take in 'officials', a
    group that may be any officials (KNOWN-FAILURES 10)."""
    return set(_lower_words(group)) <= set(_lower_words(description))


def _name_words(name: str) -> tuple[str, ...]:
    """A name's words to compare: without accents, case or initials ('R.')."""
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch)).casefold()
    plain = plain.translate(_UNDECOMPOSED)
    return tuple(w for w in plain.split() if not _INITIAL.fullmatch(w))


_INITIAL = re.compile(r"\w\.")
# Letters that Unicode does not write as a base letter and an accent
_UNDECOMPOSED = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss"})


def _holdable_parts(words: tuple[str, ...], kind: ActorKind) -> set[tuple[str, ...]]:
    """The parts a name stands for: two or more words that open it, or close it with nothing
    before them that only qualifies ('New Jersey' is not the Port Authority of New York and
    New Jersey); and a person's surname alone."""
    parts = {words[:n] for n in range(2, len(words) + 1)}
    for n in range(2, len(words) + 1):
        if not any(w in _QUALIFIER_LINKS or w == "and" for w in words[:-n]):
            parts.add(words[-n:])
    if words and kind in ("person", "other"):
        parts.add(words[-1:])  # a surname: 'Erdogan' of 'Recep Tayyip Erdoğan'
    return parts


@lru_cache(maxsize=4096)
def _lower_words(name: str) -> tuple[str, ...]:
    return tuple(name.lower().split())


def _strip_determiner(form: str) -> str:
    words = form.split()
    while words and words[0].lower() in ("the", "a", "an", "some"):
        words = words[1:]
    return " ".join(words)
