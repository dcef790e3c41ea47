"""The HTTP API: briefs, health, schema, and problem+json for every kind of bad request."""

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import httpx2
import pytest
from fastapi.testclient import TestClient

from service.api import create_app
from tests.conftest import offline_settings

PROBLEM = "application/problem+json"


def assert_problem(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert body["code"] == code
    assert body["detail"]
    assert "Traceback" not in response.text
    return body


def test_a_brief_comes_back_from_the_extractive_engine(client: TestClient, seed_text: str) -> None:
    response = client.post("/v1/summaries", json={"text": seed_text})
    assert response.status_code == 200
    brief = response.json()
    assert brief["meta"]["engine"] == "extractive"
    assert brief["meta"]["cached"] is False
    assert brief["claims"]
    assert brief["actors"]
    assert brief["hedges"]
    for claim in brief["claims"]:
        span = claim["evidence"]
        assert seed_text[span["start"] : span["end"]] == span["text"]


def test_the_same_request_is_served_from_the_cache(client: TestClient, seed_text: str) -> None:
    first = client.post("/v1/summaries", json={"text": seed_text}).json()
    second = client.post("/v1/summaries", json={"text": seed_text}).json()
    assert second["meta"]["cached"] is True
    assert {k: v for k, v in second.items() if k != "meta"} == {
        k: v for k, v in first.items() if k != "meta"
    }


def test_healthz_names_the_engine(client: TestClient) -> None:
    assert client.get("/healthz").json()["engine"] == "extractive"


def test_the_brief_schema_is_published(client: TestClient) -> None:
    schema = client.get("/v1/schema").json()
    assert set(schema["required"]) >= {"summary", "actors", "claims", "hedges", "meta"}


def test_the_openapi_page_has_a_request_example(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    request_schema = spec["components"]["schemas"]["SummaryRequest"]
    assert request_schema["examples"][0]["text"]
    assert client.get("/docs").status_code == 200


@pytest.mark.parametrize(
    "body",
    [
        {"text": ""},
        {"text": " \n\t "},
        {},
        {"text": 42},
        {"text": "x", "options": {"engine": "gpt"}},
    ],
    ids=["empty", "whitespace", "missing", "mistyped", "unknown-engine"],
)
def test_bad_fields_are_422_problems(client: TestClient, body: dict[str, Any]) -> None:
    problem = assert_problem(client.post("/v1/summaries", json=body), 422, "invalid_request")
    assert problem["errors"]
    assert all("input" not in error for error in problem["errors"])


def test_malformed_json_is_a_400_problem_that_says_so(client: TestClient) -> None:
    response = client.post(
        "/v1/summaries", content=b'{"text": "abc"', headers={"content-type": "application/json"}
    )
    problem = assert_problem(response, 400, "malformed_json")
    assert "not valid JSON" in problem["detail"]


def test_a_body_that_is_not_utf8_is_a_400_problem(client: TestClient) -> None:
    response = client.post(
        "/v1/summaries",
        content=b'{"text": "caf\xe9 \xff"}',
        headers={"content-type": "application/json"},
    )
    problem = assert_problem(response, 400, "unreadable_body")
    assert "UTF-8" in problem["detail"]


def test_json_nested_too_deeply_says_so(client: TestClient) -> None:
    response = client.post(
        "/v1/summaries",
        content=b"[" * 100_000 + b"]" * 100_000,
        headers={"content-type": "application/json"},
    )
    problem = assert_problem(response, 400, "unreadable_body")
    assert "nested too deeply" in problem["detail"]


def test_healthz_answers_head(client: TestClient) -> None:
    assert client.head("/healthz").status_code == 200


def test_a_body_that_is_not_json_is_a_415_problem(client: TestClient) -> None:
    response = client.post(
        "/v1/summaries", content=b"text=hello", headers={"content-type": "text/plain"}
    )
    assert_problem(response, 415, "unsupported_media_type")


def test_a_body_without_a_content_type_is_a_415_problem(client: TestClient) -> None:
    response = client.post("/v1/summaries", content=b'{"text": "The mayor said so."}')
    problem = assert_problem(response, 415, "unsupported_media_type")
    assert "content-type" in problem["detail"]


def test_text_over_the_limit_is_a_413_problem() -> None:
    app = create_app(offline_settings(max_text_chars=100))
    with TestClient(app) as client:
        problem = assert_problem(
            client.post("/v1/summaries", json={"text": "word " * 30}), 413, "text_too_large"
        )
        assert "characters" in problem["detail"]
        # Far past the limit, the Content-Length alone is refused, before the body is parsed.
        huge = client.post("/v1/summaries", json={"text": "w" * 100_000})
        assert "bytes" in assert_problem(huge, 413, "text_too_large")["detail"]


def test_asking_for_llm_without_a_model_is_a_503_problem(client: TestClient) -> None:
    response = client.post(
        "/v1/summaries", json={"text": "A said B.", "options": {"engine": "llm"}}
    )
    problem = assert_problem(response, 503, "engine_unavailable")
    assert "No model is configured" in problem["detail"]


def test_unknown_routes_and_methods_are_problems(client: TestClient) -> None:
    assert_problem(client.get("/v2/nothing"), 404, "not_found")
    assert_problem(client.get("/v1/summaries"), 405, "method_not_allowed")


def test_an_unexpected_error_is_a_500_problem_without_a_traceback(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*args: object) -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr("service.pipeline.resolve_engine", explode)
    response = client.post("/v1/summaries", json={"text": "Nothing to see."})
    problem = assert_problem(response, 500, "internal_error")
    assert "secret internals" not in response.text
    assert problem["title"] == "Internal Server Error"


def test_a_chunked_body_over_the_limit_is_refused_before_the_rest_is_read() -> None:
    app = create_app(offline_settings(max_text_chars=100))
    limit = 100 * 6 + 65_536
    sent = 0

    async def chunks() -> AsyncIterator[bytes]:
        nonlocal sent
        yield b'{"text": "'
        for _ in range(800):  # 50 MB if it were all read
            sent += 1
            yield b"w" * 65_536

    async def scenario() -> httpx2.Response:
        transport = httpx2.ASGITransport(app=app)
        async with httpx2.AsyncClient(transport=transport, base_url="http://test") as client:
            return await client.post(
                "/v1/summaries", content=chunks(), headers={"content-type": "application/json"}
            )

    response = asyncio.run(scenario())
    problem = assert_problem(response, 413, "text_too_large")
    assert "more than" in problem["detail"]
    assert sent * 65_536 <= limit + 65_536  # it stopped at the first chunk past the limit
