"""Temporary files as a killed `make summaries` leaves them, for the tests to plant."""

import os
import subprocess
import sys
import time
from pathlib import Path


def dead_pid() -> int:
    """The process id of a process that has ended."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def plant(folder: Path, name: str, age_s: float = 0.0) -> Path:
    """A half-written temporary file, last modified `age_s` seconds ago."""
    path = folder / name
    path.write_text('{"summary": "half')
    then = time.time() - age_s
    os.utime(path, (then, then))
    return path
