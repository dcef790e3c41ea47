"""Extractive work in worker processes: stopped at its deadline, stopped when abandoned, bounded."""

import asyncio
import os
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from schemas import Brief
from service.api import create_app
from service.errors import Overloaded, WorkTimedOut
from service.workers import WorkerPool
from tests.conftest import offline_settings


def sleep_then_brief(text: str, title: str | None) -> Brief:
    """A stand-in for the extractive engine on a pathological text: it never finishes in time.
    Module-level so that a worker process can import it."""
    time.sleep(60)
    raise AssertionError("the deadline should have stopped this")


def note_pid_and_sleep(path: str) -> None:
    Path(path).write_text(str(os.getpid()), encoding="utf-8")
    time.sleep(60)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A killed child stays a zombie until reaped; /proc says which.
    status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    return "zombie" not in status


def wait_for(predicate: object, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return True
        time.sleep(0.02)
    return False


def test_a_job_past_its_deadline_is_stopped_with_a_timeout_error() -> None:
    async def scenario() -> float:
        pool = WorkerPool(workers=1, queue=0, timeout=0.5)
        try:
            started = time.monotonic()
            with pytest.raises(WorkTimedOut, match="NEWSBRIEF_EXTRACTIVE_TIMEOUT"):
                await pool.run(time.sleep, 30)
            took = time.monotonic() - started
            # The pool is whole again: a new job runs in a fresh worker.
            assert await pool.run(len, "abc") == 3
            return took
        finally:
            pool.close()

    assert asyncio.run(scenario()) < 5


def test_an_abandoned_job_has_its_process_stopped_and_its_slot_freed(tmp_path: Path) -> None:
    pid_file = tmp_path / "pid"

    async def scenario() -> int:
        pool = WorkerPool(workers=1, queue=0, timeout=60)
        try:
            job = asyncio.create_task(pool.run(note_pid_and_sleep, str(pid_file)))
            while not pid_file.exists() or not pid_file.read_text(encoding="utf-8"):
                await asyncio.sleep(0.02)
            job.cancel()
            with pytest.raises(asyncio.CancelledError):
                await job
            assert (pool.gate.busy, pool.gate.waiting) == (0, 0)
            assert await pool.run(len, "ab") == 2
            return int(pid_file.read_text(encoding="utf-8"))
        finally:
            pool.close()

    pid = asyncio.run(scenario())
    assert wait_for(lambda: not alive(pid), 1.0), "the abandoned job's process is still running"


def test_beyond_the_workers_and_the_queue_a_job_is_refused_with_retry_after() -> None:
    async def scenario() -> Overloaded:
        pool = WorkerPool(workers=1, queue=1, timeout=60)
        try:
            running = [asyncio.create_task(pool.run(time.sleep, 30)) for _ in range(2)]
            await asyncio.sleep(0.2)
            with pytest.raises(Overloaded) as refused:
                await pool.run(len, "x")
            for task in running:
                task.cancel()
            await asyncio.gather(*running, return_exceptions=True)
            return refused.value
        finally:
            pool.close()

    refused = asyncio.run(scenario())
    assert refused.headers is not None
    assert int(refused.headers["Retry-After"]) >= 1
    assert "NEWSBRIEF_EXTRACTIVE_WORKERS" in refused.detail


def test_the_api_answers_a_brief_past_the_deadline_with_a_504_problem(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("service.pipeline.extractive_brief", sleep_then_brief)
    app = create_app(offline_settings(extractive_timeout=0.5, extractive_workers=1))
    with TestClient(app) as client:
        response = client.post("/v1/summaries", json={"text": "The mayor said so."})
        assert response.status_code == 504
        assert response.headers["content-type"].startswith("application/problem+json")
        assert response.json()["code"] == "extractive_timeout"
        # The service goes on answering, from a fresh worker.
        monkeypatch.undo()
        again = client.post("/v1/summaries", json={"text": "The mayor said so."})
        assert again.status_code == 200, again.text
