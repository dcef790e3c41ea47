"""The page in a real browser: headless Chromium (Debian's chromium and chromium-driver) driven
by selenium, against `newsbrief serve` on a loopback port, and the file that
`newsbrief summarize --format html` writes, opened from disk. Screenshots go to build/."""

import json
import os
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, SEED_ARTICLE, read_text
from tests.serving import start_server

CHROMIUM = shutil.which("chromium")
DRIVER = shutil.which("chromedriver")
BUILD = ROOT / "build"
# Small enough that a pasted text can pass it, large enough for every seed article.
MAX_TEXT_CHARS = 5000
# An astral character (two UTF-16 code units, one code point) before every span.
EMOJI_ARTICLE = (
    "\U0001f30d\U0001f525 KYIV: Ukraine's air force said on Sunday it had shot down 18 of 33 "
    "missiles, according to a statement. Russian officials described the strikes as what they "
    'called a "response" and said further attacks were possible \U0001f914.'
)

if not (CHROMIUM and DRIVER) and os.environ.get("CI"):
    # CI installs both (.ci/run): a browser test skipped there would hide a broken page.
    raise RuntimeError("CI must run the browser test: chromium or chromedriver is missing")
pytestmark = [
    pytest.mark.skipif(
        not (CHROMIUM and DRIVER),
        reason="needs Debian's chromium and chromium-driver "
        "(apt-get install chromium chromium-driver; .ci/run installs them)",
    ),
    # The test server, and chromedriver, which selenium calls "localhost" (::1 on some hosts).
    pytest.mark.block_network(allowed_hosts=["127.0.0.1", "::1"]),
]

if CHROMIUM and DRIVER:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.remote.webdriver import WebDriver
    from selenium.webdriver.remote.webelement import WebElement
    from selenium.webdriver.support.select import Select
    from selenium.webdriver.support.wait import WebDriverWait


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`newsbrief serve` on a free loopback port, no model configured, a small text limit."""
    base, process = start_server(
        tmp_path_factory.mktemp("serve"),
        {"NEWSBRIEF_MAX_TEXT_CHARS": str(MAX_TEXT_CHARS), "NEWSBRIEF_EXTRACTIVE_WORKERS": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator["WebDriver"]:
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",  # CI runs as root
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--no-first-run",
        # Nothing but the page under test: no update checks, sync or other calls home.
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-default-apps",
        "--disable-extensions",
        "--disable-sync",
        "--window-size=1280,1500",
        # Jumps to a span scroll at once and do not flash: screenshots show where they land.
        "--force-prefers-reduced-motion",
    ):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=str(DRIVER)))
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def page(browser: "WebDriver", base_url: str) -> "WebDriver":
    browser.set_window_size(1280, 1500)
    browser.get(f"{base_url}/")
    return browser


def post_brief(base_url: str, text: str) -> dict[str, Any]:
    """The brief the page was given (the same request: the extractive engine is deterministic)."""
    body = json.dumps({"text": text, "options": {"engine": "extractive"}}).encode()
    request = urllib.request.Request(
        f"{base_url}/v1/summaries", data=body, headers={"content-type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        brief: dict[str, Any] = json.load(response)
        return brief


def brief_in_page(driver: "WebDriver", text: str, *, example: str | None = None) -> None:
    """Fill the form (an example from the list, or a pasted text) and wait for the brief."""
    driver.execute_script("document.getElementById('newsbrief-view').replaceChildren()")
    if example is not None:
        wait(driver).until(
            lambda d: d.find_elements(By.CSS_SELECTOR, "#nb-example option[value='0']")
        )
        select = Select(driver.find_element(By.ID, "nb-example"))
        select.select_by_visible_text(next(o.text for o in select.options if example in o.text))
        assert driver.find_element(By.ID, "nb-text").get_property("value") == text
    else:
        # send_keys cannot type astral characters; the textarea takes the value as pasted.
        area = driver.find_element(By.ID, "nb-text")
        driver.execute_script("arguments[0].value = arguments[1]", area, text)
    Select(driver.find_element(By.ID, "nb-engine")).select_by_value("extractive")
    driver.find_element(By.ID, "nb-submit").click()
    wait(driver).until(
        lambda d: (
            d.find_elements(By.CSS_SELECTOR, ".nb-article")
            or d.find_element(By.ID, "nb-problem").is_displayed()
        )
    )


def wait(driver: "WebDriver") -> "WebDriverWait[WebDriver]":
    return WebDriverWait(driver, 20)


def drawn_pieces(driver: "WebDriver") -> list[dict[str, Any]]:
    """Every highlighted piece of the article: its offsets (data attributes) and its text."""
    pieces: list[dict[str, Any]] = driver.execute_script(
        """return [...document.querySelectorAll('.nb-article [data-start]')].map((node) => ({
            start: Number(node.dataset.start), end: Number(node.dataset.end),
            text: node.textContent,
            claims: node.dataset.claims || '', hedges: node.dataset.hedges || '',
            actors: node.dataset.actors || ''}))"""
    )
    return pieces


def assert_spans_drawn_at_their_offsets(
    driver: "WebDriver", article: str, brief: dict[str, Any]
) -> None:
    """Each piece shows the article's characters at its offsets, the article is shown whole,
    and each claim, hedge and actor covers exactly the characters of its spans."""
    pieces = drawn_pieces(driver)
    assert pieces
    for piece in pieces:
        assert piece["text"] == article[piece["start"] : piece["end"]], piece
    shown = driver.find_element(By.CSS_SELECTOR, ".nb-article").get_property("textContent")
    assert shown == article

    def covered(key: str, id_: str) -> set[int]:
        return {i for p in pieces if id_ in p[key].split() for i in range(p["start"], p["end"])}

    def expected(*spans: dict[str, int]) -> set[int]:
        return {i for s in spans for i in range(s["start"], s["end"])}

    for claim in brief["claims"]:
        assert covered("claims", claim["id"]) == expected(claim["evidence"]), claim["id"]
    for hedge in brief["hedges"]:
        assert covered("hedges", hedge["id"]) == expected(hedge["span"]), hedge["id"]
    for actor in brief["actors"]:
        assert covered("actors", actor["id"]) == expected(*actor["mentions"]), actor["id"]


def screenshot(driver: "WebDriver", name: str) -> None:
    BUILD.mkdir(exist_ok=True)
    assert driver.save_screenshot(str(BUILD / name))


def test_the_seed_brief_is_drawn_at_the_articles_own_offsets(
    page: "WebDriver", base_url: str
) -> None:
    article = read_text(SEED_ARTICLE)
    brief_in_page(page, article, example=SEED_ARTICLE.stem)
    assert_spans_drawn_at_their_offsets(page, article, post_brief(base_url, article))
    legend = page.find_element(By.CSS_SELECTOR, ".nb-legend").text
    assert "Volodymyr Zelenskiy" in legend
    page.find_element(By.CSS_SELECTOR, ".nb-claims [data-id]").click()
    page.execute_script("window.scrollTo(0, 0)")
    screenshot(page, "page.png")


def test_offsets_past_an_astral_character_are_code_points(page: "WebDriver", base_url: str) -> None:
    brief_in_page(page, EMOJI_ARTICLE)
    brief = post_brief(base_url, EMOJI_ARTICLE)
    assert brief["claims"]
    assert_spans_drawn_at_their_offsets(page, EMOJI_ARTICLE, brief)


def test_selecting_a_claim_in_the_text_shows_its_speaker(page: "WebDriver", base_url: str) -> None:
    article = read_text(SEED_ARTICLE)
    brief_in_page(page, article, example=SEED_ARTICLE.stem)
    brief = post_brief(base_url, article)
    actors = {a["id"]: a for a in brief["actors"]}
    claim = next(c for c in brief["claims"] if c["speaker"])
    piece = page.find_element(By.CSS_SELECTOR, f".nb-article [data-owner='{claim['id']}']")
    piece.click()
    speaker = actors[claim["speaker"]]
    role = f" ({speaker['role']})" if speaker["role"] else ""
    assert details(page, ".nb-speaker") == speaker["name"] + role
    assert details(page, ".nb-statement") == claim["statement"]
    assert details(page, ".nb-cue") == claim["cue"]


def test_a_claim_is_selected_by_keyboard(page: "WebDriver", base_url: str) -> None:
    article = read_text(SEED_ARTICLE)
    brief_in_page(page, article, example=SEED_ARTICLE.stem)
    brief = post_brief(base_url, article)
    first = brief["claims"][0]
    body = page.find_element(By.TAG_NAME, "body")
    focused = tab_until(page, body, ".nb-article [tabindex='0']")
    assert focused.get_attribute("data-owner") == first["id"]
    focused.send_keys(Keys.ENTER)
    assert details(page, ".nb-statement") == first["statement"]
    # A claim whose words no other claim shares, so that its span is its own element.
    spans = [(c["evidence"]["start"], c["evidence"]["end"]) for c in brief["claims"]]
    other = next(
        c for c, span in zip(brief["claims"][1:], spans[1:], strict=True) if spans.count(span) == 1
    )
    entry = page.find_element(By.CSS_SELECTOR, f".nb-claims [data-id='{other['id']}']")
    entry.send_keys(Keys.SPACE)
    assert details(page, ".nb-statement") == other["statement"]
    assert page.switch_to.active_element.get_attribute("data-owner") == other["id"]


def tab_until(driver: "WebDriver", start: "WebElement", selector: str) -> "WebElement":
    start.send_keys(Keys.TAB)
    for _ in range(20):
        active = driver.switch_to.active_element
        if driver.execute_script("return arguments[0].matches(arguments[1])", active, selector):
            return active
        active.send_keys(Keys.TAB)
    raise AssertionError(f"no element matching {selector} within 20 tabs")


def details(driver: "WebDriver", selector: str) -> str:
    node = driver.find_element(By.CSS_SELECTOR, f".nb-details {selector}")
    assert node.is_displayed()
    text: str = node.text
    return text


def test_a_text_over_the_limit_shows_the_problems_title_and_detail(page: "WebDriver") -> None:
    brief_in_page(page, "The mayor said the bridge would reopen. " * 200)
    problem = page.find_element(By.ID, "nb-problem")
    assert problem.is_displayed()
    assert problem.find_element(By.TAG_NAME, "h2").text == "Text too large"
    detail = problem.find_element(By.TAG_NAME, "p").text
    assert f"the limit is {MAX_TEXT_CHARS:,} (NEWSBRIEF_MAX_TEXT_CHARS)" in detail
    assert "{" not in problem.text
    assert "text_too_large" not in problem.text


def test_the_page_fits_a_phone_sized_window(page: "WebDriver", base_url: str) -> None:
    page.set_window_size(390, 844)
    article = read_text(SEED_ARTICLE)
    brief_in_page(page, article, example=SEED_ARTICLE.stem)
    overflow = page.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    brief = post_brief(base_url, article)
    claim = next(c for c in brief["claims"] if c["id"] == "c3")
    page.find_element(By.CSS_SELECTOR, f".nb-claims [data-id='{claim['id']}']").click()
    assert details(page, ".nb-statement") == claim["statement"]
    screenshot(page, "page-phone.png")


def test_the_exported_file_draws_the_same_spans(browser: "WebDriver", tmp_path: Path) -> None:
    path = tmp_path / "emoji.txt"
    path.write_text(EMOJI_ARTICLE, encoding="utf-8")
    written = tmp_path / "brief.html"
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)}
    run = [sys.executable, "-m", "service.cli", "summarize", str(path), "--format", "html"]
    with written.open("w") as out:
        subprocess.run(run, stdout=out, check=True, cwd=tmp_path, env=env, timeout=60)
    brief_json = subprocess.run(
        run[:-2], capture_output=True, check=True, cwd=tmp_path, env=env, timeout=60
    ).stdout
    browser.set_window_size(1280, 1500)
    browser.get(written.as_uri())
    wait(browser).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".nb-article"))
    assert_spans_drawn_at_their_offsets(browser, EMOJI_ARTICLE, json.loads(brief_json))
    screenshot(browser, "export.png")


def test_selecting_an_actor_marks_its_mentions_only(page: "WebDriver", base_url: str) -> None:
    article = read_text(SEED_ARTICLE)
    brief_in_page(page, article, example=SEED_ARTICLE.stem)
    actor = max(post_brief(base_url, article)["actors"], key=lambda a: len(a["mentions"]))
    page.find_element(By.CSS_SELECTOR, f".nb-actors [data-id='{actor['id']}']").click()
    marked = page.execute_script(
        "return [...document.querySelectorAll('.nb-mention-on')].map((n) => n.dataset.actors)"
    )
    mentions = [p for p in drawn_pieces(page) if actor["id"] in p["actors"].split()]
    assert len(marked) == len(mentions) > 1


def test_a_hedge_kind_can_be_hidden(page: "WebDriver") -> None:
    brief_in_page(page, EMOJI_ARTICLE)
    underline = "return getComputedStyle(document.querySelector('.nb-article .nb-h-distancing'))"
    assert page.execute_script(underline + ".textDecorationLine") == "underline"
    page.find_element(By.CSS_SELECTOR, "input[data-kind='distancing']").click()
    assert page.execute_script(underline + ".textDecorationLine") == "none"


def test_conflicts_are_listed_when_the_brief_has_them(page: "WebDriver", base_url: str) -> None:
    brief = post_brief(base_url, EMOJI_ARTICLE)
    assert "conflicts" not in brief  # not yet part of the contract: drawn when it is
    page.execute_script(
        "NewsBrief.render(document.getElementById('newsbrief-view'), arguments[0], arguments[1])",
        brief,
        EMOJI_ARTICLE,
    )
    assert not page.find_elements(By.CSS_SELECTOR, ".nb-conflicts")
    first, second = brief["claims"][:2]
    brief["conflicts"] = [
        {
            "id": "x1",
            "about": "what was shot down",
            "values": [
                {"claim": first["id"], "value": first["evidence"]},
                {"claim": second["id"], "value": second["evidence"]},
            ],
        }
    ]
    page.execute_script(
        "NewsBrief.render(document.getElementById('newsbrief-view'), arguments[0], arguments[1])",
        brief,
        EMOJI_ARTICLE,
    )
    values = page.find_elements(By.CSS_SELECTOR, ".nb-conflicts button")
    assert len(values) == 2
    values[1].click()
    assert details(page, ".nb-statement") == second["statement"]
    assert_spans_drawn_at_their_offsets(page, EMOJI_ARTICLE, brief)


def test_the_api_docs_render_their_operations_offline(browser: "WebDriver", base_url: str) -> None:
    """Swagger UI and ReDoc come from the app itself (the browser has no network here)."""
    browser.get(f"{base_url}/docs")
    wait(browser).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".opblock-summary-path"))
    paths = {e.text for e in browser.find_elements(By.CSS_SELECTOR, ".opblock-summary-path")}
    assert {"/v1/summaries", "/healthz"} <= {p.replace("\u200b", "") for p in paths}
    screenshot(browser, "docs.png")
    browser.get(f"{base_url}/redoc")
    wait(browser).until(
        lambda d: "createSummary" in d.page_source or "Brief one article" in d.page_source
    )
