"""RSS after caching span-heavy briefs: the old count-bounded cache of Brief objects against the
byte-bounded cache of compact JSON (NEWSBRIEF_CACHE_MB), and what a hit costs in each.

Run with `.venv/bin/python bench/cache_memory.py`. Starts nothing external: each mode runs in a
child process of its own (so one mode's heap does not colour another's RSS), builds the same
extractive briefs of long synthetic articles full of quoted, attributed, hedged sentences, puts
them in its cache and prints RSS (from /proc/self/status) before and after. Figures, not a test.
"""

import argparse
import gc
import json
import random
import subprocess
import sys
import tempfile
import time
from collections import OrderedDict
from pathlib import Path

from schemas import Brief, SummaryOptions, SummaryRequest
from service.cache import MB, BriefCache, BriefKey, encode_brief
from service.config import Settings
from service.pipeline import brief_key, summarize_sync
from service.store import BriefStore

NAMES = ["Maria Lopez", "John Okafor", "Anna Petrova", "Chen Wei", "Fatima Malik", "Lars Berg"]
BODIES = ["the Health Ministry", "the central bank", "the police", "the union", "the court"]
DAYS = ["on Monday", "on Friday", "late on Sunday", "in a statement"]
MODES = ("none", "objects", "bytes")


def article(seed: int, chars: int) -> str:
    """Quoted, attributed and hedged sentences until `chars`; every seed gives another text."""
    rng = random.Random(seed)
    parts = [f"Report {seed}: officials spoke on many matters.\n\n"]
    size, n = len(parts[0]), 0
    while size < chars:
        n += 1
        sentence = (
            f'"The figure {n * 7 + seed} could possibly rise by {rng.randrange(2, 99)} percent," '
            f"{rng.choice(NAMES)} of {rng.choice(BODIES)} said {rng.choice(DAYS)}, according "
            f"to a statement. {'' if n % 5 else chr(10) * 2}"
        )
        parts.append(sentence)
        size += len(sentence)
    return "".join(parts)


def rss_mb() -> tuple[float, float]:
    """Resident set size now and at its peak (VmRSS, VmHWM), in MB."""
    fields = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        name, _, value = line.partition(":")
        fields[name] = value
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


class CountBoundedCache:
    """The cache as it was before issue 8: Brief objects, at most `size` of them."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.items: OrderedDict[BriefKey, Brief] = OrderedDict()

    def get(self, key: BriefKey) -> Brief | None:
        return self.items.get(key)

    def put(self, key: BriefKey, brief: Brief) -> None:
        self.items[key] = brief
        while len(self.items) > self.size:
            self.items.popitem(last=False)


def run_mode(mode: str, briefs: int, chars: int, cache_mb: int) -> dict[str, object]:
    settings = Settings(_env_file=None, base_url=None, api_key=None)
    options = SummaryOptions(engine="extractive")
    summarize_sync(SummaryRequest(text=article(0, chars), options=options), settings)  # warm-up
    gc.collect()
    before, _ = rss_mb()
    cache: CountBoundedCache | BriefCache | None = None
    if mode == "objects":
        cache = CountBoundedCache(512)
    elif mode == "bytes":
        cache = BriefCache(cache_mb * MB)
    keys, json_bytes = [], 0
    for seed in range(1, briefs + 1):
        request = SummaryRequest(text=article(seed, chars), options=options)
        brief = summarize_sync(request, settings)
        json_bytes += len(encode_brief(brief))
        key = brief_key(request, "extractive", settings)
        keys.append(key)
        if cache is not None:
            cache.put(key, brief)
        del brief
    gc.collect()
    after, peak = rss_mb()
    figures: dict[str, object] = {
        "mode": mode,
        "rss_before_mb": round(before, 1),
        "rss_after_mb": round(after, 1),
        "rss_peak_mb": round(peak, 1),
        "briefs_json_mb": round(json_bytes / MB, 2),
    }
    if cache is not None:
        started = time.perf_counter()
        hits = sum(cache.get(key) is not None for key in keys)
        figures["hits"] = hits
        figures["get_ms_per_brief"] = round((time.perf_counter() - started) * 1000 / len(keys), 2)
    if isinstance(cache, BriefCache):
        figures["cache_bytes_mb"] = round(cache.memory.bytes / MB, 2)
        figures["cache_bound_mb"] = cache_mb
        figures.update(store_timings(request_brief=cache.get(keys[-1]), key=keys[-1]))
    return figures


def store_timings(request_brief: Brief | None, key: BriefKey) -> dict[str, object]:
    """Milliseconds to write one of these briefs to a store on disk and to read it back."""
    if request_brief is None:
        return {}
    data = encode_brief(request_brief)
    with tempfile.TemporaryDirectory() as folder:
        store = BriefStore(Path(folder) / "briefs.sqlite3", 512 * MB)
        t0 = time.perf_counter()
        store.put(key.digest(), key.json(), data)
        t1 = time.perf_counter()
        store.get(key.digest())
        t2 = time.perf_counter()
        store.close()
    return {"store_put_ms": round((t1 - t0) * 1000, 2), "store_get_ms": round((t2 - t1) * 1000, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--briefs", type=int, default=12, help="span-heavy briefs put")
    parser.add_argument("--chars", type=int, default=199_000, help="characters per article")
    parser.add_argument("--cache-mb", type=int, default=64, help="NEWSBRIEF_CACHE_MB")
    parser.add_argument("--mode", choices=MODES, help="run one mode here (the parent runs each)")
    args = parser.parse_args()
    if args.mode:
        print(json.dumps(run_mode(args.mode, args.briefs, args.chars, args.cache_mb)))
        return
    print(f"{args.briefs} extractive briefs of {args.chars:,}-character articles")
    for mode in MODES:
        child = subprocess.run(
            [sys.executable, __file__, *sys.argv[1:], "--mode", mode],
            capture_output=True,
            text=True,
            check=True,
        )
        print(child.stdout.strip())


if __name__ == "__main__":
    main()
