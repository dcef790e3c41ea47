"""Request ids, the one log line per brief (text or JSON), and GET /metrics."""

import io
import json
import logging
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from service.api import create_app
from service.logs import FIELDS, JsonFormatter, TextFormatter, configure_logging
from service.observe import REQUEST_ID_MAX
from tests.conftest import offline_settings
from tests.fake_model import FakeModelServer
from tests.llm_support import llm_settings, strong_answer


def brief_lines(caplog: pytest.LogCaptureFixture) -> list[dict[str, object]]:
    return [getattr(r, FIELDS) for r in caplog.records if r.getMessage() == "brief"]


def samples(client: TestClient) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    response = client.get("/metrics")
    assert response.headers["content-type"].startswith("text/plain; version=0.0.4")
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(response.text)
        for s in family.samples
    }


def test_a_request_id_is_generated_when_absent(client: TestClient) -> None:
    first = client.get("/healthz").headers["x-request-id"]
    second = client.get("/healthz").headers["x-request-id"]
    assert len(first) == 32
    assert first != second


def test_the_clients_request_id_is_echoed(client: TestClient) -> None:
    response = client.get("/healthz", headers={"X-Request-ID": "abc-123.trace:7"})
    assert response.headers["x-request-id"] == "abc-123.trace:7"


def test_a_request_id_is_sanitised_and_capped(client: TestClient) -> None:
    given = 'a b"c\\d<e>' + "x" * 500
    echoed = client.get("/healthz", headers={"X-Request-ID": given}).headers["x-request-id"]
    assert echoed == ("abcde" + "x" * 500)[:REQUEST_ID_MAX]


def test_a_request_id_with_nothing_usable_is_replaced(client: TestClient) -> None:
    echoed = client.get("/healthz", headers={"X-Request-ID": '"" <>'}).headers["x-request-id"]
    assert len(echoed) == 32


def test_a_refused_body_carries_its_request_id_too() -> None:
    with TestClient(create_app(offline_settings(max_text_chars=10))) as client:
        response = client.post(
            "/v1/summaries",
            content=b'{"text": "' + b"x" * 200 + b'"}',
            headers={"content-type": "application/json", "x-request-id": "big-one"},
        )
    assert (response.status_code, response.headers["x-request-id"]) == (413, "big-one")


def test_each_brief_gets_one_structured_log_line(
    client: TestClient, seed_text: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="newsbrief")
    client.post("/v1/summaries", json={"text": seed_text}, headers={"x-request-id": "r1"})
    client.post("/v1/summaries", json={"text": seed_text}, headers={"x-request-id": "r2"})
    first, second = brief_lines(caplog)
    assert first["request_id"] == "r1"
    assert (first["status"], first["engine"], first["cached"]) == (200, "extractive", False)
    assert (first["attempts"], first["tokens"]) == (0, 0)
    assert isinstance(first["ms"], float)
    assert (second["request_id"], second["cached"]) == ("r2", True)


def test_a_failed_brief_logs_its_status_and_code(
    client: TestClient, seed_text: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="newsbrief")
    client.post("/v1/summaries", json={"text": seed_text, "options": {"engine": "llm"}})
    (line,) = brief_lines(caplog)
    assert (line["status"], line["code"]) == (503, "engine_unavailable")


def test_the_llm_brief_line_says_attempts_and_tokens(
    seed_text: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="newsbrief")
    server = FakeModelServer().answer(strong_answer(), prompt_tokens=100, completion_tokens=50)
    settings = llm_settings()
    with TestClient(create_app(settings, llm=server.engine(settings))) as client:
        assert client.post("/v1/summaries", json={"text": seed_text}).status_code == 200
    (line,) = brief_lines(caplog)
    assert (line["engine"], line["attempts"], line["tokens"]) == ("llm", 1, 150)


def record(fields: dict[str, object]) -> logging.LogRecord:
    made = logging.LogRecord("newsbrief", logging.INFO, __file__, 1, "brief", None, None)
    setattr(made, FIELDS, fields)
    return made


def test_the_json_format_is_one_object_a_line() -> None:
    line = JsonFormatter().format(record({"request_id": "r1", "cached": False, "ms": 1.5}))
    parsed = json.loads(line)
    assert (parsed["level"], parsed["message"], parsed["request_id"]) == ("info", "brief", "r1")
    assert (parsed["cached"], parsed["ms"]) == (False, 1.5)


def test_the_text_format_keeps_fields_splittable() -> None:
    line = TextFormatter().format(record({"request_id": "r 1", "engine": None, "cached": True}))
    assert line == 'INFO: brief request_id="r 1" engine=- cached=true'


def test_configure_logging_sends_uvicorns_lines_through_the_json_handler(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stream = io.StringIO()
    monkeypatch.setattr("sys.stderr", stream)
    root = logging.getLogger()
    saved = (root.handlers[:], root.level)
    try:
        configure_logging("info", "json")
        logging.getLogger("uvicorn.error").info("Started server process")
    finally:
        root.handlers[:], _ = saved
        root.setLevel(saved[1])
    assert json.loads(stream.getvalue())["logger"] == "uvicorn.error"


@pytest.fixture
def started(seed_text: str) -> Iterator[TestClient]:
    with TestClient(create_app(offline_settings())) as client:  # with its worker pool
        yield client


def test_metrics_count_requests_by_route_and_status(started: TestClient) -> None:
    started.get("/healthz")
    started.get("/no/such/page")
    found = samples(started)
    ok = ("newsbrief_requests_total", (("method", "GET"), ("route", "/healthz"), ("status", "200")))
    missing = (
        "newsbrief_requests_total",
        (("method", "GET"), ("route", "unmatched"), ("status", "404")),
    )
    assert (found[ok], found[missing]) == (1, 1)


def test_metrics_time_briefs_by_engine_and_count_cache_hits(
    started: TestClient, seed_text: str
) -> None:
    for _ in range(2):
        started.post("/v1/summaries", json={"text": seed_text})
    found = samples(started)
    fresh = (("cached", "false"), ("engine", "extractive"))
    hit = (("cached", "true"), ("engine", "extractive"))
    assert found[("newsbrief_brief_seconds_count", fresh)] == 1
    assert found[("newsbrief_brief_seconds_count", hit)] == 1
    assert found[("newsbrief_cache_hits_total", ())] == 1
    assert found[("newsbrief_cache_bytes", (("tier", "memory"),))] > 1000


def test_metrics_show_the_extractive_gate(started: TestClient) -> None:
    found = samples(started)
    assert found[("newsbrief_gate_in_flight", (("gate", "extractive"),))] == 0
    assert found[("newsbrief_gate_queued", (("gate", "extractive"),))] == 0


def test_metrics_count_model_calls_and_tokens_once_per_brief(seed_text: str) -> None:
    server = FakeModelServer().status(503).answer(strong_answer(), prompt_tokens=70)
    settings = llm_settings()
    with TestClient(create_app(settings, llm=server.engine(settings))) as client:
        client.post("/v1/summaries", json={"text": seed_text})
        client.post("/v1/summaries", json={"text": seed_text})  # a cache hit costs nothing
        found = samples(client)
    assert found[("newsbrief_model_calls_total", ())] == 2  # the 503 and the answer
    assert found[("newsbrief_model_tokens_total", (("kind", "prompt"),))] == 70
    assert found[("newsbrief_model_tokens_total", (("kind", "completion"),))] == 50
    assert found[("newsbrief_gate_in_flight", (("gate", "llm"),))] == 0
