"""Which output mode the engine sends: decided once per process, by one probe at a time.

In `auto` the first call goes out as strict json_schema. A server that refuses that
response_format (llama.cpp answers it with a 500) is asked again in the next mode; a server that
answers keeps the mode for the process. Only one call probes at a time: concurrent first briefs
wait for its outcome, so two rejections in flight cannot move the mode two steps, and a brief
never changes mode between an attempt and its re-ask (the engine keeps the mode of a brief's
first call for its later ones)."""

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

from service.config import OutputModeSetting
from service.llm.schema import OutputMode

log = logging.getLogger("newsbrief")

T = TypeVar("T")

# Each mode the server rejects gives way to the next; json_object has no response_format
# schema to reject, so it is the last.
FALLBACK: dict[OutputMode, OutputMode] = {
    "json_schema": "json_object_schema",
    "json_object_schema": "json_object",
}


class SchemaModeRejected(Exception):
    """The server refused the output mode's response_format (llama.cpp answers json_schema
    with a 500; OpenAI answers an unknown response_format key with a 400)."""


# A call in a mode; `probing` says that a rejection of the mode must raise SchemaModeRejected
# rather than count as the server's error.
ModeCall = Callable[[OutputMode, bool], Awaitable[T]]


class OutputModes:
    """The process's output mode, and the probe that settles it."""

    def __init__(self, setting: OutputModeSetting) -> None:
        self.mode: OutputMode = "json_schema" if setting == "auto" else setting
        # A configured mode is decided; `auto` is, once the server has answered a call in it.
        self.decided = setting != "auto" or self.mode not in FALLBACK
        self._probe = asyncio.Lock()

    async def first_call(self, call: ModeCall[T]) -> tuple[OutputMode, T]:
        """A brief's first call, in the settled mode, or as the probe that settles it; the
        mode used comes back with the result, for the brief's later calls."""
        if not self.decided:
            async with self._probe:  # one probe in flight; the others wait for its outcome
                while not self.decided:
                    tried = self.mode
                    try:
                        result = await call(tried, True)
                    except SchemaModeRejected:
                        self._rejected(tried)
                        continue
                    self.decided = True  # the server takes this mode: keep it
                    return tried, result
        mode = self.mode
        return mode, await call(mode, False)

    def _rejected(self, mode: OutputMode) -> None:
        """A rejection moves the mode on only from the mode that was rejected."""
        if self.mode != mode:
            return
        fallback = FALLBACK[mode]
        log.warning("the model server rejected %s; using %s", mode, fallback)
        self.mode = fallback
        self.decided = fallback not in FALLBACK
