"""Inter-labeller agreement: one labelling of an article scored against another, with the same
matching and the same figures as an engine gets. It is the ceiling no engine can pass: where two
careful people following one guideline disagree, a rule cannot be right against both."""

from pathlib import Path

from schemas import Actor, Brief, Claim, Hedge, Meta
from service.evaluation.gold import GoldArticle, load_gold
from service.evaluation.scoring import ArticleScore, score


def as_brief(labels: GoldArticle) -> Brief:
    """A labelling in the shape of a brief, so that the scorer can read it as a prediction."""
    ids = {id(actor): f"a{n}" for n, actor in enumerate(labels.actors, 1)}
    actors = [
        Actor(id=ids[id(a)], name=a.name, kind=a.kind, aliases=list(a.aliases), mentions=[])
        for a in labels.actors
    ]
    claims = [
        Claim(
            id=f"c{n}",
            statement=claim.evidence.text,
            speaker=ids[id(claim.speaker)] if claim.speaker is not None else None,
            cue=claim.cue,
            evidence=claim.evidence,
        )
        for n, claim in enumerate(labels.claims, 1)
    ]
    hedges = [
        Hedge(id=f"h{n}", kind=hedge.kind, span=hedge.span, claim=None)
        for n, hedge in enumerate(labels.hedges, 1)
    ]
    meta = Meta(engine="extractive", warnings=["a second labelling, not an engine's output"])
    return Brief(summary="", actors=actors, claims=claims, hedges=hedges, meta=meta)


def agreement(first: Path, second: Path) -> list[ArticleScore]:
    """The second labelling of each article in `second` scored against the first (the gold
    of `first`), for the articles both folders label."""
    gold = {article.name: article for article in load_gold(first)}
    return [
        score(gold[other.name], as_brief(other))
        for other in load_gold(second)
        if other.name in gold
    ]
