"""Time and peak memory of the extractive brief on pathological texts, at n and 4n characters.

Run with `make bench-worst`. Each case runs in a fresh subprocess: the child builds its text,
briefs a trivial text first (imports, caches), reads its peak RSS (/proc VmHWM) as the baseline,
then briefs the case and reads the peak again; "extra MB" is the difference. The growth
exponent is log(t4n / tn) / log 4: about 1 for linear work, 2 for quadratic. Every text within
NEWSBRIEF_MAX_TEXT_CHARS must brief in at most 2 s with at most 300 MB extra.
"""

import argparse
import json
import math
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 200_000  # NEWSBRIEF_MAX_TEXT_CHARS by default
SECONDS = 2.0
EXTRA_MB = 300.0

_FIRST = ("Alan", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hiro", "Ines", "Jonas")
_LAST = ("Abbott", "Brandt", "Chen", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad", "Ito")
_SYLLABLES = (
    "ka",
    "lo",
    "mi",
    "ne",
    "ru",
    "sa",
    "ti",
    "vo",
    "ze",
    "bar",
    "den",
    "fol",
    "gri",
    "hun",
)


def _names(count: int) -> list[str]:
    """Distinct invented full names: 'Kalomi Brandt', 'Neru Chen', ..."""
    names = []
    for n in range(count):
        a, b, c = n % 14, (n // 14) % 14, (n // 196) % 14
        first = (_SYLLABLES[a] + _SYLLABLES[b] + _SYLLABLES[c]).capitalize()
        names.append(f"{first} {_LAST[n % len(_LAST)]}")
    return names


def _repeat(unit: str, size: int, head: str = "") -> str:
    body = unit * ((size - len(head)) // len(unit) + 1)
    return (head + body)[:size]


def _many_names(size: int) -> str:
    parts: list[str] = []
    length = 0
    for name in _names(size // 8):
        parts.append(name)
        length += len(name) + 2
        if length > size:
            break
    return (", ".join(parts) + " met.")[:size]


def _until(size: int, sentences: Iterable[str]) -> str:
    """Sentences one after another until the text has `size` characters."""
    parts: list[str] = []
    length = 0
    for sentence in sentences:
        parts.append(sentence)
        length += len(sentence)
        if length > size:
            break
    return "".join(parts)[:size]


def _name_sentences(size: int) -> str:
    return _until(
        size,
        (
            f"{name} met {_FIRST[n % len(_FIRST)]} {_LAST[(n * 7) % len(_LAST)]}. "
            for n, name in enumerate(_names(size // 20))
        ),
    )


def _cue_sentences(size: int) -> str:
    return _until(size, (f'"It will rain," {name} said. ' for name in _names(size // 30)))


def _seeds(size: int) -> str:
    """The seed articles joined and repeated: ordinary news, for comparison."""
    joined = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("seeds/*.txt")))
    return _repeat(joined + "\n\n", size)


def _names_and_pronouns(size: int) -> str:
    return _until(size, (f"{name} said it rained. He said so. " for name in _names(size // 20)))


def _descriptions_and_pronouns(size: int) -> str:
    """A new described speaker per sentence, then a pronoun: 'A kalomi official said so.'"""
    return _until(
        size,
        (
            f"A {name.split()[0].lower()} official said so. He said it rained. "
            for name in _names(size // 10)
        ),
    )


def _nested(size: int) -> str:
    depth = size // 8
    return ("“‘(«[{" * depth)[: size // 2] + "He said so" + ("}]»)’”" * depth)[: size // 2]


SHAPES: dict[str, Callable[[int], str]] = {
    "seed articles repeated": _seeds,
    "unclosed quote": lambda n: _repeat("The mayor said so and ", n, head="“"),
    "unclosed straight quote": lambda n: _repeat("The mayor said so and ", n, head='"'),
    "long quotes of cues": lambda n: _repeat("“" + "Smith said Jones said " * 80 + "” ", n),
    "one giant sentence": lambda n: _repeat("Smith said the plan would work and ", n),
    "cues in one sentence": lambda n: _repeat("Smith said Jones said ", n),
    "thousands of names": _many_names,
    "names in sentences": _name_sentences,
    "thousands of cues": _cue_sentences,
    "names and pronouns": _names_and_pronouns,
    "descriptions and pronouns": _descriptions_and_pronouns,
    "no spaces": lambda n: _repeat("Smith.said,“so”and", n),
    "single long word": lambda n: "a" * n,
    "only quote marks": lambda n: _repeat("\"“”‘’'", n),
    "only straight quotes": lambda n: '"' * n,
    "nested brackets": _nested,
    "short paragraphs": lambda n: _repeat("Smith said so.\n\n", n),
    "one-line paragraphs": lambda n: _repeat("A Headline\n", n),
    "alternating quotes": lambda n: _repeat("“Yes,” he said. 'No' she said. «Maybe» ", n),
    "colons and headings": lambda n: _repeat("Update: Smith said:\n\nNote: more\n\n", n),
    "dots": lambda n: _repeat("U.S. Dr. e.g. ", n),
    "capitalised words": lambda n: _repeat("The Big Red House Said ", n),
}

_CHILD = """
import json, sys, time
sys.path.insert(0, {root!r})
from bench.worst_case import SHAPES
from service.pipeline import extractive_brief

def peak_kb():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0

text = SHAPES[{shape!r}]({size})
extractive_brief("Smith said it rained. The mayor said so.", None)
base = peak_kb()
t0 = time.perf_counter()
brief = extractive_brief(text, None)
elapsed = time.perf_counter() - t0
print(json.dumps({{"s": elapsed, "extra_kb": peak_kb() - base, "chars": len(text),
                  "claims": len(brief.claims), "actors": len(brief.actors)}}))
"""


def run_case(shape: str, size: int, timeout: float, repeat: int = 1) -> dict[str, float] | None:
    """The fastest of `repeat` briefs, each in a fresh interpreter (the largest peak); None when
    one ran out of time."""
    runs = [_run_once(shape, size, timeout) for _ in range(repeat)]
    done = [r for r in runs if r is not None]
    if len(done) < len(runs):
        return None
    best = min(done, key=lambda r: r["s"])
    return {**best, "extra_kb": max(r["extra_kb"] for r in done)}


def _run_once(shape: str, size: int, timeout: float) -> dict[str, float] | None:
    code = _CHILD.format(root=str(ROOT), shape=shape, size=size)
    try:
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        raise RuntimeError(f"{shape} at {size}: {done.stderr[-2000:]}")
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=LIMIT, help="4n, the larger size (chars)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per case")
    parser.add_argument("--shape", action="append", help="only these shapes (repeatable)")
    parser.add_argument(
        "--repeat", type=int, default=3, help="fresh runs per case; the fastest counts (noise)"
    )
    args = parser.parse_args()
    big = args.size
    small = big // 4
    shapes = args.shape or list(SHAPES)
    print(f"extractive brief (segmentation + engine) per case, n = {small:,}, 4n = {big:,} chars")
    print(f"{'shape':26} {'t(n) s':>8} {'t(4n) s':>8} {'exp':>5} {'MB(n)':>7} {'MB(4n)':>7}  ok")
    failed = []
    started = time.perf_counter()
    for shape in shapes:
        a = run_case(shape, small, args.timeout, args.repeat)
        b = run_case(shape, big, args.timeout, args.repeat)
        if a is None or b is None:
            t_a = f"{a['s']:8.3f}" if a else f">{args.timeout:.0f}".rjust(8)
            print(f"{shape:26} {t_a} {'>' + str(int(args.timeout)):>8}   timed out")
            failed.append(shape)
            continue
        exponent = math.log(max(b["s"], 1e-4) / max(a["s"], 1e-4)) / math.log(4)
        mb_a, mb_b = a["extra_kb"] / 1024, b["extra_kb"] / 1024
        ok = b["s"] <= SECONDS and mb_b <= EXTRA_MB
        if not ok:
            failed.append(shape)
        print(
            f"{shape:26} {a['s']:8.3f} {b['s']:8.3f} {exponent:5.2f} {mb_a:7.1f} {mb_b:7.1f}"
            f"  {'yes' if ok else 'NO'}"
        )
    print(f"({time.perf_counter() - started:.0f} s in all; bounds {SECONDS} s, {EXTRA_MB:.0f} MB)")
    if failed:
        print("over the bounds: " + ", ".join(failed))
        sys.exit(1)


if __name__ == "__main__":
    main()
