"""Reporting cues: the words that place content with a source ("said", "according to",
"was told by", "issued a statement", "For her,"), found per sentence, before their speakers."""

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from service.extractive import lexicon
from service.extractive.phrases import BE, adverbial_before, is_prefix
from service.extractive.tokens import Token

_NOUN_MARKERS = lexicon.NOUN_MARKERS
_PASSIVE = re.compile(
    r"\b(?:(?:it|this) (?:was|is|has been|had been) (?:[a-z]+ly )?(?:reported|claimed|alleged|"
    r"said|announced|understood|learned|learnt|intimated|rumoured|rumored)|(?:were|was|are|is|"
    r"have been|has been) (?:reportedly |initially |widely |also )?reported)\b",
    re.IGNORECASE,
)
# A headline or sub-head that opens with its source: "Report: ...", "Study: ...", "Police: ...".
_HEADLINE_SOURCE = re.compile(
    r"(?:Reports?|Study|Studies|Survey|Poll|Officials|Police|Experts|Sources|Analysis|Data):\s",
)
_STATEMENT = re.compile(
    r"\b(?:issued|released|put out|published)\s+(?:a|an)\s+(?:[\w-]+\s+)?"
    r"(?:statement|communiqué|communique)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Cue:
    """A reporting cue in a sentence's tokens."""

    index: int  # token index of the (last) cue word
    first: int  # token index of the first cue word
    kind: str  # verb | according | citing | passive | viewpoint
    start: int | None = None  # character offsets, where they are not the tokens' own
    end: int | None = None


def find_cues(text: str, tokens: list[Token], begin: int, end: int) -> list[Cue]:
    """The cues of one sentence's tokens, in token order."""
    cues: list[Cue] = []
    starts = [t.start for t in tokens]
    taken: set[int] = set()
    for m in _STATEMENT.finditer(text, begin, end):
        # "issued a statement": the verb and its object together are the cue
        first = bisect_left(starts, m.start())
        last = max(first, bisect_left(starts, m.end()) - 1)
        taken.update(range(first, last + 1))
        cues.append(Cue(last, first, "verb"))
    for m in _PASSIVE.finditer(text, begin, end):
        # The match may begin inside a token ("Friday.It was reported"): cue offsets come from
        # the match itself, and the tokens it touches are not read again as verbs.
        first = max(0, bisect_right(starts, m.start()) - 1)
        last = max(first, bisect_left(starts, m.end()) - 1)
        taken.update(range(first, last + 1))
        cues.append(Cue(last, first, "passive", m.start(), m.end()))
    headline = _HEADLINE_SOURCE.match(text, begin, end)
    if headline is not None and tokens:
        taken.add(0)
        cues.append(Cue(0, 0, "passive", headline.start(), headline.end() - 1))
    for i, token in enumerate(tokens):
        low = token.lower
        if i in taken:
            continue
        if low == "according" and i + 1 < len(tokens) and tokens[i + 1].lower == "to":
            cues.append(Cue(i + 1, i, "according"))
        elif low in ("citing", "quoting"):
            cues.append(Cue(i, i, "citing"))
        elif low == "for" and viewpoint(tokens, i) is not None:
            cues.append(Cue(i, i, "viewpoint"))  # "For her, Canada is a melting pot"
        elif low == "per" and (i == 0 or tokens[i - 1].text == ","):
            cues.append(Cue(i, i, "according"))  # "Per the WHO's framework, ..."
        elif token.is_capitalised and (i > 0 or not low.endswith("ing")):
            continue  # "Deseret News", "Reports": a name or a noun; but "Saying ...," opens one
        elif low in lexicon.THAT_VERBS and not that_follows(tokens, i):
            continue  # "the state", "a record": a noun unless "that" follows
        elif (phrasal := _phrasal(tokens, i)) is not None:
            cues.append(Cue(phrasal, i, "verb"))  # "pointed out", "called on", "call for"
            taken.add(phrasal)
        elif low in lexicon.REPORTING_VERBS or low in lexicon.SOURCE_ONLY_VERBS:
            if not _object_ok(tokens, i):
                continue
            prev = tokens[i - 1].lower if i > 0 else ""
            marker = prev in _NOUN_MARKERS and not tokens[i - 1].is_capitalised  # "Deseret News"
            if marker or _noun_after_modifier(tokens, i):
                continue  # "media reports", "his urgent calls": not someone saying
            if _participle_agent(tokens, i):
                cues.append(Cue(i + 1, i, "according"))  # "rules announced by the ministry"
                continue
            if low.endswith("ing") and prev in lexicon.REPORTING_VERBS:
                continue  # "they say adding salt helps": the content, not a second cue
            if _next_cue(tokens, i):
                continue  # "reports describe", "reports say": a noun before the verb
            aux = _passive(tokens, i)
            if aux is not None:
                if i + 1 < len(tokens) and tokens[i + 1].lower == "by":
                    cues.append(Cue(i + 1, i, "according"))  # "he was told by the minister"
                elif _reports_when_passive(tokens, i):
                    # "travellers were advised to", "the site was said to have": a claim of no
                    # named source, with the verb and its auxiliary as the marker
                    cues.append(Cue(i, aux, "passive", tokens[aux].start, token.end))
                continue  # "was (initially) denied": not someone saying
            cues.append(Cue(i, i, "verb"))
    cues.sort(key=lambda c: c.index)
    return cues


def viewpoint(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """'For her,' or 'But for Catalan,' opening a sentence: whose view the sentence gives."""
    if not (i == 0 or (i == 1 and tokens[0].lower in ("but", "and"))):
        return None
    j = i + 1
    if j < len(tokens) and tokens[j].lower in ("him", "her", "them"):
        return (j, j) if j + 1 < len(tokens) and tokens[j + 1].text == "," else None
    while j < len(tokens) and tokens[j].is_word and tokens[j].is_capitalised:
        j += 1
    if j == i + 1 or j >= len(tokens) or tokens[j].text != ",":
        return None
    return (i + 1, j - 1)


def _next_cue(tokens: list[Token], i: int) -> bool:
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return (
        nxt is not None
        and not nxt.is_capitalised
        and nxt.lower in lexicon.REPORTING_VERBS
        and not nxt.lower.endswith("ing")  # "they say adding salt helps" keeps its verb
    )


def next_is(tokens: list[Token], i: int, word: str) -> bool:
    return i + 1 < len(tokens) and tokens[i + 1].lower == word


def that_follows(tokens: list[Token], i: int) -> bool:
    return i + 1 < len(tokens) and tokens[i + 1].lower == "that"


def _passive(tokens: list[Token], v: int) -> int | None:
    """The form of 'be' among the auxiliaries and adverbs before the verb ('were twice
    denied', 'was on Wednesday reported'), or None."""
    k = v - 1
    while k >= 0:
        if tokens[k].lower in BE:
            return k
        if is_prefix(tokens[k]):
            k -= 1
            continue
        inserted = adverbial_before(tokens, k)
        if inserted is None:
            return None
        k = inserted
    return None


def _reports_when_passive(tokens: list[Token], v: int) -> bool:
    """A passive that still reports: a directive or attitude ('were advised to', 'is expected
    to'), or hearsay ('was said to have', 'were reported to be')."""
    verb_class = lexicon.verb_class(tokens[v].lower)
    if verb_class is None or not next_is(tokens, v, "to"):
        return False
    return verb_class.takes_infinitive or tokens[v].lower in _HEARSAY


_HEARSAY = lexicon.word_set("said reported thought believed rumoured rumored")


def _noun_after_modifier(tokens: list[Token], i: int) -> bool:
    """'his urgent calls', 'one of his campaign promises': a -s or base form after a determiner
    and one plain word is a noun; but 'the authors say', 'the results confirm' report."""
    if i < 2 or tokens[i].lower not in lexicon.NOUN_HOMOGRAPHS:
        return False
    prev, before = tokens[i - 1], tokens[i - 2]
    if not prev.is_word or prev.is_capitalised or prev.lower in lexicon.SPEAKER_HEADS:
        return False
    if prev.lower in lexicon.SOURCE_NOUNS or prev.lower in lexicon.PRONOUNS:
        return False
    return before.lower in _NOUN_MARKERS and not before.is_capitalised


def _participle_agent(tokens: list[Token], i: int) -> bool:
    """'a set of rules announced by the ministry': a past participle after a noun, with its
    agent after 'by', reports that agent's words."""
    if i == 0 or not next_is(tokens, i, "by") or tokens[i].lower.endswith(("ing", "s")):
        return False
    prev = tokens[i - 1]
    return prev.is_word and prev.lower not in lexicon.PRONOUNS and not is_prefix(prev)


def _phrasal(tokens: list[Token], i: int) -> int | None:
    """The particle's index when tokens[i] opens a phrasal reporting verb ('pointed out')."""
    for particle, _ in lexicon.PHRASAL_FIRST.get(tokens[i].lower, ()):
        if next_is(tokens, i, particle):
            return i + 1
    return None


# Reporting verbs that need something after them to report: "asked X to ..." (else a question),
# "called it/him ..." (else a name or a phone call), "identified X as ...".
_NEEDS = {
    **dict.fromkeys(lexicon.verb_forms("call"), "object"),
    **dict.fromkeys(lexicon.verb_forms("ask"), "to"),
    **dict.fromkeys(lexicon.verb_forms("identify"), "as"),
}


_CALL_OBJECTS = lexicon.word_set("it him her them this that the")


def _object_ok(tokens: list[Token], i: int) -> bool:
    need = _NEEDS.get(tokens[i].lower)
    if need is None:
        return True
    window = [t.lower for t in tokens[i + 1 : i + 8]]
    if need == "object":
        # "called it 'a non-starter'", "called the notion a 'waste of time'"; not "a town
        # called Hope", "called the police"
        quoted = any(t.text in ('"', "“", "‘", "'") for t in tokens[i + 1 : i + 8])
        return bool(window) and window[0] in _CALL_OBJECTS and (window[0] != "the" or quoted)
    if need == "to" and any(w in ("when", "why", "how", "whether", "if", "what") for w in window):
        return False  # "asked the mayor when the bridge would reopen": a question
    return need in window


_RECIPIENTS = (
    lexicon.SPEAKER_HEADS
    | lexicon.DETERMINERS
    | lexicon.word_set("reporters journalists press media")
)


def hearsay(tokens: list[Token], v: int) -> bool:
    """'said to be', 'reported to not be': an infinitive after the verb; but 'stated to LA
    Weekly', 'said to reporters' name who heard it."""
    if v + 2 >= len(tokens) or tokens[v + 1].lower != "to":
        return v + 1 < len(tokens) and tokens[v + 1].lower == "to"
    after = tokens[v + 2]
    return not (after.is_capitalised or after.lower in _RECIPIENTS)
