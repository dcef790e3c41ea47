"""A client generated from the app's OpenAPI document (openapi-python-client, offline, in a
temporary folder) gets typed errors: a 413 from the app parses into a Problem with its code."""

import asyncio
import importlib
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from service.api import create_app
from tests.conftest import offline_settings

PACKAGE = "newsbrief_client"


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    folder = tmp_path_factory.mktemp("client")
    (folder / "openapi.json").write_text(json.dumps(create_app(offline_settings()).openapi()))
    # No post hooks: the generator would otherwise run ruff over its output.
    (folder / "config.yml").write_text(f"post_hooks: []\npackage_name_override: {PACKAGE}\n")
    generator = Path(sys.executable).with_name("openapi-python-client")
    arguments = ["--path", "openapi.json", "--config", "config.yml", "--meta", "none"]
    subprocess.run(
        [str(generator), "generate", *arguments, "--output-path", PACKAGE],
        cwd=folder,
        check=True,
        capture_output=True,
    )
    sys.path.insert(0, str(folder))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(folder))
        for name in [m for m in sys.modules if m.split(".")[0] == PACKAGE]:
            del sys.modules[name]


def call_create_summary(client_package: ModuleType, body: dict[str, Any]) -> Any:
    """createSummary through the generated client, against the app in process."""
    create_summary = importlib.import_module(f"{PACKAGE}.api.briefs.create_summary")
    models = importlib.import_module(f"{PACKAGE}.models")
    app = create_app(offline_settings(max_text_chars=50))

    async def run() -> Any:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            client = client_package.Client(base_url="http://test")
            client.set_async_httpx_client(http)
            request = models.SummaryRequest.from_dict(body)
            return await create_summary.asyncio_detailed(client=client, body=request)

    return asyncio.run(run())


def test_a_413_parses_into_a_typed_problem_with_its_code(generated: ModuleType) -> None:
    models = importlib.import_module(f"{PACKAGE}.models")
    response = call_create_summary(generated, {"text": "A minister said so. " * 10})
    assert response.status_code == 413
    problem = response.parsed
    assert isinstance(problem, models.Problem)
    assert problem.code is models.ProblemCode.TEXT_TOO_LARGE
    assert problem.status == 413
    assert "NEWSBRIEF_MAX_TEXT_CHARS" in problem.detail


def test_a_brief_parses_into_a_typed_brief(generated: ModuleType) -> None:
    models = importlib.import_module(f"{PACKAGE}.models")
    body = {"text": "The ministry said it was possible.", "url": "https://example.org/a"}
    response = call_create_summary(generated, body)
    assert response.status_code == 200, response.content
    brief = response.parsed
    assert isinstance(brief, models.Brief)
    assert brief.meta.url == "https://example.org/a"
