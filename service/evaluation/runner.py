"""Run an engine over gold articles through the one pipeline, and score each brief."""

import asyncio
import dataclasses
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from schemas import Brief, Meta, SummaryOptions, SummaryRequest
from service.config import Settings
from service.errors import NewsbriefError
from service.evaluation.gold import GoldArticle
from service.evaluation.scoring import ArticleScore, Scores, score, total
from service.pipeline import llm_engine_for, resolve_engine, summarize

if TYPE_CHECKING:  # imported when used (service.pipeline): an extractive run never loads it
    from service.llm.engine import LlmEngine

SPLITS = ("tune", "heldout")
EvalEngine = Literal["extractive", "llm"]


@dataclass(frozen=True, slots=True)
class ArticleRun:
    """One article's score, and the engine's error when it failed (scored as predicting nothing)."""

    score: ArticleScore
    meta: Meta
    error: str | None = None
    seconds: float = 0.0  # the brief's wall time, waiting for a slot excluded


@dataclass(frozen=True, slots=True)
class Evaluation:
    engine: EvalEngine
    runs: tuple[ArticleRun, ...]

    @property
    def failures(self) -> list[ArticleRun]:
        return [run for run in self.runs if run.error is not None]

    def totals(self) -> dict[str, Scores]:
        """Micro-averaged scores per split present, and over all the articles run."""
        scores = [run.score for run in self.runs]
        per_split = {s: total(a.scores for a in scores if a.split == s) for s in SPLITS}
        present = {s: figures for s, figures in per_split.items() if figures.articles}
        return {**present, "all": total(a.scores for a in scores)}


Progress = Callable[[int, int, ArticleRun], None]


async def evaluate(
    articles: Sequence[GoldArticle],
    settings: Settings,
    engine: EvalEngine,
    jobs: int = 4,
    progress: Progress | None = None,
) -> Evaluation:
    """Brief every article with `engine`, `jobs` at a time, and score each against its gold.

    An engine that cannot run at all (llm with no model) raises before any article is briefed."""
    resolve_engine(engine, settings)
    gate = asyncio.Semaphore(max(1, jobs))
    done = 0

    async def run(gold: GoldArticle, llm: "LlmEngine | None") -> ArticleRun:
        nonlocal done
        async with gate:
            started = time.perf_counter()
            result = await _run_one(gold, settings, engine, llm)
            result = dataclasses.replace(result, seconds=time.perf_counter() - started)
        done += 1
        if progress is not None:
            progress(done, len(articles), result)
        return result

    # One llm engine for the run: one client, and the output mode it settles on kept.
    async with llm_engine_for(settings) as llm:
        runs = await asyncio.gather(*(run(gold, llm) for gold in articles))
    return Evaluation(engine, tuple(runs))


async def _run_one(
    gold: GoldArticle, settings: Settings, engine: EvalEngine, llm: "LlmEngine | None"
) -> ArticleRun:
    request = SummaryRequest(text=gold.text, options=SummaryOptions(engine=engine))
    try:
        brief = await summarize(request, settings, llm=llm)
    except NewsbriefError as exc:
        nothing = Brief(summary="", actors=[], claims=[], hedges=[], meta=Meta(engine=engine))
        return ArticleRun(score(gold, nothing), nothing.meta, exc.detail)
    return ArticleRun(score(gold, brief), brief.meta)
