"""`newsbrief serve` (what `make run` starts) serves real HTTP on a loopback port."""

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED_ARTICLE, read_text


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "service.cli", "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=str(tmp_path),  # no .env from the repository
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},  # and no NEWSBRIEF_* at all
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=1).close()
                break
            except (urllib.error.URLError, ConnectionError):
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"server did not start: {process.communicate()[0]}")
                time.sleep(0.2)
        yield base, process
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
def test_the_server_answers_and_logs_its_engine(
    server: tuple[str, subprocess.Popen[str]],
) -> None:
    base, process = server
    body = json.dumps({"text": read_text(SEED_ARTICLE)}).encode()
    request = urllib.request.Request(
        f"{base}/v1/summaries", data=body, headers={"content-type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        brief = json.load(response)
    assert brief["meta"]["engine"] == "extractive"
    assert brief["claims"]
    process.terminate()
    log = process.communicate(timeout=10)[0]
    assert "engine extractive (no model is configured" in log
