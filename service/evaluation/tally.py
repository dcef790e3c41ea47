"""Counts of gold, predicted and matched items, and the precision, recall and F1 they give."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Tally:
    """Adding tallies micro-averages: the figures of a sum come from the summed counts."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0

    def __add__(self, other: "Tally") -> "Tally":
        return Tally(
            self.gold + other.gold,
            self.predicted + other.predicted,
            self.matched + other.matched,
        )

    @property
    def precision(self) -> float | None:
        """matched / predicted; None when nothing was predicted."""
        return self.matched / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        """matched / gold; None when there is no gold item."""
        return self.matched / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        """The harmonic mean of precision and recall, 2·matched / (gold + predicted): 0 when
        only one side is empty, None when both are."""
        total = self.gold + self.predicted
        return 2 * self.matched / total if total else None

    def as_json(self) -> dict[str, int | float | None]:
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }
