"""What one completion asks for, and how it is written in each structured-output form.

The forms a server may accept are tried in the order of `FORMS` (see `client.py`);
this module only says how a request looks in each, not which one to send.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Literal, TypedDict, get_args

StructuredOutput = Literal["auto", "json_schema", "json_object_schema", "json_object", "prompt"]
Form = Literal["json_schema", "json_object_schema", "json_object", "prompt"]
FORMS: tuple[Form, ...] = get_args(Form)


class Message(TypedDict):
    role: Literal["system", "user", "assistant"]
    content: str


@dataclass(frozen=True)
class Request:
    """What one completion asks for, whatever the form it is sent in."""

    messages: list[Message]
    schema: dict[str, Any]
    name: str
    temperature: float
    max_tokens: int
    tail: tuple[Message, ...] = ()  # a repair's bad reply and correction, after the prompt
    prompt_tokens: int | None = None  # measured or estimated; None: estimate from messages


def later(form: Form, than: Form | None) -> bool:
    return than is None or FORMS.index(form) > FORMS.index(than)


def response_format_for(form: Form, request: Request) -> dict[str, Any] | None:
    if form == "json_schema":
        schema = {"name": request.name, "schema": request.schema, "strict": True}
        return {"type": "json_schema", "json_schema": schema}
    if form == "json_object_schema":
        return {"type": "json_object", "schema": request.schema}
    if form == "json_object":
        return {"type": "json_object"}
    return None


def with_schema(messages: list[Message], schema: dict[str, Any]) -> list[Message]:
    """`messages` with the schema appended to the system message (one is added first
    when there is none: some chat templates refuse a second system message)."""
    note = (
        "Reply with only a JSON object that matches this JSON schema, with no other text:\n"
        + json.dumps(schema, ensure_ascii=False, separators=(",", ":"))
    )
    if messages and messages[0]["role"] == "system":
        first: Message = {"role": "system", "content": f"{messages[0]['content']}\n\n{note}"}
        return [first, *messages[1:]]
    return [{"role": "system", "content": note}, *messages]
