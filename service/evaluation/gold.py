"""The development set's gold labels: read, validate and resolve every span to offsets.

The file format and the anchor rule are in bench/devset/GUIDELINE.md. A gold file is
`<article name>.json` beside an `articles/` folder that holds `<article name>.txt`.
"""

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from schemas import ActorKind, HedgeKind, Span
from service.errors import NewsbriefError
from service.files import read_article

Split = Literal["tune", "heldout"]


class GoldError(NewsbriefError):
    """A gold file cannot be read or does not fit its article."""


# The file as annotators write it: every string is verbatim article text.


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Actor(_File):
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    kind: ActorKind


class _Claim(_File):
    speaker: str | None
    cue: str | None = None
    evidence: str = Field(min_length=1)
    anchor: str | None = None


class _Hedge(_File):
    text: str = Field(min_length=1)
    kind: HedgeKind
    anchor: str | None = None


class _GoldFile(_File):
    article: str
    split: Split
    actors: list[_Actor]
    claims: list[_Claim]
    hedges: list[_Hedge]


# The resolved labels the scorer reads.


@dataclass(frozen=True, slots=True)
class GoldActor:
    name: str
    aliases: tuple[str, ...]
    kind: ActorKind

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class GoldClaim:
    speaker: GoldActor | None  # None is the article's own voice
    cue: str | None
    evidence: Span


@dataclass(frozen=True, slots=True)
class GoldHedge:
    kind: HedgeKind
    span: Span


@dataclass(frozen=True, slots=True)
class GoldArticle:
    name: str  # the article's file name
    split: Split
    text: str
    actors: tuple[GoldActor, ...]
    claims: tuple[GoldClaim, ...]
    hedges: tuple[GoldHedge, ...]


def gold_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.json") if p.is_file())


def locate(text: str, span: str, anchor: str | None) -> Span | str:
    """The span's offsets, found inside its anchor (or itself), which must occur exactly once;
    else why not, in words."""
    where = anchor or span
    first = text.find(where)
    if first < 0:
        return f"{where!r} does not occur in the article"
    if text.find(where, first + 1) >= 0:
        return f"{where!r} occurs more than once: give a longer anchor"
    inner = where.find(span)
    if inner < 0:
        return f"{span!r} is not inside its anchor {anchor!r}"
    start = first + inner
    return Span(start=start, end=start + len(span), text=span)


def resolve(path: Path) -> GoldArticle | list[str]:
    """The gold article of one file, or every problem found in it (with its JSON path)."""
    try:
        raw = _GoldFile.model_validate(json.loads(path.read_bytes()))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return [f"not a readable JSON file: {exc}"]
    except ValidationError as exc:
        return [f"{_json_path(e['loc'])}: {e['msg']}" for e in exc.errors()]
    article = path.parent / "articles" / raw.article
    if not article.is_file():
        return [f"article: no such file {article}"]
    try:
        text = read_article(article)
    except NewsbriefError as exc:
        return [f"article: {exc.detail}"]
    problems: list[str] = []
    if Path(raw.article).stem != path.stem:
        problems.append(f"article: {raw.article!r} does not match the file name {path.name!r}")
    actors = _actors(raw.actors, text, problems)
    claims = _claims(raw.claims, text, actors, problems)
    hedges = _hedges(raw.hedges, text, problems)
    if problems:
        return problems
    return GoldArticle(raw.article, raw.split, text, tuple(actors.values()), claims, hedges)


def load_gold(folder: Path) -> list[GoldArticle]:
    """Every gold article in a folder; a GoldError naming the first problem if any file has one."""
    articles: list[GoldArticle] = []
    broken: list[tuple[Path, list[str]]] = []
    for path in gold_files(folder):
        result = resolve(path)
        if isinstance(result, GoldArticle):
            articles.append(result)
        else:
            broken.append((path, result))
    if broken:
        path, problems = broken[0]
        count = sum(len(p) for _, p in broken)
        files = f"{len(broken)} file{'s' if len(broken) > 1 else ''}"
        more = f" ({count} problems in {files})" if count > 1 else ""
        raise GoldError(
            f"{path}: {problems[0]}{more}; newsbrief eval --check --gold {folder} lists them"
        )
    return articles


def _actors(raw: list[_Actor], text: str, problems: list[str]) -> dict[str, GoldActor]:
    actors: dict[str, GoldActor] = {}
    for i, actor in enumerate(raw):
        for form in [actor.name, *actor.aliases]:
            if form not in text:
                problems.append(f"actors[{i}]: {form!r} does not occur in the article")
        if actor.name in actors:
            problems.append(f"actors[{i}].name: {actor.name!r} twice")
        actors[actor.name] = GoldActor(actor.name, tuple(actor.aliases), actor.kind)
    return actors


def _claims(
    raw: list[_Claim], text: str, actors: dict[str, GoldActor], problems: list[str]
) -> tuple[GoldClaim, ...]:
    claims: list[GoldClaim] = []
    for i, claim in enumerate(raw):
        where = locate(text, claim.evidence, claim.anchor)
        if isinstance(where, str):
            problems.append(f"claims[{i}].evidence: {where}")
        elif claim.cue and claim.cue not in claim.evidence:
            problems.append(f"claims[{i}].cue: {claim.cue!r} is not inside the evidence")
        speaker = actors.get(claim.speaker) if claim.speaker is not None else None
        if claim.speaker is not None and speaker is None:
            problems.append(f"claims[{i}].speaker: {claim.speaker!r} is not an actor's name")
        if isinstance(where, Span):
            claims.append(GoldClaim(speaker, claim.cue, where))
    return tuple(claims)


def _hedges(raw: list[_Hedge], text: str, problems: list[str]) -> tuple[GoldHedge, ...]:
    hedges: list[GoldHedge] = []
    for i, hedge in enumerate(raw):
        where = locate(text, hedge.text, hedge.anchor)
        if isinstance(where, str):
            problems.append(f"hedges[{i}].text: {where}")
        else:
            hedges.append(GoldHedge(hedge.kind, where))
    return tuple(hedges)


def _json_path(loc: tuple[int | str, ...]) -> str:
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else f".{part}" if path else part
    return path or "(file)"


def check_report(paths: list[Path]) -> tuple[list[str], int]:
    """The checker's lines ('ok' or 'FAIL' per file, then its problems) and how many failed."""
    lines: list[str] = []
    failed = 0
    for path in paths:
        result = resolve(path)
        problems = [] if isinstance(result, GoldArticle) else result
        failed += bool(problems)
        lines.append(f"{'FAIL' if problems else 'ok  '} {path.name}")
        lines.extend(f"     {problem}" for problem in problems)
    return lines, failed
