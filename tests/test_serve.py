"""`newsbrief serve` (what `make run` starts) serves real HTTP on a loopback port."""

import json
import subprocess
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SEED_ARTICLE, read_text
from tests.serving import start_server


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    base, process = start_server(tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
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
