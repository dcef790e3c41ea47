"""/healthz says the engine that really serves; /readyz says whether it can, asking the model
server for its models list when an llm engine is configured (a fabricated server here)."""

from collections.abc import Iterator
from typing import Any

import httpx2
import pytest
from fastapi.testclient import TestClient

from service import __version__
from service.api import create_app
from service.config import Settings
from tests.conftest import offline_settings
from tests.fake_model import FakeModelServer
from tests.llm_support import llm_settings


def api(settings: Settings, server: FakeModelServer | None = None) -> TestClient:
    llm = server.engine(settings) if server is not None else None
    return TestClient(create_app(settings, llm=llm), raise_server_exceptions=False)


@pytest.fixture
def server() -> FakeModelServer:
    return FakeModelServer()


@pytest.fixture
def llm_api(server: FakeModelServer) -> Iterator[TestClient]:
    with api(llm_settings(), server) as client:
        yield client


def problem(response: httpx2.Response, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body: dict[str, Any] = response.json()
    assert body["code"] == code
    return body


def test_healthz_follows_newsbrief_engine_over_a_configured_model() -> None:
    with api(llm_settings(engine="extractive")) as client:
        assert client.get("/healthz").json()["engine"] == "extractive"


def test_healthz_names_llm_and_its_model_when_a_base_url_is_set(
    llm_api: TestClient,
) -> None:
    health = llm_api.get("/healthz").json()
    assert (health["engine"], health["model"]) == ("llm", "fake-model")


def test_healthz_says_extractive_for_a_key_without_a_model() -> None:
    with api(offline_settings(api_key="sk-test")) as client:
        assert client.get("/healthz").json() == {
            "status": "ok",
            "version": __version__,
            "engine": "extractive",
            "model": None,
        }


def test_readyz_is_ready_with_the_extractive_engine(client: TestClient) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ready",
        "engine": "extractive",
        "model_server": "not configured",
    }


def test_readyz_asks_the_model_server_for_its_models(
    server: FakeModelServer, llm_api: TestClient
) -> None:
    server.models("fake-model")
    response = llm_api.get("/readyz")
    assert response.status_code == 200, response.text
    assert response.json()["model_server"] == "answers"
    assert server.requests == [{"method": "GET", "path": "/v1/models"}]


def test_readyz_is_503_when_the_model_server_cannot_be_reached(
    server: FakeModelServer, llm_api: TestClient
) -> None:
    server.fault(httpx2.ConnectError)
    body = problem(llm_api.get("/readyz"), 503, "model_unreachable")
    assert "connection failed" in body["detail"]


def test_readyz_is_503_when_the_model_server_fails_its_models_list(
    server: FakeModelServer, llm_api: TestClient
) -> None:
    server.status(500, "the server's own words, never shown")
    body = problem(llm_api.get("/readyz"), 503, "model_unreachable")
    assert "HTTP 500" in body["detail"]
    assert "own words" not in body["detail"]
    assert len(server.requests) == 1  # no retries: a probe answers now or not at all


def test_readyz_is_503_when_the_default_engine_is_llm_without_a_model() -> None:
    with api(offline_settings(engine="llm")) as client:
        problem(client.get("/readyz"), 503, "engine_unavailable")


def test_a_key_alone_never_makes_a_brief_go_to_a_hosted_model(seed_text: str) -> None:
    with api(offline_settings(api_key="sk-test")) as client:
        brief = client.post("/v1/summaries", json={"text": seed_text}).json()
        assert brief["meta"]["engine"] == "extractive"
        asked = client.post("/v1/summaries", json={"text": seed_text, "options": {"engine": "llm"}})
        assert "NEWSBRIEF_MODEL" in problem(asked, 503, "engine_unavailable")["detail"]
