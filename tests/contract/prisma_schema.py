"""A parser for the subset of the Prisma schema language that prisma/schema.prisma uses.

Understood: `generator` and `datasource` blocks (`key = value` lines), and `model`
blocks holding scalar and relation fields (`?` and `[]` markers) with the field
attributes `@id`, `@unique`, `@default(...)`, `@db.X(...)` and `@relation(...)`,
and the block attributes `@@id`, `@@unique` and `@@index`. Comments are skipped.

Anything else (another kind of block, `@map`, `@updatedAt`, an unknown argument,
a stray line, an unclosed block, a type that is neither a scalar nor a model)
raises PrismaParseError naming the line: a contract check built on this parser
must never pass because it skipped what it could not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

SCALAR_TYPES = frozenset(
    {"String", "Boolean", "Int", "BigInt", "Float", "Decimal", "DateTime", "Json", "Bytes"}
)
REFERENTIAL_ACTIONS = frozenset({"Cascade", "Restrict", "NoAction", "SetNull", "SetDefault"})

_IDENT = r"[A-Za-z][A-Za-z0-9_]*"
_BLOCK_START = re.compile(rf"^(\w+)\s+({_IDENT})\s*\{{$")
_SETTING = re.compile(rf"^({_IDENT})\s*=\s*(.+)$")
_FIELD = re.compile(rf"^({_IDENT})\s+({_IDENT})(\[\]|\?)?(?:\s+(.*))?$")
_BLOCK_ATTRIBUTE = re.compile(r"^@@(\w+)\((.*)\)$")
_ATTRIBUTE_NAME = re.compile(rf"@((?:db\.)?{_IDENT})")
_KEYWORD_ARGUMENT = re.compile(rf"^({_IDENT})\s*:\s*(.+)$")
_STRING = re.compile(r'^"([^"\\]*)"$')


class PrismaParseError(ValueError):
    """schema.prisma holds something this parser does not understand."""


@dataclass(frozen=True)
class Relation:
    """The arguments of `@relation(...)`; a back-relation usually has none."""

    name: str | None = None
    fields: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    on_delete: str | None = None
    on_update: str | None = None
    map: str | None = None


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    optional: bool = False
    is_list: bool = False
    id: bool = False
    id_map: str | None = None
    unique: bool = False
    unique_map: str | None = None
    default: str | None = None  # the expression as written: "now()", "false", "0"
    native_type: str | None = None  # without the prefix: "Timestamptz(6)"
    relation: Relation | None = None

    @property
    def is_scalar(self) -> bool:
        return self.type in SCALAR_TYPES


@dataclass(frozen=True)
class BlockIndex:
    """`@@id`, `@@unique` or `@@index`."""

    kind: Literal["id", "unique", "index"]
    fields: tuple[str, ...]
    map: str | None = None
    name: str | None = None


@dataclass(frozen=True)
class Model:
    name: str
    fields: tuple[Field, ...]
    indexes: tuple[BlockIndex, ...] = ()

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)


@dataclass(frozen=True)
class PrismaSchema:
    generators: dict[str, dict[str, str]] = field(default_factory=dict)
    datasources: dict[str, dict[str, str]] = field(default_factory=dict)
    models: dict[str, Model] = field(default_factory=dict)


def load_prisma_schema(path: Path) -> PrismaSchema:
    return parse_prisma_schema(path.read_text(encoding="utf-8"))


def parse_prisma_schema(text: str) -> PrismaSchema:
    schema = PrismaSchema()
    block: tuple[str, str, int] | None = None  # kind, name, first line
    settings: dict[str, str] = {}
    fields: list[Field] = []
    indexes: list[BlockIndex] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = _strip_comment(raw).strip()
        if not line:
            continue
        try:
            if block is None:
                block = _open_block(line, schema, number)
                settings, fields, indexes = {}, [], []
            elif line == "}":
                _close_block(block, settings, fields, indexes, schema)
                block = None
            elif block[0] == "model":
                if line.startswith("@@"):
                    indexes.append(_parse_block_attribute(line))
                else:
                    new = _parse_field(line)
                    if any(f.name == new.name for f in fields):
                        raise PrismaParseError(f"field {new.name} defined twice")
                    fields.append(new)
            else:
                key, value = _parse_setting(line)
                if key in settings:
                    raise PrismaParseError(f"setting {key} given twice")
                settings[key] = value
        except PrismaParseError as error:
            raise PrismaParseError(f"line {number}: {error}: {raw.strip()!r}") from None
    if block is not None:
        raise PrismaParseError(f"line {block[2]}: {block[0]} {block[1]} is never closed")
    _check_types(schema)
    return schema


def _strip_comment(line: str) -> str:
    """The line without a `//` comment (`///` doc comments included), strings respected."""
    in_string = False
    for i, char in enumerate(line):
        if char == '"':
            in_string = not in_string
        elif not in_string and line.startswith("//", i):
            return line[:i]
    return line


def _open_block(line: str, schema: PrismaSchema, number: int) -> tuple[str, str, int]:
    match = _BLOCK_START.match(line)
    if not match:
        raise PrismaParseError("expected `generator|datasource|model NAME {`")
    kind, name = match.groups()
    if kind not in ("generator", "datasource", "model"):
        raise PrismaParseError(f"unsupported block kind {kind!r}")
    seen = {"generator": schema.generators, "datasource": schema.datasources}.get(
        kind, schema.models
    )
    if name in seen:
        raise PrismaParseError(f"{kind} {name} defined twice")
    return kind, name, number


def _close_block(
    block: tuple[str, str, int],
    settings: dict[str, str],
    fields: list[Field],
    indexes: list[BlockIndex],
    schema: PrismaSchema,
) -> None:
    kind, name, _ = block
    if kind == "generator":
        schema.generators[name] = settings
    elif kind == "datasource":
        schema.datasources[name] = settings
    else:
        schema.models[name] = Model(name=name, fields=tuple(fields), indexes=tuple(indexes))


def _parse_setting(line: str) -> tuple[str, str]:
    match = _SETTING.match(line)
    if not match:
        raise PrismaParseError("expected `key = value`")
    key, value = match.groups()
    string = _STRING.match(value.strip())
    return key, string.group(1) if string else value.strip()


def _parse_field(line: str) -> Field:
    match = _FIELD.match(line)
    if not match:
        raise PrismaParseError("expected a field `name Type[?|[]] @attributes...`")
    name, type_, marker, rest = match.groups()
    values: dict[str, object] = {
        "name": name,
        "type": type_,
        "optional": marker == "?",
        "is_list": marker == "[]",
    }
    for attribute, arguments in _split_attributes(rest or ""):
        positional, keywords = _parse_arguments(arguments or "")
        if attribute in ("id", "unique"):
            _expect(attribute, positional, keywords, positional_count=0, allowed={"map"})
            _set_once(values, attribute, True)
            values[f"{attribute}_map"] = _string(keywords["map"]) if "map" in keywords else None
        elif attribute == "default":
            _expect(attribute, positional, keywords, positional_count=1, allowed=set())
            _set_once(values, "default", positional[0])
        elif attribute.startswith("db."):
            native = attribute[3:] + (f"({', '.join(positional)})" if arguments is not None else "")
            if keywords:
                raise PrismaParseError(f"@{attribute} takes no named arguments")
            _set_once(values, "native_type", native)
        elif attribute == "relation":
            _set_once(values, "relation", _parse_relation(positional, keywords))
        else:
            raise PrismaParseError(f"unsupported attribute @{attribute}")
    result = Field(**values)  # type: ignore[arg-type]
    _check_field(result)
    return result


def _check_field(f: Field) -> None:
    scalar_only = ("id", "unique", "default", "native_type")
    if not f.is_scalar and any(getattr(f, a) not in (False, None) for a in scalar_only):
        raise PrismaParseError("a relation field carries a scalar attribute")
    if f.is_scalar and f.relation is not None:
        raise PrismaParseError("a scalar field carries @relation")


def _parse_relation(positional: list[str], keywords: dict[str, str]) -> Relation:
    _expect("relation", positional, keywords, positional_count=None, allowed=set(_RELATION_KEYS))
    if len(positional) > 1:
        raise PrismaParseError("@relation takes at most one positional argument (its name)")
    values: dict[str, object] = {"name": _string(positional[0]) if positional else None}
    for key, value in keywords.items():
        attribute = _RELATION_KEYS[key]
        if key in ("fields", "references"):
            values[attribute] = _identifier_list(value)
        elif key == "map":
            values[attribute] = _string(value)
        elif value in REFERENTIAL_ACTIONS:
            values[attribute] = value
        else:
            raise PrismaParseError(f"{key}: {value!r} is not a referential action")
    return Relation(**values)  # type: ignore[arg-type]


_RELATION_KEYS = {
    "fields": "fields",
    "references": "references",
    "onDelete": "on_delete",
    "onUpdate": "on_update",
    "map": "map",
}


def _parse_block_attribute(line: str) -> BlockIndex:
    match = _BLOCK_ATTRIBUTE.match(line)
    if not match or match.group(1) not in ("id", "unique", "index"):
        raise PrismaParseError("unsupported block attribute (only @@id, @@unique, @@index)")
    kind, arguments = match.groups()
    positional, keywords = _parse_arguments(arguments)
    allowed = {"map"} if kind == "index" else {"map", "name"}
    _expect(f"@{kind}", positional, keywords, positional_count=1, allowed=allowed)
    return BlockIndex(
        kind=kind,  # type: ignore[arg-type]
        fields=_identifier_list(positional[0]),
        map=_string(keywords["map"]) if "map" in keywords else None,
        name=_string(keywords["name"]) if "name" in keywords else None,
    )


def _split_attributes(text: str) -> list[tuple[str, str | None]]:
    """`@id @default(now()) @db.Timestamptz(6)` -> [(id, None), (default, "now()"), ...]."""
    attributes: list[tuple[str, str | None]] = []
    position = 0
    while position < len(text):
        if text[position].isspace():
            position += 1
            continue
        match = _ATTRIBUTE_NAME.match(text, position)
        if not match or text.startswith("@@", position):
            raise PrismaParseError(f"expected a field attribute at {text[position:]!r}")
        position = match.end()
        arguments = None
        if position < len(text) and text[position] == "(":
            end = _closing_parenthesis(text, position)
            arguments, position = text[position + 1 : end], end + 1
        attributes.append((match.group(1), arguments))
    return attributes


def _closing_parenthesis(text: str, start: int) -> int:
    depth, in_string = 0, False
    for i in range(start, len(text)):
        char = text[i]
        if char == '"':
            in_string = not in_string
        elif not in_string and char in "([":
            depth += 1
        elif not in_string and char in ")]":
            depth -= 1
            if depth == 0:
                return i
    raise PrismaParseError("unbalanced parentheses")


def _parse_arguments(text: str) -> tuple[list[str], dict[str, str]]:
    """Top-level comma-separated arguments: positional values and `key: value` pairs."""
    positional: list[str] = []
    keywords: dict[str, str] = {}
    parts, depth, in_string, current = [], 0, False, ""
    for char in text:
        if char == '"':
            in_string = not in_string
        elif not in_string and char in "([":
            depth += 1
        elif not in_string and char in ")]":
            depth -= 1
        if char == "," and depth == 0 and not in_string:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    for part in (p.strip() for p in parts):
        if not part:
            if text.strip():
                raise PrismaParseError("empty argument")
            continue
        keyword = _KEYWORD_ARGUMENT.match(part)
        if keyword:
            if keyword.group(1) in keywords:
                raise PrismaParseError(f"argument {keyword.group(1)} given twice")
            keywords[keyword.group(1)] = keyword.group(2).strip()
        elif keywords:
            raise PrismaParseError("positional argument after a named one")
        else:
            positional.append(part)
    return positional, keywords


def _expect(
    attribute: str,
    positional: list[str],
    keywords: dict[str, str],
    *,
    positional_count: int | None,
    allowed: set[str],
) -> None:
    if positional_count is not None and len(positional) != positional_count:
        raise PrismaParseError(f"@{attribute} takes {positional_count} positional argument(s)")
    unknown = sorted(keywords.keys() - allowed)
    if unknown:
        raise PrismaParseError(f"@{attribute}: unsupported argument(s) {', '.join(unknown)}")


def _set_once(values: dict[str, object], key: str, value: object) -> None:
    if key in values:
        raise PrismaParseError(f"{key} given twice")
    values[key] = value


def _string(value: str) -> str:
    match = _STRING.match(value)
    if not match:
        raise PrismaParseError(f"expected a plain string literal, got {value!r}")
    return match.group(1)


def _identifier_list(value: str) -> tuple[str, ...]:
    value = value.strip()
    if not (value.startswith("[") and value.endswith("]")):
        raise PrismaParseError(f"expected a list of field names, got {value!r}")
    names = tuple(name.strip() for name in value[1:-1].split(","))
    if not all(re.fullmatch(_IDENT, name) for name in names):
        raise PrismaParseError(f"expected plain field names (no per-field options), got {value!r}")
    return names


def _check_types(schema: PrismaSchema) -> None:
    for model in schema.models.values():
        for f in model.fields:
            if not f.is_scalar and f.type not in schema.models:
                raise PrismaParseError(
                    f"model {model.name}: field {f.name} has unknown type {f.type!r} "
                    "(neither a supported scalar nor a model)"
                )
