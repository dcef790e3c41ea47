"""One-to-one matching finds the best choice of pairs, checked against trying every choice."""

from itertools import permutations

from hypothesis import given
from hypothesis import strategies as st

from service.evaluation.assignment import Pair, best_pairs

Candidates = dict[Pair, tuple[int, int]]


def candidate_sets() -> st.SearchStrategy[tuple[int, int, Candidates]]:
    def build(rows: int, cols: int) -> st.SearchStrategy[tuple[int, int, Candidates]]:
        cells = [(r, c) for r in range(rows) for c in range(cols)]
        prefs = st.tuples(st.integers(0, 1), st.integers(0, 30))
        chosen = st.dictionaries(st.sampled_from(cells), prefs) if cells else st.just({})
        return chosen.map(lambda found: (rows, cols, found))

    return st.tuples(st.integers(0, 5), st.integers(0, 5)).flatmap(lambda rc: build(*rc))


def brute_force_value(rows: int, cols: int, candidates: Candidates) -> tuple[int, int, int]:
    """The best (pairs, sum of first preferences, sum of second) over every possible choice."""
    best = (0, 0, 0)
    for order in permutations(range(max(rows, cols)), max(rows, cols)):
        pairs = [(r, order[r]) for r in range(rows) if (r, order[r]) in candidates]
        best = max(best, value(pairs, candidates))
    return best


def value(pairs: list[Pair], candidates: Candidates) -> tuple[int, int, int]:
    return (
        len(pairs),
        sum(candidates[p][0] for p in pairs),
        sum(candidates[p][1] for p in pairs),
    )


@given(candidate_sets())
def test_the_chosen_pairs_are_the_most_and_then_the_most_preferred(
    case: tuple[int, int, Candidates],
) -> None:
    rows, cols, candidates = case
    pairs = best_pairs(candidates, rows, cols)
    assert len({r for r, _ in pairs}) == len({c for _, c in pairs}) == len(pairs)
    assert all(pair in candidates for pair in pairs)
    assert value(pairs, candidates) == brute_force_value(rows, cols, candidates)


def test_no_candidates_means_no_pairs() -> None:
    assert best_pairs({}, 3, 2) == []
