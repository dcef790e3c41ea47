"""The cross-check of the llm engine: the sentences where the extractive rules see attribution,
and those of them that no claim of the model cites.

Apart from the engine so that a worker process making the reference imports the rules only,
not the model SDK (half a second of a cold worker's start)."""

from dataclasses import dataclass

from service.article import Article
from service.extractive.engine import extract
from service.llm.ground import Grounded


@dataclass(frozen=True)
class Missed:
    """A sentence where the extractive engine sees attribution that no model claim cites."""

    sentence: str
    cue: str


def attribution_cues(article: Article) -> list[Missed]:
    """Each sentence where the extractive rules find a reporting cue, with its first cue."""
    found: dict[str, Missed] = {}
    for claim in extract(article).claims:
        sentence = article.sentence_at(claim.evidence.start)
        if claim.cue is not None and sentence is not None and sentence.id not in found:
            found[sentence.id] = Missed(sentence.id, claim.cue)
    return sorted(found.values(), key=lambda m: int(m.sentence[1:]))


def crosscheck_reference(text: str, title: str | None) -> list[Missed]:
    """`attribution_cues` of a text, for a worker process (which segments it again)."""
    return attribution_cues(Article(text, title))


def crosscheck(cues: list[Missed], grounded: Grounded) -> list[Missed]:
    """The sentences with an attribution cue that no claim of the model cites."""
    cited = {sid for claim in grounded.claims for sid in claim.sentences}
    return [cue for cue in cues if cue.sentence not in cited]


def missed_warning(missed: Missed) -> str:
    return f"{missed.sentence} has attribution ({missed.cue!r}) that no claim cites"


def missed_error(missed: Missed) -> str:
    return f"$.claims: {missed.sentence} has a reporting cue ({missed.cue!r}) but no claim cites it"
