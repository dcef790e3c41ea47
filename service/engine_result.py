"""What an engine hands back to the pipeline, before the pipeline adds the meta."""

from dataclasses import dataclass, field

from schemas import Actor, Claim, Hedge


@dataclass
class EngineResult:
    summary: str
    actors: list[Actor]
    claims: list[Claim]
    hedges: list[Hedge]
    warnings: list[str] = field(default_factory=list)
