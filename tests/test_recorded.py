"""The llm engine against real recordings of a real model server (see cassettes/README.md).

What a small local model answers is poor and changes when the cassettes are re-recorded, so
these tests assert what the pipeline does with whatever was recorded: every answer is checked,
every re-ask carries the last answer and exactly its errors, every span grounds, and the usage
reported is the usage the server reported. `make record` re-records them.
"""

import itertools
import json
from pathlib import Path
from typing import Any

import pytest
import vcr as vcrpy
from vcr.cassette import Cassette

from schemas import Brief
from service.article import Article
from service.errors import ModelOutputInvalid, NewsbriefError
from service.llm.engine import MAX_ERRORS_SHOWN
from service.llm.ground import ground_answer
from service.llm.window import estimate_tokens
from tests.conftest import SEED_ARTICLE, SEEDS, read_text
from tests.recording import (
    CASSETTES,
    VCR_CONFIG,
    brief_or_error,
    interactions,
    recorded_settings,
)

HERE = CASSETTES / "test_recorded"
WINDOW = 8192  # NEWSBRIEF_CONTEXT_TOKENS's default, and make local-llm's --n_ctx
MARS = SEEDS / "24-mars-equator-water-ice.txt"
SHORT = (
    "The city council said on Monday that the bridge would reopen in May. "
    "Engineers had warned it could need a further year of repairs, according to a report."
)


@pytest.fixture
def recording(request: pytest.FixtureRequest) -> bool:
    return request.config.getoption("--record-mode") not in (None, "none")


def cassette_path(request: pytest.FixtureRequest) -> Path:
    return HERE / f"{request.node.name}.yaml"


def exchanges(cassette: Cassette) -> list[tuple[dict[str, Any], int, dict[str, Any]]]:
    """(request body, status, response body) of every call in the cassette, in order."""
    found = []
    for request, response in zip(cassette.requests, cassette.responses, strict=True):
        raw = response["body"]["string"]
        text = raw.decode() if isinstance(raw, bytes) else raw
        found.append((json.loads(request.body), response["status"]["code"], json.loads(text)))
    return found


def check_conversation(
    text: str, cassette: Cassette, outcome: Brief | NewsbriefError, recording: bool = False
) -> None:
    """The invariants of the validation loop, over whatever the model answered.

    A call that timed out has no response and so no place in a cassette: while recording,
    `model_calls` may exceed the calls recorded; on replay the two are equal."""
    calls = exchanges(cassette)
    article = Article(text)
    answered = [(req, body) for req, status, body in calls if status == 200]
    for (before, answer), (after, _) in itertools.pairwise(answered):
        choice = answer["choices"][0]
        if choice["finish_reason"] == "length":
            # A cut-off answer is retried as it was, with twice the budget; never re-asked.
            assert after["messages"] == before["messages"]
            assert after["max_tokens"] == 2 * before["max_tokens"]
            continue
        errors = ground_answer(article, choice["message"]["content"]).errors
        assert after["messages"][:2] == before["messages"][:2]
        echoed = after["messages"][2]
        assert echoed["role"] == "assistant"
        if echoed["content"] != choice["message"]["content"]:
            # Shortened only to keep prompt and budget inside the context window.
            assert "[cut here: the answer had" in echoed["content"]
            assert estimate_tokens(after["messages"]) + after["max_tokens"] <= WINDOW
        repair = after["messages"][3]["content"]
        for error in errors[:MAX_ERRORS_SHOWN]:
            assert error in repair
        assert len(after["messages"]) == 4  # the re-ask never grows
    usage = [body["usage"] for _, body in answered]
    spent = sum(u["total_tokens"] for u in usage)
    if isinstance(outcome, Brief):
        assert outcome.meta.engine == "llm"
        if recording:
            assert outcome.meta.model_calls >= len(calls)
        else:
            assert outcome.meta.model_calls == len(calls)
        assert outcome.meta.attempts == len(answered)
        assert outcome.meta.usage.total_tokens == spent
        assert all(text[s.start : s.end] == s.text for s in outcome.spans())
    else:
        assert outcome.status in (502, 503, 504)
        assert outcome.extra["usage"]["total_tokens"] == spent


@pytest.mark.vcr
def test_the_seed_article_through_the_whole_pipeline(
    request: pytest.FixtureRequest, recording: bool, vcr: Cassette
) -> None:
    text = read_text(SEED_ARTICLE)
    settings = recorded_settings(
        cassette_path(request), recording, output_mode="json_object_schema"
    )
    outcome = brief_or_error(text, settings)
    check_conversation(text, vcr, outcome, recording)
    assert isinstance(outcome, Brief)  # the small model's answer, kept where it grounds
    first = exchanges(vcr)[0][0]
    assert first["response_format"]["type"] == "json_object"
    assert "S16" in json.dumps(first["response_format"]["schema"])


@pytest.mark.vcr
def test_a_real_answer_with_errors_is_re_asked(
    request: pytest.FixtureRequest, recording: bool, vcr: Cassette
) -> None:
    text = read_text(MARS)
    settings = recorded_settings(
        cassette_path(request), recording, output_mode="json_object_schema"
    )
    outcome = brief_or_error(text, settings)
    check_conversation(text, vcr, outcome, recording)
    assert len(exchanges(vcr)) >= 2


@pytest.mark.vcr
def test_a_real_truncation_is_retried_once_with_a_larger_budget_then_fails(
    request: pytest.FixtureRequest, recording: bool, vcr: Cassette
) -> None:
    settings = recorded_settings(
        cassette_path(request), recording, output_mode="json_object_schema", max_tokens=64
    )
    outcome = brief_or_error(SHORT, settings)
    check_conversation(SHORT, vcr, outcome, recording)
    assert isinstance(outcome, ModelOutputInvalid)
    assert "cut off" in outcome.detail
    assert [body["max_tokens"] for body, _, _ in exchanges(vcr)] == [64, 128]


@pytest.mark.vcr
def test_a_real_json_schema_rejection_falls_back_to_json_object_with_the_schema(
    request: pytest.FixtureRequest, recording: bool, vcr: Cassette
) -> None:
    settings = recorded_settings(cassette_path(request), recording, output_mode="auto")
    outcome = brief_or_error(SHORT, settings)
    calls = exchanges(vcr)
    assert calls[0][0]["response_format"]["type"] == "json_schema"
    assert calls[0][1] in (400, 422, 500)
    assert calls[1][0]["response_format"]["type"] == "json_object"
    assert "schema" in calls[1][0]["response_format"]
    assert isinstance(outcome, Brief | ModelOutputInvalid)
    check_conversation(SHORT, vcr, outcome, recording)


RUNS = sorted((CASSETTES / "seed_runs").glob("run-*.yaml"))


@pytest.mark.parametrize("cassette", RUNS, ids=[p.stem for p in RUNS])
def test_the_recorded_seed_runs_replay_to_grounded_briefs(cassette: Path) -> None:
    """The runs `bench/llm_runs.py` recorded (the figures in the closing note of issue 3)."""
    text = read_text(SEED_ARTICLE)
    first = json.loads(interactions(cassette)[0]["request"]["body"])
    settings = recorded_settings(
        cassette,
        False,
        output_mode="json_object_schema",
        temperature=first["temperature"],
    )
    with vcrpy.use_cassette(str(cassette), record_mode="none", **VCR_CONFIG) as recorded:
        outcome = brief_or_error(text, settings)
        check_conversation(text, recorded, outcome)
        assert recorded.all_played
