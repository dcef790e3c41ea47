"""Speaker resolution, rule by rule: each named rule resolves its own example, and the rules
propose rather than write (invented sentences, not news)."""

import pytest

from service.article import Article
from service.extractive.actors import ActorTable
from service.extractive.attribution import find_claims
from service.extractive.genders import infer_genders
from service.extractive.names import find_named_actors
from service.extractive.speaker_rules import SPEAKER_RULES, SpeakerRule
from service.extractive.speakers import PRONOUN_RULES, PronounRule, Speakers
from tests.test_extractive_rules import brief_of, hedge_texts, speakers


def _resolve(text: str) -> tuple[list[str | None], list[str]]:
    """The speakers of a text's claims, and the rules that found them."""
    article = Article(text)
    table = ActorTable(article)
    find_named_actors(article, table)
    infer_genders(article, table)
    resolver = Speakers(article, table)
    drafts = find_claims(article, table, speakers=resolver)
    names = [None if d.speaker is None else table.actors[d.speaker].name for d in drafts]
    return names, [p.rule for p in resolver.accepted]


RULES: list[SpeakerRule | PronounRule] = [*SPEAKER_RULES, *PRONOUN_RULES]


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_each_speaker_rule_resolves_its_example(rule: SpeakerRule | PronounRule) -> None:
    names, rules = _resolve(rule.example)
    if rule.speaker is None:
        assert names[-1:] in ([], [None]), names
    else:
        assert names[-1] == rule.speaker, names
        assert rules[-1] == rule.name, rules


def test_speaker_rule_names_are_unique() -> None:
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))


def test_resolving_a_phrase_writes_nothing_into_the_table() -> None:
    article = Article("The ministry met. The officials said the dam held.")
    table = ActorTable(article)
    find_named_actors(article, table)
    before = [(a.name, sorted(a.forms)) for a in table.actors]
    resolver = Speakers(article, table)
    tokens = table.sentence_tokens(article.sentences[1])
    proposals = resolver.proposals(tokens, (0, 1))
    assert [p.rule for p in proposals] == ["new-description"]
    assert [(a.name, sorted(a.forms)) for a in table.actors] == before


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a subject pronoun stands for what the sentence before was about
        ("Mark Reed thanked Tom Hale for the help. He said the dam held.", "Mark Reed"),
        ("Ann Marsh hired Jo Bell in May. She told reporters the farm would stay open.",
         "Ann Marsh"),
        # ... followed back through a pronoun subject
        ("Ann Marsh hired Jo Bell in May. She was also married to Tom Hale. She said he lied.",
         "Ann Marsh"),
        # ... a plural description the sentence was about ("the officers") for "they"
        ("The court jailed two officers. The officers, though suspended, are back at work. "
         "They indicated they would appeal.", "officers"),
        # ... the speaker of the sentence before, when it opens with a quotation
        ('"We will help," the head of the farm union told the court. She also said the farm '
         "would stay open.", "head of the farm union"),
    ],
)  # fmt: skip
def test_a_pronoun_stands_for_the_previous_sentence_subject(text: str, speaker: str) -> None:
    assert speakers(brief_of(text))[-1] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the sentence's own candidate comes first
        (
            "Mayor Mark Reed arrived. When Governor Tom Hale spoke, he said the dam held.",
            "Tom Hale",
        ),
        # a subject that cannot be "she" gives way to the person named last
        ("The council met Mayor Ann Marsh. She said the dam held.", "Ann Marsh"),
    ],
)
def test_a_pronoun_falls_back_to_the_latest_fitting_mention(text: str, speaker: str) -> None:
    assert speakers(brief_of(text))[-1] == speaker


@pytest.mark.parametrize(
    ("text", "speaker", "evidence"),
    [
        # a participle after a comma hangs on the clause's subject, not on the object before it
        ("Governor Tom Hale left the meeting early, saying it was a farce.", "Tom Hale",
         "saying it was a farce"),
        ("The union walked out of the talks on Monday, saying the offer was an insult.", "union",
         "saying the offer was an insult"),
        # an opening participle clause is the main clause subject's
        ("Saying the plan was dead, Governor Tom Hale left the room.", "Tom Hale",
         "Saying the plan was dead"),
        ('Calling it a "disgrace" the governor said the plan was dead.', "governor",
         'Calling it a "disgrace"'),
        # "citing" a reason, not a source: the subject cites it
        ("The city council postponed the vote, citing safety concerns.", "city council",
         "citing safety concerns"),
        ("Citing privacy rules, officials declined to name the victims.", "officials",
         "Citing privacy rules"),
    ],
)  # fmt: skip
def test_a_participle_is_its_clause_subjects_claim(text: str, speaker: str, evidence: str) -> None:
    brief = brief_of(text)
    names = {a.id: a.name for a in brief.actors}
    assert (speaker, evidence) in [
        (names.get(c.speaker or ""), c.evidence.text) for c in brief.claims
    ]


def test_a_participle_after_an_attribution_keeps_its_speaker() -> None:
    text = "The dam broke on Monday, officials said, adding that nobody was hurt."
    assert speakers(brief_of(text)) == ["officials", "officials"]


def test_citing_a_source_still_names_the_source() -> None:
    text = "The agency, citing police, put the toll at six."
    assert speakers(brief_of(text)) == ["police"]


@pytest.mark.parametrize(
    "text",
    [
        '"The dam will hold," the mayor continued.',
        'The mayor continued: "The dam will hold."',
        '"We checked it twice," Mayor Anna Berg continued in the statement.',
    ],
)
def test_continued_beside_a_quotation_reports(text: str) -> None:
    [claim] = brief_of(text).claims
    assert (claim.cue or "").startswith("continued")


@pytest.mark.parametrize("text", ["The rain continued for days.", "Talks continued on Monday."])
def test_continued_without_a_quotation_is_narration(text: str) -> None:
    assert brief_of(text).claims == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The death toll rose to 22 on Monday, reported officials, with 25 others injured.",
         "officials"),
        ("The dam held, said police.", "police"),
        ("The dam held, reported the Riga Herald.", "Riga Herald"),
    ],
)  # fmt: skip
def test_an_inverted_group_subject_speaks(text: str, speaker: str) -> None:
    assert speakers(brief_of(text)) == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a person's name, then "of" and the affiliation: the person speaks
        ("Nils-Erik Haagenrud of Rogaland Fire and Rescue said no one would be sent in.",
         "Nils-Erik Haagenrud"),
        ("President Abdel Fattah el-Sisi of Egypt said the deal was good.",
         "Abdel Fattah el-Sisi"),
        ("Mark Reed of Riga Water said the dam held.", "Mark Reed"),
        # ... but an organisation's "of" stays in its name
        ("The Church of Scientology said the claim was false.", "Church of Scientology"),
        # names joined by "and" whose last word ends an institution's name
        ("Rogaland Fire and Rescue requested support from other departments.",
         "Rogaland Fire and Rescue"),
        ("Kent Fire and Rescue said the blaze was out.", "Kent Fire and Rescue"),
        # an organisation's "on": one name, and the subject phrase takes all of it
        ("The United States Commission on International Religious Freedom criticized the move.",
         "United States Commission on International Religious Freedom"),
        ("The Council on Foreign Relations said trade would fall.",
         "Council on Foreign Relations"),
    ],
)  # fmt: skip
def test_names_with_of_and_on(text: str, speaker: str) -> None:
    assert speakers(brief_of(text)) == [speaker]


def test_two_names_joined_by_and_stay_two() -> None:
    assert speakers(brief_of("Tesco and Salling Group said the sale was final.")) == [
        "Tesco",
        "Salling Group",
    ]


@pytest.mark.parametrize(
    "text",
    ["Jonathan Marcus said questions remain.", "The mayor said claims of fraud were false."],
)
def test_a_verb_before_a_noun_homograph_still_reports(text: str) -> None:
    assert [c.cue for c in brief_of(text).claims] == ["said"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # chained attribution goes to the original speaker (ANNOTATION.md)
        ("Yonhap, quoting KCNA, said the launch had failed.", "KCNA"),
        ("Reuters, citing anonymous sources, reported that exports had stopped.",
         "anonymous sources"),
        ("The toll rose to 40, Reuters reported, citing local officials.", "local officials"),
        ("According to Reuters, quoting Peru's state agency Andina, the toll rose to 40.",
         "Andina"),
    ],
)  # fmt: skip
def test_chained_attribution_goes_to_the_original(text: str, speaker: str) -> None:
    brief = brief_of(text)
    assert speakers(brief) == [speaker]
    assert "citing" in hedge_texts(brief, "attribution") or "quoting" in hedge_texts(
        brief, "attribution"
    )


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("El Paso's police chief Greg Allen said the suspect was held.", "Greg Allen"),
        ("The dam held, according to Latvia's water agency Ruden.", "Ruden"),
        ("Tesco's chief executive said the sale was final.", "Tesco's chief executive"),
        ("The toll rose, according to unnamed officials.", "unnamed officials"),
    ],
)
def test_a_possessors_spokesman_speaks_not_the_possessor(text: str, speaker: str) -> None:
    assert speakers(brief_of(text)) == [speaker]


def _actor_names(text: str) -> list[str]:
    return [a.name for a in brief_of(text).actors]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # countries in a list after a place word only locate (ANNOTATION.md v2)
        ("Police said arrests were made in Australia, Brazil, Canada and the United Arab "
         "Emirates.", "Brazil"),
        ("Teams from Sudan, Iran, Libya, and Yemen took part, the organisers said.", "Libya"),
        # a word that is never a noun or adjective opens no name at a sentence's start
        ("Sometimes I still dream of it, the mayor said.", "Sometimes I"),
        ("Listed US states include Ohio, officials said.", "Listed US"),
        # a centre "on" a date is not a body named for its subject
        ("The shuttle left Kennedy Space Center on Monday, NASA said.",
         "Kennedy Space Center on Monday"),
    ],
)  # fmt: skip
def test_names_that_only_locate_or_are_no_names_are_not_actors(text: str, absent: str) -> None:
    assert absent not in _actor_names(text)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # "media" before a past verb is the subject, not a noun marker ("media reports")
        ("State media said the dam held.", "State media"),
        ("The fires were put out, which local media said took six hours.", "local media"),
        # an inverted subject: plain role words, then the name
        ('"Signs of a deal are rare," wrote student protester Joshua Wong on Twitter.',
         "Joshua Wong"),
        ('"The dam held," said local resident Anna Berg.', "Anna Berg"),
        # a pronoun after its content stands for the subject that opens the sentence
        ("State prosecutors charged the suspect with murder, they said Sunday.",
         "State prosecutors"),
        ("Local officials closed the road on Monday, they said.", "Local officials"),
    ],
)  # fmt: skip
def test_subjects_in_less_common_places(text: str, speaker: str) -> None:
    assert speakers(brief_of(text))[-1] == speaker


def test_media_reports_are_still_a_noun() -> None:
    assert [c.cue for c in brief_of("Media reports said the dam held.").claims] == ["said"]


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ('Okey Reed said the cost "is high," further saying, "It also slows trade."',
         'saying, "It also slows trade."'),
        ("The union walked out, again saying the offer was an insult.",
         "saying the offer was an insult"),
    ],
)  # fmt: skip
def test_an_adverb_between_the_comma_and_the_participle(text: str, evidence: str) -> None:
    assert evidence in [c.evidence.text for c in brief_of(text).claims]


@pytest.mark.parametrize(
    "text",
    ["The dam broke at noon, officials said Monday.",
     "The dam broke at noon, officials said late on Tuesday."],
)  # fmt: skip
def test_a_time_after_the_verb_leaves_the_content_before_it(text: str) -> None:
    [claim] = brief_of(text).claims
    assert claim.evidence.text == "The dam broke at noon, officials said"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a lead-in paragraph ending in ":" gives its subject the quotation after it
        ("Union backs plan\n\nThe union's leader, Maria Costa, gave her verdict on the plan:\n\n"
         '"It is a good start. We will hold them to it."\n\nThe vote is on Friday.', "Maria Costa"),
        ("Bridge to reopen\n\nMayor Anna Berg set out her plan on Monday:\n\n"
         '"We will rebuild the bridge by June."\n\nWork starts soon.', "Anna Berg"),
    ],
)  # fmt: skip
def test_a_lead_in_ending_in_a_colon_introduces_a_quotation(text: str, speaker: str) -> None:
    brief = brief_of(text)
    names = {a.id: a.name for a in brief.actors}
    quoted = [c for c in brief.claims if c.evidence.text.startswith('"')]
    assert [names.get(c.speaker or "") for c in quoted] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        '"The fine is unfair", the club added; and, later, "we will appeal".',
        '"The fine is unfair", the club said, "and we will appeal."',
    ],
)
def test_a_quotation_before_its_cue_with_the_comma_outside(text: str) -> None:
    [claim] = brief_of(text).claims
    assert claim.evidence.text.startswith('"The fine is unfair",')


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # camel-cased single names that act are organisations (KNOWN-FAILURES 16)
        ("PayPal and DoorDash signed a deal on Monday.", "DoorDash"),
        ("YouTube removed the video on Monday.", "YouTube"),
        # a demonym opening a name of three words after "the"
        ("The Swedish Postcode Lottery gave the charity a grant.", "Swedish Postcode Lottery"),
        ("The Danish Refugee Council opened a camp.", "Danish Refugee Council"),
        # "the Prefecture of Oita": a prefecture is a body
        ("The Prefecture of Oita issued a warning.", "Prefecture of Oita"),
    ],
)
def test_names_that_were_missed(text: str, name: str) -> None:
    assert name in _actor_names(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Senator John McCain met voters. McCain said taxes would fall.", "McCain"),
        ("He bought a PlayStation last year.", "PlayStation"),
        ("Russian Orthodox believers gathered.", "Russian Orthodox"),
    ],
)
def test_surnames_products_and_adjectives_stay_as_they_were(text: str, absent: str) -> None:
    assert absent not in _actor_names(text)
