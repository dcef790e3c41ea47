"""`newsbrief serve` as a real subprocess on a free loopback port, for the tests that need real
HTTP (the server, its logs, the browser)."""

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start_server(
    cwd: Path, env: dict[str, str] | None = None, **popen: object
) -> tuple[str, "subprocess.Popen[str]"]:
    """Start `newsbrief serve` in `cwd` (no .env of the repository) with only `env` of the
    NEWSBRIEF_* variables, and wait until /healthz answers; its base URL and process."""
    port = free_port()
    process: subprocess.Popen[str] = subprocess.Popen(  # type: ignore[call-overload]
        [sys.executable, "-m", "service.cli", "serve", "--port", str(port)],
        text=True,
        cwd=str(cwd),
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), **(env or {})},
        **popen,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(f"{base}/healthz", timeout=1).close()
            return base, process
        except (urllib.error.URLError, ConnectionError):
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                output = process.communicate()
                pytest.fail(f"server did not start: {output[0] or output[1]}")
            time.sleep(0.2)
