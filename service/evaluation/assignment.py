"""One-to-one matching of gold and predicted items: as many pairs as possible, then the best.

Greedy pairing can lose matches (the best partner of one gold item may be the only partner of
another), so this solves the assignment problem exactly (Hungarian method, O(n²m)).
"""

from collections.abc import Mapping, Sequence

Pair = tuple[int, int]


def best_pairs(candidates: Mapping[Pair, Sequence[int]], rows: int, cols: int) -> list[Pair]:
    """A one-to-one choice among the candidate (row, column) pairs: the most pairs, then the
    largest sum of each pair's first preference, then of its second, and so on. Preferences are
    non-negative integers, the same number for every pair. The result is sorted."""
    if not candidates:
        return []
    weights = [[0] * cols for _ in range(rows)]
    for (r, c), weight in _lexicographic(candidates, min(rows, cols)).items():
        weights[r][c] = weight
    if rows > cols:
        transposed = [[weights[r][c] for r in range(rows)] for c in range(cols)]
        return sorted((r, c) for c, r in _max_weight(transposed))
    return sorted(_max_weight(weights))


def _lexicographic(candidates: Mapping[Pair, Sequence[int]], most: int) -> dict[Pair, int]:
    """One integer per pair whose sums over any `most` pairs order like (count, preferences...)."""
    depth = len(next(iter(candidates.values())))
    encoded = dict.fromkeys(candidates, 0)
    for level in reversed(range(-1, depth)):
        scale = most * max(encoded.values()) + 1  # beats the lower levels of any whole matching
        for pair, prefs in candidates.items():
            encoded[pair] += scale * (prefs[level] if level >= 0 else 1)
    return encoded


def _max_weight(weights: list[list[int]]) -> list[Pair]:
    """Pairs of positive weight with the largest total, for a matrix with rows <= columns."""
    rows, cols = len(weights), len(weights[0])
    top = max(max(row) for row in weights)
    # Minimising top - weight, a forbidden pair (weight 0) is an unpaired row: dropped below.
    cost = [[top - w for w in row] for row in weights]
    owner = _hungarian(cost, rows, cols)
    return [(r, c) for c, r in enumerate(owner) if r >= 0 and weights[r][c] > 0]


def _hungarian(cost: list[list[int]], rows: int, cols: int) -> list[int]:
    """For each column, the row assigned to it (-1 for none), in a complete assignment of the
    rows (rows <= cols) of least total cost. Potentials method, 1-based inside."""
    inf = float("inf")  # a sentinel only: every figure compared or stored stays an exact int
    u: list[float] = [0] * (rows + 1)
    v: list[float] = [0] * (cols + 1)
    owner = [0] * (cols + 1)  # owner[j]: the row holding column j, 0 for none
    way = [0] * (cols + 1)
    for row in range(1, rows + 1):
        owner[0] = row
        j0 = 0
        slack: list[float] = [inf] * (cols + 1)
        used = [False] * (cols + 1)
        while owner[j0] != 0:
            used[j0] = True
            i0, delta, j1 = owner[j0], inf, 0
            for j in range(1, cols + 1):
                if not used[j]:
                    reduced = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if reduced < slack[j]:
                        slack[j], way[j] = reduced, j0
                    if slack[j] < delta:
                        delta, j1 = slack[j], j
            for j in range(cols + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    slack[j] -= delta
            j0 = j1
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    return [owner[j] - 1 for j in range(1, cols + 1)]
