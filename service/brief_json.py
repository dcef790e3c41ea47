"""A brief as JSON bytes (`service.cache.encode_brief`), the form the API sends and the
cache keeps.

A large brief (a 200,000-character article gives a megabyte of spans) costs tens of
milliseconds to decode into objects and to encode again, each a single call that holds the
interpreter's lock, so that nothing else in the process runs meanwhile. Where only the meta
changes (a cache hit says `cached`, a worker's brief gets its total time), it is changed in
the bytes instead.
"""

import json
from typing import Any

# `meta` is the Brief's last field, and JSON escapes every quote inside a string, so this
# sequence occurs exactly once in an encoded brief: where its meta begins.
_META = b',"meta":'


def meta_of(data: bytes) -> dict[str, Any]:
    """An encoded brief's meta, decoded alone (the log line and the metrics read it)."""
    at = data.rfind(_META)
    if at < 0 or not data.endswith(b"}}"):
        raise ValueError("not an encoded brief: its meta is not its last member")
    meta: dict[str, Any] = json.loads(data[at + len(_META) : -1])
    return meta


def with_meta(data: bytes, *, timings: dict[str, float] | None = None, **changes: Any) -> bytes:
    """An encoded brief with some of its meta's members replaced (`changes`) and `timings`
    added to its `timings_ms`; the rest untouched."""
    meta = meta_of(data)
    meta.update(changes)
    at = data.rfind(_META)
    if timings:
        meta["timings_ms"] = {**meta.get("timings_ms", {}), **timings}
    tail = json.dumps(meta, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return data[: at + len(_META)] + tail + b"}"
