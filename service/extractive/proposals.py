"""Speaker proposals: what a resolver says a phrase names, and the one place that accepts it.

Resolvers read the ActorTable and the discourse but never write into them: each returns a
Proposal (an actor already known, or a new one to add, with the rule that found it and the words
it rests on), and `accept` alone applies it to the table."""

from dataclasses import dataclass

from schemas import ActorKind
from service.extractive import lexicon
from service.extractive.actors import ActorTable


@dataclass(frozen=True, slots=True)
class NewActor:
    """An actor the table does not hold yet."""

    name: str
    kind: ActorKind


@dataclass(frozen=True, slots=True)
class Proposal:
    """A resolver's answer for one phrase."""

    rule: str  # the name of the rule that made it
    start: int  # the words the proposal rests on, as offsets into the article
    end: int
    actor: int | NewActor  # an actor of the table, or one to add
    alias: str | None = None  # a form of the actor to remember ("the company")
    also: tuple[NewActor, ...] = ()  # actors the phrase names beside the speaker


def accept(table: ActorTable, proposal: Proposal) -> int:
    """Apply a proposal to the table; the speaker's index."""
    for other in proposal.also:
        table.add(other.name, other.kind, proposal.start)
    actor = proposal.actor
    index = (
        table.add(actor.name, actor.kind, proposal.start) if isinstance(actor, NewActor) else actor
    )
    if proposal.alias is not None:
        table.add_alias(index, proposal.alias)
    return _as_speaker(table, index)


def personal_name(name: str) -> bool:
    """Two or three capitalised words, not ending in a document's noun: a person's name when
    nothing else says what it names ('Kristen Wilkins'; not 'Recent Poll')."""
    words = name.split()
    named = all(w[:1].isupper() for w in words) and words[-1].lower() not in lexicon.OTHER_HEADS
    return named and 2 <= len(words) <= 3


def _as_speaker(table: ActorTable, index: int) -> int:
    """A speaker named by two or three capitalised words, of no other kind, is a person."""
    actor = table.actors[index]
    words = actor.name.split()
    named = all(w[:1].isupper() for w in words) and words[-1].lower() not in lexicon.OTHER_HEADS
    if actor.kind == "other" and personal_name(actor.name):
        table.set_kind(index, "person")  # "Kristen Wilkins said"; not "recent poll"
    elif actor.kind == "other" and named and len(words) == 1 and not demonym_plural(words[0]):
        table.set_kind(index, "organization")  # "Tesco said": a lone speaking name
    return index


def demonym_plural(word: str) -> bool:
    return word.endswith("s") and word[:-1] in lexicon.DEMONYMS
