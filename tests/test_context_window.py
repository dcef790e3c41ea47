"""The context window: prompt plus answer budget kept inside NEWSBRIEF_CONTEXT_TOKENS, the
re-ask's echo shortened first, and a cut-off the window caused named as such, against a
fabricated server."""

import json

import pytest

from service.errors import ModelOutputInvalid, TextTooLarge
from service.llm.window import CHARS_PER_TOKEN, estimate_tokens
from tests.fake_model import FakeModelServer
from tests.llm_support import brief_with, llm_settings, strong_answer

WINDOW = 8192


def looping_answer(characters: int) -> str:
    """A parseable answer with an error (so it is re-asked), padded as a looping model pads."""
    answer = strong_answer()
    answer["claims"][0]["speaker"] = "the Kremlin"
    answer["actors"][0]["role"] = "loop " * (characters // 5)
    return json.dumps(answer)


def prompt_tokens(request: dict[str, object]) -> int:
    messages = request["messages"]
    assert isinstance(messages, list)
    return estimate_tokens(messages)


def test_the_estimate_counts_more_tokens_than_the_characters_over_3_3() -> None:
    messages = [{"role": "user", "content": "x" * 3300}]
    assert estimate_tokens(messages) >= 3300 / CHARS_PER_TOKEN


def test_a_request_that_fits_is_sent_as_it_always_was(seed_text: str) -> None:
    server = FakeModelServer().answer(strong_answer())
    brief_with(server, seed_text, llm_settings(context_tokens=WINDOW))
    assert server.requests[0]["max_tokens"] == 4096


def test_a_re_ask_over_the_window_has_its_echo_shortened_and_keeps_its_budget(
    seed_text: str,
) -> None:
    server = FakeModelServer().answer(looping_answer(13_000)).answer(strong_answer())
    brief_with(server, seed_text, llm_settings(context_tokens=WINDOW))
    reask = server.requests[1]
    echoed = reask["messages"][2]["content"]
    assert "[cut here: the answer had" in echoed
    assert reask["max_tokens"] == 4096
    assert prompt_tokens(reask) + reask["max_tokens"] <= WINDOW


def test_a_prompt_too_long_for_the_budget_gets_the_room_left(seed_text: str) -> None:
    server = FakeModelServer().answer(strong_answer())
    brief_with(server, seed_text, llm_settings(context_tokens=3000))
    request = server.requests[0]
    assert request["max_tokens"] < 4096
    assert prompt_tokens(request) + request["max_tokens"] <= 3000


def test_a_cut_off_the_window_caused_is_not_retried_and_names_the_context_setting(
    seed_text: str,
) -> None:
    server = FakeModelServer().answer('{"summary": ', finish_reason="length")
    with pytest.raises(ModelOutputInvalid) as caught:
        brief_with(server, seed_text, llm_settings(context_tokens=3000))
    assert len(server.requests) == 1  # doubling max_tokens cannot make room in the window
    assert "NEWSBRIEF_CONTEXT_TOKENS" in caught.value.detail
    assert "a larger NEWSBRIEF_MAX_TOKENS cannot help" in caught.value.detail


def test_a_cut_off_within_the_window_names_max_tokens(seed_text: str) -> None:
    server = FakeModelServer()
    server.answer('{"summary": ', finish_reason="length")
    server.answer('{"summary": ', finish_reason="length")
    with pytest.raises(ModelOutputInvalid) as caught:
        brief_with(server, seed_text, llm_settings(context_tokens=100_000, max_tokens=512))
    assert [r["max_tokens"] for r in server.requests] == [512, 1024]
    assert caught.value.detail.endswith("(NEWSBRIEF_MAX_TOKENS).")
    assert "NEWSBRIEF_CONTEXT_TOKENS" not in caught.value.detail


def test_a_doubled_budget_is_capped_by_the_window_and_its_cut_names_the_window(
    seed_text: str,
) -> None:
    server = FakeModelServer()
    server.answer('{"summary": ', finish_reason="length")
    server.answer('{"summary": ', finish_reason="length")
    with pytest.raises(ModelOutputInvalid) as caught:
        brief_with(server, seed_text, llm_settings(context_tokens=4000, max_tokens=2048))
    first, second = (r["max_tokens"] for r in server.requests)
    assert first == 2048
    assert 2048 < second < 4096
    assert "NEWSBRIEF_CONTEXT_TOKENS" in caught.value.detail


def test_a_text_whose_prompt_leaves_no_room_is_refused_naming_the_setting(
    seed_text: str,
) -> None:
    server = FakeModelServer()
    with pytest.raises(TextTooLarge) as caught:
        brief_with(server, seed_text, llm_settings(context_tokens=1000))
    assert server.requests == []
    assert "NEWSBRIEF_CONTEXT_TOKENS" in caught.value.detail
    assert caught.value.extra["model_calls"] == 0
