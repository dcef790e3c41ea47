"""The persistent tier of the brief cache: SQLite in WAL mode, bounded by the bytes of the briefs
it holds, least recently used out first.

Several processes (uvicorn workers) may share one file: each process opens its own connections,
one per thread, and SQLite's file locks order the writers (each waits up to BUSY_TIMEOUT_S)."""

import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from schemas import Brief
from service.errors import NewsbriefError

log = logging.getLogger("newsbrief")

BUSY_TIMEOUT_S = 5.0

_SCHEMA = """
CREATE TABLE IF NOT EXISTS briefs (
    digest   TEXT PRIMARY KEY,  -- sha256 of the BriefKey's JSON
    size     INTEGER NOT NULL,  -- bytes of `brief`: what the bound counts
    accessed REAL NOT NULL,     -- wall-clock seconds, comparable across processes
    key      TEXT NOT NULL,     -- the BriefKey's JSON, for whoever opens the file
    brief    BLOB NOT NULL      -- the brief's compact JSON; last, so a scan of sizes skips it
);
CREATE INDEX IF NOT EXISTS briefs_by_access ON briefs (accessed);
"""

# Every row past the newest ones whose sizes sum to at most the bound: least recent first out.
_EVICT = """
DELETE FROM briefs WHERE digest IN (
    SELECT digest FROM (
        SELECT digest, SUM(size) OVER (ORDER BY accessed DESC, rowid DESC) AS newer_bytes
        FROM briefs
    ) WHERE newer_bytes > ?
)
"""


class StoreUnavailable(NewsbriefError):
    """NEWSBRIEF_STORE_PATH names a store that cannot be opened or written."""


class BriefStore:
    """Encoded briefs keyed by `BriefKey.digest()`, at most `max_bytes` of them in all."""

    def __init__(self, path: Path, max_bytes: int, clock: Callable[[], float] = time.time) -> None:
        self.path = path
        self.max_bytes = max_bytes
        self._clock = clock
        self._local = threading.local()
        self._opened: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        try:
            db = self._db()
            (mode,) = db.execute("PRAGMA journal_mode=WAL").fetchone()
            if mode != "wal":
                raise sqlite3.OperationalError(f"journal mode is {mode!r}, not 'wal'")
            # A write transaction at start-up: a read-only file or folder fails here, not later.
            db.executescript(f"BEGIN IMMEDIATE; {_SCHEMA} COMMIT;")
        except sqlite3.Error as exc:
            self.close()
            raise StoreUnavailable(
                f"NEWSBRIEF_STORE_PATH={path}: the brief store cannot be opened ({exc}). "
                "Its folder must exist and be writable; unset NEWSBRIEF_STORE_PATH (or set it "
                "empty) to run without a store."
            ) from exc

    def get(self, digest: str) -> Brief | None:
        """The stored brief, or None; a row that no longer reads as a Brief is deleted."""
        try:
            row = (
                self._db()
                .execute("SELECT brief FROM briefs WHERE digest = ?", (digest,))
                .fetchone()
            )
        except sqlite3.Error as exc:
            log.warning("brief store %s: read failed (%s); served as a miss", self.path, exc)
            return None
        if row is None:
            return None
        try:
            return Brief.model_validate_json(row[0])
        except (ValueError, TypeError) as exc:  # pydantic's ValidationError is a ValueError
            log.warning("brief store %s: dropped an unreadable brief (%s)", self.path, exc)
            self._write("DELETE FROM briefs WHERE digest = ?", (digest,))
            return None

    def put(self, digest: str, key_json: str, data: bytes) -> None:
        """Store one encoded brief, then evict until under the bound, in one transaction."""
        if len(data) > self.max_bytes:
            return
        db = self._db()
        try:
            with _transaction(db):
                db.execute(
                    "INSERT OR REPLACE INTO briefs (digest, size, accessed, key, brief) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (digest, len(data), self._clock(), key_json, data),
                )
                db.execute(_EVICT, (self.max_bytes,))
        except sqlite3.Error as exc:
            log.warning("brief store %s: write failed (%s); brief not stored", self.path, exc)

    def touch(self, digest: str) -> None:
        """Mark a brief as just used, so it is evicted last."""
        self._write("UPDATE briefs SET accessed = ? WHERE digest = ?", (self._clock(), digest))

    def stored_bytes(self) -> int:
        """The sum of the stored briefs' sizes: what the bound holds under `max_bytes`."""
        (total,) = self._db().execute("SELECT COALESCE(SUM(size), 0) FROM briefs").fetchone()
        return int(total)

    def close(self) -> None:
        """Close every connection; a later call opens new ones."""
        with self._lock:
            opened, self._opened = self._opened, []
            self._local = threading.local()
        for db in opened:
            db.close()

    def _write(self, sql: str, args: tuple[object, ...]) -> None:
        try:
            self._db().execute(sql, args)
        except sqlite3.Error as exc:
            log.warning("brief store %s: write failed (%s)", self.path, exc)

    def _db(self) -> sqlite3.Connection:
        """This thread's connection: sqlite3 connections are not shared between threads here,
        and never between processes (each process opens its own)."""
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is None:
            # check_same_thread off only so that close() may close it from another thread.
            db = sqlite3.connect(
                self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
            )
            db.execute("PRAGMA synchronous=NORMAL")  # WAL: safe; a power cut may lose the last
            db.execute("PRAGMA journal_size_limit=67108864")  # the WAL file shrinks back to 64 MB
            self._local.db = db
            with self._lock:
                self._opened.append(db)
        return db


@contextmanager
def _transaction(db: sqlite3.Connection) -> Iterator[None]:
    # IMMEDIATE takes the write lock first: two writers never both read, then fight to upgrade.
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
