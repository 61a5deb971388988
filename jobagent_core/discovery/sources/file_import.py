"""Postings from a file the person uploads: JSON (a list, or {"jobs": [...]}) or CSV.

Column names are matched loosely (title/job_title/position, company/employer,
posted_at/date/created_at...). A row that cannot become a posting is skipped with
a warning naming its row; only a file that cannot be read at all raises
`SourceFileError`.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from jobagent_core.discovery.dedupe import company_key, normalise_title, normalise_url
from jobagent_core.discovery.html import html_to_text, sanitize_html
from jobagent_core.discovery.places import canonical_location, fold
from jobagent_core.discovery.schema import EmploymentType, PostingData, Seniority
from jobagent_core.discovery.seniority import title_seniority
from jobagent_core.discovery.sources.base import SearchQuery, SourceResult

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_ROWS = 5_000
MAX_WARNINGS = 50
MAX_TEXT_CHARS = 60_000


class SourceFileError(ValueError):
    """The whole file cannot be read (too big, not UTF-8, not JSON/CSV, no title
    column). The message says which file and what to do about it."""


# field -> accepted column names, after lower-casing and turning punctuation into "_".
_COLUMNS: dict[str, tuple[str, ...]] = {
    "title": ("title", "job_title", "jobtitle", "position", "position_title", "role", "job"),
    "company": ("company", "company_name", "companyname", "employer", "employer_name",
                "organization", "organisation", "hiring_organization"),
    "location": ("location", "city", "job_location", "location_name", "locations", "place",
                 "office"),
    "description_html": ("description_html", "html_description", "content_html", "body_html"),
    "description": ("description", "description_text", "job_description", "body", "content",
                    "summary", "details", "text"),
    "url": ("url", "link", "job_url", "posting_url", "job_link", "permalink", "href"),
    "apply_url": ("apply_url", "application_url", "apply_link", "applyurl"),
    "posted_at": ("posted_at", "date", "created_at", "published_at", "date_posted", "posted",
                  "posting_date", "publication_date", "published", "created", "updated_at"),
    "salary_min": ("salary_min", "min_salary", "salary_from", "salary_low", "minimum_salary"),
    "salary_max": ("salary_max", "max_salary", "salary_to", "salary_high", "maximum_salary"),
    "salary_currency": ("salary_currency", "currency", "salary_currency_code"),
    "salary": ("salary", "salary_range", "compensation", "pay"),
    "remote": ("remote", "is_remote", "remote_ok", "remote_allowed", "work_from_home",
               "telecommute"),
    "employment_type": ("employment_type", "job_type", "type", "contract_type", "employment",
                        "schedule"),
    "seniority": ("seniority", "level", "experience_level", "seniority_level"),
    "language": ("language", "lang", "language_code"),
}  # fmt: skip
_JSON_LISTS = ("jobs", "postings", "results", "data", "items")
_TRUE = {"true", "yes", "y", "1", "ja", "oui", "si", "x", "remote", "fully remote", "wahr"}
_EMPLOYMENT: dict[str, EmploymentType] = {
    **dict.fromkeys(("fulltime", "full", "vollzeit", "tempsplein", "cdi", "permanent",
                     "jornadacompleta", "festanstellung"), "full_time"),
    **dict.fromkeys(("parttime", "teilzeit", "tempspartiel", "minijob", "werkstudent",
                     "mediajornada"), "part_time"),
    **dict.fromkeys(("contract", "contractor", "freelance", "freelancer", "selfemployed"),
                    "contract"),
    **dict.fromkeys(("temporary", "temp", "fixedterm", "befristet", "cdd", "interim",
                     "seasonal", "saisonal"), "temporary"),
    **dict.fromkeys(("internship", "intern", "praktikum", "stage", "apprenticeship",
                     "ausbildung", "alternance", "traineeship"), "internship"),
}  # fmt: skip
_SENIORITIES: tuple[Seniority, ...] = (
    "intern", "junior", "mid", "senior", "lead", "principal", "executive",
)  # fmt: skip
_LANGUAGES = {"english": "en", "german": "de", "deutsch": "de", "french": "fr", "francais": "fr",
              "spanish": "es", "espanol": "es", "dutch": "nl", "italian": "it"}  # fmt: skip
_CURRENCY_SYMBOLS = {"€": "EUR", "£": "GBP", "$": "USD", "¥": "JPY", "₹": "INR"}
_CURRENCY_CODE = re.compile(r"\b([A-Z]{3})\b")
_HTML_TAG = re.compile(r"<\s*/?\s*(?:p|br|div|ul|ol|li|strong|b|em|h[1-6]|span|a)\b", re.I)
_AMOUNT = re.compile(r"\d[\d.,' \u00a0]*\s*[kK]?")


def _column_key(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", fold(str(name))).strip("_")


def _decode(raw: bytes, filename: str) -> str:
    boms = (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    )
    encoding = next((enc for bom, enc in boms if raw.startswith(bom)), "utf-8")
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise SourceFileError(
            f"{filename} is not {encoding.upper()} text (byte {exc.start}); save it as UTF-8 "
            "(in Excel: 'CSV UTF-8') and upload it again."
        ) from None
    if "\x00" in text:
        raise SourceFileError(f"{filename} is not a JSON or CSV file.")
    return text


def _json_rows(text: str, filename: str) -> list[Any]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SourceFileError(
            f"{filename} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})."
        ) from None
    if isinstance(data, dict):
        for key in _JSON_LISTS:
            if isinstance(data.get(key), list):
                return list(data[key])
        if any(_column_key(k) in _COLUMNS["title"] for k in data):
            return [data]
    if isinstance(data, list):
        return data
    raise SourceFileError(f'{filename}: expected a list of jobs or {{"jobs": [...]}} in the JSON.')


def _csv_rows(text: str, filename: str) -> list[Any]:
    sample = text[:20_000]
    try:
        dialect: Any = csv.Sniffer().sniff(sample.split("\n", 1)[0], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    headers = [_column_key(h) for h in reader.fieldnames or [] if h]
    if not any(h in _COLUMNS["title"] for h in headers):
        found = ", ".join(reader.fieldnames or []) or "none"
        raise SourceFileError(
            f"{filename}: no title column found (expected one of "
            f"{', '.join(_COLUMNS['title'][:4])}); the columns are: {found[:200]}."
        )
    rows: list[Any] = []
    try:
        for row in reader:
            rows.append({k: v for k, v in row.items() if k is not None})
            if len(rows) > MAX_ROWS:
                break
    except csv.Error as exc:
        raise SourceFileError(f"{filename}: CSV error on line {reader.line_num}: {exc}.") from None
    return rows


def read_rows(raw: bytes, filename: str) -> tuple[list[Any], bool]:
    """The file's records (dicts, or anything else found in a JSON list), and
    whether it was CSV.

    Raises SourceFileError when the file is empty, too big, not UTF-8, not JSON or
    CSV, has no title column, or holds more than MAX_ROWS records.
    """
    if len(raw) > MAX_FILE_BYTES:
        raise SourceFileError(
            f"{filename} is {len(raw) / 1_048_576:.1f} MB; the limit is "
            f"{MAX_FILE_BYTES // 1_048_576} MB. Split it into smaller files."
        )
    text = _decode(raw, filename).strip()
    if not text:
        raise SourceFileError(f"{filename} is empty.")
    suffix = Path(filename).suffix.lower()
    is_json = suffix == ".json" or (suffix not in {".csv", ".tsv", ".txt"} and text[0] in "[{")
    rows = _json_rows(text, filename) if is_json else _csv_rows(text, filename)
    if len(rows) > MAX_ROWS:
        raise SourceFileError(
            f"{filename} has more than {MAX_ROWS:,} jobs; split it into smaller files."
        )
    return rows, not is_json


def read_file(path: Path, filename: str | None = None) -> bytes:
    """The bytes of the job file at `path` (named `filename` in messages, its base
    name by default). Raises SourceFileError when it cannot be opened or is larger
    than MAX_FILE_BYTES; `read_rows` checks what is in it."""
    name = filename or path.name
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise SourceFileError(
                f"{name} is larger than {MAX_FILE_BYTES // 1_048_576} MB; "
                "split it into smaller files."
            )
        return path.read_bytes()
    except OSError as exc:
        raise SourceFileError(f"{name} cannot be opened: {exc.strerror}.") from None


def _scalar(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        for key in ("name", "display_name", "title", "city", "value", "text"):
            if key in value:
                return _scalar(value[key])
        return ""
    if isinstance(value, list):
        return ", ".join(s for s in (_scalar(v) for v in value) if s)
    return str(value).strip()


def _amount(text: str) -> float | None:
    match = _AMOUNT.search(text)
    if match is None:
        return None
    number = re.sub(r"[\s\u00a0']", "", match.group(0))
    thousands = number.lower().endswith("k")
    number = number.rstrip("kK")
    if re.fullmatch(r"\d{1,3}([.,]\d{3})+", number):
        number = re.sub(r"[.,]", "", number)
    number = number.replace(",", ".")
    try:
        value = float(number)
    except ValueError:
        return None
    return value * 1000 if thousands else value


def _currency(text: str) -> str | None:
    for symbol, code in _CURRENCY_SYMBOLS.items():
        if symbol in text:
            return code
    match = _CURRENCY_CODE.search(text.upper())
    return match.group(1) if match else None


_DAY_FIRST = ("%d.%m.%Y", "%d.%m.%y", "%d.%m.%Y %H:%M", "%d-%m-%Y", "%d/%m/%Y", "%d/%m/%Y %H:%M")
_MONTH_FIRST = ("%m/%d/%Y", "%m/%d/%y", "%m/%d/%Y %H:%M", "%m/%d/%Y %I:%M %p")
_WORDY = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%b %d %Y", "%Y/%m/%d",
          "%d %b %Y %H:%M")  # fmt: skip


def parse_date(value: Any, *, month_first: bool = False) -> datetime:
    """A timezone-aware datetime from ISO 8601, "01.05.2024", "05/01/2024" (month
    first only when asked), "1 May 2024", "May 1, 2024", RFC 2822, or a Unix
    timestamp in seconds or milliseconds. Naive values are taken as UTC.
    Raises ValueError when none fits."""
    text = _scalar(value)
    if re.fullmatch(r"\d{9,13}(\.\d+)?", text):
        stamp = float(text)
        return datetime.fromtimestamp(stamp / 1000 if stamp > 1e11 else stamp, UTC)
    parsed: datetime | None = None
    try:
        parsed = datetime.fromisoformat(text.replace(" UTC", "+00:00"))
    except ValueError:
        formats = _MONTH_FIRST + _DAY_FIRST if month_first else _DAY_FIRST + _MONTH_FIRST
        for fmt in formats + _WORDY:
            try:
                parsed = datetime.strptime(text, fmt)
                break
            except ValueError:
                continue
        if parsed is None:
            try:
                parsed = parsedate_to_datetime(text)
            except (TypeError, ValueError, IndexError):
                raise ValueError(text) from None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def _month_first(values: list[str]) -> bool:
    """Whether slash dates in this file are month/day: true when some value can only
    be month-first (05/25/2024) and none can only be day-first (25/05/2024)."""
    firsts = [tuple(int(p) for p in m.groups()) for v in values
              if (m := re.match(r"\s*(\d{1,2})/(\d{1,2})/\d{2,4}", v))]  # fmt: skip
    return any(b > 12 for _, b in firsts) and not any(a > 12 for a, _ in firsts)


class _RowReader:
    """Turns one record into a PostingData, collecting readable notes on the way."""

    def __init__(self, filename: str, file_hash: str, month_first: bool) -> None:
        self.filename = filename
        self.file_hash = file_hash
        self.month_first = month_first
        self._columns: dict[tuple[str, ...], dict[str, str]] = {}

    def fields(self, row: dict[str, Any]) -> dict[str, str]:
        """field name -> the row's value, for the fields this row has columns for."""
        keys = tuple(row)
        mapping = self._columns.get(keys)
        if mapping is None:
            by_key = {_column_key(k): k for k in reversed(keys)}
            mapping = {}
            for field, aliases in _COLUMNS.items():
                column = next((by_key[a] for a in aliases if a in by_key), None)
                if column is not None:
                    mapping[field] = column
            self._columns[keys] = mapping
        return {field: _scalar(row[column]) for field, column in mapping.items()}

    def posting(self, row: dict[str, Any], number: int, notes: list[str]) -> PostingData:
        """Raises ValueError with a readable reason when the row must be skipped."""
        values = self.fields(row)
        for required in ("title", "company"):
            if not values.get(required):
                raise ValueError(f"missing {required}")
        data: dict[str, Any] = {
            "source": "file",
            "title": values["title"],
            "company": values["company"],
            "location": values.get("location") or None,
            "extra": {"file": self.filename[:200], "row": number},
        }
        data |= self._description(values)
        for name in ("url", "apply_url"):
            url = values.get(name, "")
            if url and re.match(r"https?://\S+$", url, re.IGNORECASE):
                data[name] = url
            elif url:
                notes.append(f"{name} {url[:60]!r} is not an http(s) address; left empty")
        location = fold(values.get("location", ""))
        data["remote"] = fold(values.get("remote", "")) in _TRUE or "remote" in location
        if values.get("posted_at"):
            try:
                data["posted_at"] = parse_date(values["posted_at"], month_first=self.month_first)
            except ValueError:
                notes.append(f"could not read date {values['posted_at'][:40]!r}; kept without")
        data |= self._salary(values, notes)
        data["employment_type"] = _EMPLOYMENT.get(
            re.sub(r"[^a-z]", "", fold(values.get("employment_type", "")))
        )
        level = fold(values.get("seniority", ""))
        data["seniority"] = (
            level if level in _SENIORITIES else title_seniority(level or data["title"])
        )
        language = fold(values.get("language", ""))
        language = _LANGUAGES.get(language, language)
        data["language"] = language if re.fullmatch(r"[a-z]{2}(-[a-z]{2})?", language) else None
        data["source_id"] = self._source_id(data)
        return PostingData.model_validate(data)

    @staticmethod
    def _description(values: dict[str, str]) -> dict[str, Any]:
        raw_html = values.get("description_html", "")
        text = values.get("description", "")
        if not raw_html and _HTML_TAG.search(text):
            raw_html, text = text, ""
        if raw_html:
            safe = sanitize_html(raw_html[: MAX_TEXT_CHARS * 3])
            return {
                "description_text": (text or html_to_text(safe))[:MAX_TEXT_CHARS],
                "description_html": safe or None,
            }
        return {"description_text": text[:MAX_TEXT_CHARS]}

    @staticmethod
    def _salary(values: dict[str, str], notes: list[str]) -> dict[str, Any]:
        low_text, high_text = values.get("salary_min", ""), values.get("salary_max", "")
        if not (low_text or high_text) and values.get("salary"):
            parts = re.split(r"\s*(?:-|–|—|to|bis|à)\s*(?=\D{0,3}\d)", values["salary"], maxsplit=1)
            low_text, high_text = parts[0], parts[-1]
        low, high = _amount(low_text), _amount(high_text)
        for label, text, amount in (("salary_min", low_text, low), ("salary_max", high_text, high)):
            if text and amount is None:
                notes.append(f"could not read {label} {text[:30]!r}; left empty")
        if low is not None and high is not None and low > high:
            low, high = high, low
        currency_text = values.get("salary_currency") or f"{values.get('salary', '')} {low_text}"
        currency = _currency(currency_text) if (low or high) else None
        return {"salary_min": low, "salary_max": high, "salary_currency": currency}

    def _source_id(self, data: dict[str, Any]) -> str:
        if data.get("url"):
            identity = normalise_url(data["url"])
        else:
            identity = "|".join(
                (company_key(data["company"]), normalise_title(data["title"]),
                 canonical_location(data["location"] or ""))
            )  # fmt: skip
        row_hash = hashlib.sha256(identity.encode()).hexdigest()[:16]
        return f"{self.file_hash}-{row_hash}"


def _readable(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(p) for p in first["loc"]) or "row"
    return f"{where}: {first['msg']}"


class FileSource:
    """Postings from one uploaded JSON or CSV file.

    `data` is the file's bytes, or a path to it; `filename` names it in messages
    (and picks JSON or CSV by extension; otherwise the content decides). The file is
    read at construction: SourceFileError is raised there when it cannot be read at
    all. `search` returns every valid row (the query is not applied: the file is the
    person's own selection; the pipeline's filters apply later) plus one warning per
    skipped or repaired row, e.g. "row 7: missing title". Rows count from 1 in JSON
    and as spreadsheet rows in CSV (the header is row 1).

    `source_id` is "<file content hash>-<hash of the row's URL, or of company + title +
    location>", so identical rows in two people's different files never collide.
    """

    name = "file"

    def __init__(self, data: bytes | str | Path, filename: str | None = None) -> None:
        if isinstance(data, bytes):
            raw, self.filename = data, filename or "upload"
        else:
            path = Path(data)
            self.filename = filename or path.name
            raw = read_file(path, self.filename)
        rows, is_csv = read_rows(raw, self.filename)
        self.postings, self.warnings = self._convert(rows, raw, csv_file=is_csv)

    def _convert(
        self, rows: list[Any], raw: bytes, *, csv_file: bool
    ) -> tuple[list[PostingData], list[str]]:
        dates = [_scalar(r.get(k)) for r in rows if isinstance(r, dict) for k in r
                 if _column_key(k) in _COLUMNS["posted_at"]]  # fmt: skip
        reader = _RowReader(
            self.filename, hashlib.sha256(raw).hexdigest()[:12], _month_first(dates)
        )
        postings: list[PostingData] = []
        warnings: list[str] = []
        seen: dict[str, int] = {}
        problems = 0
        for index, row in enumerate(rows):
            number = index + 2 if csv_file else index + 1
            notes: list[str] = []
            try:
                if not isinstance(row, dict):
                    raise ValueError("not an object with named fields")
                if not any(_scalar(v) for v in row.values()):
                    continue  # a blank line in a spreadsheet is not worth a warning
                posting = reader.posting(row, number, notes)
                if posting.source_id in seen:
                    raise ValueError(f"same job as row {seen[posting.source_id]}; skipped")
            except ValidationError as exc:
                notes, posting = [f"{_readable(exc)}; skipped"], None
            except ValueError as exc:
                notes, posting = [str(exc)], None
            if posting is not None:
                seen[posting.source_id] = number
                postings.append(posting)
            if notes:
                problems += 1
                if problems <= MAX_WARNINGS:
                    warnings.extend(f"row {number}: {note}" for note in notes)
        if problems > MAX_WARNINGS:
            warnings.append(f"... and {problems - MAX_WARNINGS} more rows with problems")
        if rows and not postings:
            warnings.append(f"{self.filename}: no usable jobs in the file")
        return postings, warnings

    def search(self, query: SearchQuery) -> SourceResult:
        return SourceResult(postings=list(self.postings), warnings=list(self.warnings))
