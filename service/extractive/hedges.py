"""Hedges: the lexicon and patterns for distancing and uncertainty, and scare quotes.

Bounds and approximators ("at least 30", "up to 40", "more than 100", "about") are figures, not
hedges (ANNOTATION.md v2, "Settled"): no rule here marks them."""

import re
from collections.abc import Callable
from dataclasses import dataclass

from schemas import HedgeKind
from service.article import Article, Sentence
from service.extractive import lexicon
from service.extractive.lexicon import word_set
from service.extractive.overlaps import longest_without_overlaps
from service.extractive.prefilter import alternation_at
from service.extractive.scope import is_labelled, labelled_sentences
from service.extractive.tokens import Token

_I = re.IGNORECASE
_PRONOUN_OR_NAME = r"(?:he|she|they|it|we|i|the \w+|[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)"

# Fixed lookbehinds of one length each cannot be joined: one per compound word.
_NOT_AFTER_COMPOUNDS = "".join(rf"(?<!\b{w} )" for w in sorted(lexicon.CLAIM_COMPOUNDS))
_ATTITUDE_FORMS = "|".join(
    sorted(
        (f for f, c in lexicon.VERB_CLASS_OF.items() if c.name == "attitude" and f[-3:] != "ing"),
        key=lambda f: (-len(f), f),
    )
)


# "investigating whether", "unclear whether": a question still open (one fixed-width lookbehind
# per word, since lookbehinds of different lengths cannot be joined)
_INQUIRY = "investigating examining determining assessing checking into unclear unknown known sure"
_AFTER_INQUIRY = "(?:" + "|".join(rf"(?<=\b{w} )" for w in _INQUIRY.split()) + ")"


@dataclass(frozen=True, slots=True)
class HedgeRule:
    """A named hedge pattern, with an example sentence whose `marks` it finds (its test)."""

    name: str
    kind: HedgeKind
    pattern: re.Pattern[str]
    example: str
    marks: str


def _rule(
    name: str, kind: HedgeKind, pattern: str, example: str, marks: str, flags: int = _I
) -> HedgeRule:
    return HedgeRule(name, kind, re.compile(pattern, flags), example, marks)


HEDGE_RULES: tuple[HedgeRule, ...] = (
    # -- distancing: the writer does not take the term or claim as their own
    _rule("so-called", "distancing", r"\bso[- ]called\b",
          "The so-called reform cut pensions.", "so-called"),
    _rule("what-they-called", "distancing",
          rf"\bwhat {_PRONOUN_OR_NAME} (?:has |have |had )?(?:called|calls|call|termed|terms|"
          rf"dubbed|labelled|labeled|described as|describes as|referred to as)",
          "The strikes were what he called a response.", "what he called", 0),
    _rule("alleged", "distancing",
          r"\b(?:alleged|allegedly|purported|purportedly|supposed|supposedly|ostensibly)\b",
          "The alleged bribe was never found.", "alleged"),
    _rule("accused-of", "distancing", r"\baccus(?:ed|es|ing)\b(?: [\w’'-]+){0,3}? of\b",
          "The firm was accused of fraud.", "accused of"),
    # "claimed responsibility" takes credit; it disputes nothing
    _rule("claimed", "distancing",
          rf"{_NOT_AFTER_COMPOUNDS}\bclaim(?:ed|ing|s)\b(?! (?:responsibility|credit)\b)",
          "The group claimed the vote was rigged.", "claimed"),
    _rule("charged-with", "distancing", r"\bcharged with\b",
          "The driver was charged with murder.", "charged with"),
    _rule("charged-someone-with", "distancing",
          r"\bcharg(?:ed|es|ing)(?= (?:[\w’'-]+ ){1,6}?with\b)",
          "Prosecutors charged the driver in the crash with murder.", "charged"),
    _rule("ascribed-to", "distancing", r"\b(?:ascribed|attributed) to\b",
          "An attack ascribed to the rebels killed two.", "ascribed to"),
    _rule("described-as", "distancing", r"\bdescrib(?:ed|es|ing)\b(?: [\w’'“”\"\[\]-]+){0,8}? as\b",
          "A remedy that has been described as useless sold well.", "described as"),
    _rule("seen-as", "distancing",
          r"\b(?:is|are|was|were|been|being) (?:widely |largely |often |now )?"
          r"(?:seen|regarded|viewed) as\b",
          "The tax is widely seen as unfair.", "is widely seen as"),
    _rule("dubbed", "distancing", r"\bdubbed\b", "The plan, dubbed Dawn, failed.", "dubbed"),
    # the noun of "alleged" and "accused of": "allegations of fraud", "misconduct allegations"
    # (a lone "the allegation." names the complaint itself)
    _rule("allegations", "distancing",
          r"\ballegations\b|\b(?:allegation|accusations?)(?= (?:of|that|against)\b)",
          "The vote was marred by allegations of fraud.", "allegations"),
    # -- uncertainty: epistemic and modal markers
    # "could not reach a deal", "could not use the toilet": a past inability, a fact; "could not
    # have known", "could not be confirmed" stay hedges
    _rule("modal", "uncertainty", r"\b(?:may|might|could(?! not (?!have\b|be\b)))\b",
          "The dam could fail.", "could", 0),
    _rule("epistemic-adverb", "uncertainty",
          r"\b(?:possibly|likely|unlikely|probably|perhaps|presumably|apparently|"
          r"reportedly|seemingly|potential|potentially|unclear|unconfirmed|uncertain|"
          r"suspected|unverified|conceivably)\b",
          "Two men were reportedly held.", "reportedly"),
    # not "as soon as possible", "the best way possible", "would not have been possible"
    # nor a superlative's "the longest possible sentence"
    _rule("possible", "uncertainty",
          r"(?<!\bas )(?<!\bway )(?<!\bbeen )(?<!est )\bpossible\b",
          "A second quake is possible.", "possible"),
    _rule("suggest", "uncertainty", r"\b(?:suggest|suggests|suggested|suggesting)\b",
          "The data suggest a rise.", "suggest"),
    _rule("believed", "uncertainty",
          r"\b(?:believe|believes|believed|thought to|estimate|estimated|estimates)\b",
          "An estimated 300 homes burned.", "estimated"),
    _rule("appears-to", "uncertainty",
          r"\b(?:(?:appears?|appeared) (?:to|able|unable)\b|(?:seems?|seemed)\b(?: to\b)?)",
          "The fire appears to have started early.", "appears to"),
    _rule("unknown-number", "uncertainty", r"\ban unknown number\b",
          "An unknown number of people fled.", "An unknown number"),
    _rule("no-further-details", "uncertainty",
          r"\b(?:did not|didn't|does not|doesn't|would not|wouldn't|declined to) "
          r"(?:(?:elaborate|comment|confirm)(?: on)?|(?:provide|give|offer|disclose|share)"
          r"(?: any)?(?: further| more| additional| other)? (?:details|information|"
          r"explanation|reason|specifics))\b",
          "The police did not provide further details.", "did not provide further details"),
    _rule("it-is-unclear", "uncertainty",
          r"\b(?:it is|it was|it remains|it's) (?:not |still )?(?:yet )?(?:unclear|not known|"
          r"not clear|unknown)\b",
          "It is unclear who fired first.", "It is unclear"),
    _rule("not-yet-known", "uncertainty",
          r"\bnot (?:immediately|yet) (?:clear|known|confirmed|verified)\b",
          "The cause was not yet known.", "not yet known"),
    # "No cause was immediately known", "nothing is yet known": the negation sits on the subject
    _rule("none-yet-known", "uncertainty",
          r"\b(?:was|were|is|are) (?:immediately|yet) (?:clear|known|confirmed|verified)\b",
          "No motive was immediately known.", "was immediately known"),
    _rule("withheld", "uncertainty",
          r"\b(?:(?:refused|declined|did not want) to|would not) (?:comment|elaborate|"
          r"(?:give|provide|disclose|release|share|reveal)(?: any)?"
          r"(?: more| further| additional| other)?(?: details| information| comment)?)",
          "The club declined to comment.", "declined to comment"),
    _rule("not-said-why", "uncertainty",
          r"\b(?:has|have|had) not (?:said|explained|disclosed|revealed) "
          r"(?:why|how|whether|what|when|where|who)\b",
          "Officials have not said why the road closed.", "have not said why"),
    _rule("identity-withheld", "uncertainty",
          r"\b(?:their|his|her|its) (?:identity|identities|names?) (?:was|were|has|have)"
          r"(?: been)? not (?:provided|released|disclosed|given|made public)\b",
          "Her name was not released.", "Her name was not released"),
    _rule("identified-only-as", "uncertainty", r"\bidentified (?:\w+ )?only as\b",
          "The man, identified only as Ivan, survived.", "identified only as"),
    _rule("what-sounds-like", "uncertainty",
          r"\bwhat (?:sounds?|sounded|appears?|appeared|looks?|looked|seems?|seemed) "
          r"(?:like|to be)\b",
          "The video shows what sounds like gunfire.", "what sounds like"),
    _rule("speculation", "uncertainty", r"\b(?:speculation|speculated|speculate)\b",
          "There was speculation about a merger.", "speculation"),
    _rule("rumours", "uncertainty", r"\brumou?r(?:s|ed)?\b",
          "Rumours spread that the mayor had quit.", "Rumours"),
    # an attitude verb after its subject, inside a quotation too: "I think", "farmers fear"
    # (not a comparison's "as safe as they think")
    _rule("attitude-verb", "uncertainty",
          rf"(?<!\bas )(?<!\bthan )\b(?:I|[Ww]e|[Tt]hey|[Hh]e|[Ss]he|[Yy]ou|people|[a-z]+s)"
          rf"(?:['’]d| would)? (?:{_ATTITUDE_FORMS})\b",
          '"We expect the river to rise," she said.', "We expect", 0),
    _rule("do-not-know", "uncertainty",
          r"\b(?:(?:I|we) (?:do not|don't|don’t|did not|didn't|didn’t) know|"
          r"as far as (?:I|we) (?:know|can tell))\b",
          '"As far as I know, the dam is safe," he said.', "As far as I know"),
    _rule("reasonable-to-assume", "uncertainty",
          r"\b(?:reasonable|safe|fair) to (?:assume|believe|expect|suppose|say)\b",
          "It is reasonable to assume the dam leaks.", "reasonable to assume"),
    _rule("inquiry-whether", "uncertainty",
          _AFTER_INQUIRY + r"whether\b",
          "Police were investigating whether the fire was set.", "whether"),
    _rule("epistemic-noun", "uncertainty",
          r"\b(?:possibility|possibilities|concerns?|fears?|hints?|doubts?)"
          r"(?= (?:that|of|they|it|he|she)\b)",
          "There were concerns that the dam would fail.", "concerns"),
    _rule("if-conditional", "uncertainty",
          r"\bif (?:confirmed|true|proven|verified|correct|accurate|[a-z]+(?:ed|en) by)\b",
          "The letter, if written by him, proves it.", "if written by"),
    _rule("questions-remain", "uncertainty", r"\bquestions remain\b",
          "Questions remain about the cost.", "Questions remain"),
    _rule("presumed-dead", "uncertainty", r"\b(?:presumed|feared) (?:dead|killed|lost|drowned)\b",
          "Six crew are presumed dead.", "presumed dead"),
    _rule("not-named", "uncertainty",
          r"\b(?:did not|didn't|has not|have not|had not) (?:mention|name|named|identify|"
          r"identified|disclose|disclosed|release|released) (?:if|whether|a cause|the cause|"
          r"the names?|his name|her name|their names|the identity)\b",
          "Investigators have not named a cause.", "have not named a cause"),
)  # fmt: skip
DISTANCING = [r.pattern for r in HEDGE_RULES if r.kind == "distancing"]
UNCERTAINTY = [r.pattern for r in HEDGE_RULES if r.kind == "uncertainty"]


def _one_pattern(patterns: list[re.Pattern[str]]) -> re.Pattern[str]:
    """All patterns of a kind as one alternation, each keeping its own case rule: one pass over
    the text instead of one per pattern."""
    parts = [
        f"(?i:{p.pattern})" if p.flags & re.IGNORECASE else f"(?:{p.pattern})" for p in patterns
    ]
    return re.compile("|".join(parts))


_BY_KIND: list[tuple[HedgeKind, re.Pattern[str]]] = [
    ("distancing", _one_pattern(DISTANCING)),
    ("uncertainty", _one_pattern(UNCERTAINTY)),
]

# The words a hedge pattern can start with: the patterns run only where one of them stands.
_FIRST_WORDS = word_set(
    """so so-called what alleged allegedly purported purportedly supposed supposedly accused
    accuses accusing ostensibly claimed claiming claims described describes describing
    dubbed may might could
    possible possibly likely unlikely probably perhaps presumably apparently reportedly
    seemingly potential potentially unclear unconfirmed uncertain suspected unverified
    conceivably suggest suggests suggested suggesting believe believes believed thought
    estimated estimates appear appears appeared seem seems seemed an did didn't does doesn't
    would wouldn't declined it it's not charged ascribed attributed refused has have had their
    his her its identified speculation speculated speculate i we they he she you is are was
    were been being possibility possibilities concern concerns fear fears hint hints doubt
    doubts if questions presumed feared charges charging people reasonable safe fair whether as
    estimate allegation allegations accusation accusations rumor rumors rumour rumours rumored
    rumoured"""
)


def _may_start_hedge(word: str, following: str) -> bool:
    """Whether a hedge pattern can start at this word: one of the first words above, or a
    plural noun before an attitude verb ("farmers fear")."""
    return word in _FIRST_WORDS or (word.endswith("s") and following in _ATTITUDE_SET)


_ATTITUDE_SET = frozenset(_ATTITUDE_FORMS.split("|"))


@dataclass(frozen=True, slots=True)
class HedgeDraft:
    kind: HedgeKind
    start: int
    end: int


_APOSTROPHE = re.compile("[’']")


# Pronouns that open a quoted clause ("they raped me", "we will win"), not a quoted term.
_SPEECH_OPENERS = word_set("i we they he she you i'm we're they're it's")

# Quoted terms no longer than this many words, outside reported speech, count as scare quotes.
_SCARE_QUOTE_WORDS = 3


def find_lexical_hedges(
    article: Article, cue_sentences: set[int], tokens_of: Callable[[Sentence], list[Token]]
) -> list[HedgeDraft]:
    """Distancing and uncertainty markers in the body, plus scare quotes outside reported speech."""
    text = article.text
    found: list[HedgeDraft] = []
    parts = {"distancing": DISTANCING, "uncertainty": UNCERTAINTY}
    for sentence in labelled_sentences(article):
        tokens = tokens_of(sentence)
        for i, token in enumerate(tokens):
            low = token.lower
            # _may_start_hedge asked only where it can say yes (most words: no call, no next)
            may = low in _FIRST_WORDS or (
                low.endswith("s")
                and _may_start_hedge(low, tokens[i + 1].lower if i + 1 < len(tokens) else "")
            )
            if not may and (
                ("'" not in low and "’" not in low)  # no apostrophe: the split is the word itself
                or _APOSTROPHE.split(low, 1)[0] not in _FIRST_WORDS
            ):
                continue  # "could've" starts with "could"
            for kind, pattern in _BY_KIND:
                # (only the kind's patterns that can start with this word are tried)
                cut = alternation_at(pattern, parts[kind], _one_pattern, low)
                m = None if cut is None else cut.match(text, token.start, sentence.end)
                if m is not None:
                    found.append(HedgeDraft(kind, m.start(), m.end()))
    found.extend(_scare_quotes(article, cue_sentences))
    return longest_without_overlaps(found)


_WORD = re.compile(r"[\w’'-]+")


def _after_a_reporting_verb(text: str, sentence_start: int, quote_start: int) -> bool:
    """A reporting verb among the three words before the quotation: 'said "calm"' no, but
    'called it "a disaster"', 'promising a "full review"', 'said "three men" died' yes. The
    verb's own words do not depend on a claim having been found for it."""
    words = _WORD.findall(text, max(sentence_start, quote_start - 40), quote_start)[-3:]
    return any(
        lexicon.verb_class(w.lower()) is not None or w.lower() in lexicon.PHRASAL_FIRST
        for w in words
    )


def _scare_quotes(article: Article, cue_sentences: set[int]) -> list[HedgeDraft]:
    text = article.text
    found = []
    for quote in article.quotes:
        inner = text[quote.start + 1 : quote.end - 1]
        words = inner.split()
        if not words or len(words) > _SCARE_QUOTE_WORDS or inner.rstrip()[-1:] in "!?,":
            continue
        sentence = article.sentence_at(quote.start)
        if sentence is None or not is_labelled(article, sentence):
            continue
        if quote.mark == '"' and _after_a_reporting_verb(text, sentence.start, quote.start):
            continue  # 'promising a "full review"': the speaker's words, not the writer's distance
        if all(w[:1].isupper() for w in words) and quote.mark == '"':
            continue  # a title or a name in quotes
        if words[0].lower() in _SPEECH_OPENERS and len(words) > 1:
            continue  # '"they raped me"': a clause of speech, not a term held at a distance
        found.append(HedgeDraft("distancing", quote.start, quote.end))
    return found
