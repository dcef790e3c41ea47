"""Actors: named people, organisations and places, plus the descriptive speakers that claims
are attributed to, with their aliases and where they are mentioned."""

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from schemas import ActorKind
from service.article import Article, Sentence
from service.extractive import lexicon as lx
from service.extractive.overlaps import longest_without_overlaps
from service.extractive.tokens import Token, adjacent, tokenize

_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,6}$")
_AGE = re.compile(r"^,\s*\d{1,3}\s*,")


@dataclass
class ActorDraft:
    """An actor as the rules see it: a canonical name and every verbatim form found."""

    name: str
    kind: ActorKind
    role: str | None = None
    forms: set[str] = field(default_factory=set)
    first: int = 0
    speaks: bool = False
    gender: str | None = None  # "m" or "f", from the pronouns that follow the name

    def __post_init__(self) -> None:
        self.forms.add(self.name)

    @property
    def head(self) -> str:
        return self.name.split()[-1].lower()

    def add_form(self, form: str) -> None:
        self.forms.add(form)
        descriptive = form.lower().startswith(("the ", "a ", "an "))
        # The canonical name is the fullest form the article gives.
        if len(form) > len(self.name) and not descriptive and self.name.lower() in form.lower():
            self.name = form


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    actor: int


class ActorTable:
    """The actors of one article, found by name, alias or description."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.actors: list[ActorDraft] = []
        self._mentions: list[Mention] | None = None
        self._by_form: dict[str, int] = {}
        self._occurrences: dict[str, list[int]] = {}
        self._seen_forms: set[tuple[int, str]] = set()
        self._raw: list[Mention] = []
        self._mention_starts: list[int] = []
        self._tokens: dict[int, list[Token]] = {}

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
        found = self.lookup(name)
        if found is not None:
            actor = self.actors[found]
            self._remember(name, found)
            actor.add_form(name)
            if role and not actor.role:
                actor.role = role
            if kind == "person" and actor.kind not in ("person",) and role:
                actor.kind = kind
            self._mentions = None
            return found
        self.actors.append(ActorDraft(name=name, kind=kind, role=role, first=start))
        self._remember(name, len(self.actors) - 1)
        self._mentions = None
        return len(self.actors) - 1

    def add_alias(self, index: int, form: str) -> None:
        self.actors[index].add_form(form)
        self._remember(form, index)
        self._mentions = None

    def _remember(self, form: str, index: int) -> None:
        self._by_form.setdefault(_strip_determiner(form).lower(), index)

    # -- finding ----------------------------------------------------------------------------

    def lookup(self, form: str) -> int | None:
        """The actor this form names: exactly, as a surname or first name, or as an acronym."""
        low = _strip_determiner(form).lower()
        if not low:
            return None
        if low in self._by_form:
            return self._by_form[low]
        words = low.split()
        for i, actor in enumerate(self.actors):
            if actor.kind != "person":
                continue
            name_words = _lower_words(actor.name)
            if len(words) == 1 and words[0] in name_words[1:]:
                return i
            if len(name_words) == 1 and name_words[0] in words[1:]:
                return i
        return None

    def find_in(self, text: str) -> int | None:
        """The actor named last in a phrase, the longest form where two end together
        ('Russia's Defence Minister Sergei Shoigu' names Shoigu)."""
        best: tuple[int, int, int] | None = None
        for i, actor in enumerate(self.actors):
            for form in actor.forms:
                if len(form) < 2 or form not in text:
                    continue
                for at in word_occurrences(text, form):
                    rank = (at + len(form), len(form), i)
                    if best is None or rank[:2] > best[:2]:
                        best = rank
        return None if best is None else best[2]

    def by_head(self, head: str, before: int) -> int | None:
        """The latest actor introduced before `before` whose name ends in this noun."""
        candidates = [
            i
            for i, a in enumerate(self.actors)
            if a.head == head.lower() and a.first < before and a.kind != "person"
        ]
        return candidates[-1] if candidates else None

    def latest(
        self, before: int, kinds: tuple[ActorKind, ...], gender: str | None = None
    ) -> int | None:
        """The actor of one of these kinds mentioned last before an offset (for pronouns);
        a recent actor known to have the pronoun's gender comes before one of unknown gender."""
        if gender is not None:
            recent = self._latest(before, kinds, lambda a: a.gender == gender)
            if recent is not None and before - recent.start < 600:
                return recent.actor
        found = self._latest(before, kinds, lambda a: gender is None or a.gender in (None, gender))
        return None if found is None else found.actor

    def _latest(
        self, before: int, kinds: tuple[ActorKind, ...], accept: Callable[[ActorDraft], bool]
    ) -> Mention | None:
        mentions = self.mentions()
        for i in range(bisect_left(self._mention_starts, before) - 1, -1, -1):
            actor = self.actors[mentions[i].actor]
            if actor.kind in kinds and accept(actor):
                return mentions[i]
        return None

    def infer_genders(self) -> None:
        """Guess each person's gender from he/she in the sentences where they alone appear."""
        text = self.article.text
        counts: dict[int, list[int]] = {}
        sentences = self.article.sentences
        by_sentence: dict[int, set[int]] = {}
        for m in self.mentions():
            sentence_at = self.article.sentence_at(m.start)
            if sentence_at is not None:
                by_sentence.setdefault(sentence_at.index, set()).add(m.actor)
        for n, sentence in enumerate(sentences):
            people = {a for a in by_sentence.get(n, ()) if self.actors[a].kind == "person"}
            if len(people) != 1:
                continue
            window_end = sentence.end
            if n + 1 < len(sentences) and n + 1 not in by_sentence:
                window_end = sentences[n + 1].end
            words = re.findall(
                r"\b(?:he|him|his|she|her|hers)\b", text[sentence.start : window_end], re.I
            )
            tally = counts.setdefault(people.pop(), [0, 0])
            for w in words:
                tally[0 if w.lower() in ("he", "him", "his") else 1] += 1
        for index, (male, female) in counts.items():
            if male != female:
                self.actors[index].gender = "m" if male > female else "f"

    def mentions(self) -> list[Mention]:
        """Every occurrence of every form, longest first where they overlap."""
        if self._mentions is None:
            # Forms are only ever added: collect the occurrences of the new ones, then resolve
            # overlaps over all.
            for index, actor in enumerate(self.actors):
                for form in actor.forms:
                    if (index, form) not in self._seen_forms:
                        self._seen_forms.add((index, form))
                        self._raw.extend(
                            Mention(at, at + len(form), index) for at in self.occurrences(form)
                        )
            self._mentions = longest_without_overlaps(self._raw)
            self._mention_starts = [m.start for m in self._mentions]
        return self._mentions

    def occurrences(self, form: str) -> list[int]:
        """Where a form stands in the article as a whole word; each form is searched once."""
        found = self._occurrences.get(form)
        if found is None:
            found = self._occurrences[form] = word_occurrences(self.article.text, form)
        return found


def word_occurrences(text: str, form: str) -> list[int]:
    """Start offsets of `form` in text as a whole word (str.find is far faster than a
    regex with a look-behind, which cannot use a literal prefix scan)."""
    starts = []
    at = text.find(form)
    while at >= 0 and form:
        end = at + len(form)
        before_ok = at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "_")
        after_ok = end == len(text) or not (text[end].isalnum() or text[end] == "_")
        if before_ok and after_ok:
            starts.append(at)
        at = text.find(form, at + 1)
    return starts


@lru_cache(maxsize=4096)
def _lower_words(name: str) -> tuple[str, ...]:
    return tuple(name.lower().split())


def _strip_determiner(form: str) -> str:
    words = form.split()
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)


# -- named actors ---------------------------------------------------------------------------


def find_named_actors(article: Article, table: ActorTable) -> None:
    """Add the named actors: capitalised runs split into role and name, then classified."""
    text = article.text
    singles: list[tuple[Token, Token | None]] = []
    for sentence in article.body_sentences:
        tokens = table.sentence_tokens(sentence)
        for run, before in _capitalised_runs(text, tokens):
            if len(run) == 1:
                singles.append((run[0], before))
                continue
            added = _add_run(article, table, run, before, tokens)
            if added is not None:
                _add_acronym_after(text, table, added, run[-1], tokens)
    for token, before in singles:
        _add_single(article, table, token, before)


def _capitalised_runs(text: str, tokens: list[Token]) -> list[tuple[list[Token], Token | None]]:
    runs: list[tuple[list[Token], Token | None]] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if not (token.is_word and token.is_capitalised) or _not_a_name(token, i):
            i += 1
            continue
        run = [token]
        j = i + 1
        while j < len(tokens) and not run[-1].possessive:
            nxt = tokens[j]
            if not adjacent(text, run[-1], nxt):
                break
            if nxt.is_word and nxt.is_capitalised and nxt.bare not in lx.WEEKDAYS_MONTHS:
                run.append(nxt)
                j += 1
                continue
            after = tokens[j + 1] if j + 1 < len(tokens) else None
            connector = nxt.lower in lx.NAME_CONNECTORS or (
                nxt.lower in ("and", "&")
                and _org_like([t.bare for t in run])
                and any(t.lower == "of" for t in run)
            )
            if (
                connector
                and after is not None
                and after.is_capitalised
                and adjacent(text, nxt, after)
            ):
                run.extend([nxt, after])
                j += 2
                continue
            break
        runs.append((run, tokens[i - 1] if i > 0 else None))
        i = j
    return runs


def _not_a_name(token: Token, position: int) -> bool:
    bare = token.bare
    if bare.startswith(("I’", "I'")):
        return True  # I'm, I’ve
    if bare in lx.WEEKDAYS_MONTHS or bare in lx.COMMON_CAPITALISED or bare == "I":
        return True
    return any(ch.isdigit() for ch in bare)


def _looks_like_acronym(token: Token) -> bool:
    return bool(_ACRONYM.match(token.bare)) and token.bare not in ("I", "A")


def _add_run(
    article: Article,
    table: ActorTable,
    run: list[Token],
    before: Token | None,
    tokens: list[Token],
) -> int | None:
    text = article.text
    if run[0].possessive:
        _add_possessor(table, run[0])
        if len(run) == 1:
            return None
    words = [t.bare for t in run]
    role_end = max((k for k, w in enumerate(words) if w.lower() in lx.ROLE_WORDS), default=-1)
    start = run[0].start
    if 0 <= role_end < len(words) - 1:
        name_tokens = run[role_end + 1 :]
        role_start = run[0]
        if before is not None and before.possessive and adjacent(text, before, run[0]):
            role_start = before
        role: str | None = text[role_start.start : run[role_end].end]
        if role is not None and role.lower() in lx.HONORIFICS:
            role = None
        name_tokens = _without_leading_country(name_tokens)
        name = _span_text(text, name_tokens)
        return table.add(name, "person", name_tokens[0].start, role=role)
    if role_end == len(words) - 1:
        return None  # "the Prime Minister": a role without a name; attribution handles it
    run = _without_leading_country(run)
    words = [t.bare for t in run]
    start = run[0].start
    name = _span_text(text, run)
    lead_role = _lowercase_role_before(text, tokens, run[0])
    if words[0] in lx.DEMONYMS and len(words) > 1 and not _org_like(words):
        return None  # "Russian Orthodox": an adjective phrase, not a name
    kind = _classify(words, before, lead_role is not None, text, run[-1].end, table.occurrences)
    if kind is None:
        return None
    return table.add(name, kind, start, role=lead_role)


def _add_acronym_after(
    text: str, table: ActorTable, index: int, last: Token, tokens: list[Token]
) -> None:
    """'the Federal Security Service (FSB)': the acronym in brackets is an alias."""
    match = re.match(r"\s*\(([A-Z][A-Za-z0-9&]{1,7})\)", text[last.end : last.end + 12])
    if match:
        table.add_alias(index, match.group(1))


def _without_leading_country(run: list[Token]) -> list[Token]:
    """'[Ambassador to the] United States Hamdullah Mohib': the country is not the name."""
    for size in (3, 2, 1):
        if len(run) - size >= 2 and " ".join(t.bare for t in run[:size]) in lx.COUNTRIES:
            return run[size:]
    return run


def _add_possessor(table: ActorTable, token: Token) -> None:
    bare = token.bare
    if bare in lx.COUNTRIES:
        table.add(bare, "country", token.start)


def _span_text(text: str, tokens: list[Token]) -> str:
    last = tokens[-1]
    return text[tokens[0].start : last.end - (2 if last.possessive else 0)]


def _lowercase_role_before(text: str, tokens: list[Token], first: Token) -> str | None:
    """'Taliban spokesperson Zabiullah Mujahid': the role words just before a name."""
    index = next(i for i, t in enumerate(tokens) if t.start == first.start)
    if index == 0:
        return None
    prev = tokens[index - 1]
    if prev.lower not in lx.ROLE_WORDS or prev.is_capitalised or not adjacent(text, prev, first):
        return None
    k = index - 1
    while k > 0 and tokens[k - 1].is_word and adjacent(text, tokens[k - 1], tokens[k]):
        if not tokens[k - 1].is_capitalised or index - 1 - k >= 3:
            break
        k -= 1
    return text[tokens[k].start : prev.end]


def _org_like(words: list[str]) -> bool:
    return any(w.lower() in lx.ORG_HEADS for w in words)


def _classify(
    words: list[str],
    before: Token | None,
    has_role: bool,
    text: str,
    end: int,
    occurrences: Callable[[str], list[int]],
) -> ActorKind | None:
    name = " ".join(words)
    if name in lx.COUNTRIES:
        return "country"
    if _org_like(words) or all(_ACRONYM.match(w) for w in words) or name in lx.NAMED_GROUPS:
        return "organization"
    if words[-1].lower() in lx.LOCATION_HINTS or _next_word(text, end) in lx.LOCATION_HINTS:
        return "location"
    connectors = any(w in lx.NAME_CONNECTORS for w in words)
    if (
        2 <= len(words) <= 4
        and not connectors
        and _person_evidence(words, before, has_role, text, end, occurrences)
    ):
        return "person"
    if has_role:
        return "person"
    if before is not None and before.lower in ("in", "at", "near", "from", "to", "into", "across"):
        return "location"
    return "other"


_NEXT_SENTENCE_PRONOUN = re.compile(r"[^.!?]{0,200}[.!?][\"”’']?\s+(?:He|She|His|Her)\b")
_APPOSITION = re.compile(r",\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){0,3}?(?P<noun>[\w-]+)\b")


def _person_evidence(
    words: list[str],
    before: Token | None,
    has_role: bool,
    text: str,
    end: int,
    occurrences: Callable[[str], list[int]],
) -> bool:
    """Two to four capitalised words name a person only with some sign of one: a title, an
    age, an apposition ('Howard Rubel, a Toronto lawyer'), a possessor ('France's Sebastien
    Lecornu'), a reporting verb, or the surname standing alone elsewhere."""
    if has_role or _AGE.match(text[end : end + 8]):
        return True
    if before is not None and (before.possessive or before.lower in lx.HONORIFICS):
        return True
    apposition = _APPOSITION.match(text, end)
    if apposition and apposition.group("noun").lower() in lx.ROLE_WORDS | lx.PERSON_HEADS:
        return True
    if _next_word(text, end) in lx.REPORTING_VERBS:
        return True
    if before is None and _NEXT_SENTENCE_PRONOUN.match(text, end):
        return True  # "Emily Stone met the mayor. She said ...": the subject, then he or she
    surname = words[-1]
    return len(occurrences(surname)) > len(occurrences(" ".join(words)))


def _next_word(text: str, end: int) -> str:
    match = re.match(r"\s+(\w+)", text[end : end + 30])
    return match.group(1).lower() if match else ""


def _add_single(article: Article, table: ActorTable, token: Token, before: Token | None) -> None:
    """A lone capitalised word: an alias of a known actor, a country, or nothing yet."""
    bare = token.bare
    found = table.lookup(bare)
    if found is not None:
        table.add_alias(found, bare)
        return
    if bare in lx.COUNTRIES:
        table.add(bare, "country", token.start)
    elif bare in lx.NAMED_GROUPS:
        table.add(bare, "organization", token.start)
