"""A fabricated OpenAI-compatible model server for the tests: queued answers and faults.

Every response here is written by the test that queues it, not recorded from a server; the
recordings of a real server are the cassettes in cassettes/.
"""

import asyncio
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx2

from service.config import Settings
from service.llm.engine import LlmEngine

Reply = Callable[[httpx2.Request], httpx2.Response]


def chat_completion(
    content: str | None,
    *,
    finish_reason: str = "stop",
    prompt_tokens: int = 100,
    completion_tokens: int = 50,
    refusal: str | None = None,
    model: str = "fake-model",
) -> dict[str, Any]:
    """A chat.completion body in the OpenAI shape."""
    return {
        "id": "chatcmpl-fabricated",
        "object": "chat.completion",
        "created": 0,
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content, "refusal": refusal},
                "finish_reason": finish_reason,
            }
        ],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


@dataclass
class FakeModelServer:
    """Answers each request with the next queued reply and keeps every request it saw."""

    replies: list[Reply] = field(default_factory=list)
    requests: list[dict[str, Any]] = field(default_factory=list)

    def answer(self, content: str | dict[str, Any] | None, **kwargs: Any) -> "FakeModelServer":
        text = json.dumps(content) if isinstance(content, dict) else content
        body = chat_completion(text, **kwargs)
        self.replies.append(lambda request: httpx2.Response(200, json=body))
        return self

    def status(
        self, code: int, message: str = "fabricated error", headers: dict[str, str] | None = None
    ) -> "FakeModelServer":
        body = {"error": {"message": message, "type": "fabricated", "code": code}}
        self.replies.append(lambda request: httpx2.Response(code, json=body, headers=headers))
        return self

    def raw(
        self, body: bytes | str, code: int = 200, content_type: str = "application/json"
    ) -> "FakeModelServer":
        """A reply with exactly these bytes: for bodies no well-behaved server sends."""
        content = body.encode() if isinstance(body, str) else body
        headers = {"content-type": content_type}
        self.replies.append(lambda request: httpx2.Response(code, content=content, headers=headers))
        return self

    def fault(
        self, exc_type: type[Exception], message: str = "fabricated fault"
    ) -> "FakeModelServer":
        def raise_it(request: httpx2.Request) -> httpx2.Response:
            raise exc_type(message, request=request)  # type: ignore[call-arg]

        self.replies.append(raise_it)
        return self

    def slow(self, seconds: float) -> "FakeModelServer":
        """A reply that takes `seconds` to come (then a fabricated empty object)."""

        async def later(request: httpx2.Request) -> httpx2.Response:
            await asyncio.sleep(seconds)
            return httpx2.Response(200, json=chat_completion("{}"))

        self.replies.append(later)  # type: ignore[arg-type]
        return self

    def models(self, *names: str) -> "FakeModelServer":
        """A reply to GET /models (what /readyz asks) listing these models."""
        body = {"object": "list", "data": [{"id": n, "object": "model"} for n in names]}
        self.replies.append(lambda request: httpx2.Response(200, json=body))
        return self

    def handle(self, request: httpx2.Request) -> httpx2.Response:
        # A GET (the models list) has no body: its method and path are what it said.
        said = {"method": request.method, "path": request.url.path}
        self.requests.append(json.loads(request.content) if request.content else said)
        if not self.replies:
            raise AssertionError("the fake model server has no reply queued for this request")
        return self.replies.pop(0)(request)

    def engine(self, settings: Settings) -> LlmEngine:
        client = httpx2.AsyncClient(transport=httpx2.MockTransport(self.handle))
        return LlmEngine(settings, http_client=client)
