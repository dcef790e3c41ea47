"""Where each word of a text starts, so that finding a name costs its occurrences, not a
scan of the whole text (one scan per name made an article of thousands of names quadratic).

Building the index costs about as much as a few hundred scans, more than a news article ever
needs: the first lookups scan, and the index is built only when lookups keep coming."""

import re
from collections.abc import Callable

_WORD = re.compile(r"\w+")
_SCANS_BEFORE_INDEX = 256


class WordIndex:
    """The start offsets of every maximal run of word characters, by the run's text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: dict[str | tuple[str, str], list[int]] | None = None
        self._scans = 0

    def occurrences(self, form: str) -> list[int]:
        """Start offsets of `form` as a whole word: no word character just before or after
        it (the same answer as `word_occurrences(text, form)`)."""
        words = _WORD.finditer(form)
        first = next(words, None)
        if (
            first is None
            or first.start() > 0
            or (self._starts is None and self._scans < _SCANS_BEFORE_INDEX)
        ):
            self._scans += 1
            return word_occurrences(self.text, form)  # few lookups, or a form opening with a mark
        second = next(words, None)
        # A whole-word match starts a word of the text equal to the form's first word, and the
        # text's next word is the form's second: look up that pair, not every 'A' of the text.
        key = first.group() if second is None else (first.group(), second.group())
        text = self.text
        size = len(form)
        found = []
        for at in self._index().get(key, ()):
            end = at + size
            if text.startswith(form, at) and (end == len(text) or not _word_char(text[end])):
                found.append(at)
        return found

    def _index(self) -> dict[str | tuple[str, str], list[int]]:
        if self._starts is None:
            starts: dict[str | tuple[str, str], list[int]] = {}
            previous: re.Match[str] | None = None
            for match in _WORD.finditer(self.text):
                starts.setdefault(match.group(), []).append(match.start())
                if previous is not None:
                    starts.setdefault((previous.group(), match.group()), []).append(
                        previous.start()
                    )
                previous = match
            self._starts = starts
        return self._starts


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def word_occurrences(text: str, form: str) -> list[int]:
    """Start offsets of `form` in text as a whole word (str.find is far faster than a
    regex with a look-behind, which cannot use a literal prefix scan)."""
    starts = []
    at = text.find(form)
    while at >= 0 and form:
        end = at + len(form)
        before_ok = at == 0 or not _word_char(text[at - 1])
        after_ok = end == len(text) or not _word_char(text[end])
        if before_ok and after_ok:
            starts.append(at)
        at = text.find(form, at + 1)
    return starts


class FormIndex:
    """Known forms (with the actors they name) by their first word and length, so that the
    forms found in a phrase, or starting at an offset, are looked up rather than scanned (a
    story of many 'a ... official' speakers made every lookup walk all the forms opening with
    'a')."""

    def __init__(self) -> None:
        self._by_first: dict[str, dict[int, dict[str, set[int]]]] = {}
        # Forms that open with a mark ('(FSB)'), by their first word: rare, so scanned.
        self._marked: dict[str, set[tuple[str, int]]] = {}

    def add(self, form: str, index: int) -> None:
        first = _WORD.search(form)
        if first is None:
            return
        if first.start() > 0:
            self._marked.setdefault(first.group(), set()).add((form, index))
            return
        by_length = self._by_first.setdefault(first.group(), {})
        by_length.setdefault(len(form), {}).setdefault(form, set()).add(index)

    def last_in(
        self, text: str, accept: Callable[[int, str, int], bool] | None = None
    ) -> int | None:
        """The actor named last in a phrase, as a whole word: the one whose form ends last,
        then the longest form, then the actor added first. Forms of one letter do not count,
        nor those `accept(at, form, actor)` refuses."""
        best: tuple[int, int, int] | None = None
        # Forms that open with a mark are rare: most tables have none, and no words to collect.
        words = {m.group() for m in _WORD.finditer(text)} if self._marked else set()
        for word in words & self._marked.keys():
            for form, i in self._marked[word]:
                if len(form) < 2:
                    continue
                for at in word_occurrences(text, form):
                    if accept is not None and not accept(at, form, i):
                        continue
                    rank = (at + len(form), len(form), -i)
                    if best is None or rank > best:
                        best = rank
        for match in _WORD.finditer(text):
            by_length = self._by_first.get(match.group())
            if by_length is None:
                continue
            at = match.start()  # a whole word starts here
            for size, forms in by_length.items():
                end = at + size
                if size < 2 or end > len(text):
                    continue
                indices = forms.get(text[at:end])
                if indices is None or (end < len(text) and _word_char(text[end])):
                    continue
                for i in indices:
                    if accept is not None and not accept(at, text[at:end], i):
                        continue
                    rank = (end, size, -i)
                    if best is None or rank > best:
                        best = rank
        return None if best is None else -best[2]

    def longest_at(self, text: str, start: int) -> int | None:
        """Where the longest known form that starts at this offset ends, if any."""
        first = _WORD.match(text, start)
        if first is None:
            return None
        ends = [
            start + size
            for size, forms in self._by_first.get(first.group(), {}).items()
            if text[start : start + size] in forms
        ]
        return max(ends, default=None)
