"""Shared fixtures. The suite runs with the network blocked (--block-network in pyproject)."""

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from service.api import create_app
from service.config import Settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_ARTICLE = SEEDS / "000_d3966a6980451b6c.txt"


def read_text(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def offline_settings(**overrides: Any) -> Settings:
    """Settings that ignore the developer's environment and .env: no model configured."""
    values: dict[str, Any] = {"base_url": None, "api_key": None, "model": None}
    values.update(overrides)
    return Settings(_env_file=None, **values)


@pytest.fixture(autouse=True)
def _no_developer_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """The suite sees none of the developer's NEWSBRIEF_*, OPENAI_API_KEY or OPENAI_BASE_URL."""
    for name in list(os.environ):
        if name.startswith("NEWSBRIEF_") or name in ("OPENAI_API_KEY", "OPENAI_BASE_URL"):
            monkeypatch.delenv(name)


@pytest.fixture
def settings() -> Settings:
    return offline_settings()


@pytest.fixture
def seed_text() -> str:
    return read_text(SEED_ARTICLE)


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def vcr_config() -> dict[str, Any]:
    """Recorded model traffic: match on the body, never on headers; keep secrets out."""
    from tests.recording import VCR_CONFIG

    return dict(VCR_CONFIG)


@pytest.fixture(scope="module")
def vcr_cassette_dir(request: pytest.FixtureRequest) -> str:
    return str(ROOT / "cassettes" / request.module.__name__.split(".")[-1])
