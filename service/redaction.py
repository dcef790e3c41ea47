"""Secret-shaped text made safe for a log line: what a model server echoes back (a key in a
401's message) and the URLs we were configured with (http://user:key@host)."""

import re
from collections.abc import Iterable

REDACTED = "[redacted]"
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    # Authorization schemes: "Bearer sk-...", "Basic dXNlcjpwYXNz".
    (re.compile(r"\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+", re.IGNORECASE), rf"\1 {REDACTED}"),
    # OpenAI-style keys (sk-..., sk-proj-...) wherever they appear.
    (re.compile(r"\bsk-[A-Za-z0-9_-]{4,}"), f"sk-{REDACTED}"),
    # Credentials in a query string: ?key=..., &api_key=..., &access_token=...
    (
        re.compile(
            r"\b((?:api[_-]?)?key|(?:access[_-]?)?token|secret|password|signature|sig)=[^&\s\"'#]+",
            re.IGNORECASE,
        ),
        rf"\1={REDACTED}",
    ),
    # Basic-auth credentials inside a URL: scheme://user:password@host.
    (re.compile(r"\b([a-z][a-z0-9+.-]*://)[^/\s@]+@", re.IGNORECASE), rf"\1{REDACTED}@"),
]


def redact(text: str, secrets: Iterable[str | None] = ()) -> str:
    """`text` with each of `secrets` (the configured key) and anything secret-shaped hidden."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, REDACTED)
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text
