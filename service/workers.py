"""CPU work in a bounded pool of worker processes, never on the event loop.

Processes rather than threads: a runaway text (the extractive engine on a pathological shape)
can then be stopped at its deadline, and the memory it took goes back with its process. pebble
does the stopping and the replacing; the gate in front of it bounds the queue and says 429."""

import asyncio
import logging
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from pebble import ProcessExpired, ProcessPool

from service.errors import WorkerLost, WorkTimedOut
from service.gate import Gate, Limits

log = logging.getLogger("newsbrief")

T = TypeVar("T")
WORKER_NICENESS = 5  # the event loop (health checks, other requests) comes before bulk work
# Imported once by the fork server, so that a new worker starts in milliseconds.
PRELOAD = ["service.pipeline"]


def _lower_priority() -> None:
    os.nice(WORKER_NICENESS)


class WorkerPool:
    """At most `workers` jobs run at once, each in its own process, `queue` more may wait; a
    job running past `timeout` seconds is stopped (its process killed and replaced)."""

    def __init__(self, workers: int, queue: int, timeout: float) -> None:
        self.workers = workers
        self.timeout = timeout
        self.gate = Gate(
            workers,
            queue,
            retry_after_s=1,
            limits=Limits(
                "extractive briefs are running",
                "NEWSBRIEF_EXTRACTIVE_WORKERS, NEWSBRIEF_EXTRACTIVE_QUEUE",
            ),
        )
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)
        self._pool = ProcessPool(max_workers=workers, initializer=_lower_priority, context=context)

    async def run(self, job: Callable[..., T], *args: Any, admit: bool = True) -> T:
        """`job(*args)` in a worker process. Cancelling the caller stops the job.

        `admit=False` skips the gate: for work that is bounded already by another gate (the
        llm engine's cross-check runs inside a slot of the model's gate), and that must not
        be refused with a 429 of its own."""
        if not admit:
            return await self._schedule(job, args)
        async with self.gate.slot():
            return await self._schedule(job, args)

    async def _schedule(self, job: Callable[..., T], args: tuple[Any, ...]) -> T:
        try:
            future = self._pool.schedule(job, args=args, timeout=self.timeout)
        except RuntimeError as exc:  # a closed pool, or no process could be started at all
            raise _broken(exc) from None
        try:
            # Cancelling the wrapper cancels pebble's future, which stops its process.
            result: T = await asyncio.wrap_future(future)
        except FutureTimeout:
            raise WorkTimedOut(
                f"The brief took more than {self.timeout:g} s of CPU work and was "
                "stopped (NEWSBRIEF_EXTRACTIVE_TIMEOUT)."
            ) from None
        except BrokenProcessPool as exc:
            raise _broken(exc) from None
        except ProcessExpired as exc:
            log.error("a worker process died (exit code %s)", exc.exitcode)
            raise WorkerLost(
                f"The worker process briefing this text died (exit code {exc.exitcode}), "
                "most likely out of memory."
            ) from None
        return result

    def close(self) -> None:
        """Stop the workers now: a job still running is abandoned with its process."""
        self._pool.stop()  # type: ignore[no-untyped-call]
        self._pool.join(timeout=5)


def _broken(exc: BaseException) -> WorkerLost:
    # No worker could start (a script that starts the service without a `__main__` guard, a
    # fork server that died): a clear error for the client, the cause in the log.
    log.error("the worker pool cannot run a job: %s", exc)
    return WorkerLost("No worker process could be started for this brief; see the service's log.")


def pool_size(configured: int) -> int:
    """The configured number of workers, or one per core."""
    return configured or os.cpu_count() or 1
