"""Prefilters for the rules' regular expressions: a pattern that scans a whole sentence for a
rare phrase ("issued a statement", "it was reported") runs only where the sentence holds one of
the literal strings every match of it must contain.

The strings are derived from the compiled pattern itself, once per pattern (so a rule's pattern
can change freely: its prefilter follows), by walking its parse tree: a run of literals is a
string a match contains; a group of alternatives needs one of its alternatives' strings; an
optional part needs nothing. Only a necessary condition is derived, never a sufficient one: where
the prefilter says no, the pattern cannot match; where it says yes, the pattern still decides.

The strings are kept lowered and looked for in the lowered text, whatever the pattern's case rule
(a necessary condition either way), with non-ASCII literals left out. Python's regular expressions
match a few characters case-insensitively with an ASCII letter that str.lower() does not turn into
it (dotless i, long s, capital I with a dot); a text holding one of them runs the pattern
unfiltered (tests/test_extractive_prefilter.py checks the list against every code point).
"""

import re
from collections.abc import Callable
from re import _parser
from typing import Any

# Characters that re.IGNORECASE matches with an ASCII character c although their str.lower()
# is not c.lower() (checked over all of Unicode by the test).
SPECIAL = frozenset("\u0130\u0131\u017f")

_MAX_STRINGS = 64  # the most alternatives a set of strings is built up to
_SELECTIVE = 7  # strings this long are all rare enough: fewer of them is better then

_Strings = frozenset[str]


class _Node:
    """What a part of a pattern contributes: `exact`, every string it can match (None when
    that is not a small finite set of literals), and `need`, strings one of which every match
    of it contains (None when nothing is needed)."""

    __slots__ = ("exact", "need")

    def __init__(self, exact: _Strings | None, need: _Strings | None) -> None:
        self.exact = exact
        self.need = need


_EMPTY = _Node(frozenset({""}), None)
_ANYTHING = _Node(None, None)


def _score(strings: _Strings) -> tuple[int, int, int]:
    shortest = min(len(s) for s in strings)
    return min(shortest, _SELECTIVE), -len(strings), shortest


def _best(candidates: list[_Strings]) -> _Strings | None:
    useful = [c for c in candidates if c and "" not in c]
    return max(useful, key=_score) if useful else None


def _literal(code: int) -> _Node:
    char = chr(code)
    if not char.isascii():
        return _ANYTHING  # its case-insensitive partners are not all what lower() gives
    return _Node(frozenset({char.lower()}), None)


def _product(nodes: list[_Node]) -> _Strings | None:
    strings: _Strings = frozenset({""})
    for node in nodes:
        assert node.exact is not None
        if len(strings) * len(node.exact) > _MAX_STRINGS:
            return None
        strings = frozenset(a + b for a in strings for b in node.exact)
    return strings


def _sequence(items: list[tuple[object, Any]]) -> _Node:
    nodes = [_item(op, av) for op, av in items]
    candidates = [n.need for n in nodes if n.need is not None]
    # Every stretch of consecutive exact parts spells one of its products in each match.
    run: list[_Node] = []
    for node in [*nodes, _ANYTHING]:
        if node.exact is not None:
            run.append(node)
            continue
        for i in range(len(run)):
            for j in range(i + 1, len(run) + 1):
                strings = _product(run[i:j])
                if strings is None:
                    break
                candidates.append(strings)
        run = []
    exact = _product(nodes) if all(n.exact is not None for n in nodes) else None
    return _Node(exact, _best(candidates + ([exact] if exact else [])))


def _item(op: object, av: Any) -> _Node:
    c = _parser
    if op is c.LITERAL:
        return _literal(av)
    if op is c.AT or op is c.ASSERT or op is c.ASSERT_NOT:
        return _EMPTY  # zero width: the strings on either side stay contiguous
    if op is c.SUBPATTERN:
        return _sequence(list(av[3]))
    if op is c.ATOMIC_GROUP:
        return _sequence(list(av))
    if op is c.BRANCH:
        branches = [_sequence(list(b)) for b in av[1]]
        exact: _Strings | None = None
        if all(b.exact is not None for b in branches):
            exact = frozenset().union(*(b.exact for b in branches if b.exact is not None))
            if len(exact) > _MAX_STRINGS:
                exact = None
        needs = [b.need if b.need is not None else b.exact for b in branches]
        need = None
        if all(n is not None and "" not in n for n in needs):
            need = frozenset().union(*(n for n in needs if n is not None))
        return _Node(exact, need)
    if op is c.IN:
        members = list(av)
        if all(m[0] is c.LITERAL for m in members):
            chars = [_literal(m[1]).exact for m in members]
            if all(ch is not None for ch in chars):
                return _Node(frozenset().union(*(ch for ch in chars if ch is not None)), None)
        return _ANYTHING
    if op is c.MAX_REPEAT or op is c.MIN_REPEAT or op is c.POSSESSIVE_REPEAT:
        low, high, sub = av
        inner = _sequence(list(sub))
        if low == high == 1:
            return inner
        if low == 0:
            if high == 1 and inner.exact is not None:
                return _Node(inner.exact | {""}, None)
            return _ANYTHING
        return _Node(None, inner.need if inner.need is not None else inner.exact)
    return _ANYTHING


def _compile(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A pattern finding, in the lowered text, the lowered strings one of which every match
    contains, or one of the special characters as lower() leaves them (an alternation of
    literals: the regular expression engine scans for them faster than `in` would, string by
    string); None when the pattern needs nothing worth checking."""
    node = _sequence(list(_parser.parse(pattern.pattern, pattern.flags)))
    need = node.need if node.need is not None else node.exact
    if need is None or min(len(s) for s in need) < 3:
        return None
    # A string that holds another of the set is found whenever that one is: left out.
    kept = sorted(s for s in need if not any(o != s and o in s for o in need))
    # (each mark its own alternative: a branch opening with a literal keeps the fast scan)
    kept += sorted({c for special in SPECIAL for c in special.lower() if not c.isascii()})
    return re.compile("|".join(re.escape(s) for s in kept))


# Each pattern's prefilter, by the pattern's id (with the pattern, to tell a reused id).
_PREFILTERS: dict[int, tuple[re.Pattern[str], re.Pattern[str] | None]] = {}


def may_match(pattern: re.Pattern[str], text: str, begin: int, end: int) -> bool:
    """False only when `pattern` cannot match inside text[begin:end]."""
    known = _PREFILTERS.get(id(pattern))
    if known is None or known[0] is not pattern:
        known = _PREFILTERS[id(pattern)] = (pattern, _compile(pattern))
    needs = known[1]
    return needs is None or needs.search(text[begin:end].lower()) is not None


# -- Alternations cut to the parts that can match where a word starts ----------------------


def _starts(items: list[tuple[object, Any]]) -> _Strings:
    """Lowered strings one of which every match of the sequence starts with ("" among them
    when a match can start otherwise)."""
    strings: _Strings = frozenset({""})
    for op, av in items:
        node = _item(op, av)
        heads = node.exact if node.exact is not None else _heads(op, av)
        if len(strings) * len(heads) > _MAX_STRINGS:
            return strings
        strings = frozenset(a + b for a in strings for b in heads)
        if node.exact is None:
            return strings
    return strings


def _heads(op: object, av: Any) -> _Strings:
    c = _parser
    if op is c.SUBPATTERN:
        return _starts(list(av[3]))
    if op is c.ATOMIC_GROUP:
        return _starts(list(av))
    if op is c.BRANCH:
        return frozenset().union(*(_starts(list(b)) for b in av[1]))
    if (op is c.MAX_REPEAT or op is c.MIN_REPEAT or op is c.POSSESSIVE_REPEAT) and av[0] >= 1:
        return _starts(list(av[2]))
    return frozenset({""})


_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")


def first_words(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Lowered beginnings of words one of which the word at a match's start begins with, or
    None when a match can start with anything else (or the pattern has groups of its own)."""
    if pattern.groups:
        return None  # an alternation of a few parts would number its groups otherwise
    words = set()
    for start in _starts(list(_parser.parse(pattern.pattern, pattern.flags))):
        n = 0
        while n < len(start) and start[n] in _WORD_CHARS:
            n += 1
        if n == 0:
            return None
        words.add(start[:n])
    return tuple(sorted(words))


_MARKS = frozenset(c for special in SPECIAL for c in special.lower() if not c.isascii())
_WORDS_KEPT = 10_000


class _Cut:
    """An alternation's parts with their first words, and the cuts made so far."""

    __slots__ = ("build", "by_choice", "by_word", "combined", "firsts", "parts")

    def __init__(
        self,
        combined: re.Pattern[str],
        parts: list[re.Pattern[str]],
        build: Callable[[list[re.Pattern[str]]], re.Pattern[str]],
    ) -> None:
        self.combined = combined
        self.parts = parts
        self.build = build
        self.firsts = [first_words(p) for p in parts]
        self.by_word: dict[str, re.Pattern[str] | None] = {}
        self.by_choice: dict[tuple[int, ...], re.Pattern[str] | None] = {}

    def at(self, word: str) -> re.Pattern[str] | None:
        choice = tuple(
            i for i, firsts in enumerate(self.firsts) if firsts is None or word.startswith(firsts)
        )
        if choice not in self.by_choice:
            chosen = [self.parts[i] for i in choice]
            self.by_choice[choice] = self.build(chosen) if chosen else None
        cut = self.by_choice[choice]
        if len(self.by_word) < _WORDS_KEPT:
            self.by_word[word] = cut
        return cut


_CUTS: dict[int, _Cut] = {}


def alternation_at(
    combined: re.Pattern[str],
    parts: list[re.Pattern[str]],
    build: Callable[[list[re.Pattern[str]]], re.Pattern[str]],
    word: str,
) -> re.Pattern[str] | None:
    """The alternation `combined`, which is build(parts), cut to the parts that can match at
    the start of a token whose lowered text is `word` (None when none can): matched there, it
    finds what `combined` finds, since the parts left out cannot match there. (A token holds
    the whole run of word characters it starts with, so the word a part opens with is a
    beginning of the token's lowered text.)"""
    cuts = _CUTS.get(id(combined))
    if cuts is None or cuts.combined is not combined:
        cuts = _CUTS[id(combined)] = _Cut(combined, parts, build)
    if not word.isascii() and not _MARKS.isdisjoint(word):
        return combined
    known = cuts.by_word
    return known[word] if word in known else cuts.at(word)
