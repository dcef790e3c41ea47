"""The API under schemathesis: generated requests, valid and not, never get a 5xx (but the
documented 503 of an llm with no model configured), and every answer fits the published
schema. `make fuzz` runs many more cases than the suite does."""

import os
from typing import Any

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from service.api import create_app
from tests.conftest import offline_settings

EXAMPLES = int(os.environ.get("NEWSBRIEF_FUZZ_EXAMPLES", "40"))

schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(offline_settings()))


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_no_generated_request_gets_a_server_error(case: schemathesis.Case[Any]) -> None:
    response = case.call()
    if response.status_code >= 500:
        problem = response.json()
        assert (response.status_code, problem["code"]) == (503, "engine_unavailable"), response.text
    case.validate_response(
        response,
        checks=[status_code_conformance, content_type_conformance, response_schema_conformance],
    )
