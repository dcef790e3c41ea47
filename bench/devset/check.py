"""Check the gold files of the development set: every verbatim field is the article's own text.

Usage: .venv/bin/python bench/devset/check.py [GOLD.json ...]   (default: every gold file here)
The same as `newsbrief eval --check`; the checks live in service/evaluation/gold.py.
Exit 1 when any file has a problem; each problem is printed with its JSON path.
"""

import sys
from pathlib import Path

from service.evaluation.gold import check_report, gold_files


def main(argv: list[str]) -> int:
    paths = [Path(p) for p in argv] or gold_files(Path(__file__).parent)
    lines, failed = check_report(paths)
    print("\n".join(lines))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
