"""What the live sources share: fetching a page without ever raising, turning a
board's item into a `PostingData` (text cleaning, employment-type inference,
salaries, timestamps), and the "skip one bad item, keep the rest" loop."""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from jobagent_core.discovery.html import html_to_text, sanitize_html
from jobagent_core.discovery.http import BoardHttp, FetchError, NotFound, Params
from jobagent_core.discovery.schema import EmploymentType, PostingData
from jobagent_core.discovery.sources.base import SourceResult

# A job ad is a few thousand characters; anything far beyond is noise or abuse.
# Cut before parsing so a 5 MB description costs milliseconds, not memory.
MAX_HTML_CHARS = 200_000
MAX_TEXT_CHARS = 60_000
TRUNCATION_MARK = " […]"

Item = TypeVar("Item", bound=BaseModel)

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


def describe_html(raw: str | None) -> tuple[str, str | None]:
    """(plain text, sanitised HTML) of a description given as HTML, both size-capped."""
    if not raw or not raw.strip():
        return "", None
    cut = len(raw) > MAX_HTML_CHARS
    if cut:
        raw = raw[:MAX_HTML_CHARS]
    safe = sanitize_html(raw)
    text = cap_text(html_to_text(safe))
    if cut:
        text = text if text.endswith(TRUNCATION_MARK) else text + TRUNCATION_MARK
    return text, safe or None


def describe_text(raw: str | None) -> str:
    """A plain-text description, entities decoded, line breaks kept, size-capped."""
    if not raw:
        return ""
    return cap_text(html.unescape(raw).strip())


def cap_text(text: str) -> str:
    """`text` cut to `MAX_TEXT_CHARS`, marked when cut."""
    if len(text) <= MAX_TEXT_CHARS:
        return text
    return text[:MAX_TEXT_CHARS].rstrip() + TRUNCATION_MARK


_EMPLOYMENT: dict[str, EmploymentType] = {
    "fulltime": "full_time",
    "vollzeit": "full_time",
    "parttime": "part_time",
    "teilzeit": "part_time",
    "werkstudent": "part_time",
    "minijob": "part_time",
    "contract": "contract",
    "contractor": "contract",
    "freelance": "contract",
    "freelancer": "contract",
    "temporary": "temporary",
    "temp": "temporary",
    "fixedterm": "temporary",
    "befristet": "temporary",
    "intern": "internship",
    "internship": "internship",
    "praktikum": "internship",
    "apprenticeship": "internship",
}


def employment_type(*labels: str | None) -> EmploymentType | None:
    """Map a board's label ("Full-time", "FullTime", "full_time", "Teilzeit"...)."""
    for label in labels:
        key = re.sub(r"[^a-zäöü]", "", (label or "").lower())
        if key in _EMPLOYMENT:
            return _EMPLOYMENT[key]
    return None


_REMOTE = re.compile(r"\b(remote|anywhere|worldwide|home ?office|work from home|wfh)\b", re.I)


def mentions_remote(*texts: str | None) -> bool:
    return any(t and _REMOTE.search(t) for t in texts)


_PERIODS = (
    ("hour", ("hour", "hr", "stunde")),
    ("day", ("day", "tag")),
    ("week", ("week", "woche")),
    ("month", ("month", "monat")),
    ("year", ("year", "yr", "annum", "annual", "jahr")),
)


def salary_period(label: str | None) -> str | None:
    """ "per-year-salary", "1 YEAR", "an hour" → "year" / "hour"; None if unknown."""
    lowered = (label or "").lower()
    for period, words in _PERIODS:
        if any(word in lowered for word in words):
            return period
    return None


_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "₹": "INR", "¥": "JPY"}
_CODES = re.compile(r"\b(USD|EUR|GBP|CHF|CAD|AUD|NZD|INR|SEK|NOK|DKK|PLN|SGD|JPY)\b")
_AMOUNT = re.compile(r"(\d+(?:[.,]\d+)*)\s*([KkMm])?(?![a-zA-Z])")


def parse_salary(text: str | None) -> tuple[float | None, float | None, str | None]:
    """(min, max, ISO currency) from a summary such as "€60K–€80K a year" or
    "$25–$30 an hour". Amounts are taken as written; None where not given."""
    if not text:
        return None, None, None
    code = _CODES.search(text)
    currency = code.group(1) if code else None
    if currency is None:
        currency = next((iso for sym, iso in _SYMBOLS.items() if sym in text), None)
    amounts = [_amount(number, suffix) for number, suffix in _AMOUNT.findall(text)]
    amounts = [a for a in amounts if a > 0][:2]
    if not amounts:
        return None, None, currency
    return min(amounts), max(amounts), currency


def _amount(number: str, suffix: str) -> float:
    # "50,000" and "50.000" are thousands; "60.5K" is a decimal.
    if re.fullmatch(r"\d{1,3}([.,]\d{3})+", number):
        value = float(re.sub(r"[.,]", "", number))
    else:
        value = float(number.replace(",", "."))
    return value * {"k": 1e3, "m": 1e6}.get(suffix.lower(), 1.0)


def language_code(value: str | None) -> str | None:
    """ISO 639-1 from "en", "en-US", "de_DE"; None otherwise."""
    head = re.split(r"[-_]", (value or "").strip().lower())[0]
    return head if re.fullmatch(r"[a-z]{2}", head) else None


def bounded_id(value: str | int) -> str:
    """A source id that fits the 512-character column (long opaque ids are hashed)."""
    text = str(value).strip()
    if len(text) <= 512:
        return text
    return "sha256:" + hashlib.sha256(text.encode()).hexdigest()


def utc_from_iso(value: str | None) -> datetime | None:
    """An ISO 8601 timestamp as aware UTC; naive ones are taken as UTC."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def utc_from_epoch(value: float | None, *, milliseconds: bool = False) -> datetime | None:
    if value is None or value <= 0:
        return None
    return datetime.fromtimestamp(value / 1000 if milliseconds else value, tz=UTC)


def first_problem(exc: ValidationError) -> str:
    """ "title: Field required" — the first reason pydantic gives, short."""
    error = exc.errors()[0]
    where = ".".join(str(part) for part in error["loc"])
    return f"{where}: {error['msg']}" if where else str(error["msg"])


def add_items(
    result: SourceResult,
    raw_items: Iterable[object],
    *,
    model: type[Item],
    convert: Callable[[Item], PostingData],
    label: str,
    limit: int,
) -> None:
    """Validate and convert each raw item into `result`, skipping (with a warning)
    the ones that do not fit, until `result` holds `limit` postings."""
    for raw in raw_items:
        if len(result.postings) >= limit:
            return
        try:
            posting = convert(model.model_validate(raw))
        except ValidationError as exc:
            result.warnings.append(
                f"{label}: skipped a posting{_item_ref(raw)} — {first_problem(exc)}"
            )
        except (ValueError, TypeError, KeyError) as exc:
            result.warnings.append(f"{label}: skipped a posting{_item_ref(raw)} — {exc}")
        else:
            result.postings.append(posting)


def _item_ref(raw: object) -> str:
    if isinstance(raw, dict):
        for key in ("id", "slug", "job_id"):
            value = raw.get(key)
            if isinstance(value, str | int) and not isinstance(value, bool):
                return f" (id {str(value)[:40]})"
    return ""


def fetch_json(
    http: BoardHttp,
    url: str,
    params: Params | None,
    result: SourceResult,
    *,
    label: str,
    not_found: str | None = None,
) -> object | None:
    """The JSON at `url`, or None with a warning in `result` saying what went wrong."""
    try:
        return http.get_json(url, params)
    except NotFound as err:
        result.warnings.append(not_found or f"{label}: {err.message}")
    except FetchError as err:
        result.warnings.append(f"{label}: {err.message}")
    return None


def parse_page(
    model: type[Item], payload: object | None, result: SourceResult, *, label: str
) -> Item | None:
    """`payload` validated as `model`; None if there is no payload (the fetch already
    warned) or, with a warning, if its shape is wrong."""
    if payload is None:
        return None
    try:
        return model.model_validate(payload)
    except ValidationError as exc:
        result.warnings.append(
            f"{label}: the response did not have the expected shape ({first_problem(exc)})"
        )
        return None
