"""The extractive engine reads English only: a text clearly in another language says so."""

import pytest

from service import language
from service.pipeline import extractive_brief
from tests.conftest import SEED_ARTICLE

# Written for these tests: news paragraphs in the style of a wire report.
GERMAN = (
    "BERLIN: Die Bundesregierung will die Förderung für Wärmepumpen im kommenden Jahr "
    "deutlich kürzen, wie das Wirtschaftsministerium am Montag mitteilte. Ein Sprecher "
    "sagte, man habe die Mittel bereits zu zwei Dritteln ausgeschöpft und müsse nun "
    "Prioritäten setzen. Verbände des Handwerks kritisierten den Schritt scharf und "
    "warnten vor einem Einbruch der Aufträge. Nach Angaben des Ministeriums sollen "
    "Haushalte mit geringem Einkommen weiterhin einen höheren Zuschuss erhalten."
)
FRENCH = (
    "PARIS : Le gouvernement a annoncé mardi un nouveau plan pour réduire les délais "
    "d'attente aux urgences, selon un communiqué du ministère de la Santé. La ministre a "
    "déclaré que les hôpitaux recevraient des moyens supplémentaires dès le mois prochain. "
    "Les syndicats de soignants ont jugé ces mesures insuffisantes et ont appelé à une "
    "journée de grève. D'après plusieurs médecins, la situation reste très tendue dans "
    "les petites villes, où les services ferment parfois la nuit."
)
SPANISH = (
    "MADRID: El Gobierno aprobó este martes un decreto para limitar el precio de los "
    "alquileres en las zonas más tensionadas, según informó el Ministerio de Vivienda. La "
    "ministra afirmó que la medida beneficiará a cerca de un millón de hogares. Las "
    "asociaciones de propietarios advirtieron de que la norma podría reducir la oferta de "
    "pisos disponibles. Fuentes del sector señalaron que los detalles de la aplicación "
    "todavía no están claros y que habrá recursos ante los tribunales."
)


@pytest.mark.parametrize(
    ("text", "name"),
    [(GERMAN, "German (de)"), (FRENCH, "French (fr)"), (SPANISH, "Spanish (es)")],
)
def test_an_extractive_brief_of_a_text_in_another_language_says_which(text: str, name: str) -> None:
    brief = extractive_brief(text, None)
    assert (
        f"the text looks like {name}; the extractive engine reads English only"
        in brief.meta.warnings
    )


def test_an_english_article_gets_no_language_warning() -> None:
    brief = extractive_brief(SEED_ARTICLE.read_text(encoding="utf-8"), None)
    assert not any("looks like" in w for w in brief.meta.warnings)


def test_an_english_text_never_loads_the_identifier(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_model() -> None:
        raise AssertionError("the language model was loaded for an English text")

    monkeypatch.setattr(language, "_identifier", no_model)
    assert language.detect_other_language(SEED_ARTICLE.read_text(encoding="utf-8")) is None


def test_a_text_too_short_to_judge_is_not_judged() -> None:
    assert language.detect_other_language(GERMAN[:150]) is None


def test_a_table_of_names_and_numbers_is_not_called_foreign() -> None:
    scores = "Results: Liverpool 2 Arsenal 1; Chelsea 0 Everton 0; Leeds 3 Fulham 2. " * 8
    assert language.detect_other_language(scores) is None


def test_an_english_article_quoting_german_is_english() -> None:
    text = SEED_ARTICLE.read_text(encoding="utf-8")[:1200] + " " + GERMAN
    assert language.detect_other_language(text) is None
