"""Keep the longest of overlapping finds: shared by mentions and hedges."""

from collections.abc import Iterable
from typing import Protocol, TypeVar


class HasOffsets(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


T = TypeVar("T", bound=HasOffsets)


def longest_without_overlaps(items: Iterable[T]) -> list[T]:
    """Items in text order; where two overlap, the one starting first (then the longer) stays."""
    kept: list[T] = []
    for item in sorted(items, key=lambda i: (i.start, i.start - i.end)):
        if kept and item.start < kept[-1].end:
            continue
        kept.append(item)
    return kept
