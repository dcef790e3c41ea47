"""The upstream's error text never reaches the client, and what is logged of it is redacted.
The upstream bodies here are fabricated (a real server echoing a key is not recorded)."""

import logging

import httpx2
import pytest
from fastapi.testclient import TestClient

from service.api import create_app
from service.redaction import redact
from tests.fake_model import FakeModelServer
from tests.llm_support import llm_settings

KEY = "sk-proj-Fabricated0123456789abcdefXYZ"
ECHO = f"Incorrect API key provided: {KEY}. You can find your API key in your account."


def post_with_key(server: FakeModelServer, text: str) -> httpx2.Response:
    settings = llm_settings(NEWSBRIEF_API_KEY=KEY, output_mode="json_object_schema")
    with TestClient(
        create_app(settings, llm=server.engine(settings)), raise_server_exceptions=False
    ) as client:
        response: httpx2.Response = client.post("/v1/summaries", json={"text": text})
    return response


def test_an_upstream_401_that_echoes_the_key_leaves_no_trace_of_it_in_the_response(
    seed_text: str,
) -> None:
    response = post_with_key(FakeModelServer().status(401, ECHO), seed_text)
    assert response.status_code == 502
    assert response.json()["code"] == "model_request_rejected"
    assert KEY not in response.text
    assert KEY[:12] not in response.text
    assert "Incorrect API key" not in response.text  # the upstream's text, not ours


def test_the_upstream_body_goes_to_the_log_with_the_key_redacted(
    seed_text: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="newsbrief"):
        post_with_key(FakeModelServer().status(401, ECHO), seed_text)
    assert "Incorrect API key provided: [redacted]" in caplog.text
    assert KEY not in caplog.text
    assert KEY[:12] not in caplog.text


def test_an_upstream_5xx_message_is_logged_not_answered(
    seed_text: str, caplog: pytest.LogCaptureFixture
) -> None:
    server = FakeModelServer()
    for _ in range(4):
        server.status(500, "CUDA out of memory on node gpu-7")
    with caplog.at_level(logging.WARNING, logger="newsbrief"):
        response = post_with_key(server, seed_text)
    assert response.json()["code"] == "model_server_error"
    assert "HTTP 500" in response.json()["detail"]
    assert "gpu-7" not in response.text
    assert "gpu-7" in caplog.text


def test_a_configured_key_that_is_not_sk_shaped_is_redacted() -> None:
    assert redact("bad key abc123secret", ["abc123secret"]) == "bad key [redacted]"


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Incorrect API key provided: sk-abcdef123456.", "sk-abcdef123456"),
        ("header was Authorization: Bearer eyJhbGciOi.J9.xyz", "eyJhbGciOi"),
        ("GET https://host/v1?api_key=s3cr3t&model=x", "s3cr3t"),
        ("GET https://host/v1?key=s3cr3t", "s3cr3t"),
        ("see http://user:hunter2@model.example/v1", "hunter2"),
        ("Basic dXNlcjpodW50ZXIy was refused", "dXNlcjpodW50ZXIy"),
    ],
)
def test_secret_shaped_text_is_redacted(text: str, secret: str) -> None:
    assert secret not in redact(text)


def test_redaction_keeps_the_rest_of_the_message() -> None:
    said = redact("key sk-abcdef123456 invalid for model gpt-x at https://host/v1?model=gpt-x")
    assert said == "key sk-[redacted] invalid for model gpt-x at https://host/v1?model=gpt-x"


def test_credentials_in_the_base_url_are_redacted_in_the_start_up_log(
    caplog: pytest.LogCaptureFixture,
) -> None:
    settings = llm_settings(base_url="http://user:hunter2@model.invalid/v1")
    with (
        caplog.at_level(logging.INFO, logger="newsbrief"),
        TestClient(create_app(settings, llm=FakeModelServer().engine(settings))),
    ):
        pass
    assert "hunter2" not in caplog.text
    assert "http://[redacted]@model.invalid/v1" in caplog.text
