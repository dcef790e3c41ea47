"""`newsbrief serve` with NEWSBRIEF_LOG_FORMAT=json logs one JSON object a line, uvicorn's
own lines included, with the start-up line saying what serves and each brief's line."""

import json
import subprocess
import urllib.request
from pathlib import Path

import pytest

from tests.serving import start_server


@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
def test_a_json_log_has_only_json_lines(tmp_path: Path) -> None:
    env = {"NEWSBRIEF_LOG_FORMAT": "json", "NEWSBRIEF_LOG_LEVEL": "INFO"}
    base, process = start_server(tmp_path, env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
    try:
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
