"""Inter-labeller agreement: a second labelling scored like an engine's brief."""

from service.evaluation.agreement import agreement, as_brief
from service.evaluation.gold import load_gold
from service.evaluation.scoring import score
from tests.conftest import ROOT

DEVSET = ROOT / "bench" / "devset"


def test_a_labelling_agrees_with_itself_entirely() -> None:
    for labels in load_gold(DEVSET)[:5]:
        scores = score(labels, as_brief(labels)).scores
        for tally in (scores.actors, scores.claims, scores.speakers, scores.hedges):
            assert (tally.precision, tally.recall) in ((1.0, 1.0), (None, None)), labels.name
        assert scores.ungrounded == 0


def test_every_second_labelling_has_its_first() -> None:
    seconds = load_gold(DEVSET / "agreement")
    scored = agreement(DEVSET, DEVSET / "agreement")
    assert len(seconds) >= 5
    assert [s.name for s in scored] == [s.name for s in seconds]
