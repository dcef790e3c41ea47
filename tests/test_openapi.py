"""The OpenAPI document as a client generator reads it, and /docs and /redoc offline."""

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from schemas import JsonSchemaDocument
from service.errors import ProblemCode

PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
# Request schemas refuse unknown fields on purpose (a typo is a 422, not silently ignored).
REQUEST_SCHEMAS = {"SummaryRequest", "SummaryOptions"}


@pytest.fixture
def document(client: TestClient) -> dict[str, Any]:
    doc: dict[str, Any] = client.get("/openapi.json").json()
    return doc


def operations(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (path, method, operation)
        for path, methods in document["paths"].items()
        for method, operation in methods.items()
    ]


def error_responses(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (f"{method} {path}", status, response)
        for path, method, operation in operations(document)
        for status, response in operation["responses"].items()
        if int(status) >= 400
    ]


def test_every_error_response_is_problem_json_with_the_problem_schema(
    document: dict[str, Any],
) -> None:
    for where, status, response in error_responses(document):
        assert list(response["content"]) == ["application/problem+json"], (where, status)
        assert response["content"]["application/problem+json"]["schema"] == PROBLEM_REF


def test_the_brief_route_declares_every_error_it_can_answer(document: dict[str, Any]) -> None:
    declared = set(document["paths"]["/v1/summaries"]["post"]["responses"])
    assert {"400", "413", "415", "422", "429", "500", "502", "503", "504"} <= declared


def test_every_operation_declares_a_500_problem(document: dict[str, Any]) -> None:
    for path, method, operation in operations(document):
        assert "500" in operation["responses"], (method, path)


def test_the_problem_code_is_the_enum_of_problem_codes(document: dict[str, Any]) -> None:
    schemas = document["components"]["schemas"]
    assert schemas["Problem"]["properties"]["code"] == {
        "$ref": "#/components/schemas/ProblemCode",
        "description": schemas["Problem"]["properties"]["code"]["description"],
    }
    assert schemas["ProblemCode"]["enum"] == [code.value for code in ProblemCode]


def test_each_error_status_has_an_example_of_each_of_its_codes(document: dict[str, Any]) -> None:
    for where, status, response in error_responses(document):
        examples = response["content"]["application/problem+json"]["examples"]
        assert examples, (where, status)
        for name, example in examples.items():
            value = example["value"]
            assert value["code"] == name
            assert value["status"] == int(status) == ProblemCode(name).status
            assert value["title"] == ProblemCode(name).heading


def test_operations_have_readable_ids_and_tags(document: dict[str, Any]) -> None:
    ids = {operation["operationId"]: operation["tags"] for _, _, operation in operations(document)}
    assert ids == {
        "createSummary": ["briefs"],
        "getBriefSchema": ["briefs"],
        "getHealth": ["operations"],
        "getReadiness": ["operations"],
        "getMetrics": ["operations"],
        "listExamples": ["briefs"],
    }
    assert {tag["name"] for tag in document["tags"]} == {"briefs", "operations"}


def test_no_response_schema_forbids_added_fields(document: dict[str, Any]) -> None:
    for name, schema in document["components"]["schemas"].items():
        if name not in REQUEST_SCHEMAS:
            assert schema.get("additionalProperties") is not False, name


def test_the_published_brief_schema_allows_added_fields(client: TestClient) -> None:
    schema = client.get("/v1/schema").json()
    assert "additionalProperties" not in schema
    assert all(d.get("additionalProperties") is not False for d in schema["$defs"].values())


def test_the_schema_route_declares_what_it_answers(
    client: TestClient, document: dict[str, Any]
) -> None:
    ok = document["paths"]["/v1/schema"]["get"]["responses"]["200"]
    assert ok["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/JsonSchemaDocument"
    }
    answer = JsonSchemaDocument.model_validate(client.get("/v1/schema").json())
    assert answer.title == "Brief"


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_the_docs_pages_load_nothing_from_another_host(client: TestClient, page: str) -> None:
    html = client.get(page).text
    # Every src, href and url(...) of the page, and every quoted absolute URL in its script.
    references = re.findall(r'(?:src|href)="([^"]*)"|url\(([^)]*)\)|[\'"](https?://[^\'"]*)', html)
    found = [next(r for r in groups if r) for groups in references]
    assert found, "the page references nothing: the test no longer reads it"
    assert all(ref.startswith("/") and not ref.startswith("//") for ref in found), found


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_the_docs_assets_are_served_by_the_app(client: TestClient, page: str) -> None:
    html = client.get(page).text
    scripts = re.findall(r'<script src="([^"]+)"', html)
    assert scripts
    for script in scripts:
        response = client.get(script)
        assert response.status_code == 200, script
        assert "javascript" in response.headers["content-type"]
        assert len(response.content) > 100_000  # the bundle itself, not a stub
