"""The output-mode probe under concurrency: decided once, by one probe, against a fabricated
server that rejects json_schema as llama.cpp's does (HTTP 500)."""

import asyncio
import contextlib
import json

import httpx2

from schemas import Brief, SummaryOptions, SummaryRequest
from service.llm.output_mode import OutputModes, SchemaModeRejected
from service.llm.schema import OutputMode
from service.pipeline import summarize
from tests.fake_model import FakeModelServer, chat_completion
from tests.llm_support import llm_settings, strong_answer

CONCURRENT = 8


def rejecting_json_schema(server: FakeModelServer, replies: int) -> None:
    """Queue replies that refuse json_schema with a 500 and answer any other mode; each takes
    a moment, so that requests made at once are in flight together."""
    answer = json.dumps(strong_answer())

    async def reply(request: httpx2.Request) -> httpx2.Response:
        await asyncio.sleep(0.02)
        if json.loads(request.content)["response_format"]["type"] == "json_schema":
            body = {"error": {"message": "json_schema is not supported", "code": 500}}
            return httpx2.Response(500, json=body)
        return httpx2.Response(200, json=chat_completion(answer))

    server.replies.extend([reply] * replies)  # type: ignore[list-item]


def concurrent_first_briefs(server: FakeModelServer, text: str) -> tuple[list[Brief], OutputMode]:
    settings = llm_settings()

    async def run() -> tuple[list[Brief], OutputMode]:
        engine = server.engine(settings)
        options = SummaryOptions(engine="llm")
        try:
            briefs = await asyncio.gather(
                *(
                    summarize(SummaryRequest(text=text, options=options), settings, llm=engine)
                    for _ in range(CONCURRENT)
                )
            )
            return list(briefs), engine.modes.mode
        finally:
            await engine.close()

    return asyncio.run(run())


def test_concurrent_first_briefs_all_end_in_the_same_single_fallback(seed_text: str) -> None:
    server = FakeModelServer()
    rejecting_json_schema(server, CONCURRENT + 4)
    briefs, mode = concurrent_first_briefs(server, seed_text)
    kinds = [
        "json_schema"
        if r["response_format"]["type"] == "json_schema"
        else ("json_object_schema" if "schema" in r["response_format"] else "json_object")
        for r in server.requests
    ]
    assert mode == "json_object_schema"
    assert kinds.count("json_schema") == 1  # exactly one rejected probe
    assert kinds[1:] == ["json_object_schema"] * CONCURRENT
    assert all(b.meta.attempts == 1 for b in briefs)


def test_the_brief_whose_call_probed_counts_the_rejected_call(seed_text: str) -> None:
    server = FakeModelServer()
    rejecting_json_schema(server, CONCURRENT + 4)
    briefs, _ = concurrent_first_briefs(server, seed_text)
    assert sorted(b.meta.model_calls for b in briefs) == [1] * (CONCURRENT - 1) + [2]


def test_a_rejection_of_a_mode_already_left_moves_nothing() -> None:
    modes = OutputModes("auto")
    calls: list[tuple[OutputMode, bool]] = []

    async def rejected_then_answered(mode: OutputMode, probing: bool) -> str:
        calls.append((mode, probing))
        if mode == "json_schema":
            # A second rejection of json_schema arrives after the mode has moved on.
            modes._rejected("json_schema")
            raise SchemaModeRejected
        return "answer"

    mode, result = asyncio.run(modes.first_call(rejected_then_answered))
    assert (mode, result) == ("json_object_schema", "answer")
    assert calls == [("json_schema", True), ("json_object_schema", True)]


def test_a_probe_that_fails_otherwise_leaves_the_next_brief_to_probe() -> None:
    modes = OutputModes("auto")
    seen: list[tuple[OutputMode, bool]] = []

    async def unreachable_then_answered(mode: OutputMode, probing: bool) -> str:
        seen.append((mode, probing))
        if len(seen) == 1:
            raise ConnectionError("fabricated: server down")
        return "answer"

    async def two_briefs() -> tuple[OutputMode, str]:
        with contextlib.suppress(ConnectionError):
            await modes.first_call(unreachable_then_answered)
        return await modes.first_call(unreachable_then_answered)

    assert asyncio.run(two_briefs()) == ("json_schema", "answer")
    assert seen == [("json_schema", True), ("json_schema", True)]
    assert modes.decided


def test_a_re_ask_keeps_the_mode_of_its_brief_first_call(seed_text: str) -> None:
    answer = strong_answer()
    broken = {**answer, "claims": [{**answer["claims"][0], "evidence": ["S999"]}]}
    server = FakeModelServer().status(500, "json_schema is not supported")
    server.answer(broken).answer(answer)
    settings = llm_settings()

    async def run() -> Brief:
        engine = server.engine(settings)
        try:
            request = SummaryRequest(text=seed_text, options=SummaryOptions(engine="llm"))
            return await summarize(request, settings, llm=engine)
        finally:
            await engine.close()

    brief = asyncio.run(run())
    assert brief.meta.attempts == 2
    assert [r["response_format"]["type"] for r in server.requests] == ["json_schema"] + [
        "json_object"
    ] * 2
    assert "schema" in server.requests[2]["response_format"]
