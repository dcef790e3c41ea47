"""Whether the service can brief now: /readyz, so that an orchestrator routes no request to a
replica whose default engine cannot run or whose model server is down."""

import openai

from schemas import Readiness
from service.config import Settings
from service.errors import EngineUnavailable, ModelUnreachable
from service.llm.engine import LlmEngine
from service.llm.transport import describe

# An orchestrator probes every few seconds: a model server slower than this to list its
# models is as good as down for routing.
READY_TIMEOUT_S = 2.0


async def readiness(settings: Settings, llm: LlmEngine | None) -> Readiness:
    """Ready, or the service error that says why not (503 engine_unavailable or
    model_unreachable)."""
    engine, _ = settings.default_engine()
    if engine == "llm" and not settings.model_configured():
        raise EngineUnavailable(settings.llm_unavailable())
    if llm is None:
        return Readiness(status="ready", engine=engine, model_server="not configured")
    try:
        # Through the shared client (its key, its base URL), without its retries.
        await llm.transport.client.models.list(timeout=READY_TIMEOUT_S)
    except openai.APIError as exc:
        raise ModelUnreachable(
            f"The model server did not answer its models list ({describe(exc)}); is "
            "NEWSBRIEF_BASE_URL right and the server running?",
            upstream_status=getattr(exc, "status_code", None),
        ) from None
    return Readiness(status="ready", engine=engine, model_server="answers")
