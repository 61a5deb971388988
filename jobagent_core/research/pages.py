"""Reading a company's HTML page: its links to the about and careers pages, its
main readable text, its title, and its text decoded from the declared or sniffed
character set."""

from __future__ import annotations

import codecs
import logging
import re
from typing import Literal
from urllib.parse import unquote

import httpx
from selectolax.lexbor import LexborHTMLParser

from jobagent_core.discovery.html import html_to_text
from jobagent_core.discovery.places import words

log = logging.getLogger(__name__)

MAX_TEXT_CHARS = 20_000  # of readable text kept per page

PageKind = Literal["home", "about", "careers"]


# Words naming a page outright, and broader ones that only point towards it.
_LINK_WORDS: tuple[tuple[PageKind, re.Pattern[str], re.Pattern[str]], ...] = (
    (
        "about",
        re.compile(
            r"\b(?:about|about us|uber uns|ueber uns|who we are|wer wir sind|das sind wir"
            r"|a propos|qui sommes nous|sobre nosotros|quienes somos|chi siamo|over ons)\b"
        ),
        re.compile(r"\b(?:company|unternehmen|our story|mission|entreprise|empresa)\b"),
    ),
    (
        "careers",
        re.compile(
            r"\b(?:careers?|karriere|jobs?|stellen\w*|join us|join our team|work with us"
            r"|carrieres?|emplois?|empleo|trabaja con nosotros|lavora con noi|vacatures"
            r"|werken bij|open positions)\b"
        ),
        re.compile(r"\b(?:hiring|join|team|talent|recruiting)\b"),
    ),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def _same_site(host: str, site: str) -> bool:
    return host == site or host.endswith("." + site)


def _link_score(text: str, path: str, strong: re.Pattern[str], weak: re.Pattern[str]) -> int:
    if strong.search(text):
        return 4
    if weak.search(text):
        return 3
    if strong.search(path):
        return 2
    return 1 if weak.search(path) else 0


def discover_links(html: str, base_url: str) -> dict[PageKind, str]:
    """The homepage's links to its "about" and "careers" pages (same site only).

    A link whose text names the page ("Über uns", "Careers") wins over one whose
    text only points towards it ("Company"), which wins over one whose path does
    ("/ueber-uns", "/team"); the first such link wins a tie.
    """
    base = httpx.URL(base_url)
    site = base.host.removeprefix("www.")
    best: dict[PageKind, tuple[int, str]] = {}
    for anchor in LexborHTMLParser(html).css("a[href]"):
        href = (anchor.attributes.get("href") or "").strip()
        if not href or href.startswith(("#", "mailto:", "tel:", "javascript:", "data:")):
            continue
        try:
            target = base.join(href).copy_with(fragment=None)
        except (httpx.InvalidURL, ValueError):
            continue
        if target.scheme not in ("http", "https") or not _same_site(target.host, site):
            continue
        if target.path.rstrip("/") == base.path.rstrip("/") and target.host == base.host:
            continue
        text = words(anchor.text(deep=True) or "")
        path = words(unquote(target.path).replace("-", " ").replace("_", " "))
        for kind, strong, weak in _LINK_WORDS:
            score = _link_score(text, path, strong, weak)
            if score > best.get(kind, (0, ""))[0]:
                best[kind] = (score, str(target))
    links = {kind: url for kind, (_, url) in best.items()}
    if links.get("about") and links.get("about") == links.get("careers"):
        del links["careers"]
    return links


def extract_text(html: str, url: str | None = None) -> str:
    """The page's main readable text: trafilatura's extraction, or all visible text
    (selectolax) when trafilatura finds little or fails on the markup."""
    text: str | None = None
    try:
        import trafilatura  # imported here: ~120 ms, and only online research needs it

        text = trafilatura.extract(
            html, url=url, include_comments=False, include_tables=True, favor_recall=True
        )
    except Exception:  # a parser crash on odd markup must not lose the page
        log.warning("trafilatura failed on %s; using plain text", url, exc_info=True)
    if not text or len(text) < 80:
        text = html_to_text(html)
    return text[:MAX_TEXT_CHARS].strip()


def page_title(html: str) -> str:
    """The page's <title> (or first <h1>), whitespace collapsed; "" when it has none."""
    parser = LexborHTMLParser(html)
    for selector in ("title", "h1"):
        node = parser.css_first(selector)
        if node is not None:
            title = " ".join((node.text(deep=True) or "").split())
            if title:
                return title[:300]
    return ""


def decode_html(body: bytes, header_charset: str | None) -> str:
    for candidate in (header_charset, _sniff_charset(body)):
        if candidate:
            try:
                return body.decode(codecs.lookup(candidate).name, errors="replace")
            except LookupError:
                continue
    return body.decode("utf-8", errors="replace")


def _sniff_charset(body: bytes) -> str | None:
    found = _META_CHARSET.search(body[:4096])
    return found.group(1).decode("ascii") if found else None
