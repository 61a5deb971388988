"""The profile's lists (experience, education, certifications, languages) as the
form edits them — rows of plain strings — and back, checked on the server with
messages in words.

A row holds only text so that every cell can be a controlled input; turning it
back into profile JSON keeps what the form does not show (a job's `current` flag)
so that a row nobody touched is saved exactly as it was extracted, and so is not
counted as an edit.
"""

from __future__ import annotations

import re
from typing import Any, Final

Row = dict[str, str]

# The columns of each section's rows, in the order the form shows them.
COLUMNS: Final[dict[str, tuple[str, ...]]] = {
    "experience": ("title", "employer", "location", "start", "end", "bullets", "current"),
    "education": ("degree", "field_of_study", "institution", "start", "end"),
    "certifications": ("name", "issuer", "date"),
    "languages": ("language", "level"),
}
# The column a row must have, and how a person calls one row of the section.
REQUIRED: Final = {
    "experience": ("title", "job", "a job title"),
    "education": ("degree", "degree", "the degree"),
    "certifications": ("name", "certification", "its name"),
    "languages": ("language", "language", "the language"),
}
DATE_COLUMNS: Final = {
    "experience": ("start", "end"),
    "education": ("start", "end"),
    "certifications": ("date",),
}
_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2]))?$")
PRESENT: Final = "present"
YES: Final = "yes"


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def blank_row(section: str) -> Row:
    return dict.fromkeys(COLUMNS[section], "")


def rows_of(section: str, entries: Any) -> list[Row]:
    """The stored entries of `section` as form rows (anything malformed skipped)."""
    rows: list[Row] = []
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict):
            continue
        row = {column: _text(entry.get(column)) for column in COLUMNS[section]}
        if section == "experience":
            bullets = entry.get("bullets") or []
            row["bullets"] = "\n".join(b for b in bullets if isinstance(b, str))
            row["current"] = YES if entry.get("current") else ""
        rows.append(row)
    return rows


def _optional(value: str) -> str | None:
    value = " ".join(value.split())
    return value or None


def _job(row: Row) -> dict[str, Any]:
    end = _optional(row.get("end", ""))
    if end is not None and end.casefold() == PRESENT:
        end = PRESENT
    # A job the CV marked current stays current unless the person gave it an end date.
    current = end == PRESENT or (row.get("current") == YES and end is None)
    return {
        "title": _optional(row.get("title", "")),
        "employer": _optional(row.get("employer", "")),
        "location": _optional(row.get("location", "")),
        "start": _optional(row.get("start", "")),
        "end": end,
        "current": current,
        "bullets": [line.strip() for line in row.get("bullets", "").splitlines() if line.strip()],
    }


def entries_of(section: str, rows: list[Row]) -> list[dict[str, Any]]:
    """Form rows as profile entries (blank cells become "not set")."""
    if section == "experience":
        return [_job(row) for row in rows]
    columns = COLUMNS[section]
    return [{column: _optional(row.get(column, "")) for column in columns} for row in rows]


def _date_problem(value: str, *, may_be_present: bool) -> bool:
    value = value.strip()
    if not value or _DATE.match(value):
        return False
    return not (may_be_present and value.casefold() == PRESENT)


def problem(section: str, rows: list[Row]) -> str | None:
    """The first thing wrong with `section`'s rows, in words; None when all is well."""
    column, noun, what = REQUIRED[section]
    for number, row in enumerate(rows, start=1):
        if not row.get(column, "").strip():
            return f"{noun.capitalize()} {number} needs {what}."
        for date_column in DATE_COLUMNS.get(section, ()):
            may_be_present = date_column == "end"
            if _date_problem(row.get(date_column, ""), may_be_present=may_be_present):
                label = {"start": "start date", "end": "end date", "date": "date"}[date_column]
                also = ' (or "present")' if may_be_present and section == "experience" else ""
                return (
                    f"{noun.capitalize()} {number}: write the {label} as a year (2019) "
                    f"or a year and month (2019-03){also}."
                )
    return None


def moved(rows: list[Row], index: int, step: int) -> list[Row]:
    """`rows` with row `index` moved `step` places (unchanged at either end)."""
    target = index + step
    if not (0 <= index < len(rows) and 0 <= target < len(rows)):
        return rows
    rows = list(rows)
    rows[index], rows[target] = rows[target], rows[index]
    return rows
