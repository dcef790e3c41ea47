"""How model traffic is recorded and replayed: one vcrpy configuration, shared by the tests
(through conftest's `vcr_config`) and by `bench/llm_runs.py`, which records live runs."""

import asyncio
import json
import os
from pathlib import Path
from typing import Any

import yaml

from schemas import Brief, SummaryOptions, SummaryRequest
from service.config import Settings
from service.errors import NewsbriefError
from service.llm.engine import LlmEngine
from service.pipeline import summarize
from tests.conftest import ROOT, offline_settings

CASSETTES = ROOT / "cassettes"
LOCAL_SERVER = "http://127.0.0.1:8765/v1"


def _quick_retries(response: dict[str, Any]) -> dict[str, Any]:
    """A recorded Retry-After would replay as a real sleep: keep the fact, not the wait."""
    headers = response.get("headers", {})
    for name in list(headers):
        if name.lower() in ("retry-after", "retry-after-ms"):
            del headers[name]
            headers["retry-after-ms"] = ["1"]
    return response


VCR_CONFIG: dict[str, Any] = {
    # The body decides which answer a request gets; headers never do (the SDK's x-stainless-*
    # headers change with versions and timeouts).
    "match_on": ["method", "scheme", "host", "port", "path", "query", "body"],
    "filter_headers": ["authorization", "openai-organization", "openai-project", "cookie"],
    "decode_compressed_response": True,
    "ignore_hosts": ["testserver", "test"],
    "before_record_response": _quick_retries,
}


def record_target() -> tuple[str, str | None, str | None]:
    """The server `make record` points at: RECORD_BASE_URL, RECORD_API_KEY, RECORD_MODEL
    (the Makefile fills them from NEWSBRIEF_BASE_URL, the key and NEWSBRIEF_MODEL)."""
    return (
        os.environ.get("RECORD_BASE_URL") or LOCAL_SERVER,
        os.environ.get("RECORD_API_KEY") or None,
        os.environ.get("RECORD_MODEL") or None,
    )


def interactions(cassette: Path) -> list[dict[str, Any]]:
    data = yaml.safe_load(cassette.read_text(encoding="utf-8"))
    found: list[dict[str, Any]] = data["interactions"]
    return found


def recorded_settings(cassette: Path, recording: bool, **overrides: Any) -> Settings:
    """Settings for a recorded test: the live target while recording; on replay, the base URL
    and model the cassette was recorded with (the rest comes from `overrides` both ways)."""
    if recording:
        base_url, api_key, model = record_target()
    else:
        first = interactions(cassette)[0]["request"]
        base_url = first["uri"].rsplit("/chat/completions", 1)[0]
        model = json.loads(first["body"])["model"]
        model = None if model == "default" else model
        api_key = None
    values: dict[str, Any] = {"base_url": base_url, "api_key": api_key, "model": model}
    return offline_settings(**{**values, **overrides})


def brief_or_error(text: str, settings: Settings) -> Brief | NewsbriefError:
    """Brief `text` with the llm engine and a client of its own; the error when it fails."""

    async def go() -> Brief | NewsbriefError:
        engine = LlmEngine(settings)
        try:
            request = SummaryRequest(text=text, options=SummaryOptions(engine="llm"))
            return await summarize(request, settings, llm=engine)
        except NewsbriefError as exc:
            return exc
        finally:
            await engine.close()

    return asyncio.run(go())
