"""`make summaries`: write seeds/<name>.brief.json for every seeds/<name>.txt, and check them."""

import asyncio
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from schemas import Brief, SummaryOptions, SummaryRequest
from service.cache import text_sha256
from service.config import Settings
from service.errors import NewsbriefError, plain_message
from service.files import abandoned_temp_files, articles_in, read_article, write_atomically
from service.pipeline import brief_key, llm_engine_for, resolve_engine, summarize

if TYPE_CHECKING:  # imported when used (service.pipeline): an extractive run never loads it
    from service.llm.engine import LlmEngine

BRIEF_SUFFIX = ".brief.json"
LEFTOVER = "temporary file left by an interrupted run"


@dataclass(frozen=True, slots=True)
class Outcome:
    name: str
    # written | unchanged | failed | orphan | missing | stale | invalid | ok, and for a temporary
    # file an interrupted run left: removed (by this run) | leftover (seen by --check)
    status: str
    detail: str = ""

    @property
    def failed(self) -> bool:
        return self.status in ("failed", "missing", "stale", "invalid")


def brief_path(article: Path) -> Path:
    return article.with_name(article.stem + BRIEF_SUFFIX)


def for_file(brief: Brief) -> str:
    """The brief as checked in: no timings or cache flag, so regeneration diffs stay quiet."""
    meta = brief.meta.model_copy(update={"timings_ms": {}, "cached": False})
    data = brief.model_copy(update={"meta": meta}).model_dump(mode="json")
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _staleness(
    text: str, stored: Brief, request: SummaryRequest, engine: str, settings: Settings
) -> str | None:
    """Why a stored brief no longer matches its article and the current engine, or None."""
    key = brief_key(request, engine, settings)
    meta = stored.meta
    checks = [
        ("text changed", meta.text_sha256, text_sha256(text)),
        ("engine changed", meta.engine, key.engine),
        # What the user configured (NEWSBRIEF_MODEL, perhaps unset), not meta.model: that is
        # the name the server reported, which an unset or aliased setting never equals.
        ("NEWSBRIEF_MODEL changed", meta.requested_model, key.model),
        ("prompt version changed", meta.prompt_version, key.prompt_version),
        ("engine rules changed", meta.engine_version, key.engine_version),
        ("schema version changed", meta.schema_version, key.schema_version),
    ]
    for reason, old, new in checks:
        if old != new:
            return f"{reason} ({old} -> {new})"
    return None


def _parse_brief(stored: str | None) -> Brief | None:
    if stored is None:
        return None
    try:
        return Brief.model_validate_json(stored)
    except ValueError:  # pydantic's ValidationError included
        return None


async def _brief_one(
    path: Path, settings: Settings, engine: str, force: bool, check: bool, llm: "LlmEngine | None"
) -> Outcome:
    """Check or (re)write the brief of one article; never raises."""
    name = path.name
    target = brief_path(path)
    try:
        text = read_article(path)
        request = SummaryRequest(text=text, options=SummaryOptions(engine=engine))
        stored_text = target.read_text(encoding="utf-8") if target.exists() else None
        stored = _parse_brief(stored_text)
        if check and stored_text is None:
            return Outcome(name, "missing", f"no {target.name}")
        if check and stored is None:
            return Outcome(name, "invalid", f"{target.name} is not a valid brief")
        reason = None if stored is None else _staleness(text, stored, request, engine, settings)
        fresh = None
        if stored is not None and reason is None and engine == "extractive":
            # The extractive engine is deterministic and cheap: compare whole contents, so a
            # brief edited by hand is caught (and, when writing, put right).
            fresh = await summarize(request, settings, llm=llm)
            if for_file(fresh) != stored_text:
                reason = "content differs from a fresh run (edited by hand?)"
        if check:
            return Outcome(name, "stale", reason) if reason else Outcome(name, "ok")
        if stored is not None and reason is None and not force:
            return Outcome(name, "unchanged")
        brief = fresh or await summarize(request, settings, llm=llm)
        write_atomically(target, for_file(brief))
        return Outcome(name, "written", f"{len(brief.claims)} claims, {len(brief.hedges)} hedges")
    except (NewsbriefError, ValidationError, OSError) as exc:
        return Outcome(name, "failed", _reason(exc))
    except Exception as exc:  # one bad article must not cost the others their briefs
        return Outcome(name, "failed", f"{type(exc).__name__}: {exc}")


def _reason(exc: Exception) -> str:
    if isinstance(exc, NewsbriefError):
        return exc.detail
    if isinstance(exc, ValidationError):
        return "; ".join(_plain(error) for error in exc.errors())
    return str(exc)


def _plain(error: ErrorDetails) -> str:
    """One validation error as a person would say it: no "Value error, ", and where it was
    when the message does not already begin with the field's name."""
    message = plain_message(error["msg"])
    where = ".".join(str(part) for part in error["loc"])
    if not where or message.startswith(str(error["loc"][-1])):
        return message
    return f"{where}: {message}"


async def regenerate(
    folder: Path,
    settings: Settings,
    *,
    engine: str = "auto",
    force: bool = False,
    check: bool = False,
    jobs: int = 4,
    progress: Callable[[int, int, Outcome], None] | None = None,
) -> list[Outcome]:
    """Brief (or check) every article in a folder, `jobs` at a time, reporting each as it ends."""
    paths = articles_in(folder)
    resolved = resolve_engine(engine, settings)
    leftovers = _abandoned_writes(folder, check)
    gate = asyncio.Semaphore(max(1, jobs))
    done = 0

    async def run(path: Path, llm: "LlmEngine | None") -> Outcome:
        nonlocal done
        async with gate:
            outcome = await _brief_one(path, settings, resolved, force, check, llm)
        done += 1
        if progress is not None:
            progress(done, len(paths), outcome)
        return outcome

    # One llm engine (one client, one output-mode memory) for the whole run.
    async with llm_engine_for(settings) as llm:
        outcomes = list(await asyncio.gather(*(run(p, llm) for p in paths)))
    known = {brief_path(p).name for p in paths}
    for orphan in sorted(folder.glob("*" + BRIEF_SUFFIX)):
        if orphan.name not in known:
            # Never deleted for the user: the article may have been moved, not removed.
            status = "stale" if check else "orphan"
            detail = "no article beside this brief; delete it if the article is gone"
            outcomes.append(Outcome(orphan.name, status, detail))
    return outcomes + leftovers


def _abandoned_writes(folder: Path, check: bool) -> list[Outcome]:
    """Temporary files of briefs whose writer was killed (SIGKILL, a crash, a power cut):
    removed, or with --check only listed, since a check changes nothing and a half-written
    brief was never a brief."""
    outcomes = []
    for tmp in abandoned_temp_files(folder, BRIEF_SUFFIX):
        if check:
            outcomes.append(Outcome(tmp.name, "leftover", LEFTOVER + "; make summaries removes it"))
            continue
        try:
            tmp.unlink(missing_ok=True)
        except OSError as exc:
            outcomes.append(Outcome(tmp.name, "leftover", f"{LEFTOVER}; not removed: {exc}"))
        else:
            outcomes.append(Outcome(tmp.name, "removed", LEFTOVER))
    return outcomes


@dataclass(slots=True)
class Progress:
    """Prints each article's outcome as it ends, and keeps the counts an interrupt reports."""

    done: int = 0
    written: int = 0

    def __call__(self, done: int, total: int, outcome: Outcome) -> None:
        self.done = done
        self.written += outcome.status == "written"
        detail = f" ({outcome.detail})" if outcome.detail else ""
        # One write with its newline (print makes two): a signal between them would glue the
        # interrupt's own line to this one.
        sys.stderr.write(f"[{done}/{total}] {outcome.name}: {outcome.status}{detail}\n")

    def so_far(self) -> str:
        return (
            f"{self.written} brief(s) written, {self.done} article(s) done; "
            "the other briefs are as they were"
        )
