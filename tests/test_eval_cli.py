"""`newsbrief eval` on a tiny fabricated gold folder: the table, the JSON, the one-line errors."""

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from service.cli import main
from tests.conftest import ROOT

# Fabricated articles and labels, two articles, one per split.
ARTICLES = {
    "bridge": (
        "tune",
        "Mayor Ann Lee said the bridge would reopen in May. "
        "Engineers said it was possibly unsafe.\n",
        {
            "actors": [
                {"name": "Mayor Ann Lee", "aliases": ["Ann Lee"], "kind": "person"},
                {"name": "Engineers", "aliases": [], "kind": "group"},
            ],
            "claims": [
                {
                    "speaker": "Mayor Ann Lee",
                    "cue": "said",
                    "evidence": "Mayor Ann Lee said the bridge would reopen in May",
                },
                {
                    "speaker": "Engineers",
                    "cue": "said",
                    "evidence": "Engineers said it was possibly unsafe",
                },
            ],
            "hedges": [
                {"text": "said", "kind": "attribution", "anchor": "Lee said"},
                {"text": "said", "kind": "attribution", "anchor": "Engineers said"},
                {"text": "possibly", "kind": "uncertainty"},
            ],
        },
    ),
    "harbour": (
        "heldout",
        "The harbour reopened on Monday, the port authority said.\n",
        {
            "actors": [{"name": "port authority", "aliases": [], "kind": "organization"}],
            "claims": [
                {
                    "speaker": "port authority",
                    "cue": "said",
                    "evidence": "The harbour reopened on Monday, the port authority said",
                }
            ],
            "hedges": [{"text": "said", "kind": "attribution"}],
        },
    ),
}


@pytest.fixture(autouse=True)
def _in_a_scratch_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no .env from the repository; build/ lands here
    from service.config import get_settings

    get_settings.cache_clear()


def write_gold(tmp_path: Path) -> Path:
    """A gold folder of ARTICLES (fabricated labels) under tmp_path."""
    folder = tmp_path / "gold"
    (folder / "articles").mkdir(parents=True)
    for name, (split, text, labels) in ARTICLES.items():
        (folder / "articles" / f"{name}.txt").write_text(text, encoding="utf-8")
        data = {"article": f"{name}.txt", "split": split, **labels}
        (folder / f"{name}.json").write_text(json.dumps(data), encoding="utf-8")
    return folder


@pytest.fixture
def gold(tmp_path: Path) -> Path:
    return write_gold(tmp_path)


def run_eval(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["eval", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_eval_prints_each_article_then_the_totals_and_the_targets(
    gold: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_eval(capsys, "--gold", str(gold))
    assert code == 0
    lines = out.splitlines()
    assert any(line.startswith("bridge") and " tune " in line for line in lines)
    assert any(line.startswith("harbour") and " heldout " in line for line in lines)
    assert out.index("tune (1 article)") < out.index("heldout (1 article)")
    assert out.index("heldout (1 article)") < out.index("all (2 articles)")
    for target in ("claims recall", "claims with the right speaker", "hedges F1", "actors F1"):
        assert target in out
    assert "Figures as JSON: build/eval-extractive.json" in out
    assert "[2/2]" in err


def test_eval_writes_the_same_figures_as_json(
    gold: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "figures.json"
    code, out, _ = run_eval(capsys, "--gold", str(gold), "--json", str(target))
    assert code == 0
    figures: dict[str, Any] = json.loads(target.read_text(encoding="utf-8"))
    assert figures["engine"] == "extractive"
    assert [a["article"] for a in figures["articles"]] == ["bridge.txt", "harbour.txt"]
    whole = figures["totals"]["all"]
    assert (whole["claims"]["gold"], whole["hedges"]["gold"], whole["actors"]["gold"]) == (3, 4, 3)
    assert whole["claims_right_speaker"]["matched"] <= whole["claims"]["matched"]
    assert whole["spans_not_in_article"] == 0
    assert [t["target"] for t in figures["targets"]] == [
        "claims_recall",
        "right_speaker_share",
        "hedges_f1",
        "actors_f1",
    ]
    shown = f"{figures['targets'][0]['figure']:.3f}  >= 0.85"
    assert shown in out


def test_eval_of_one_split_scores_only_its_articles(
    gold: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "heldout.json"
    assert (
        run_eval(capsys, "--gold", str(gold), "--split", "heldout", "--json", str(target))[0] == 0
    )
    figures = json.loads(target.read_text(encoding="utf-8"))
    assert [a["split"] for a in figures["articles"]] == ["heldout"]
    assert set(figures["totals"]) == {"heldout", "all"}


def test_an_article_the_engine_fails_on_is_scored_as_nothing_found_and_exits_1(
    gold: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NEWSBRIEF_MAX_TEXT_CHARS", "70")  # the bridge article is longer
    target = tmp_path / "figures.json"
    code, out, err = run_eval(capsys, "--gold", str(gold), "--json", str(target))
    assert code == 1
    assert "FAILED bridge.txt: text has" in out
    assert "failed on 1 article(s)" in err
    bridge = json.loads(target.read_text(encoding="utf-8"))["articles"][0]
    assert bridge["error"].startswith("text has")
    assert (bridge["claims"]["gold"], bridge["claims"]["predicted"]) == (2, 0)


def test_eval_check_lists_each_gold_file(gold: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_eval(capsys, "--gold", str(gold), "--check")
    assert code == 0
    assert out.splitlines() == ["ok   bridge.json", "ok   harbour.json"]


def test_eval_check_fails_on_a_broken_file_and_names_the_problem(
    gold: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (gold / "harbour.json").write_text('{"article": "harbour.txt"}', encoding="utf-8")
    code, out, _ = run_eval(capsys, "--gold", str(gold), "--check")
    assert code == 1
    assert "FAIL harbour.json" in out
    assert "     split: Field required" in out


def break_a_label(gold: Path) -> None:
    data = json.loads((gold / "bridge.json").read_text(encoding="utf-8"))
    data["claims"][0]["speaker"] = "The Mayor"
    (gold / "bridge.json").write_text(json.dumps(data), encoding="utf-8")


def remove_the_labels(gold: Path) -> None:
    for path in gold.glob("*.json"):
        path.unlink()


@pytest.mark.parametrize(
    ("spoil", "args", "message"),
    [
        (break_a_label, [], "bridge.json: claims[0].speaker: 'The Mayor' is not an actor's name"),
        (remove_the_labels, [], "no gold files in"),
        (None, ["--engine", "llm"], "No model is configured"),
        (None, ["--split", "tune", "--gold", "/no/such/folder"], "no such folder"),
    ],
)
def test_eval_mistakes_are_one_clear_line_and_exit_1(
    gold: Path,
    capsys: pytest.CaptureFixture[str],
    spoil: Any,
    args: list[str],
    message: str,
) -> None:
    if spoil is not None:
        spoil(gold)
    code, _, err = run_eval(capsys, "--gold", str(gold), *args)
    assert code == 1
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert not Path("build").exists()


def test_the_devset_checker_script_reports_like_eval_check(
    gold: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    break_a_label(gold)
    script = ROOT / "bench" / "devset" / "check.py"
    done = subprocess.run(
        [sys.executable, str(script), str(gold / "bridge.json"), str(gold / "harbour.json")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert done.stdout.splitlines()[:2] == [
        "FAIL bridge.json",
        "     claims[0].speaker: 'The Mayor' is not an actor's name",
    ]
    assert "ok   harbour.json" in done.stdout
