"""Noun phrases around a reporting verb: the subject before it ('the ministry said'), after it
('..., said the ministry'), or after 'according to'."""

from service.extractive import lexicon
from service.extractive.tokens import Token

BE = lexicon.word_set("is are was were be been being")
PREPOSITION_CUTS = lexicon.word_set("in at on near across during with for from within among")
LEFT_BREAKS = lexicon.word_set(
    "that which who whom whose when while whilst because as if after before since but so where "
    "although though whether unless until than once"
)
_PERSON_NOUNS = lexicon.ROLE_WORDS | lexicon.PERSON_HEADS
_SUBORDINATORS = lexicon.word_set("while whilst when after before since because although though")
_CUE_WORDS = lexicon.REPORTING_VERBS | lexicon.SOURCE_ONLY_VERBS | lexicon.THAT_VERBS
# Cue verbs that are also nouns modifying a speaker: "state media", "state officials".
_MODIFYING_CUES = lexicon.word_set("state")
_KEEP_PP_HEADS = lexicon.PERSON_HEADS | lexicon.word_set("source sources")
# Words before "of" that keep it inside the phrase: "Secretary of State", "a median of".
_OF_KEEPERS = (
    lexicon.ROLE_WORDS
    | _KEEP_PP_HEADS
    | lexicon.QUANTITIES
    | lexicon.word_set("results findings data figures")  # "the results of the study said"
)
_CLOSING = "”\"’'»"
# Sentence openers that are not the subject: "With the acquisition Salling said".
_OPENERS = PREPOSITION_CUTS | LEFT_BREAKS
# A determiner after these does not start a new phrase: "of the", "in the", "all the".
_NO_RESTART = lexicon.DETERMINERS | PREPOSITION_CUTS | lexicon.word_set("of and")
_NEGATIONS = lexicon.word_set("not never n't no nor neither")
_OBJECT_PRONOUNS = lexicon.word_set("him her them")
_LY_NOUNS = lexicon.word_set("family assembly ally rally supply monopoly anomaly folly italy")


def negated(tokens: list[Token], v: int) -> bool:
    """A negation among the words just before the verb ('has not said', 'never confirmed');
    'no longer says' is no negation of the saying."""
    k = v - 1
    while k >= 0 and v - k <= 3 and is_prefix(tokens[k]):
        if tokens[k].lower in _NEGATIONS or tokens[k].lower.endswith("n't"):
            return not (tokens[k].lower == "no" and tokens[k + 1].lower == "longer")
        k -= 1
    return False


def is_prefix(token: Token) -> bool:
    """Auxiliaries and adverbs between a subject and its verb: 'had earlier', 'successfully'."""
    low = token.lower
    if low in lexicon.VERB_PREFIXES or low.endswith("n't"):
        return True
    return low.endswith("ly") and not token.is_capitalised and low not in _LY_NOUNS


_INSERTED_OPENERS = lexicon.word_set("for on in at since during over after throughout")
_AUXILIARY_OR_BE = lexicon.word_set("has have had was were is are will would could may might did")


def adverbial_before(tokens: list[Token], k: int) -> int | None:
    """'have [for years] warned', 'was [on Wednesday] reported': when tokens[k] ends a short
    prepositional phrase that stands between an auxiliary and its verb, the auxiliary's index."""
    for p in range(k, max(-1, k - 4), -1):
        if not tokens[p].is_word:
            return None
        if tokens[p].lower in _INSERTED_OPENERS and p < k:
            before = p - 1
            if before >= 0 and tokens[before].lower in _AUXILIARY_OR_BE:
                return before
            return None
    return None


def skip_prefixes(tokens: list[Token], v: int) -> int:
    """The index of the last word before the verb at v that is not an auxiliary, an adverb or
    an adverbial phrase between them ('had earlier', 'have for years')."""
    k = v - 1
    while k >= 0:
        if is_prefix(tokens[k]):
            k -= 1
            continue
        inserted = adverbial_before(tokens, k)
        if inserted is None:
            return k
        k = inserted
    return k


_TIME_NOUNS = lexicon.word_set(
    "yesterday today tonight weekend week month year morning afternoon evening night"
)
_TIME_LEAD = lexicon.word_set("on during as of over the this last late early earlier next")


def _time_word(token: Token) -> bool:
    return token.bare in lexicon.WEEKDAYS_MONTHS or token.lower in _TIME_NOUNS


def _before_time(tokens: list[Token], k: int) -> int:
    """'Reports [as of Wednesday] said', 'the ministry [during the weekend] said': the index
    before a time phrase that ends at k (k itself when there is none, or nothing before it)."""
    if not _time_word(tokens[k]) and not (
        tokens[k].text.isdigit() and k > 0 and _time_word(tokens[k - 1])
    ):
        return k
    j = k - 1
    while (
        j >= 0
        and tokens[j].is_word
        and (_time_word(tokens[j]) or tokens[j].lower in _TIME_LEAD or tokens[j].text.isdigit())
    ):
        j -= 1
    if j < 0 or not tokens[j].is_word or tokens[j].lower in lexicon.CLAUSE_BREAKS:
        # "Monday said", "Officials, on Monday, said", "a study from March said": not a
        # phrase to step over
        return k
    while j > 0 and is_prefix(tokens[j]):
        j -= 1  # "Officials also on Monday said"
    return j


_DANGLING = lexicon.word_set("against by into about upon toward towards of with from for")


def _plain_verb(token: Token) -> bool:
    """A lower-case past or present verb form: 'voted', 'continued', 'insists'."""
    return token.is_word and not token.is_capitalised and token.lower.endswith(("ed", "es"))


def subject_before(tokens: list[Token], v: int) -> tuple[int, int] | None:
    """Token range of the subject before a reporting verb, or None."""
    k = skip_prefixes(tokens, v)
    if k < 0:
        return None
    k = _before_time(tokens, k)
    if tokens[k].lower == "to":
        # "went on to say", "continued to say": the subject stands before; else an infinitive
        j = k - 1
        if j >= 0 and tokens[j].lower == "on":
            j -= 1
        if j < 0 or tokens[j].lower not in ("went", "goes", "go", "continued", "continues"):
            return None
        k = j - 1
        while k >= 0 and is_prefix(tokens[k]):
            k -= 1
        if k < 0:
            return None
    if tokens[k].lower in ("and", "but"):
        return None  # "met them and said": the subject is elided
    if tokens[k].lower in _DANGLING and k >= 2 and _plain_verb(tokens[k - 1]):
        # "the Senate voted against confirming", "He continued by noting": the subject is the
        # one of the verb before the preposition (no subject ends in "against" or "by")
        k = skip_prefixes(tokens, k - 1)
        if k < 0 or not tokens[k].is_word:
            return None
    if tokens[k].text == "who" and k >= 2 and tokens[k - 1].text == ",":
        k -= 2  # "Devocht, who had told Montalvo ...": the name the clause hangs on
    elif tokens[k].text == "who" and k >= 1 and tokens[k - 1].lower in lexicon.GROUP_HEADS:
        k -= 1  # "respondents who answered that ...": the group the clause hangs on
    elif tokens[k].lower in ("that", "which") and k >= 1 and _speaking_noun(tokens[k - 1]):
        k -= 1  # "a survey that suggested ...": the noun the relative clause hangs on
    k = _before_intermediary(tokens, k)
    if tokens[k].lower in _SUBORDINATORS:
        if k == 0 or not tokens[k - 1].is_capitalised:
            return None  # "defended the budget whilst promising a review": the subject is elided
        k -= 1  # "The Police Agency when announcing the arrest said": the name before it
    if tokens[k].lower in lexicon.PRONOUNS:
        return (k, k)
    if tokens[k].text in _MARKS:
        subject_end = _skip_apposition(tokens, k)
        if subject_end is None:
            return None
        k = subject_end
    if not tokens[k].is_word and tokens[k].text != ")":
        return None
    b = k
    while b - 1 >= 0 and k - b < 24:
        t = tokens[b - 1]
        acronym = t.text.isupper() and len(t.text) > 1  # "WHO" is a name, not "who"
        # "That study noted ...": a sentence's opening "That" is the subject's determiner
        opening_that = b - 1 == 0 and t.text in ("That", "This") and _speaking_noun(tokens[b])
        if t.text in "()" or (
            t.is_word
            and (acronym or opening_that or t.lower not in LEFT_BREAKS)
            and t.lower not in BE
        ):
            if t.lower == "and" and not _coordinates(tokens, b - 1):
                break
            document = b >= 2 and tokens[b - 2].lower in lexicon.OTHER_HEADS
            if t.lower == "by" and document:
                b -= 1  # "Estimates by the government state": the estimates' owner
                continue
            if t.lower in ("to", "by", "not", "had", "has", "have", "will", "would"):
                break
            cue_word = t.lower in _CUE_WORDS or t.lower == "citing"
            modifier = _state_modifier(tokens, b - 1) or _document_noun(tokens, b - 1)
            if not t.is_capitalised and cue_word and not modifier:
                break
            b -= 1
            continue
        break
    start = _cut_to_noun_phrase(tokens, b, k)
    if start is None:
        return None
    start, end = _cut_prepositions(tokens, _with_adjectives(tokens, b, start), k)
    return start, _cut_participle(tokens, start, end)


def _document_noun(tokens: list[Token], j: int) -> bool:
    """'Another report from the government said': a document's noun that is also a reporting
    verb, read as the noun after a determiner or before its owner."""
    if tokens[j].lower not in lexicon.OTHER_HEADS:
        return False
    after = tokens[j + 1].lower if j + 1 < len(tokens) else ""
    return (j > 0 and tokens[j - 1].lower in lexicon.DETERMINERS) or after in ("from", "by")


def _a_person_noun(token: Token) -> bool:
    low = token.lower
    return low in _PERSON_NOUNS or (low.endswith("s") and low[:-1] in _PERSON_NOUNS)


def _role_and_name(segment: list[Token]) -> bool:
    """'Dr. Anna Berg', 'former striker Tom Hale': at most three plain words ending in a role,
    then a name of two capitalised words or more."""
    named = next((n for n, t in enumerate(segment) if t.is_capitalised), None)
    if named is None or named > 3 or len(segment) - named < 2:
        return False
    if not all(t.is_word and t.is_capitalised for t in segment[named:]):
        return False
    if named == 0:
        return True
    return all(t.is_word for t in segment[:named]) and segment[named - 1].lower in _PERSON_NOUNS


def _before_intermediary(tokens: list[Token], k: int) -> int:
    """'A memo seen by the Times says': the subject ends at the memo, before 'seen by'."""
    for j in range(k - 1, max(0, k - 6), -1):
        if (
            tokens[j].lower == "by"
            and j >= 2
            and tokens[j - 1].lower in (lexicon.INTERMEDIARY_PARTICIPLES)
        ):
            if _speaking_noun(tokens[j - 2]):
                return j - 2
            return k
        if not tokens[j].is_word:
            return k
    return k


def _speaking_noun(token: Token) -> bool:
    low = token.lower
    return token.is_word and (low in lexicon.SPEAKER_HEADS or low in lexicon.SOURCE_NOUNS)


def _with_adjectives(tokens: list[Token], b: int, start: int) -> int:
    """'formal studies said': plain words before a bare plural head belong to it."""
    head = tokens[start]
    if head.is_capitalised or (
        head.lower not in lexicon.GROUP_HEADS and head.lower not in lexicon.SOURCE_NOUNS
    ):
        return start
    i = start
    while i > b and start - i < 2:
        if not (_plain_modifier(tokens[i - 1]) or _state_modifier(tokens, i - 1)):
            break
        i -= 1
    return i


def _plain_modifier(token: Token) -> bool:
    low = token.lower
    return (
        token.is_word
        and not token.is_capitalised
        and low.isalpha()
        and not low.endswith(("ly", "ing", "ed"))
        and low not in lexicon.CLAUSE_BREAKS
        and low not in lexicon.VERB_PREFIXES
        and (low not in _CUE_WORDS or low in _MODIFYING_CUES)
        and low not in lexicon.PRONOUNS
    )


# "state media", "state news agency IRNA": "state" before a speaking noun is its modifier,
# not the verb (which would need a subject before it)
_MEDIA_NOUNS = lexicon.word_set("news television tv radio broadcaster newspaper media agency")


def _state_modifier(tokens: list[Token], j: int) -> bool:
    if tokens[j].lower != "state" or j + 1 >= len(tokens):
        return False
    nxt = tokens[j + 1]
    return not nxt.is_capitalised and (
        nxt.lower in _MEDIA_NOUNS or nxt.lower in lexicon.ORG_HEADS or nxt.lower in _PERSON_NOUNS
    )


def _cut_participle(tokens: list[Token], start: int, end: int) -> int:
    """'a new study documenting iodine levels in children': the phrase ends at its noun."""
    for i in range(start + 1, end + 1):
        low = tokens[i].lower
        if low.endswith("ing") and tokens[i - 1].lower in lexicon.SPEAKER_HEADS:
            return i - 1
        if (
            low in lexicon.INTERMEDIARY_PARTICIPLES
            and i + 1 <= end
            and tokens[i + 1].lower == "by"
            and tokens[i - 1].lower in lexicon.SPEAKER_HEADS
        ):
            return i - 1  # "a memo seen by the Times": the memo speaks, the Times only saw it
    return end


_MARKS = (",", "–", "—")
_AUXILIARIES = lexicon.word_set("had has have will would could can may might did does do")
_APPOSITION_OPENERS = lexicon.word_set(
    "of a an the who which whose in at from for with and formerly now also "
    "republican democrat democratic conservative labour liberal socialist independent"
)


def _skip_apposition(tokens: list[Token], mark: int) -> int | None:
    """Step back over appositions set off by commas or dashes to the subject they describe:
    'Sharif Hotak, of the provincial council, described'; 'Major general Fuad Basya,
    spokesman for the military, said'; 'Cres Eastman, Director of X, and Chairman of Y, says';
    'respondents – 42 percent – said'. Returns the index of the subject's last token."""
    while True:
        opener = mark - 1
        while opener >= 0 and tokens[opener].text != tokens[mark].text:
            if tokens[opener].text in '.;:“”"':
                return None
            opener -= 1
        if mark - opener < 2:
            return None
        first = tokens[opener + 1]
        described = (
            first.lower in _APPOSITION_OPENERS
            or first.text.isdigit()
            or first.possessive  # ", Tesco's CEO for Central Europe,"
            or first.text in lexicon.CREDENTIALS  # "Ann Lee, QC, said"
            or (not first.is_capitalised or first.lower in lexicon.ROLE_WORDS)
        )
        before = tokens[opener - 1] if opener > 0 else None
        segment = tokens[opener + 1 : mark]
        named = first.lower == "the" and all(t.is_capitalised for t in segment[1:])
        if named and before is not None and not before.is_capitalised:
            return mark - 1  # "One local paper, the Riga Herald, reported": the name is the subject
        if before is not None and _a_person_noun(before) and _role_and_name(segment):
            # "the institute's director, Dr. Anna Berg, said", "one of the authors, herpetologist
            # Ann Lee, told": the name the role is set off with
            return mark - 1
        if described and first.lower == "and" and opener > 0:
            mark = opener  # ", Director of X, and Chairman of Y,": a second one; step back again
            continue
        if (
            described
            and before is not None
            and (_names_someone(before) or _speaker_head_within(tokens, opener))
        ):
            return opener - 1  # "A spokesperson for the port, the city's biggest employer,"
        closing = tokens[mark - 1]
        if _noun_phrase_like(segment) and (closing.is_word or closing.text == ")"):
            # The part between the marks is the subject itself: "One news site, Znak.com,
            # claims"; "On Monday, Director Anthony Fauci of the NIAID, announced".
            return mark - 1
        return None


def _noun_phrase_like(segment: list[Token]) -> bool:
    """A capitalised stretch with no verb in it: a subject set off by commas, not a clause."""
    return (
        bool(segment)
        and segment[0].is_capitalised
        and len(segment) <= 20
        and not any(
            (t.lower in lexicon.REPORTING_VERBS and not t.is_capitalised)  # not "United States"
            or t.lower in BE
            or t.lower in _AUXILIARIES
            for t in segment
        )
    )


def _speaker_head_within(tokens: list[Token], opener: int) -> bool:
    """A speaker's noun among the few words before an apposition ('a spokesperson for the
    port, ...'), so the apposition describes a phrase that can speak."""
    return any(
        tokens[j].is_word and tokens[j].lower in lexicon.PERSON_HEADS
        for j in range(max(0, opener - 5), opener)
    )


def _names_someone(token: Token) -> bool:
    return token.text == ")" or (
        token.is_word and (token.is_capitalised or token.lower in lexicon.SPEAKER_HEADS)
    )


def _coordinates(tokens: list[Token], i: int) -> bool:
    left = tokens[i - 1] if i > 0 else None
    right = tokens[i + 1] if i + 1 < len(tokens) else None
    if left is None or right is None:
        return False
    left_ok = left.is_capitalised or left.text == ")" or left.lower in lexicon.ORG_HEADS
    return left_ok and (right.is_capitalised or right.lower == "the")


def _cut_to_noun_phrase(tokens: list[Token], b: int, k: int) -> int | None:
    """Start the phrase at its determiner or first capitalised word, not at stray words."""
    for i in range(k, b, -1):
        prev = tokens[i - 1]
        if tokens[i].lower in ("the", "a", "an") and prev.is_word and prev.lower not in _NO_RESTART:
            if i - 2 >= b and _document_noun(tokens, i - 2):
                continue  # "Estimates by the government": the owner inside the phrase
            b = i
            break
    if tokens[b].text.istitle() and tokens[b].lower in _OPENERS:
        # "With the acquisition Salling said": past an opening phrase, the name is the subject.
        for i in range(b + 1, k + 1):
            prev = tokens[i - 1]
            plain = prev.is_word and not prev.is_capitalised
            if tokens[i].is_capitalised and plain and prev.lower not in lexicon.DETERMINERS:
                return i
    for i in range(b, k + 1):
        t = tokens[i]
        if i == 0 and t.text in ("That", "This") and i < k and _speaking_noun(tokens[i + 1]):
            return i  # "That study noted": a determiner
        if t.text.istitle() and (t.lower in _OPENERS or t.bare in lexicon.WEEKDAYS_MONTHS):
            continue  # "With ...", "After ...", "Tuesday" opening it (but "WHO" is a name)
        if t.lower in lexicon.DETERMINERS or t.is_capitalised or t.lower in lexicon.ROLE_WORDS:
            return i
        if t.lower in lexicon.SPEAKER_HEADS or _state_modifier(tokens, i):
            return i
    return None


def _cut_prepositions(tokens: list[Token], b: int, k: int) -> tuple[int, int]:
    for i in range(b + 1, k + 1):
        low = tokens[i].lower
        if low in PREPOSITION_CUTS or (low == "of" and not _keeps_of(tokens, i)):
            head = tokens[i - 1].lower
            if head in _KEEP_PP_HEADS and low in ("from", "within", "at", "for", "of"):
                return (b, k)
            if head in lexicon.OTHER_HEADS and _document_owner(tokens, i - 1, i):
                return (b, k)  # "Another report from the Mexican government said"
            return (b, i - 1)
    return (b, k)


def _keeps_of(tokens: list[Token], i: int) -> bool:
    left = tokens[i - 1]
    return left.is_capitalised or left.text.isdigit() or left.lower in _OF_KEEPERS


def subject_after(text: str, tokens: list[Token], v: int) -> tuple[int, int] | None:
    """'..., said the ministry' or '...," said Smith': the subject after the verb."""
    if v == 0 or v + 1 >= len(tokens):
        return None
    before = text[tokens[v - 1].start : tokens[v].start].strip()
    if not (before.endswith((",", ",”")) or before[-1:] in _CLOSING):
        return None
    first = tokens[v + 1]
    if not first.is_word or not (
        first.is_capitalised
        or first.lower in ("the", "a", "an")
        or first.lower in lexicon.ROLE_WORDS
        or first.lower in lexicon.GROUP_HEADS  # "..., said officials", "..., reported police"
        or _adjective_before_head(tokens, v + 1)  # "..., wrote student protester Joshua Wong"
        or (first.lower in lexicon.PERSON_HEADS and v + 2 < len(tokens))
    ):
        return None
    found = noun_phrase_after(tokens, v + 1)
    if found is not None:
        found = (found[0], _through_to_a_name(tokens, found[1]))
    if found is not None and found[1] + 1 < len(tokens):
        after = tokens[found[1] + 1].lower
        if after in _AUXILIARIES or after in BE:
            return None  # "..., said officials had found a leak": the content's subject
    return found


def noun_phrase_after(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """The noun phrase starting at token i, ending at its head noun or name."""
    last_head: int | None = None
    possessor: int | None = None
    if i >= len(tokens) or not (_can_open_phrase(tokens[i]) or _adjective_before_head(tokens, i)):
        return None
    j = i
    while j < len(tokens) and j - i < 9:
        t = tokens[j]
        if not t.is_word and t.text not in "()":
            break
        low = t.lower
        if low in ("from", "by") and _document_owner(tokens, last_head, j):
            j += 1
            continue  # "data from the Road Agency", "estimates by the ministry"
        acronym = t.text.isupper() and len(t.text) > 1  # "the WHO" is a name, not "who"
        if low in PREPOSITION_CUTS or (low in LEFT_BREAKS and not acronym) or low in BE:
            break
        if low == "of" and last_head is not None and not _keeps_of(tokens, j):
            break
        if t.possessive and (not t.is_capitalised or _described_after(tokens, j)):
            # "the team's coach": the head comes after the possessor; "the council's
            # rules": no speaker head after it, so the possessor speaks
            last_head, possessor = None, j
        elif (
            (t.is_capitalised and low not in lexicon.DETERMINERS)  # not an opening "The"
            or low in lexicon.SPEAKER_HEADS
            or low in lexicon.SOURCE_NOUNS
            or low in lexicon.ROLE_WORDS
        ):
            last_head = j
        elif low == "her" and j == i and _head_follows(tokens, j):
            pass  # "according to her lawyer": a possessive, not "according to her"
        elif (low in lexicon.PRONOUNS or low in _OBJECT_PRONOUNS) and j == i:
            return (j, j)  # "according to him"
        elif low == "to" and _role_to(tokens, j):
            pass  # "Ambassador to the United States Hamdullah Mohib"
        elif low not in lexicon.DETERMINERS and low != "of" and last_head is not None:
            break
        j += 1
    if last_head is None:
        return None if possessor is None else (i, possessor)
    if tokens[last_head].text == "(":
        last_head -= 1
    return (i, last_head)


def _head_follows(tokens: list[Token], j: int) -> bool:
    """A speaker's noun right after token j ('her lawyer', 'her family spokesman')."""
    for t in tokens[j + 1 : j + 3]:
        if not t.is_word or t.is_capitalised:
            return False
        if t.lower in lexicon.SPEAKER_HEADS or t.lower in lexicon.ROLE_WORDS:
            return True
    return False


def _document_owner(tokens: list[Token], head: int | None, j: int) -> bool:
    """'from'/'by' after a document's noun, before a name: the document's owner follows."""
    if head is None or tokens[head].lower not in lexicon.OTHER_HEADS or j + 1 >= len(tokens):
        return False
    nxt = tokens[j + 1]
    if nxt.lower == "the" and j + 2 < len(tokens):
        nxt = tokens[j + 2]
        # "footage from the scene", "data from the survey": a definite owner, named or not
        return nxt.is_word and nxt.lower not in lexicon.CLAUSE_BREAKS
    return nxt.is_capitalised


def apposed_name(tokens: list[Token], head: int) -> tuple[int, int] | None:
    """'the team's coach, Alireza Mehraban,': the name set off after a role, if any."""
    if tokens[head].lower not in _PERSON_NOUNS or head + 2 >= len(tokens):
        return None
    if tokens[head + 1].text != ",":
        return None
    j = head + 2
    while j < len(tokens) and tokens[j].is_word and tokens[j].is_capitalised:
        j += 1
    if j - (head + 2) < 2 or (j < len(tokens) and tokens[j].text not in ",;"):
        return None
    return (head + 2, j - 1)


def _role_to(tokens: list[Token], j: int) -> bool:
    """'to' inside a title: after a role word, before a name ('Envoy to the UN')."""
    if j == 0 or j + 1 >= len(tokens) or tokens[j - 1].lower not in lexicon.ROLE_WORDS:
        return False
    return tokens[j + 1].is_capitalised or tokens[j + 1].lower == "the"


def _described_after(tokens: list[Token], j: int) -> bool:
    """ "Peru's state agency", "Tesco's chief executive": after a name's possessive, plain words
    that end in a speaking noun (the speaker is that noun, not the possessor)."""
    for k in range(j + 1, min(len(tokens), j + 4)):
        t = tokens[k]
        if not t.is_word or t.is_capitalised:
            return False
        if t.lower in lexicon.SPEAKER_HEADS or t.lower in lexicon.ROLE_WORDS:
            return True
    return False


def _through_to_a_name(tokens: list[Token], last: int) -> int:
    """'student [protester Joshua Wong]': a role's plain words, then the name they describe."""
    k = last + 1
    while k < len(tokens) and k - last <= 2 and tokens[k].is_word and not tokens[k].is_capitalised:
        if tokens[k].lower in lexicon.CLAUSE_BREAKS or tokens[k].lower in lexicon.REPORTING_VERBS:
            return last
        k += 1
    end = k
    while end < min(len(tokens), k + 5) and tokens[end].is_word and tokens[end].is_capitalised:
        end += 1
    if end == k or k == last + 1 or tokens[k].bare in lexicon.COMMON_CAPITALISED:
        return last
    return end - 1


def _adjective_before_head(tokens: list[Token], i: int) -> bool:
    """'anonymous sources', 'senior military officials': plain words before a speaking noun."""
    for k in range(i, min(len(tokens), i + 3)):
        t = tokens[k]
        if not t.is_word or t.lower in lexicon.CLAUSE_BREAKS or t.lower in lexicon.REPORTING_VERBS:
            return False
        if k > i and (t.lower in lexicon.SPEAKER_HEADS or t.lower in lexicon.SOURCE_NOUNS):
            return True
    return False


def _can_open_phrase(token: Token) -> bool:
    low = token.lower
    return token.is_word and (
        token.is_capitalised
        or low in lexicon.DETERMINERS
        or low in lexicon.PRONOUNS
        or low in _OBJECT_PRONOUNS
        or low in lexicon.SPEAKER_HEADS
        or low in lexicon.SOURCE_NOUNS
        or low in lexicon.ROLE_WORDS  # "according to curator Elaine Gustafson"
    )
