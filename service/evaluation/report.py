"""An evaluation for people (a table) and for programs (JSON), with the same figures."""

from typing import Any

from service.evaluation.runner import Evaluation
from service.evaluation.scoring import Scores
from service.evaluation.targets import TARGETS

_SPEAKER = "speaker"  # the right-speaker share, beside the claims
_BAD = "not text"  # predicted spans that are not the article's own characters


def render_table(evaluation: Evaluation) -> str:
    """One row per article with its split, then the totals per split and overall, then the
    targets, judged on the whole of what was run."""
    runs = evaluation.runs
    rows = [(r.score.name.removesuffix(".txt"), r.score.split, r.score.scores) for r in runs]
    totals = evaluation.totals()
    total_rows = [(f"{name} ({_articles(s.articles)})", "", s) for name, s in totals.items()]
    width = max(len(name) for name, _, _ in [*rows, *total_rows])
    lines = _header(width)
    lines += [_row(name, split, scores, width) for name, split, scores in rows]
    lines.append(lines[2])
    lines += [_row(name, split, scores, width) for name, split, scores in total_rows]
    whole = totals["all"]
    lines += ["", f"Targets, on all {_articles(whole.articles)} run (micro-averaged):"]
    for target in TARGETS:
        figure = _figure(target.figure(whole), digits=3)  # 0.849 must not read as 0.85
        verdict = "met" if target.met(whole) else "NOT MET"
        lines.append(f"  {target.label:<44} {figure:>5}  >= {target.threshold:.2f}  {verdict}")
    share = whole.speakers
    lines.append(
        f"  (right speaker: {share.matched} of {share.gold} gold claims matched by a claim "
        "with the right speaker)"
    )
    verdict = "ok" if whole.ungrounded == 0 else "BROKEN: every span must be the article's text"
    lines.append(
        f"Spans that are not the article's own characters: {whole.ungrounded} of "
        f"{whole.spans} ({verdict})"
    )
    for run in evaluation.failures:
        lines.append(f"FAILED {run.score.name}: {run.error} (scored as predicting nothing)")
    return "\n".join(lines) + "\n"


def report_json(evaluation: Evaluation, gold: str, split: str) -> dict[str, Any]:
    """The same figures as the table, with the counts behind them."""
    metas = [run.meta for run in evaluation.runs if run.error is None]
    meta = metas[0] if metas else None
    whole = evaluation.totals()["all"]
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
