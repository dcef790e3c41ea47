"""Word lists the extractive rules draw on. Kept as data so that they can grow without code."""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from schemas import HedgeKind


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# -- Verbs that report, by class -------------------------------------------------------------
#
# Each class says what its verbs imply for hedges: communication verbs only place content with a
# source (attribution); judgement verbs add the source's verdict (attribution, but "accuse",
# "characterise" distance the writer); attitude verbs state a belief, not a fact (uncertainty);
# directive verbs state a position as a call to act (attribution, ANNOTATION.md v2); evidence
# verbs let a document speak (attribution; "suggest" is uncertainty). Every inflection comes from
# lemminflect (`verb_forms`), never from a typed list.


def lemmas(text: str) -> tuple[str, ...]:
    return tuple(text.split())


@dataclass(frozen=True, slots=True)
class VerbClass:
    """One class of reporting verbs and what its verbs mean for the brief."""

    name: str
    hedge: HedgeKind  # the hedge kind the verb itself marks
    lemmas: tuple[str, ...]
    # "any": any subject reports; "source": only a document or source noun, or before "that"
    subject: str = "any"
    # an infinitive after the verb is its content ("urged them to leave", "hopes to expand"),
    # not hearsay ("said to be", "reported to have")
    takes_infinitive: bool = False


VERB_CLASSES: tuple[VerbClass, ...] = (
    VerbClass(
        "communication",
        "attribution",
        lemmas(
            "say tell announce state concede add explain insist confirm write report note "
            "declare reply respond comment tweet post testify reiterate stress emphasise "
            "emphasize convey assert predict recall complain pledge promise vow threaten "
            "caution contend observe remark argue acknowledge admit describe recount "
            "elaborate mention disclose cite agree propose estimate answer inform quote "
            "maintain identify indicate call repeat underline proclaim"
        ),
    ),
    VerbClass(
        "distancing communication",
        "distancing",
        ("claim", "allege", "characterise", "characterize", "purport"),
    ),
    VerbClass(
        "judgement",
        "attribution",
        lemmas(
            "criticise criticize praise deny reject condemn blame defend dismiss question "
            "denounce dispute challenge slam applaud decry welcome attack attribute ascribe "
            "hail laud refute rebut disagree"
        ),
    ),
    VerbClass("distancing judgement", "distancing", ("accuse",)),
    VerbClass(
        "attitude",
        "uncertainty",
        lemmas(
            "fear hope expect believe think worry doubt suspect assume suppose presume "
            "reckon anticipate speculate"
        ),
        takes_infinitive=True,
    ),
    VerbClass(
        "directive",
        "attribution",
        lemmas(
            "urge advise ask warn order encourage request recommend instruct appeal demand implore "
            "plead"
        ),
        takes_infinitive=True,
    ),
    VerbClass(
        "evidence",
        "attribution",
        ("show", "find", "reveal", "conclude", "demonstrate", "record", "determine"),
        subject="source",
    ),
    VerbClass("uncertain evidence", "uncertainty", ("suggest", "imply"), subject="source"),
)
# Verbs of two words: the first word's forms, then the particle ("pointed out", "called on").
PHRASAL_VERBS: dict[str, VerbClass] = {
    "point out": VERB_CLASSES[0],
    "call on": VERB_CLASSES[5],
    "call for": VERB_CLASSES[5],
}


# lemminflect's answers for every verb the rules ask about, written by
# `python -m service.extractive.lexicon` (make verb-forms) and checked against lemminflect by
# tests/test_extractive_lexicon.py: loading lemminflect and asking it takes a third of a
# second, in every process and every worker, for the same answers each time.
VERB_FORMS_FILE = Path(__file__).with_name("verb_forms.json")
# The verbs asked for so far in this process (a list: the engine version hashes the module's
# sets and tables, and what was asked is no rule).
ASKED: list[str] = []


@cache
def _stored_forms() -> dict[str, list[str]]:
    try:
        stored: dict[str, list[str]] = json.loads(VERB_FORMS_FILE.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    return stored


def verb_forms(lemma: str) -> frozenset[str]:
    """Base, -s, past, past participle and -ing forms of a verb, from lemminflect (as stored
    in verb_forms.json; asked afresh for a verb added since)."""
    if lemma not in ASKED:
        ASKED.append(lemma)
    stored = _stored_forms().get(lemma)
    return frozenset(stored) if stored is not None else inflected_forms(lemma)


def inflected_forms(lemma: str) -> frozenset[str]:
    """lemminflect's forms of a verb: its dictionary where it knows the verb, its rules for
    any form the dictionary lacks."""
    from lemminflect import getAllInflections, getAllInflectionsOOV

    known: dict[str, tuple[str, ...]] = getAllInflections(lemma, upos="VERB")
    ruled: dict[str, tuple[str, ...]] = getAllInflectionsOOV(lemma, upos="VERB")
    forms = {lemma}
    for tag in ("VB", "VBZ", "VBD", "VBN", "VBG"):
        found = known.get(tag) or (known.get("VBD") if tag == "VBN" else None) or ruled.get(tag)
        forms.update(found or ())
    return frozenset(forms)


def asked_forms() -> dict[str, list[str]]:
    """lemminflect's forms of every verb the extractive rules ask about (they ask when their
    modules are imported), as verb_forms.json stores them."""
    import service.extractive.engine  # noqa: F401  (every rule module, so every verb is asked)

    return {lemma: sorted(inflected_forms(lemma)) for lemma in sorted(set(ASKED))}


def _class_of_forms() -> dict[str, VerbClass]:
    table: dict[str, VerbClass] = {}
    for verb_class in VERB_CLASSES:
        for lemma in verb_class.lemmas:
            for form in verb_forms(lemma):
                table.setdefault(form, verb_class)
    return table


# Every form of every one-word reporting verb, with its class.
VERB_CLASS_OF: dict[str, VerbClass] = _class_of_forms()
# The first words of the phrasal verbs, by form: "pointed" -> ("out", communication).
PHRASAL_FIRST: dict[str, list[tuple[str, VerbClass]]] = {}
for _phrase, _class in PHRASAL_VERBS.items():
    _verb, _particle = _phrase.split()
    for _form in verb_forms(_verb):
        PHRASAL_FIRST.setdefault(_form, []).append((_particle, _class))

# Forms whose class lets any subject report: "the minister said", "farmers fear".
REPORTING_VERBS = frozenset(f for f, c in VERB_CLASS_OF.items() if c.subject == "any")
# Forms that report only with a clear source as subject ("the study found", "the court ruled"),
# or before "that".
SOURCE_ONLY_VERBS = frozenset(
    f for f, c in VERB_CLASS_OF.items() if c.subject == "source"
) | verb_forms("rule")
# Base forms of reporting verbs that are no past participle ("required to rule by Friday"):
# a regular "-ed" form exists beside them; "put", "read" and "set" stay participles.
BASE_NOT_PARTICIPLE = frozenset(
    lemma
    for lemma in {lm for vc in VERB_CLASSES for lm in vc.lemmas} | {"rule"}
    if " " not in lemma and any(f.endswith("ed") for f in verb_forms(lemma))
)
SOURCE_NOUNS = word_set(
    "study studies survey surveys report reports research researchers scientists court judge "
    "jury investigation investigators inquiry data figures analysis review panel team poll "
    "tribunal findings results experts authors paper footage video videos images photos polls "
    "records statistics documents evidence tests trial trials estimates archive census "
    "memo letter bulletin statement website"
)
# Forms that are as often nouns as verbs ("the state", "a record", "an order", "his post"):
# they report only before "that".
THAT_VERBS = word_set(
    "state states record records post posts order orders question questions answer answers "
    "comment comments attack attacks challenge challenges request requests estimate estimates "
    "quote quotes appeal appeals demand demands welcome"
)


# Words that open sentences and never names: "Sometimes I ...", "Listed US states ...", "Is
# Rock Hudson ...?" (besides any capitalised -ly adverb: "Reportedly", "Recently").
SENTENCE_OPENERS = word_set(
    "sometimes often always never however meanwhile moreover furthermore nevertheless "
    "nonetheless instead otherwise perhaps maybe also yet still even just only almost "
    "although though while whereas since despite once here there then now thus hence "
    "is are was were be been being do does did can could will would should must may might "
    "has have had listed asked speaking following having according among amid after before "
    "during until unless whether if when where why how what which who whose whom"
)


def only_a_function_word(word: str) -> bool:
    """A word that opens a sentence and no name ('Sometimes', 'Listed', 'Is', 'Reportedly')."""
    if not word[1:].islower():
        return False  # "WHO", "US": an acronym, not the word
    low = word.lower()
    return low in SENTENCE_OPENERS or (low.endswith("ly") and len(low) > 4 and low not in _LY_NAMES)


_LY_NAMES = word_set("italy sicily emily kelly beverly shelly holly lily molly sally billy")


def verb_class(form: str) -> VerbClass | None:
    """The class of a reporting verb's form, lower-cased ('conceded' -> communication)."""
    return VERB_CLASS_OF.get(form)


# Verbs that invert after a quotation or clause: '..., said the ministry', '"...," added Smith',
# '..., reported officials'.
INVERTING_VERBS = frozenset(
    form
    for lemma in lemmas(
        "say add write ask explain note continue recall stress insist warn conclude reply "
        "respond tell report argue"
    )
    for form in verb_forms(lemma)
    if not form.endswith("ing")
)
# Verbs that report only beside a quotation: '"...," Lam continued', 'he went on: "..."'.
QUOTE_ONLY_VERBS = frozenset(f for f in verb_forms("continue") if not f.endswith("ing"))
# Words before a verb's form that make it a noun: "media reports", "both praise", "any questioning".
NOUN_MARKERS = word_set(
    "the a an some media news these those his her its their our your my such local early "
    "unconfirmed several many conflicting initial press this that both any every each no "
    "further more"
)
# Verbs whose base and -s forms are also common nouns ("his campaign promises", "urgent calls").
NOUN_HOMOGRAPHS = frozenset(
    form
    for lemma in [
        "promise",
        "call",
        "claim",
        "report",
        "concern",
        "fear",
        "hope",
        "question",
        "demand",
        "request",
        "praise",
        "attack",
        "doubt",
        "comment",
        "order",
        "appeal",
        "estimate",
        "record",
        "post",
        "challenge",
        "note",
        "answer",
        "reply",
        "warning",
        "threat",
        "pledge",
        "vow",
        "finding",
    ]
    for form in (lemma, lemma + "s", lemma + "es")
)
# Heads a new speaker cannot have: "a lot said", "each said".
NOT_SPEAKER_HEADS = word_set("lot each another urgent trace one")
# The quoted speaker's own voice: never a new actor ("I can", "we have").
FIRST_PERSON = word_set(
    "i we you i've i'm we're we've you're i’ve i’m we’re we’ve "
    "i'd i’d i'll i’ll we'd we’d we'll we’ll"
)
# Words that show a subject phrase ran into a clause: "a statement which", "I can", "a story
# he sometimes [told]".
NOT_IN_A_SPEAKER = word_set("which that who is are was were can must could would should he she it")
# Words between a document and its owner: "data from X", "estimates by X", "report of X".
DOCUMENT_LINKS = word_set("of from by")
# Passives that report hearsay before an infinitive: "was said to have", "is thought to be".
HEARSAY_PARTICIPLES = word_set("said reported thought believed rumoured rumored")
# What "called" needs after it to describe ("called it a disgrace"), not name or phone.
# Last words of names joined by "and": "Rogaland Fire and Rescue", "Immigration and Customs
# Enforcement", "Health and Human Services".
INSTITUTION_TAILS = word_set(
    "rescue services service enforcement prevention protection development research "
    "technology affairs security safety relations"
)
# Surnames with a capital inside them, not camel-cased company names: "McCain", "DeSantis".
SURNAME_PREFIXES = ("Mc", "Mac", "De", "Di", "Da", "Du", "Le", "La", "Van", "Von", "O")
# Adverbs between a comma and a participle: ", further saying", ", again citing".
LINKING_ADVERBS = word_set("further also again then later still even before after")
# Bodies named for their subject with "on": "Commission on Human Rights".
DELIBERATING_BODIES = word_set("commission committee council conference panel board forum")
# What "citing" names when it gives a reason, not a source: "citing safety concerns".
REASON_NOUNS = word_set(
    "concern concerns reason reasons rule rules ground grounds fear fears security safety "
    "privacy law laws policy policies regulation regulations risk risks threat threats health "
    "cost costs difficulties problems issues circumstances conditions weather needs lack "
    "shortage shortages pressure"
)
CALL_OBJECTS = word_set("it him her them this that the")
# Credentials after a name, set off by commas: "Ann Lee, QC, said" (Ann Lee speaks).
CREDENTIALS = word_set("QC KC MP MEP MD PhD OBE MBE CBE Jr Jr. Sr Sr. Esq Esq.")
# Participles that make their agent an intermediary, not the speaker: "a memo seen by X".
INTERMEDIARY_PARTICIPLES = word_set("seen obtained reviewed viewed leaked")
# Nouns that make "claims" a demand for payment or a title, not a disputed statement:
# "insurance claims", "land claims".
CLAIM_COMPOUNDS = word_set(
    "insurance benefit compensation damage damages injury tax pension warranty patent land "
    "territorial maritime"
)
# "the case on which the court ruled", "the plan about which she spoke": the verb names a
# statement's topic; but "a letter in which he said" reports.
TOPIC_PREPOSITIONS = word_set("on about upon over concerning regarding")
# Post-verb phrases naming the channel: "wrote on the Telegram app", "said in a statement".
CHANNEL_NOUNS = word_set(
    "app statement interview post letter report message video tweet broadcast briefing "
    "conference channel account website blog television radio press speech email e-mail "
    "podcast newsletter filing court Twitter Facebook Telegram Instagram X YouTube TikTok "
    "LinkedIn Weibo WeChat"
)
# Words that may stand between a subject and its reporting verb: "had earlier said".
VERB_PREFIXES = word_set(
    "also later earlier previously had has have has had was were is are then further again "
    "repeatedly reportedly subsequently separately initially originally first publicly "
    "privately recently once would will could may might did does do not never always "
    "allegedly apparently just already longer no now still usually often twice even since"
)
PRONOUNS = {
    "he": "person", "she": "person", "it": "thing", "they": "group",
    "we": "group", "i": "speaker",
}  # fmt: skip

DETERMINERS = word_set(
    "the a an this that these those his her its their our your my both several some many "
    "most other another each every all two three four five six seven eight nine ten one "
    "few no any such"
)
# Words that end a subject noun phrase when walking left from a verb.
CLAUSE_BREAKS = word_set(
    "that which who whom whose where when while whilst as because if after before since so but and "
    "or nor than though although whether unless until once yet to for with without from by "
    "in on at into onto over under about against between during through via per of is are "
    "was were be been being had has have do does did not"
)
# Titles and roles that precede a person's name ("Defence Minister Sergei Shoigu").
ROLE_WORDS = word_set(
    "minister secretary president vice-president premier chancellor governor deputy senator "
    "sen. rep. representative congressman congresswoman mayor ambassador envoy general "
    "gen. colonel col. lieutenant lt. captain capt. commander admiral sergeant officer "
    "officers chief director head chairman chairwoman chair ceo cfo founder spokesman "
    "spokeswoman spokesperson spokespeople judge justice prosecutor attorney lawyer "
    "king queen prince princess pope cardinal bishop archbishop rev. imam rabbi sheikh "
    "leader professor prof. dr. doctor researcher scientist analyst economist expert "
    "official officials chief-of-staff coach manager striker midfielder defender goalkeeper "
    "player captain author writer editor reporter correspondent member mp mep mr. mrs. ms. "
    "mr mrs ms mme dr "
    "presidente commissioner superintendent inspector detective sheriff constable "
    "astronaut administrator executive adviser advisor counsel counterpart counterparts curator "
    "treasurer president-elect whip "
    # occupations written before a name ("ecologist Chip Taylor", "rancher Jim Strickland")
    "ecologist biologist geologist seismologist volcanologist meteorologist climatologist "
    "epidemiologist virologist immunologist anthropologist archaeologist herpetologist "
    "zoologist paleontologist palaeontologist psychologist sociologist criminologist "
    "toxicologist pathologist oceanographer astronomer astrophysicist physicist chemist "
    "geneticist historian physician surgeon pediatrician paediatrician psychiatrist "
    "pharmacist engineer architect journalist columnist activist campaigner lobbyist "
    "strategist statistician candidate nominee opponent co-author coauthor co-founder "
    "cofounder director-general novelist playwright filmmaker songwriter comedian rancher "
    "entrepreneur businessman businesswoman councillor councilor councilman councilwoman "
    "assemblyman assemblywoman lawmaker legislator negotiator coroner designer drummer singer "
    "actor actress artist photographer"
)
# Capitalised words that stand before a name without being part of it: "Former CIA deputy
# director", "Previous SpaceX pods", "Numerous Maker Clubs".
NAME_PREFIXES = word_set(
    "former late then previous numerous several various newly acting interim incoming outgoing "
    "ex-president"
)
# Party labels before a person's name: "Republican Kevin McCarthy", "Democrat Spearman".
PARTY_LABELS = word_set(
    "republican republicans democrat democrats democratic labour conservative liberal "
    "socialist green independent"
)
# Titles and roles that tell a person's gender ("Ms Lee", "Lee, a spokeswoman for ...").
FEMALE_ROLES = word_set(
    "ms mrs miss mme madam lady dame spokeswoman chairwoman congresswoman councilwoman "
    "assemblywoman businesswoman sportswoman policewoman actress waitress queen princess "
    "duchess empress mother wife daughter sister aunt grandmother widow girlfriend niece "
    "fiancée fiancee bride stepmother stepdaughter granddaughter"
)
MALE_ROLES = word_set(
    "mr sir lord spokesman chairman congressman councilman assemblyman businessman "
    "sportsman policeman king prince duke emperor father husband son brother uncle "
    "grandfather widower boyfriend nephew fiancé bridegroom stepfather stepson grandson"
)
# Nouns that make a capitalised phrase, or a subject, an organisation.
ORG_HEADS = word_set(
    "ministry department agency command council committee commission government prefecture "
    "municipality governorate "
    "administration office service services police army navy military forces force court "
    "parliament congress senate assembly party union church university college institute "
    "center centre foundation association organization organisation company corporation "
    "corp. inc. inc ltd group bank board bureau authority authorities fund network station "
    "club team league federation alliance coalition cabinet kremlin pentagon directorate "
    "agency's observatory society hospital school laboratory lab museum tribunal "
    "airline airlines press media newspaper magazine broadcaster council's nations news "
    "times post journal herald telegraph guardian tribune gazette daily chronicle "
    "observer tv radio television institution holdings weekly institut instituto universidad "
    "université universität ministerio ministère banco banque departments ministries agencies "
    "campaign movement front trust embassy embassies consulate"
)
GROUP_HEADS = word_set(
    "officials authorities experts residents witnesses sources researchers scientists "
    "analysts lawmakers legislators activists protesters critics supporters leaders "
    "doctors investigators rescuers police troops forces militants rebels sides parties "
    "members people locals villagers workers employees students teachers parents "
    "diplomats observers campaigners officers prosecutors reports media governments "
    "ministers participants respondents americans organizers organisers survivors relatives "
    "families neighbours neighbors passengers fans voters citizens farmers nurses firefighters "
    "paramedics pilots soldiers guards refugees migrants economists pollsters"
)
PERSON_HEADS = word_set(
    "spokesman spokeswoman spokesperson official source minister secretary president "
    "governor mayor ambassador envoy general commander officer director head chief "
    "chairman lawyer attorney prosecutor judge witness resident doctor expert analyst "
    "researcher scientist professor leader member man woman boy girl victim survivor "
    "mother father son daughter wife husband neighbour neighbor student teacher "
    "administrator executive adviser advisor representative diplomat publicist agent manager"
)
OTHER_HEADS = word_set(
    "report reports study studies survey surveys statement statements letter letters document "
    "documents data figures analysis paper papers review poll polls records record memo "
    "findings results research website site blog release announcement post video interview "
    "estimates census statistics constitution framework footage bulletin"
)
COUNTRIES = word_set(
    "Afghanistan Albania Algeria Angola Argentina Armenia Australia Austria Azerbaijan "
    "Bahrain Bangladesh Belarus Belgium Bolivia Bosnia Brazil Britain Bulgaria Burma "
    "Cambodia Cameroon Canada Chile China Colombia Congo Croatia Cuba Cyprus Czechia "
    "Denmark Ecuador Egypt England Eritrea Estonia Ethiopia Finland France Georgia "
    "Germany Ghana Greece Guatemala Haiti Honduras Hungary Iceland India Indonesia Iran "
    "Iraq Ireland Israel Italy Japan Jordan Kazakhstan Kenya Korea Kosovo Kuwait "
    "Kyrgyzstan Laos Latvia Lebanon Libya Lithuania Luxembourg Malaysia Mali Malta "
    "Mexico Moldova Mongolia Montenegro Morocco Mozambique Myanmar Nepal Netherlands "
    "Nicaragua Niger Nigeria Norway Oman Pakistan Palestine Panama Paraguay Peru "
    "Philippines Poland Portugal Qatar Romania Russia Rwanda Scotland Senegal Serbia "
    "Singapore Slovakia Slovenia Somalia Spain Sudan Sweden Switzerland Syria Taiwan "
    "Tajikistan Tanzania Thailand Tunisia Turkey Turkmenistan Uganda Ukraine UK U.K. US "
    "U.S. USA U.S.A. DRC Uruguay Uzbekistan Venezuela Vietnam Wales Yemen Zambia Zimbabwe "
    "Benin Bahamas Barbados Belize Bhutan Botswana Brunei Burundi Chad Djibouti Eswatini Fiji "
    "Gabon Gambia Guinea Guyana Jamaica Lesotho Liberia Liechtenstein Madagascar Malawi "
    "Maldives Mauritania Mauritius Monaco Namibia Samoa Seychelles Suriname Togo Tonga Andorra"
) | frozenset(
    [
        "United States", "United Kingdom", "South Korea", "North Korea", "New Zealand",
        "South Africa", "Saudi Arabia", "Sri Lanka", "Czech Republic", "Hong Kong",
        "United Arab Emirates", "Democratic Republic of Congo", "Ivory Coast", "Costa Rica",
        "Democratic Republic of the Congo",
        "El Salvador", "Puerto Rico", "Northern Ireland", "European Union",
        "Burkina Faso", "Sierra Leone", "Papua New Guinea", "Dominican Republic",
        "North Macedonia", "South Sudan", "Central African Republic", "Cape Verde",
        "Equatorial Guinea", "Trinidad and Tobago", "San Marino", "East Timor",
    ]
)  # fmt: skip
# Forms of one country, by the name they share: "U.S." and "the United States" are one actor.
COUNTRY_NAMES = {
    form: name
    for name, forms in {
        "United States": "US|U.S.|USA|U.S.A.|America",
        "United Kingdom": "UK|U.K.|Britain|Great Britain",
        "Democratic Republic of Congo": "DRC|DR Congo|Democratic Republic of the Congo",
    }.items()
    for form in [name, *forms.split("|")]
}
DEMONYMS = word_set(
    "American British French German Russian Ukrainian Chinese Japanese Korean Turkish Iranian "
    "Iraqi Syrian Israeli Palestinian Afghan Pakistani Indian Indonesian Australian Canadian "
    "Mexican Brazilian Italian Spanish Polish Dutch Belgian Swedish Danish Norwegian Finnish "
    "Greek Egyptian Saudi Nigerian Kenyan Ethiopian Filipino Philippine Vietnamese Thai "
    "Malaysian European African Asian Arab Western Eastern Soviet Irish Scottish Welsh "
    "English Swiss Austrian Hungarian Czech Romanian Serbian Croatian Georgian Armenian "
    "Taiwanese Muslim Christian Jewish Catholic Kurdish Yemeni Lebanese Libyan "
    "Emirati Qatari Cuban Venezuelan Colombian Argentine Chilean Peruvian Portuguese Zealand "
    "Latvian Estonian Lithuanian Belarusian Bulgarian Slovak Slovenian Bosnian Albanian "
    "Moldovan Kazakh Uzbek Mongolian Nepali Bangladeshi Burmese Cambodian Singaporean Ghanaian "
    "Senegalese Somali Sudanese Congolese Ugandan Tanzanian Rwandan Zimbabwean Moroccan "
    "Algerian Tunisian Jordanian Kuwaiti Ecuadorian Bolivian Guatemalan Haitian Jamaican"
)
LOCATION_HINTS = word_set(
    "city town village province region state county district island islands river "
    "mountain mountains lake sea ocean bay coast street square capital valley desert "
    "avenue road boulevard lane bridge park airport port harbour harbor mount stadium arena "
    "hall station mosque cathedral temple plaza tower towers building route highway motorway "
    "interstate"
)
# Nouns a country or place can qualify, before them or as their possessor ("US officials", "the
# El Paso mayor", "Niger's capital", "U.S. dollars"), or after "of" ("the government of the DRC",
# "south of Los Angeles"): the name says whose or where, and takes no part itself.
QUALIFIED_NOUNS = (
    ROLE_WORDS
    | PERSON_HEADS
    | GROUP_HEADS
    | ORG_HEADS
    | LOCATION_HINTS
    | word_set(
        "dollar dollars citizen citizens national nationals territory border borders soil "
        "economy market markets embassy consulate members singer actor actress artist musician "
        "star athlete states area areas shooting streets north south east west northeast "
        "northwest southeast southwest outskirts suburbs"
    )
)
# Words that open the name of a region: "South Australia", "Pacific Northwest".
COMPASS = word_set(
    "North South East West Northern Southern Eastern Western Central Pacific Atlantic "
    "Northeast Northwest Southeast Southwest"
)
# Vehicles and products named like people: "Space Shuttle Atlantis" is not an actor.
PRODUCT_WORDS = word_set(
    "shuttle shuttles rocket ship spacecraft satellite aircraft jet vessel orbiter orbiters "
    "probe rover telescope phone phones smartphone browser app tablet laptop console "
    "medal prize award trophy show hurricane typhoon cyclone storm war crisis revolution "
    "olympics championship championships cup festival expo scandal constitution act clause "
    "amendment accord agreement treaty operation convention"
)
# Nouns that name a kind of work or product: the capitalised words they introduce or describe
# are its title or brand ("the comedy Pillow Talk", "Opera Mini, a browser"), not an actor.
WORK_NOUNS = word_set(
    "film films movie comedy drama documentary thriller series show sitcom song single album "
    "book novel memoir play musical game app browser phone smartphone handset tablet laptop "
    "console car model brand product software device gadget drink drug holiday agreement "
    "treaty accord festival programme program scheme framework capsule rocket ship spacecraft "
    "satellite aircraft jet vessel plane probe rover telescope"
)
HONORIFICS = word_set("mr mr. mrs mrs. ms ms. mme mme. dr dr. sir dame m.")
# Organised groups named without an organisation noun.
NAMED_GROUPS = word_set(
    "Taliban Hamas Hezbollah ISIS ISIL al-Qaeda al-Shabaab Houthis Wagner Kremlin Pentagon "
    "NATO Interpol Europol"
)
WEEKDAYS_MONTHS = word_set(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
    "May June July August September October November December Jan Feb Mar Apr Jun Jul Aug "
    "Sep Sept Oct Nov Dec"
)
# Capitalised words that are almost never a name at the start of a sentence.
COMMON_CAPITALISED = word_set(
    "The A An In On At After Before When While Since For As If Although But And So Yet "
    "However Meanwhile Also Some Many Most Other Others One Two Three Both All No Later "
    "Earlier Back It Its He She They We I You His Her Their Our My This That These Those "
    "There Here Then Now Today Yesterday Tomorrow Last Next Such Even Still Only Just "
    "According Despite During Under Over Among Between Following Read More Image Photo "
    "Past Recent Several Each Every Many Few Much What Who Which Where Why How Once Not Instead "
    "Thus Therefore Further Furthermore Moreover Nevertheless Already Until Unlike Like "
    "With Without From To By Of Into Through Across Against Around About Near Upon Within "
    "Mr Mrs Ms Dr Prof Sir Lady Lord Saint St Police Officials Experts Sources Reports "
    "Residents Witnesses Rescuers Scientists Researchers Analysts Critics Supporters"
)
NAME_CONNECTORS = word_set(
    "of de del della di da van von der den la le du des bin al el y et d’ los las"
)
# Nouns of quantity: in "a median of 91 percent of people said" the people speak.
QUANTITIES = word_set(
    "median majority minority percent percentage number total half third quarter most many some "
    "share "
    "proportion dozens hundreds thousands millions"
)
# Any noun that can head a speaker's description: "the ministry", "officials", "a source".
SPEAKER_HEADS = ORG_HEADS | GROUP_HEADS | PERSON_HEADS | OTHER_HEADS


def write_verb_forms() -> None:
    """verb_forms.json afresh from lemminflect: one verb a line, sorted."""
    lines = [f"{json.dumps(lemma)}: {json.dumps(forms)}" for lemma, forms in asked_forms().items()]
    VERB_FORMS_FILE.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")


if __name__ == "__main__":
    # The module the rules import, not this __main__ copy: its ASKED is the one they fill.
    from service.extractive import lexicon

    lexicon.write_verb_forms()
    print(f"wrote {lexicon.VERB_FORMS_FILE}")
