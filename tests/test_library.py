"""The Python API: `brief_text` and `abrief_text` brief a text in one call, without a server."""

import asyncio
from pathlib import Path

import pytest
from pydantic import ValidationError

from schemas import Brief
from service import abrief_text, brief_text
from service.errors import EngineUnavailable, TextTooLarge
from service.pipeline import extractive_brief
from tests.conftest import offline_settings
from tests.loopback_model import strong_model_on_loopback


def test_brief_text_returns_the_extractive_brief_the_pipeline_makes(seed_text: str) -> None:
    brief = brief_text(seed_text, settings=offline_settings())
    assert isinstance(brief, Brief)
    assert brief.meta.engine == "extractive"
    expected = extractive_brief(seed_text, None)
    assert brief.model_dump(exclude={"meta"}) == expected.model_dump(exclude={"meta"})


def test_abrief_text_briefs_from_async_code(seed_text: str) -> None:
    brief = asyncio.run(abrief_text(seed_text, engine="extractive", settings=offline_settings()))
    assert brief.claims
    for claim in brief.claims:
        assert seed_text[claim.evidence.start : claim.evidence.end] == claim.evidence.text


def test_brief_text_reads_the_environment_when_given_no_settings(
    seed_text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no .env
    monkeypatch.setenv("NEWSBRIEF_MAX_TEXT_CHARS", "100")
    with pytest.raises(TextTooLarge, match="NEWSBRIEF_MAX_TEXT_CHARS"):
        brief_text(seed_text)


def test_a_text_without_words_is_a_validation_error() -> None:
    with pytest.raises(ValidationError, match="no letters or digits"):
        brief_text("  ...  ", settings=offline_settings())


def test_llm_without_a_model_is_a_service_error_with_its_code(seed_text: str) -> None:
    with pytest.raises(EngineUnavailable) as caught:
        brief_text(seed_text, engine="llm", settings=offline_settings())
    assert (caught.value.code, caught.value.status) == ("engine_unavailable", 503)


@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
def test_abrief_text_briefs_with_the_llm_engine(seed_text: str) -> None:
    with strong_model_on_loopback() as model:
        settings = offline_settings(base_url=model.base_url, model="fake-model")
        brief = asyncio.run(abrief_text(seed_text, title="Shoigu calls", settings=settings))
    assert brief.meta.engine == "llm"
    assert brief.meta.attempts == 1
    assert brief.claims
    assert len(model.requests) == 1
