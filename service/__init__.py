"""newsbrief: turn a news article into a structured, grounded brief.

As a library: `brief_text(text)` (or `await abrief_text(text)`) returns the Brief."""

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["__version__", "abrief_text", "brief_text"]

if TYPE_CHECKING:
    from service.library import abrief_text, brief_text


def __getattr__(name: str) -> Any:
    # Imported on first use: `import service.config` (and every worker process, and
    # `newsbrief --version`) need not load the pipeline, the openai SDK and the engines.
    if name in ("brief_text", "abrief_text"):
        from service import library

        return getattr(library, name)
    raise AttributeError(f"module 'service' has no attribute {name!r}")
