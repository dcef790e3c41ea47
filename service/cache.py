"""An in-process LRU cache of briefs, keyed by everything that determines one."""

import hashlib
from collections import OrderedDict
from dataclasses import dataclass
from threading import Lock

from schemas import Brief


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


class BriefCache:
    """Least-recently-used briefs; size 0 turns it off."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[BriefKey, Brief] = OrderedDict()
        self._lock = Lock()

    def get(self, key: BriefKey) -> Brief | None:
        with self._lock:
            brief = self._items.get(key)
            if brief is not None:
                self._items.move_to_end(key)
            return brief

    def put(self, key: BriefKey, brief: Brief) -> None:
        if self.size <= 0:
            return
        with self._lock:
            self._items[key] = brief
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def __len__(self) -> int:
        return len(self._items)
