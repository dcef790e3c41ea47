"""The README's API example is what the service really answers (abridged, never invented)."""

import json
import re

from fastapi.testclient import TestClient

from tests.conftest import ROOT


def readme_example() -> tuple[str, dict[str, object]]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    body = re.search(r"-d '(\{\"text\".*?\})'\n", readme, re.DOTALL)
    answer = re.search(r"```json\n(.*?)```", readme, re.DOTALL)
    assert body is not None, "the README lost its curl example"
    assert answer is not None, "the README lost its JSON answer"
    request = body.group(1).replace("'\\''", "'")
    return json.loads(request)["text"], json.loads(answer.group(1).replace("…", ""))


def test_the_readme_example_is_a_real_answer(client: TestClient) -> None:
    text, shown = readme_example()
    real = client.post("/v1/summaries", json={"text": text}).json()
    assert shown["summary"] == real["summary"]
    for key in ("actors", "claims", "hedges"):
        real_items = {item["id"]: item for item in real[key]}
        for item in shown[key]:  # type: ignore[attr-defined]
            expected = dict(item)
            actual = dict(real_items[item["id"]])
            if key == "actors":
                assert actual["mentions"][: len(expected["mentions"])] == expected["mentions"]
                del expected["mentions"], actual["mentions"]
            assert actual == expected
