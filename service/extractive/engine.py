"""The extractive engine: rules over the Article, no model, milliseconds per article."""

import gc
import hashlib
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from schemas import Actor, Claim, Hedge, Span
from service.article import Article
from service.engine_result import EngineResult
from service.extractive.actors import ActorTable
from service.extractive.attribution import ClaimDraft, find_claims
from service.extractive.hedges import HedgeDraft, find_lexical_hedges
from service.extractive.lexicon import COMMON_CAPITALISED
from service.extractive.names import find_named_actors
from service.extractive.prominence import kept_actors
from service.extractive.summary import lead_summary


@cache
def engine_version() -> str:
    """A hash of the rules' source, so that briefs made by older rules show as stale."""
    digest = hashlib.sha256()
    root = Path(__file__).resolve().parent
    for path in sorted([*root.glob("*.py"), root.parent / "article.py"]):
        digest.update(path.name.encode())
        digest.update(path.read_bytes().replace(b"\r\n", b"\n"))
    return "extractive-" + digest.hexdigest()[:12]


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
    table.infer_genders()
    drafts = find_claims(article, table)
    merged = table.merge_descriptions()
    for draft in drafts:
        if draft.speaker is not None:
            draft.speaker = merged.get(draft.speaker, draft.speaker)
    cue_sentences = {s.index for d in drafts if (s := article.sentence_at(d.cue_start)) is not None}
    lexical = find_lexical_hedges(article, cue_sentences, table.sentence_tokens)
    hedges = lexical + _attribution_markers(article.text, drafts, lexical)
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
        markers.append(HedgeDraft("attribution", draft.marker_start, draft.marker_end))
    return markers


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
    """A hedged statement in the article's own voice is a claim with no speaker."""
    claimed = {s.index for d in drafts if (s := article.sentence_at(d.start)) is not None}
    hedged = {s.index for h in lexical if (s := article.sentence_at(h.start)) is not None}
    found = []
    for sentence in article.body_sentences:
        if sentence.index in claimed or sentence.index not in hedged:
            continue
        begin = article.content_start(sentence)
        end = sentence.end
        while end > begin and article.text[end - 1] in ". ":
            end -= 1
        found.append(
            ClaimDraft(
                speaker=None,
                cue=None,
                cue_start=begin,
                cue_end=begin,
                start=begin,
                end=end,
                content_start=begin,
                content_end=end,
                marker_start=begin,
                marker_end=begin,
                cue_kind="own-voice",
            )
        )
    return found


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
    on a tie). One sweep in start order: claims that start at or before the hedge go into a
    tree keyed by their end, which answers 'the best claim ending at or after the hedge' in
    log time (a scan over the claims before each hedge was quadratic in a run of cues)."""
    if not drafts:
        return [None] * len(hedges)
    ends = sorted({d.end for d in drafts}, reverse=True)
    rank = {end: i for i, end in enumerate(ends)}
    negated = [-end for end in ends]  # ascending, for bisect
    best = _PrefixMin(len(ends))
    by_start = sorted(range(len(drafts)), key=lambda n: drafts[n].start)
    owners: list[int | None] = [None] * len(hedges)
    added = 0
    for h in sorted(range(len(hedges)), key=lambda h: hedges[h].start):
        hedge = hedges[h]
        while added < len(by_start) and drafts[by_start[added]].start <= hedge.start:
            n = by_start[added]
            best.lower(rank[drafts[n].end], (drafts[n].end - drafts[n].start, n))
            added += 1
        found = best.least(bisect_right(negated, -hedge.end) - 1)
        owners[h] = None if found is None else found[1]
    return owners


class _PrefixMin:
    """A Fenwick tree of (length, index) pairs: lower one slot, or ask the least of slots 0..i."""

    def __init__(self, size: int) -> None:
        self._tree: list[tuple[int, int] | None] = [None] * (size + 1)

    def lower(self, slot: int, value: tuple[int, int]) -> None:
        i = slot + 1
        while i < len(self._tree):
            current = self._tree[i]
            if current is None or value < current:
                self._tree[i] = value
            i += i & -i

    def least(self, slot: int) -> tuple[int, int] | None:
        found: tuple[int, int] | None = None
        i = slot + 1
        while i > 0:
            current = self._tree[i]
            if current is not None and (found is None or current < found):
                found = current
            i -= i & -i
        return found


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
    content = re.sub(r",([”\"])$", r"\1", content)  # '... much worse,"' ends the quotation
    return content if content.rstrip("”’\"'")[-1:] in (".", "!", "?") else content + "."


_PARTICIPLES = {"adding": "added", "saying": "said", "noting": "noted", "telling": "told",
                "warning": "warned", "claiming": "claimed", "insisting": "insisted",
                "stating": "stated", "arguing": "argued", "writing": "wrote"}  # fmt: skip


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
