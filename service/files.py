"""Article files in, whole files out: reading text untouched, writing atomically, and the
temporary files an atomic write leaves when its process is killed."""

import os
import re
import secrets
import time
from pathlib import Path

from service.errors import NewsbriefError

# A write takes milliseconds: a temporary file this old was abandoned, whoever wrote it.
ABANDONED_AFTER_S = 3600.0

# `.NAME.PID-XXXXXXXX.tmp` as written here; `.NAME.XXXXXXXX.tmp` as tempfile.mkstemp named them
# before the writer's process id was part of the name.
_TEMP_NAME = re.compile(r"^\.(?P<target>.+)\.(?:(?P<pid>[0-9]+)-[0-9a-f]{8}|[a-z0-9_]{8})\.tmp$")

# This process's temporary files not yet renamed into place, for a signal handler to remove.
# Set operations are atomic under the GIL, so no lock, which a signal handler could deadlock on.
_unfinished: set[Path] = set()


def read_article(path: Path) -> str:
    """The file's text exactly as stored (no newline translation), or a clear error."""
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise NewsbriefError(f"{path} is not UTF-8 text (byte {exc.start})") from exc


def articles_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.txt") if p.is_file())


def write_atomically(path: Path, content: str) -> None:
    """Write beside the target, flush to disk, then rename: never a half-written file."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")
    # A brief is as readable as the one it replaces (a new one 0644, not a temp file's 0600).
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    _unfinished.add(tmp)  # before the file exists: an interrupt at any point knows its name
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.fchmod(fd, mode)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        _unfinished.discard(tmp)


def remove_unfinished_writes() -> int:
    """Remove this process's temporary files not yet renamed into place (for a signal handler
    that is about to exit); how many there were."""
    removed = 0
    for tmp in list(_unfinished):
        try:
            tmp.unlink()
            removed += 1
        except OSError:  # renamed into place meanwhile, or already gone
            pass
    return removed


def abandoned_temp_files(folder: Path, suffix: str) -> list[Path]:
    """Temporary files of atomic writes to `*suffix` in `folder` whose writer is gone: its
    process is no longer running, or the file is older than ABANDONED_AFTER_S (a name without
    a process id, or a process id reused since)."""
    found = []
    for path in sorted(folder.glob(f".*{suffix}.*.tmp")):
        match = _TEMP_NAME.match(path.name)
        if match is None or not match["target"].endswith(suffix) or not path.is_file():
            continue
        pid = match["pid"]
        if (pid is not None and not _running(int(pid))) or _age_s(path) > ABANDONED_AFTER_S:
            found.append(path)
    return found


def _running(pid: int) -> bool:
    if pid <= 0:  # os.kill(0, ...) would signal our own process group
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: running
        return True
    return True


def _age_s(path: Path) -> float:
    try:
        return time.time() - path.stat().st_mtime
    except FileNotFoundError:
        return 0.0
