"""`newsbrief eval --engine llm` against a fabricated model server on loopback: its parallelism
from a setting (1 for a local server), a line per article with its time, and an interrupted run
that prints the figures of what it scored."""

import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from service.cli import main
from tests.conftest import ROOT
from tests.fake_model import chat_completion
from tests.llm_support import llm_settings
from tests.test_eval_cli import write_gold
from tests.test_signals import wait_for

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])


def grounded_answer(prompt: bytes) -> bytes:
    """Fabricated: an answer that grounds in either article of the gold folder (words of its first
    sentence as the summary, and the one actor the prompt names)."""
    name = "Mayor Ann Lee" if b"Ann Lee" in prompt else "port authority"
    answer = {
        "summary": {"text": "the bridge", "sentences": ["S1"]},
        "actors": [{"name": name, "kind": "other", "role": None, "aliases": []}],
        "claims": [],
        "hedges": [],
    }
    return json.dumps(chat_completion(json.dumps(answer))).encode()


@contextmanager
def model_answering(first: int) -> Iterator[tuple[str, list[int]]]:
    """A fabricated server on 127.0.0.1 that answers the first `first` completions and holds
    every later one open until the block ends; yields its base URL and the requests in flight
    at each arrival."""
    release = threading.Event()
    lock = threading.Lock()
    state = {"seen": 0, "open": 0}
    in_flight: list[int] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = grounded_answer(self.rfile.read(int(self.headers.get("content-length", "0"))))
            with lock:
                state["seen"] += 1
                state["open"] += 1
                in_flight.append(state["open"])
                held = state["seen"] > first
            if held:
                release.wait(30)
            else:
                threading.Event().wait(0.05)  # long enough for a second job to arrive
            with lock:
                state["open"] -= 1
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1", in_flight
    finally:
        release.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def gold(tmp_path: Path) -> Path:
    return write_gold(tmp_path)


@pytest.fixture(autouse=True)
def _in_a_scratch_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no .env from the repository; build/ lands here
    from service.config import get_settings

    get_settings.cache_clear()


@pytest.mark.parametrize(
    ("base_url", "jobs"),
    [
        ("http://127.0.0.1:8765/v1", 1),
        ("http://localhost:8765/v1", 1),
        ("https://api.example.invalid/v1", 4),
    ],
)
def test_eval_jobs_default_to_one_for_a_local_server(base_url: str, jobs: int) -> None:
    assert llm_settings(base_url=base_url).eval_parallelism() == jobs


def test_eval_jobs_come_from_the_setting() -> None:
    assert llm_settings(base_url="http://127.0.0.1:8765/v1", eval_jobs=3).eval_parallelism() == 3


def run_eval(
    base_url: str, gold: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[int, str, str]:
    monkeypatch.setenv("NEWSBRIEF_BASE_URL", base_url)
    code = main(["eval", "--engine", "llm", "--gold", str(gold)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_an_llm_eval_on_a_local_server_sends_one_brief_at_a_time(
    gold: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with model_answering(first=10) as (base_url, in_flight):
        code, out, _ = run_eval(base_url, gold, capsys, monkeypatch)
    assert code == 0
    assert set(in_flight) == {1}  # never two requests at once
    assert "all (2 articles)" in out


def test_an_llm_eval_takes_its_parallelism_from_the_setting(
    gold: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSBRIEF_EVAL_JOBS", "2")
    # A mode set, so no first call waits for another's probe of json_schema.
    monkeypatch.setenv("NEWSBRIEF_OUTPUT_MODE", "json_object_schema")
    with model_answering(first=10) as (base_url, in_flight):
        assert run_eval(base_url, gold, capsys, monkeypatch)[0] == 0
    assert max(in_flight) == 2


def test_each_article_is_reported_with_its_time_and_the_elapsed(
    gold: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with model_answering(first=10) as (base_url, _):
        _, _, err = run_eval(base_url, gold, capsys, monkeypatch)
    lines = [line for line in err.splitlines() if line.startswith("[")]
    assert len(lines) == 2
    assert lines[0].startswith("[1/2] bridge.txt: scored in ")
    assert lines[1].endswith(" elapsed)")


def test_limit_scores_only_the_first_articles(
    gold: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSBRIEF_BASE_URL", "http://127.0.0.1:9/v1")
    assert main(["eval", "--gold", str(gold), "--limit", "1"]) == 0
    assert "all (1 article)" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("signum", "status"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)], ids=["TERM", "INT"]
)
def test_an_interrupted_eval_prints_the_figures_of_what_it_scored(
    gold: Path, tmp_path: Path, signum: signal.Signals, status: int
) -> None:
    with model_answering(first=1) as (base_url, _):
        env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSBRIEF_")}
        env.update(PYTHONPATH=str(ROOT), NEWSBRIEF_BASE_URL=base_url)
        command = [sys.executable, "-m", "service.cli", "eval", "--engine", "llm"]
        process = subprocess.Popen(
            [*command, "--gold", str(gold)],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            seen = wait_for(process, b"[1/2] bridge.txt: scored")
            process.send_signal(signum)
            process.wait(timeout=10)
            assert process.stderr is not None
            seen += process.stderr.read()
        finally:
            process.kill()
            process.wait()
    said = seen.decode()
    assert process.returncode == status
    assert f"interrupted by {signum.name}: 1 article scored" in said
    assert "bridge" in said.split("the figures so far")[1]
    assert "harbour" not in said.split("the figures so far")[1]
    assert "all (1 article)" in said
    assert not (tmp_path / "build").exists()
