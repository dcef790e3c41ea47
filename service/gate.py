"""Bounded concurrency: a semaphore, a bounded queue in front of it, and a Retry-After that
comes from how fast the queue is really draining."""

import asyncio
import math
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass

from service.errors import Overloaded

EWMA_WEIGHT = 0.2  # of the newest hold time in the running mean
RETRY_AFTER_MAX_S = 600


@dataclass(frozen=True)
class Limits:
    """What a gate guards, in the words of its settings, for the 429's message."""

    what: str  # "briefs waiting on the model"
    settings: str  # "NEWSBRIEF_MAX_INFLIGHT, NEWSBRIEF_MAX_QUEUE"


class Gate:
    """At most `inflight` holders at once and at most `queue` waiting for a turn; one more is
    refused at once with 429 and a Retry-After, rather than piling up.

    Retry-After is the time the queue ahead would take to drain at the measured rate: the
    running mean of how long a slot is held, times the requests ahead, over the slots. Before
    the first slot has been released there is nothing measured, and `retry_after_s` is said."""

    def __init__(
        self,
        inflight: int,
        queue: int,
        retry_after_s: int = 5,
        limits: Limits | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.inflight = inflight
        self.queue = queue
        self.retry_after_s = retry_after_s
        self.limits = limits or Limits(
            "briefs waiting on the model", "NEWSBRIEF_MAX_INFLIGHT, NEWSBRIEF_MAX_QUEUE"
        )
        self._slots = asyncio.Semaphore(inflight)
        self._waiting = 0
        self._busy = 0
        self._mean_hold_s: float | None = None
        self._clock = clock

    @property
    def busy(self) -> int:
        return self._busy

    @property
    def waiting(self) -> int:
        return self._waiting

    @property
    def mean_hold_s(self) -> float | None:
        """The running mean of how long a slot was held, or None before any was released."""
        return self._mean_hold_s

    def retry_after(self) -> int:
        """Whole seconds until the queue ahead of a new request would have drained."""
        if self._mean_hold_s is None:
            return self.retry_after_s
        ahead = self._waiting + 1
        seconds = self._mean_hold_s * ahead / self.inflight
        return max(1, min(RETRY_AFTER_MAX_S, math.ceil(seconds)))

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        if self._busy + self._waiting >= self.inflight + self.queue:
            raise Overloaded(
                f"{self._busy} {self.limits.what} and {self._waiting} more are queued "
                f"({self.limits.settings}); try again in {self.retry_after()} s.",
                headers={"Retry-After": str(self.retry_after())},
            )
        self._waiting += 1
        try:
            await self._slots.acquire()
        finally:
            self._waiting -= 1
        self._busy += 1
        held_from = self._clock()
        abandoned = False
        try:
            yield
        except asyncio.CancelledError:
            abandoned = True  # an abandoned brief says nothing about how long one takes
            raise
        finally:
            self._busy -= 1
            self._slots.release()
            if not abandoned:
                self._record(self._clock() - held_from)

    def _record(self, held_s: float) -> None:
        if self._mean_hold_s is None:
            self._mean_hold_s = held_s
        else:
            self._mean_hold_s += EWMA_WEIGHT * (held_s - self._mean_hold_s)
