"""`newsbrief serve` with NEWSBRIEF_LOG_FORMAT=json logs one JSON object a line, uvicorn's
own lines included, with the start-up line saying what serves and each brief's line."""

import json
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.test_serve import free_port


@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
def test_a_json_log_has_only_json_lines(tmp_path: Path) -> None:
    port = free_port()
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)}
    env |= {"NEWSBRIEF_LOG_FORMAT": "json", "NEWSBRIEF_LOG_LEVEL": "INFO"}
    process = subprocess.Popen(
        [sys.executable, "-m", "service.cli", "serve", "--port", str(port)],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        cwd=str(tmp_path),
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=1).close()
                break
            except (urllib.error.URLError, ConnectionError):
                assert process.poll() is None, "the server exited"
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)
        body = json.dumps({"text": "The ministry said it was possible."}).encode()
        request = urllib.request.Request(
            f"{base}/v1/summaries",
            data=body,
            headers={"content-type": "application/json", "x-request-id": "serve-1"},
        )
        urllib.request.urlopen(request, timeout=30).close()
    finally:
        process.terminate()
        log = process.communicate(timeout=10)[1]
    lines = [json.loads(line) for line in log.splitlines() if line.strip()]
    messages = [line["message"] for line in lines]
    assert any("engine extractive (no model is configured" in m for m in messages)
    briefs = [line for line in lines if line["message"] == "brief"]
    assert [(b["request_id"], b["status"]) for b in briefs] == [("serve-1", 200)]
    assert any(line["logger"].startswith("uvicorn") for line in lines)
