"""`newsbrief summarize`: JSON or Markdown on stdout, clear messages on stderr."""

import io
import json
import sys
from pathlib import Path

import pytest

from service.cli import main
from tests.conftest import SEED_ARTICLE
from tests.temp_files import dead_pid, plant


@pytest.fixture(autouse=True)
def _fresh_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(Path(__file__).parent)  # no .env from the repository root
    from service.config import get_settings

    get_settings.cache_clear()


def test_summarize_prints_the_brief_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summarize", str(SEED_ARTICLE)]) == 0
    brief = json.loads(capsys.readouterr().out)
    assert brief["meta"]["engine"] == "extractive"
    assert brief["claims"]


def test_summarize_markdown_shows_summary_claims_and_hedges(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["summarize", str(SEED_ARTICLE), "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert out.index("## Claims") < out.index("## Hedges")
    assert "**Volodymyr Zelenskiy** (wrote on the Telegram app)" in out
    assert "> Ukrainian President Volodymyr Zelenskiy wrote" in out
    assert "- distancing: “what they called”" in out


def test_summarize_reads_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = b"The mayor said the bridge would reopen.\r\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["summarize", "-"]) == 0
    brief = json.loads(capsys.readouterr().out)
    evidence = brief["claims"][0]["evidence"]
    assert data.decode()[evidence["start"] : evidence["end"]] == evidence["text"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["summarize", "/no/such/file.txt"], "no such file"),
        (["summarize", str(SEED_ARTICLE.parent)], "is a folder"),
        (["summaries", "/no/such/folder"], "no such folder"),
        (["summarize", str(SEED_ARTICLE), "--engine", "llm"], "No model is configured"),
    ],
)
def test_mistakes_are_one_clear_line_and_exit_1(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main(args) == 1
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def test_empty_and_non_utf8_files_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    assert main(["summarize", str(empty)]) == 1
    assert "empty" in capsys.readouterr().err
    latin = tmp_path / "latin.txt"
    latin.write_bytes("café".encode("latin-1"))
    assert main(["summarize", str(latin)]) == 1
    assert "not UTF-8" in capsys.readouterr().err


def test_a_bad_setting_names_its_variable(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSBRIEF_PORT", "eighty")
    assert main(["summarize", str(SEED_ARTICLE)]) == 1
    assert "configuration error: NEWSBRIEF_PORT:" in capsys.readouterr().err


def test_summaries_names_a_failed_article_in_plain_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "blank.txt").write_text("  \n")
    assert main(["summaries", str(tmp_path), "--engine", "extractive"]) == 1
    err = capsys.readouterr().err
    assert "failed: blank.txt (text is empty, or has no letters or digits)" in err
    assert "Value error" not in err


def test_summaries_check_passes_and_names_a_leftover_temp_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text("The mayor said the bridge would reopen.\n")
    assert main(["summaries", str(tmp_path), "--engine", "extractive"]) == 0
    left = plant(tmp_path, f".a.brief.json.{dead_pid()}-0123abcd.tmp")
    assert main(["summaries", str(tmp_path), "--engine", "extractive", "--check"]) == 0
    err = capsys.readouterr().err
    assert f"leftover: {left.name}" in err
    assert "all 1 briefs are current" in err
