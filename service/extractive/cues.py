"""Reporting cues: the words that place content with a source ("said", "according to",
"was told by", "issued a statement", "For her,"), found per sentence, before their speakers."""

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final, Literal

from service.extractive import lexicon
from service.extractive.phrases import BE, adverbial_before, is_prefix
from service.extractive.prefilter import may_match
from service.extractive.tokens import Token

_NOUN_MARKERS = lexicon.NOUN_MARKERS
_NOUN_MARKING_NOUNS = lexicon.word_set("media news press")  # nouns that can be subjects too
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
    taken: set[int] = set()
    statement = may_match(_STATEMENT, text, begin, end)
    passive = may_match(_PASSIVE, text, begin, end)
    # The tokens' offsets, to place the matches of those two (rare: most sentences need none).
    starts = [t.start for t in tokens] if statement or passive else []
    for m in _STATEMENT.finditer(text, begin, end) if statement else ():
        # "issued a statement": the verb and its object together are the cue
        first = bisect_left(starts, m.start())
        last = max(first, bisect_left(starts, m.end()) - 1)
        taken.update(range(first, last + 1))
        cues.append(Cue(last, first, "verb"))
    for m in _PASSIVE.finditer(text, begin, end) if passive else ():
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
        if token.lower not in _CUE_STARTS or i in taken:
            continue  # no rule starts a cue at this word (token_cue would say None)
        found = token_cue(tokens, i)
        if found is not None:
            cues.append(found)
            taken.update(range(found.first, found.index + 1))
    cues.sort(key=lambda c: c.index)
    return cues


# -- The token rules, in order ----------------------------------------------------------------
#
# Each rule looks at the token at i and returns a Cue (a cue starts there), SKIP (no cue starts
# there: the later rules are not asked) or None (the rule does not apply: ask the next one).
# Every rule has an example sentence; tests/test_extractive_cue_rules.py runs each one.

SKIP: Final = "skip"
Verdict = Cue | Literal["skip"] | None


@dataclass(frozen=True, slots=True)
class CueRule:
    name: str
    example: str  # a sentence the rule decides
    cue: str | None  # the cue words the sentence yields, None for no cue
    apply: Callable[[list[Token], int], Verdict]


def _according_to(tokens: list[Token], i: int) -> Verdict:
    if tokens[i].lower == "according" and next_is(tokens, i, "to"):
        return Cue(i + 1, i, "according")
    return None


def _citing(tokens: list[Token], i: int) -> Verdict:
    return Cue(i, i, "citing") if tokens[i].lower in ("citing", "quoting") else None


def _viewpoint(tokens: list[Token], i: int) -> Verdict:
    if tokens[i].lower == "for" and viewpoint(tokens, i) is not None:
        return Cue(i, i, "viewpoint")
    return None


def _per(tokens: list[Token], i: int) -> Verdict:
    if tokens[i].lower == "per" and (i == 0 or tokens[i - 1].text == ","):
        return Cue(i, i, "according")
    return None


def _capitalised(tokens: list[Token], i: int) -> Verdict:
    token = tokens[i]
    return SKIP if token.is_capitalised and (i > 0 or not token.lower.endswith("ing")) else None


def _noun_unless_that(tokens: list[Token], i: int) -> Verdict:
    return SKIP if tokens[i].lower in lexicon.THAT_VERBS and not that_follows(tokens, i) else None


def _phrasal_verb(tokens: list[Token], i: int) -> Verdict:
    particle = _phrasal(tokens, i)
    return None if particle is None else Cue(particle, i, "verb")


def _not_a_verb_of_report(tokens: list[Token], i: int) -> Verdict:
    low = tokens[i].lower
    return None if low in lexicon.REPORTING_VERBS or low in lexicon.SOURCE_ONLY_VERBS else SKIP


def _missing_object(tokens: list[Token], i: int) -> Verdict:
    return None if _object_ok(tokens, i) else SKIP


def _comma_before(tokens: list[Token], k: int) -> bool:
    """A comma at k, or a comma and the closing mark of a quotation (',"')."""
    if tokens[k].text in '"”' and k > 0:
        k -= 1
    return tokens[k].text == ","


def _noun_after_determiner(tokens: list[Token], i: int) -> Verdict:
    prev = tokens[i - 1] if i > 0 else None
    marker = prev is not None and prev.lower in _NOUN_MARKERS and not prev.is_capitalised
    if prev is not None and prev.lower in lexicon.CLAIM_COMPOUNDS:
        return SKIP  # "insurance claims", "land claims": a demand, not a statement
    if marker and prev is not None and prev.lower in _NOUN_MARKING_NOUNS:
        # "media reports": a noun; but "state media said", "news agencies say": the verb
        marker = tokens[i].lower in lexicon.NOUN_HOMOGRAPHS
    if marker and tokens[i].lower.endswith("ing") and i >= 2 and _comma_before(tokens, i - 2):
        marker = False  # ", further saying": an adverb, then the participle
    if marker and prev is not None and prev.lower == "further":
        # "she further stated": an adverb before a verb; but "further reports" is a noun
        marker = tokens[i].lower in lexicon.NOUN_HOMOGRAPHS
    if marker and prev is not None and prev.lower == "that":
        # "a survey that suggested": a relative pronoun, unless the word is a noun ("that report")
        marker = tokens[i].lower in lexicon.NOUN_HOMOGRAPHS
    return SKIP if marker or _noun_after_modifier(tokens, i) else None


def _noun_after_all(tokens: list[Token], i: int) -> Verdict:
    """'denied all claims that he was slain', 'rejected all reports of a deal': after a verb or a
    preposition, 'all' opens the object, so the word after it is a noun; but 'they all say'
    keeps its verb."""
    if i < 2 or tokens[i].lower not in lexicon.NOUN_HOMOGRAPHS or tokens[i - 1].lower != "all":
        return None
    before = tokens[i - 2]
    if before.is_capitalised or not before.is_word:
        return None
    verb = before.lower in lexicon.REPORTING_VERBS or before.lower in _OBJECT_VERBS
    return SKIP if verb or before.lower in _OBJECT_PREPOSITIONS else None


def _noun_after_compound(tokens: list[Token], i: int) -> Verdict:
    """'a flash flood warning covering the coast', 'the new travel warnings': two plain words
    between a determiner and the word make it the head of a noun phrase; but 'the ministry also
    warns' and 'the study further reports' keep their verbs."""
    if i < 3 or tokens[i].lower not in lexicon.NOUN_HOMOGRAPHS:
        return None
    first, second, det = tokens[i - 2], tokens[i - 1], tokens[i - 3]
    opening = i == 3 or tokens[i - 4].text in '.!?"“'
    if det.lower not in _NOUN_MARKERS or (det.is_capitalised and not opening):
        return None
    return SKIP if all(_plain_modifier(t) for t in (first, second)) else None


def _plain_modifier(token: Token) -> bool:
    low = token.lower
    return (
        token.is_word
        and not token.is_capitalised
        and low not in lexicon.SPEAKER_HEADS
        and low not in lexicon.SOURCE_NOUNS
        and low not in lexicon.PRONOUNS
        and low not in lexicon.LINKING_ADVERBS
        and low not in _NOT_MODIFIERS
        and not low.endswith(("ly", "s"))
    )


_OBJECT_VERBS = lexicon.word_set("denied denies deny rejected rejects reject dismissed dismisses")
_OBJECT_PREPOSITIONS = lexicon.word_set("of to with against despite from by on about for")
_NOT_MODIFIERS = lexicon.word_set("not never now also just already once and or but nor then")


def _participle_with_agent(tokens: list[Token], i: int) -> Verdict:
    return Cue(i + 1, i, "according") if _participle_agent(tokens, i) else None


def _gerund_content(tokens: list[Token], i: int) -> Verdict:
    prev = tokens[i - 1].lower if i > 0 else ""
    return SKIP if tokens[i].lower.endswith("ing") and prev in lexicon.REPORTING_VERBS else None


def _noun_before_verb(tokens: list[Token], i: int) -> Verdict:
    # "Reports say": a noun before the verb; but "said questions remain" keeps its verb
    return SKIP if tokens[i].lower in lexicon.NOUN_HOMOGRAPHS and _next_cue(tokens, i) else None


def _passive_voice(tokens: list[Token], i: int) -> Verdict:
    aux = _passive(tokens, i)
    if aux is None:
        return None
    if next_is(tokens, i, "by"):
        return Cue(i + 1, i, "according")
    if _reports_when_passive(tokens, i):
        return Cue(i, aux, "passive", tokens[aux].start, tokens[i].end)
    return SKIP


def _beside_a_quotation(tokens: list[Token], i: int) -> Verdict:
    if tokens[i].lower not in lexicon.QUOTE_ONLY_VERBS:
        return None
    return Cue(i, i, "verb") if _quotation_beside(tokens, i) else SKIP


# Senses of reporting verbs that state nothing: "pleaded guilty" (an act of court), "agreed to
# add two members" (a deal), "declared a state of emergency" (an act).
_PLEAS = lexicon.word_set("guilty")  # "pleaded not guilty" denies the charge: still a claim
_BEFORE_ACT = lexicon.DETERMINERS | lexicon.word_set("national local federal")
_DECLARED_ACTS = lexicon.word_set(
    "state emergency war bankruptcy independence victory holiday disaster curfew martial"
)


def _act_not_statement(tokens: list[Token], i: int) -> Verdict:
    low = tokens[i].lower
    nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    if low in _PLEAD_FORMS and nxt in _PLEAS:
        return SKIP
    if low in _AGREE_FORMS and nxt == "to" and not hearsay_recipient(tokens, i):
        return SKIP
    if low in _DECLARE_FORMS:
        k = i + 1
        while k < len(tokens) and k - i <= 3 and tokens[k].lower in _BEFORE_ACT:
            k += 1
        if k < len(tokens) and tokens[k].lower in _DECLARED_ACTS:
            return SKIP
    return None


def hearsay_recipient(tokens: list[Token], v: int) -> bool:
    """'agreed to the BBC', 'agreed to reporters': 'to' names who heard it."""
    if v + 2 >= len(tokens):
        return False
    after = tokens[v + 2]
    return after.is_capitalised or after.lower in _RECIPIENTS


def _reporting_verb(tokens: list[Token], i: int) -> Verdict:
    return Cue(i, i, "verb")


TOKEN_RULES: tuple[CueRule, ...] = (
    CueRule("according-to", "According to the ministry, the dam held.", "According to",
            _according_to),
    CueRule("citing", "The agency, citing police, put the toll at six.", "citing", _citing),
    CueRule("viewpoint", "For her, the plan is a mistake.", "For", _viewpoint),
    CueRule("per-source", "The toll rose, per the coastguard.", "per", _per),
    CueRule("capitalised-is-a-name", "Reports of a fire spread.", None, _capitalised),
    CueRule("noun-unless-that", "The state opened a school.", None, _noun_unless_that),
    CueRule("phrasal-verb", "The mayor pointed out that the road was shut.", "pointed out",
            _phrasal_verb),
    CueRule("beside-a-quotation", '"We will rebuild," the mayor continued.', "continued",
            _beside_a_quotation),
    CueRule("only-reporting-verbs", "The mayor opened the bridge.", None, _not_a_verb_of_report),
    CueRule("needs-its-object", "She asked the mayor when the bridge would reopen.", None,
            _missing_object),
    CueRule("act-not-statement", "The governor declared a state of emergency.", None,
            _act_not_statement),
    CueRule("noun-after-determiner", "His urgent calls went unanswered.", None,
            _noun_after_determiner),
    CueRule("noun-after-all", "The ministry denied all claims that the dam leaked.", "denied",
            _noun_after_all),
    CueRule("noun-after-compound", "A flash flood warning covers the coast.", None,
            _noun_after_compound),
    CueRule("participle-agent", "The rules announced by the ministry take effect today.",
            "announced by",
            _participle_with_agent),
    CueRule("gerund-is-content", "They say adding salt helps.", "say", _gerund_content),
    CueRule("noun-before-verb", "Reports say the dam held.", "say", _noun_before_verb),
    CueRule("passive-voice", "Travellers were advised to stay home.", "were advised",
            _passive_voice),
    CueRule("reporting-verb", "The coach conceded that the team had lost.", "conceded",
            _reporting_verb),
)  # fmt: skip


# The words any rule above can start a cue at; the rules are not asked about other words.
_CUE_STARTS = (
    lexicon.word_set("according citing quoting for per")
    | lexicon.REPORTING_VERBS
    | lexicon.SOURCE_ONLY_VERBS
    | lexicon.QUOTE_ONLY_VERBS
    | frozenset(lexicon.PHRASAL_FIRST)
)


def token_cue(tokens: list[Token], i: int) -> Cue | None:
    """The cue that starts at token i, by the first rule that decides."""
    if tokens[i].lower not in _CUE_STARTS:
        return None
    for rule in TOKEN_RULES:
        verdict = rule.apply(tokens, i)
        if isinstance(verdict, Cue):
            return verdict
        if verdict is not None:
            return None  # SKIP
    return None


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


_QUOTE_MARKS = frozenset('"“”')


def _quotation_beside(tokens: list[Token], i: int) -> bool:
    """'"...," the mayor continued' (a closing mark and its comma a few words before) or
    'continued: "..."' (an opening mark just after)."""
    for k in range(i - 1, max(-1, i - 6), -1):
        if tokens[k].text in _QUOTE_MARKS:
            return k > 0 and tokens[k - 1].text in (",", "?", "!")
        if not tokens[k].is_word:
            break
    after = tokens[i + 1 : i + 3]
    return any(t.text in _QUOTE_MARKS for t in after) or (
        len(after) == 2 and after[0].text in ",:" and after[1].text in _QUOTE_MARKS
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
    return verb_class.takes_infinitive or tokens[v].lower in lexicon.HEARSAY_PARTICIPLES


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
    if tokens[i].lower in lexicon.BASE_NOT_PARTICIPLE:
        return False  # "they must rule by Friday": a base form, no participle
    prev = tokens[i - 1]
    if prev.text == "," and i >= 2 and tokens[i - 2].is_word:
        prev = tokens[i - 2]  # "The ban, announced by the ministry on Monday, takes effect"
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


def _object_ok(tokens: list[Token], i: int) -> bool:
    need = _NEEDS.get(tokens[i].lower)
    if need is None:
        return True
    window = [t.lower for t in tokens[i + 1 : i + 8]]
    if need == "object":
        # "called it 'a non-starter'", "called the notion a 'waste of time'"; not "a town
        # called Hope", "called the police"
        quoted = any(t.text in ('"', "“", "‘", "'") for t in tokens[i + 1 : i + 8])
        if quoted and _possessor_after(tokens, i):
            return True  # "called Lee's plan a 'waste of time'": a possessor, like "the"
        return bool(window) and window[0] in lexicon.CALL_OBJECTS and (window[0] != "the" or quoted)
    if need == "to" and any(w in ("when", "why", "how", "whether", "if", "what") for w in window):
        return False  # "asked the mayor when the bridge would reopen": a question
    return need in window


def _possessor_after(tokens: list[Token], i: int) -> bool:
    """A name's possessive right after the verb at i: 'Tom Hale's', 'Lee's'."""
    for t in tokens[i + 1 : i + 4]:
        if not (t.is_word and t.is_capitalised):
            return False
        if t.possessive:
            return True
    return False


_PLEAD_FORMS = lexicon.verb_forms("plead")
_AGREE_FORMS = lexicon.verb_forms("agree")
_DECLARE_FORMS = lexicon.verb_forms("declare")
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
