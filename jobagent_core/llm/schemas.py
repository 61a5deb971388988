"""JSON schema for structured output, built from a pydantic model.

OpenAI's strict mode (and the constrained decoders behind Ollama, vLLM and
llama.cpp) accept a subset of JSON schema: every object closed
(`additionalProperties: false`) with all its properties required, optional
fields expressed as nullable, no length or numeric constraints. We send that
subset and keep the pydantic model as the source of truth: constraints dropped
here are still checked when the reply is validated (and repaired if broken).
"""

from __future__ import annotations

import functools
from typing import Any

from pydantic import BaseModel

from jobagent_core.llm.errors import UnsupportedSchema

# Keywords every strict-mode implementation we target understands. The rest
# (minLength, maximum, pattern, format, default, examples...) is left to pydantic.
_KEPT = frozenset({"type", "properties", "items", "anyOf", "enum", "description", "title", "$ref"})
_DEFS = "#/$defs/"


def strict_json_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The strict-mode JSON schema for `model`'s validation shape.

    References are inlined, except recursive ones, which stay under `$defs`.
    Raises `UnsupportedSchema` for shapes strict mode cannot express: mappings
    (`dict[str, X]`), untyped fields (`Any`), tuples.
    """
    raw = model.model_json_schema(mode="validation")
    return _Strictifier(raw.pop("$defs", {})).run(raw, model.__name__)


class _Strictifier:
    def __init__(self, defs: dict[str, Any]) -> None:
        self.defs = defs
        self.kept: dict[str, dict[str, Any] | None] = {}  # recursive defs, None until built

    def run(self, root: dict[str, Any], name: str) -> dict[str, Any]:
        schema = self.node(root, name, ())
        while pending := [n for n, built in self.kept.items() if built is None]:
            for def_name in pending:
                self.kept[def_name] = self.node(self.defs[def_name], def_name, (def_name,))
        if self.kept:
            schema["$defs"] = {n: s for n, s in sorted(self.kept.items()) if s is not None}
        return schema

    def node(self, schema: dict[str, Any], path: str, stack: tuple[str, ...]) -> dict[str, Any]:
        if "$ref" in schema:
            return self.ref(schema, path, stack)
        if "allOf" in schema:
            parts = schema["allOf"]
            if len(parts) != 1:
                raise UnsupportedSchema(f"{path}: allOf with several parts is not supported")
            merged = {k: v for k, v in schema.items() if k != "allOf"} | parts[0]
            return self.node(merged, path, stack)

        out: dict[str, Any] = {}
        for key, value in schema.items():
            if key == "properties":
                out[key] = {k: self.node(v, f"{path}.{k}", stack) for k, v in value.items()}
            elif key == "items":
                out[key] = self.node(value, f"{path}[]", stack)
            elif key in ("anyOf", "oneOf"):  # oneOf (tagged unions) reads as anyOf here
                out["anyOf"] = [self.node(v, path, stack) for v in value]
            elif key == "const":
                out["enum"] = [value]
            elif key in _KEPT:
                out[key] = value
        return self.checked(out, schema, path)

    def ref(self, schema: dict[str, Any], path: str, stack: tuple[str, ...]) -> dict[str, Any]:
        ref: str = schema["$ref"]
        if not ref.startswith(_DEFS):
            raise UnsupportedSchema(f"{path}: unexpected reference {ref}")
        name = ref.removeprefix(_DEFS)
        if name in stack:  # recursion: keep the reference, build the definition once
            self.kept.setdefault(name, None)
            return {"$ref": ref}
        siblings = {k: v for k, v in schema.items() if k != "$ref"}
        return self.node(self.defs[name] | siblings, path, (*stack, name))

    @staticmethod
    def checked(out: dict[str, Any], schema: dict[str, Any], path: str) -> dict[str, Any]:
        kind = out.get("type")
        if kind == "object" or "properties" in out:
            if "properties" not in out and schema.get("additionalProperties") not in (None, False):
                raise UnsupportedSchema(
                    f"{path}: a mapping (dict) has no fixed keys, which strict JSON schema "
                    "cannot express; use a list of small models instead"
                )
            out.setdefault("properties", {})
            out["required"] = list(out["properties"])
            out["additionalProperties"] = False
        elif kind == "array" and "items" not in out:
            raise UnsupportedSchema(f"{path}: use list[...] rather than a tuple")
        elif not ({"type", "anyOf", "enum", "$ref"} & out.keys()):
            raise UnsupportedSchema(f"{path}: the field has no type (Any?); give it one")
        return out


# --- how many tokens a reply may need ---------------------------------------------------

# Rough token counts for values without a stated bound: a phrase or a sentence for a
# string, a handful of entries for a list. The estimate is a ceiling for `max_tokens`,
# generous on purpose: too small cuts a reply off (a repair round-trip), too large only
# lets a derailed model ramble longer.
_STRING_TOKENS = 40
_LIST_ITEMS = 6
_MAX_LIST_ITEMS = 50
MIN_REPLY_TOKENS = 256


@functools.cache
def reply_token_estimate(model: type[BaseModel]) -> int:
    """A generous `max_tokens` for a reply matching `model` (at least 256, a
    multiple of 64), sized from its fields, lists and stated lengths."""
    raw = model.model_json_schema(mode="validation")
    tokens = _size(raw, raw.get("$defs", {}), 0)
    padded = tokens * 1.5 + 64
    return max(MIN_REPLY_TOKENS, -(-int(padded) // 64) * 64)


def _size(schema: dict[str, Any], defs: dict[str, Any], depth: int) -> int:
    if "$ref" in schema:
        if depth > 4:  # recursive models: count a few levels
            return 16
        return _size(defs.get(schema["$ref"].removeprefix(_DEFS), {}), defs, depth + 1)
    if "allOf" in schema:
        return sum(_size(part, defs, depth) for part in schema["allOf"])
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return max((_size(option, defs, depth) for option in schema[key]), default=4)
    if "enum" in schema or "const" in schema:
        return 4
    kind = schema.get("type")
    if isinstance(kind, list):
        return max((_size({**schema, "type": k}, defs, depth) for k in kind), default=4)
    if kind == "string":
        bound = schema.get("maxLength")
        return min(int(bound), 1200) // 4 + 2 if bound is not None else _STRING_TOKENS
    if kind in ("integer", "number"):
        return 4
    if kind in ("boolean", "null"):
        return 2
    if kind == "array":
        items = schema.get("maxItems", max(schema.get("minItems", 0), _LIST_ITEMS))
        item = _size(schema.get("items", {}), defs, depth)
        return min(int(items), _MAX_LIST_ITEMS) * (item + 1) + 2
    if kind == "object" or "properties" in schema:
        fields = schema.get("properties", {})
        total = sum(len(k) // 4 + 3 + _size(v, defs, depth) for k, v in fields.items())
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict):
            total += _LIST_ITEMS * (_size(extra, defs, depth) + 6)
        return total + 2
    return 16
