"""Attribution: who said what. Finds reporting cues, their speakers and the words they carry."""

import re
from dataclasses import dataclass

from schemas import ActorKind
from service.article import Article, Sentence
from service.extractive import lexicon as lx
from service.extractive.actors import ActorTable
from service.extractive.tokens import Token

_BE = frozenset(["is", "are", "was", "were", "be", "been", "being"])
_NOUN_MARKERS = frozenset(
    [
        "the",
        "a",
        "an",
        "some",
        "media",
        "news",
        "these",
        "those",
        "his",
        "her",
        "its",
        "their",
        "our",
        "such",
        "local",
        "early",
        "unconfirmed",
        "several",
        "many",
        "conflicting",
        "initial",
        "press",
        "this",
        "that",
    ]
)
_LEFT_BREAKS = frozenset(
    [
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "when",
        "while",
        "because",
        "as",
        "if",
        "after",
        "before",
        "since",
        "but",
        "so",
        "where",
        "although",
        "though",
        "whether",
        "unless",
        "until",
        "than",
        "once",
    ]
)
_PREPOSITION_CUTS = frozenset(
    ["in", "at", "on", "near", "across", "during", "with", "for", "from", "within", "among"]
)
_KEEP_PP_HEADS = lx.PERSON_HEADS | frozenset(["source", "sources"])
_CLOSING = "”\"’'»"
_PASSIVE = re.compile(
    r"\b(?:(?:it|this) (?:was|is|has been|had been) (?:reported|claimed|alleged|said|announced|"
    r"understood|learned|learnt)|(?:were|was|are|is|have been|has been) (?:reportedly )?"
    r"reported)\b",
    re.IGNORECASE,
)
_CHANNEL = re.compile(
    r"\s+(?:on|in|via|during|at|through)\s+(?:(?:the|a|an|his|her|its|their)\s+)?"
    r"(?:[\w’'-]+\s+){0,2}?(?P<noun>[\w-]+)\b"
)
_THAT = re.compile(r"\s*(?:that\s+|:\s*)?")
# Verbs that invert after a quotation or clause: '..., said the ministry', '"...," added Smith'.
_INVERTING = frozenset(
    [
        "said",
        "says",
        "added",
        "adds",
        "wrote",
        "writes",
        "asked",
        "asks",
        "explained",
        "explains",
        "noted",
        "notes",
        "continued",
        "recalled",
        "stressed",
        "insisted",
        "warned",
        "concluded",
        "replied",
        "responded",
        "told",
    ]
)


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


@dataclass(frozen=True, slots=True)
class _Cue:
    index: int  # token index of the (last) cue word
    first: int  # token index of the first cue word
    kind: str  # verb | according | citing | passive


def find_claims(article: Article, table: ActorTable) -> list[ClaimDraft]:
    """Every attributed claim in the body, in text order."""
    claims: list[ClaimDraft] = []
    previous: ClaimDraft | None = None
    for sentence in article.body_sentences:
        found = _sentence_claims(article, table, sentence)
        if not found and previous is not None:
            continued = _continued_quote(article, sentence, previous)
            found = [continued] if continued else []
        claims.extend(found)
        previous = found[-1] if found else None
    return claims


def _sentence_claims(article: Article, table: ActorTable, sentence: Sentence) -> list[ClaimDraft]:
    text = article.text
    begin = article.content_start(sentence)
    end = _trim_end(text, begin, sentence.end)
    tokens = [t for t in table.sentence_tokens(sentence) if t.end <= end]
    cues = _find_cues(text, tokens, begin, end)
    claims: list[ClaimDraft] = []
    for n, cue in enumerate(cues):
        limit = end
        if n + 1 < len(cues):
            nxt = cues[n + 1]
            if nxt.first > 0 and tokens[nxt.first - 1].text == ",":
                limit = tokens[nxt.first - 1].start
        claim = _claim_for(article, table, tokens, cue, begin, limit, end, claims)
        if claim is not None:
            claims.append(claim)
    for claim in claims:
        _extend_over_quote(article, sentence, claim)
    return claims


def _trim_end(text: str, begin: int, end: int) -> int:
    """Drop the sentence's closing period (but not a closing quote mark)."""
    while end > begin and (text[end - 1].isspace() or text[end - 1] in ".;"):
        end -= 1
    return end


def _find_cues(text: str, tokens: list[Token], begin: int, end: int) -> list[_Cue]:
    cues: list[_Cue] = []
    passive_spans = [(m.start(), m.end()) for m in _PASSIVE.finditer(text, begin, end)]
    for i, token in enumerate(tokens):
        low = token.lower
        if any(a <= token.start < b for a, b in passive_spans):
            if token.end in [b for _, b in passive_spans]:
                first = next(
                    k for k, t in enumerate(tokens) if t.start in [a for a, _ in passive_spans]
                )
                cues.append(_Cue(i, first, "passive"))
            continue
        if low == "according" and i + 1 < len(tokens) and tokens[i + 1].lower == "to":
            cues.append(_Cue(i + 1, i, "according"))
        elif low in ("citing", "quoting"):
            cues.append(_Cue(i, i, "citing"))
        elif (low in lx.REPORTING_VERBS or low in lx.SOURCE_ONLY_VERBS) and not (
            token.is_capitalised
        ):
            prev = tokens[i - 1].lower if i > 0 else ""
            if prev in _BE or prev in _NOUN_MARKERS or (token.is_capitalised and i == 0):
                continue
            cues.append(_Cue(i, i, "verb"))
    return cues


def _claim_for(
    article: Article,
    table: ActorTable,
    tokens: list[Token],
    cue: _Cue,
    begin: int,
    limit: int,
    end: int,
    earlier: list[ClaimDraft],
) -> ClaimDraft | None:
    text = article.text
    cue_token = tokens[cue.index]
    cue_start, cue_end = tokens[cue.first].start, cue_token.end
    if cue.kind == "passive":
        return _draft(None, text, cue_start, cue_end, cue_start, cue_end, cue_end, limit, "passive")
    if cue.kind in ("according", "citing"):
        np = _noun_phrase_after(tokens, cue.index + 1)
        if np is None:
            return None
        speaker = _resolve(article, table, tokens, np)
        if speaker is None:
            return None
        np_end = tokens[np[1]].end
        before = text[begin:cue_start].rstrip(" ,")
        after_start = np_end + (len(text[np_end:limit]) - len(text[np_end:limit].lstrip(" ,")))
        if len(text[after_start:limit].split()) >= 2:
            # "According to X, content" or "content, according to X, more content"
            content = (begin, limit) if len(before.split()) >= 2 else (after_start, limit)
        else:
            content = (begin, begin + len(before))  # "content, according to X"
        return _draft(speaker, text, cue_start, cue_end, cue_start, np_end, *content, cue.kind)

    verb = cue_token.lower
    if _negated(tokens, cue.index):
        return None  # "officials have not said why": no claim was made
    if cue.index + 1 < len(tokens) and tokens[cue.index + 1].lower == "to" and verb != "told":
        return None  # "reported to be", "said to have": hearsay, not someone's claim
    post = None
    if verb in _INVERTING and verb not in ("told", "tells"):
        post = _post_posed_subject(text, tokens, cue.index)
    if post is not None:
        speaker = _resolve(article, table, tokens, post)
        if speaker is None:
            return None
        np_end = tokens[post[1]].end
        content_end = tokens[cue.index - 1].start
        rest = text[np_end:end]
        if any(q in rest for q in '“"') and end > np_end:
            content_end = end
        return _draft(
            speaker, text, cue_start, _cue_end(text, cue_token, tokens, cue.index),
            cue_start, np_end, begin, content_end, "verb",
        )  # fmt: skip

    subject = _subject_before(tokens, cue.index)
    if subject is None:
        if verb.endswith("ing") and earlier:
            speaker = earlier[-1].speaker
            full_cue_end = _cue_end(text, cue_token, tokens, cue.index)
            content_start = _skip_that(text, full_cue_end, limit)
            return _draft(
                speaker, text, cue_start, full_cue_end, cue_start, full_cue_end,
                content_start, limit, "verb",
            )  # fmt: skip
        return None
    source_only = verb in lx.SOURCE_ONLY_VERBS and verb not in lx.REPORTING_VERBS
    if source_only and tokens[subject[1]].lower not in lx.SOURCE_NOUNS:
        return None
    speaker = _resolve(article, table, tokens, subject)
    if speaker is None:
        return None
    np_start = tokens[subject[0]].start
    marker_start = _name_start(table, speaker, text, np_start, tokens[subject[1]].end)
    full_cue_end = _cue_end(text, cue_token, tokens, cue.index)
    content_start = _skip_that(text, full_cue_end, limit)
    if content_start >= limit - 1:
        # "..., the ministry said": the content stands before the attribution.
        content_end = np_start
        while content_end > begin and text[content_end - 1] in " ,":
            content_end -= 1
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
    return claim


def _name_start(table: ActorTable, speaker: int, text: str, start: int, end: int) -> int:
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
    if match and match.group("noun") in lx.CHANNEL_NOUNS | {n.lower() for n in lx.CHANNEL_NOUNS}:
        tail = match.end()
        following = re.match(r"\s+(?:app|channel|account|page|feed)\b", text[tail:])
        return tail + (following.end() if following else 0)
    if cue.lower in ("told", "tells", "tell", "telling"):
        j = index + 1
        last = cue.end
        taken = 0
        while j < len(tokens) and taken < 4:
            t = tokens[j]
            if not t.is_word or t.lower in lx.CLAUSE_BREAKS or t.lower in lx.PRONOUNS:
                break
            if t.lower in _LEFT_BREAKS:
                break
            last = t.end
            taken += 1
            j += 1
            if not t.is_capitalised and t.lower not in lx.DETERMINERS and taken >= 1:
                nxt = tokens[j] if j < len(tokens) else None
                if nxt is None or not (nxt.is_word and nxt.lower in ("media", "press", "news")):
                    break
        return last
    return cue.end


def _skip_that(text: str, start: int, limit: int) -> int:
    match = _THAT.match(text, start, limit)
    return match.end() if match else start


_NEGATIONS = frozenset({"not", "never", "n't", "no", "nor", "neither"})
_LY_NOUNS = frozenset(
    {"family", "assembly", "ally", "rally", "supply", "monopoly", "anomaly", "folly", "italy"}
)


def _negated(tokens: list[Token], v: int) -> bool:
    """A negation among the words just before the verb ('has not said', 'never confirmed');
    'no longer says' is no negation of the saying."""
    k = v - 1
    while k >= 0 and v - k <= 3 and _is_prefix(tokens[k]):
        if tokens[k].lower in _NEGATIONS or tokens[k].lower.endswith("n't"):
            return not (tokens[k].lower == "no" and tokens[k + 1].lower == "longer")
        k -= 1
    return False


def _is_prefix(token: Token) -> bool:
    """Auxiliaries and adverbs between a subject and its verb: 'had earlier', 'successfully'."""
    low = token.lower
    if low in lx.VERB_PREFIXES or low.endswith("n't"):
        return True
    return low.endswith("ly") and not token.is_capitalised and low not in _LY_NOUNS


def _subject_before(tokens: list[Token], v: int) -> tuple[int, int] | None:
    """Token range of the subject before a reporting verb, or None."""
    k = v - 1
    while k >= 0 and _is_prefix(tokens[k]):
        k -= 1
    if k < 0:
        return None
    if tokens[k].lower == "to":
        # "went on to say", "continued to say": the subject stands before; else an infinitive
        j = k - 1
        if j >= 0 and tokens[j].lower == "on":
            j -= 1
        if j < 0 or tokens[j].lower not in ("went", "goes", "go", "continued", "continues"):
            return None
        k = j - 1
        while k >= 0 and _is_prefix(tokens[k]):
            k -= 1
        if k < 0:
            return None
    if tokens[k].lower in lx.PRONOUNS:
        return (k, k)
    if tokens[k].text == ",":
        before_comma = _skip_apposition(tokens, k)
        if before_comma is None:
            return None
        k = before_comma
    if not tokens[k].is_word and tokens[k].text != ")":
        return None
    b = k
    while b - 1 >= 0 and k - b < 12:
        t = tokens[b - 1]
        if t.text in "()" or (t.is_word and t.lower not in _LEFT_BREAKS and t.lower not in _BE):
            if t.lower == "and" and not _coordinates(tokens, b - 1):
                break
            if t.lower in ("to", "by", "not", "had", "has", "have", "will", "would"):
                break
            if not t.is_capitalised and (t.lower in lx.REPORTING_VERBS or t.lower == "citing"):
                break
            b -= 1
            continue
        break
    start = _cut_to_noun_phrase(tokens, b, k)
    if start is None:
        return None
    return _cut_prepositions(tokens, start, k)


def _skip_apposition(tokens: list[Token], comma: int) -> int | None:
    """'Sharif Hotak, of the provincial council, described': step over ', of ... ,'."""
    j = comma - 1
    while j >= 0 and tokens[j].text != ",":
        if tokens[j].text in '.;:“”"':
            return None
        j -= 1
    if comma - j < 2:
        return None
    first = tokens[j + 1]
    if first.lower in ("of", "a", "an", "the", "who", "which") or first.text.isdigit():
        before = tokens[j - 1]
        if before.is_word and before.is_capitalised:
            return j - 1
        return None
    if (first.is_capitalised and tokens[comma - 1].is_word) or tokens[comma - 1].text == ")":
        return comma - 1  # "Director X of Y, announced": a subject set off by a stray comma
    return None


def _coordinates(tokens: list[Token], i: int) -> bool:
    left = tokens[i - 1] if i > 0 else None
    right = tokens[i + 1] if i + 1 < len(tokens) else None
    if left is None or right is None:
        return False
    left_ok = left.is_capitalised or left.text == ")" or left.lower in lx.ORG_HEADS
    return left_ok and (right.is_capitalised or right.lower == "the")


def _cut_to_noun_phrase(tokens: list[Token], b: int, k: int) -> int | None:
    """Start the phrase at its determiner or first capitalised word, not at stray words."""
    for i in range(k, b, -1):
        prev = tokens[i - 1]
        if (
            tokens[i].lower in ("the", "a", "an")
            and prev.is_word
            and prev.lower not in (lx.DETERMINERS | _PREPOSITION_CUTS | {"of", "and"})
        ):
            b = i
            break
    for i in range(b, k + 1):
        t = tokens[i]
        if t.lower in lx.DETERMINERS or t.is_capitalised or t.lower in lx.ROLE_WORDS:
            return i
        if t.lower in lx.GROUP_HEADS | lx.ORG_HEADS | lx.PERSON_HEADS | lx.OTHER_HEADS:
            return i
    return None


def _cut_prepositions(tokens: list[Token], b: int, k: int) -> tuple[int, int]:
    for i in range(b + 1, k + 1):
        low = tokens[i].lower
        if low in _PREPOSITION_CUTS or (low == "of" and not _keeps_of(tokens, i)):
            head = tokens[i - 1].lower
            if head in _KEEP_PP_HEADS and low in ("from", "within", "at", "for", "of"):
                return (b, k)
            return (b, i - 1)
    return (b, k)


def _keeps_of(tokens: list[Token], i: int) -> bool:
    left = tokens[i - 1]
    return left.is_capitalised or left.lower in lx.ROLE_WORDS or left.lower in _KEEP_PP_HEADS


def _post_posed_subject(text: str, tokens: list[Token], v: int) -> tuple[int, int] | None:
    """'..., said the ministry' or '...," said Smith': the subject after the verb."""
    if v == 0 or v + 1 >= len(tokens):
        return None
    before = text[tokens[v - 1].start : tokens[v].start].strip()
    if not (before.endswith((",", ",”")) or before[-1:] in _CLOSING):
        return None
    first = tokens[v + 1]
    if not first.is_word or not (
        first.is_capitalised or first.lower in ("the", "a", "an") or first.lower in lx.ROLE_WORDS
    ):
        return None
    return _noun_phrase_after(tokens, v + 1)


def _noun_phrase_after(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """The noun phrase starting at token i, ending at its head noun or name."""
    last_head: int | None = None
    if i >= len(tokens) or not _can_open_phrase(tokens[i]):
        return None
    j = i
    while j < len(tokens) and j - i < 9:
        t = tokens[j]
        if not t.is_word and t.text not in "()":
            break
        low = t.lower
        if low in _PREPOSITION_CUTS or low in _LEFT_BREAKS or low in _BE:
            break
        if low == "of" and last_head is not None and not _keeps_of(tokens, j):
            break
        if (
            t.is_capitalised
            or low in lx.GROUP_HEADS | lx.ORG_HEADS | lx.PERSON_HEADS
            or low in lx.OTHER_HEADS
            or low in lx.SOURCE_NOUNS
        ):
            last_head = j
        elif low in lx.PRONOUNS and j == i:
            return (j, j)
        elif low not in lx.DETERMINERS and low != "of" and last_head is not None:
            break
        j += 1
    if last_head is None:
        return None
    if tokens[last_head].text == "(":
        last_head -= 1
    return (i, last_head)


def _can_open_phrase(token: Token) -> bool:
    low = token.lower
    return token.is_word and (
        token.is_capitalised
        or low in lx.DETERMINERS
        or low in lx.PRONOUNS
        or low in lx.GROUP_HEADS | lx.ORG_HEADS | lx.PERSON_HEADS | lx.OTHER_HEADS
        or low in lx.SOURCE_NOUNS
    )


_PRONOUN_KINDS: dict[str, tuple[ActorKind, ...]] = {
    "he": ("person",),
    "she": ("person",),
    "it": ("organization", "country", "other", "location"),
    "they": ("group", "organization", "country", "person"),
}
_PRONOUN_GENDER = {"he": "m", "she": "f"}


def _resolve(
    article: Article, table: ActorTable, tokens: list[Token], span: tuple[int, int]
) -> int | None:
    """The actor a subject phrase names, creating a descriptive actor when it is new."""
    text = article.text
    first, last = tokens[span[0]], tokens[span[1]]
    phrase = text[first.start : last.end]
    if span[0] == span[1] and first.lower in lx.PRONOUNS:
        kinds = _PRONOUN_KINDS.get(first.lower)
        if kinds is None:
            return None
        if first.lower == "they":
            group = table.latest(first.start, ("group",))
            if group is not None and first.start - table.actors[group].first < 400:
                return group
        return table.latest(first.start, kinds, _PRONOUN_GENDER.get(first.lower))
    phrase = phrase[:-2] if last.possessive else phrase
    parts = re.split(r"\s+and\s+", phrase) if re.search(r"\band\b", phrase) else [phrase]
    speaker: int | None = None
    offset = first.start
    for part in parts[:1]:
        speaker = _resolve_one(article, table, part, offset)
    return speaker


def _resolve_one(article: Article, table: ActorTable, phrase: str, start: int) -> int | None:
    words = phrase.split()
    if not words:
        return None
    core = re.split(r"\s(?:of|in|at|from|for|with|within|on)\s", phrase, maxsplit=1)[0]
    known = table.find_in(core)
    if known is None:
        known = table.find_in(phrase)
    head = _head_noun(words)
    descriptive = head in lx.PERSON_HEADS | lx.GROUP_HEADS | lx.OTHER_HEADS | {"source"}
    if known is not None and descriptive:
        first_word = next((w for w in words if w.lower() not in lx.DETERMINERS), "")
        if first_word.lower() == head:
            known = None
    if known is not None:
        forms = table.actors[known].forms
        if any(phrase.rstrip(")").endswith(f) or phrase.endswith(f"({f})") for f in forms):
            _mark_speaker(table, known)
            return known
        if head not in lx.ORG_HEADS | lx.GROUP_HEADS | lx.PERSON_HEADS | lx.OTHER_HEADS:
            _mark_speaker(table, known)
            return known
    if len(words) <= 2 and words[0].lower() in ("the", "this", "that"):
        found = table.by_head(head, start)
        if found is not None:
            table.add_alias(found, phrase)
            table.actors[found].speaks = True
            return found
    if all(w in lx.WEEKDAYS_MONTHS or w in lx.COMMON_CAPITALISED for w in words):
        return None
    kind = _kind_of_head(head, words)
    name = phrase
    if words[0] in ("the", "The", "a", "A", "an", "An"):
        name = " ".join(words[1:])
    if not name:
        return None
    index = table.add(name, kind, start)
    if name != phrase:
        table.add_alias(index, phrase) if words[0].lower() != "the" else None
    table.actors[index].speaks = True
    return index


def _mark_speaker(table: ActorTable, index: int) -> None:
    """A speaker named by two or three capitalised words, of no other kind, is a person."""
    actor = table.actors[index]
    actor.speaks = True
    if actor.kind == "other" and 2 <= len(actor.name.split()) <= 3:
        actor.kind = "person"


def _head_noun(words: list[str]) -> str:
    """'head of the police's investigators' -> 'head'; 'the ministry' -> 'ministry'."""
    for i, word in enumerate(words[1:], 1):
        if word.lower() in _PREPOSITION_CUTS or word.lower() == "of":
            return words[i - 1].strip("()").lower()
    return words[-1].strip("()").lower()


def _kind_of_head(head: str, words: list[str]) -> ActorKind:
    if head in lx.PERSON_HEADS:
        return "person"
    if head in lx.GROUP_HEADS:
        return "group"
    if head in lx.ORG_HEADS:
        return "organization"
    if head in lx.OTHER_HEADS:
        return "other"
    capitalised = [w for w in words if w[:1].isupper() and w.lower() not in lx.DETERMINERS]
    if " ".join(capitalised) in lx.COUNTRIES:
        return "country"
    if len(capitalised) >= 2:
        return "person"
    return "organization" if capitalised else "group"


def _extend_over_quote(article: Article, sentence: Sentence, claim: ClaimDraft) -> None:
    """A quotation that began in an earlier sentence belongs to this claim's evidence."""
    for quote in article.quotes:
        if quote.start < sentence.start < quote.end and claim.start <= quote.end:
            claim.start = min(claim.start, quote.start)
            claim.content_start = min(claim.content_start, quote.start)


def _continued_quote(
    article: Article, sentence: Sentence, previous: ClaimDraft
) -> ClaimDraft | None:
    """A sentence that is one quotation, right after a claim, continues that speaker's words."""
    begin = article.content_start(sentence)
    for quote in article.quotes:
        if quote.mark != '"' or not (begin <= quote.start <= begin + 1):
            continue
        end = min(quote.end, sentence.end)
        if (end - begin) * 10 < (sentence.end - begin) * 6:
            return None
        return ClaimDraft(
            speaker=previous.speaker, cue=None, cue_start=quote.start, cue_end=quote.start,
            start=quote.start, end=end, content_start=quote.start, content_end=end,
            marker_start=quote.start, marker_end=quote.start, cue_kind="continuation",
        )  # fmt: skip
    return None
