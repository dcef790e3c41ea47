"""Named actors: capitalised runs of words split into role and name, then classified as a
person, organisation, country, place or other."""

import re
from collections.abc import Callable
from dataclasses import dataclass

from schemas import ActorKind
from service.article import Article
from service.extractive import lexicon
from service.extractive.actors import ActorTable
from service.extractive.tokens import Token, adjacent
from service.extractive.works import names_a_work

_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,6}$")
_AGE = re.compile(r"^,\s*\d{1,3}\s*,")


def find_named_actors(article: Article, table: ActorTable) -> None:
    """Add the named actors: capitalised runs split into role and name, then classified."""
    text = article.text
    singles: list[tuple[Token, Token | None]] = []
    for sentence in article.body_sentences:
        tokens = table.sentence_tokens(sentence)
        for run, at in _capitalised_runs(text, tokens):
            before = tokens[at - 1] if at > 0 else None
            if len(run) == 1:
                singles.append((run[0], before))
                continue
            added = _add_run(article, table, run, at, tokens)
            if added is not None:
                _add_acronym_after(text, table, added, run[-1])
    _add_spelled_acronyms(article, table)  # before the lone words, which may be its acronym
    for token, before in singles:
        _add_single(article, table, token, before)
    _add_headline_countries(article, table)
    _type_by_apposed_role(article, table)


def _add_headline_countries(article: Article, table: ActorTable) -> None:
    """'Benin, Nigeria join trade area': a country the headline makes a party, though the
    body names it only as someone's affiliation. (Headline words are no names otherwise: a
    headline capitalises every word.) Whether it only locates is judged later."""
    text = article.text
    for sentence in article.sentences:
        if article.paragraphs[sentence.paragraph].kind not in ("title", "heading"):
            continue
        for match in _COUNTRY_NAME.finditer(text, sentence.start, sentence.end):
            name = match.group()
            if table.lookup(name) is None and (
                name in lexicon.COUNTRIES and name not in lexicon.COUNTRY_NAMES
            ):
                table.add(name, "country", match.start())


# One word boundary and look-ahead around the whole alternation, not one per country: the same
# matches (a failed look-ahead backtracks into the next alternative), a tenth of the compile time.
_COUNTRY_NAME = re.compile(
    r"\b(?:"
    + "|".join(
        re.escape(c)
        for c in sorted(lexicon.COUNTRIES, key=lambda c: (-len(c), c))
        if c[:1].isalpha()
    )
    + r")\b(?![’'-]\w)"
)


_ROLE_ALTERNATIVES = sorted(lexicon.PERSON_HEADS | lexicon.ROLE_WORDS, key=lambda w: (-len(w), w))
_APPOSED_ROLE = re.compile(
    r",\s+(?P<role>(?:a|an|the|(?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*[’']s)\s+(?:[\w’'-]+\s+){0,3}?(?:"
    + "|".join(re.escape(w) for w in _ROLE_ALTERNATIVES)
    + r"))\s*[,.;]",
    re.IGNORECASE,
)


def _type_by_apposed_role(article: Article, table: ActorTable) -> None:
    """'Ann Marsh, the town mayor, met him': a name of two or three words described by a
    person's role is a person, so that 'she' can find her (KNOWN-FAILURES 9), and the role
    is hers, so that 'the mayor' or 'Riga's mayor' can find her too."""
    for index, actor in enumerate(table.actors):
        words = actor.name.split()
        if actor.kind not in ("other", "person") or not 2 <= len(words) <= 4:
            continue
        ends = (at + len(actor.name) for at in table.occurrences(actor.name))
        apposed = next(filter(None, (_APPOSED_ROLE.match(article.text, e) for e in ends)), None)
        if apposed is None:
            continue
        if actor.kind == "other" and len(words) <= 3:
            table.set_kind(index, "person")
        if actor.kind == "person" and actor.role is None:
            actor.role = apposed.group("role")


def _capitalised_runs(text: str, tokens: list[Token]) -> list[tuple[list[Token], int]]:
    """Runs of capitalised words ('Church of Scientology'), each with its first token's index."""
    runs: list[tuple[list[Token], int]] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if not (token.is_word and token.is_capitalised) or _not_a_name(token):
            i += 1
            continue
        if _opens_sentence(tokens, i) and lexicon.only_a_function_word(token.bare):
            i += 1  # "Sometimes I ...", "Listed US states ...", "Is Rock Hudson ...?"
            continue
        run = [token]
        j = i + 1
        while j < len(tokens) and not run[-1].possessive:
            nxt = tokens[j]
            if not adjacent(text, run[-1], nxt):
                break
            if nxt.is_word and nxt.is_capitalised and nxt.bare not in lexicon.WEEKDAYS_MONTHS:
                run.append(nxt)
                j += 1
                continue
            if _initial(text, tokens, run[-1], j):
                run.extend([nxt, tokens[j + 1]])  # "L. Ron Hubbard", "Steven F. Udvar-Hazy"
                j += 2
                continue
            after = tokens[j + 1] if j + 1 < len(tokens) else None
            joined = _joined_name(text, tokens, run, j)
            if joined > j:
                run.extend(tokens[j:joined])
                j = joined
                continue
            if nxt.lower == "of" and _person_like(run):
                break  # "Anna Berg of Rogaland Fire": a person, then her affiliation
            connector = nxt.lower in lexicon.NAME_CONNECTORS or (
                nxt.lower in ("and", "&")
                and _org_like([t.bare for t in run])
                and any(t.lower == "of" for t in run)
            )
            if (
                connector
                and after is not None
                and after.is_capitalised
                and adjacent(text, nxt, after)
            ):
                run.extend([nxt, after])
                j += 2
                continue
            break
        runs.append((run, i))
        i = j
    return runs


_INSTITUTIONS = (
    lexicon.word_set(
        "museum center centre institute university college school foundation society "
        "administration commission council agency department departments laboratory academy"
    )
    | lexicon.INSTITUTION_TAILS
)


# Heads shared by names joined with "and": "the State and Homeland Security Departments".
_PLURAL_INSTITUTIONS = lexicon.word_set("departments ministries agencies committees councils")
_INSTITUTIONS = _INSTITUTIONS | _PLURAL_INSTITUTIONS

_STATE_HEADS = lexicon.word_set("republic kingdom emirates states federation")


def _joined_name(text: str, tokens: list[Token], run: list[Token], j: int) -> int:
    """Where a name continues past 'of the', 'and', '&' or 'for' at tokens[j], or j if not:
    'National Museum of the Air Force', 'National Air and Space Museum', 'Aviation & Space'."""
    word = tokens[j].lower
    words = [t.bare for t in run]
    if word == "of" and j + 2 < len(tokens) and tokens[j + 1].lower == "the":
        if not (_org_like(words) or words[-1].lower() in _STATE_HEADS):
            return j  # "Mark Reed of the Riga Institute" is a person and his affiliation
        k = j + 2
    elif (
        word in ("&", "and")
        or (word == "for" and _org_like(words))
        or (word == "on" and words[-1].lower() in lexicon.DELIBERATING_BODIES)
    ):
        # "Aviation & Space", "Air and Space Museum", "Directorate for Security",
        # "Commission on International Religious Freedom"
        k = j + 1
    else:
        return j
    end = k
    while (
        end < len(tokens)
        and tokens[end].is_capitalised
        and adjacent(text, tokens[end - 1], tokens[end])
    ):
        end += 1
    if end == k:
        return j
    last = tokens[end - 1].bare.lower()  # "... Atmospheric Administration's"
    if word == "and" and last not in _INSTITUTIONS:
        return j  # "Tesco and Salling Group" are two
    if word == "and" and len(run) == 1 and last not in _PLURAL_INSTITUTIONS:
        return j
    return end  # "Air and Space Museum"; "the State and Homeland Security Departments"


def _opens_sentence(tokens: list[Token], i: int) -> bool:
    """The token opens a sentence, or a quotation inside one ('said, "Sometimes I ...')."""
    return i == 0 or (tokens[i - 1].text in "\"“‘'(" and (i == 1 or tokens[i - 2].text in ",:"))


def _initial(text: str, tokens: list[Token], letter: Token, j: int) -> bool:
    """A capital letter, its full stop and a name right after: an initial inside a name."""
    if j + 1 >= len(tokens) or tokens[j].text != "." or len(letter.text) != 1:
        return False
    after = tokens[j + 1]
    return (
        letter.text.isupper()
        and letter.end == tokens[j].start
        and text[tokens[j].end : after.start] == " "
        and after.is_capitalised
        and after.bare not in lexicon.COMMON_CAPITALISED
    )


def _not_a_name(token: Token) -> bool:
    bare = token.bare
    if bare.startswith(("I’", "I'")):
        return True  # I'm, I’ve
    if bare in lexicon.WEEKDAYS_MONTHS or bare in lexicon.COMMON_CAPITALISED or bare == "I":
        return True
    return not bare.isalpha() and any(ch.isdigit() for ch in bare)  # (letters are no digits)


def _add_run(
    article: Article,
    table: ActorTable,
    run: list[Token],
    at: int,
    tokens: list[Token],
) -> int | None:
    """Add the actor a run of capitalised words names; `at` is the run's index in `tokens`."""
    text = article.text
    if not run:
        return None
    before = tokens[at - 1] if at > 0 else None
    if run[0].possessive:
        _add_possessor(table, run[0])
        if len(run) == 1:
            return None
    run, at = _without_prefixes(run, at)
    if not run:
        return None
    words = [t.bare for t in run]
    if (
        before is not None
        and before.lower in _ROLE_PLACE_LINKS
        and at >= 2
        and _is_role(tokens[at - 2].bare)
        and _ends_in_a_name(run)
    ):
        # "Senator from Vermont Bernie Sanders": the role's place, then the person
        person = _span_text(text, run[-2:])
        return table.add(person, "person", run[-2].start)
    role_end = max((k for k, w in enumerate(words) if _is_role(w)), default=-1)
    if 0 <= role_end < len(words) - 1 and run[role_end + 1].lower in lexicon.NAME_CONNECTORS:
        rest = run[role_end + 2 :]
        if _ends_in_a_name(rest):
            # "Secretary of State Anna Berg": the role's object, then the person
            titled = text[run[0].start : rest[-3].end]
            person = _span_text(text, rest[-2:])
            return table.add(person, "person", rest[-2].start, role=titled)
        # "CEO of Tesco": the role's organisation, not a person's name
        return _add_run(article, table, rest, at + role_end + 2, tokens)
    if 0 <= role_end < len(words) - 1 and _names_a_body(words[role_end + 1 :]):
        role_end = -1  # "the UN General Assembly": a body named with a role word, no person
    if 0 <= role_end < len(words) - 1:
        name_tokens = run[role_end + 1 :]
        role_start = run[0]
        if before is not None and before.possessive and adjacent(text, before, run[0]):
            role_start = before
        role: str | None = text[role_start.start : run[role_end].end]
        if role is not None and role.lower() in lexicon.HONORIFICS:
            role = None
        name_tokens = _without_leading_country(name_tokens)
        name = _span_text(text, name_tokens)
        return table.add(name, "person", name_tokens[0].start, role=role)
    if role_end == len(words) - 1:
        return None  # "the Prime Minister": a role without a name; attribution handles it
    stripped = _without_leading_country(run)
    at += len(run) - len(stripped)
    run = stripped
    words = [t.bare for t in run]
    start = run[0].start
    name = _span_text(text, run)
    lead_role = _lowercase_role_before(text, tokens, at)
    if name in lexicon.COUNTRIES:
        return table.add(name, "country", start)  # "Saudi Arabia" opens with a demonym
    if words[0] in lexicon.DEMONYMS and len(words) > 1 and not _org_like(words):
        if words[-1].lower() in lexicon.OTHER_HEADS:
            return table.add(name, "other", start)  # "the Australian Health Survey"
        if len(words) >= 3 and before is not None and before.lower == "the":
            # "the Swedish Postcode Lottery": a demonym opening a name (KNOWN-FAILURES 16)
            return table.add(name, "organization", start)
        return None  # "Russian Orthodox": an adjective phrase, not a name
    head = _LOWERCASE_HEAD.match(text, run[-1].end)
    if head is not None and not run[-1].possessive:
        # "the National Iodine Nutrition study", "the PALM trial": the noun names it too
        return table.add(text[start : head.end()], "other", start)
    if names_a_work(text, tokens, at, run[-1].end):
        return None  # "the comedy Pillow Talk", "a 2005 Opel Zafira" (KNOWN-FAILURES 17)
    context = _RunContext(before, lead_role is not None, text, run[-1].end, table.occurrences)
    kind = _classify(words, context)
    if kind is None:
        return None
    return table.add(name, kind, start, role=lead_role)


def _without_prefixes(run: list[Token], at: int) -> tuple[list[Token], int]:
    """'Former CIA', 'Previous SpaceX': a word that goes before names is not one; a party
    label before a person's name ('Republican Kevin McCarthy') neither, but 'Democratic
    Party' is the party's name."""
    k = 0
    while k < len(run) - 1 and (
        run[k].lower in lexicon.NAME_PREFIXES or _LOCATED.search(run[k].lower)
    ):
        k += 1  # and "Yemen-based Houthi": where it is based
    if k < len(run) - 1 and run[k].lower in lexicon.PARTY_LABELS and _person_like(run[k + 1 :]):
        k += 1
    return run[k:], at + k


_ROLE_PLACE_LINKS = lexicon.word_set("from for")
_LOCATED = re.compile(r"\w-(?:based|born|headquartered)$")


def _names_a_body(words: list[str]) -> bool:
    """'General Assembly', 'Chief Medical Council': the words after a role end in an
    organisation's noun, so the role word is part of the body's name."""
    last = words[-1].lower()
    return last in lexicon.ORG_HEADS or last in _INSTITUTIONS


def _is_role(word: str) -> bool:
    """A title before a name, also in the plural before two ('Presidents Ann Lee of Riga and
    Mark Reed of Tartu')."""
    low = word.lower()
    return low in lexicon.ROLE_WORDS or (low.endswith("s") and low[:-1] in lexicon.ROLE_WORDS)


def _ends_in_a_name(rest: list[Token]) -> bool:
    """'State Anna Berg', 'Foreign Affairs Mark Reed': after a role's 'of', one or two words of
    its object and then two words of a person's name, none of them an organisation's noun."""
    if not 3 <= len(rest) <= 5:
        return False
    name = [t.bare for t in rest[-2:]]
    return all(
        w[:1].isupper()
        and w.lower() not in lexicon.ORG_HEADS
        and w.lower() not in lexicon.LOCATION_HINTS
        and w not in lexicon.COUNTRIES
        and w not in lexicon.COMMON_CAPITALISED
        for w in name
    ) and not any(t.lower in lexicon.NAME_CONNECTORS for t in rest)


def _add_acronym_after(text: str, table: ActorTable, index: int, last: Token) -> None:
    """'the Federal Security Service (FSB)': the acronym in brackets is an alias."""
    match = re.match(r"\s*\(([A-Z][A-Za-z0-9&]{1,7})\)", text[last.end : last.end + 12])
    if match:
        table.add_alias(index, match.group(1))


_BRACKETED = re.compile(r"\(([A-Z][A-Za-z]{1,6})\)")
_SMALL_WORDS = lexicon.word_set("of and for the from on in de la")


def _add_spelled_acronyms(article: Article, table: ActorTable) -> None:
    """'Notes from Poland (NFP)': the words the acronym spells out are one name, with it."""
    text = article.text
    for m in _BRACKETED.finditer(text):
        acronym = m.group(1)
        if table.lookup(acronym) is not None:
            continue
        words = list(re.finditer(r"[\w’'&-]+", text[max(0, m.start() - 120) : m.start()]))
        offset = max(0, m.start() - 120)
        for size in range(len(acronym), len(acronym) + 4):
            if size > len(words):
                break
            span = words[-size:]
            if not (span[0].group()[:1].isupper() and span[-1].group()[:1].isupper()):
                continue
            every = "".join(w.group()[0] for w in span).upper()
            capitals = "".join(w.group()[0] for w in span if w.group().lower() not in _SMALL_WORDS)
            if acronym.upper() in (every, capitals.upper()):
                start, end = offset + span[0].start(), offset + span[-1].end()
                if text[end : m.start()].strip():
                    break
                index = table.add(text[start:end], "organization", start)
                table.add_alias(index, acronym)
                break


def _spelled_by(table: ActorTable, acronym: str) -> int | None:
    """The one organisation whose name, or the name after the country that opens it, the
    acronym spells without brackets ('CPD' after 'the United States Commission on Presidential
    Debates'; but 'IDD' is not the 'Centre for Control of Iodine Deficiency Disorders')."""
    found = [
        i
        for i, actor in enumerate(table.actors)
        if actor.kind == "organization" and acronym in _initials(actor.name)
    ]
    return found[0] if len(found) == 1 else None


def _initials(name: str) -> tuple[str, ...]:
    words = [w for w in name.split() if w.lower() not in _SMALL_WORDS]
    spelled = ["".join(w[0] for w in words)]
    for size in (3, 2, 1):
        if len(words) > size + 1 and " ".join(words[:size]) in lexicon.COUNTRIES:
            spelled.append("".join(w[0] for w in words[size:]))
            break
    return tuple(spelled)


def _without_leading_country(run: list[Token]) -> list[Token]:
    """'[Ambassador to the] United States Hamdullah Mohib': the country is not the name."""
    for size in (3, 2, 1):
        if len(run) - size >= 2 and " ".join(t.bare for t in run[:size]) in lexicon.COUNTRIES:
            if _org_like([t.bare for t in run]):
                return run  # "China Resources Holdings" is the company's own name
            return run[size:]
    return run


def _add_possessor(table: ActorTable, token: Token) -> None:
    bare = token.bare
    if bare in lexicon.COUNTRIES:
        table.add(bare, "country", token.start)


def _span_text(text: str, tokens: list[Token]) -> str:
    last = tokens[-1]
    return text[tokens[0].start : last.end - (2 if last.possessive else 0)]


def _lowercase_role_before(text: str, tokens: list[Token], index: int) -> str | None:
    """'Taliban spokesperson Zabiullah Mujahid': the role words just before a name."""
    first = tokens[index]
    if index == 0:
        return None
    prev = tokens[index - 1]
    if (
        prev.lower not in lexicon.ROLE_WORDS
        or prev.is_capitalised
        or not adjacent(text, prev, first)
    ):
        return None
    k = index - 1
    while k > 0 and tokens[k - 1].is_word and adjacent(text, tokens[k - 1], tokens[k]):
        if not tokens[k - 1].is_capitalised or index - 1 - k >= 3:
            break
        k -= 1
    return text[tokens[k].start : prev.end]


def _person_like(run: list[Token]) -> bool:
    """Two to four capitalised words after any role words that name no organisation, place or
    country: a person's name ('Nils-Erik Haagenrud', 'President Abdel Fattah el-Sisi')."""
    words = [t.bare for t in run]
    last_role = max((k for k, w in enumerate(words) if w.lower() in lexicon.ROLE_WORDS), default=-1)
    name = words[last_role + 1 :]
    return 2 <= len(name) <= 4 and not any(
        w.lower() in lexicon.ORG_HEADS
        or w.lower() in _INSTITUTIONS
        or w.lower() in lexicon.LOCATION_HINTS
        or w.lower() in _STATE_HEADS
        or w in lexicon.COUNTRIES
        or w in lexicon.DEMONYMS
        or w in lexicon.COMMON_CAPITALISED
        for w in name
    )


def _org_like(words: list[str]) -> bool:
    return any(w.lower() in lexicon.ORG_HEADS for w in words)


@dataclass(frozen=True, slots=True)
class _RunContext:
    """What around a run of capitalised words tells its kind."""

    before: Token | None  # the token just before the run
    has_role: bool  # a lowercase role stands before it ('spokesperson Zabiullah Mujahid')
    text: str
    end: int  # where the run ends in the text
    occurrences: Callable[[str], list[int]]  # where a form stands in the article


_LOWERCASE_HEAD = re.compile(r" (?:study|survey|trial|report|census|inquiry)\b")
_SURNAME_PARTICLES = lexicon.word_set("de da van von der den bin al el dos das du le la")


def _classify(words: list[str], ctx: _RunContext) -> ActorKind | None:
    before, has_role, text, end = ctx.before, ctx.has_role, ctx.text, ctx.end
    name = " ".join(words)
    if name in lexicon.COUNTRIES:
        return "country"
    if len(words) > 1 and words[-1].lower() in lexicon.PRODUCT_WORDS:
        return "other"  # "the Tenure of Office Act", "the Bridge Safety Award": its head says so
    if _org_like(words) or all(_ACRONYM.match(w) for w in words) or name in lexicon.NAMED_GROUPS:
        return "organization"
    if (
        words[-1].lower() in lexicon.LOCATION_HINTS
        or _next_word(text, end) in lexicon.LOCATION_HINTS
        or (words[0] in lexicon.COMPASS and len(words) > 1)
    ):
        return "location"
    if any(w.lower() in lexicon.PRODUCT_WORDS for w in words) or words[-1] in lexicon.DEMONYMS:
        return "other"  # "Space Shuttle Atlantis", "South Korean": no one in the story
    # "Luciana de Oliveira" is a person's name; "Bank of England" is not
    connectors = any(w in lexicon.NAME_CONNECTORS and w not in _SURNAME_PARTICLES for w in words)
    if 2 <= len(words) <= 4 and not connectors and _person_evidence(words, ctx):
        return "person"
    if has_role:
        return "person"
    if before is not None and before.lower in ("in", "at", "near", "from", "into", "across"):
        return "location"
    return "other"


_NEXT_SENTENCE_PRONOUN = re.compile(r"[^.!?]{0,200}[.!?][\"”’']?\s+(?:He|She|His|Her)\b")
_PERSON_NOUNS = lexicon.ROLE_WORDS | lexicon.PERSON_HEADS
_APPOSITION = re.compile(
    r",\s+(?:a|an|the|(?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*[’']s)\s+(?:[\w’'-]+\s+){0,3}?"
    r"(?P<noun>[\w-]+)\b"
)  # ", a Toronto lawyer", ", Puerto Rico's governor"


def _person_evidence(words: list[str], ctx: _RunContext) -> bool:
    """Two to four capitalised words name a person only with some sign of one: a title, an
    age, an apposition ('Howard Rubel, a Toronto lawyer'), a possessor ('France's Sebastien
    Lecornu'), a reporting verb, or the surname standing alone elsewhere."""
    before, has_role, text, end = ctx.before, ctx.has_role, ctx.text, ctx.end
    if has_role or _AGE.match(text[end : end + 8]):
        return True
    if before is not None and (before.possessive or before.lower in lexicon.HONORIFICS):
        return True
    apposition = _APPOSITION.match(text, end)
    if apposition and apposition.group("noun").lower() in _PERSON_NOUNS:
        return True
    if _next_word(text, end) in lexicon.REPORTING_VERBS:
        return True
    if before is None and _NEXT_SENTENCE_PRONOUN.match(text, end):
        return True  # "Emily Stone met the mayor. She said ...": the subject, then he or she
    surname = words[-1]
    if surname in lexicon.COUNTRIES or surname in lexicon.DEMONYMS:
        return False  # "Southern Poland": a country alone elsewhere is no surname
    return len(ctx.occurrences(surname)) > len(ctx.occurrences(" ".join(words)))


def _next_word(text: str, end: int) -> str:
    match = re.match(r"\s+(\w+)", text[end : end + 30])
    return match.group(1).lower() if match else ""


def _add_single(article: Article, table: ActorTable, token: Token, before: Token | None) -> None:
    """A lone capitalised word: an alias of a known actor, a country, or nothing yet."""
    bare = token.bare
    found = table.lookup(bare)
    if found is None and _ACRONYM.match(bare) and len(bare) >= 3:
        found = _spelled_by(table, bare)
    if found is not None:
        table.add_alias(found, bare)
        return
    head = _LOWERCASE_HEAD.match(article.text, token.end)
    if bare in lexicon.COUNTRIES:
        table.add(bare, "country", token.start)
    elif head and not token.possessive and before is not None and before.lower == "the":
        table.add(article.text[token.start : head.end()], "other", token.start)  # the PALM trial
    elif bare in lexicon.NAMED_GROUPS:
        table.add(bare, "organization", token.start)
    elif bare in lexicon.DEMONYMS and (body := _NATIONAL_BODY.match(article.text, token.end)):
        # "the Afghan government", "the Russian defence ministry", "the Syrian refugee team"
        table.add(article.text[token.start : body.end()], "organization", token.start)
    elif _acts_as_organisation(article.text, token, before, table.occurrences):
        table.add(bare, "organization", token.start)


# Nouns that make the name beside them a company: "its chain HomePlus", "the Kaufland chain".
_COMPANY_NOUNS = lexicon.word_set(
    "chain retailer supermarket supermarkets company firm carrier airline bank insurer brand "
    "startup developer operator broadcaster network group"
)
_APPOSED_ORG = re.compile(r",\s+(?:the|a|an)\s+(?:[\w’'-]+\s+){0,3}?(?P<noun>[\w-]+)\s*,")
_MIXED_ACRONYM = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){3})[A-Z][A-Za-z]{2,7}$")  # "NASA", "UOKiK"
_FINITE_AFTER = re.compile(r"\s+(?:has|had|did|does|will|would|[a-z]+ed)\b")  # not "was formed"


def _acts_as_organisation(
    text: str, token: Token, before: Token | None, occurrences: Callable[[str], list[int]]
) -> bool:
    """A lone name shown to be an organisation: an acronym that acts ('NASA celebrated',
    'NASA's decision'), a name apposed to an organisation noun ('UOKiK, the Polish
    anti-monopoly agency,'), or named with a company noun ('chain HomePlus', 'the Kaufland
    chain')."""
    bare = token.bare
    if bare in lexicon.COUNTRIES or bare in lexicon.DEMONYMS or not bare.isalpha():
        return False  # "UK-based"
    if text[token.start - 1 : token.start] == "(":
        return False  # "Notes from Poland (NFP)": spelled out by the words before
    # "NASA celebrated", "NASA's decision"; not "his DNA was" nor a one-off "CCTV captured"
    if (
        _MIXED_ACRONYM.match(bare)
        and len(occurrences(bare)) >= 2
        and (before is None or before.lower not in _POSSESSIVE_DETERMINERS)
        and (
            token.possessive
            or _FINITE_AFTER.match(text, token.end)
            or _next_word(text, token.end) in lexicon.REPORTING_VERBS
        )
    ):
        return True
    if (
        _CAMEL_CASE.match(bare)
        and not bare.startswith(lexicon.SURNAME_PREFIXES)
        and (token.possessive or _FINITE_AFTER.match(text, _past_a_partner(text, token.end)))
    ):
        return True  # "PayPal and DoorDash signed a deal", "DoorDash's drivers" (KF 16)
    apposed = _APPOSED_ORG.match(text, token.end)
    if apposed and apposed.group("noun").lower() in lexicon.ORG_HEADS | _COMPANY_NOUNS:
        return True
    if before is not None and before.lower in _COMPANY_NOUNS and before.end + 1 == token.start:
        return True
    after = _COMPANY_NOUN_AFTER.match(text, token.end)
    return not token.possessive and after is not None and after.group(1).lower() in _COMPANY_NOUNS


# A capital inside a word after lower-case letters: "PayPal", "DoorDash", "YouTube".
_CAMEL_CASE = re.compile(r"^[A-Z][a-z]+[A-Z][A-Za-z]*$")
_PARTNER = re.compile(r"\s+(?:and|&)\s+[A-Z][\w’'-]*")


def _past_a_partner(text: str, end: int) -> int:
    """After 'and DoorDash' when a name follows: where the shared verb would stand."""
    partner = _PARTNER.match(text, end)
    return end if partner is None else partner.end()


_NATIONAL_BODY = re.compile(
    r" (?:[a-z]+ )?(?:government|ministry|parliament|army|military|navy|team)\b(?![’'-]\w\w)"
)
# "the Kaufland chain"; not "the Florida company Ridgeback Biotherapeutics", a place qualifying
_COMPANY_NOUN_AFTER = re.compile(r"\s+([a-z]+)\b(?!\s+[A-Z])")
_POSSESSIVE_DETERMINERS = lexicon.word_set("his her their its our my your")
