"""How the taxonomy writes its aliases down and compiles them: keys that ignore
spacing (and case, where asked), the YAML's lists of strings, and the character trie
that turns every alias into one regex.

Shared by the skills matcher (`skills.py`) and the title index (`__init__.py`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any


class TaxonomyError(ValueError):
    """A taxonomy YAML file is malformed; the message names the file and the entry."""


SPACE_CHARS = " \t\n\r\f\v\u00a0-\u2010\u2011"
SPACE_RE = "[\\s\\-\u2010\u2011]+"
_SPACES = re.compile(SPACE_RE)


def alias_key(text: str, *, lower: bool) -> str:
    key = _SPACES.sub(" ", text).strip()
    return key.lower() if lower else key


def string_list(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise TaxonomyError(f"{where}: expected a list of non-empty strings, got {value!r}")
    return tuple(v.strip() for v in value)


def alias_tokens(alias: str, *, lower: bool) -> tuple[str, ...]:
    out: list[str] = []
    for ch in alias.lower() if lower else alias:
        if ch in SPACE_CHARS:
            if out and out[-1] != " ":
                out.append(" ")
        else:
            out.append(ch)
    return tuple(out)


def trie_pattern(aliases: Iterable[tuple[str, ...]]) -> str:
    root: dict[str, Any] = {}
    for toks in aliases:
        node = root
        for tok in toks:
            node = node.setdefault(tok, {})
        node[""] = {}
    return _node_pattern(root)


def _node_pattern(node: dict[str, Any]) -> str:
    branches = [
        (SPACE_RE if tok == " " else re.escape(tok)) + _node_pattern(child)
        for tok, child in sorted(node.items())
        if tok
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
