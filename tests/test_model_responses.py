"""Malformed 200s from the model server: each is a 502 model_server_error that names what was
wrong, never a 500. Every body here is fabricated (no real server sends these on demand)."""

import itertools
import json
from typing import Any

import httpx2
import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from service.api import create_app
from tests.fake_model import FakeModelServer, chat_completion
from tests.llm_support import llm_settings, strong_answer


def valid_completion() -> dict[str, Any]:
    return chat_completion(json.dumps(strong_answer()))


def with_change(path: tuple[str | int, ...], value: Any) -> bytes:
    """A valid completion with the value at `path` replaced (or deleted, for `DELETE`)."""
    body: Any = valid_completion()
    parent = body
    for key in path[:-1]:
        parent = parent[key]
    if value is DELETE:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return json.dumps(body).encode()


DELETE = object()

# (id, raw body, words the detail must contain)
SHAPES: list[tuple[str, bytes, str]] = [
    ("empty body", b"", "empty"),
    ("html page", b"<html>proxy error</html>", "not JSON"),
    ("not utf-8", b'{"choices": "\xff\xfe"}', "not JSON"),
    ("top-level array", b"[]", "the body"),
    ("top-level null", b"null", "the body"),
    ("top-level number", b"42", "the body"),
    ("choices a string", with_change(("choices",), "x"), "choices"),
    ("choices [null]", with_change(("choices",), [None]), "choices[0]"),
    ("choices [1]", with_change(("choices",), [1]), "choices[0]"),
    ("choices empty", with_change(("choices",), []), "choices"),
    ("choices missing", with_change(("choices",), DELETE), "choices"),
    ("message null", with_change(("choices", 0, "message"), None), "choices[0].message"),
    ("message missing", with_change(("choices", 0, "message"), DELETE), "choices[0].message"),
    ("message a string", with_change(("choices", 0, "message"), "hi"), "choices[0].message"),
    (
        "content a number",
        with_change(("choices", 0, "message", "content"), 42),
        "choices[0].message.content",
    ),
    (
        "content an object",
        with_change(("choices", 0, "message", "content"), {"summary": "x"}),
        "choices[0].message.content",
    ),
    (
        "refusal a list",
        with_change(("choices", 0, "message", "refusal"), ["no"]),
        "choices[0].message.refusal",
    ),
    ("usage null", with_change(("usage",), None), "usage"),
    ("usage missing", with_change(("usage",), DELETE), "usage"),
    ("usage a string", with_change(("usage",), "lots"), "usage"),
    ("usage count null", with_change(("usage", "prompt_tokens"), None), "usage.prompt_tokens"),
    (
        "usage count negative",
        with_change(("usage", "completion_tokens"), -5),
        "usage.completion_tokens",
    ),
    ("usage count a float", with_change(("usage", "total_tokens"), 1.5), "usage.total_tokens"),
    ("usage count a string", with_change(("usage", "prompt_tokens"), "100"), "usage.prompt_tokens"),
    ("usage count a bool", with_change(("usage", "prompt_tokens"), True), "usage.prompt_tokens"),
    (
        "finish_reason a number",
        with_change(("choices", 0, "finish_reason"), 42),
        "choices[0].finish_reason",
    ),
    (
        "finish_reason an object",
        with_change(("choices", 0, "finish_reason"), {"why": "stop"}),
        "choices[0].finish_reason",
    ),
    ("model a number", with_change(("model",), 7), "model"),
]


def brief_response(server: FakeModelServer, text: str, **overrides: Any) -> httpx2.Response:
    settings = llm_settings(output_mode="json_object_schema", **overrides)
    app = create_app(settings, llm=server.engine(settings))
    with TestClient(app, raise_server_exceptions=False) as client:
        response: httpx2.Response = client.post("/v1/summaries", json={"text": text})
    return response


@pytest.mark.parametrize(("body", "named"), [s[1:] for s in SHAPES], ids=[s[0] for s in SHAPES])
def test_a_malformed_200_is_a_502_that_names_what_was_wrong(
    body: bytes, named: str, seed_text: str
) -> None:
    response = brief_response(FakeModelServer().raw(body), seed_text)
    assert response.status_code == 502, response.text
    problem = response.json()
    assert problem["code"] == "model_server_error"
    assert named in problem["detail"]


def test_a_malformed_200_does_not_echo_the_body_to_the_client(seed_text: str) -> None:
    response = brief_response(FakeModelServer().raw("<html>proxy error</html>"), seed_text)
    assert "proxy error" not in response.text


def test_a_valid_completion_with_extra_fields_is_accepted(seed_text: str) -> None:
    body = valid_completion()
    body["system_fingerprint"] = None
    body["choices"][0]["logprobs"] = {"anything": [1, 2]}
    body["usage"]["prompt_tokens_details"] = {"cached_tokens": 0}
    response = brief_response(FakeModelServer().raw(json.dumps(body)), seed_text)
    assert response.status_code == 200, response.text


def test_a_completion_without_a_model_name_keeps_the_configured_one(seed_text: str) -> None:
    body = valid_completion()
    body["model"] = None
    response = brief_response(FakeModelServer().raw(json.dumps(body)), seed_text)
    assert response.json()["meta"]["model"] == "fake-model"


# Random shapes: any JSON at all, and a valid completion with one field replaced or removed.
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
_PATHS: list[tuple[str | int, ...]] = [
    ("id",),
    ("object",),
    ("model",),
    ("choices",),
    ("choices", 0),
    ("choices", 0, "index"),
    ("choices", 0, "message"),
    ("choices", 0, "message", "role"),
    ("choices", 0, "message", "content"),
    ("choices", 0, "message", "refusal"),
    ("choices", 0, "finish_reason"),
    ("usage",),
    ("usage", "prompt_tokens"),
    ("usage", "completion_tokens"),
    ("usage", "total_tokens"),
]


@st.composite
def _mutated_completion(draw: st.DrawFn) -> bytes:
    path = draw(st.sampled_from(_PATHS))
    value = draw(st.just(DELETE) | _JSON)
    return with_change(path, value)


_BODIES = (
    _mutated_completion()
    | _JSON.map(lambda value: json.dumps(value).encode())
    | st.binary(max_size=64)
)


def test_random_bodies_from_the_model_server_never_answer_500(seed_text: str) -> None:
    server = FakeModelServer()
    # One answer per brief: a well-formed answer that fails to ground would only add re-asks.
    settings = llm_settings(output_mode="json_object_schema", max_attempts=1)
    app = create_app(settings, llm=server.engine(settings))
    serial = itertools.count()
    with TestClient(app, raise_server_exceptions=False) as client:

        @given(body=_BODIES)
        @hypothesis_settings(
            max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
        )
        def check(body: bytes) -> None:
            server.replies.clear()
            server.raw(body)
            # A distinct text each time, so that no brief is served from the cache.
            text = f"{seed_text}\nNote {next(serial)}."
            response = client.post("/v1/summaries", json={"text": text})
            assert response.status_code in (200, 502), (body, response.text)
            assert response.headers["content-type"].startswith("application/")
            if response.status_code == 502:
                assert response.json()["code"] in (
                    "model_server_error",
                    "model_output_invalid",
                    "model_refused",
                )

        check()
