"""Validation of the model's answer: parse, check each part against its schema, then ground it
in the article. Every problem becomes one short error with a JSON path; every part that passes
is kept, so that after the last attempt the service can serve what grounds and drop the rest."""

import json
import re
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from schemas import ActorKind, HedgeKind, Span
from schemas.draft import DraftActor, DraftClaim, DraftHedge, DraftSummary
from service.article import Article, Sentence
from service.grounding import find_all, find_phrase, fold_phrase
from service.llm.schema import list_limits

_WORD = re.compile(r"[^\W_]+")
_FENCE = re.compile(r"^\s*```(?:json)?\s*(.*?)\s*```\s*$", re.DOTALL)
_LIST_FIELDS = {"actors": DraftActor, "claims": DraftClaim, "hedges": DraftHedge}
Part = TypeVar("Part", bound=BaseModel)


@dataclass
class GroundedActor:
    name: str
    kind: ActorKind
    role: str | None
    aliases: list[str]
    mentions: list[Span]


@dataclass
class GroundedHedge:
    kind: HedgeKind
    span: Span


@dataclass
class GroundedClaim:
    statement: str
    speaker: int | None  # index into Grounded.actors
    cue: str | None
    evidence: Span
    sentences: list[str]
    hedge_spans: list[Span]


@dataclass
class Grounded:
    """What grounded of one answer, and the errors of what did not."""

    summary: str | None = None
    actors: list[GroundedActor] = field(default_factory=list)
    claims: list[GroundedClaim] = field(default_factory=list)
    hedges: list[GroundedHedge] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    parsed: bool = False

    @property
    def anything(self) -> bool:
        return bool(self.actors or self.claims or self.hedges)


def parse_answer(content: str | None) -> tuple[Any, str | None]:
    """The JSON value of an answer, or an error. Raw control characters inside strings (which
    grammar-constrained servers let through) are accepted; a Markdown fence is unwrapped."""
    if not content or not content.strip():
        return None, "$: the answer is empty; answer with one JSON object"
    text = content
    if fenced := _FENCE.match(text):
        text = fenced.group(1)
    try:
        return json.loads(text, strict=False), None
    except json.JSONDecodeError as exc:
        return None, f"$: not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"
    except RecursionError:
        return None, "$: nested too deeply; answer with the flat object the schema describes"


def ground_answer(article: Article, content: str | None) -> Grounded:
    """Parse, validate and ground one answer of the model against the article."""
    value, error = parse_answer(content)
    if error is not None:
        return Grounded(errors=[error])
    if not isinstance(value, dict):
        return Grounded(errors=["$: must be a JSON object with summary, actors, claims, hedges"])
    return _Grounder(article).run(value)


class _Grounder:
    def __init__(self, article: Article) -> None:
        self.article = article
        self.by_id: dict[str, Sentence] = {s.id: s for s in article.sentences}
        self.out = Grounded(parsed=True)
        self.speaker_forms: dict[str, int] = {}
        self.limits = list_limits(len(article.sentences))
        self.article_words = {w.casefold() for w in _WORD.findall(article.text)}

    def run(self, value: dict[str, Any]) -> Grounded:
        for key in value.keys() - {"summary", *_LIST_FIELDS}:
            self.error(f"$.{key}", "is not a field of the brief; remove it")
        summary = self.part(value, "summary", DraftSummary)
        if (
            summary is not None
            and self.cite(summary.sentences, "$.summary.sentences")
            and self.supported(summary.text, "$.summary.text")
        ):
            self.out.summary = summary.text.strip()
        for i, actor in enumerate(self.parts(value, "actors", DraftActor)):
            if actor is not None:
                self.ground_actor(actor, f"$.actors[{i}]")
        hedges = list(enumerate(self.parts(value, "hedges", DraftHedge)))
        for i, hedge in hedges:
            if hedge is not None:
                self.ground_hedge(hedge, f"$.hedges[{i}]")
        for i, claim in enumerate(self.parts(value, "claims", DraftClaim)):
            if claim is not None:
                self.ground_claim(claim, f"$.claims[{i}]")
        return self.out

    # -- schema --------------------------------------------------------------------------

    def error(self, path: str, message: str) -> None:
        self.out.errors.append(f"{path}: {message}")

    def part(self, value: dict[str, Any], key: str, model: type[Part]) -> Part | None:
        if key not in value:
            self.error(f"$.{key}", "is missing")
            return None
        return self.validated(value[key], f"$.{key}", model)

    def parts(self, value: dict[str, Any], key: str, model: type[Part]) -> list[Part | None]:
        items = value.get(key)
        if not isinstance(items, list):
            self.error(f"$.{key}", "is missing" if items is None else "must be an array")
            return []
        limit = self.limits[key]
        if len(items) > limit:
            self.error(f"$.{key}", f"has {len(items)} items; at most {limit}")
            items = items[:limit]
        return [self.validated(item, f"$.{key}[{i}]", model) for i, item in enumerate(items)]

    def validated(self, item: Any, path: str, model: type[Part]) -> Part | None:
        try:
            return model.model_validate(item)
        except ValidationError as exc:
            for problem in exc.errors()[:3]:
                where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in problem["loc"])
                self.error(path + where, problem["msg"])
            return None

    # -- grounding -----------------------------------------------------------------------

    def cite(self, ids: list[str], path: str) -> list[Sentence] | None:
        """The cited sentences, or an error for an id that does not exist."""
        cited = []
        for i, sid in enumerate(ids):
            sentence = self.by_id.get(sid)
            if sentence is None:
                last = len(self.article.sentences)
                self.error(f"{path}[{i}]", f"{sid} is not a sentence id (S1 to S{last})")
                return None
            cited.append(sentence)
        return cited

    def ground_actor(self, actor: DraftActor, path: str) -> None:
        name = actor.name.strip()
        mentions = find_all(self.article.text, name)
        if not mentions:
            self.error(f"{path}.name", f"{name!r} does not occur in the article; copy it exactly")
            return
        aliases = []
        for j, alias in enumerate(actor.aliases):
            found = find_all(self.article.text, alias.strip())
            if not found:
                self.error(f"{path}.aliases[{j}]", f"{alias!r} does not occur in the article")
            elif fold_phrase(alias) != fold_phrase(name):
                aliases.append(found[0].text)
                mentions += found
        canonical = mentions[0].text
        keys = {fold_phrase(canonical), *(fold_phrase(a) for a in aliases)}
        same = next((self.speaker_forms[k] for k in keys if k in self.speaker_forms), None)
        if same is not None:  # a duplicate of an actor already listed: merge, not an error
            kept = self.out.actors[same]
            for alias in [canonical, *aliases]:
                if fold_phrase(alias) != fold_phrase(kept.name) and alias not in kept.aliases:
                    kept.aliases.append(alias)
            kept.mentions = _distinct_spans(kept.mentions + mentions)
            index = same
        else:
            index = len(self.out.actors)
            self.out.actors.append(
                GroundedActor(
                    name=canonical,
                    kind=actor.kind,
                    role=actor.role.strip() if actor.role and actor.role.strip() else None,
                    aliases=list(dict.fromkeys(aliases)),
                    mentions=_distinct_spans(mentions),
                )
            )
        for key in keys:
            self.speaker_forms.setdefault(key, index)

    def ground_hedge(self, hedge: DraftHedge, path: str) -> None:
        cited = self.cite([hedge.sentence], f"{path}.sentence")
        if cited is None:
            return
        span = self.find_in(hedge.phrase, cited)
        if span is None:
            self.error(f"{path}.phrase", f"{hedge.phrase!r} is not in {hedge.sentence}")
            return
        if any(h.span == span for h in self.out.hedges):
            return  # the same occurrence twice
        self.out.hedges.append(GroundedHedge(kind=hedge.kind, span=span))

    def ground_claim(self, claim: DraftClaim, path: str) -> None:
        cited = self.cite(claim.evidence, f"{path}.evidence")
        if cited is None:
            return
        indexes = sorted(s.index for s in cited)
        if indexes != list(range(indexes[0], indexes[0] + len(indexes))):
            self.error(f"{path}.evidence", "cite consecutive sentences only")
            return
        speaker = None
        if claim.speaker is not None:
            speaker = self.speaker_forms.get(fold_phrase(claim.speaker))
            if speaker is None:
                self.error(
                    f"{path}.speaker",
                    f"{claim.speaker!r} is not the name or an alias of an actor; "
                    "list the actor or use null",
                )
                return
        if not self.supported(claim.statement, f"{path}.statement"):
            return
        ordered = sorted(cited, key=lambda s: s.index)
        cue = None
        if claim.cue is not None:
            found = self.find_in(claim.cue, ordered)
            if found is None:
                self.error(f"{path}.cue", f"{claim.cue!r} is not in {', '.join(claim.evidence)}")
            else:
                cue = found.text
        hedge_spans = []
        for j, phrase in enumerate(claim.hedges):
            found = self.find_in(phrase, ordered)
            if found is None:
                self.error(f"{path}.hedges[{j}]", f"{phrase!r} is not in the evidence sentences")
            else:
                hedge_spans.append(found)
        start = self.article.content_start(ordered[0])
        end = ordered[-1].end
        self.out.claims.append(
            GroundedClaim(
                statement=claim.statement.strip(),
                speaker=speaker,
                cue=cue,
                evidence=self.article.span(start, end),
                sentences=[s.id for s in ordered],
                hedge_spans=hedge_spans,
            )
        )

    def supported(self, paraphrase: str, path: str) -> bool:
        """A paraphrase may reword the article but not add to it: every name (a capitalised
        word) and every number in it must occur in the article."""
        unknown = [
            word
            for word in dict.fromkeys(_WORD.findall(paraphrase))
            if (word[0].isupper() or any(c.isdigit() for c in word))
            and word.casefold() not in self.article_words
        ]
        if unknown:
            listed = ", ".join(repr(w) for w in unknown[:5])
            self.error(path, f"names or numbers not in the article: {listed}")
        return not unknown

    def find_in(self, phrase: str, sentences: list[Sentence]) -> Span | None:
        start = self.article.content_start(sentences[0])
        return find_phrase(self.article.text, phrase, start, sentences[-1].end)


def _distinct_spans(spans: list[Span]) -> list[Span]:
    """Mentions in text order, without repeats or a span inside a longer one ("Shoigu" inside
    "Sergei Shoigu")."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if kept and span.end <= kept[-1].end:
            continue
        kept.append(span)
    return kept
