"""The reporting-verb lexicon by class, the named rule tables and the engine version."""

import json

import pytest

from service.extractive import cues, engine, lexicon
from service.extractive.cues import TOKEN_RULES, find_cues
from service.extractive.hedges import HEDGE_RULES
from service.extractive.tokens import tokenize
from tests.test_extractive_rules import brief_of, hedge_texts, speakers

_PARADIGM = [
    (lemma, verb_class)
    for verb_class in lexicon.VERB_CLASSES
    for lemma in verb_class.lemmas
]  # fmt: skip


@pytest.mark.parametrize(("lemma", "verb_class"), _PARADIGM, ids=[lemma for lemma, _ in _PARADIGM])
def test_every_form_of_every_reporting_verb_is_a_cue(
    lemma: str, verb_class: lexicon.VerbClass
) -> None:
    """Base, -s, past, past participle and -ing: each is recognised, with its lemma's class."""
    forms = lexicon.verb_forms(lemma)
    assert lemma in forms
    assert any(f.endswith("s") and f != lemma for f in forms), forms  # says, concedes
    assert any(f.endswith("ing") for f in forms), forms  # saying, conceding
    assert len(forms) >= 4, forms  # base, -s, -ing, past (and participle when it differs)
    for form in forms:
        assert form in lexicon.REPORTING_VERBS or form in lexicon.SOURCE_ONLY_VERBS, form
        assert lexicon.verb_class(form) is not None, form


@pytest.mark.parametrize(
    ("lemma", "expected"),
    [
        ("say", {"say", "says", "said", "saying"}),
        ("write", {"write", "writes", "wrote", "written", "writing"}),
        ("concede", {"concede", "concedes", "conceded", "conceding"}),
        ("criticise", {"criticise", "criticises", "criticised", "criticising"}),
        ("testify", {"testify", "testifies", "testified", "testifying"}),
    ],
)
def test_inflections_come_from_the_library(lemma: str, expected: set[str]) -> None:
    assert lexicon.verb_forms(lemma) == expected


@pytest.mark.parametrize(
    ("form", "hedge"),
    [
        ("conceded", "attribution"),  # communication
        ("criticised", "attribution"),  # judgement
        ("alleges", "distancing"),  # claimed, alleged: the writer keeps a distance
        ("accusing", "distancing"),
        ("fears", "uncertainty"),  # attitude: a belief, not a fact
        ("hoped", "uncertainty"),
        ("urged", "attribution"),  # directive
        ("suggests", "uncertainty"),  # evidence that only suggests
        ("showed", "attribution"),  # evidence
    ],
)
def test_each_class_says_what_its_verbs_mean_for_hedges(form: str, hedge: str) -> None:
    verb_class = lexicon.verb_class(form)
    assert verb_class is not None
    assert verb_class.hedge == hedge


def test_every_phrasal_verb_is_found_in_all_its_forms() -> None:
    for phrase in lexicon.PHRASAL_VERBS:
        verb, particle = phrase.split()
        for form in lexicon.verb_forms(verb):
            text = f"The mayor {form} {particle} the plan."
            tokens = tokenize(text)
            [cue] = find_cues(text, tokens, 0, len(text))
            assert text[tokens[cue.first].start : tokens[cue.index].end] == f"{form} {particle}"


@pytest.mark.parametrize("rule", TOKEN_RULES, ids=[r.name for r in TOKEN_RULES])
def test_each_cue_rule_decides_its_example(rule: cues.CueRule) -> None:
    tokens = tokenize(rule.example)
    found = [
        rule.example[tokens[c.first].start : tokens[c.index].end]
        if c.start is None
        else rule.example[c.start : c.end]
        for c in find_cues(rule.example, tokens, 0, len(rule.example))
    ]
    if rule.cue is None:
        assert found == []
    else:
        assert rule.cue in found, found


def test_cue_rule_names_are_unique() -> None:
    names = [r.name for r in TOKEN_RULES] + [r.name for r in HEDGE_RULES]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("rule", HEDGE_RULES, ids=[r.name for r in HEDGE_RULES])
def test_each_hedge_rule_marks_its_example(rule: object) -> None:
    from service.extractive.hedges import HedgeRule

    assert isinstance(rule, HedgeRule)
    assert rule.marks in hedge_texts(brief_of(rule.example), rule.kind)


# -- KNOWN-FAILURES classes, with invented sentences ------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        # 1. incomplete paradigms
        ("The mayor cautions that the bridge is old.", "mayor", "cautions"),
        ("The firm hopes to expand next year.", "firm", "hopes"),
        # 2. reporting and attitude verbs by class
        ("The coach conceded that the team had lost.", "coach", "conceded"),
        ("Farmers fear the drought will last.", "Farmers", "fear"),
        ("The union criticised the plan on Monday.", "union", "criticised"),
        # 3. an adverb phrase between auxiliary and verb
        ("Doctors have for years warned that sugar is harmful.", "Doctors", "warned"),
        ("The council had in March promised that rents would fall.", "council", "promised"),
    ],
)
def test_reporting_verbs_of_every_class_and_form_make_claims(
    text: str, speaker: str, cue: str
) -> None:
    brief = brief_of(text)
    assert speakers(brief) == [speaker]
    assert [c.cue for c in brief.claims] == [cue]


@pytest.mark.parametrize(
    ("text", "speaker", "hedge"),
    [
        ("The embassy advised citizens to leave the city.", "embassy", "advised"),
        ("The union urged members to strike on Friday.", "union", "urged"),
        ("The mayor asked the council to reconsider the plan.", "mayor", "asked"),
        ("Residents were advised to boil their water.", None, "were advised"),
    ],
)
def test_directives_are_claims_with_the_verb_as_attribution(
    text: str, speaker: str | None, hedge: str
) -> None:
    brief = brief_of(text)
    if speaker is not None:
        assert speakers(brief) == [speaker]
    else:
        assert len(brief.claims) == 1
    assert any(hedge in h for h in hedge_texts(brief, "attribution"))


def test_a_question_is_no_directive() -> None:
    assert brief_of("She asked the mayor when the bridge would reopen.").claims == []


@pytest.mark.parametrize(
    "text",
    [
        "The site was said to have opened in June.",
        "The patient was on Tuesday reported to be stable.",
    ],
)
def test_hearsay_without_a_source_invents_no_speaker(text: str) -> None:
    brief = brief_of(text)
    assert speakers(brief) == [None]
    assert brief.actors == []


@pytest.mark.parametrize(
    ("text", "hedge", "kind"),
    [
        ("Officials say bridge may close\n\nThe bridge is old.", "may", "uncertainty"),
        ("Study: coffee 'helps' sleep\n\nThe study is new.", "Study:", "attribution"),
        ("Mayor announces new tax\n\nThe tax is high.", "announces", "attribution"),
    ],
)
def test_headline_hedges_count(text: str, hedge: str, kind: str) -> None:
    assert any(hedge in h for h in hedge_texts(brief_of(text), kind))


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('According to the ministry, the army is on "high alert".', '"high alert"'),
        ('Police said the town was "calm" again.', '"calm"'),
    ],
)
def test_scare_quotes_do_not_depend_on_the_cue(text: str, quoted: str) -> None:
    assert quoted in hedge_texts(brief_of(text), "distancing")


@pytest.mark.parametrize(
    "text",
    [
        'He defended the budget whilst promising a "full review".',
        'The minister called it "a disaster".',
    ],
)
def test_quoted_words_right_after_a_reporting_verb_are_the_speakers_not_scare_quotes(
    text: str,
) -> None:
    assert not any(h.startswith('"') for h in hedge_texts(brief_of(text), "distancing"))


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("Allegedly, the driver fled, but police said he stayed.", "Allegedly"),
        ("The fire was possibly arson, but the chief said it was an accident.", "possibly"),
    ],
)
def test_an_own_voice_hedge_beside_an_attributed_claim_is_its_own_claim(
    text: str, hedge: str
) -> None:
    brief = brief_of(text)
    assert None in speakers(brief)
    assert "police" in speakers(brief) or "chief" in speakers(brief)
    assert hedge in hedge_texts(brief, "uncertainty") + hedge_texts(brief, "distancing")


@pytest.mark.parametrize(
    "text",
    [
        "Officials have not said why the road closed, noting a review.",
        "The chairman, smiling, insisted on the plan.",
    ],
)
def test_attribution_hedges_do_not_depend_on_a_claim(text: str) -> None:
    brief = brief_of(text)
    assert hedge_texts(brief, "attribution") or hedge_texts(brief, "uncertainty")


@pytest.mark.parametrize(
    ("text", "hedge", "kind"),
    [
        ('"I think the bridge will hold," Anna Berg said.', "I think", "uncertainty"),
        ("There is a possibility that the dam fails.", "possibility", "uncertainty"),
        ("The claim, if confirmed, would end the case.", "if confirmed", "uncertainty"),
        ("A remedy that has been described as useless sold well.", "described as", "distancing"),
        ("The tax is widely seen as unfair.", "is widely seen as", "distancing"),
    ],
)
def test_hedge_lexicon_gaps_are_closed(text: str, hedge: str, kind: str) -> None:
    assert any(hedge in h for h in hedge_texts(brief_of(text), kind))


# -- the engine version -------------------------------------------------------------------------


def test_the_engine_version_hashes_rule_names_and_lexicon_content_not_source() -> None:
    material = engine.version_material()
    assert "reporting-verb" in material  # a cue rule's name
    assert "so-called" in material  # a hedge rule's name
    assert "'conceded'" in material  # a word of the lexicon
    assert "def " not in material  # no source, so no comment
    assert '"""' not in material
    assert (
        engine.engine_version()
        == "extractive-" + __import__("hashlib").sha256(material.encode()).hexdigest()[:12]
    )


def test_a_lexicon_change_changes_the_version(monkeypatch: pytest.MonkeyPatch) -> None:
    before = engine.version_material()
    monkeypatch.setattr(lexicon, "HONORIFICS", lexicon.HONORIFICS | {"lady"})
    assert engine.version_material() != before


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Secretary of State Anna Berg said the talks had failed.", "Anna Berg"),
        ("Minister of Health Mark Reed said the clinics would open.", "Mark Reed"),
    ],
)
def test_a_role_with_its_object_before_a_name_is_not_part_of_the_name(
    text: str, person: str
) -> None:
    """KNOWN-FAILURES 15: 'Secretary of State Anna Berg' is Anna Berg, not 'State Anna Berg'."""
    assert speakers(brief_of(text)) == [person]


@pytest.mark.parametrize(
    "text",
    [
        "Chief of Staff Tiltco Holdings Group announced a merger.",
        "The CEO of Tesco said sales rose.",
    ],
)
def test_a_roles_organisation_is_still_an_organisation(text: str) -> None:
    kinds = {a.name: a.kind for a in brief_of(text).actors}
    assert "person" not in [kinds.get("Tesco"), kinds.get("Tiltco Holdings Group")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # 6. relative-clause subjects
        ("Critics back a 2019 survey that suggested the tax was unfair.", "2019 survey"),
        ("Farmers back a report which found that yields fell.", "report"),
        # 7. "seen by" names an intermediary, not the speaker
        ("A memo seen by the Times says the plan failed.", "memo"),
        ("A letter obtained by the Herald said the mine would close.", "letter"),
        # 8. a credential after a name; an apposition is no inversion
        ("Ann Lee, QC, said the ruling was wrong.", "Ann Lee"),
        ("Mark Reed, MP, said the bill would pass.", "Mark Reed"),
        (
            "A spokesperson for the port, the city's biggest employer, said officials had found "
            "a leak.",
            "spokesperson for the port",
        ),
    ],
)
def test_subjects_behind_relative_clauses_intermediaries_and_credentials(
    text: str, speaker: str
) -> None:
    assert speakers(brief_of(text)) == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'Jo Bell, a farmer, said the dam leaked. Ann Marsh, the town mayor, met him. "We will '
            'help," she wrote.',
            "Ann Marsh",
        ),
        (
            'Mark Reed said the dam leaked. Lena Holt, a local teacher, arrived. "It is bad," she '
            "said.",
            "Lena Holt",
        ),
    ],
)
def test_an_apposed_role_makes_a_name_a_person_for_pronouns(text: str, speaker: str) -> None:
    """KNOWN-FAILURES 9."""
    assert speakers(brief_of(text))[-1] == speaker


@pytest.mark.parametrize(
    "text",
    [
        # 14. word senses and loose patterns
        "Insurers paid out on most insurance claims.",
        "Farmers filed land claims in May.",
        "The president did not offer any new ideas.",
        "The coach did not give any interviews.",
        "The case on which the court ruled involved two farms.",
        "The plan about which the minister spoke was dropped.",
    ],
)
def test_senses_that_are_not_claims_or_hedges(text: str) -> None:
    brief = brief_of(text)
    assert brief.claims == []
    assert brief.hedges == []


def test_the_stored_verb_forms_are_lemminflects_for_every_verb_the_rules_ask() -> None:
    """verb_forms.json is generated (make verb-forms): it must hold exactly what lemminflect
    answers for every verb the rules ask about, no more and no less."""
    from service.extractive import lexicon

    stored = json.loads(lexicon.VERB_FORMS_FILE.read_text(encoding="utf-8"))
    assert stored == lexicon.asked_forms(), "verb_forms.json is stale: run make verb-forms"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # a cue word used as a noun after "all" or after two plain modifiers makes no claim
        ("The club rejected all claims that the coach had quit.", "rejected"),
        ("The minister spoke against all reports of a deal.", None),
        ("A severe storm warning kept the ferries in port.", None),
        ("The new travel warnings hit hotels hard.", None),
    ],
)
def test_a_cue_word_used_as_a_noun_makes_no_claim(text: str, cue: str | None) -> None:
    brief = brief_of(text)
    assert [c.cue for c in brief.claims] == ([cue] if cue else [])


def test_a_verb_after_a_plural_subject_with_all_still_reports() -> None:
    brief = brief_of("The three doctors all claim that the drug works.")
    assert [c.cue for c in brief.claims] == ["claim"]


@pytest.mark.parametrize(
    "text",
    [
        "Lena Holt flew to Oslo for the UN General Assembly, which met this week. She said the "
        "talks were hard.",
        "Lena Holt wrote to the Chief Medical Council last week. She said the wards were full.",
    ],
)
def test_a_body_named_with_a_role_word_is_no_person_for_pronouns(text: str) -> None:
    brief = brief_of(text)
    assert speakers(brief)[-1] == "Lena Holt"
    assert all(a.kind != "person" or a.name == "Lena Holt" for a in brief.actors)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'Mark Reed arrived. Lena Holt, fiancée of a murdered reporter, spoke. "It is sad," she '
            "said.",
            "Lena Holt",
        ),
        ('Lena Holt arrived. Mark Reed, her fiancé, spoke next. "We wait," he said.', "Mark Reed"),
    ],
)
def test_family_roles_tell_the_gender_for_pronouns(text: str, speaker: str) -> None:
    assert speakers(brief_of(text))[-1] == speaker


@pytest.mark.parametrize(
    "text",
    [
        "The judges must rule by this coming Friday on the list.",
        "Voters will decide by March whether to keep the mayor.",
    ],
)
def test_a_base_form_before_by_has_no_agent_as_speaker(text: str) -> None:
    brief = brief_of(text)
    assert all(c.cue is None or not c.cue.endswith(" by") for c in brief.claims)


def test_the_engine_version_covers_the_tokenizer_pattern() -> None:
    material = engine.version_material()
    assert "tokens._SPACED_TOKEN=re(" in material
    assert material == engine.version_material()  # the tokenizer's feature cache is left out
