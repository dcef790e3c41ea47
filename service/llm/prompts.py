"""Prompt templates: files in prompts/, rendered strictly, versioned by content hash."""

import hashlib
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, get_args

import jinja2

from service.article import Article
from service.llm.ground import parse_answer
from service.llm.schema import MAX_ENUM_IDS, OutputMode, base_schema, schema_for


def _templates_dir() -> Path:
    """Where the templates are: inside the installed package (a wheel carries the top-level
    prompts/ as service/prompts/, see pyproject.toml), else in the source tree's prompts/
    (a checkout, or an editable install, which maps only the packages)."""
    package = Path(__file__).resolve().parents[1]
    installed = package / "prompts"
    return installed if installed.is_dir() else package.parent / "prompts"


PROMPTS_DIR = _templates_dir()
TEMPLATES = ("system.jinja", "user.jinja", "repair.jinja")
# Anything in the article (or its title) that could pass for our delimiter, in any case or
# spacing: its "<" is shown as "‹", so the text can neither close nor reopen the data block.
_DELIMITER = re.compile(r"<(?=\s*/?\s*article\b)", re.IGNORECASE)
# Most characters of the last answer a re-ask echoes: about twice what the default budget of
# 4,096 tokens can hold (the real answers recorded run to 12,000), so an ordinary answer goes
# back as it came; a server that ignores max_tokens can send megabytes, which must not go back
# upstream on every re-ask.
ECHO_CAP = 32_000


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
        # Read once per process, like prompt_version: a template edited under a running
        # service must not change its prompts while the version it stamps stays the same.
        auto_reload=False,
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
    """A short hash of the templates and the model-facing schema as each output mode renders
    it (so a change to the rendering, not only to the Pydantic source, changes the version)."""
    digest = hashlib.sha256()
    for name in TEMPLATES:
        path = directory / name
        if not path.is_file():
            raise PromptError(f"prompt template {name} is missing from {directory}")
        digest.update(name.encode())
        digest.update(path.read_bytes().replace(b"\r\n", b"\n"))
    digest.update(base_schema().encode())
    sample = ["S1", "S2", "S3"]
    for mode in get_args(OutputMode):
        digest.update(json.dumps(schema_for(mode, sample), sort_keys=True).encode())
    digest.update(str(MAX_ENUM_IDS).encode())
    return "p-" + digest.hexdigest()[:12]


def numbered_sentences(article: Article) -> list[NumberedSentence]:
    """The article as the model sees it: one line per sentence, id first."""
    lines = []
    for sentence in article.sentences:
        text = " ".join(article.text[sentence.start : sentence.end].split())
        lines.append(NumberedSentence(sentence.id, as_data(text)))
    return lines


def as_data(text: str) -> str:
    """Text the prompt shows as data: it cannot close or open the article's delimiters."""
    return _DELIMITER.sub("‹", text)


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
    title = as_data(" ".join(article.title.split())) if article.title else None
    user = render("user.jinja", title=title, sentences=numbered_sentences(article))
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


def echoed_answer(content: str, cap: int = ECHO_CAP) -> str:
    """The last answer as a re-ask shows it, at most `cap` characters and a marker.

    An answer within the cap is shown as it came (so an ordinary re-ask carries it byte for
    byte); a longer one as its JSON re-serialised compactly, when that fits; else the first
    ECHO_CAP characters (of the compact JSON, when it parsed) and a line saying it was cut."""
    if len(content) <= cap:
        return content
    value, error = parse_answer(content)
    shown = content
    if error is None:
        shown = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        if len(shown) <= cap:
            return shown
    return (
        shown[:cap] + f"\n[cut here: the answer had {len(content):,} characters; only "
        f"its first {cap:,} are shown]"
    )
