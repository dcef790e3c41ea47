"""The page's routes and the HTML export, without a browser (tests/test_browser.py drives one)."""

import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from schemas import Brief
from service.cli import main
from service.examples import load_examples
from service.render import WEB_FILES, render_html, script_json, web_asset
from tests.conftest import SEED_ARTICLE, SEEDS, read_text

# The export's JSON, between its script tags.
DATA = re.compile(r'<script type="application/json" id="newsbrief-data">(.*?)</script>', re.S)


def test_the_page_is_served_with_its_own_files(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    for name in ("brief.css", "brief.js", "page.js"):
        assert f'"/web/{name}"' in page.text
        served = client.get(f"/web/{name}")
        assert served.status_code == 200
        assert served.text == web_asset(name)


@pytest.mark.parametrize("name", WEB_FILES)
def test_no_page_file_loads_anything_from_elsewhere(name: str) -> None:
    assert not re.search(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}/", web_asset(name))


def test_an_unknown_page_file_is_a_404_problem(client: TestClient) -> None:
    response = client.get("/web/secrets.py")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["code"] == "not_found"


def test_examples_are_the_seed_articles_with_their_titles(client: TestClient) -> None:
    examples = client.get("/v1/examples").json()["examples"]
    assert [e["name"] for e in examples] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    seed = next(e for e in examples if e["name"] == SEED_ARTICLE.stem)
    assert seed["text"] == read_text(SEED_ARTICLE)
    assert seed["title"].startswith("MOSCOW: Russia’s Defence Minister")


def test_without_a_seeds_folder_there_are_no_examples(tmp_path: Path) -> None:
    assert load_examples(tmp_path / "seeds").examples == []


def brief_of(client: TestClient, text: str) -> Brief:
    response = client.post("/v1/summaries", json={"text": text})
    assert response.status_code == 200
    return Brief.model_validate(response.json())


def test_an_article_cannot_break_out_of_the_exported_json(client: TestClient) -> None:
    text = 'The mayor said "</script><script>alert(1)</script>" was <!-- a joke & more.'
    page = render_html(brief_of(client, text), text, title="</title><b>x</b>")
    assert page.count("</script>") == 2  # the JSON's element and the renderer's
    assert "<script>alert" not in page
    assert "<b>x</b>" not in page
    found = DATA.search(page)
    assert found is not None
    data = json.loads(found.group(1))
    assert data["article"] == text
    assert data["title"] == "</title><b>x</b>"


def test_the_exported_file_is_ascii_and_keeps_every_character() -> None:
    value = {"article": "Kyiv \U0001f30d \u2028 “quoted” – done"}
    encoded = script_json(value)
    assert encoded.isascii()
    assert json.loads(encoded) == value


def test_the_exported_file_inlines_the_pages_renderer(client: TestClient) -> None:
    text = read_text(SEED_ARTICLE)
    page = render_html(brief_of(client, text), text)
    assert web_asset("brief.js") in page
    assert web_asset("brief.css") in page
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=", page)


def test_summarize_html_writes_the_view_with_the_brief_and_article(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(Path(__file__).parent)  # no .env from the repository root
    from service.config import get_settings

    get_settings.cache_clear()
    assert main(["summarize", str(SEED_ARTICLE), "--format", "html", "--title", "Shoigu"]) == 0
    page = capsys.readouterr().out
    assert page.startswith("<!doctype html>")
    assert "<title>Shoigu</title>" in page
    found = DATA.search(page)
    assert found is not None
    data = json.loads(found.group(1))
    assert data["article"] == read_text(SEED_ARTICLE)
    assert data["brief"]["claims"]
