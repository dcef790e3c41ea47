"""The command line: `newsbrief summarize`, `summaries`, `eval` and `serve`."""

import argparse
import asyncio
import contextlib
import json
import os
import signal
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from schemas import Brief, SummaryOptions, SummaryRequest
from service import __version__
from service.config import Settings, describe_settings_error, get_settings
from service.errors import NewsbriefError, plain_message
from service.files import articles_in, read_article, remove_unfinished_writes, write_atomically
from service.logs import configure_logging
from service.pipeline import llm_engine_for, resolve_engine, summarize

if TYPE_CHECKING:
    from service.progress import LlmProgress

ENGINES = ("auto", "llm", "extractive")


class _ExitOnSignal:
    """SIGTERM and SIGINT end the process at once, with 128 + the signal's number (143, 130).

    The extractive engine runs in worker threads, which nothing can stop from outside; a
    normal exit (an exception unwinding, asyncio.run's shutdown, the interpreter's) waits for
    each of them to finish, minutes for a long article. So the handler removes this process's
    unfinished temporary files, says what was done, and leaves with os._exit without joining
    them. Nothing half-written is lost: a brief only ever replaces its file by a rename after
    fsync, and any socket to a model server is closed by the kernel."""

    def __init__(self) -> None:
        self.so_far: Callable[[], str] | None = None  # what the running command has done
        self.progress: LlmProgress | None = None  # a progress line on the terminal, if any
        self.exiting = False

    def __call__(self, signum: int, frame: object) -> None:
        if self.exiting:  # a second signal, run inside this handler: let the first finish
            return
        self.exiting = True
        remove_unfinished_writes()
        done = f": {self.so_far()}" if self.so_far is not None else ""
        line = f"newsbrief: interrupted by {signal.Signals(signum).name}{done}\n"
        for stream in (sys.stdout, sys.stderr):
            # Closed, or the signal came in the middle of a write to it.
            with contextlib.suppress(OSError, ValueError, RuntimeError):
                stream.flush()
        if self.progress is not None:
            os.write(2, self.progress.erase())  # rich hid the cursor; os._exit skips its cleanup
        # os.write, not print: the signal may have come in the middle of a print to stderr.
        os.write(2, line.encode("utf-8", "replace"))
        os._exit(128 + signum)


_EXIT_SIGNALS = {signal.SIGTERM, signal.SIGINT}
_on_signal = _ExitOnSignal()


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "serve":  # uvicorn handles its own signals
        return _run(args)
    previous = {signum: signal.getsignal(signum) for signum in _EXIT_SIGNALS}
    for signum in _EXIT_SIGNALS:
        signal.signal(signum, _on_signal)
    try:
        return _run(args)
    finally:
        _on_signal.so_far = None
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _run(args: argparse.Namespace) -> int:
    try:
        settings = get_settings()
    except ValidationError as exc:
        return _fail(f"configuration error: {describe_settings_error(exc)}")
    try:
        code: int = args.run(args, settings)
        return code
    except NewsbriefError as exc:
        return _fail(exc.detail)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsbrief", description="Turn a news article into a structured, grounded brief."
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {__version__}", help="print the version"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    engine_help = "auto (default): llm when a model is configured, else extractive"

    one = commands.add_parser("summarize", help="brief one article and print it")
    one.add_argument("path", help="a UTF-8 text file, or - for standard input")
    one.add_argument(
        "--format",
        choices=("json", "markdown", "html"),
        default="json",
        help="output (default json); html: the page's view as one self-contained file",
    )
    one.add_argument("--engine", choices=ENGINES, default="auto", help=engine_help)
    one.add_argument("--title", help="the headline, if it is not part of the text")
    one.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no progress line (attempt, tokens, elapsed) on standard error during an llm brief",
    )
    one.set_defaults(run=_summarize)

    many = commands.add_parser("summaries", help="write DIR/<name>.brief.json for DIR/*.txt")
    many.add_argument(
        "folder", nargs="?", default="seeds", type=Path, help="folder of articles (default seeds)"
    )
    many.add_argument("--check", action="store_true", help="exit 1 if a brief is missing/stale")
    many.add_argument("--force", action="store_true", help="rewrite even unchanged briefs")
    many.add_argument("--engine", choices=ENGINES, default="auto", help=engine_help)
    many.add_argument("--jobs", type=int, default=4, help="articles briefed at once (default 4)")
    many.set_defaults(run=_summaries)

    score = commands.add_parser("eval", help="score an engine against the gold labels")
    score.add_argument(
        "--engine",
        choices=("extractive", "llm"),
        default="extractive",
        help="engine to score (default extractive)",
    )
    score.add_argument(
        "--split",
        choices=("all", "tune", "heldout"),
        default="all",
        help="the gold articles to score (default all)",
    )
    score.add_argument(
        "--gold", type=Path, default=Path("bench/devset"), help="gold folder (bench/devset)"
    )
    score.add_argument("--json", type=Path, help="default build/eval-<engine>.json")
    score.add_argument(
        "--jobs",
        type=int,
        help="articles briefed at once (default NEWSBRIEF_EVAL_JOBS, else 1 for a model "
        "server on this machine, 4 otherwise)",
    )
    score.add_argument("--limit", type=int, help="score only the first N gold articles")
    score.add_argument("--check", action="store_true", help="only check the gold files")
    score.set_defaults(run=_eval)

    serve = commands.add_parser("serve", help="run the HTTP API")
    serve.add_argument("--host", help="default NEWSBRIEF_HOST or 127.0.0.1")
    serve.add_argument("--port", type=int, help="default NEWSBRIEF_PORT or 8000")
    serve.set_defaults(run=_serve)
    return parser


def _summarize(args: argparse.Namespace, settings: Settings) -> int:
    if args.path == "-":
        data = sys.stdin.buffer.read()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            return _fail(f"standard input is not UTF-8 text (byte {exc.start})")
    else:
        path = Path(args.path)
        if path.is_dir():
            return _fail(
                f"{path} is a folder; to brief every .txt in it: newsbrief summaries {path}"
            )
        if not path.is_file():
            return _fail(f"no such file: {path}")
        text = read_article(path)
    try:
        request = SummaryRequest(
            text=text, title=args.title, options=SummaryOptions(engine=args.engine)
        )
    except ValidationError as exc:
        return _fail(_first_error(exc))
    brief = asyncio.run(_brief_one(request, settings, quiet=args.quiet))
    if args.format == "markdown":
        from service.render import render_markdown

        sys.stdout.write(render_markdown(brief, args.title))
    elif args.format == "html":
        from service.render import render_html

        sys.stdout.write(render_html(brief, text, args.title))
    else:
        sys.stdout.write(json.dumps(brief.model_dump(mode="json"), ensure_ascii=False, indent=2))
        sys.stdout.write("\n")
    return 0


async def _brief_one(request: SummaryRequest, settings: Settings, *, quiet: bool) -> Brief:
    """The pipeline's brief; an llm brief shows its progress on standard error unless quiet."""
    if quiet or resolve_engine(request.options.engine, settings) != "llm":
        return await summarize(request, settings)
    from service.progress import LlmProgress  # rich: loaded for an llm brief only

    async with llm_engine_for(settings) as llm:
        assert llm is not None  # resolve_engine checked that a model is configured
        with LlmProgress() as progress:
            llm.on_progress = progress.update
            _on_signal.progress = progress
            try:
                return await summarize(request, settings, llm=llm)
            finally:
                _on_signal.progress = None


def _summaries(args: argparse.Namespace, settings: Settings) -> int:
    from service.regenerate import Progress, regenerate

    folder: Path = args.folder
    if not folder.is_dir():
        return _fail(f"no such folder: {folder}")
    if not articles_in(folder):
        return _fail(f"no articles in {folder}: it has no .txt files to brief")
    progress = Progress()
    _on_signal.so_far = progress.so_far
    outcomes = asyncio.run(
        regenerate(
            folder,
            settings,
            engine=args.engine,
            force=args.force,
            check=args.check,
            jobs=args.jobs,
            progress=progress,
        )
    )
    temporary = [o for o in outcomes if o.status in ("removed", "leftover")]
    for tmp in temporary:
        print(f"{tmp.status}: {tmp.name} ({tmp.detail})", file=sys.stderr)
    failed = [o for o in outcomes if o.failed]
    if args.check:
        if failed:
            names = ", ".join(f"{o.name} ({o.status}: {o.detail})" for o in failed)
            return _fail(f"{len(failed)} brief(s) are not current: {names}. Run: make summaries")
        print(f"all {len(outcomes) - len(temporary)} briefs are current", file=sys.stderr)
        return 0
    for orphan in (o for o in outcomes if o.status == "orphan"):
        print(f"warning: {orphan.name}: {orphan.detail}", file=sys.stderr)
    written = sum(o.status == "written" for o in outcomes)
    unchanged = sum(o.status == "unchanged" for o in outcomes)
    print(f"{written} written, {unchanged} unchanged, {len(failed)} failed", file=sys.stderr)
    if failed:
        return _fail("failed: " + ", ".join(f"{o.name} ({o.detail})" for o in failed))
    return 0


def _eval(args: argparse.Namespace, settings: Settings) -> int:
    # Imported here: `summarize` and `summaries` need none of the scoring.
    from service.evaluation.gold import check_report, gold_files, load_gold
    from service.evaluation.report import EvalProgress, render_table, report_json
    from service.evaluation.runner import evaluate

    folder: Path = args.gold
    if not folder.is_dir():
        return _fail(f"no such folder: {folder}")
    if args.check:
        lines, failed = check_report(gold_files(folder))
        print("\n".join(lines) if lines else f"no gold files in {folder}")
        return 1 if failed else 0
    gold = [a for a in load_gold(folder) if args.split in ("all", a.split)]
    if not gold:
        split = "" if args.split == "all" else f" of split {args.split}"
        return _fail(f"no gold files{split} in {folder} (<article>.json beside articles/)")
    if args.limit is not None:
        gold = gold[: max(0, args.limit)]
    jobs = args.jobs or (settings.eval_parallelism() if args.engine == "llm" else 4)
    progress = EvalProgress(args.engine)
    _on_signal.so_far = progress.so_far  # an interrupt prints the table of what was scored
    evaluation = asyncio.run(evaluate(gold, settings, args.engine, jobs, progress))
    path: Path = args.json or Path("build") / f"eval-{args.engine}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    figures = report_json(evaluation, str(folder), args.split)
    write_atomically(path, json.dumps(figures, ensure_ascii=False, indent=2) + "\n")
    sys.stdout.write(render_table(evaluation))
    print(f"Figures as JSON: {path}")
    if evaluation.failures:
        return _fail(f"the {args.engine} engine failed on {len(evaluation.failures)} article(s)")
    return 0


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    configure_logging(settings.log_level, settings.log_format)
    uvicorn.run(
        "service.api:create_app",
        factory=True,
        host=args.host or settings.host,
        port=args.port or settings.port,
        log_level=settings.log_level,
        log_config=None,  # the handlers configure_logging set, in NEWSBRIEF_LOG_FORMAT
    )
    return 0


def _first_error(exc: ValidationError) -> str:
    error = exc.errors()[0]
    where = ".".join(str(p) for p in error["loc"])
    message = plain_message(error["msg"])
    return f"{where}: {message}" if where else message


def _fail(message: str, code: int = 1) -> int:
    print(f"newsbrief: {message}", file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main())
