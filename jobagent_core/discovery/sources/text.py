"""A board's text made fit for a posting: one-line values (entities decoded,
whitespace collapsed), descriptions given as HTML or plain text (sanitised and
size-capped, boilerplate trimmed first), and company names from board slugs."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from jobagent_core.discovery.description_fit import fit_description
from jobagent_core.discovery.html import boilerplate_texts, html_to_text, sanitize_html

# A job ad is a few thousand characters; anything far beyond is noise or abuse.
# Cut before parsing so a 5 MB description costs milliseconds, not memory.
MAX_HTML_CHARS = 200_000
MAX_TEXT_CHARS = 60_000
TRUNCATION_MARK = " […]"

_WS = re.compile(r"\s+")


def plain(value: str | None) -> str:
    """One line of text: HTML entities decoded, whitespace collapsed."""
    return _WS.sub(" ", html.unescape(value or "")).strip()


def strip_tags(value: str | None) -> str:
    """One line of text from a fragment that may carry markup (`<strong>` highlights)."""
    if not value:
        return ""
    return _WS.sub(" ", html_to_text(value) if "<" in value else html.unescape(value)).strip()


def company_from_slug(slug: str) -> str:
    """A readable company name from a board slug when the API does not give one."""
    return slug.replace("-", " ").replace("_", " ").replace(".", " ").title()


def optional(value: str | None, max_length: int = 300) -> str | None:
    text = plain(value)[:max_length]
    return text or None


def describe_html(raw: str | None, *, keep: Iterable[str] = ()) -> tuple[str, str | None]:
    """(plain text, sanitised HTML) of a description given as HTML, both size-capped.

    Text over `MAX_TEXT_CHARS` loses boilerplate before the role's text (see
    `cap_text`); `keep` names HTML fragments that must survive (a board's
    requirement lists), and blocks the board marks as boilerplate (Greenhouse's
    `content-intro` / `content-conclusion`) go first."""
    if not raw or not raw.strip():
        return "", None
    cut = len(raw) > MAX_HTML_CHARS
    if cut:
        raw = raw[:MAX_HTML_CHARS]
    safe = sanitize_html(raw)
    text = html_to_text(safe)
    if len(text) > MAX_TEXT_CHARS:
        text = cap_text(
            text,
            keep=[html_to_text(fragment) for fragment in keep],
            drop=boilerplate_texts(raw),
        )
    if cut:
        text = text if text.endswith(TRUNCATION_MARK) else text + TRUNCATION_MARK
    return text, safe or None


def describe_text(raw: str | None) -> str:
    """A plain-text description, entities decoded, line breaks kept, size-capped."""
    if not raw:
        return ""
    return cap_text(html.unescape(raw).strip())


def cap_text(text: str, *, keep: Iterable[str] = (), drop: Iterable[str] = ()) -> str:
    """`text` fitted into `MAX_TEXT_CHARS`: repeated and boilerplate paragraphs (EEO,
    privacy, benefits, "About us") go first, then the tails of the longest sections
    other than the role's requirements / responsibilities / qualifications; trimmed
    sections are marked. `keep` / `drop`: texts whose paragraphs must stay / go first."""
    if len(text) <= MAX_TEXT_CHARS:
        return text
    return fit_description(text, MAX_TEXT_CHARS, keep=keep, drop=drop, mark=TRUNCATION_MARK)
