"""Inter-labeller agreement: the second labellings in agreement/ scored against the gold files
here, with the scorer `make eval` uses. The ceiling no engine can pass.

Usage: .venv/bin/python bench/devset/agreement.py   (or: make agreement)
"""

from pathlib import Path

from service.evaluation.agreement import agreement
from service.evaluation.report import render_rows
from service.evaluation.scoring import Scores, total

HERE = Path(__file__).parent


def main() -> None:
    scores = agreement(HERE, HERE / "agreement")
    rows: list[tuple[str, str, Scores]] = [
        (s.name.removesuffix(".txt"), s.split, s.scores) for s in scores
    ]
    rows.append((f"all ({len(scores)} articles)", "", total(s.scores for s in scores)))
    print("Second labelling (agreement/) scored against the first (the gold files):")
    print("\n".join(render_rows(rows, totals=1)))


if __name__ == "__main__":
    main()
