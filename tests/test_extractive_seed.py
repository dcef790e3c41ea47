"""What the extractive engine must find in the article the project started from."""

import pytest

from schemas import Actor, Brief, Claim
from service.article import Article
from service.extractive.engine import extract
from tests.conftest import SEED_ARTICLE, read_text


@pytest.fixture(scope="module")
def brief() -> Brief:
    from service.pipeline import extractive_brief

    return extractive_brief(read_text(SEED_ARTICLE), None)


def actor_named(brief: Brief, fragment: str) -> Actor:
    matches = [a for a in brief.actors if fragment.lower() in a.name.lower()]
    assert matches, f"no actor named like {fragment!r} in {[a.name for a in brief.actors]}"
    return matches[0]


def claims_by(brief: Brief, actor: Actor) -> list[Claim]:
    return [c for c in brief.claims if c.speaker == actor.id]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Sergei Shoigu", "person"),
        ("Sebastien Lecornu", "person"),
        ("Hulusi Akar", "person"),
        ("Ben Wallace", "person"),
        ("Lloyd Austin", "person"),
        ("Volodymyr Zelenskiy", "person"),
        ("Russian defence ministry", "organization"),
    ],
)
def test_the_seed_actors_are_found(brief: Brief, name: str, kind: str) -> None:
    actor = actor_named(brief, name)
    assert actor.kind == kind


def test_shoigu_has_his_role_and_short_name(brief: Brief) -> None:
    shoigu = actor_named(brief, "Sergei Shoigu")
    assert shoigu.role is not None
    assert "Defence Minister" in shoigu.role
    assert "Shoigu" in shoigu.aliases


def test_the_ministry_is_resolved_to_the_russian_defence_ministry(brief: Brief) -> None:
    ministry = actor_named(brief, "Russian defence ministry")
    assert "the ministry" in ministry.aliases
    assert len(claims_by(brief, ministry)) >= 3


def test_the_ministry_claims_uncontrolled_escalation(brief: Brief) -> None:
    ministry = actor_named(brief, "Russian defence ministry")
    assert any("uncontrolled escalation" in c.evidence.text for c in claims_by(brief, ministry))


def test_zelenskiy_claims_36_rockets_on_telegram(brief: Brief) -> None:
    zelenskiy = actor_named(brief, "Zelenskiy")
    [claim] = [c for c in claims_by(brief, zelenskiy) if "36 rockets" in c.evidence.text]
    assert claim.cue == "wrote on the Telegram app"


def test_the_air_force_command_claims_33_missiles_and_adds_18(brief: Brief) -> None:
    command = actor_named(brief, "air force command")
    evidence = [c.evidence.text for c in claims_by(brief, command)]
    assert any("33 missiles" in e for e in evidence)
    assert any(e.startswith("adding that 18") for e in evidence)


@pytest.mark.parametrize(
    ("words", "kind"),
    [
        ("what they called", "distancing"),
        ("the ministry said", "attribution"),
        ("possible", "uncertainty"),
        ("did not provide further details", "uncertainty"),
    ],
)
def test_the_seed_hedges_are_found_with_their_kind(brief: Brief, words: str, kind: str) -> None:
    assert any(h.span.text == words and h.kind == kind for h in brief.hedges), [
        (h.kind, h.span.text) for h in brief.hedges
    ]


def test_the_statements_sentence_is_an_uncertainty_hedge(brief: Brief) -> None:
    [hedge] = [h for h in brief.hedges if "further details" in h.span.text]
    sentence = "The statements did not provide further details"
    assert hedge.span.text in sentence
    assert any(c.evidence.text == sentence and hedge.id in c.hedges for c in brief.claims)


def test_the_future_is_not_a_hedge(brief: Brief) -> None:
    assert not any(h.span.text.lower() == "will" for h in brief.hedges)


def test_a_bound_is_not_a_hedge(brief: Brief) -> None:
    text = read_text(SEED_ARTICLE)
    villages = text.index("at least two villages")
    assert not any(h.span.start <= villages < h.span.end for h in brief.hedges)


def test_the_summary_skips_the_dateline(brief: Brief) -> None:
    assert not brief.summary.startswith("MOSCOW")
    assert brief.summary.startswith("Russia’s Defence Minister Sergei Shoigu")
    assert 2 <= brief.summary.count(". ") + 1 <= 4


def test_every_hedge_names_an_existing_claim_and_back(brief: Brief) -> None:
    claim_ids = {c.id for c in brief.claims}
    hedges = {h.id: h for h in brief.hedges}
    for hedge in brief.hedges:
        assert hedge.claim is None or hedge.claim in claim_ids
    for claim in brief.claims:
        assert all(hedges[h].claim == claim.id for h in claim.hedges)


def test_every_speaker_is_an_actor(brief: Brief) -> None:
    actor_ids = {a.id for a in brief.actors}
    assert all(c.speaker is None or c.speaker in actor_ids for c in brief.claims)


def test_the_engine_is_deterministic() -> None:
    text = read_text(SEED_ARTICLE)
    assert extract(Article(text)) == extract(Article(text))
