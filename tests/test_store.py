"""The persistent brief store: SQLite, bounded by bytes, shared by processes, survives restarts."""

import itertools
import logging
import multiprocessing
import sqlite3
import threading
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from service.api import create_app
from service.cache import BriefKey, encode_brief
from service.store import BriefStore, StoreUnavailable
from tests.fake_model import FakeModelServer
from tests.llm_support import llm_settings, strong_answer
from tests.test_cache import brief_of, key_of


def fake_clock() -> "itertools.count[float]":
    """Fabricated time: one second later at each call, so recency never ties."""
    return itertools.count(1.0)


def store_at(path: Path, max_bytes: int = 1_000_000) -> BriefStore:
    clock = fake_clock()
    return BriefStore(path, max_bytes, clock=lambda: next(clock))


def put(store: BriefStore, key: BriefKey, summary: str) -> int:
    data = encode_brief(brief_of(summary))
    store.put(key.digest(), key.json(), data)
    return len(data)


def digests(path: Path) -> set[str]:
    with sqlite3.connect(path) as db:
        return {row[0] for row in db.execute("SELECT digest FROM briefs")}


def test_a_brief_survives_a_new_store_on_the_same_file(tmp_path: Path) -> None:
    path = tmp_path / "briefs.sqlite3"
    first = store_at(path)
    put(first, key_of("k"), "kept across a restart")
    first.close()
    assert store_at(path).get(key_of("k").digest()) == brief_of("kept across a restart")


def test_the_file_is_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "briefs.sqlite3"
    store_at(path).close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_the_stored_bytes_stay_under_the_bound_oldest_out_first(tmp_path: Path) -> None:
    store = store_at(tmp_path / "briefs.sqlite3", max_bytes=5_000)
    sizes = [put(store, key_of(str(n)), "x" * (100 + 37 * n)) for n in range(40)]
    assert store.stored_bytes() <= 5_000
    kept = digests(store.path)
    newest_first = [key_of(str(n)).digest() for n in reversed(range(40))]
    # What is kept is exactly the newest run of briefs that fits.
    assert kept == set(newest_first[: len(kept)])
    assert sum(sizes[-len(kept) - 1 :]) > 5_000


def test_a_brief_read_again_is_evicted_last(tmp_path: Path) -> None:
    size = len(encode_brief(brief_of("same size")))
    store = store_at(tmp_path / "briefs.sqlite3", max_bytes=3 * size)
    for name in "abc":
        put(store, key_of(name), "same size")
    store.touch(key_of("a").digest())
    put(store, key_of("d"), "same size")
    assert digests(store.path) == {key_of(name).digest() for name in "acd"}


def test_a_brief_larger_than_the_whole_bound_is_not_stored(tmp_path: Path) -> None:
    store = store_at(tmp_path / "briefs.sqlite3", max_bytes=1_000)
    put(store, key_of("small"), "small")
    put(store, key_of("large"), "x" * 2_000)
    assert digests(store.path) == {key_of("small").digest()}


@pytest.mark.parametrize(
    "stored",
    [b"\x00\xffnot json at all", b'{"summary": "a brief of an older shape"}', 42],
    ids=["corrupt-bytes", "no-longer-validates", "wrong-type"],
)
def test_an_unreadable_row_is_a_miss_and_is_deleted(tmp_path: Path, stored: object) -> None:
    store = store_at(tmp_path / "briefs.sqlite3")
    put(store, key_of("k"), "about to be damaged")
    with sqlite3.connect(store.path) as db:
        db.execute("UPDATE briefs SET brief = ?", (stored,))
    assert store.get(key_of("k").digest()) is None
    assert digests(store.path) == set()


@pytest.mark.parametrize("where", ["missing-folder", "under-a-file", "a-folder"])
def test_a_store_that_cannot_be_opened_names_its_variable(tmp_path: Path, where: str) -> None:
    (tmp_path / "file").write_text("not a folder")
    path = {
        "missing-folder": tmp_path / "missing" / "briefs.sqlite3",
        "under-a-file": tmp_path / "file" / "briefs.sqlite3",
        "a-folder": tmp_path,
    }[where]
    with pytest.raises(StoreUnavailable, match=f"NEWSBRIEF_STORE_PATH={path}: "):
        BriefStore(path, 1_000)


def test_the_app_does_not_start_without_its_store(tmp_path: Path) -> None:
    settings = llm_settings(store_path=tmp_path / "missing" / "briefs.sqlite3")
    with pytest.raises(StoreUnavailable):
        create_app(settings)


def write_many(path: Path, worker: int, start: "threading.Barrier") -> None:
    """One process of the concurrency test: its own briefs and some every worker writes."""
    failures = FailedWrites()
    logging.getLogger("newsbrief").addHandler(failures)  # the store logs, never raises
    store = BriefStore(path, max_bytes=60_000)
    start.wait(timeout=30)  # both processes write at the same time, not one after the other
    for n in range(150):
        name = f"shared-{n % 10}" if n % 3 == 0 else f"worker-{worker}-{n}"
        put(store, key_of(name), f"{name} " * (20 + n % 50))
        store.touch(key_of(f"shared-{n % 10}").digest())
    store.close()
    assert not failures.messages, failures.messages  # an exit code of 1 for the parent


class FailedWrites(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def test_two_processes_writing_at_once_neither_error_nor_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "briefs.sqlite3"
    BriefStore(path, max_bytes=60_000).close()
    spawn = multiprocessing.get_context("spawn")
    start = spawn.Barrier(2)
    workers = [spawn.Process(target=write_many, args=(path, n, start)) for n in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=180)  # 12 s alone; over 60 s seen on a loaded machine at nice 10
    assert [worker.exitcode for worker in workers] == [0, 0]
    store = BriefStore(path, max_bytes=60_000)
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert 0 < store.stored_bytes() <= 60_000
    assert all(store.get(digest) is not None for digest in digests(path))


def test_an_llm_brief_is_served_from_the_store_after_a_restart_with_no_model_call(
    tmp_path: Path, seed_text: str
) -> None:
    settings = llm_settings(store_path=tmp_path / "briefs.sqlite3")
    server = FakeModelServer().answer(strong_answer())
    with TestClient(create_app(settings, llm=server.engine(settings))) as first:
        paid = first.post("/v1/summaries", json={"text": seed_text}).json()
    assert (paid["meta"]["engine"], paid["meta"]["cached"]) == ("llm", False)
    calls = len(server.requests)
    with TestClient(create_app(settings, llm=server.engine(settings))) as restarted:
        again = restarted.post("/v1/summaries", json={"text": seed_text})
    assert again.status_code == 200, again.text
    assert again.json()["meta"]["cached"] is True
    assert again.json()["claims"] == paid["claims"]
    assert len(server.requests) == calls  # the fake model server saw nothing new
