"""Shared pieces of the llm tests: settings that point at a fake server, the seed answer."""

import asyncio
import json
from pathlib import Path
from typing import Any

from schemas import Brief, SummaryOptions, SummaryRequest
from service.config import Settings
from service.pipeline import summarize
from tests.conftest import offline_settings
from tests.fake_model import FakeModelServer

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def llm_settings(**overrides: Any) -> Settings:
    """A model configured at a host no test reaches; waits kept to milliseconds."""
    values: dict[str, Any] = {
        "base_url": "http://model.invalid/v1",
        "model": "fake-model",
        "retry_base_wait": 0.001,
        "retry_max_wait": 1.0,
    }
    values.update(overrides)
    return offline_settings(**values)


def strong_answer() -> dict[str, Any]:
    """Fabricated: what a strong model answers for the seed article (every part grounds)."""
    answer: dict[str, Any] = json.loads(
        (FIXTURES / "fabricated_strong_answer_seed.json").read_text(encoding="utf-8")
    )
    return answer


def brief_with(server: FakeModelServer, text: str, settings: Settings | None = None) -> Brief:
    """Run the real pipeline on `text` with the llm engine talking to `server`."""
    settings = settings or llm_settings()

    async def run() -> Brief:
        engine = server.engine(settings)
        try:
            request = SummaryRequest(text=text, options=SummaryOptions(engine="llm"))
            return await summarize(request, settings, llm=engine)
        finally:
            await engine.close()

    return asyncio.run(run())


def briefs_on_one_engine(server: FakeModelServer, texts: list[str]) -> list[Brief]:
    """Brief several texts in turn on one llm engine, as one process serves its requests."""
    settings = llm_settings()

    async def run() -> list[Brief]:
        engine = server.engine(settings)
        try:
            options = SummaryOptions(engine="llm")
            return [
                await summarize(SummaryRequest(text=t, options=options), settings, llm=engine)
                for t in texts
            ]
        finally:
            await engine.close()

    return asyncio.run(run())
