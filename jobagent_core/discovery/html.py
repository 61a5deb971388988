"""HTML helpers every source shares: readable text, safe HTML, JSON-LD JobPosting.

All three walk the DOM that selectolax (lexbor) builds; none of them raises for
bad markup: the HTML parser repairs what it can, and what it cannot read gives
an empty string (or None for JSON-LD).
"""

from __future__ import annotations

import html as html_lib
import json
import re
from collections.abc import Iterator
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

# Removed with everything inside them, by both html_to_text and sanitize_html.
_DROP = frozenset(
    {
        "script", "style", "noscript", "template", "head", "title", "meta", "link", "base",
        "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input", "button",
        "select", "option", "textarea", "svg", "math", "canvas", "audio", "video", "source",
        "track", "picture", "img", "map", "dialog",
    }
)  # fmt: skip
# Elements that start and end a line of text.
_BLOCK = frozenset(
    {
        "p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "h1",
        "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead",
        "tbody", "tfoot", "tr", "blockquote", "pre", "figure", "figcaption", "address",
        "hr", "details", "summary", "center", "fieldset", "caption",
    }
)  # fmt: skip
_PARAGRAPH = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote", "pre"})
_CELL = frozenset({"td", "th"})

# What sanitize_html keeps. Tags not listed are unwrapped (their text stays).
_ALLOWED_TAGS = frozenset(
    {
        "p", "br", "hr", "ul", "ol", "li", "dl", "dt", "dd", "strong", "b", "em", "i", "u",
        "s", "sub", "sup", "small", "mark", "code", "pre", "blockquote", "h1", "h2", "h3",
        "h4", "h5", "h6", "a", "table", "thead", "tbody", "tfoot", "tr", "th", "td",
        "caption", "span", "div",
    }
)  # fmt: skip
_VOID = frozenset({"br", "hr"})
_ALLOWED_ATTRS: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "title"}),
    "th": frozenset({"colspan", "rowspan"}),
    "td": frozenset({"colspan", "rowspan"}),
    "ol": frozenset({"start"}),
}
_SAFE_URL = re.compile(r"^(?:https?:|mailto:|tel:|/|#)", re.IGNORECASE)
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]+")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u200b]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def _parse(html: str) -> LexborHTMLParser:
    # Job boards sometimes hand out HTML that is itself HTML-escaped (Greenhouse's
    # `content`): "&lt;p&gt;Hello&lt;/p&gt;". Unescape once when there is no real tag.
    if "<" not in html and "&lt;" in html:
        html = html_lib.unescape(html)
    return LexborHTMLParser(html)


def _events(root: LexborNode) -> Iterator[tuple[bool, LexborNode]]:
    """Depth-first (entering, node) pairs without recursion: deep markup cannot
    exhaust the Python stack."""
    stack: list[tuple[bool, LexborNode]] = [(True, root)]
    while stack:
        entering, node = stack.pop()
        yield entering, node
        if not entering or not node.is_element_node or node.tag in _DROP:
            continue
        stack.append((False, node))
        children: list[LexborNode] = []
        child = node.first_child
        while child is not None:
            children.append(child)
            child = child.next
        stack.extend((True, c) for c in reversed(children))


class _TextWriter:
    """Accumulates text, turning block boundaries into at most one blank line."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.breaks = 0  # line breaks owed before the next text
        self.line_start = True
        self.space = False  # a space is owed before the next word
        self.prefix = ""  # a bullet owed at the start of the next text
        self.cell = False  # a cell separator owed before the next text

    def block(self, breaks: int) -> None:
        self.breaks = max(self.breaks, breaks)
        self.cell = False

    def hard_break(self) -> None:
        self.breaks = min(self.breaks + 1, 2)

    def write(self, value: str, *, verbatim: bool = False) -> None:
        if not verbatim:
            value = _SPACES.sub(" ", value.replace("\n", " "))
            if not value.strip():
                self.space = self.space or bool(value)
                return
        if self.parts and self.breaks:
            self.parts.append("\n" * self.breaks)
            self.line_start = True
        self.breaks = 0
        if self.prefix:
            self.parts.append(self.prefix)
            self.prefix, self.line_start = "", True
        elif self.cell and not self.line_start:
            self.parts.append(" | ")
            self.line_start = True
        self.cell = False
        if not verbatim:
            if (self.space or value[0] == " ") and not self.line_start:
                self.parts.append(" ")
            self.space = value[-1] == " "
            value = value.strip()
        self.parts.append(value)
        self.line_start = value.endswith("\n")

    def text(self) -> str:
        lines = [line.rstrip() for line in "".join(self.parts).split("\n")]
        return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def html_to_text(html: str) -> str:
    """Readable plain text from an HTML fragment or page.

    Block elements become line breaks, paragraphs and headings are separated by a
    blank line, list items become "- " bullets (indented two spaces per nesting
    level), table cells are separated by " | ", entities are decoded, scripts and
    styles are dropped. Returns "" for empty input.
    """
    if not html or not html.strip():
        return ""
    parser = _parse(html)
    root = parser.body or parser.root
    if root is None:
        return ""
    writer = _TextWriter()
    pre_depth = list_depth = 0
    for entering, node in _events(root):
        if node.is_text_node:
            writer.write(node.text_content or "", verbatim=pre_depth > 0)
            continue
        tag = node.tag or ""
        if not node.is_element_node or tag in _DROP or node is root:
            continue
        if tag == "pre":
            pre_depth += 1 if entering else -1
        elif tag in {"ul", "ol"}:
            list_depth += 1 if entering else -1
        if tag == "br":
            if entering:
                writer.hard_break()
        elif tag in _BLOCK:
            writer.block(2 if tag in _PARAGRAPH else 1)
            if entering and tag == "li":
                writer.prefix = "  " * max(0, list_depth - 1) + "- "
            elif not entering and tag == "li":
                writer.prefix = ""
        elif tag in _CELL and not entering:
            writer.cell = True
    return writer.text()


def _attr_value(tag: str, name: str, value: str) -> str | None:
    if name == "href":
        cleaned = _URL_NOISE.sub("", html_lib.unescape(value))
        return cleaned if _SAFE_URL.match(cleaned) else None
    if name in {"colspan", "rowspan", "start"}:
        return value if value.isdigit() and len(value) <= 4 else None
    return value[:300]


def sanitize_html(html: str) -> str:
    """HTML that is safe to render inside our pages.

    Keeps an allow-list of formatting tags (paragraphs, headings, lists, emphasis,
    tables, links) and attributes (`href` with http/https/mailto/tel or relative
    URLs, `title`, table spans). Scripts, styles, frames, forms, media and comments
    are removed with their content; any other tag is unwrapped (its text stays);
    every `on*` handler, `style`, `class`, `id` and `javascript:` URL is dropped.
    Links get `rel="nofollow noopener noreferrer"`. Returns "" for empty input.
    """
    if not html or not html.strip():
        return ""
    parser = _parse(html)
    root = parser.body or parser.root
    if root is None:
        return ""
    out: list[str] = []
    for entering, node in _events(root):
        if node.is_text_node:
            out.append(html_lib.escape(node.text_content or "", quote=False))
            continue
        tag = node.tag or ""
        if node is root or not node.is_element_node or tag not in _ALLOWED_TAGS:
            continue
        if not entering:
            if tag not in _VOID:
                out.append(f"</{tag}>")
            continue
        attrs: list[str] = []
        allowed = _ALLOWED_ATTRS.get(tag, frozenset())
        for name, value in node.attributes.items():
            name = name.lower()
            if name not in allowed or value is None:
                continue
            clean = _attr_value(tag, name, value)
            if clean is not None:
                attrs.append(f' {name}="{html_lib.escape(clean, quote=True)}"')
        if tag == "a":
            attrs.append(' rel="nofollow noopener noreferrer"')
        out.append(f"<{tag}{''.join(attrs)}>")
    return "".join(out).strip()


def _find_jobposting(data: Any, depth: int = 0) -> dict[str, Any] | None:
    if depth > 8:
        return None
    if isinstance(data, list):
        for item in data:
            found = _find_jobposting(item, depth + 1)
            if found is not None:
                return found
        return None
    if not isinstance(data, dict):
        return None
    kind = data.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    if any(isinstance(k, str) and k.split("/")[-1].lower() == "jobposting" for k in kinds):
        return data
    for key in ("@graph", "mainEntity", "itemListElement", "item"):
        if key in data:
            found = _find_jobposting(data[key], depth + 1)
            if found is not None:
                return found
    return None


def jobposting_from_jsonld(html: str) -> dict[str, Any] | None:
    """The first schema.org `JobPosting` object found in the page's JSON-LD
    (`<script type="application/ld+json">`, including inside `@graph` lists).

    Returns the object as published (keys like `title`, `description`,
    `hiringOrganization`, `jobLocation`, `datePosted`, `baseSalary`), or None
    when the page has none or its JSON cannot be read.
    """
    if not html or "ld+json" not in html.lower():
        return None
    parser = LexborHTMLParser(html)
    for script in parser.css("script"):
        kind = (script.attributes.get("type") or "").split(";")[0].strip().lower()
        if kind != "application/ld+json":
            continue
        raw = (script.text(deep=True) or "").strip()
        if raw.startswith("<!--"):
            raw = raw.removeprefix("<!--").removesuffix("-->").strip()
        try:
            data = json.loads(raw, strict=False)
        except ValueError:
            continue
        found = _find_jobposting(data)
        if found is not None:
            return found
    return None
