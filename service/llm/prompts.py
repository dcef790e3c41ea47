"""Prompt templates: files in prompts/, rendered strictly, versioned by content hash."""

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from service.article import Article
from service.llm.schema import OutputMode, base_schema

PROMPTS_DIR = Path(__file__).resolve().parents[2] / "prompts"
TEMPLATES = ("system.jinja", "user.jinja", "repair.jinja")
_DELIMITER = "</article>"


class PromptError(Exception):
    """A template is missing or refers to a variable nobody passes."""


@dataclass(frozen=True)
class NumberedSentence:
    id: str
    text: str


@cache
def _environment(directory: Path) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(directory),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=False,
    )


def render(name: str, directory: Path = PROMPTS_DIR, **variables: Any) -> str:
    """Render one template; a missing template or variable is a PromptError naming it."""
    try:
        return _environment(directory).get_template(name).render(**variables).strip()
    except jinja2.TemplateNotFound as exc:
        raise PromptError(f"prompt template {name} is missing from {directory}") from exc
    except jinja2.UndefinedError as exc:
        raise PromptError(f"prompt template {name}: {exc.message}") from exc


@cache
def prompt_version(directory: Path = PROMPTS_DIR) -> str:
    """A short hash of the templates and the model-facing schema."""
    digest = hashlib.sha256()
    for name in TEMPLATES:
        path = directory / name
        if not path.is_file():
            raise PromptError(f"prompt template {name} is missing from {directory}")
        digest.update(name.encode())
        digest.update(path.read_bytes().replace(b"\r\n", b"\n"))
    digest.update(base_schema().encode())
    return "p-" + digest.hexdigest()[:12]


def numbered_sentences(article: Article) -> list[NumberedSentence]:
    """The article as the model sees it: one line per sentence, id first."""
    lines = []
    for sentence in article.sentences:
        text = " ".join(article.text[sentence.start : sentence.end].split())
        # The article is data: it must not be able to close its own delimiter.
        text = text.replace(_DELIMITER, "</ article>")
        lines.append(NumberedSentence(sentence.id, text))
    return lines


def base_messages(
    article: Article, mode: OutputMode, schema: dict[str, Any]
) -> list[dict[str, str]]:
    """The system and user messages of the first attempt."""
    in_prompt = mode == "json_object"
    system = render(
        "system.jinja",
        schema_in_prompt=in_prompt,
        schema=json.dumps(schema, separators=(",", ":")) if in_prompt else "",
    )
    user = render("user.jinja", title=article.title, sentences=numbered_sentences(article))
    return [{"role": "system", "content": system}, {"role": "user", "content": user}]


def repair_messages(
    base: list[dict[str, str]], last_output: str, errors: list[str]
) -> list[dict[str, str]]:
    """The re-ask: the original messages, the last answer and its errors; it never grows."""
    return [
        *base,
        {"role": "assistant", "content": last_output},
        {"role": "user", "content": render("repair.jinja", errors=errors)},
    ]
