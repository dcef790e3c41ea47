"""Gold files: spans resolve by the anchor rule, and every mistake is named with its JSON path.
The articles and labels here are fabricated."""

import json
from pathlib import Path
from typing import Any

import pytest

from service.evaluation.gold import GoldArticle, GoldError, load_gold, locate, resolve

TEXT = "Ann Lee said it was possible. The council said it was not.\n"


def valid_gold() -> dict[str, Any]:
    return {
        "article": "fabricated.txt",
        "split": "tune",
        "actors": [
            {"name": "Ann Lee", "aliases": [], "kind": "person"},
            {"name": "council", "aliases": ["The council"], "kind": "organization"},
        ],
        "claims": [
            {"speaker": "Ann Lee", "cue": "said", "evidence": "Ann Lee said it was possible"},
            {
                "speaker": "council",
                "cue": "said",
                "evidence": "said it was not",
                "anchor": "The council said it was not",
            },
        ],
        "hedges": [
            {"text": "possible", "kind": "uncertainty"},
            {"text": "said", "kind": "attribution", "anchor": "council said"},
        ],
    }


def write(folder: Path, gold: dict[str, Any], name: str = "fabricated.json") -> Path:
    (folder / "articles").mkdir(exist_ok=True)
    (folder / "articles" / "fabricated.txt").write_text(TEXT, encoding="utf-8")
    path = folder / name
    path.write_text(json.dumps(gold), encoding="utf-8")
    return path


def problems_of(tmp_path: Path, gold: dict[str, Any]) -> list[str]:
    result = resolve(write(tmp_path, gold))
    assert not isinstance(result, GoldArticle), "expected problems"
    return result


def test_a_span_is_found_inside_its_unique_anchor(tmp_path: Path) -> None:
    result = resolve(write(tmp_path, valid_gold()))
    assert isinstance(result, GoldArticle)
    said = result.hedges[1].span
    assert (said.start, said.end) == (TEXT.index("council said") + 8, TEXT.index(" it was not"))
    assert result.claims[1].speaker is not None
    assert result.claims[1].speaker.forms == ("council", "The council")


def test_a_span_that_occurs_twice_needs_an_anchor() -> None:
    assert locate(TEXT, "it was", None) == "'it was' occurs more than once: give a longer anchor"


def test_a_span_outside_its_anchor_is_refused() -> None:
    assert locate(TEXT, "council", "Ann Lee said") == (
        "'council' is not inside its anchor 'Ann Lee said'"
    )


def test_articles_are_read_as_stored_so_offsets_match_the_pipeline(tmp_path: Path) -> None:
    gold = valid_gold()
    path = write(tmp_path, gold)
    (tmp_path / "articles" / "fabricated.txt").write_bytes(b"Intro.\r\n" + TEXT.encode())
    result = resolve(path)
    assert isinstance(result, GoldArticle)
    assert result.claims[0].evidence.start == len("Intro.\r\n")


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (lambda g: g["actors"][0].update(name="Anne Lee"), "actors[0]: 'Anne Lee' does not occur"),
        (lambda g: g["actors"][1].update(name="Ann Lee"), "actors[1].name: 'Ann Lee' twice"),
        (lambda g: g["actors"][0].update(kind="human"), "actors[0].kind: Input should be"),
        (lambda g: g["claims"][0].update(speaker="Lee"), "claims[0].speaker: 'Lee' is not an"),
        (lambda g: g["claims"][0].update(cue="told"), "claims[0].cue: 'told' is not inside"),
        (lambda g: g["hedges"][1].pop("anchor"), "hedges[1].text: 'said' occurs more than once"),
        (lambda g: g["hedges"][0].update(kind="doubt"), "hedges[0].kind: Input should be"),
        (lambda g: g["hedges"][0].update(txt="x"), "hedges[0].txt: Extra inputs"),
        (lambda g: g.update(split="test"), "split: Input should be 'tune' or 'heldout'"),
        (lambda g: g.pop("hedges"), "hedges: Field required"),
        (lambda g: g.update(article="gone.txt"), "article: no such file"),
    ],
)
def test_each_mistake_is_named_with_its_json_path(tmp_path: Path, edit: Any, problem: str) -> None:
    gold = valid_gold()
    edit(gold)
    assert any(p.startswith(problem) for p in problems_of(tmp_path, gold)), problem


def test_a_gold_file_is_named_after_its_article(tmp_path: Path) -> None:
    result = resolve(write(tmp_path, valid_gold(), name="other.json"))
    assert result == ["article: 'fabricated.txt' does not match the file name 'other.json'"]


def test_a_file_that_is_not_json_is_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "fabricated.json"
    path.write_text("{not json", encoding="utf-8")
    result = resolve(path)
    assert isinstance(result, list)
    assert result[0].startswith("not a readable JSON file")


def test_loading_a_folder_with_a_broken_file_names_the_file_and_its_first_problem(
    tmp_path: Path,
) -> None:
    gold = valid_gold()
    gold["claims"][0]["speaker"] = "Lee"
    path = write(tmp_path, gold)
    with pytest.raises(GoldError, match=r"fabricated\.json: claims") as caught:
        load_gold(tmp_path)
    assert str(path) in caught.value.detail
    assert "\n" not in caught.value.detail
