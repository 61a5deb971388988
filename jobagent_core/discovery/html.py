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

import nh3
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
_ALLOWED_ATTRS: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "title"}),
    "th": frozenset({"colspan", "rowspan"}),
    "td": frozenset({"colspan", "rowspan"}),
    "ol": frozenset({"start"}),
}
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
    if name in {"colspan", "rowspan", "start"}:
        return value if value.isdigit() and len(value) <= 4 else None
    return value[:300]


def sanitize_html(html: str) -> str:
    """HTML that is safe to render inside our pages (ammonia, through nh3).

    Keeps an allow-list of formatting tags (paragraphs, headings, lists, emphasis,
    tables, links) and attributes (`href` with http/https/mailto/tel or relative
    URLs, `title`, table spans). Scripts, styles, frames, forms, media and comments
    are removed with their content; any other tag is unwrapped (its text stays);
    every `on*` handler, `style`, `class`, `id` and `javascript:` URL is dropped.
    Links get `rel="nofollow noopener noreferrer"`. Returns "" for empty input.
    """
    if not html or not html.strip():
        return ""
    return nh3.clean(
        html,
        tags=set(_ALLOWED_TAGS),
        clean_content_tags=set(_DROP),
        attributes={tag: set(names) for tag, names in _ALLOWED_ATTRS.items()},
        attribute_filter=_attr_value,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="nofollow noopener noreferrer",
        strip_comments=True,
    ).strip()


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


def find_jobposting(data: Any) -> dict[str, Any] | None:
    """The first schema.org `JobPosting` object in parsed JSON-LD (an object, a list,
    an `@graph`), or None."""
    return _find_jobposting(data)


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


# -- marked blocks: pay transparency and board boilerplate ------------------------------

# Greenhouse renders the structured pay range into `content` as
# <div class="content-pay-transparency"><div class="pay-range">…</div></div>; other boards
# and career sites use similar class names.
_PAY_CLASS = re.compile(r"pay[-_]?(?:transparency|range|input)|salary|compensation", re.I)
# Text a board adds to every job of a company: Greenhouse's board-wide intro and
# conclusion (the company blurb, EEO and privacy notes), or blocks marked as such.
_BOILERPLATE_CLASS = re.compile(
    r"^(?:content-intro|content-conclusion|eeo[-\w]*|equal-opportunity[-\w]*|privacy[-\w]*"
    r"|disclaimer|legal[-\w]*|boilerplate)$",
    re.I,
)


def _classed_texts(html: str, pattern: re.Pattern[str], *, outermost: bool = True) -> list[str]:
    if not html or "class" not in html:
        return []
    parser = _parse(html)
    root = parser.body or parser.root
    if root is None:
        return []
    found: list[str] = []
    for node in root.css("[class]"):
        classes = (node.attributes.get("class") or "").split()
        if not any(pattern.search(c) for c in classes):
            continue
        if outermost and _inside_match(node, pattern):
            continue
        text = html_to_text(node.html or "")
        if text:
            found.append(text)
    return found


def _inside_match(node: LexborNode, pattern: re.Pattern[str]) -> bool:
    parent = node.parent
    while parent is not None and parent.tag not in ("body", "html", None):
        classes = (parent.attributes.get("class") or "").split()
        if any(pattern.search(c) for c in classes):
            return True
        parent = parent.parent
    return False


def pay_block_text(html: str) -> str:
    """The text of the description's pay-transparency blocks (Greenhouse's
    `content-pay-transparency`, `pay-range`, `salary`… classes), "" when there are none."""
    return "\n".join(_classed_texts(html, _PAY_CLASS))


def boilerplate_texts(html: str) -> list[str]:
    """The texts of blocks a board marks as repeated company text (Greenhouse's
    `content-intro` / `content-conclusion`, `eeo`, `privacy`, `disclaimer` classes)."""
    return _classed_texts(html, _BOILERPLATE_CLASS)
