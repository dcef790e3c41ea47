"""What a 200 from the model server must be before the engine reads it: the fields we use,
checked strictly. The SDK builds its objects without validating them, so a body such as
`{"choices": "x"}` or a negative token count would otherwise fail deep in the engine (a 500)
or pass through as nonsense."""

from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from schemas import Usage

MAX_PROBLEMS_NAMED = 3
TokenCount = Annotated[int, Field(ge=0)]


class _Strict(BaseModel):
    # Strict: 1.5, "100" and true are not token counts; extra fields are the server's own.
    model_config = ConfigDict(strict=True, extra="ignore")


class _Message(_Strict):
    content: str | None = None
    refusal: str | None = None


class _Choice(_Strict):
    message: _Message
    finish_reason: str | None = None


class _Usage(_Strict):
    prompt_tokens: TokenCount
    completion_tokens: TokenCount
    total_tokens: TokenCount


class _ChatCompletion(_Strict):
    model: str | None = None
    choices: Annotated[list[_Choice], Field(min_length=1)]
    usage: _Usage


@dataclass(frozen=True)
class Completion:
    """One answer of the model, as the engine needs it."""

    content: str | None
    finish_reason: str | None
    refusal: str | None
    usage: Usage
    model: str | None
    waited_s: float  # time in the requests and in backoff between them


class MalformedCompletion(Exception):
    """A 200 whose body is not a chat completion; the message says what is wrong with it,
    in our words (never the body's own text)."""


def read_completion(body: bytes, waited_s: float) -> Completion:
    """The completion in a 200's body, or MalformedCompletion naming what is wrong."""
    if not body.strip():
        raise MalformedCompletion("the body is empty")
    try:
        shape = _ChatCompletion.model_validate_json(body)
    except ValidationError as exc:
        raise MalformedCompletion(_describe(exc)) from None
    choice = shape.choices[0]
    usage = shape.usage
    return Completion(
        content=choice.message.content,
        finish_reason=choice.finish_reason,
        refusal=choice.message.refusal,
        usage=Usage(
            prompt_tokens=usage.prompt_tokens,
            completion_tokens=usage.completion_tokens,
            total_tokens=usage.total_tokens,
        ),
        model=shape.model,
        waited_s=waited_s,
    )


def _describe(exc: ValidationError) -> str:
    """The first few problems, each as a path and pydantic's message (the input left out)."""
    errors = exc.errors(include_input=False, include_url=False)
    if any(e["type"] in ("json_invalid", "json_type") for e in errors):
        return "the body is not JSON"
    parts = [f"{_path(e['loc'])}: {e['msg']}" for e in errors[:MAX_PROBLEMS_NAMED]]
    if len(errors) > MAX_PROBLEMS_NAMED:
        parts.append(f"and {len(errors) - MAX_PROBLEMS_NAMED} more")
    return "; ".join(parts)


def _path(loc: tuple[Any, ...]) -> str:
    if not loc:
        return "the body"
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else f".{part}" if path else str(part)
    return path
