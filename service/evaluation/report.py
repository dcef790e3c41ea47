"""An evaluation for people (a table) and for programs (JSON), with the same figures."""

import sys
import time
from dataclasses import dataclass, field
from typing import Any

from service.evaluation.runner import ArticleRun, EvalEngine, Evaluation
from service.evaluation.scoring import Scores
from service.evaluation.targets import TARGETS

_SPEAKER = "speaker"  # the right-speaker share, beside the claims
_BAD = "not text"  # predicted spans that are not the article's own characters


GAP_ALLOWED = 0.05  # how much better than heldout a figure may be on tune before it over-fits


def render_table(evaluation: Evaluation) -> str:
    """One row per article with its split, then the totals per split and overall, then the
    targets: judged on heldout first (the estimate for unseen news), then on the rest, and the
    gap between tune and heldout."""
    runs = evaluation.runs
    totals = evaluation.totals()
    rows: list[tuple[str, str, Scores]] = [
        (r.score.name.removesuffix(".txt"), r.score.split, r.score.scores) for r in runs
    ]
    rows += [(f"{name} ({_articles(s.articles)})", "", s) for name, s in totals.items()]
    lines = render_rows(rows, totals=len(totals))
    for name in judged_splits(totals):
        scores = totals[name]
        lines += ["", f"Targets, on {name} ({_articles(scores.articles)}, micro-averaged):"]
        for target in TARGETS:
            figure = _figure(target.figure(scores), digits=3)  # 0.849 must not read as 0.85
            verdict = "met" if target.met(scores) else "NOT MET"
            lines.append(f"  {target.label:<44} {figure:>5}  >= {target.threshold:.2f}  {verdict}")
        share = scores.speakers
        lines.append(
            f"  (right speaker: {share.matched} of {share.gold} gold claims matched by a claim "
            "with the right speaker)"
        )
    if gaps := tune_heldout_gaps(totals):
        lines += ["", f"Gap, tune minus heldout (over-fitting past {GAP_ALLOWED:+.2f}):"]
        for label, gap in gaps.items():
            verdict = "over-fit" if gap is not None and gap > GAP_ALLOWED else "ok"
            shown = "—" if gap is None else f"{gap:+.3f}"
            lines.append(f"  {label:<44} {shown:>6}  {verdict}")
    whole = totals["all"]
    verdict = "ok" if whole.ungrounded == 0 else "BROKEN: every span must be the article's text"
    lines.append(
        f"Spans that are not the article's own characters: {whole.ungrounded} of "
        f"{whole.spans} ({verdict})"
    )
    for run in evaluation.failures:
        lines.append(f"FAILED {run.score.name}: {run.error} (scored as predicting nothing)")
    return "\n".join(lines) + "\n"


@dataclass
class EvalProgress:
    """Prints a line per article as it is scored (its time, and the run's), and keeps the runs,
    so that an interrupted eval can print the table of what was scored."""

    engine: EvalEngine
    runs: list[ArticleRun] = field(default_factory=list)
    started: float = field(default_factory=time.perf_counter)

    def __call__(self, done: int, total: int, run: ArticleRun) -> None:
        self.runs.append(run)
        status = f"failed ({run.error})" if run.error else "scored"
        elapsed = _duration(time.perf_counter() - self.started)
        # One write with its newline: a signal between two would glue the interrupt's line on.
        sys.stderr.write(
            f"[{done}/{total}] {run.score.name}: {status} in {run.seconds:.1f} s "
            f"({elapsed} elapsed)\n"
        )

    def so_far(self) -> str:
        """What an interrupt reports: the table of the articles scored, if any."""
        if not self.runs:
            return "no article was scored"
        table = render_table(Evaluation(self.engine, tuple(self.runs)))
        count = _articles(len(self.runs))
        return f"{count} scored; the figures so far (nothing written):\n{table}"


def _duration(seconds: float) -> str:
    minutes, rest = divmod(int(seconds), 60)
    return f"{minutes}m{rest:02d}s" if minutes else f"{seconds:.1f} s"


def render_rows(rows: list[tuple[str, str, Scores]], totals: int = 0) -> list[str]:
    """The table of figures: a row per (name, split, scores), the last `totals` rows set off
    below a rule."""
    width = max(len(name) for name, _, _ in rows)
    lines = _header(width)
    body = [_row(name, split, scores, width) for name, split, scores in rows]
    if totals:
        body.insert(len(body) - totals, lines[2])
    return lines + body


def judged_splits(totals: dict[str, Scores]) -> list[str]:
    """Where the targets are judged, in order: heldout first when it was run, then tune, then
    all (only when it differs from the one split run)."""
    present = [name for name in ("heldout", "tune") if name in totals]
    return present + (["all"] if len(present) != 1 else [])


def tune_heldout_gaps(totals: dict[str, Scores]) -> dict[str, float | None]:
    """Per target figure, tune's minus heldout's, when both splits were run."""
    if "tune" not in totals or "heldout" not in totals:
        return {}
    gaps: dict[str, float | None] = {}
    for target in TARGETS:
        tune, heldout = target.figure(totals["tune"]), target.figure(totals["heldout"])
        gaps[target.label] = None if tune is None or heldout is None else tune - heldout
    return gaps


def report_json(evaluation: Evaluation, gold: str, split: str) -> dict[str, Any]:
    """The same figures as the table, with the counts behind them."""
    metas = [run.meta for run in evaluation.runs if run.error is None]
    meta = metas[0] if metas else None
    totals = evaluation.totals()
    whole = totals["all"]
    return {
        "engine": evaluation.engine,
        "model": meta.model if meta else None,
        "prompt_version": meta.prompt_version if meta else None,
        "engine_version": meta.engine_version if meta else None,
        "gold": gold,
        "split": split,
        "articles": [
            {
                "article": run.score.name,
                "split": run.score.split,
                "error": run.error,
                **_scores_json(run.score.scores),
            }
            for run in evaluation.runs
        ],
        "totals": {name: _scores_json(scores) for name, scores in evaluation.totals().items()},
        "targets": [
            {
                "target": t.key,
                "label": t.label,
                "figure": t.figure(whole),
                "threshold": t.threshold,
                "met": t.met(whole),
            }
            for t in TARGETS
        ],
        "targets_by_split": {
            name: {
                t.key: {"figure": t.figure(totals[name]), "met": t.met(totals[name])}
                for t in TARGETS
            }
            for name in judged_splits(totals)
        },
        "tune_minus_heldout": {
            t.key: gap for t, gap in zip(TARGETS, tune_heldout_gaps(totals).values(), strict=False)
        },
    }


def _scores_json(scores: Scores) -> dict[str, Any]:
    return {
        "articles": scores.articles,
        "actors": scores.actors.as_json(),
        "claims": scores.claims.as_json(),
        "claims_right_speaker": scores.speakers.as_json(),
        "right_speaker_share": scores.right_speaker_share,
        "hedges": scores.hedges.as_json(),
        "spans_checked": scores.spans,
        "spans_not_in_article": scores.ungrounded,
    }


def _header(width: int) -> list[str]:
    prf = _cells(("P", "R", "F1"))
    wide = len(prf)
    claims = len(f"{prf} {_SPEAKER}")
    groups = (
        f"{'':<{width}}  {'':<7} │ {'actors':^{wide}} │ {'claims':^{claims}} │ {'hedges':^{wide}} │"
    )
    names = f"{'article':<{width}}  {'split':<7} │ {prf} │ {prf} {_SPEAKER} │ {prf} │ {_BAD}"
    return [groups, names, "─" * len(names)]


def _row(name: str, split: str, scores: Scores, width: int) -> str:
    actors, claims, hedges = (
        _cells((t.precision, t.recall, t.f1)) for t in (scores.actors, scores.claims, scores.hedges)
    )
    share = f"{_figure(scores.right_speaker_share):>{len(_SPEAKER)}}"
    bad = f"{scores.ungrounded:>{len(_BAD)}}"
    return f"{name:<{width}}  {split:<7} │ {actors} │ {claims} {share} │ {hedges} │ {bad}"


def _cells(values: tuple[float | str | None, ...]) -> str:
    return " ".join(f"{v if isinstance(v, str) else _figure(v):>5}" for v in values)


def _articles(count: int) -> str:
    return f"{count} article{'' if count == 1 else 's'}"


def _figure(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:.{digits}f}"
