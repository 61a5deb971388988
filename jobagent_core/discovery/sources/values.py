"""A posting's small values read from a board's labels: employment type, whether
it is remote, language code, a source id that fits its column, and timestamps."""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime

from jobagent_core.discovery.schema import EmploymentType

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
