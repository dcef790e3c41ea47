"""Bounded concurrency for model calls: a semaphore, and a bounded queue in front of it."""

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from service.errors import Overloaded


class ModelGate:
    """At most `inflight` briefs talk to the model at once and at most `queue` wait for a turn;
    one more is refused at once with 429 and a Retry-After, rather than piling up."""

    def __init__(self, inflight: int, queue: int, retry_after_s: int = 5) -> None:
        self.inflight = inflight
        self.queue = queue
        self.retry_after_s = retry_after_s
        self._slots = asyncio.Semaphore(inflight)
        self._waiting = 0
        self._busy = 0

    @property
    def busy(self) -> int:
        return self._busy

    @property
    def waiting(self) -> int:
        return self._waiting

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        if self._busy + self._waiting >= self.inflight + self.queue:
            raise Overloaded(
                f"{self._busy} briefs are waiting on the model and {self._waiting} more are "
                "queued (NEWSBRIEF_MAX_INFLIGHT, NEWSBRIEF_MAX_QUEUE); try again shortly.",
                headers={"Retry-After": str(self.retry_after_s)},
            )
        self._waiting += 1
        try:
            await self._slots.acquire()
        finally:
            self._waiting -= 1
        self._busy += 1
        try:
            yield
        finally:
            self._busy -= 1
            self._slots.release()
