"""Transport retries, error mapping to problem+json, and bounded concurrency, against
fabricated faults (no local server produces these on demand)."""

import asyncio
from collections.abc import Iterator
from typing import Any

import httpx2
import pytest
from fastapi.testclient import TestClient

from service.api import create_app
from service.config import Settings
from service.errors import Overloaded
from service.gate import Gate
from service.llm.transport import retry_after_seconds
from tests.fake_model import FakeModelServer
from tests.llm_support import llm_settings, strong_answer


@pytest.fixture
def server() -> FakeModelServer:
    return FakeModelServer()


def api(server: FakeModelServer, settings: Settings | None = None) -> TestClient:
    settings = settings or llm_settings()
    return TestClient(
        create_app(settings, llm=server.engine(settings)), raise_server_exceptions=False
    )


def post(client: TestClient, text: str) -> httpx2.Response:
    response: httpx2.Response = client.post("/v1/summaries", json={"text": text})
    return response


@pytest.fixture
def seed_api(server: FakeModelServer) -> Iterator[TestClient]:
    with api(server) as client:
        yield client


def problem(response: httpx2.Response, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body: dict[str, Any] = response.json()
    assert body["code"] == code
    return body


def test_a_429_with_retry_after_ms_is_retried_after_that_wait(
    server: FakeModelServer, seed_api: TestClient, seed_text: str
) -> None:
    server.status(429, "slow down", headers={"retry-after-ms": "5"}).answer(strong_answer())
    brief = post(seed_api, seed_text).json()
    assert brief["meta"]["engine"] == "llm"
    assert (brief["meta"]["attempts"], brief["meta"]["model_calls"]) == (1, 2)


MODES = ["json_schema", "json_object_schema", "auto"]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("status", [408, 409, 429, 502, 503, 504])
def test_transient_statuses_are_retried(
    status: int, mode: str, server: FakeModelServer, seed_text: str
) -> None:
    server.status(status).answer(strong_answer())
    with api(server, llm_settings(output_mode=mode)) as client:
        assert post(client, seed_text).status_code == 200
    assert len(server.requests) == 2
    assert server.requests[0]["response_format"] == server.requests[1]["response_format"]


@pytest.mark.parametrize("mode", ["json_schema", "json_object_schema"])
def test_a_500_is_retried_where_no_format_is_being_probed(
    mode: str, server: FakeModelServer, seed_text: str
) -> None:
    server.status(500).answer(strong_answer())
    with api(server, llm_settings(output_mode=mode)) as client:
        assert post(client, seed_text).status_code == 200
    assert len(server.requests) == 2


# In auto, a 422 (or a 400 about the format) to the first json_schema call is the server
# rejecting the format, and is answered by a fallback: tested in test_llm_engine.py.
@pytest.mark.parametrize(
    ("status", "mode"),
    [
        (status, mode)
        for status in (400, 401, 403, 404, 422)
        for mode in MODES
        if (status, mode) != (422, "auto")
    ],
)
def test_client_errors_are_never_retried(
    status: int, mode: str, server: FakeModelServer, seed_text: str
) -> None:
    server.status(status, "no such thing")
    with api(server, llm_settings(output_mode=mode)) as client:
        body = problem(post(client, seed_text), 502, "model_request_rejected")
    assert len(server.requests) == 1
    assert f"HTTP {status}" in body["detail"]
    assert body["upstream_status"] == status


def test_a_wrong_key_says_which_setting_to_check(
    server: FakeModelServer, seed_api: TestClient, seed_text: str
) -> None:
    server.status(401, "invalid api key")
    body = problem(post(seed_api, seed_text), 502, "model_request_rejected")
    assert "NEWSBRIEF_API_KEY" in body["detail"]


def test_a_server_that_stays_unavailable_is_a_503_after_the_retries(
    server: FakeModelServer, seed_text: str
) -> None:
    for _ in range(4):
        server.status(503, "loading model", headers={"retry-after": "0"})
    with api(server, llm_settings(output_mode="json_object_schema")) as client:
        response = post(client, seed_text)
    body = problem(response, 503, "model_unreachable")
    assert len(server.requests) == 4  # the first call and three retries
    assert response.headers["retry-after"] == "1"
    assert body["attempts"] == 0


def test_a_200_that_is_not_a_chat_completion_is_a_502(
    server: FakeModelServer, seed_api: TestClient, seed_text: str
) -> None:
    server.replies.append(lambda request: httpx2.Response(200, text="<html>proxy error</html>"))
    body = problem(post(seed_api, seed_text), 502, "model_server_error")
    assert "not JSON" in body["detail"]
    assert "proxy error" not in body["detail"]  # the upstream's text goes to the log only


def test_a_connection_reset_is_retried(
    server: FakeModelServer, seed_api: TestClient, seed_text: str
) -> None:
    server.fault(httpx2.RemoteProtocolError, "connection reset").answer(strong_answer())
    assert post(seed_api, seed_text).status_code == 200


def test_an_unreachable_server_is_a_503(
    server: FakeModelServer, seed_api: TestClient, seed_text: str
) -> None:
    for _ in range(4):
        server.fault(httpx2.ConnectError, "connection refused")
    body = problem(post(seed_api, seed_text), 503, "model_unreachable")
    assert "NEWSBRIEF_BASE_URL" in body["detail"]


def test_a_server_that_keeps_timing_out_is_a_504(
    server: FakeModelServer, seed_api: TestClient, seed_text: str
) -> None:
    for _ in range(4):
        server.fault(httpx2.ReadTimeout, "timed out")
    problem(post(seed_api, seed_text), 504, "model_timeout")
    assert len(server.requests) == 4


def test_a_brief_past_its_deadline_is_a_504_and_frees_its_slot(
    server: FakeModelServer, seed_text: str
) -> None:
    server.slow(5).answer(strong_answer())
    settings = llm_settings(brief_deadline=0.2, max_inflight=1, max_queue=0)
    with api(server, settings) as client:
        body = problem(post(client, seed_text), 504, "model_timeout")
        assert "NEWSBRIEF_BRIEF_DEADLINE" in body["detail"]
        # The slot is free again: the next brief is served, not refused with 429.
        assert post(client, seed_text).status_code == 200


def test_the_deadline_504_counts_the_calls_of_the_attempt_in_flight(
    server: FakeModelServer, seed_text: str
) -> None:
    server.status(503, "loading").slow(5)  # the first call failed; the retry is in flight
    settings = llm_settings(brief_deadline=0.3, output_mode="json_object_schema")
    with api(server, settings) as client:
        body = problem(post(client, seed_text), 504, "model_timeout")
    assert "over 2 calls" in body["detail"]


def test_the_total_wait_is_capped(server: FakeModelServer, seed_text: str) -> None:
    server.status(429, "later", headers={"retry-after": "3600"})
    with api(server, llm_settings(retry_max_wait=2.0, output_mode="json_object_schema")) as client:
        problem(post(client, seed_text), 503, "model_unreachable")
    assert len(server.requests) == 1  # waiting an hour would pass the cap: give up at once


def test_an_answer_that_never_grounds_is_a_502_with_errors_and_usage(
    server: FakeModelServer, seed_api: TestClient, seed_text: str
) -> None:
    server.answer('{"summary": {}}').answer("[]").answer("nope")
    body = problem(post(seed_api, seed_text), 502, "model_output_invalid")
    assert body["attempts"] == 3
    assert body["usage"]["total_tokens"] == 450
    assert any("not valid JSON" in e["message"] for e in body["errors"])


def test_a_configured_model_makes_auto_serve_llm(
    server: FakeModelServer, seed_api: TestClient, seed_text: str
) -> None:
    assert seed_api.get("/healthz").json()["engine"] == "llm"
    server.answer(strong_answer())
    assert post(seed_api, seed_text).json()["meta"]["engine"] == "llm"
    # The extractive engine can still be asked for by name.
    response = seed_api.post(
        "/v1/summaries", json={"text": seed_text, "options": {"engine": "extractive"}}
    )
    assert response.json()["meta"]["engine"] == "extractive"


def test_beyond_the_queue_a_request_is_refused_with_429() -> None:
    async def scenario() -> None:
        gate = Gate(inflight=1, queue=1, retry_after_s=7)
        release = asyncio.Event()

        async def hold() -> None:
            async with gate.slot():
                await release.wait()

        first = asyncio.create_task(hold())
        second = asyncio.create_task(hold())
        await asyncio.sleep(0.01)
        assert (gate.busy, gate.waiting) == (1, 1)
        with pytest.raises(Overloaded) as caught:
            async with gate.slot():
                pass
        assert caught.value.headers == {"Retry-After": "7"}
        release.set()
        await asyncio.gather(first, second)
        assert (gate.busy, gate.waiting) == (0, 0)

    asyncio.run(scenario())


def test_an_overloaded_gate_is_a_429_problem_with_retry_after(
    server: FakeModelServer, seed_text: str
) -> None:
    settings = llm_settings(max_inflight=1, max_queue=0)
    engine = server.engine(settings)
    app = create_app(settings, llm=engine)

    async def scenario() -> httpx2.Response:
        async with engine.gate.slot():  # the one slot is taken by another brief
            transport = httpx2.ASGITransport(app=app)
            async with httpx2.AsyncClient(transport=transport, base_url="http://test") as c:
                return await c.post("/v1/summaries", json={"text": seed_text})

    response = asyncio.run(scenario())
    problem(response, 429, "overloaded")
    assert response.headers["retry-after"] == "5"
    assert server.requests == []


@pytest.mark.parametrize(
    ("headers", "seconds"),
    [
        ({"retry-after-ms": "1500"}, 1.5),
        ({"retry-after": "7"}, 7.0),
        ({"retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"}, 0.0),
        ({"retry-after": "soon"}, None),
        ({"retry-after": "inf"}, None),
        ({"retry-after-ms": "nan", "retry-after": "2"}, 2.0),
        ({}, None),
    ],
)
def test_retry_after_headers_are_read(headers: dict[str, str], seconds: float | None) -> None:
    assert retry_after_seconds(httpx2.Headers(headers)) == seconds
