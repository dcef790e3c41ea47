"""The in-memory brief cache: bounded by the bytes of the briefs' JSON, least recently used out."""

import dataclasses
import random
from pathlib import Path

import pytest

from schemas import Brief, Meta
from service.cache import BriefCache, BriefKey, MemoryCache, encode_brief, text_sha256
from service.store import BriefStore
from tests.conftest import offline_settings


def brief_of(summary: str) -> Brief:
    """A small, valid brief whose size grows with its summary."""
    return Brief(summary=summary, actors=[], claims=[], hedges=[], meta=Meta(engine="extractive"))


def key_of(name: str) -> BriefKey:
    return BriefKey(
        text_sha256=text_sha256(name),
        title=None,
        engine="extractive",
        model=None,
        prompt_version=None,
        engine_version="extractive-test",
        schema_version="1.0",
    )


def test_the_bytes_held_never_exceed_the_bound_after_many_puts() -> None:
    memory = MemoryCache(max_bytes=20_000)
    rng = random.Random(8)
    for n in range(300):
        memory.put(key_of(str(n)), encode_brief(brief_of("x" * rng.randrange(10, 3_000))))
        held = sum(len(data) for data in memory._items.values())
        assert held == memory.bytes <= 20_000
    assert len(memory) > 5  # it did keep briefs, not merely refuse them


def test_the_least_recently_used_brief_is_evicted_first() -> None:
    data = encode_brief(brief_of("same size"))
    memory = MemoryCache(max_bytes=3 * len(data))
    for name in "abc":
        memory.put(key_of(name), data)
    memory.get(key_of("a"))
    memory.put(key_of("d"), data)
    assert [memory.get(key_of(name)) is not None for name in "abcd"] == [True, False, True, True]


def test_a_brief_larger_than_the_whole_bound_is_not_stored_and_evicts_nothing() -> None:
    small = encode_brief(brief_of("small"))
    memory = MemoryCache(max_bytes=len(small) * 2)
    memory.put(key_of("small"), small)
    memory.put(key_of("large"), encode_brief(brief_of("x" * len(small) * 2)))
    assert memory.get(key_of("large")) is None
    assert memory.get(key_of("small")) == small


def test_putting_a_key_again_counts_its_bytes_once() -> None:
    memory = MemoryCache(max_bytes=100_000)
    data = encode_brief(brief_of("again"))
    for _ in range(3):
        memory.put(key_of("k"), data)
    assert (len(memory), memory.bytes) == (1, len(data))


def test_a_zero_bound_turns_the_cache_off() -> None:
    cache = BriefCache(memory_bytes=0)
    cache.put(key_of("k"), brief_of("anything"))
    assert cache.get(key_of("k")) is None


def test_a_hit_is_the_brief_that_was_put() -> None:
    cache = BriefCache(memory_bytes=100_000)
    brief = brief_of("The ministry said so.")
    cache.put(key_of("k"), brief)
    assert cache.get(key_of("k")) == brief


@pytest.mark.parametrize("field", [f.name for f in dataclasses.fields(BriefKey)])
def test_every_field_of_the_key_changes_its_digest(field: str) -> None:
    key = key_of("k")
    changed = dataclasses.replace(key, **{field: "something else"})
    assert changed.digest() != key.digest()


def test_a_store_hit_is_promoted_into_memory(tmp_path: Path) -> None:
    path = tmp_path / "briefs.sqlite3"
    first = BriefCache(100_000, BriefStore(path, 100_000))
    first.put(key_of("k"), brief_of("kept"))
    first.close()
    restarted = BriefCache(100_000, BriefStore(path, 100_000))
    assert restarted.memory.get(key_of("k")) is None
    assert restarted.get(key_of("k")) == brief_of("kept")
    assert restarted.memory.get(key_of("k")) == encode_brief(brief_of("kept"))
    restarted.close()


def test_the_cache_is_built_from_its_settings(tmp_path: Path) -> None:
    path = tmp_path / "briefs.sqlite3"
    cache = BriefCache.from_settings(offline_settings(cache_mb=3, store_path=path, store_mb=5))
    assert cache.memory.max_bytes == 3 * 1024 * 1024
    assert cache.store is not None
    assert (cache.store.path, cache.store.max_bytes) == (path, 5 * 1024 * 1024)
    cache.close()


def test_an_empty_store_path_means_no_store(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSBRIEF_STORE_PATH", "")
    assert BriefCache.from_settings(offline_settings()).store is None
