"""Check the gold files of the development set: every verbatim field is the article's own text.

Usage: python bench/devset/check.py [GOLD.json ...]   (default: every gold file in this folder)
Exit 1 when any file has a problem; each problem is printed with its JSON path.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).parent
KINDS_ACTOR = {"person", "organization", "country", "location", "group", "other"}
KINDS_HEDGE = {"attribution", "distancing", "uncertainty"}


def locate(text: str, span: str, anchor: str | None) -> tuple[int, int] | str:
    """Return (start, end) of `span`, found inside the unique `anchor` (or unique itself)."""
    where = anchor if anchor else span
    first = text.find(where)
    if first < 0:
        return f"{where!r} does not occur in the article"
    if text.find(where, first + 1) >= 0:
        return f"{where!r} occurs more than once: give a longer anchor"
    inner = where.find(span)
    if inner < 0:
        return f"{span!r} is not inside its anchor {anchor!r}"
    return first + inner, first + inner + len(span)


def problems(gold_path: Path) -> list[str]:
    found: list[str] = []
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = (HERE / "articles" / gold["article"]).read_text(encoding="utf-8")
    if gold.get("split") not in {"tune", "heldout"}:
        found.append("split: must be 'tune' or 'heldout'")
    names: set[str] = set()
    for i, actor in enumerate(gold["actors"]):
        for form in [actor["name"], *actor["aliases"]]:
            if form not in text:
                found.append(f"actors[{i}]: {form!r} does not occur in the article")
        if actor["kind"] not in KINDS_ACTOR:
            found.append(f"actors[{i}].kind: {actor['kind']!r}")
        if actor["name"] in names:
            found.append(f"actors[{i}].name: {actor['name']!r} twice")
        names.add(actor["name"])
    for i, claim in enumerate(gold["claims"]):
        where = locate(text, claim["evidence"], claim.get("anchor"))
        if isinstance(where, str):
            found.append(f"claims[{i}].evidence: {where}")
        elif claim.get("cue") and claim["cue"] not in claim["evidence"]:
            found.append(f"claims[{i}].cue: {claim['cue']!r} is not inside the evidence")
        if claim["speaker"] is not None and claim["speaker"] not in names:
            found.append(f"claims[{i}].speaker: {claim['speaker']!r} is not an actor's name")
    for i, hedge in enumerate(gold["hedges"]):
        where = locate(text, hedge["text"], hedge.get("anchor"))
        if isinstance(where, str):
            found.append(f"hedges[{i}].text: {where}")
        if hedge["kind"] not in KINDS_HEDGE:
            found.append(f"hedges[{i}].kind: {hedge['kind']!r}")
    return found


def main(argv: list[str]) -> int:
    paths = [Path(p) for p in argv] or sorted(HERE.glob("*.json"))
    failed = 0
    for path in paths:
        found = problems(path)
        failed += bool(found)
        print(f"{'FAIL' if found else 'ok  '} {path.name}")
        for problem in found:
            print(f"     {problem}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
