"""The brief cache: least-recently-used briefs in memory, bounded by the bytes they take, in
front of an optional persistent store (service/store.py) that survives a restart."""

import dataclasses
import hashlib
import json
import logging
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from threading import BoundedSemaphore, Lock

from schemas import Brief
from service.config import Settings
from service.store import BriefStore

log = logging.getLogger("newsbrief")

MB = 1024 * 1024
# Store writes waiting for the writer thread; beyond, a brief stays in memory only.
PENDING_WRITES = 32


def text_sha256(text: str) -> str:
    """The hex sha256 of a text's UTF-8 bytes: ties a brief to the exact text it was made from."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class BriefKey:
    """Everything that determines a brief: the text (by hash), the title, and the engine, model,
    prompt, engine-rules and schema versions."""

    text_sha256: str
    title: str | None
    engine: str
    model: str | None
    prompt_version: str | None
    engine_version: str | None
    schema_version: str

    def json(self) -> str:
        """Every field, in a stable serialisation (sorted keys, no spaces)."""
        return json.dumps(dataclasses.asdict(self), sort_keys=True, separators=(",", ":"))

    def digest(self) -> str:
        """The hex sha256 of `json()`: the key of the persistent store."""
        return hashlib.sha256(self.json().encode("utf-8")).hexdigest()


def encode_brief(brief: Brief) -> bytes:
    """A brief as what both tiers keep: its compact JSON, so a bound in bytes is a real one."""
    return brief.model_dump_json().encode("utf-8")


class MemoryCache:
    """Least-recently-used encoded briefs whose sizes sum to at most `max_bytes` (0: off)."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.bytes = 0
        self._items: OrderedDict[BriefKey, bytes] = OrderedDict()
        self._lock = Lock()

    def get(self, key: BriefKey) -> bytes | None:
        with self._lock:
            data = self._items.get(key)
            if data is not None:
                self._items.move_to_end(key)
            return data

    def put(self, key: BriefKey, data: bytes) -> None:
        if len(data) > self.max_bytes:  # also the whole cache off, at 0
            return
        with self._lock:
            old = self._items.pop(key, None)
            self.bytes -= len(old) if old is not None else 0
            self._items[key] = data
            self.bytes += len(data)
            while self.bytes > self.max_bytes:
                _, evicted = self._items.popitem(last=False)
                self.bytes -= len(evicted)

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def __len__(self) -> int:
        return len(self._items)


class BriefCache:
    """Memory first, then the store; a store hit is promoted into memory.

    Store writes (a new brief, the access time of a hit) go through one writer thread, so a
    request never waits on another process holding the database's write lock."""

    def __init__(self, memory_bytes: int, store: BriefStore | None = None) -> None:
        self.memory = MemoryCache(memory_bytes)
        self.store = store
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="brief-store")
        self._pending = BoundedSemaphore(PENDING_WRITES)

    @classmethod
    def from_settings(cls, settings: Settings) -> "BriefCache":
        """NEWSBRIEF_CACHE_MB in memory; with NEWSBRIEF_STORE_PATH, the store behind it (a store
        that cannot be opened raises StoreUnavailable, so the service does not start)."""
        store = None
        if settings.store_path is not None:
            store = BriefStore(settings.store_path, settings.store_mb * MB)
            log.info("brief store: %s (at most %d MB)", settings.store_path, settings.store_mb)
        return cls(settings.cache_mb * MB, store)

    def may_have(self, key: BriefKey) -> bool:
        """False when `get` would surely miss (not in memory, no store): a cheap test, so
        that a caller can skip handing the lookup to a thread."""
        return self.store is not None or key in self.memory

    def get_encoded(self, key: BriefKey) -> bytes | None:
        """The brief as its JSON bytes: a memory hit is served as stored, not decoded."""
        data = self.memory.get(key)
        if data is not None:
            return data
        if self.store is None:
            return None
        digest = key.digest()
        brief = self.store.get(digest)  # checked against the schema: a bad row is a miss
        if brief is None:
            return None
        data = encode_brief(brief)
        self.memory.put(key, data)
        self._write(self.store.touch, digest)
        return data

    def get(self, key: BriefKey) -> Brief | None:
        data = self.get_encoded(key)
        return None if data is None else Brief.model_validate_json(data)

    def put_encoded(self, key: BriefKey, data: bytes) -> None:
        """Keep a brief given as its JSON bytes (`encode_brief`)."""
        self.memory.put(key, data)
        if self.store is not None:
            self._write(self.store.put, key.digest(), key.json(), data)

    def put(self, key: BriefKey, brief: Brief) -> None:
        self.put_encoded(key, encode_brief(brief))

    def close(self) -> None:
        """Finish the pending store writes and close the store."""
        self._writer.shutdown(wait=True)
        # A fresh writer (its thread starts on first use): an app may be started again.
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="brief-store")
        if self.store is not None:
            self.store.close()

    def _write(self, fn: Callable[..., None], *args: str | bytes) -> None:
        if not self._pending.acquire(blocking=False):
            log.warning("brief store: %d writes pending; this one is skipped", PENDING_WRITES)
            return

        def run() -> None:
            try:
                fn(*args)
            except Exception:  # in the writer thread, nobody else would see it
                log.exception("brief store: a write failed; the brief stays in memory only")
            finally:
                self._pending.release()

        try:
            self._writer.submit(run)
        except RuntimeError:  # closed: the app is shutting down
            self._pending.release()
