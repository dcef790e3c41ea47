"""The extractive engine: rules over the Article, no model, milliseconds per article."""

import gc
import hashlib
import re
from bisect import bisect_left
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import fields, is_dataclass
from functools import cache
from importlib import import_module

from schemas import Actor, Claim, Hedge, HedgeKind, Span
from service.article import Article
from service.engine_result import EngineResult
from service.extractive import tokens
from service.extractive.actors import ActorTable
from service.extractive.attribution import ClaimDraft, CueMark, find_claims
from service.extractive.genders import infer_genders
from service.extractive.hedges import HedgeDraft, find_lexical_hedges
from service.extractive.lexicon import COMMON_CAPITALISED
from service.extractive.lexicon import verb_class as verb_class_of
from service.extractive.names import find_named_actors
from service.extractive.prominence import kept_actors
from service.extractive.scope import is_labelled
from service.extractive.summary import lead_summary


@cache
def engine_version() -> str:
    """A hash of the rules' names and the lexicon's content, so that briefs made by other rules
    show as stale; a comment or a refactoring that changes neither leaves it as it is."""
    return "extractive-" + hashlib.sha256(version_material().encode()).hexdigest()[:12]


_RULE_MODULES = tuple(
    import_module(f"service.extractive.{name}")
    for name in [
        "lexicon",
        "cues",
        "hedges",
        "attribution",
        "phrases",
        "speakers",
        "speaker_rules",
        "proposals",
        "genders",
        "actors",
        "names",
        "works",
        "locating",
        "prominence",
        "summary",
        "scope",
    ]
)


def version_material() -> str:
    """The rule tables and word lists of every rule module, in a canonical text: what the
    engine version hashes."""
    parts = []
    for module in _RULE_MODULES:
        for name, value in sorted(vars(module).items()):
            if isinstance(value, (frozenset, set, dict, tuple, re.Pattern)) and not name.startswith(
                "__"
            ):
                parts.append(f"{module.__name__}.{name}={_canonical(value)}")
    # The tokenizer decides what a word is ("PG&E" one token); its module also holds a cache
    # that fills as texts are read, so only its pattern is hashed.
    parts.append(f"service.extractive.tokens._SPACED_TOKEN={_canonical(tokens._SPACED_TOKEN)}")
    return "\n".join(parts)


def _canonical(value: object) -> str:
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, re.Pattern):
        return f"re({value.pattern!r},{value.flags})"
    if isinstance(value, (frozenset, set)):
        # most word lists hold only strings: repr them in C (the same text, a tenth of the time)
        words = map(repr, value) if all(type(v) is str for v in value) else map(_canonical, value)
        return "{" + ",".join(sorted(words)) + "}"
    if isinstance(value, dict):
        items = sorted(f"{_canonical(k)}:{_canonical(v)}" for k, v in value.items())
        return "{" + ",".join(items) + "}"
    if isinstance(value, (tuple, list)):
        return "(" + ",".join(_canonical(v) for v in value) + ")"
    if callable(value):
        return f"{getattr(value, '__qualname__', type(value).__name__)}"
    if is_dataclass(value) and not isinstance(value, type):
        fields_ = (f"{f.name}={_canonical(getattr(value, f.name))}" for f in fields(value))
        return f"{type(value).__name__}(" + ",".join(fields_) + ")"
    return repr(value)


def extract(article: Article) -> EngineResult:
    """Fill the brief from the text alone."""
    with _without_cycle_collection():
        return _extract(article)


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """The rules allocate tens of thousands of small objects (tokens, mentions, spans) that form
    no reference cycles and die together; the cycle collector's passes over them find nothing
    and cost up to half the time of a long text. Reference counting still frees everything.
    (Process-wide: a concurrent caller at worst runs its collections a little later.)"""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _extract(article: Article) -> EngineResult:
    table = ActorTable(article)
    find_named_actors(article, table)
    infer_genders(article, table)
    cue_marks: list[CueMark] = []
    drafts = find_claims(article, table, cue_marks)
    merged = table.merge_descriptions()
    for draft in drafts:
        if draft.speaker is not None:
            draft.speaker = merged.get(draft.speaker, draft.speaker)
    cue_sentences = {s.index for d in drafts if (s := article.sentence_at(d.cue_start)) is not None}
    lexical = find_lexical_hedges(article, cue_sentences, table.sentence_tokens)
    hedges = lexical + _attribution_markers(article.text, drafts, lexical)
    hedges += _orphan_cue_hedges(cue_marks, hedges)
    drafts = _distinct(drafts)  # two cues of one speaker over the same words: one claim
    drafts += _own_voice_claims(article, drafts, lexical)
    drafts.sort(key=lambda d: (d.start, d.end))
    hedges.sort(key=lambda h: (h.start, h.end))
    return _assemble(article, table, drafts, hedges)


_TAKES_CREDIT = re.compile(r"\s+(?:responsibility|credit)\b")


def _attribution_markers(
    text: str, drafts: list[ClaimDraft], lexical: list[HedgeDraft]
) -> list[HedgeDraft]:
    """One attribution hedge per cue; `lexical` is sorted and free of overlaps."""
    starts = [h.start for h in lexical]
    markers: list[HedgeDraft] = []
    for draft in drafts:
        if draft.cue is None or (markers and markers[-1].start == draft.marker_start):
            continue  # no cue, or the marker of a co-speaker's claim already counted
        if _TAKES_CREDIT.match(text, draft.cue_end):
            continue  # "claimed responsibility": a claim, but no hedge
        i = bisect_left(starts, draft.cue_end) - 1
        if i >= 0 and lexical[i].end > draft.cue_start:
            continue  # "claimed", "suggested": already a distancing or uncertainty hedge
        markers.append(HedgeDraft(_cue_hedge(draft.cue), draft.marker_start, draft.marker_end))
    return markers


def _orphan_cue_hedges(marks: list[CueMark], hedges: list[HedgeDraft]) -> list[HedgeDraft]:
    """Cues that yielded no claim still mark their words (a hedge of the verb's class), where
    no hedge covers them already: hedges by start, with the furthest end reached so far, so
    each cue asks one bisect."""
    taken = sorted((h.start, h.end) for h in hedges)
    starts = [a for a, _ in taken]
    furthest: list[int] = []
    for _, b in taken:
        furthest.append(max(b, furthest[-1]) if furthest else b)
    found = []
    for m in marks:
        i = bisect_left(starts, m.end) - 1  # the hedges that start before the cue ends
        if i < 0 or furthest[i] <= m.start:
            found.append(HedgeDraft(_cue_hedge(m.cue), m.start, m.end))
    return found


def _cue_hedge(cue: str) -> HedgeKind:
    """What a cue marks: attribution, unless its verb's class says more ("fears": uncertainty)."""
    words = cue.lower().split()
    verb_class = next((c for w in words if (c := verb_class_of(w)) is not None), None)
    return "attribution" if verb_class is None else verb_class.hedge


def _distinct(drafts: list[ClaimDraft]) -> list[ClaimDraft]:
    seen: set[tuple[int | None, int, int]] = set()
    kept = []
    for draft in drafts:
        key = (draft.speaker, draft.start, draft.end)
        if key not in seen:
            seen.add(key)
            kept.append(draft)
    return kept


def _own_voice_claims(
    article: Article, drafts: list[ClaimDraft], lexical: list[HedgeDraft]
) -> list[ClaimDraft]:
    """A hedged statement in the article's own voice is a claim with no speaker, also when an
    attributed claim shares its sentence ('Allegedly, the driver fled, but police said ...')."""
    by_sentence: dict[int, list[ClaimDraft]] = {}
    for d in drafts:
        if (s := article.sentence_at(d.start)) is not None:
            by_sentence.setdefault(s.index, []).append(d)
    found: list[ClaimDraft] = []
    latest: ClaimDraft | None = None  # the last own-voice claim made; hedges come in text order
    for hedge in lexical:
        sentence = article.sentence_at(hedge.start)
        if sentence is None or not is_labelled(article, sentence):
            continue
        claims = by_sentence.get(sentence.index, [])
        if latest is not None and latest.start <= hedge.start and hedge.end <= latest.end:
            continue  # the hedge qualifies the own-voice claim just made
        if any(d.start <= hedge.start and hedge.end <= d.end for d in claims):
            continue  # the hedge qualifies a claim already listed
        begin = max(
            [article.content_start(sentence)] + [d.end for d in claims if d.end <= hedge.start]
        )
        end = min([sentence.end] + [d.start for d in claims if d.start >= hedge.end])
        begin, end = _clause_of(article.text, begin, end)
        if end - begin < 12 or any(d.start < end and begin < d.end for d in claims):
            continue
        latest = _own_voice(begin, end)
        found.append(latest)
    return found


_LEADING_JOINS = re.compile(
    r"^[\s,;:—–-]*(?:(?:but|and|while|whereas|although|though)\b)?\s*", re.I
)
_TRAILING_JOINS = re.compile(
    r"[\s,;:—–-]*(?:\b(?:but|and|while|whereas|although|though))?[\s,;:.—–-]*$", re.I
)


def _clause_of(text: str, begin: int, end: int) -> tuple[int, int]:
    """The words between begin and end without the joining words and marks at their edges."""
    lead = _LEADING_JOINS.match(text, begin, end)
    if lead is not None:
        begin = lead.end()
    trail = _TRAILING_JOINS.search(text, begin, end)
    if trail is not None:
        end = trail.start()
    return begin, max(begin, end)


def _own_voice(begin: int, end: int) -> ClaimDraft:
    return ClaimDraft(
        speaker=None, cue=None, cue_start=begin, cue_end=begin, start=begin, end=end,
        content_start=begin, content_end=end, marker_start=begin, marker_end=begin,
        cue_kind="own-voice",
    )  # fmt: skip


def _assemble(
    article: Article, table: ActorTable, drafts: list[ClaimDraft], hedges: list[HedgeDraft]
) -> EngineResult:
    mentions = table.mentions()
    mentions_of: dict[int, list[Span]] = {}
    for m in mentions:
        mentions_of.setdefault(m.actor, []).append(article.span(m.start, m.end))
    speakers = {d.speaker for d in drafts if d.speaker is not None}
    first_seen: dict[int, int] = {}
    for mention in mentions:
        first_seen.setdefault(mention.actor, mention.start)
    kept = kept_actors(article, table.actors, mentions, speakers)
    kept.sort(key=lambda i: first_seen.get(i, table.actors[i].first))
    actor_ids = {index: f"a{n}" for n, index in enumerate(kept, 1)}
    actors = [
        Actor(
            id=actor_ids[i],
            name=table.actors[i].name,
            kind=table.actors[i].kind,
            role=table.actors[i].role,
            aliases=sorted(f for f in table.actors[i].forms if f != table.actors[i].name),
            mentions=mentions_of.get(i, []),
        )
        for i in kept
    ]
    claim_ids = [f"c{n}" for n in range(1, len(drafts) + 1)]
    hedge_claims = _owning_claims(hedges, drafts)
    hedge_list = [
        Hedge(
            id=f"h{n}",
            kind=h.kind,
            span=article.span(h.start, h.end),
            claim=None if owner is None else claim_ids[owner],
        )
        for n, (h, owner) in enumerate(zip(hedges, hedge_claims, strict=True), 1)
    ]
    # Speakers the article names with "the" ("the Russian defence ministry said") keep it.
    definite = {
        d.speaker
        for d in drafts
        if d.subject is not None and article.text[d.subject[0] : d.subject[0] + 4].lower() == "the "
    }
    hedges_of: dict[int, list[str]] = {}
    for hedge, owner in zip(hedge_list, hedge_claims, strict=True):
        if owner is not None:
            hedges_of.setdefault(owner, []).append(hedge.id)
    claims = [
        Claim(
            id=claim_ids[n],
            statement=_statement(
                article.text,
                d,
                None if d.speaker is None else table.actors[d.speaker].name,
                d.speaker in definite,
            ),
            speaker=None if d.speaker is None else actor_ids[d.speaker],
            cue=d.cue,
            evidence=article.span(d.start, d.end),
            hedges=hedges_of.get(n, []),
        )
        for n, d in enumerate(drafts)
    ]
    return EngineResult(
        summary=lead_summary(article), actors=actors, claims=claims, hedges=hedge_list
    )


def _owning_claims(hedges: list[HedgeDraft], drafts: list[ClaimDraft]) -> list[int | None]:
    """For each hedge, the claim with the shortest evidence containing it (the first such claim
    on a tie). Hedges are taken by start; claims that start at or before a hedge go into a
    suffix-minimum tree over their ends, so each hedge asks for the shortest claim ending at or
    after its own end: n log n, however long the claims (one sentence of thousands of cues)."""
    ends = sorted({d.end for d in drafts})
    size = len(ends)
    tree: list[tuple[int, int] | None] = [None] * (size + 1)

    def insert(n: int) -> None:
        # position counted from the right, so that a prefix of the tree is a suffix of ends
        i = size - bisect_left(ends, drafts[n].end)
        key = (drafts[n].end - drafts[n].start, n)
        while i <= size:
            current = tree[i]
            if current is None or key < current:
                tree[i] = key
            i += i & -i

    def shortest_ending_after(end: int) -> int | None:
        i = size - bisect_left(ends, end)
        best: tuple[int, int] | None = None
        while i > 0:
            current = tree[i]
            if current is not None and (best is None or current < best):
                best = current
            i -= i & -i
        return None if best is None else best[1]

    by_start = sorted(range(len(drafts)), key=lambda n: drafts[n].start)
    owners: list[int | None] = [None] * len(hedges)
    added = 0
    for h in sorted(range(len(hedges)), key=lambda h: hedges[h].start):
        while added < len(by_start) and drafts[by_start[added]].start <= hedges[h].start:
            insert(by_start[added])
            added += 1
        owners[h] = shortest_ending_after(hedges[h].end)
    return owners


def _statement(text: str, draft: ClaimDraft, speaker: str | None, definite: bool) -> str:
    """The claim as one readable sentence: who said what, in the article's words."""
    content = " ".join(text[draft.content_start : draft.content_end].split())
    content = _balanced_quotes(content.strip(" ,;:—–-")).strip(" ,;:—–-")
    if content.lower().startswith("that "):
        content = content[5:]
    if not content:
        content = " ".join(text[draft.start : draft.end].split())
    if speaker and draft.cue:
        if draft.cue_kind in ("according", "citing"):
            source = " ".join(text[draft.cue_end : draft.marker_end].split())
            if draft.content_start <= draft.cue_start < draft.content_end:
                return _sentence(content)  # the cue sits inside the content already
            content = f"{draft.cue[0].upper()}{draft.cue[1:]} {source}, {content}"
        else:
            who = f"The {speaker}" if definite or speaker[:1].islower() else speaker
            content = f"{who} {_finite(draft.cue)} {_lower_first(content)}"
    return _sentence(content)


def _sentence(content: str) -> str:
    content = content[0].upper() + content[1:]
    # '... much worse,"' ends the quotation. (What re.sub(r',([”"])$', ...) did: the content
    # ends in words joined by single spaces, so "$" could only match at its very end.)
    if content.endswith((',"', ",”")):
        content = content[:-2] + content[-1]
    return content if content.rstrip("”’\"'")[-1:] in (".", "!", "?") else content + "."


_PARTICIPLES = {"adding": "added", "saying": "said", "noting": "noted", "telling": "told",
                "warning": "warned", "claiming": "claimed", "insisting": "insisted",
                "stating": "stated", "arguing": "argued", "writing": "wrote",
                "citing": "cited"}  # fmt: skip


def _lower_first(content: str) -> str:
    """'said The bridge ...' reads 'said the bridge ...'; names keep their capital."""
    first, _, rest = content.partition(" ")
    if first in COMMON_CAPITALISED and first not in ("I", "I'm", "I’m"):
        return f"{first.lower()} {rest}".rstrip()
    return content


def _finite(cue: str) -> str:
    """'adding' reads as 'added' once the speaker is named in front of it."""
    words = cue.split()
    words[0] = _PARTICIPLES.get(words[0].lower(), words[0])
    return " ".join(words)


def _balanced_quotes(content: str) -> str:
    """Keep quotation marks only when they pair up inside the extract."""
    opening = sum(content.count(q) for q in "“‘")
    closing = sum(content.count(q) for q in "”")
    straight = content.count('"')
    if opening == closing and straight % 2 == 0:
        return content
    return content.translate(_NO_DOUBLE_MARKS).strip()


_NO_DOUBLE_MARKS = str.maketrans("", "", '“”"')
