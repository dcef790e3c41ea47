"""From a grounded answer to the public parts of a Brief: ids, spans and links."""

from schemas import Actor, Claim, Hedge, Span
from service.article import Article
from service.engine_result import EngineResult
from service.extractive.summary import lead_summary
from service.llm.ground import Grounded

NO_SUMMARY = "the model's summary did not ground; the article's lead stands in"


def assemble(article: Article, grounded: Grounded, warnings: list[str]) -> EngineResult:
    """Number the grounded actors, claims and hedges, and link each hedge to its claim."""
    actors = [
        Actor(
            id=f"a{n}",
            name=a.name,
            kind=a.kind,
            role=a.role,
            aliases=a.aliases,
            mentions=a.mentions,
        )
        for n, a in enumerate(grounded.actors, 1)
    ]
    hedge_order = sorted(range(len(grounded.hedges)), key=lambda i: grounded.hedges[i].span.start)
    rank = {index: n for n, index in enumerate(hedge_order, 1)}
    hedge_ids = {index: f"h{n}" for index, n in rank.items()}
    claim_order = sorted(
        range(len(grounded.claims)), key=lambda i: grounded.claims[i].evidence.start
    )
    owner: dict[int, str] = {}  # hedge index -> claim id
    claims = []
    for n, index in enumerate(claim_order, 1):
        claim = grounded.claims[index]
        claim_id = f"c{n}"
        linked = []
        for h, hedge in enumerate(grounded.hedges):
            named = any(_overlap(hedge.span, s) for s in claim.hedge_spans)
            inside = (
                claim.evidence.start <= hedge.span.start and hedge.span.end <= claim.evidence.end
            )
            if named or (inside and h not in owner):
                owner.setdefault(h, claim_id)
                linked.append(h)
        claims.append(
            Claim(
                id=claim_id,
                statement=claim.statement,
                speaker=None if claim.speaker is None else f"a{claim.speaker + 1}",
                cue=claim.cue,
                evidence=claim.evidence,
                hedges=[hedge_ids[h] for h in sorted(linked, key=rank.__getitem__)],
            )
        )
    hedges = [
        Hedge(
            id=hedge_ids[index],
            kind=grounded.hedges[index].kind,
            span=grounded.hedges[index].span,
            claim=owner.get(index),
        )
        for index in hedge_order
    ]
    summary = grounded.summary
    if summary is None:
        summary = lead_summary(article)
        warnings = [*warnings, NO_SUMMARY]
    return EngineResult(
        summary=summary, actors=actors, claims=claims, hedges=hedges, warnings=warnings
    )


def _within(inner: Span, outer: Span) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end
