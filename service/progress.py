"""The CLI's progress line for an llm brief, on standard error: attempt, tokens, elapsed.

A brief from a small local model takes minutes; the line shows the run is alive. rich keeps
the elapsed time ticking between the engine's reports (`LlmEngine.on_progress`); on a stream
that is not a terminal (a log file) it writes the last state once, at the end."""

from types import TracebackType

from rich.console import Console
from rich.progress import Progress, TextColumn, TimeElapsedColumn


class LlmProgress:
    def __init__(self, console: Console | None = None) -> None:
        self._console = console or Console(stderr=True)
        self._bar = Progress(
            TextColumn("{task.description}"),
            TextColumn("elapsed"),
            TimeElapsedColumn(),
            console=self._console,
        )
        self._task = self._bar.add_task("llm: starting", total=None)

    def update(self, attempt: int, of: int, tokens: int) -> None:
        """The engine's report: the attempt under way (or just answered), and tokens so far."""
        self._bar.update(
            self._task, description=f"llm: attempt {attempt} of {of}, {tokens:,} tokens so far,"
        )

    def erase(self) -> bytes:
        """What undoes the line on a terminal when the process must leave at once (a signal):
        clear it, show the cursor again."""
        return b"\r\x1b[2K\x1b[?25h" if self._console.is_terminal else b""

    def __enter__(self) -> "LlmProgress":
        self._bar.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._bar.stop()
