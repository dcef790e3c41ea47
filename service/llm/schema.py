"""The model-facing schema rendered for each output mode, from the one Pydantic source.

Each mode keeps what its server enforces and strips what it rejects; the service enforces every
bound again when it validates, so nothing depends on the server honouring a keyword.
"""

import copy
import json
from functools import cache, lru_cache
from typing import Any, Literal

from schemas.draft import SENTENCE_ID_PATTERN, Draft

OutputMode = Literal["json_schema", "json_object_schema", "json_object"]

# OpenAI's strict mode allows 1,000 enum values in a schema; the id list is defined once, and
# past this many sentences a pattern (checked again by the service) takes its place.
MAX_ENUM_IDS = 300

# Keywords OpenAI's strict json_schema does not accept.
_STRICT_UNSUPPORTED = {"minLength", "maxLength", "default", "title"}
_DEF = "#/$defs/"
Schema = dict[str, Any]


@cache
def base_schema() -> str:
    """The schema as Pydantic writes it, serialised; part of the prompt version."""
    return json.dumps(Draft.model_json_schema(), sort_keys=True, separators=(",", ":"))


def list_limits(sentences: int) -> dict[str, int]:
    """Per-article caps on the brief's lists, within the schema's own bounds: a short article
    cannot have thirty actors, and a model that loops under a grammar stops sooner."""
    bounds = {name: _max_items(name) for name in ("actors", "claims", "hedges")}
    wanted = {"actors": sentences + 2, "claims": sentences + 2, "hedges": 2 * sentences + 2}
    return {name: min(bounds[name], wanted[name]) for name in bounds}


def _max_items(name: str) -> int:
    for constraint in Draft.model_fields[name].metadata:
        if isinstance(getattr(constraint, "max_length", None), int):
            return int(constraint.max_length)
    raise ValueError(f"Draft.{name} has no max_length")


def schema_for(mode: OutputMode, sentence_ids: list[str]) -> Schema:
    """The schema to send in `mode`, with sentence-id fields limited to the ids that exist and
    the lists capped for the article's length (a fresh copy: the caller may change it)."""
    # Rendering walks the whole schema (about 1 ms); articles of one length share the result.
    rendered: Schema = json.loads(_rendered(mode, tuple(sentence_ids)))
    return rendered


@lru_cache(maxsize=256)
def _rendered(mode: OutputMode, sentence_ids: tuple[str, ...]) -> str:
    return json.dumps(_render(mode, list(sentence_ids)))


def _render(mode: OutputMode, sentence_ids: list[str]) -> Schema:
    schema: Schema = json.loads(base_schema())
    for name, limit in list_limits(len(sentence_ids)).items():
        schema["properties"][name]["maxItems"] = limit
    defs = schema.pop("$defs", {})
    use_enum = 0 < len(sentence_ids) <= MAX_ENUM_IDS
    if mode == "json_schema":
        # Strict mode: nested models inlined, the id enum defined once and referenced.
        body: Schema = _strict(_inline(schema, defs, enum_ref=use_enum), drop=_STRICT_UNSUPPORTED)
        if use_enum:
            body["$defs"] = {"SentenceId": {"type": "string", "enum": list(sentence_ids)}}
        return body
    # llama.cpp's grammar takes the schema as it is, with everything inlined; it honours
    # maxLength, maxItems and enum, and skips keywords it does not know.
    body = _inline(schema, defs, enum_ref=False)
    if use_enum:
        body = _with_id_enum(body, sentence_ids)
    strict: Schema = _strict(body, drop={"title", "default"})
    return strict


def is_sentence_id_field(node: Schema) -> bool:
    return node.get("type") == "string" and node.get("pattern") == SENTENCE_ID_PATTERN


def _inline(node: Any, defs: Schema, *, enum_ref: bool) -> Any:
    if isinstance(node, list):
        return [_inline(item, defs, enum_ref=enum_ref) for item in node]
    if not isinstance(node, dict):
        return node
    if enum_ref and is_sentence_id_field(node):
        return {"$ref": _DEF + "SentenceId"}
    if "$ref" in node:
        target = copy.deepcopy(defs[node["$ref"].removeprefix(_DEF)])
        extra = {k: v for k, v in node.items() if k != "$ref"}
        return _inline({**target, **extra}, defs, enum_ref=enum_ref)
    return {key: _inline(value, defs, enum_ref=enum_ref) for key, value in node.items()}


def _with_id_enum(node: Any, ids: list[str]) -> Any:
    if isinstance(node, list):
        return [_with_id_enum(item, ids) for item in node]
    if not isinstance(node, dict):
        return node
    if is_sentence_id_field(node):
        return {"type": "string", "enum": list(ids), "description": node.get("description", "")}
    return {key: _with_id_enum(value, ids) for key, value in node.items()}


def _strict(node: Any, *, drop: set[str]) -> Any:
    """Every object closed with all its properties required; unsupported keywords dropped."""
    if isinstance(node, list):
        return [_strict(item, drop=drop) for item in node]
    if not isinstance(node, dict):
        return node
    out = {k: _strict(v, drop=drop) for k, v in node.items() if k not in drop}
    if "properties" in out:
        # The properties mapping itself holds field names, not keywords: keep every name.
        out["properties"] = {
            name: _strict(value, drop=drop) for name, value in node["properties"].items()
        }
        out["required"] = list(out["properties"])
        out["additionalProperties"] = False
    return out
