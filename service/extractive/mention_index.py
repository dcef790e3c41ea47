"""Actor mentions kept in text order, the longest where two overlap, updated in place as forms
are added: rebuilding the whole list on every new form made a story of many speakers, each
followed by a pronoun that reads the list, quadratic."""

from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass

from service.extractive.overlaps import longest_without_overlaps, text_order


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    actor: int


class MentionIndex:
    """Every occurrence (`raw`) and the ones that stand (`kept`: `longest_without_overlaps` of
    raw), with `starts` for bisection."""

    def __init__(self) -> None:
        self.raw: list[Mention] = []
        self.kept: list[Mention] = []
        self.starts: list[int] = []

    def add(self, new: list[Mention]) -> None:
        """Merge new occurrences in after any equal ones (as `heapq.merge` of raw, then new,
        would), then redo the greedy pass only around each new one: from it until the pass
        agrees again with the old one, whose decisions stand everywhere else."""
        if not new:
            return
        new = sorted(new, key=lambda m: (m.start, m.start - m.end, m.actor))
        for mention in new:
            insort(self.raw, mention, key=text_order)
        raw, old_kept, old_starts = self.raw, self.kept, self.starts
        fresh = {id(m) for m in new}
        kept: list[Mention] = []
        starts: list[int] = []
        last_end: int | None = None  # the new pass's state: where the last kept one ends
        r = 0  # the next old kept mention not yet passed
        for mention in new:
            if id(mention) not in fresh:
                continue  # already passed in the run of an earlier new mention
            # In agreement with the old pass up to here: its decisions stand.
            key = text_order(mention)
            until = bisect_right(old_kept, key, lo=r, key=text_order)
            if until > r:
                kept.extend(old_kept[r:until])
                starts.extend(old_starts[r:until])
                last_end = old_kept[until - 1].end
                r = until
            j = bisect_left(raw, key, key=text_order)
            while raw[j] is not mention:
                j += 1
            while j < len(raw):
                item = raw[j]
                if id(item) in fresh:
                    fresh.discard(id(item))
                else:
                    if last_end == (old_kept[r - 1].end if r > 0 else None):
                        break  # agrees again
                    if r < len(old_kept) and old_kept[r] is item:
                        r += 1
                if last_end is None or item.start >= last_end:
                    kept.append(item)
                    starts.append(item.start)
                    last_end = item.end
                j += 1
        kept.extend(old_kept[r:])
        starts.extend(old_starts[r:])
        self.kept, self.starts = kept, starts

    def remap(self, actors: dict[int, int]) -> None:
        """Give the mentions of some actors to others (descriptions merged into names)."""
        self.raw = [Mention(m.start, m.end, actors.get(m.actor, m.actor)) for m in self.raw]
        self.kept = longest_without_overlaps(self.raw, ordered=True)
        self.starts = [m.start for m in self.kept]
