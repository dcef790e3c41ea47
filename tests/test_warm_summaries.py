"""A warm `make summaries ENGINE=llm` makes no model call: a stored brief is current against what
the user configured (NEWSBRIEF_MODEL, perhaps unset), whatever name the server reports
(the fabricated loopback server reports "fake-model")."""

import asyncio
import shutil
from pathlib import Path

import pytest

from schemas import Brief
from service.regenerate import Outcome, regenerate
from tests.conftest import SEED_ARTICLE
from tests.llm_support import llm_settings
from tests.loopback_model import LoopbackModel, strong_model_on_loopback

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])


def summaries(folder: Path, model: LoopbackModel, name: str | None) -> list[Outcome]:
    settings = llm_settings(base_url=model.base_url, model=name)
    return asyncio.run(regenerate(folder, settings, engine="llm", jobs=1))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copy(SEED_ARTICLE, tmp_path / "seed.txt")
    return tmp_path


@pytest.mark.parametrize("configured", [None, "smollm"])
def test_a_warm_run_makes_no_model_call(folder: Path, configured: str | None) -> None:
    with strong_model_on_loopback() as model:
        first = summaries(folder, model, configured)
        calls = len(model.requests)
        second = summaries(folder, model, configured)
    assert [o.status for o in first] == ["written"]
    assert calls == 1
    assert [o.status for o in second] == ["unchanged"]
    assert len(model.requests) == calls  # the second run made 0 requests


def test_the_brief_records_the_served_name_and_the_setting_apart(folder: Path) -> None:
    with strong_model_on_loopback() as model:
        summaries(folder, model, "smollm")
    meta = Brief.model_validate_json((folder / "seed.brief.json").read_bytes()).meta
    assert (meta.model, meta.requested_model) == ("fake-model", "smollm")


def test_an_unset_model_is_left_out_of_the_stored_brief(folder: Path) -> None:
    with strong_model_on_loopback() as model:
        summaries(folder, model, None)
    assert '"requested_model"' not in (folder / "seed.brief.json").read_text(encoding="utf-8")


def test_a_changed_setting_makes_the_brief_stale(folder: Path) -> None:
    with strong_model_on_loopback() as model:
        summaries(folder, model, None)
        again = summaries(folder, model, "another-model")
    assert again[0].status == "written"
    assert len(model.requests) == 2
