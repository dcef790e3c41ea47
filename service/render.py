"""A brief as Markdown, for people: summary, claims with their evidence, then hedges."""

from schemas import Brief


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
    meta = brief.meta
    lines += ["", f"_engine: {meta.engine}, schema {meta.schema_version}_"]
    if meta.warnings:
        lines += ["", "## Warnings", "", *(f"- {w}" for w in meta.warnings)]
    return "\n".join(lines) + "\n"
