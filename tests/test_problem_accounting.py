"""Every problem body from the llm engine says what the brief cost: attempts (answers had),
model_calls (requests made, retries included) and usage, as counted, against fabricated faults."""

import asyncio
import json
from typing import Any

import httpx2
import pytest

from schemas import SummaryOptions, SummaryRequest
from service.api import create_app
from service.config import Settings
from service.errors import NewsbriefError
from service.pipeline import summarize
from service.problems import problem_for
from tests.fake_model import FakeModelServer
from tests.llm_support import llm_settings, strong_answer

ACCOUNTING = ("attempts", "model_calls", "usage")


def problem_body(server: FakeModelServer, text: str, settings: Settings) -> dict[str, Any]:
    """The problem body the service answers for `text`, after a first brief of another text on
    the same engine has warmed the process (the SDK's first call and the cross-check's lexicon
    hold the GIL for up to a second on a busy machine, which a deadline of tenths of a second
    would count)."""
    server.replies.insert(0, FakeModelServer().answer(strong_answer()).replies[0])

    async def run() -> NewsbriefError:
        engine = server.engine(settings)
        options = SummaryOptions(engine="llm")
        try:
            await summarize(SummaryRequest(text=text + " ", options=options), settings, llm=engine)
            try:
                await summarize(SummaryRequest(text=text, options=options), settings, llm=engine)
            except NewsbriefError as exc:
                return exc
            raise AssertionError("the brief did not fail")
        finally:
            await engine.close()

    response = problem_for(asyncio.run(run()))
    assert response.media_type == "application/problem+json"
    body: dict[str, Any] = json.loads(bytes(response.body))
    return body


def test_a_504_after_two_calls_says_two_calls_and_no_answer(seed_text: str) -> None:
    server = FakeModelServer().status(503, "loading").slow(5)
    settings = llm_settings(brief_deadline=0.3, output_mode="json_object_schema")
    body = problem_body(server, seed_text, settings)
    assert body["code"] == "model_timeout"
    assert (body["attempts"], body["model_calls"]) == (0, 2)
    assert body["usage"]["total_tokens"] == 0
    assert "over 2 calls (none answered" in body["detail"]


def test_a_504_after_an_answer_counts_its_tokens(seed_text: str) -> None:
    server = FakeModelServer().answer("not json").slow(5)
    settings = llm_settings(brief_deadline=0.3, output_mode="json_object_schema")
    body = problem_body(server, seed_text, settings)
    assert (body["attempts"], body["model_calls"]) == (1, 2)
    assert body["usage"]["total_tokens"] == 150


def test_a_502_after_every_attempt_counts_calls_and_usage(seed_text: str) -> None:
    server = FakeModelServer().answer("[]").status(502).answer("[]").answer("nope")
    settings = llm_settings(output_mode="json_object_schema")
    body = problem_body(server, seed_text, settings)
    assert body["code"] == "model_output_invalid"
    assert (body["attempts"], body["model_calls"]) == (3, 4)
    assert body["usage"] == {"prompt_tokens": 300, "completion_tokens": 150, "total_tokens": 450}


def test_a_503_after_the_retries_counts_each_call(seed_text: str) -> None:
    server = FakeModelServer()
    for _ in range(4):
        server.status(503, "loading", headers={"retry-after": "0"})
    body = problem_body(server, seed_text, llm_settings(output_mode="json_object_schema"))
    assert body["code"] == "model_unreachable"
    assert (body["attempts"], body["model_calls"]) == (0, 4)


def test_a_refusal_counts_its_call(seed_text: str) -> None:
    server = FakeModelServer().answer(None, refusal="no")
    body = problem_body(server, seed_text, llm_settings())
    assert body["code"] == "model_refused"
    assert (body["attempts"], body["model_calls"]) == (1, 1)
    assert body["usage"]["total_tokens"] == 150


def test_a_rejected_request_after_a_re_ask_counts_both(seed_text: str) -> None:
    server = FakeModelServer().answer("[]").status(400, "bad request")
    body = problem_body(server, seed_text, llm_settings(output_mode="json_object_schema"))
    assert body["code"] == "model_request_rejected"
    assert (body["attempts"], body["model_calls"]) == (1, 2)
    assert body["usage"]["total_tokens"] == 150


@pytest.mark.parametrize("status", [400, 500, 503])
def test_every_llm_problem_body_carries_the_accounting(status: int, seed_text: str) -> None:
    server = FakeModelServer()
    for _ in range(4):
        server.status(status, headers={"retry-after": "0"})
    body = problem_body(server, seed_text, llm_settings(output_mode="json_schema"))
    assert all(name in body for name in ACCOUNTING), body


def test_an_overloaded_gate_says_nothing_was_spent(seed_text: str) -> None:
    server = FakeModelServer()
    settings = llm_settings(max_inflight=1, max_queue=0)
    engine = server.engine(settings)
    app = create_app(settings, llm=engine)

    async def scenario() -> httpx2.Response:
        async with engine.gate.slot():
            transport = httpx2.ASGITransport(app=app)
            async with httpx2.AsyncClient(transport=transport, base_url="http://test") as c:
                return await c.post("/v1/summaries", json={"text": seed_text})

    body = asyncio.run(scenario()).json()
    assert body["code"] == "overloaded"
    assert (body["attempts"], body["model_calls"], body["usage"]["total_tokens"]) == (0, 0, 0)
