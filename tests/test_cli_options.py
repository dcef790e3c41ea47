"""The CLI's own options: --version, help on every option, progress of an llm brief, --quiet,
and `summaries` on a folder with no articles."""

import argparse
import asyncio
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from service import __version__
from service.article import Article
from service.cli import _parser, main
from service.config import get_settings
from service.errors import ModelOutputInvalid
from tests.conftest import SEED_ARTICLE
from tests.fake_model import FakeModelServer
from tests.llm_support import llm_settings
from tests.loopback_model import COMPLETION_TOKENS, PROMPT_TOKENS, strong_model_on_loopback


@pytest.fixture(autouse=True)
def _fresh_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(Path(__file__).parent)  # no .env from the repository root
    get_settings.cache_clear()


@pytest.fixture
def model_on_loopback(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """NEWSBRIEF_BASE_URL names a fabricated model server on 127.0.0.1 for the test."""
    with strong_model_on_loopback() as model:
        monkeypatch.setenv("NEWSBRIEF_BASE_URL", model.base_url)
        monkeypatch.setenv("NEWSBRIEF_MODEL", "fake-model")
        yield


def test_version_prints_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out == f"newsbrief {__version__}\n"


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    raise AssertionError("the parser has no subcommands")


def test_every_option_of_every_subcommand_has_help() -> None:
    parser = _parser()
    commands = _subcommands(parser)
    assert set(commands) == {"summarize", "summaries", "eval", "serve"}
    missing = [
        f"{name} {action.dest}"
        for name, command in [("newsbrief", parser), *commands.items()]
        for action in command._actions
        if not isinstance(action, argparse._SubParsersAction)
        and (not action.help or action.help == argparse.SUPPRESS)
    ]
    assert missing == []


def test_summaries_on_a_folder_with_no_articles_says_so_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.md").write_text("not an article\n")
    assert main(["summaries", str(tmp_path)]) == 1
    assert f"no articles in {tmp_path}" in capsys.readouterr().err


@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
@pytest.mark.usefixtures("model_on_loopback")
def test_an_llm_brief_reports_attempt_tokens_and_elapsed_on_stderr(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["summarize", str(SEED_ARTICLE), "--engine", "llm"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["meta"]["engine"] == "llm"
    tokens = PROMPT_TOKENS + COMPLETION_TOKENS
    # Standard error is not a terminal here, so the line is written once, in its last state.
    assert f"llm: attempt 1 of 3, {tokens:,} tokens so far, elapsed 0:00:0" in captured.err


@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
@pytest.mark.usefixtures("model_on_loopback")
def test_quiet_hides_the_progress_of_an_llm_brief(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summarize", str(SEED_ARTICLE), "--engine", "llm", "--quiet"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["meta"]["engine"] == "llm"
    assert "attempt" not in captured.err


def test_an_extractive_brief_shows_no_progress(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summarize", str(SEED_ARTICLE), "--engine", "extractive"]) == 0
    assert capsys.readouterr().err == ""


def test_the_engine_reports_each_attempt_as_it_starts_and_when_it_is_answered(
    seed_text: str,
) -> None:
    fake = FakeModelServer().answer("[]", prompt_tokens=10, completion_tokens=5)
    fake.answer("{", prompt_tokens=20, completion_tokens=5)
    fake.answer('{"summary": 1}', prompt_tokens=30, completion_tokens=5)
    engine = fake.engine(llm_settings(max_attempts=3))
    reports: list[tuple[int, int, int]] = []
    engine.on_progress = lambda *report: reports.append(report)

    async def brief() -> None:
        try:
            await engine.brief(Article(seed_text))
        finally:
            await engine.close()

    with pytest.raises(ModelOutputInvalid):
        asyncio.run(brief())
    assert reports == [(1, 3, 0), (1, 3, 15), (2, 3, 15), (2, 3, 40), (3, 3, 40), (3, 3, 75)]


@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
@pytest.mark.usefixtures("model_on_loopback")
def test_markdown_of_an_llm_brief_shows_attempts_usage_and_time(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["summarize", str(SEED_ARTICLE), "--engine", "llm", "--format", "markdown"]) == 0
    made = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("_engine"))
    tokens = PROMPT_TOKENS + COMPLETION_TOKENS
    assert made.startswith("_engine: llm (fake-model), 1 attempt in 1 model call, ")
    assert (
        f"{tokens:,} tokens ({PROMPT_TOKENS:,} prompt + {COMPLETION_TOKENS:,} completion)" in made
    )
    assert re.search(r", \d+(\.\d)? m?s, schema 1\.0_$", made), made


def test_markdown_of_an_extractive_brief_shows_its_engine_and_time(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert (
        main(["summarize", str(SEED_ARTICLE), "--engine", "extractive", "--format", "markdown"])
        == 0
    )
    made = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("_engine"))
    assert re.fullmatch(r"_engine: extractive, \d+ ms, schema 1\.0_", made), made
