"""Attribution: who said what. Finds reporting cues, their speakers and the words they carry."""

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from itertools import pairwise

from service.article import LONGEST_SENTENCE, Article, Sentence
from service.extractive import lexicon
from service.extractive.actors import ActorTable
from service.extractive.cues import (
    Cue,
    find_cues,
    hearsay,
    next_is,
    that_follows,
    viewpoint,
)
from service.extractive.phrases import (
    LEFT_BREAKS,
    apposed_name,
    is_prefix,
    negated,
    noun_phrase_after,
    skip_prefixes,
    subject_after,
    subject_before,
)
from service.extractive.proposals import NewActor
from service.extractive.scope import labelled_sentences
from service.extractive.speaker_rules import head_noun
from service.extractive.speakers import Speakers, after_opener, name_start, names_a_speaker
from service.extractive.tokens import Token

_OPENERS = lexicon.COMMON_CAPITALISED | lexicon.WEEKDAYS_MONTHS
_CHANNEL = re.compile(
    r"\s+(?:on|in|via|during|at|through)\s+(?:(?:the|a|an|his|her|its|their)\s+)?"
    r"(?:[\w’'-]+\s+){0,2}?(?P<noun>[\w-]+)\b"
)
# A quotation before its speaker, the comma inside or outside the marks ('"...," she said',
# '"...", the club added'; KNOWN-FAILURES 5).
_LEADING_QUOTE = re.compile(r"[“\"][^“”\"]+(?:,[”\"]|[”\"],)\s+(?:[a-z][\w-]*\s+){0,3}")
_CHANNELS = lexicon.CHANNEL_NOUNS | {n.lower() for n in lexicon.CHANNEL_NOUNS}
_CHANNEL_TAIL = re.compile(r"\s+(?:app|channel|account|page|feed)\b")
_THAT = re.compile(r"\s*(?:that\s+|:\s*)?")
# Verbs that invert after a quotation or clause: '..., said the ministry', '"...," added Smith'.
_INVERTING = lexicon.INVERTING_VERBS


@dataclass
class ClaimDraft:
    """A claim as the rules find it, in offsets; the engine turns it into the public Claim."""

    speaker: int | None
    cue: str | None
    cue_start: int
    cue_end: int
    start: int
    end: int
    content_start: int
    content_end: int
    marker_start: int  # the attribution marker: the speaker's words with the cue when adjacent
    marker_end: int
    cue_kind: str = "verb"
    co_speakers: tuple[int, ...] = ()  # "X and Y said": the same words, one claim each
    subject: tuple[int, int] | None = None  # the speaker's words, when they name it outright


@dataclass(frozen=True, slots=True)
class CueMark:
    """A reporting cue's words, found whether or not a claim with a speaker came of it."""

    start: int
    end: int
    cue: str


def find_claims(
    article: Article,
    table: ActorTable,
    cue_marks: list[CueMark] | None = None,
    speakers: Speakers | None = None,
) -> list[ClaimDraft]:
    """Every attributed claim in the labelled text, in text order. `cue_marks`, when given,
    receives every cue that yielded no claim (not a negated one): attribution hedges do not
    depend on a claim being found. `speakers`, when given, is the resolver to use (its
    `accepted` list tells which rule found each speaker)."""
    claims: list[ClaimDraft] = []
    previous: ClaimDraft | None = None
    speakers = Speakers(article, table) if speakers is None else speakers
    for sentence in labelled_sentences(article):
        found = _sentence_claims(article, speakers, sentence, cue_marks)
        if not found and previous is None:
            led = _led_in_quote(article, speakers, sentence)
            found = [led] if led else []
        if not found and previous is not None:
            continued = _continued_quote(article, sentence, previous)
            found = [continued] if continued else []
        claims.extend(found)
        spoken = next((c.speaker for c in found if c.cue_kind in _SUBJECT_KINDS), None)
        if spoken is not None:
            speakers.record(sentence.index, spoken)
        previous = found[-1] if found else None
    return claims


_SUBJECT_KINDS = ("verb", "continuation")  # claims whose speaker is what the sentence is about


def _sentence_claims(
    article: Article, speakers: Speakers, sentence: Sentence, cue_marks: list[CueMark] | None
) -> list[ClaimDraft]:
    table = speakers.table
    text = article.text
    begin = article.content_start(sentence)
    end = _trim_end(text, begin, sentence.end)
    every = table.sentence_tokens(sentence)  # in text order: those ending by `end` lead
    tokens = every[: bisect_right(every, end, key=lambda t: t.end)]
    cues = find_cues(text, tokens, begin, end)
    claims: list[ClaimDraft] = []
    for n, cue in enumerate(cues):
        limit = end
        if n + 1 < len(cues):
            nxt = cues[n + 1]
            if nxt.first > 0 and tokens[nxt.first - 1].text == ",":
                limit = tokens[nxt.first - 1].start
            elif nxt.first > 1 and tokens[nxt.first - 1].lower in lexicon.LINKING_ADVERBS:
                limit = tokens[nxt.first - 1].start  # '... high," further saying ...'
                while limit > begin and text[limit - 1] in " ,":
                    limit -= 1
        claim = _claim_for(article, speakers, tokens, cue, begin, limit, end, claims)
        if (
            claim is None
            and cue_marks is not None
            and (cue.kind == "according" or _marks_without_claim(article, tokens, cue))
        ):
            first, last = tokens[cue.first], tokens[cue.index]
            cue_marks.append(CueMark(first.start, last.end, text[first.start : last.end]))
        if claim is not None:
            claims.append(claim)
            claims.extend(replace(claim, speaker=s, co_speakers=()) for s in claim.co_speakers)
    claims = _chained_to_the_original(text, claims, cue_marks)
    _end_at_clause_breaks(text, claims)
    for claim in claims:
        _extend_over_quote(article, sentence, claim)
    return claims


_CHAIN_GAP = re.compile(r"[\s,]*")


def _chained_to_the_original(
    text: str, claims: list[ClaimDraft], cue_marks: list[CueMark] | None
) -> list[ClaimDraft]:
    """'Yonhap, quoting KCNA, said ...', '..., Reuters reported, citing officials', 'According
    to Reuters, quoting Andina, ...': one claim, of the original speaker (ANNOTATION.md); the
    intermediary stays an actor, and the words 'citing', 'quoting' still mark attribution."""
    chained: dict[int, int] = {}  # citing claim -> the claim it passes its speaker to
    for c, cited in enumerate(claims):
        if cited.cue_kind != "citing" or cited.speaker is None:
            continue
        # claims are in cue order: the attribution it hangs on is a neighbour
        for v in (c + 1, c - 1):
            if not 0 <= v < len(claims):
                continue
            claim = claims[v]
            if v in chained or claim.cue_kind not in ("verb", "according"):
                continue
            if claim.speaker == cited.speaker or claim.speaker is None:
                continue
            if _chains(text, claim, cited):
                chained[c] = v
                break
    if not chained:
        return claims
    merged = list(claims)
    for c, v in chained.items():
        cited, claim = claims[c], claims[v]
        merged[v] = replace(
            claim, speaker=cited.speaker, co_speakers=cited.co_speakers, subject=None,
            marker_start=claim.cue_start, marker_end=claim.cue_end,
            start=min(claim.start, cited.start), end=max(claim.end, cited.end),
            content_start=min(claim.content_start, cited.content_start)
            if claim.content_end - claim.content_start < 2 else claim.content_start,
            content_end=max(claim.content_end, cited.content_end),
        )  # fmt: skip
        if cue_marks is not None:
            cue_marks.append(
                CueMark(cited.cue_start, cited.cue_end, text[cited.cue_start : cited.cue_end])
            )
    return [claim for n, claim in enumerate(merged) if n not in chained]


def _chains(text: str, claim: ClaimDraft, cited: ClaimDraft) -> bool:
    """Whether 'citing X' hangs on this claim's attribution: between its subject and its
    verb, or right after its verb or its 'according to X'."""
    if claim.marker_start < cited.cue_start and cited.cue_end <= claim.cue_start:
        return True  # "Yonhap, quoting KCNA, said"
    gap = _CHAIN_GAP.match(text, claim.marker_end, cited.cue_start)
    return gap is not None and gap.end() == cited.cue_start and claim.marker_end < cited.cue_start


_CLAUSE_BREAK = re.compile(r";|,?\s+(?:but|while|whereas|although|though)\s", re.IGNORECASE)


def _end_at_clause_breaks(text: str, claims: list[ClaimDraft]) -> None:
    """'Quirin denied X, but ... he claimed Y; Redouane claimed Z': a claim whose words run
    into the next claim stops at the last strong clause break ('; ', ', but') before it."""
    ordered = sorted(claims, key=lambda c: c.start)
    for claim, following in pairwise(ordered):
        if not claim.content_start < following.start < claim.content_end:
            continue
        breaks = list(_CLAUSE_BREAK.finditer(text, claim.content_start, following.start))
        if breaks:
            claim.content_end = breaks[-1].start()
            claim.end = max(claim.cue_end, claim.marker_end, claim.content_end)


def _marks_without_claim(article: Article, tokens: list[Token], cue: Cue) -> bool:
    """A cue that found no speaker still marks attribution when it reads as a finite verb of
    saying: not negated ('has not said'), not an infinitive ('to encourage'), not a document
    verb without its document ('shows progress'), not a participle in mid-clause."""
    verb = tokens[cue.index].lower
    verb_class = lexicon.verb_class(verb)
    if verb_class is None or verb_class.subject != "any" or negated(tokens, cue.first):
        return False
    before = tokens[cue.first - 1] if cue.first > 0 else None
    if before is not None and before.lower == "to":
        return False
    if verb.endswith("ing") and before is not None and before.text != ",":
        return False
    return not _in_quotation(article, tokens[cue.first])


def _in_quotation(article: Article, token: Token) -> bool:
    """Whether a token stands inside a quotation of someone's words."""
    return any(
        q.start < token.start < q.end and q.mark == '"'
        for q in article.quotes_starting(max(0, token.start - 2000), token.start)
    )


def _trim_end(text: str, begin: int, end: int) -> int:
    """Drop the sentence's closing period (but not a closing quote mark)."""
    while end > begin and (text[end - 1].isspace() or text[end - 1] in ".;"):
        end -= 1
    return end


def _sets_off(gap: str) -> bool:
    """A comma, colon or closing quotation mark between the content and its speaker."""
    return any(mark in gap for mark in ",:;”\"’'—–")


def _whole_name(table: ActorTable, tokens: list[Token], np: tuple[int, int]) -> tuple[int, int]:
    """A phrase cut short inside a known name ('Notes' of 'Notes from Poland') takes all of it."""
    first = np[0] + (tokens[np[0]].lower in ("the", "a", "an") and np[0] < np[1])
    end = table.form_end(tokens[first].start)
    if end is None or end <= tokens[np[1]].end:
        return np
    last = np[1]
    while last + 1 < len(tokens) and tokens[last + 1].end <= end:
        last += 1
    return (np[0], last)


def _source_words(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """'according to eyewitnesses,', 'according to the ruling,': the words up to the comma
    are the source, even when their noun is none the lexicon knows as a speaker's."""
    j = i
    while j < len(tokens) and j - i < 5 and tokens[j].is_word:
        if tokens[j].lower in lexicon.CLAUSE_BREAKS or tokens[j].lower in _SOURCE_STOPS:
            return None
        j += 1
    if j == i or (j < len(tokens) and tokens[j].text not in ",.;:"):
        return None
    if tokens[j - 1].lower in lexicon.DETERMINERS:
        return None
    return (i, j - 1)


_SOURCE_STOPS = lexicon.word_set("is are was were has have had will would be been to")


def _coordinated_speaker(
    speakers: Speakers, tokens: list[Token], v: int, earlier: list[ClaimDraft]
) -> int | None:
    """'Dubrovsky said X, but said Y'; 'Tesco sold X; announced Y': a verb that shares the
    subject of the clause before it has that clause's speaker, or the sentence's subject."""
    k = skip_prefixes(tokens, v)
    if k <= 0 or not (tokens[k].lower in ("and", "but") or tokens[k].text == ";"):
        return None
    if earlier:
        return earlier[-1].speaker
    np = noun_phrase_after(tokens, 0)
    opening = tokens[0]
    if np is None or not (
        opening.lower in ("the", "a", "an")
        or (opening.is_capitalised and opening.bare not in _OPENERS)
    ):
        return None
    found = speakers.resolve(tokens, np)
    return found[0] if len(found) == 1 else None


_TIME_WORDS = lexicon.word_set("today yesterday tonight earlier later late early on last this week")


def _only_a_time(text: str, start: int, end: int) -> bool:
    """'on Monday', 'late on Tuesday', 'last week': when, not what."""
    if end - start > 40:
        return False  # longer than any time of four words: read no further
    found = text[start:end].strip(" ,.").split()
    return 0 < len(found) <= 4 and all(
        w in lexicon.WEEKDAYS_MONTHS or w.lower() in _TIME_WORDS for w in found
    )


_DASH = re.compile(r"\s[—–-]\s|[—–]")


def _aside(text: str, start: int, end: int) -> int:
    """Where a dash opens an aside within the next few words after `start` (else `end`)."""
    dash = _DASH.search(text, start, min(end, start + 40))
    return end if dash is None else dash.start()


def _words_at_least(text: str, start: int, end: int, count: int) -> bool:
    """Whether text[start:end] holds `count` words, reading no more than it needs."""
    return len(text[start : min(end, start + 60)].split()) >= count


def _after_comma(tokens: list[Token], v: int) -> bool:
    """', saying', ', further saying', ', again citing': a comma, then only adverbs."""
    k = v - 1
    while k >= 0 and (is_prefix(tokens[k]) or tokens[k].lower in lexicon.LINKING_ADVERBS):
        k -= 1
    if k > 0 and tokens[k].text in '"”':
        k -= 1  # '"... high," further saying'
    return k >= 0 and tokens[k].text == ","


def _reason_cited(tokens: list[Token], v: int) -> int | None:
    """'citing safety concerns', 'citing security': the last word of a reason "citing" gives
    (a reason noun with no speaking noun before it); None when it cites a source."""
    for k in range(v + 1, min(len(tokens), v + 7)):
        t = tokens[k]
        if not t.is_word or t.lower in lexicon.SPEAKER_HEADS or t.lower in lexicon.SOURCE_NOUNS:
            return None
        if t.lower in lexicon.REASON_NOUNS:
            while k + 1 < len(tokens) and _continues_noun(tokens[k + 1]):
                k += 1  # "citing safety concerns"
            return k
    return None


def _continues_noun(token: Token) -> bool:
    return token.is_word and not token.is_capitalised and token.lower not in lexicon.CLAUSE_BREAKS


def _participle_speaker(
    article: Article, speakers: Speakers, tokens: list[Token], cue: Cue, earlier: list[ClaimDraft]
) -> int | None:
    """The subject of the clause a participle hangs on: ', saying ...' after 'The union walked
    out' is the union's; 'Saying ..., the mayor left' is the mayor's."""
    opening = after_opener(tokens)
    if cue.first == opening:
        k = _after_participle_clause(tokens, cue.index)
        np = None if k is None else noun_phrase_after(tokens, k)
    else:
        np = noun_phrase_after(tokens, opening)
        if np is not None and np[1] >= cue.first:
            np = None
    if np is not None:
        found = speakers.proposals(tokens, np)
        phrase = article.text[tokens[np[0]].start : tokens[np[1]].end]
        if len(found) == 1 and names_a_speaker(found[0], phrase):
            return speakers.accept(found[0])
    return earlier[-1].speaker if earlier else None


_OPENING_MARKS = frozenset('"“')
_CLOSING_MARKS = frozenset('"”')


def _after_participle_clause(tokens: list[Token], v: int) -> int | None:
    """Where the main clause begins after an opening participle clause: after its first comma
    outside quotation marks, or right after a quotation ('Calling it a "farce" the mayor')."""
    quoted = False
    for k in range(v + 1, min(len(tokens), v + 60)):
        mark = tokens[k].text
        if quoted and mark in _CLOSING_MARKS:
            quoted = False
            if k + 1 < len(tokens) and tokens[k + 1].is_word:
                return k + 1
        elif mark in _OPENING_MARKS:
            quoted = True
        elif mark == "," and not quoted:
            return k + 1
    return None


def _compared(tokens: list[Token], subject: tuple[int, int]) -> bool:
    """'as safe as they think', 'more than we expected': a pronoun after 'as' or 'than' (not
    'sites such as Gawker.com have stated')."""
    first = subject[0]
    return (
        first == subject[1]
        and first > 1
        and tokens[first].lower in lexicon.PRONOUNS
        and tokens[first - 1].lower in ("as", "than")
        and tokens[first - 2].lower != "such"
    )


_JUDGES = lexicon.word_set("judge justice magistrate")  # "Judge Gray Miller ruled the ..."


def _pronoun_for_a_source(
    speakers: Speakers, tokens: list[Token], subject: tuple[int, int]
) -> bool:
    """'Researchers studied ostriches. They found ...': 'they' stands for a source (the
    researchers, the team, the court) and finds as that source would."""
    if subject[0] != subject[1] or tokens[subject[0]].lower not in ("they", "it"):
        return False
    found = speakers.proposals(tokens, subject)
    if len(found) != 1:
        return False
    meant = found[0].actor
    name = meant.name if isinstance(meant, NewActor) else speakers.table.actors[meant].name
    return head_noun(name.split()).lower() in lexicon.SOURCE_NOUNS


def _subject_head(tokens: list[Token], subject: tuple[int, int]) -> str:
    last = tokens[subject[1]].lower
    if last in lexicon.SOURCE_NOUNS:
        return last
    return head_noun([t.text for t in tokens[subject[0] : subject[1] + 1]])


def _relative_after_preposition(tokens: list[Token], subject_start: int) -> bool:
    """'on which the court ruled', 'about whom the report spoke': a relative clause that names
    a statement without making one."""
    k = subject_start - 1
    return (
        k >= 1
        and tokens[k].lower in ("which", "whom")
        and tokens[k - 1].lower in lexicon.TOPIC_PREPOSITIONS
    )


def _claim_for(
    article: Article,
    speakers: Speakers,
    tokens: list[Token],
    cue: Cue,
    begin: int,
    limit: int,
    end: int,
    earlier: list[ClaimDraft],
) -> ClaimDraft | None:
    text, table = article.text, speakers.table
    cue_token = tokens[cue.index]
    cue_start, cue_end = tokens[cue.first].start, cue_token.end
    if cue.kind == "passive" and cue.start is not None and cue.end is not None:
        if text[cue.start : cue.start + 2].lower() in ("it", "th"):  # "it was reported that ..."
            content = (_skip_that(text, cue.end, limit), limit)
        else:  # "arrests were reported in the north": the subject is the content too
            content = (begin, limit)
        return _draft(None, text, cue.start, cue.end, cue.start, cue.end, *content, "passive")
    if cue.kind == "citing" and (reason := _reason_cited(tokens, cue.index)) is not None:
        # "postponed the vote, citing safety concerns": the subject cites a reason
        speaker = _participle_speaker(article, speakers, tokens, cue, earlier)
        if speaker is None:
            return None
        reason_end = tokens[reason].end
        return _draft(
            speaker, text, cue_start, cue_end, cue_start, cue_end, cue_start, reason_end, "verb"
        )
    if cue.kind in ("according", "citing"):
        np = noun_phrase_after(tokens, cue.index + 1)
        if np is None and tokens[cue.first].lower == "according":
            np = _source_words(tokens, cue.index + 1)
        if np is None:
            return None
        np = _whole_name(table, tokens, apposed_name(tokens, np[1]) or np)
        quoted = _quoted_as_saying(article, speakers, tokens, cue, np, limit)
        if quoted is not None:
            return quoted
        found = speakers.resolve(tokens, np)
        if not found:
            return None
        speaker, co = found[0], tuple(found[1:])
        np_end = tokens[np[1]].end
        # the words before the cue since the claim before it (each claim's own words, so that
        # a sentence of many cues is not read again for every cue)
        own = max([begin] + [c.end for c in earlier[-1:] if c.end <= cue_start])
        before_end = cue_start
        while before_end > own and text[before_end - 1] in " ,":
            before_end -= 1
        after_start = np_end
        while after_start < limit and text[after_start] in " ,":
            after_start += 1
        if _words_at_least(text, after_start, limit, 2):
            # "According to X, content" or "content, according to X, more content"
            many_before = _words_at_least(text, own, before_end, 2)
            content = (own, limit) if many_before else (after_start, limit)
        else:
            content = (own, before_end)  # "content, according to X"
        claim = _draft(speaker, text, cue_start, cue_end, cue_start, np_end, *content, cue.kind)
        return replace(claim, co_speakers=co)

    if cue.kind == "viewpoint":
        who = viewpoint(tokens, cue.index)
        if who is None:
            return None
        named = text[tokens[who[0]].start : tokens[who[1]].end]
        pronoun = tokens[who[0]].lower in ("him", "her", "them")
        actor = None if pronoun else table.lookup(named)
        if not pronoun and (actor is None or table.actors[actor].kind != "person"):
            # "For Americans, ...", "For Tesco, the sale ...": a view is a named person's.
            return None
        found = speakers.resolve(tokens, who)
        if len(found) != 1:
            return None
        after = _skip_that(text, tokens[who[1] + 1].end, limit)
        return _draft(
            found[0], text, cue_start, tokens[who[1]].end, cue_start, tokens[who[1]].end,
            after, limit, "viewpoint",
        )  # fmt: skip
    verb = cue_token.lower
    if negated(tokens, cue.first):
        return None  # "officials have not said why": no claim was made
    if verb in ("ascribed", "attributed") and next_is(tokens, cue.index, "to"):
        # "another attack ascribed to the Taliban": the article's own hedged statement
        to_end = tokens[cue.index + 1].end
        return _draft(None, text, cue_start, to_end, cue_start, to_end, begin, limit, "passive")
    verb_class = lexicon.verb_class(verb)
    infinitive_ok = verb_class is not None and verb_class.takes_infinitive
    if verb != "told" and not infinitive_ok and hearsay(tokens, cue.index):
        return None  # "reported to be", "said to have": hearsay, not someone's claim
    post = None
    if verb in _INVERTING and verb not in ("told", "tells"):
        post = subject_after(text, tokens, cue.index)
    if post is not None:
        post = apposed_name(tokens, post[1]) or post  # "..., said the minister, Ali Reza"
        found = speakers.resolve(tokens, post)
        if not found:
            return None
        speaker, co = found[0], tuple(found[1:])
        np_end = tokens[post[1]].end
        content_end = tokens[cue.first - 1].start
        rest = text[np_end:end]
        if any(q in rest for q in '“"') and end > np_end:
            content_end = end
        claim = _draft(
            speaker, text, cue_start, _cue_end(text, cue_token, tokens, cue.index),
            cue_start, np_end, begin, content_end, "verb",
        )  # fmt: skip
        subject = (tokens[post[0]].start, np_end) if len(found) == 1 else None
        return replace(claim, co_speakers=co, subject=subject)

    if verb.endswith("ing") and _as_saying_after_quoted(tokens, cue.first):
        return None  # "... was quoted by X as saying": the quoted one's claim, found already
    participle = verb.endswith("ing") and (
        cue.first == after_opener(tokens) or _after_comma(tokens, cue.first)
    )
    subject = None if participle else subject_before(tokens, cue.first)
    if subject is None:
        previous = _coordinated_speaker(speakers, tokens, cue.first, earlier)
        if previous is None and participle:
            previous = _participle_speaker(article, speakers, tokens, cue, earlier)
        elif previous is None and verb.endswith("ing") and earlier:
            previous = earlier[-1].speaker  # ", adding that ...": the same speaker goes on
        if previous is not None:
            full_cue_end = _cue_end(text, cue_token, tokens, cue.index)
            content_start = _skip_that(text, full_cue_end, limit)
            if participle and cue.first == after_opener(tokens):
                k = _after_participle_clause(tokens, cue.index)  # "Saying X, the mayor left"
                if k is not None:
                    last = tokens[k - 2] if tokens[k - 1].text == "," else tokens[k - 1]
                    limit = max(content_start, last.end)

            return _draft(
                previous, text, cue_start, full_cue_end, cue_start, full_cue_end,
                content_start, limit, "verb",
            )  # fmt: skip
        return None
    source_only = (
        verb in lexicon.SOURCE_ONLY_VERBS
        and verb not in lexicon.REPORTING_VERBS
        and not that_follows(tokens, cue.index)
    )
    if (
        source_only
        and _subject_head(tokens, subject) not in lexicon.SOURCE_NOUNS
        and not _pronoun_for_a_source(speakers, tokens, subject)
        and not any(t.lower in _JUDGES for t in tokens[subject[0] : subject[1] + 1])
    ):
        return None  # "The team showed skill"; but "footage from the scene showed"
    if _relative_after_preposition(tokens, subject[0]):
        return None  # "the case on which the court ruled": the ruling is only named
    if _compared(tokens, subject):
        return None  # "not as safe as they think": a comparison, not a belief stated
    found = speakers.resolve(tokens, subject)
    if not found:
        return None
    speaker, co = found[0], tuple(found[1:])
    np_start = tokens[subject[0]].start
    marker_start = name_start(table, speaker, text, np_start, tokens[subject[1]].end)
    full_cue_end = _cue_end(text, cue_token, tokens, cue.index)
    content_start = _skip_that(text, full_cue_end, limit)
    # an aside only after content set off before the speaker, not in 'X said — as reported — "..."'
    content_before = np_start - begin > 10 and _sets_off(text[np_start - 3 : np_start])
    aside = _aside(text, content_start, limit) if content_before else limit
    if any(mark in text[aside:limit] for mark in '"“'):
        aside = limit  # 'X said — as reported by Y — "..."': the quotation is the content
    if content_start < limit - 1 and (
        not text[content_start:aside].strip() or _only_a_time(text, content_start, aside)
    ):
        # "..., officials said on Monday": nothing said after the verb; nor before an aside
        # set off by a dash ("..., they said Sunday — a charge that ...")
        content_start = limit
    if content_start >= limit - 1:
        # "..., the ministry said": the content stands before the attribution.
        content_end = np_start
        while content_end > begin and text[content_end - 1] in " ,":
            content_end -= 1
        if not _sets_off(text[max(begin, content_end - 1) : np_start]):
            described = _described_after_comma(text, begin, np_start)
            if described is None:
                return None  # "Over 1,000 rescuers responded": nothing was said
            content_end = described  # "..., newspaper The Hindu reported": before the comma
        claim = _draft(
            speaker, text, cue_start, full_cue_end, marker_start, full_cue_end,
            begin, content_end, "verb",
        )  # fmt: skip
    else:
        claim = _draft(
            speaker, text, cue_start, full_cue_end, marker_start, full_cue_end,
            content_start, limit, "verb",
        )  # fmt: skip
    claim.start = min(claim.start, np_start)
    if _LEADING_QUOTE.fullmatch(text, begin, np_start):
        # '"We are ready," team member X told the press, "to win."': both halves are X's
        claim.start = claim.content_start = begin
    claim.co_speakers = co
    if len(found) == 1 and tokens[subject[0]].lower not in lexicon.PRONOUNS:
        claim.subject = (np_start, tokens[subject[1]].end)
    return claim


_DESCRIBED = re.compile(r",\s*(?:the\s+)?(?:[a-z][a-z-]*\s+){1,3}$")


def _described_after_comma(text: str, begin: int, np_start: int) -> int | None:
    """'..., newspaper The Hindu reported', '..., wrestling promotion Stardom announced': a
    speaker's name after a comma and the lower-case nouns that describe it; the comma's
    offset, or None when a word between is a clause's ('and', 'which') or a verb of saying."""
    m = _DESCRIBED.search(text, max(begin, np_start - 60), np_start)
    if m is None:
        return None
    words = m.group().strip(" ,").split()
    if any(w in lexicon.CLAUSE_BREAKS or w in lexicon.REPORTING_VERBS for w in words):
        return None
    return m.start()


def _as_saying_after_quoted(tokens: list[Token], v: int) -> bool:
    return (
        v > 0
        and tokens[v - 1].lower == "as"
        and any(t.lower == "quoted" for t in tokens[max(0, v - 9) : v - 1])
    )


def _quoted_as_saying(
    article: Article,
    speakers: Speakers,
    tokens: list[Token],
    cue: Cue,
    agent: tuple[int, int],
    limit: int,
) -> ClaimDraft | None:
    """'X was quoted by the agency as saying ...': X speaks; the agency only passes it on (it
    stays an actor, as the intermediary of a chain)."""
    text = article.text
    k = agent[1] + 1
    if tokens[cue.first].lower != "quoted" or k + 1 >= len(tokens):
        return None
    if tokens[k].lower != "as" or not tokens[k + 1].lower.endswith("ing"):
        return None
    subject = subject_before(tokens, cue.first)
    if subject is None:
        return None
    found = speakers.resolve(tokens, subject)
    if len(found) != 1:
        return None
    speakers.resolve(tokens, agent)  # the intermediary is an actor all the same
    np_start = tokens[subject[0]].start
    cue_end = tokens[k + 1].end
    content_start = _skip_that(text, cue_end, limit)
    begin = article.content_start(article.sentence_at(np_start) or article.sentences[0])
    if content_start >= limit - 1:  # "The plane was old, he was quoted by X as saying"
        content = (begin, np_start)
        while content[1] > begin and text[content[1] - 1] in " ,":
            content = (begin, content[1] - 1)
    else:
        content = (content_start, limit)
    cue_start = tokens[cue.first].start
    claim = _draft(found[0], text, cue_start, cue_end, np_start, cue_end, *content, "verb")
    if tokens[subject[0]].lower not in lexicon.PRONOUNS:
        claim.subject = (np_start, tokens[subject[1]].end)
    return claim


def _draft(
    speaker: int | None,
    text: str,
    cue_start: int,
    cue_end: int,
    marker_start: int,
    marker_end: int,
    content_start: int,
    content_end: int,
    kind: str,
) -> ClaimDraft:
    start = min(marker_start, cue_start, content_start)
    end = max(marker_end, cue_end, content_end)
    if marker_end - marker_start > 60:
        marker_start, marker_end = cue_start, cue_end  # a long subject: mark the cue alone
    return ClaimDraft(
        speaker=speaker,
        cue=text[cue_start:cue_end],
        cue_start=cue_start,
        cue_end=cue_end,
        start=start,
        end=end,
        content_start=content_start,
        content_end=max(content_start, content_end),
        marker_start=marker_start,
        marker_end=marker_end,
        cue_kind=kind,
    )


def _cue_end(text: str, cue: Token, tokens: list[Token], index: int) -> int:
    """The cue with its channel ('wrote on the Telegram app') or recipient ('told reporters')."""
    match = _CHANNEL.match(text, cue.end)
    if match and match.group("noun") in _CHANNELS:
        following = _CHANNEL_TAIL.match(text, match.end())
        return following.end() if following else match.end()
    if cue.lower in ("told", "tells", "tell", "telling"):
        j = index + 1
        last = cue.end
        taken = 0
        while j < len(tokens) and taken < 4:
            t = tokens[j]
            if not t.is_word or t.lower in lexicon.CLAUSE_BREAKS or t.lower in lexicon.PRONOUNS:
                break
            if t.lower in LEFT_BREAKS:
                break
            last = t.end
            taken += 1
            j += 1
            if not t.is_capitalised and t.lower not in lexicon.DETERMINERS and taken >= 1:
                nxt = tokens[j] if j < len(tokens) else None
                if nxt is None or not (nxt.is_word and nxt.lower in ("media", "press", "news")):
                    break
        return last
    return cue.end


def _skip_that(text: str, start: int, limit: int) -> int:
    match = _THAT.match(text, start, limit)
    return match.end() if match else start


def _extend_over_quote(article: Article, sentence: Sentence, claim: ClaimDraft) -> None:
    """A quotation that began in an earlier sentence belongs to this claim's evidence; one that
    began more than a sentence's length back is not pulled in (an unclosed quotation mark
    would otherwise stretch every claim of its paragraph back to it: quadratic output)."""
    paragraph = article.paragraphs[sentence.paragraph]
    for quote in article.quotes_open_at(paragraph.start, sentence.start):
        if claim.start <= quote.end and sentence.start - quote.start <= LONGEST_SENTENCE:
            claim.start = min(claim.start, quote.start)
            claim.content_start = min(claim.content_start, quote.start)


def _led_in_quote(article: Article, speakers: Speakers, sentence: Sentence) -> ClaimDraft | None:
    """'The union's leader, Maria Costa, gave her verdict on the plan:' then a quotation: the
    quotation is the words of the lead-in's subject (KNOWN-FAILURES 4)."""
    index = sentence.index
    if index == 0:
        return None
    lead = article.sentences[index - 1]
    if article.text[article.content_start(lead) : lead.end].rstrip()[-1:] != ":":
        return None
    subject = speakers.subject(index - 1)
    if subject is None or not isinstance(subject.actor, int):
        return None  # only a known actor: a description that never spoke is not one
    quote = _opening_quote(article, sentence)
    if quote is None:
        return None
    speaker = speakers.accept(subject)
    return ClaimDraft(
        speaker=speaker, cue=None, cue_start=quote[0], cue_end=quote[0], start=quote[0],
        end=quote[1], content_start=quote[0], content_end=quote[1], marker_start=quote[0],
        marker_end=quote[0], cue_kind="continuation",
    )  # fmt: skip


def _opening_quote(article: Article, sentence: Sentence) -> tuple[int, int] | None:
    """The quotation a sentence opens with, when it is most of the sentence."""
    begin = article.content_start(sentence)
    for quote in article.quotes_starting(begin, begin + 2):
        if quote.mark != '"':
            continue
        end = min(quote.end, sentence.end)
        if (end - begin) * 10 < (sentence.end - begin) * 6:
            return None
        return (quote.start, end)
    return None


def _continued_quote(
    article: Article, sentence: Sentence, previous: ClaimDraft
) -> ClaimDraft | None:
    """A sentence that is one quotation, right after a claim, continues that speaker's words."""
    quote = _opening_quote(article, sentence)
    if quote is None:
        return None
    start, end = quote
    return ClaimDraft(
        speaker=previous.speaker, cue=None, cue_start=start, cue_end=start,
        start=start, end=end, content_start=start, content_end=end,
        marker_start=start, marker_end=start, cue_kind="continuation",
    )  # fmt: skip
