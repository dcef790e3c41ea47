"""The README's API example is what the service really answers, whole: every actor, claim,
hedge and meta member. Only the milliseconds of `timings_ms` vary from run to run, and the hash in
`engine_version`, which every change to the extractive rules moves."""

import json
import re
from typing import Any

from fastapi.testclient import TestClient

from tests.conftest import ROOT


def readme_example() -> tuple[str, dict[str, Any]]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    body = re.search(r"-d '(\{\"text\".*?\})'\n", readme, re.DOTALL)
    answer = re.search(r"```json\n(.*?)```", readme, re.DOTALL)
    assert body is not None, "the README lost its curl example"
    assert answer is not None, "the README lost its JSON answer"
    request = body.group(1).replace("'\\''", "'")
    shown: dict[str, Any] = json.loads(answer.group(1))
    return json.loads(request)["text"], shown


def without_milliseconds(brief: dict[str, Any]) -> dict[str, Any]:
    """The brief with its timings' values blanked, their names kept, and the engine version's
    hash blanked too (it changes with every rule; its form is kept)."""
    meta = {**brief["meta"], "timings_ms": dict.fromkeys(brief["meta"]["timings_ms"])}
    version = meta.get("engine_version")
    if isinstance(version, str):
        meta["engine_version"] = re.sub(r"-[0-9a-f]{12}$", "-…", version)
    return {**brief, "meta": meta}


def test_the_readme_example_is_the_whole_real_answer(client: TestClient) -> None:
    text, shown = readme_example()
    real = client.post("/v1/summaries", json={"text": text}).json()
    assert without_milliseconds(shown) == without_milliseconds(real), (
        "the README's example answer is not the real one; the real one is:\n"
        + json.dumps(real, ensure_ascii=False, indent=2)
    )
