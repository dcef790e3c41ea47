"""Genders: whether a person is 'he' or 'she', for the pronouns that stand for them.

A title or role beside the name says so outright ("Ms Lee", "Ann Lee, a spokeswoman"); else the
he/she of the narration in the sentences where the person is the only one named. Pronouns inside
quotations are left out: there the speaker talks about others ("Wilkins said, 'he liked it'")."""

import re
from bisect import bisect_right

from service.article import Article
from service.extractive import lexicon
from service.extractive.actors import ActorTable
from service.extractive.proposals import personal_name

_PRONOUN = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b", re.IGNORECASE)
_MALE = lexicon.word_set("he him his himself")
_WORDS = re.compile(r"[\w’'-]+|,")


def infer_genders(article: Article, table: ActorTable) -> None:
    """Set each person's gender where the text tells it."""
    text = article.text
    quoted = _quoted_spans(article)
    by_sentence: dict[int, set[int]] = {}
    for m in table.mentions():
        sentence = article.sentence_at(m.start)
        if sentence is not None:
            by_sentence.setdefault(sentence.index, set()).add(m.actor)
    counts: dict[int, list[int]] = {}
    sentences = article.sentences
    for n, sentence in enumerate(sentences):
        people = {a for a in by_sentence.get(n, ()) if _a_person(table, a)}
        if len(people) != 1:
            continue
        window_end = sentence.end
        if n + 1 < len(sentences) and n + 1 not in by_sentence:
            window_end = sentences[n + 1].end
        tally = counts.setdefault(people.pop(), [0, 0])
        for pronoun in _PRONOUN.finditer(text, sentence.start, window_end):
            if not _inside(quoted, pronoun.start()):
                tally[0 if pronoun.group().lower() in _MALE else 1] += 1
    for index, (male, female) in counts.items():
        if male != female:
            table.actors[index].gender = "m" if male > female else "f"
    for m in table.mentions():
        if not _a_person(table, m.actor):
            continue
        stated = _stated_gender(text, m.start, m.end)
        if stated is not None:
            table.actors[m.actor].gender = stated


def _a_person(table: ActorTable, index: int) -> bool:
    actor = table.actors[index]
    return actor.kind == "person" or (actor.kind == "other" and personal_name(actor.name))


def _stated_gender(text: str, start: int, end: int) -> str | None:
    """'Ms Ann Lee', 'spokeswoman Ann Lee', 'Ann Lee, a former spokeswoman for': the gender a
    title or role gives."""
    before = _WORDS.findall(text, max(0, start - 30), start)[-2:]
    after = _WORDS.findall(text, end, min(len(text), end + 50))
    apposed = after[1:6] if after[:1] == [","] else []
    if "," in apposed:
        apposed = apposed[: apposed.index(",")]
    for word in [*before, *apposed]:
        low = word.lower().rstrip(".")
        if low in lexicon.FEMALE_ROLES:
            return "f"
        if low in lexicon.MALE_ROLES:
            return "m"
    return None


def _quoted_spans(article: Article) -> list[tuple[int, int]]:
    return sorted((q.start, q.end) for q in article.quotes if q.mark == '"')


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether the offset is inside one of the sorted quotation spans (they do not nest)."""
    at = bisect_right(spans, (offset, len(spans) and spans[-1][1] + 1)) - 1
    return at >= 0 and spans[at][0] < offset < spans[at][1]
