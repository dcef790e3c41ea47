"""Article segmentation: paragraphs, sentences and quotations with [start, end) offsets.

Offsets are Python string indices into the text exactly as submitted; nothing is normalised.
"""

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from schemas import Span

ParagraphKind = Literal["title", "dateline", "heading", "boilerplate", "body"]


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Abbreviations after which a period does not end a sentence, whatever follows.
_TITLES = _word_set(
    "mr mrs ms dr prof st sr jr gen col lt sgt capt cmdr adm gov sen rep rev hon pres maj "
    "brig cpl pvt supt insp det fr sens reps "
)
# Abbreviations that end a sentence only when a typical sentence opener follows.
_SOFT_ABBREVIATIONS = _word_set(
    "jan feb mar apr jun jul aug sep sept oct nov dec no nos vs inc corp co ltd plc llc "
    "dept univ approx fig vol pp ed est mt ft ave blvd etc al op cf ca "
)
_SENTENCE_OPENERS = _word_set(
    "the a an he she it they we i you this that these those there his her its their our my "
    "but and so yet however in on at after before when while since for as if although "
    "meanwhile also some many most other others one two three both all no police officials "
)
# Starts only at the head of a run of marks, and never backtracks into it: linear time even on
# a text of 200,000 dots. The look-behind comes after the first mark (that mark and the one
# before it), so that the pattern opens with a character class, which the regex engine scans
# for directly instead of trying the look-behind at every position (4x faster on news text).
_BOUNDARY = re.compile(r"""[.!?…](?<![.!?…].)[.!?…]*+["”’'»)\]]*+(?=\s)""")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_NEXT_WORD = re.compile(r"""\s+["“‘'(\[]*([^\s"“‘'(\[]+)""")
_DOUBLE_MARK = re.compile('[“”"«»]')
_DATELINE_PREFIX = re.compile(
    r"""[A-Z][A-Z.'’\- ]{1,40}(?:,\s*[A-Z][A-Za-z.'’\- ]{1,30})?"""
    r"""\s*(?:\([^)]{1,40}\))?\s*(?::|—|–|--| -)\s+"""
)
# "Taipei, Taiwan — " or "Evansville, Indiana, United States - ": place names before a dash.
_TITLE_CASE_DATELINE = re.compile(
    r"\ufeff?[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}"
    r"(?:, ?[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}){1,2}\s*(?:—|–|--| -)\s+"
)
_DATE_PARAGRAPH = re.compile(
    r"^(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{1,2},?\s+\d{4}\.?$"
)
_BOILERPLATE = re.compile(
    r"^(?:read more|related|see also|also read|advertisement|click here|sign up|subscribe)\b",
    re.IGNORECASE,
)
_TERMINAL = ".!?…\"”’'»):;"
_LONGEST_UNSPLIT_QUOTE = 600
# No news sentence runs this long; a longer run of text without a boundary (a list, a text with
# no full stops, an abusive request) is cut into pieces of at most this many characters, so that
# no rule downstream ever works over more than this at once: the cost of a text stays linear.
LONGEST_SENTENCE = 1_000
_PIECE_BREAKS = ("; ", ", ", ": ", "— ", "– ")


@dataclass(frozen=True, slots=True)
class Paragraph:
    index: int
    start: int
    end: int
    kind: ParagraphKind


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    paragraph: int

    @property
    def id(self) -> str:
        """The id the model cites: S1, S2, ..."""
        return f"S{self.index + 1}"


@dataclass(frozen=True, slots=True)
class Quote:
    """A quoted passage, marks included; `continued` when it runs on into the next paragraph."""

    start: int
    end: int
    mark: Literal['"', "'"]
    continued: bool = False


class Article:
    """The submitted text, untouched, with its paragraphs, sentences and quotations."""

    def __init__(self, text: str, title: str | None = None) -> None:
        self.text = text
        self.title = title
        self.paragraphs = _split_paragraphs(text)
        self.quotes = _find_quotes(text, self.paragraphs)
        self.sentences = _split_sentences(text, self.paragraphs, self.quotes)
        self.dateline = _find_dateline(text, self.paragraphs)
        self._sentence_starts = [s.start for s in self.sentences]
        self._quote_starts = [q.start for q in self.quotes]
        # Quotations of one mark never overlap: per mark, sorted starts find the one open at
        # an offset by bisection.
        self._by_mark = {mark: [q for q in self.quotes if q.mark == mark] for mark in ('"', "'")}
        self._mark_starts = {mark: [q.start for q in qs] for mark, qs in self._by_mark.items()}

    def span(self, start: int, end: int) -> Span:
        """A Span of the article's own characters."""
        return Span(start=start, end=end, text=self.text[start:end])

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing the offset, if any."""
        i = bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def quotes_starting(self, start: int, end: int) -> list[Quote]:
        """The quotations that open within [start, end)."""
        lo = bisect_left(self._quote_starts, start)
        hi = bisect_left(self._quote_starts, end)
        return self.quotes[lo:hi]

    def quotes_open_at(self, start: int, offset: int) -> list[Quote]:
        """The quotations that open within [start, offset) and are still open at offset, in
        the order of `quotes` (at most one per mark)."""
        found = []
        for mark, quotes in self._by_mark.items():
            i = bisect_left(self._mark_starts[mark], offset) - 1
            if i >= 0 and quotes[i].start >= start and quotes[i].end > offset:
                found.append(quotes[i])
        found.sort(key=lambda q: (q.start, -q.end))
        return found

    def content_start(self, sentence: Sentence) -> int:
        """Where a sentence's own words begin: after the dateline, when it opens the body."""
        if self.dateline is not None and sentence.start <= self.dateline.start < sentence.end:
            return max(sentence.start, self.dateline.end)
        return sentence.start

    @cached_property
    def body_sentences(self) -> list[Sentence]:
        """Sentences of ordinary body paragraphs: no title, dateline, heading or boilerplate."""
        return [s for s in self.sentences if self.paragraphs[s.paragraph].kind == "body"]


def _split_paragraphs(text: str) -> list[Paragraph]:
    """Blank lines always separate paragraphs; single line breaks do too unless the block is
    hard-wrapped (most of its lines stop mid-sentence)."""
    blocks: list[tuple[int, int]] = []
    position = 0
    for blank in re.finditer(r"\n[^\S\n]*\n", text):
        blocks.append(_strip(text, position, blank.start()))
        position = blank.end()
    blocks.append(_strip(text, position, len(text)))
    spans: list[tuple[int, int]] = []
    for start, end in blocks:
        if start == end:
            continue
        lines = _lines(text, start, end)
        if len(lines) > 1 and _hard_wrapped(text, lines):
            spans.append((start, end))
        else:
            spans.extend(lines)
    paragraphs = []
    for i, (start, end) in enumerate(spans):
        kind = _paragraph_kind(text[start:end], i, len(spans))
        paragraphs.append(Paragraph(i, start, end, kind))
    return paragraphs


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The non-blank lines of a block, stripped (str.find: no regex backtracking)."""
    lines = []
    while start < end:
        newline = text.find("\n", start, end)
        stop = end if newline < 0 else newline
        line = _strip(text, start, stop)
        if line[0] < line[1]:
            lines.append(line)
        start = stop + 1
    return lines


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    inner = lines[:-1]
    open_ended = sum(1 for a, b in inner if text[a:b].rstrip()[-1] not in _TERMINAL)
    return open_ended * 2 > len(inner)


def _paragraph_kind(para: str, index: int, count: int) -> ParagraphKind:
    if _DATE_PARAGRAPH.match(para):
        return "dateline"
    if _BOILERPLATE.match(para):
        return "boilerplate"
    # a paragraph ending in ":" leads in to what follows (a quotation), it heads nothing
    headline_like = "\n" not in para and len(para.split()) <= 25 and para[-1] not in '.!?…"”:'
    if headline_like and count > 1:
        return "title" if index == 0 else "heading"
    return "body"


def _find_dateline(text: str, paragraphs: list[Paragraph]) -> Span | None:
    """A 'MOSCOW:' or 'WASHINGTON (Reuters) -' prefix opening the first body paragraph.
    (The patterns have no '^': Pattern.match(text, pos) anchors at pos, '^' only at 0.)"""
    for para in paragraphs:
        if para.kind == "body":
            match = _DATELINE_PREFIX.match(text, para.start, para.end)
            match = match or _TITLE_CASE_DATELINE.match(text, para.start, para.end)
            if match and len(match.group().split()) <= 6:
                return Span(start=para.start, end=match.end(), text=match.group())
            return None
    return None


def _find_quotes(text: str, paragraphs: list[Paragraph]) -> list[Quote]:
    quotes: list[Quote] = []
    for para in paragraphs:
        quotes.extend(_double_quotes(text, para.start, para.end))
        quotes.extend(_single_quotes(text, para.start, para.end))
    quotes.sort(key=lambda q: (q.start, -q.end))
    return quotes


def _double_quotes(text: str, start: int, end: int) -> list[Quote]:
    found: list[Quote] = []
    opened: int | None = None
    for mark in _DOUBLE_MARK.finditer(text, start, end):
        i = mark.start()
        ch = text[i]
        if opened is None:
            if ch in "“«" or (ch == '"' and _opens(text, i, start)):
                opened = i
        elif ch in "”»" or (ch == '"' and not _opens(text, i, start)):
            found.append(Quote(opened, i + 1, '"'))
            opened = None
        elif ch in "“«":
            opened = i  # an unclosed quote followed by a new one: keep the newer
    if opened is not None and end - opened > 1:
        # Multi-paragraph quotations leave the quote open at the end of each paragraph.
        found.append(Quote(opened, end, '"', continued=True))
    return found


def _opens(text: str, i: int, start: int) -> bool:
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-:") and not after.isspace()


# Compiled once, not per paragraph; the look-behind after the opening mark (the mark and the
# character before it), so that the regex engine scans for the marks, as in _BOUNDARY.
_SINGLE_QUOTE = re.compile(
    r"""[‘'](?<![\w].)(?=\w)(.{1,80}?)(?<=[\w.!?,])[’'](?![\w])""", re.DOTALL
)


def _single_quotes(text: str, start: int, end: int) -> list[Quote]:
    """‘…’ and '…' pairs whose marks sit at word edges, so apostrophes are not taken for them."""
    found: list[Quote] = []
    for match in _SINGLE_QUOTE.finditer(text, start, end):
        found.append(Quote(match.start(), match.end(), "'"))
    return found


def _split_sentences(text: str, paragraphs: list[Paragraph], quotes: list[Quote]) -> list[Sentence]:
    protected = [
        (q.start + 1, q.end - 1)
        for q in quotes
        if q.mark == '"' and not q.continued and q.end - q.start <= _LONGEST_UNSPLIT_QUOTE
    ]
    sentences: list[Sentence] = []
    for para in paragraphs:
        begin = para.start
        for match in _BOUNDARY.finditer(text, para.start, para.end):
            cut = match.end()
            if _inside(cut, protected) or not _ends_sentence(text, match.start(), cut, para.end):
                continue
            _add_sentence(sentences, text, begin, cut, para.index)
            begin = _skip_space(text, cut, para.end)
        if begin < para.end:
            _add_sentence(sentences, text, begin, para.end, para.index)
    return sentences


def _add_sentence(sentences: list[Sentence], text: str, start: int, end: int, para: int) -> None:
    """Append text[start:end] as one sentence, or as pieces of at most LONGEST_SENTENCE
    characters, each cut after the last clause mark (else space) in its second half."""
    while end - start > LONGEST_SENTENCE:
        limit = start + LONGEST_SENTENCE
        cut = -1
        for mark in _PIECE_BREAKS:
            at = text.rfind(mark, start + LONGEST_SENTENCE // 2, limit)
            cut = max(cut, at + len(mark) if at >= 0 else -1)
        if cut < 0:
            cut = _last_space(text, start + LONGEST_SENTENCE // 2, limit)
        piece_end = cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        sentences.append(Sentence(len(sentences), start, piece_end, para))
        start = _skip_space(text, cut, end)
    if start < end:
        sentences.append(Sentence(len(sentences), start, end, para))


def _last_space(text: str, lo: int, hi: int) -> int:
    """The offset after the last whitespace in text[lo:hi], or hi when there is none."""
    for i in range(hi - 1, lo - 1, -1):
        if text[i].isspace():
            return i + 1
    return hi


def _inside(offset: int, ranges: list[tuple[int, int]]) -> bool:
    """Whether offset falls strictly inside one of the sorted, non-overlapping ranges."""
    i = bisect_left(ranges, (offset, offset)) - 1
    return i >= 0 and ranges[i][0] < offset < ranges[i][1]


def _skip_space(text: str, i: int, end: int) -> int:
    while i < end and text[i].isspace():
        i += 1
    return i


def _ends_sentence(text: str, dot: int, cut: int, para_end: int) -> bool:
    """Decide whether the punctuation at text[dot:cut] ends a sentence."""
    nxt = _NEXT_WORD.match(text, cut, para_end)
    if nxt is None:
        return True
    following = nxt.group(1)
    if not (following[0].isupper() or following[0].isdigit()):
        return False
    if text[dot] != "." or (cut - dot > 1 and text[dot + 1] == "."):
        return True  # ! ? … and ellipses end sentences before a capital
    word_match = _WORD_BEFORE.search(text, max(0, dot - 20), dot + 1)
    if word_match is None or text[dot - 1] in "\"”’')":
        return True
    word = word_match.group(1)
    bare = word.replace(".", "").lower()
    opener = following.strip(".,;:").lower() in _SENTENCE_OPENERS
    if bare in _TITLES:
        return False
    if bare in _SOFT_ABBREVIATIONS or "." in word or (len(word) == 1 and word.isupper()):
        # "Oct. 10", "U.S. Navy", "L. Ron Hubbard" run on; "the U.S. She ..." ends.
        return opener and not following[0].isdigit()
    return True
