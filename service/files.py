"""Article files in, whole files out: reading text untouched and writing atomically."""

import os
import tempfile
from pathlib import Path

from service.errors import NewsbriefError


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
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    # mkstemp makes the file private (0600); a brief is as readable as the one it replaces.
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    try:
        os.chmod(tmp, mode)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
