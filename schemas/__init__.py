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
from schemas.health import Health, JsonSchemaDocument, Readiness
from schemas.problem import Problem
from schemas.request import EngineName, SummaryOptions, SummaryRequest

__all__ = [
    "SCHEMA_VERSION",
    "Actor",
    "ActorKind",
    "Brief",
    "Claim",
    "EngineName",
    "Health",
    "Hedge",
    "HedgeKind",
    "JsonSchemaDocument",
    "Meta",
    "Problem",
    "Readiness",
    "Span",
    "SummaryOptions",
    "SummaryRequest",
    "Usage",
]
