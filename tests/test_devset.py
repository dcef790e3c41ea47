"""Every gold file of the development set resolves against its article with no problem.

Passes while the set has no labels yet; fails, naming file and JSON path, on any broken one."""

from service.evaluation.gold import gold_files, resolve
from tests.conftest import ROOT

DEVSET = ROOT / "bench" / "devset"


def test_every_gold_file_resolves_against_its_article() -> None:
    broken = {}
    for path in [*gold_files(DEVSET), *gold_files(DEVSET / "agreement")]:
        result = resolve(path)
        if isinstance(result, list):
            broken[path.name] = result
    assert not broken, f"gold files with problems (see bench/devset/GUIDELINE.md): {broken}"


def test_the_devset_has_its_articles() -> None:
    assert list((DEVSET / "articles").glob("*.txt"))
