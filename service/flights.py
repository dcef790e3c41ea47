"""Identical requests in flight at once share one piece of work (one model call, not sixty)."""

import asyncio
from collections.abc import Awaitable, Callable, Hashable
from typing import Generic, TypeVar

T = TypeVar("T")


class _Flight(Generic[T]):
    def __init__(self, task: "asyncio.Task[T]") -> None:
        self.task = task
        self.waiters = 0


class Flights(Generic[T]):
    """`run(key, work)` starts `work()` unless the same key is already running, and then waits
    for that one instead. The work is cancelled only when every caller waiting for it has gone
    (a client that hangs up must not cost the others their answer)."""

    def __init__(self) -> None:
        self._running: dict[Hashable, _Flight[T]] = {}

    def __len__(self) -> int:
        return len(self._running)

    async def run(self, key: Hashable, work: Callable[[], Awaitable[T]]) -> T:
        flight = self._running.get(key)
        if flight is None:
            flight = _Flight(asyncio.ensure_future(work()))
            self._running[key] = flight
            flight.task.add_done_callback(lambda _: self._forget(key, flight))
        flight.waiters += 1
        try:
            return await asyncio.shield(flight.task)
        except asyncio.CancelledError:
            flight.waiters -= 1
            if flight.waiters == 0:
                flight.task.cancel()
            raise

    def _forget(self, key: Hashable, flight: _Flight[T]) -> None:
        if self._running.get(key) is flight:
            del self._running[key]
