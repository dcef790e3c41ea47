"""Score one predicted Brief against one gold article: pure functions, no I/O.

Matching rules (each one-to-one, as many pairs as possible first):
- actors: their normalised forms (name and aliases) share at least one; more shared forms preferred;
- claims: the evidence spans overlap by at least half the length of the shorter; pairs with the
  right speaker preferred, then larger overlap;
- hedges: the spans share at least one character and the kind is the same; larger overlap preferred.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from schemas import Actor, Brief, Claim, Span
from service.evaluation.assignment import best_pairs
from service.evaluation.gold import GoldActor, GoldArticle, GoldClaim, Split
from service.evaluation.tally import Tally

_STRAIGHT = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"'})
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Scores:
    """The counts of one article, or the micro-averaged sum of several (add them)."""

    actors: Tally = field(default_factory=Tally)
    claims: Tally = field(default_factory=Tally)  # on evidence alone
    speakers: Tally = field(default_factory=Tally)  # claims matched with the right speaker
    hedges: Tally = field(default_factory=Tally)
    spans: int = 0  # predicted spans checked against the article
    ungrounded: int = 0  # of those, spans whose text is not the article's characters
    articles: int = 0

    def __add__(self, other: "Scores") -> "Scores":
        return Scores(
            self.actors + other.actors,
            self.claims + other.claims,
            self.speakers + other.speakers,
            self.hedges + other.hedges,
            self.spans + other.spans,
            self.ungrounded + other.ungrounded,
            self.articles + other.articles,
        )

    @property
    def right_speaker_share(self) -> float | None:
        """Gold claims matched by a claim with the right speaker, over all gold claims."""
        return self.speakers.recall


@dataclass(frozen=True, slots=True)
class ArticleScore:
    name: str
    split: Split
    scores: Scores


def total(scores: Iterable[Scores]) -> Scores:
    return sum(scores, start=Scores())


def normalise(form: str) -> str:
    """A name in comparable form: case-folded, straight quotes, single spaces, no leading 'the'."""
    folded = _SPACES.sub(" ", form.translate(_STRAIGHT).casefold()).strip()
    return folded.removeprefix("the ")


def forms(names: Iterable[str]) -> frozenset[str]:
    return frozenset(f for f in map(normalise, names) if f)


def score(gold: GoldArticle, brief: Brief) -> ArticleScore:
    """How well `brief` finds the actors, claims and hedges of `gold`."""
    spans = brief.spans()
    claims, speakers = _score_claims(gold.claims, brief.claims, brief.actors)
    scores = Scores(
        actors=_score_actors(gold.actors, brief.actors),
        claims=claims,
        speakers=speakers,
        hedges=_score_hedges(gold, brief),
        spans=len(spans),
        ungrounded=sum(gold.text[s.start : s.end] != s.text for s in spans),
        articles=1,
    )
    return ArticleScore(gold.name, gold.split, scores)


def overlap(a: Span, b: Span) -> int:
    """Characters the two spans share."""
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def evidence_matches(gold: Span, predicted: Span) -> bool:
    """The spans overlap by at least half the length of the shorter (and by one character)."""
    shared = overlap(gold, predicted)
    return shared > 0 and 2 * shared >= min(len(gold.text), len(predicted.text))


def _score_actors(gold: Iterable[GoldActor], predicted: Iterable[Actor]) -> Tally:
    gold_forms = [forms(a.forms) for a in gold]
    predicted_forms = [forms([a.name, *a.aliases]) for a in predicted]
    candidates = {
        (g, p): (len(gf & pf),)
        for g, gf in enumerate(gold_forms)
        for p, pf in enumerate(predicted_forms)
        if gf & pf
    }
    pairs = best_pairs(candidates, len(gold_forms), len(predicted_forms))
    return Tally(len(gold_forms), len(predicted_forms), len(pairs))


def _score_claims(
    gold: tuple[GoldClaim, ...], predicted: list[Claim], actors: list[Actor]
) -> tuple[Tally, Tally]:
    """Claims matched on evidence alone, and those matched with the right speaker."""
    by_id = {a.id: forms([a.name, *a.aliases]) for a in actors}

    def right_speaker(g: GoldClaim, p: Claim) -> bool:
        if g.speaker is None or p.speaker is None:
            return g.speaker is None and p.speaker is None
        return bool(forms(g.speaker.forms) & by_id.get(p.speaker, frozenset()))

    candidates = {
        (i, j): (int(right_speaker(g, p)), overlap(g.evidence, p.evidence))
        for i, g in enumerate(gold)
        for j, p in enumerate(predicted)
        if evidence_matches(g.evidence, p.evidence)
    }
    pairs = best_pairs(candidates, len(gold), len(predicted))
    right = sum(candidates[pair][0] for pair in pairs)
    return (
        Tally(len(gold), len(predicted), len(pairs)),
        Tally(len(gold), len(predicted), right),
    )


def _score_hedges(gold: GoldArticle, brief: Brief) -> Tally:
    candidates = {
        (i, j): (shared,)
        for i, g in enumerate(gold.hedges)
        for j, p in enumerate(brief.hedges)
        if g.kind == p.kind and (shared := overlap(g.span, p.span)) > 0
    }
    pairs = best_pairs(candidates, len(gold.hedges), len(brief.hedges))
    return Tally(len(gold.hedges), len(brief.hedges), len(pairs))
