"""cassettes/README.md's provenance table is the one the cassettes give (`make record` writes
it): a re-recording that does not regenerate it fails here."""

from tests.recording import CASSETTES, README, provenance_row, readme_with_table


def test_the_readme_provenance_table_matches_the_cassettes() -> None:
    current = README.read_text(encoding="utf-8")
    assert readme_with_table(current) == current, (
        "cassettes/README.md is out of date: run python -m tests.recording provenance"
    )


def test_every_cassette_has_a_row() -> None:
    readme = README.read_text(encoding="utf-8")
    for cassette in CASSETTES.rglob("*.yaml"):
        assert f"`{cassette.relative_to(CASSETTES)}`" in readme


def test_a_row_sums_the_recorded_usage() -> None:
    row = provenance_row(CASSETTES / "seed_runs" / "run-1.yaml")
    assert "| 4,410 + 918 = 5,328 |" in row
    assert "2026-11-25 15:05–15:06 UTC" in row
