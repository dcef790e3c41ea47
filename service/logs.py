"""The service's log: text for people or one JSON object a line for machines
(NEWSBRIEF_LOG_FORMAT), and the one structured line each brief gets."""

import json
import logging
import sys
from datetime import UTC, datetime
from typing import Any

from service.config import LogFormat, LogLevel

log = logging.getLogger("newsbrief")

# The attribute of a LogRecord that carries a line's structured fields (`extra=` of a log call).
FIELDS = "fields"


class TextFormatter(logging.Formatter):
    """`LEVEL: message key=value ...`: the fields after the message, values as JSON when they
    hold spaces or quotes, so that a line still splits on spaces."""

    def __init__(self) -> None:
        super().__init__("%(levelname)s: %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        fields: dict[str, Any] = getattr(record, FIELDS, None) or {}
        pairs = " ".join(f"{key}={_text_value(value)}" for key, value in fields.items())
        return f"{line} {pairs}" if pairs else line


def _text_value(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    return json.dumps(text) if not text or any(c in text for c in ' "=') else text


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time, level, logger, message, the line's fields, and the
    traceback of an exception when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        line.update(getattr(record, FIELDS, None) or {})
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)


def formatter(format: LogFormat) -> logging.Formatter:
    return JsonFormatter() if format == "json" else TextFormatter()


def configure_logging(level: LogLevel, format: LogFormat) -> None:
    """The root logger's one handler, on standard error, in the chosen format; uvicorn's
    loggers are sent through it too (uvicorn runs with log_config=None), so that a json log
    has no line of another shape."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(formatter(format))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        uvicorn_log = logging.getLogger(name)
        uvicorn_log.handlers.clear()
        uvicorn_log.propagate = True


def log_brief(fields: dict[str, Any]) -> None:
    """The one line of a brief: what ran, what it cost, how it ended."""
    log.info("brief", extra={FIELDS: fields})
