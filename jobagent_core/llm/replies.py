"""Reading a model's reply: its text, the JSON in it, and whether it fits the schema.

Pure functions over text and pydantic models, apart from the HTTP exchange: they
decide whether a reply is usable and, when it is not, say why in a short line that
goes back to the model in a repair (never the offending values).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from jobagent_core.llm.request import Form
from jobagent_core.llm.usage import Usage

_FENCE = re.compile(r"```(?:json|JSON)?\s*\n?(.*?)```", re.DOTALL)
_THINKING = re.compile(r"^\s*<think>.*?</think>", re.DOTALL)

T = TypeVar("T", bound=BaseModel)


@dataclass(frozen=True)
class Reply:
    text: str | None
    refusal: str | None
    usage: Usage
    finish_reason: str | None = None
    form: Form = "json_schema"


def excerpt_of(text: str, limit: int) -> str:
    """`text` without a leading <think> block, its middle cut to fit `limit` characters."""
    text = _THINKING.sub("", text).strip() if text.lstrip().startswith("<think>") else text
    if len(text) <= limit:
        return text
    if limit < 80:
        return text[: max(0, limit)]
    marker = f"\n[… {len(text) - limit} characters left out …]\n"
    head = (limit - len(marker)) * 2 // 3
    tail = limit - len(marker) - head
    return text[:head] + marker + (text[-tail:] if tail > 0 else "")


def extract_json(text: str) -> Any:
    """The JSON value in a model's reply, tolerating ``` fences, a leading
    <think> block, text before or after the object, and raw line breaks or tabs
    inside strings (small models under a grammar write them). Raises ValueError."""
    text = _THINKING.sub("", text).strip()
    decoder = json.JSONDecoder(strict=False)
    for candidate in (text, *(m.group(1).strip() for m in _FENCE.finditer(text))):
        try:
            return decoder.decode(candidate)
        except ValueError:
            pass
    first_error: ValueError | None = None
    for start in [m.start() for m in re.finditer(r"[{\[]", text)][:20]:
        try:
            return decoder.raw_decode(text, start)[0]
        except ValueError as err:
            first_error = first_error or err
    raise first_error or ValueError("no JSON object in the reply")


# Control characters other than line breaks and tabs, and lone surrogates: no letter
# needs them, PostgreSQL refuses NUL in text and DOCX (XML) refuses all of them.
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def _printable(value: Any) -> Any:
    """`value` (parsed JSON) with unprintable characters removed from every string."""
    if isinstance(value, str):
        return _UNPRINTABLE.sub("", value)
    if isinstance(value, list):
        return [_printable(v) for v in value]
    if isinstance(value, dict):
        return {_printable(k): _printable(v) for k, v in value.items()}
    return value


def parse_reply(reply: Reply, model: type[T]) -> tuple[T | None, str]:
    """The validated object and "", or None and a short description of what is wrong."""
    if reply.refusal:
        return None, f"the model refused: {shorten(reply.refusal)}"
    if not reply.text or not reply.text.strip():
        return None, "the reply was empty"
    try:
        data = _printable(extract_json(reply.text))
    except ValueError as err:
        return None, f"not valid JSON ({shorten(str(err))})"
    try:
        return model.model_validate(data), ""
    except ValidationError as err:
        return None, describe_validation_error(err)


def describe_validation_error(err: ValidationError, *, limit: int = 3) -> str:
    """A few 'field: problem' lines, without the offending values (they may be
    long document text)."""
    problems = []
    for e in err.errors(include_input=False, include_url=False)[:limit]:
        where = ".".join(str(p) for p in e["loc"]) or "reply"
        problems.append(f"{where}: {e['msg']}")
    more = err.error_count() - limit
    suffix = f"; and {more} more" if more > 0 else ""
    return "does not match the schema (" + "; ".join(problems) + suffix + ")"


def text_of(content: Any) -> str | None:
    if isinstance(content, list):  # some servers send content parts
        return "".join(p.get("text", "") for p in content if isinstance(p, dict)) or None
    return content if isinstance(content, str) else None


def shorten(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
