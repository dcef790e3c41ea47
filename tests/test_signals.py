"""`newsbrief summaries` as a real process: SIGTERM and Ctrl-C end it at once, cleanly."""

import os
import select
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from schemas import Brief
from tests.conftest import ROOT

# One quotation left open over many sentences: about 10 s of the extractive engine on a
# 2-core machine, real work with no network and no test hook in the service.
SLOW_ARTICLE = ('"' + "the mayor said the bridge would reopen. " * 4000)[:150_000]


def start_summaries(
    folder: Path, engine: str = "extractive", **settings: str
) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSBRIEF_")}
    env.update(settings, PYTHONPATH=str(ROOT))
    command = [sys.executable, "-m", "service.cli", "summaries", str(folder)]
    return subprocess.Popen(
        [*command, "--engine", engine], cwd=folder, env=env, stderr=subprocess.PIPE
    )


def wait_for(process: subprocess.Popen[bytes], text: bytes, timeout: float = 30.0) -> bytes:
    """What the process wrote on stderr up to `text`; fails rather than hang."""
    assert process.stderr is not None
    seen = b""
    deadline = time.monotonic() + timeout
    while text not in seen:
        left = deadline - time.monotonic()
        assert left > 0, f"no {text!r} on stderr in {timeout} s: {seen!r}"
        ready, _, _ = select.select([process.stderr], [], [], left)
        if ready:
            chunk = os.read(process.stderr.fileno(), 4096)
            assert chunk, f"stderr closed before {text!r}: {seen!r}"
            seen += chunk
    return seen


@pytest.mark.parametrize(
    ("signum", "status"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)], ids=["TERM", "INT"]
)
def test_a_signal_ends_summaries_within_2_s_while_briefs_are_computed(
    tmp_path: Path, signum: signal.Signals, status: int
) -> None:
    (tmp_path / "a-small.txt").write_text("The mayor said the bridge would reopen.\n")
    for name in ("b-slow.txt", "c-slow.txt", "d-slow.txt"):
        (tmp_path / name).write_text(SLOW_ARTICLE)
    process = start_summaries(tmp_path)
    try:
        wait_for(process, b"a-small.txt: written")  # the slow ones are in worker threads now
        sent = time.monotonic()
        process.send_signal(signum)
        returncode = process.wait(timeout=10)
        elapsed = time.monotonic() - sent
    finally:
        process.kill()
        process.wait()
    assert returncode == status, "the slow articles finished before the signal?"
    assert elapsed < 2.0
    assert not list(tmp_path.glob(".*.tmp"))
    assert (tmp_path / "a-small.brief.json").exists()
    for brief in tmp_path.glob("*.brief.json"):
        Brief.model_validate_json(brief.read_bytes())  # whole, never half-written


def test_an_interrupted_run_says_what_it_had_written(tmp_path: Path) -> None:
    (tmp_path / "a-small.txt").write_text("The mayor said the bridge would reopen.\n")
    (tmp_path / "b-slow.txt").write_text(SLOW_ARTICLE)
    process = start_summaries(tmp_path)
    try:
        seen = wait_for(process, b"a-small.txt: written")
        process.send_signal(signal.SIGTERM)
        _, rest = process.communicate(timeout=10)
    finally:
        process.kill()
        process.wait()
    last = (seen + rest).decode().splitlines()[-1]
    assert last.startswith("newsbrief: interrupted by SIGTERM: 1 brief(s) written")


@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
def test_sigterm_ends_summaries_waiting_on_a_model_server_that_never_answers(
    tmp_path: Path,
) -> None:
    (tmp_path / "a.txt").write_text("The mayor said the bridge would reopen.\n")
    with socket.create_server(("127.0.0.1", 0)) as silent_server:
        port = silent_server.getsockname()[1]
        process = start_summaries(
            tmp_path,
            engine="llm",
            NEWSBRIEF_BASE_URL=f"http://127.0.0.1:{port}/v1",
            NEWSBRIEF_MODEL="silent",
        )
        try:
            silent_server.settimeout(30)
            connection, _ = silent_server.accept()  # the brief now waits for an answer
            sent = time.monotonic()
            process.send_signal(signal.SIGTERM)
            returncode = process.wait(timeout=10)
            elapsed = time.monotonic() - sent
            connection.close()
        finally:
            process.kill()
            process.wait()
    assert returncode == 143
    assert elapsed < 2.0
