"""Atomic writes: the temporary file is known while it exists, and one left by a killed
writer is told apart from one still being written."""

import os
from pathlib import Path

import pytest

from service.files import (
    ABANDONED_AFTER_S,
    abandoned_temp_files,
    remove_unfinished_writes,
    write_atomically,
)
from tests.temp_files import dead_pid, plant


def test_a_write_in_progress_is_removed_by_remove_unfinished_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[list[Path]] = []

    def signal_arrives(fd: int) -> None:  # what the signal handler does, mid-write
        seen.append(list(tmp_path.glob(".*.tmp")))
        assert remove_unfinished_writes() == 1
        seen.append(list(tmp_path.glob(".*.tmp")))
        raise KeyboardInterrupt

    monkeypatch.setattr("service.files.os.fsync", signal_arrives)
    with pytest.raises(KeyboardInterrupt):
        write_atomically(tmp_path / "a.brief.json", "{}")
    assert [len(listing) for listing in seen] == [1, 0]
    assert not (tmp_path / "a.brief.json").exists()


def test_a_finished_write_leaves_nothing_unfinished(tmp_path: Path) -> None:
    write_atomically(tmp_path / "a.brief.json", "{}")
    assert remove_unfinished_writes() == 0
    assert (tmp_path / "a.brief.json").read_text() == "{}"


def test_the_temp_file_names_its_writer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    names: list[str] = []
    monkeypatch.setattr(
        "service.files.os.fsync", lambda fd: names.extend(p.name for p in tmp_path.iterdir())
    )
    write_atomically(tmp_path / "a.brief.json", "{}")
    assert names[0].startswith(f".a.brief.json.{os.getpid()}-")
    assert names[0].endswith(".tmp")


def test_a_temp_file_whose_writer_is_gone_is_abandoned(tmp_path: Path) -> None:
    left = plant(tmp_path, f".a.brief.json.{dead_pid()}-0123abcd.tmp")
    assert abandoned_temp_files(tmp_path, ".brief.json") == [left]


def test_a_temp_file_of_a_running_writer_is_not_abandoned(tmp_path: Path) -> None:
    plant(tmp_path, f".a.brief.json.{os.getpid()}-0123abcd.tmp")
    assert abandoned_temp_files(tmp_path, ".brief.json") == []


def test_an_old_temp_file_is_abandoned_whatever_its_name_says(tmp_path: Path) -> None:
    old = ABANDONED_AFTER_S + 60
    running = plant(tmp_path, f".a.brief.json.{os.getpid()}-0123abcd.tmp", age_s=old)
    mkstemp_named = plant(tmp_path, ".b.brief.json.k3_9xq2z.tmp", age_s=old)
    assert abandoned_temp_files(tmp_path, ".brief.json") == [running, mkstemp_named]


def test_a_fresh_temp_file_without_a_writer_s_id_is_kept(tmp_path: Path) -> None:
    plant(tmp_path, ".b.brief.json.k3_9xq2z.tmp")
    assert abandoned_temp_files(tmp_path, ".brief.json") == []


def test_files_not_of_our_pattern_are_never_abandoned(tmp_path: Path) -> None:
    old = ABANDONED_AFTER_S + 60
    plant(tmp_path, f".notes.txt.{dead_pid()}-0123abcd.tmp", age_s=old)  # not a brief's
    plant(tmp_path, ".a.brief.json.mine.tmp", age_s=old)  # not a name we make
    plant(tmp_path, "a.brief.json.k3_9xq2z.tmp", age_s=old)  # not hidden
    assert abandoned_temp_files(tmp_path, ".brief.json") == []
