"""The scorer on small hand-made cases. Every article, label and brief here is fabricated."""

import pytest

from schemas import Actor, Brief, Claim, Hedge, HedgeKind, Meta, Span
from service.evaluation.gold import GoldActor, GoldArticle, GoldClaim, GoldHedge
from service.evaluation.scoring import Scores, forms, normalise, score, total
from service.evaluation.tally import Tally

# A fabricated article: 0-based offsets are easy to count in the phrases below.
TEXT = (
    "Mayor Ann Lee said the bridge would reopen in May. "
    'The city council said it was "possibly" unsafe. '
    "Ann Lee said the council was wrong, according to aides."
)


def at(phrase: str, nth: int = 0) -> Span:
    """The span of the nth occurrence of a phrase in TEXT."""
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(phrase, start + 1)
    return Span(start=start, end=start + len(phrase), text=phrase)


def cut(start: int, end: int) -> Span:
    return Span(start=start, end=end, text=TEXT[start:end])


def gold_article(
    actors: tuple[GoldActor, ...] = (),
    claims: tuple[GoldClaim, ...] = (),
    hedges: tuple[GoldHedge, ...] = (),
) -> GoldArticle:
    return GoldArticle("fabricated.txt", "tune", TEXT, actors, claims, hedges)


def brief(
    actors: list[Actor] | None = None,
    claims: list[Claim] | None = None,
    hedges: list[Hedge] | None = None,
) -> Brief:
    return Brief(
        summary="",
        actors=actors or [],
        claims=claims or [],
        hedges=hedges or [],
        meta=Meta(engine="extractive"),
    )


def actor(id: str, name: str, *aliases: str) -> Actor:
    return Actor(id=id, name=name, kind="person", aliases=list(aliases))


def claim(id: str, evidence: Span, speaker: str | None = None) -> Claim:
    return Claim(id=id, statement="", speaker=speaker, cue=None, evidence=evidence)


def hedge(id: str, kind: HedgeKind, span: Span) -> Hedge:
    return Hedge(id=id, kind=kind, span=span)


LEE = GoldActor("Ann Lee", ("Mayor Ann Lee",), "person")
COUNCIL = GoldActor("city council", ("the council",), "organization")


def scores_of(gold: GoldArticle, predicted: Brief) -> Scores:
    return score(gold, predicted).scores


# Actors


@pytest.mark.parametrize(
    ("gold_form", "predicted_form"),
    [
        ("Ann Lee", "ann lee"),
        ("Ann  Lee", "Ann\nLee"),
        ("O’Neill", "O'Neill"),
        ("“Red” Group", '"Red" group'),
        ("the city council", "City Council"),
        ("The council", "council"),
    ],
)
def test_actor_forms_match_across_case_spacing_curly_quotes_and_a_leading_the(
    gold_form: str, predicted_form: str
) -> None:
    assert normalise(gold_form) == normalise(predicted_form)


def test_only_a_leading_the_is_dropped() -> None:
    assert normalise("Theo of the Ministry") == "theo of the ministry"
    assert forms(["The", "  "]) == frozenset({"the"})


def test_an_actor_matches_through_an_alias_on_either_side() -> None:
    gold = gold_article(actors=(LEE, COUNCIL))
    predicted = brief(actors=[actor("a1", "Mayor Ann Lee"), actor("a2", "Council", "x")])
    assert scores_of(gold, predicted).actors == Tally(gold=2, predicted=2, matched=2)


def test_actors_with_no_form_in_common_do_not_match() -> None:
    gold = gold_article(actors=(LEE,))
    predicted = brief(actors=[actor("a1", "Lee"), actor("a2", "Mayor")])
    assert scores_of(gold, predicted).actors == Tally(gold=1, predicted=2, matched=0)


def test_a_gold_actor_matches_at_most_one_predicted_actor() -> None:
    gold = gold_article(actors=(LEE,))
    predicted = brief(actors=[actor("a1", "Ann Lee"), actor("a2", "Mayor Ann Lee")])
    figures = scores_of(gold, predicted).actors
    assert figures == Tally(gold=1, predicted=2, matched=1)
    assert (figures.precision, figures.recall) == (0.5, 1.0)


# Claims: evidence overlap


def test_claims_whose_evidence_overlaps_by_half_of_the_shorter_match() -> None:
    # gold: 20 characters; predicted: 10 characters sharing exactly 5 with it.
    gold = gold_article(claims=(GoldClaim(None, None, cut(0, 20)),))
    assert scores_of(gold, brief(claims=[claim("c1", cut(15, 25))])).claims.matched == 1


@pytest.mark.parametrize(
    ("gold_span", "predicted_span", "matched"),
    [
        ((0, 20), (15, 25), 1),  # predicted shorter (10), overlap 5 = half: match
        ((0, 20), (16, 26), 0),  # overlap 4 < 5: no match
        ((15, 25), (0, 20), 1),  # gold shorter (10), overlap 5 = half: match
        ((16, 26), (0, 20), 0),  # overlap 4 < 5: no match
        ((0, 21), (10, 31), 1),  # both 21 long, overlap 11 >= 10.5
        ((0, 21), (11, 32), 0),  # overlap 10 < 10.5: half is not rounded down
        ((0, 10), (10, 20), 0),  # touching is not overlapping
    ],
)
def test_the_half_of_the_shorter_threshold_holds_on_both_sides(
    gold_span: tuple[int, int], predicted_span: tuple[int, int], matched: int
) -> None:
    gold = gold_article(claims=(GoldClaim(None, None, cut(*gold_span)),))
    predicted = brief(claims=[claim("c1", cut(*predicted_span))])
    assert scores_of(gold, predicted).claims.matched == matched


def test_a_long_prediction_covering_a_short_gold_claim_matches() -> None:
    gold = gold_article(claims=(GoldClaim(None, None, at("the bridge would reopen")),))
    predicted = brief(claims=[claim("c1", at("Mayor Ann Lee said the bridge would reopen in May"))])
    assert scores_of(gold, predicted).claims.matched == 1


def test_claim_matching_keeps_the_pairs_a_greedy_choice_would_lose() -> None:
    # Gold 1 overlaps predicted 1 most, but gold 2 has no other partner than predicted 1.
    gold = gold_article(
        claims=(GoldClaim(None, None, cut(0, 20)), GoldClaim(None, None, cut(18, 26)))
    )
    predicted = brief(claims=[claim("c1", cut(2, 24)), claim("c2", cut(8, 18))])
    assert scores_of(gold, predicted).claims == Tally(gold=2, predicted=2, matched=2)


def test_one_prediction_cannot_match_two_gold_claims() -> None:
    gold = gold_article(
        claims=(GoldClaim(None, None, cut(0, 10)), GoldClaim(None, None, cut(10, 20)))
    )
    predicted = brief(claims=[claim("c1", cut(0, 20))])
    assert scores_of(gold, predicted).claims == Tally(gold=2, predicted=1, matched=1)


# Claims: the speaker


def lee_said() -> GoldClaim:
    return GoldClaim(LEE, "said", at("Mayor Ann Lee said the bridge would reopen in May"))


def test_the_speaker_is_right_when_the_actors_share_a_form() -> None:
    gold = gold_article(actors=(LEE,), claims=(lee_said(),))
    predicted = brief(
        actors=[actor("a1", "Lee", "ann lee")], claims=[claim("c1", lee_said().evidence, "a1")]
    )
    figures = scores_of(gold, predicted)
    assert figures.speakers == Tally(gold=1, predicted=1, matched=1)
    assert figures.right_speaker_share == 1.0


def test_a_wrong_speaker_matches_on_evidence_but_not_on_speaker() -> None:
    gold = gold_article(actors=(LEE, COUNCIL), claims=(lee_said(),))
    predicted = brief(
        actors=[actor("a1", "the council")], claims=[claim("c1", lee_said().evidence, "a1")]
    )
    figures = scores_of(gold, predicted)
    assert figures.claims.matched == 1
    assert figures.speakers.matched == 0
    assert figures.right_speaker_share == 0.0


@pytest.mark.parametrize(
    ("gold_speaker", "predicted_speaker", "right"),
    [(None, None, 1), (None, "a1", 0), (LEE, None, 0), (LEE, "a1", 1), (LEE, "a9", 0)],
)
def test_null_speakers_are_right_only_together(
    gold_speaker: GoldActor | None, predicted_speaker: str | None, right: int
) -> None:
    evidence = at("it was")
    gold = gold_article(actors=(LEE,), claims=(GoldClaim(gold_speaker, None, evidence),))
    predicted = brief(
        actors=[actor("a1", "Ann Lee")], claims=[claim("c1", evidence, predicted_speaker)]
    )
    figures = scores_of(gold, predicted)
    assert (figures.claims.matched, figures.speakers.matched) == (1, right)


def test_a_pair_with_the_right_speaker_is_preferred_to_a_larger_overlap() -> None:
    gold = gold_article(actors=(LEE, COUNCIL), claims=(lee_said(),))
    whole = lee_said().evidence
    predicted = brief(
        actors=[actor("a1", "Ann Lee"), actor("a2", "city council")],
        claims=[claim("c1", whole, "a2"), claim("c2", cut(whole.start, whole.end - 10), "a1")],
    )
    figures = scores_of(gold, predicted)
    assert figures.claims == Tally(gold=1, predicted=2, matched=1)
    assert figures.speakers.matched == 1


# Hedges


@pytest.mark.parametrize(
    ("gold_kind", "gold_span", "predicted_kind", "predicted_span", "matched"),
    [
        ("uncertainty", (80, 90), "uncertainty", (89, 95), 1),  # one shared character
        ("uncertainty", (80, 90), "uncertainty", (90, 95), 0),  # touching only
        ("uncertainty", (80, 90), "distancing", (80, 90), 0),  # same words, other kind
    ],
)
def test_hedges_match_on_one_shared_character_and_the_same_kind(
    gold_kind: HedgeKind,
    gold_span: tuple[int, int],
    predicted_kind: HedgeKind,
    predicted_span: tuple[int, int],
    matched: int,
) -> None:
    gold = gold_article(hedges=(GoldHedge(gold_kind, cut(*gold_span)),))
    predicted = brief(hedges=[hedge("h1", predicted_kind, cut(*predicted_span))])
    assert scores_of(gold, predicted).hedges.matched == matched


def test_two_gold_hedges_in_one_predicted_span_match_once() -> None:
    gold = gold_article(
        hedges=(
            GoldHedge("attribution", at("said", 1)),
            GoldHedge("attribution", at("according to")),
        )
    )
    predicted = brief(hedges=[hedge("h1", "attribution", at("said the council was wrong, acc"))])
    assert scores_of(gold, predicted).hedges == Tally(gold=2, predicted=1, matched=1)


# Empty sides and totals


def test_no_predictions_give_recall_0_and_no_precision() -> None:
    figures = scores_of(gold_article(actors=(LEE,), claims=(lee_said(),)), brief()).claims
    assert (figures.precision, figures.recall, figures.f1) == (None, 0.0, 0.0)


def test_predictions_without_gold_give_precision_0_and_no_recall() -> None:
    figures = scores_of(gold_article(), brief(claims=[claim("c1", at("it was"))])).claims
    assert (figures.precision, figures.recall, figures.f1) == (0.0, None, 0.0)


def test_nothing_on_either_side_gives_no_figures() -> None:
    figures = scores_of(gold_article(), brief())
    assert (figures.hedges.precision, figures.hedges.recall, figures.hedges.f1) == (None,) * 3
    assert figures.right_speaker_share is None


def test_totals_are_micro_averaged_over_the_summed_counts() -> None:
    small = Scores(claims=Tally(gold=1, predicted=1, matched=1), articles=1)
    large = Scores(claims=Tally(gold=9, predicted=9, matched=0), articles=1)
    summed = total([small, large])
    assert summed.claims == Tally(gold=10, predicted=10, matched=1)
    assert summed.claims.f1 == pytest.approx(0.1)  # the mean of the articles' F1 would be 0.5
    assert summed.articles == 2


# The span contract


def test_spans_that_are_not_the_articles_characters_are_counted() -> None:
    good = at("possibly")
    forged = Span(start=good.start, end=good.end, text="probably")
    predicted = brief(
        actors=[Actor(id="a1", name="Ann Lee", kind="person", mentions=[at("Ann Lee")])],
        claims=[claim("c1", forged)],
        hedges=[hedge("h1", "uncertainty", good), hedge("h2", "uncertainty", forged)],
    )
    figures = scores_of(gold_article(), predicted)
    assert (figures.spans, figures.ungrounded) == (4, 2)
