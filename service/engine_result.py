"""What an engine hands back to the pipeline, before the pipeline adds the meta."""

from dataclasses import dataclass, field

from schemas import Actor, Claim, Hedge, Usage


@dataclass
class EngineResult:
    summary: str
    actors: list[Actor]
    claims: list[Claim]
    hedges: list[Hedge]
    warnings: list[str] = field(default_factory=list)
    usage: Usage = field(default_factory=Usage)
    attempts: int = 0
    model: str | None = None
    prompt_version: str | None = None
