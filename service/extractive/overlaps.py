"""Keep the longest of overlapping finds: shared by mentions and hedges."""

from collections.abc import Iterable
from typing import Protocol, TypeVar


class HasOffsets(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


T = TypeVar("T", bound=HasOffsets)


def text_order(item: HasOffsets) -> tuple[int, int]:
    """Sort key: by start, the longer first."""
    return (item.start, item.start - item.end)


def longest_without_overlaps(items: Iterable[T], *, ordered: bool = False) -> list[T]:
    """Items in text order; where two overlap, the one starting first (then the longer) stays.
    Pass ordered=True when the items are already sorted by `text_order`."""
    kept: list[T] = []
    for item in items if ordered else sorted(items, key=text_order):
        if kept and item.start < kept[-1].end:
            continue
        kept.append(item)
    return kept
