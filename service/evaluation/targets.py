"""The quality targets of issue 4, judged on the micro-averaged figures of the whole set."""

from collections.abc import Callable
from dataclasses import dataclass

from service.evaluation.scoring import Scores


@dataclass(frozen=True, slots=True)
class Target:
    key: str
    label: str
    threshold: float
    figure: Callable[[Scores], float | None]

    def met(self, scores: Scores) -> bool:
        figure = self.figure(scores)
        return figure is not None and figure >= self.threshold


TARGETS = (
    Target("claims_recall", "claims recall", 0.85, lambda s: s.claims.recall),
    Target(
        "right_speaker_share",
        "claims with the right speaker / gold claims",
        0.75,
        lambda s: s.right_speaker_share,
    ),
    Target("hedges_f1", "hedges F1", 0.85, lambda s: s.hedges.f1),
    Target("actors_f1", "actors F1", 0.80, lambda s: s.actors.f1),
)
