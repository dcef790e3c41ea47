"""A client that hangs up gives its place back, and identical requests share one model call."""

import asyncio
import json
import time
from collections.abc import MutableMapping
from typing import Any

import httpx2
from fastapi import FastAPI

from service.api import create_app
from service.config import Settings
from service.llm.engine import LlmEngine
from tests.fake_model import chat_completion
from tests.llm_support import llm_settings, strong_answer


class SlowUpstream:
    """A fabricated model server that answers the seed article after `delay` seconds, and
    notes which requests were cancelled (the connection dropped) before it answered."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self.calls = 0
        self.cancelled_at: list[float] = []
        self.body = chat_completion(json.dumps(strong_answer()))

    async def handle(self, request: httpx2.Request) -> httpx2.Response:
        self.calls += 1
        try:
            await asyncio.sleep(self.delay)
        except asyncio.CancelledError:
            self.cancelled_at.append(time.monotonic())
            raise
        return httpx2.Response(200, json=self.body)

    def engine(self, settings: Settings) -> LlmEngine:
        transport = httpx2.MockTransport(self.handle)
        return LlmEngine(settings, http_client=httpx2.AsyncClient(transport=transport))


def request_body(text: str) -> bytes:
    return json.dumps({"text": text, "options": {"engine": "llm"}}).encode()


async def post_and_hang_up(app: FastAPI, body: bytes, after_s: float) -> float:
    """POST straight to the ASGI app as a client that goes away `after_s` seconds after sending
    its body; returns when it hung up."""
    body_sent = False
    hung_up_at = 0.0

    async def receive() -> dict[str, Any]:
        nonlocal body_sent, hung_up_at
        if not body_sent:
            body_sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        await asyncio.sleep(after_s)
        hung_up_at = time.monotonic()
        return {"type": "http.disconnect"}

    async def send(message: MutableMapping[str, Any]) -> None:
        pass

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/v1/summaries",
        "raw_path": b"/v1/summaries",
        "query_string": b"",
        "root_path": "",
        "headers": [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
        ],
        "client": ("127.0.0.1", 50000),
        "server": ("test", 80),
    }
    await app(scope, receive, send)
    return hung_up_at


def test_a_client_that_hangs_up_frees_its_slot_and_cancels_the_model_call(
    seed_text: str,
) -> None:
    upstream = SlowUpstream(delay=30)
    settings = llm_settings()
    engine = upstream.engine(settings)
    app = create_app(settings, llm=engine)

    async def scenario() -> float:
        hung_up_at = await post_and_hang_up(app, request_body(seed_text), after_s=0.5)
        assert (engine.gate.busy, engine.gate.waiting) == (0, 0)
        assert len(upstream.cancelled_at) == 1
        await engine.close()
        return upstream.cancelled_at[0] - hung_up_at

    assert asyncio.run(scenario()) < 1.0


def test_after_twenty_abandoned_requests_the_next_twenty_are_admitted(seed_text: str) -> None:
    upstream = SlowUpstream(delay=30)
    settings = llm_settings(max_inflight=4, max_queue=16)
    engine = upstream.engine(settings)
    app = create_app(settings, llm=engine)
    # Distinct texts (the seed plus a closing line), so that no two share one brief.
    texts = [f"{seed_text}\n\nEnd of bulletin {i}." for i in range(40)]

    async def scenario() -> list[int]:
        await asyncio.gather(
            *(post_and_hang_up(app, request_body(t), after_s=0.5) for t in texts[:20])
        )
        # Every model call the abandoned briefs had started was cancelled with them.
        assert len(upstream.cancelled_at) == upstream.calls
        assert (engine.gate.busy, engine.gate.waiting) == (0, 0)
        upstream.delay = 0
        transport = httpx2.ASGITransport(app=app)
        async with httpx2.AsyncClient(transport=transport, base_url="http://test") as client:
            responses = await asyncio.gather(
                *(
                    client.post("/v1/summaries", content=request_body(t), headers=_JSON, timeout=60)
                    for t in texts[20:]
                )
            )
        await engine.close()
        return [r.status_code for r in responses]

    assert asyncio.run(scenario()) == [200] * 20


def test_identical_requests_in_flight_at_once_share_one_model_call(seed_text: str) -> None:
    upstream = SlowUpstream(delay=0.3)
    settings = llm_settings(max_inflight=4, max_queue=16)
    engine = upstream.engine(settings)
    app = create_app(settings, llm=engine)

    async def scenario() -> list[int]:
        transport = httpx2.ASGITransport(app=app)
        async with httpx2.AsyncClient(transport=transport, base_url="http://test") as client:
            responses = await asyncio.gather(
                *(
                    client.post("/v1/summaries", content=request_body(seed_text), headers=_JSON)
                    for _ in range(60)
                )
            )
        await engine.close()
        return [r.status_code for r in responses]

    assert asyncio.run(scenario()) == [200] * 60
    assert upstream.calls == 1


def test_one_of_two_identical_requests_hanging_up_does_not_cost_the_other_its_answer(
    seed_text: str,
) -> None:
    upstream = SlowUpstream(delay=1.0)
    settings = llm_settings()
    engine = upstream.engine(settings)
    app = create_app(settings, llm=engine)

    async def scenario() -> int:
        transport = httpx2.ASGITransport(app=app)
        async with httpx2.AsyncClient(transport=transport, base_url="http://test") as client:
            stays = asyncio.create_task(
                client.post("/v1/summaries", content=request_body(seed_text), headers=_JSON)
            )
            await asyncio.sleep(0.1)
            await post_and_hang_up(app, request_body(seed_text), after_s=0.2)
            response = await stays
        await engine.close()
        return response.status_code

    assert asyncio.run(scenario()) == 200
    assert upstream.calls == 1
    assert upstream.cancelled_at == []


_JSON = {"content-type": "application/json"}
