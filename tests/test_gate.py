"""The gate's Retry-After: how long the queue ahead takes to drain at the measured rate."""

import asyncio

import pytest

from service.errors import Overloaded
from service.gate import Gate


class FakeClock:
    """Fabricated time: each brief "takes" exactly what the test says."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


async def hold(gate: Gate, clock: FakeClock, seconds: float) -> None:
    async with gate.slot():
        clock.now += seconds


def test_before_anything_is_measured_the_configured_retry_after_is_said() -> None:
    assert Gate(inflight=2, queue=2, retry_after_s=7).retry_after() == 7


def test_retry_after_is_the_queue_ahead_over_the_measured_drain_rate() -> None:
    clock = FakeClock()
    gate = Gate(inflight=2, queue=6, clock=clock)

    async def scenario() -> int:
        for _ in range(3):
            await hold(gate, clock, 4.0)  # a brief holds its slot 4 s
        release = asyncio.Event()

        async def wait_long() -> None:
            async with gate.slot():
                await release.wait()

        held = [asyncio.create_task(wait_long()) for _ in range(8)]
        await asyncio.sleep(0.01)
        assert (gate.busy, gate.waiting) == (2, 6)
        with pytest.raises(Overloaded) as refused:
            async with gate.slot():
                pass
        release.set()
        await asyncio.gather(*held)
        assert refused.value.headers is not None
        return int(refused.value.headers["Retry-After"])

    # Six waiting and this one, two slots, 4 s each: the queue drains in 14 s.
    assert asyncio.run(scenario()) == 14


def test_an_abandoned_brief_does_not_count_as_a_fast_one() -> None:
    clock = FakeClock()
    gate = Gate(inflight=1, queue=0, clock=clock)

    async def scenario() -> None:
        await hold(gate, clock, 10.0)

        async def abandoned() -> None:
            async with gate.slot():
                await asyncio.sleep(60)

        task = asyncio.create_task(abandoned())
        await asyncio.sleep(0.01)
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)

    asyncio.run(scenario())
    assert gate.mean_hold_s == 10.0
