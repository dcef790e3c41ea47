"""Time the extractive engine per article: median and p90 of many runs, per seed article.

Run with `make bench`. Figures, not a pass/fail test: these machines are shared and noisy, so
compare ratios measured in one run rather than absolute numbers across runs.
"""

import argparse
import statistics
import time
from pathlib import Path

from service.article import Article
from service.extractive.engine import extract

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def measure(text: str, runs: int) -> tuple[float, float, float]:
    """Median segmentation ms, median total ms and p90 total ms over `runs` runs."""
    segment: list[float] = []
    total: list[float] = []
    for _ in range(min(runs, 5)):  # warm up caches and the CPU clock before timing
        extract(Article(text))
    for _ in range(runs):
        t0 = time.perf_counter()
        article = Article(text)
        t1 = time.perf_counter()
        extract(article)
        t2 = time.perf_counter()
        segment.append((t1 - t0) * 1000)
        total.append((t2 - t0) * 1000)
    total.sort()
    return statistics.median(segment), statistics.median(total), total[int(len(total) * 0.9)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=200, help="runs per article")
    args = parser.parse_args()
    texts = {p.name: p.read_bytes().decode("utf-8") for p in sorted(SEEDS.glob("*.txt"))}
    joined = "\n\n".join(texts.values())
    texts["all seeds joined"] = joined
    # The largest article the API accepts by default: the worst case one request can cost.
    texts["200,000 chars (seeds repeated)"] = (joined * (200_000 // len(joined) + 1))[:200_000]
    print(f"extractive engine, {args.runs} runs per article (ms)")
    print(f"{'article':42} {'words':>6} {'segment':>8} {'median':>8} {'p90':>8} {'ms/1k w':>8}")
    per_thousand: list[float] = []
    for name, text in texts.items():
        words = len(text.split())
        single = name.endswith(".txt")
        runs = args.runs if single else max(3, args.runs // (10 if words < 10_000 else 50))
        seg, median, p90 = measure(text, runs)
        rate = median / words * 1000
        if single:
            per_thousand.append(rate)
        print(f"{name[:42]:42} {words:>6} {seg:>8.2f} {median:>8.2f} {p90:>8.2f} {rate:>8.2f}")
    print(f"median over articles: {statistics.median(per_thousand):.2f} ms per 1,000 words")


if __name__ == "__main__":
    main()
