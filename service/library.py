"""Brief a text in one call, without a server: `from service import brief_text, abrief_text`.

The same pipeline as the API and the CLI, configured the same way (NEWSBRIEF_* variables and
.env, unless a Settings is handed in), with no cache, no worker processes and no HTTP."""

import asyncio

from schemas import Brief, EngineName, SummaryOptions, SummaryRequest
from service.config import Settings
from service.pipeline import summarize


async def abrief_text(
    text: str,
    *,
    title: str | None = None,
    url: str | None = None,
    engine: EngineName = "auto",
    settings: Settings | None = None,
) -> Brief:
    """Brief one article's text, from async code.

    Raises pydantic's ValidationError for a text the API would answer 422 (no letters or
    digits, a lone surrogate), and a `service.errors.NewsbriefError` for what it would answer
    with a problem (`.code`, `.status` and `.detail` say which): text too large, no model
    configured for `engine="llm"`, the model unreachable or its answer invalid."""
    request = SummaryRequest(text=text, title=title, url=url, options=SummaryOptions(engine=engine))
    return await summarize(request, settings if settings is not None else Settings())


def brief_text(
    text: str,
    *,
    title: str | None = None,
    url: str | None = None,
    engine: EngineName = "auto",
    settings: Settings | None = None,
) -> Brief:
    """Brief one article's text: `abrief_text` for code without an event loop of its own
    (inside one, such as a notebook's, await `abrief_text` instead)."""
    return asyncio.run(abrief_text(text, title=title, url=url, engine=engine, settings=settings))
