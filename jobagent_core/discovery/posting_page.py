"""A job posting read from a web page's HTML: the schema.org `JobPosting` the page
publishes as JSON-LD when it has one, else the page's readable main text.

    posting = posting_from_page(html, url, source="added", source_id=canonical_url(url))

From JSON-LD: title, hiringOrganization.name, jobLocation (or
applicantLocationRequirements), jobLocationType TELECOMMUTE → remote, the
description (HTML → text), datePosted, baseSalary and employmentType. Without it:
the readable text (`research.pages.extract_text`), the title from the page's <h1>
(else its <title>), the company from a "Company: …" line or the site's name.
A page that gives neither a title nor enough text raises `UnreadablePage`.
"""

from __future__ import annotations

import html as html_lib
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from jobagent_core.discovery.html import find_jobposting, jobposting_from_jsonld
from jobagent_core.discovery.pasted_posting import company_in, location_in
from jobagent_core.discovery.schema import PostingData
from jobagent_core.discovery.seniority import title_seniority
from jobagent_core.discovery.sources.pay import salary_period
from jobagent_core.discovery.sources.text import describe_html, describe_text, optional, plain
from jobagent_core.discovery.sources.values import (
    employment_type,
    language_code,
    mentions_remote,
    utc_from_iso,
)

# Less readable text than this is a page that shows no posting (a sign-in wall, a
# page built by scripts, a list of jobs).
MIN_PAGE_TEXT_CHARS = 200


class UnreadablePage(ValueError):
    """The page holds no posting Job Agent can read; `str(err)` says why."""


def posting_from_page(
    html: str, url: str | None, *, source: str, source_id: str, company: str | None = None
) -> PostingData:
    """The posting on the page at `url` (None: a page saved to a file); `company`, when
    given, wins over what the page says. Raises `UnreadablePage`."""
    found = jobposting_from_jsonld(html)
    page = LexborHTMLParser(html)
    if found is not None:
        posting = _from_jsonld(
            found, page, html, url, source=source, source_id=source_id, company=company
        )
        if posting is not None:
            return posting
    return _from_text(page, html, url, source=source, source_id=source_id, company=company)


def posting_from_json(
    data: Any, *, source: str, source_id: str, company: str | None = None
) -> PostingData:
    """The schema.org `JobPosting` in parsed JSON-LD (an object, a list or an
    `@graph`), as a posting. Raises `UnreadablePage` when there is none."""
    found = find_jobposting(data)
    page = LexborHTMLParser("")
    posting = (
        _from_jsonld(found, page, "", None, source=source, source_id=source_id, company=company)
        if found is not None
        else None
    )
    if posting is None:
        raise UnreadablePage("The JSON holds no schema.org JobPosting with a title.")
    return posting


# -- JSON-LD -------------------------------------------------------------------------


def _text(value: Any) -> str | None:
    """A JSON-LD value that should be text: a string, or an object's `name`."""
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    return optional(value) if isinstance(value, str) else None


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _place(value: Any) -> str | None:
    """A `Place` (or its address) as "Berlin, BE, Germany"."""
    if isinstance(value, str):
        return optional(value)
    if not isinstance(value, dict):
        return None
    address = value.get("address", value)
    if isinstance(address, str):
        return optional(address)
    if not isinstance(address, dict):
        return _text(value)
    parts = [
        _text(address.get(key)) for key in ("addressLocality", "addressRegion", "addressCountry")
    ]
    joined = ", ".join(dict.fromkeys(p for p in parts if p))
    return optional(joined) or _text(value)


def _places(values: Iterable[Any]) -> str | None:
    names = [p for p in (_place(v) for v in values) if p]
    return optional("; ".join(dict.fromkeys(names)))


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value) if value >= 0 else None
    if isinstance(value, str):
        try:
            number = float(value.replace(",", "").strip())
        except ValueError:
            return None
        return number if number >= 0 else None
    return None


def _salary(value: Any) -> tuple[float | None, float | None, str | None, str | None]:
    """(min, max, currency, period) of a `baseSalary` MonetaryAmount."""
    if not isinstance(value, dict):
        return None, None, None, None
    currency = _text(value.get("currency"))
    amount = value.get("value")
    period = None
    if isinstance(amount, dict):
        period = salary_period(_text(amount.get("unitText")))
        low = _number(amount.get("minValue"))
        high = _number(amount.get("maxValue"))
        single = _number(amount.get("value"))
        low, high = (low or single), (high or single)
    else:
        low = high = _number(amount)
    code = currency.upper() if currency and len(currency) == 3 and currency.isalpha() else None
    return low, high, code, period


def _description(raw: Any) -> tuple[str, str | None]:
    if not isinstance(raw, str) or not raw.strip():
        return "", None
    # Pages publish it as HTML, as escaped HTML, or as plain text.
    unescaped = html_lib.unescape(raw) if "&lt;" in raw else raw
    if "<" in unescaped and ">" in unescaped:
        return describe_html(unescaped)
    return describe_text(unescaped), None


def _from_jsonld(
    data: dict[str, Any],
    page: LexborHTMLParser,
    html: str,
    url: str | None,
    *,
    source: str,
    source_id: str,
    company: str | None,
) -> PostingData | None:
    """The JSON-LD posting, or None when it names no title (then the text is read)."""
    title = _text(data.get("title")) or _text(data.get("name"))
    if not title:
        return None
    text, safe_html = _description(data.get("description"))
    if len(text) < MIN_PAGE_TEXT_CHARS:
        # A bare JSON-LD stub: the page's own text says what the job is.
        page_text = _page_text(html, url)
        if len(page_text) > len(text):
            text, safe_html = page_text, None
    company = (
        company
        or _text(data.get("hiringOrganization"))
        or _site_name(page)
        or company_in(text)
        or _host_name(url)
    )
    location = _places(_as_list(data.get("jobLocation")))
    required = _places(_as_list(data.get("applicantLocationRequirements")))
    kinds = [k for k in _as_list(data.get("jobLocationType")) if isinstance(k, str)]
    remote = any(k.strip().upper() == "TELECOMMUTE" for k in kinds)
    if remote and required:
        location = location or f"Remote ({required})"
    low, high, currency, period = _salary(data.get("baseSalary"))
    labels = [k for k in _as_list(data.get("employmentType")) if isinstance(k, str)]
    posted = data.get("datePosted")
    return PostingData(
        source=source,
        source_id=source_id,
        title=title,
        company=company,
        location=optional(location or required),
        remote=remote or mentions_remote(location, title),
        employment_type=employment_type(*labels),
        seniority=title_seniority(title),
        salary_min=low,
        salary_max=high,
        salary_currency=currency,
        language=language_code(_text(data.get("inLanguage")) or _page_language(page)),
        description_text=text,
        description_html=safe_html,
        url=url,
        apply_url=_link(data.get("url")) or url,
        posted_at=utc_from_iso(posted) if isinstance(posted, str) else None,
        extra={
            "read_from": "json-ld",
            "salary_period": period,
            "applicant_locations": required,
        },
    )


# -- the readable text -----------------------------------------------------------------


def _page_text(html: str, url: str | None) -> str:
    # Imported here: trafilatura costs about 120 ms to import.
    from jobagent_core.research.pages import extract_text

    return extract_text(html, url)


def _from_text(
    page: LexborHTMLParser,
    html: str,
    url: str | None,
    *,
    source: str,
    source_id: str,
    company: str | None,
) -> PostingData:
    text = _page_text(html, url)
    title = _heading(page)
    if len(text) < MIN_PAGE_TEXT_CHARS:
        raise UnreadablePage(
            f"The page has too little readable text for a posting ({len(text)} characters): "
            "it may need a browser to show the job, or a sign-in."
        )
    if not title:
        raise UnreadablePage("The page has no title, so it does not read as one posting.")
    company = company or _site_name(page) or company_in(text) or _host_name(url)
    location = location_in(text)
    return PostingData(
        source=source,
        source_id=source_id,
        title=title,
        company=company,
        location=location,
        remote=mentions_remote(location, title),
        seniority=title_seniority(title),
        language=_page_language(page),
        description_text=describe_text(text),
        url=url,
        apply_url=url,
        extra={"read_from": "page text"},
    )


def _heading(page: LexborHTMLParser) -> str | None:
    """The page's first <h1>, else its <title>."""
    for selector in ("h1", "title"):
        node = page.css_first(selector)
        if node is not None:
            title = optional(node.text(deep=True))
            if title:
                return title
    return None


def _site_name(page: LexborHTMLParser) -> str | None:
    node = page.css_first('meta[property="og:site_name"]')
    return optional(node.attributes.get("content")) if node is not None else None


def _page_language(page: LexborHTMLParser) -> str | None:
    node = page.css_first("html")
    return language_code(node.attributes.get("lang")) if node is not None else None


def _host_name(url: str | None) -> str:
    """ "careers.acme-rockets.com" → "Acme Rockets": a name when the page gives none."""
    if not url:
        raise UnreadablePage(
            "The page does not say which company the posting is from; name the company."
        )
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    labels = [part for part in host.split(".") if part]
    for prefix in ("careers", "jobs", "career", "karriere", "apply"):
        if len(labels) > 2 and labels[0] == prefix:
            labels = labels[1:]
    name = labels[-2] if len(labels) >= 2 else (labels[0] if labels else "")
    return plain(name.replace("-", " ").replace("_", " ")).title() or host or "Unknown company"


def _link(value: Any) -> str | None:
    if isinstance(value, str) and urlsplit(value.strip()).scheme in ("http", "https"):
        return value.strip()[:2000]
    return None
