"""A brief for people: as Markdown, or as one self-contained HTML file (the page's view)."""

import html
import json
from functools import cache
from importlib.resources import files

from schemas import Brief

# The page's files, served under /web/ by the API and inlined by render_html.
WEB_FILES = ("index.html", "brief.css", "brief.js", "page.js")


@cache
def web_asset(name: str) -> str:
    """One of the page's files, from inside the installed package (read once per process)."""
    if name not in WEB_FILES:
        raise KeyError(name)
    return files("service").joinpath("web", name).read_text(encoding="utf-8")


def render_markdown(brief: Brief, title: str | None = None) -> str:
    actors = {a.id: a for a in brief.actors}
    lines = [f"# {title}" if title else "# Brief", "", brief.summary, ""]
    if brief.actors:
        lines += ["## Actors", ""]
        for actor in brief.actors:
            role = f", {actor.role}" if actor.role else ""
            aliases = f" (also: {', '.join(actor.aliases)})" if actor.aliases else ""
            lines.append(f"- **{actor.name}** — {actor.kind}{role}{aliases}")
        lines.append("")
    lines += ["## Claims", ""]
    if not brief.claims:
        lines += ["No attributed claims found.", ""]
    for claim in brief.claims:
        speaker = actors[claim.speaker].name if claim.speaker in actors else "The article"
        cue = f" ({claim.cue})" if claim.cue else ""
        lines.append(f"- **{speaker}**{cue}: {claim.statement}")
        lines.append(f"  > {' '.join(claim.evidence.text.split())}")
        lines.append(f"  > — characters {claim.evidence.start}–{claim.evidence.end}")
    lines += ["", "## Hedges", ""]
    if not brief.hedges:
        lines.append("No hedges found.")
    for hedge in brief.hedges:
        where = f" (claim {hedge.claim})" if hedge.claim else ""
        lines.append(f"- {hedge.kind}: “{hedge.span.text}”{where}")
    lines += ["", f"_{_made(brief)}_"]
    meta = brief.meta
    if meta.warnings:
        lines += ["", "## Warnings", "", *(f"- {w}" for w in meta.warnings)]
    return "\n".join(lines) + "\n"


def _made(brief: Brief) -> str:
    """How the brief was made, in one line: engine, and for the llm its attempts, calls,
    tokens; then the time."""
    meta = brief.meta
    parts = [f"engine: {meta.engine}" + (f" ({meta.model})" if meta.model else "")]
    if meta.engine == "llm":
        usage = meta.usage
        plural = "" if meta.attempts == 1 else "s"
        parts += [
            f"{meta.attempts} attempt{plural} in {meta.model_calls} model call"
            + ("" if meta.model_calls == 1 else "s"),
            f"{usage.total_tokens:,} tokens ({usage.prompt_tokens:,} prompt + "
            f"{usage.completion_tokens:,} completion)",
        ]
    if (total := meta.timings_ms.get("total")) is not None:
        parts.append(f"{total / 1000:.1f} s" if total >= 1000 else f"{total:.0f} ms")
    parts.append(f"schema {meta.schema_version}")
    return ", ".join(parts)


def render_html(brief: Brief, text: str, title: str | None = None) -> str:
    """The page's view of `brief` over `text` as one file: the page's CSS and JavaScript
    inlined, the brief and the article embedded as JSON. The whole file is ASCII."""
    data = {"brief": brief.model_dump(mode="json"), "article": text, "title": title}
    heading = html.escape(title or "Brief", quote=False)
    page = _EXPORT.format(
        title=heading,
        css=_inline(web_asset("brief.css"), "</style"),
        data=script_json(data),
        js=_inline(web_asset("brief.js"), "</script"),
    )
    return page.encode("ascii", "xmlcharrefreplace").decode("ascii")


def script_json(value: object) -> str:
    """JSON safe inside <script type="application/json">: ASCII only, and no "<", ">" or "&"
    (so "</script>" or "<!--" in an article cannot end the element or change how it parses)."""
    encoded = json.dumps(value, ensure_ascii=True, separators=(",", ":"))
    return encoded.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _inline(source: str, closing: str) -> str:
    # Our own files, but a slip would silently cut the export short: refuse it loudly.
    if closing in source.lower():
        raise ValueError(f"a web asset contains {closing!r} and cannot be inlined")
    return source


_EXPORT = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="newsbrief">
<title>{title}</title>
<style>
{css}</style>
</head>
<body class="nb-export">
<main id="newsbrief-view"><noscript>This brief is drawn by JavaScript; its data is the JSON
in this file.</noscript></main>
<script type="application/json" id="newsbrief-data">{data}</script>
<script>
{js}</script>
</body>
</html>
"""
