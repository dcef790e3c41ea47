"""`make summaries`: skip what is current, write atomically, survive one bad article."""

import asyncio
import json
import shutil
from pathlib import Path

import pytest

from schemas import Brief
from service.config import Settings
from service.files import ABANDONED_AFTER_S
from service.regenerate import Outcome, regenerate
from tests.conftest import SEED_ARTICLE, SEEDS
from tests.temp_files import dead_pid, plant


def run(folder: Path, settings: Settings, **kwargs: object) -> dict[str, Outcome]:
    outcomes = asyncio.run(regenerate(folder, settings, engine="extractive", **kwargs))  # type: ignore[arg-type]
    return {o.name: o for o in outcomes}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copy(SEED_ARTICLE, tmp_path / "seed.txt")
    (tmp_path / "other.txt").write_text("The mayor said the bridge would reopen.\n")
    return tmp_path


def test_briefs_are_written_beside_the_articles(folder: Path, settings: Settings) -> None:
    outcomes = run(folder, settings)
    assert {o.status for o in outcomes.values()} == {"written"}
    brief = Brief.model_validate_json((folder / "seed.brief.json").read_bytes())
    assert brief.meta.timings_ms == {}
    assert not list(folder.glob(".*.tmp"))


def test_a_second_run_skips_unchanged_articles(folder: Path, settings: Settings) -> None:
    run(folder, settings)
    assert {o.status for o in run(folder, settings).values()} == {"unchanged"}
    assert {o.status for o in run(folder, settings, force=True).values()} == {"written"}


def test_a_changed_article_is_rewritten(folder: Path, settings: Settings) -> None:
    run(folder, settings)
    (folder / "other.txt").write_text("The mayor said the bridge would close.\n")
    outcomes = run(folder, settings)
    assert outcomes["other.txt"].status == "written"
    assert outcomes["seed.txt"].status == "unchanged"


def test_one_failing_article_does_not_stop_the_others(folder: Path, settings: Settings) -> None:
    (folder / "bad.txt").write_bytes(b"caf\xe9")
    (folder / "blank.txt").write_text("   \n")
    outcomes = run(folder, settings)
    assert outcomes["bad.txt"].status == "failed"
    assert "UTF-8" in outcomes["bad.txt"].detail
    assert outcomes["blank.txt"].status == "failed"
    assert outcomes["seed.txt"].status == "written"
    assert (folder / "seed.brief.json").exists()


def test_an_interrupted_write_leaves_the_old_brief_whole(
    folder: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(folder, settings)
    before = (folder / "seed.brief.json").read_bytes()

    def crash(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("service.files.os.replace", crash)
    outcomes = run(folder, settings, force=True)
    assert outcomes["seed.txt"].status == "failed"
    assert (folder / "seed.brief.json").read_bytes() == before
    assert not list(folder.glob(".*.tmp"))


def test_a_hand_edited_brief_is_put_right_and_briefs_stay_readable(
    folder: Path, settings: Settings
) -> None:
    run(folder, settings)
    path = folder / "seed.brief.json"
    original = path.read_text()
    path.write_text(original.replace('"summary": "', '"summary": "EDITED ', 1))
    assert run(folder, settings)["seed.txt"].status == "written"
    assert path.read_text() == original
    assert path.stat().st_mode & 0o777 == 0o644


def test_an_orphan_brief_is_reported_and_kept(folder: Path, settings: Settings) -> None:
    (folder / "gone.brief.json").write_text("{}")
    outcome = run(folder, settings)["gone.brief.json"]
    assert outcome.status == "orphan"
    assert not outcome.failed
    assert (folder / "gone.brief.json").exists()


def test_check_reports_missing_stale_edited_and_orphan_briefs(
    folder: Path, settings: Settings
) -> None:
    assert run(folder, settings, check=True)["seed.txt"].status == "missing"
    run(folder, settings)
    assert {o.status for o in run(folder, settings, check=True).values()} == {"ok"}

    (folder / "other.txt").write_text("Changed.\n")
    assert "text changed" in run(folder, settings, check=True)["other.txt"].detail

    path = folder / "seed.brief.json"
    data = json.loads(path.read_text())
    data["summary"] = "Edited by hand."
    path.write_text(json.dumps(data))
    assert "differs" in run(folder, settings, check=True)["seed.txt"].detail

    (folder / "gone.brief.json").write_text("{}")
    assert run(folder, settings, check=True)["gone.brief.json"].status == "stale"


def test_the_checked_in_seed_briefs_are_current(settings: Settings) -> None:
    outcomes = run(SEEDS, settings, check=True)
    assert len(outcomes) >= 5
    assert {name: o.status for name, o in outcomes.items()} == dict.fromkeys(outcomes, "ok")


def test_a_failure_is_told_in_plain_words(folder: Path, settings: Settings) -> None:
    (folder / "blank.txt").write_text("   \n")
    assert run(folder, settings)["blank.txt"].detail == "text is empty, or has no letters or digits"


def test_temp_files_left_by_a_killed_run_are_removed_by_the_next_run(
    folder: Path, settings: Settings
) -> None:
    left = [
        plant(folder, f".seed.brief.json.{dead_pid()}-0123abcd.tmp"),
        plant(folder, ".other.brief.json.k3_9xq2z.tmp", age_s=ABANDONED_AFTER_S + 60),
    ]
    outcomes = run(folder, settings)
    assert {name: outcomes[name].status for name in (p.name for p in left)} == dict.fromkeys(
        (p.name for p in left), "removed"
    )
    assert not list(folder.glob(".*.tmp"))
    assert outcomes["seed.txt"].status == "written"


def test_check_lists_leftover_temp_files_and_still_passes(folder: Path, settings: Settings) -> None:
    run(folder, settings)
    left = plant(folder, f".seed.brief.json.{dead_pid()}-0123abcd.tmp")
    outcome = run(folder, settings, check=True)[left.name]
    assert outcome.status == "leftover"
    assert not outcome.failed
    assert left.exists()
