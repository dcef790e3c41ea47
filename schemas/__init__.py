"""The public contract of newsbrief: requests, briefs and problem details."""

from schemas.brief import (
    SCHEMA_VERSION,
    Actor,
    ActorKind,
    Brief,
    Claim,
    Hedge,
    HedgeKind,
    Meta,
    Span,
    Usage,
)
from schemas.problem import Problem
from schemas.request import EngineName, SummaryOptions, SummaryRequest

__all__ = [
    "SCHEMA_VERSION",
    "Actor",
    "ActorKind",
    "Brief",
    "Claim",
    "EngineName",
    "Hedge",
    "HedgeKind",
    "Meta",
    "Problem",
    "Span",
    "SummaryOptions",
    "SummaryRequest",
    "Usage",
]
