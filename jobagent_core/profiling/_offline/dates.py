"""Dates and date ranges as CVs write them, normalised to "YYYY-MM", "YYYY" or "present".

Understands "03/2019", "3.2019", "01.03.2019", "2019-03", "Jan 2018", "Sept. 2018",
"März 2015", "févr. 2019", "2016", ranges joined by –, -, to, bis, à, au, until, and
open ranges ("since 2020", "seit 2020", "depuis 2020", "2019 – heute", "aujourd'hui").

Also the length of such ranges (`month_span`, `covered_months`): what the years of
experience on a profile are computed from.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

PRESENT = "present"

_MONTHS: dict[str, int] = {}
for _num, _names in enumerate(
    (
        "jan january januar jänner janvier janv",
        "feb february februar feber fev fevr févr février fevrier",
        "mar march märz maerz mär mrz mars",
        "apr april avril avr",
        "may mai",
        "jun june juni juin",
        "jul july juli juillet juil",
        "aug august août aout",
        "sep sept september septembre",
        "oct october okt oktober octobre",
        "nov november novembre",
        "dec december dez dezember déc décembre decembre",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _num

_MONTH_NAMES = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
DATE_PATTERN = (
    rf"(?:(?P<mname>{_MONTH_NAMES})\.?,?\s*(?P<y1>{_YEAR})"
    rf"|(?:\d{{1,2}}\.\s?)?(?P<m2>0?[1-9]|1[0-2])\s?[/.]\s?(?P<y2>{_YEAR})"
    rf"|(?P<y3>{_YEAR})[-/.](?P<m3>0[1-9]|1[0-2])(?![\d])"
    rf"|(?P<y4>{_YEAR}))"
)
_DATE = re.compile(rf"(?<![\w/.])(?:{DATE_PATTERN})(?![\w])", re.IGNORECASE)
_PRESENT = re.compile(
    r"(?<!\w)(?:present|current(?:ly)?|now|today|ongoing|to\s+date|till\s+date|date|heute|"
    r"jetzt|laufend|derzeit|aktuell|dato|gegenwart|aujourd['’]hui|présent|maintenant|"
    r"en\s+cours|à\s+ce\s+jour|ce\s+jour|actuellement|actuel|hoy|presente|oggi)(?!\w)",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(
    r"^\s*(?:[-–—−‒―~→]+|->|to|till|until|bis(?:\s+zum)?|bis\s+ca\.|à|au|jusqu['’]à|a)\s*$",
    re.IGNORECASE,
)
_OPEN_PREFIX = re.compile(r"(?:since|seit|depuis|ab|from|von|dès|desde|dal)\s*$", re.IGNORECASE)
_FROM_PREFIX = re.compile(r"(?:from|von|vom|du|de|des)\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DateRange:
    """A date or range found in a line; `start`/`end` are spans of the whole range."""

    start: str | None
    end: str | None
    span_start: int
    span_end: int

    @property
    def current(self) -> bool:
        return self.end == PRESENT


def _normalise(m: re.Match[str]) -> str:
    if m.group("mname"):
        return f"{m.group('y1')}-{_MONTHS[m.group('mname').lower()]:02d}"
    if m.group("y2"):
        return f"{m.group('y2')}-{int(m.group('m2')):02d}"
    if m.group("y3"):
        return f"{m.group('y3')}-{int(m.group('m3')):02d}"
    return m.group("y4")


def find_date_range(line: str) -> DateRange | None:
    """The first date range (or single date) in `line`, or None.

    A single date stands alone (start only) unless an open-range word ("since", "seit")
    or a "present" word follows a separator; ranges win over single dates."""
    dates = list(_DATE.finditer(line))
    if not dates:
        return None
    for i, m in enumerate(dates):
        start = _normalise(m)
        rest = line[m.end() :]
        nxt = dates[i + 1] if i + 1 < len(dates) else None
        if nxt is not None and _SEPARATOR.match(line[m.end() : nxt.start()]):
            begin = _range_begin(line, m.start())
            return DateRange(start, _normalise(nxt), begin, nxt.end())
        present = _PRESENT.search(rest)
        if present and _SEPARATOR.match(rest[: present.start()]):
            begin = _range_begin(line, m.start())
            return DateRange(start, PRESENT, begin, m.end() + present.end())
        before = line[: m.start()]
        opener = _OPEN_PREFIX.search(before)
        if opener:
            return DateRange(start, PRESENT, opener.start(), m.end())
    m = dates[0]
    return DateRange(_normalise(m), None, _range_begin(line, m.start()), m.end())


def normalise_date(text: str) -> str | None:
    """One date as CVs write it ("03/2019", "März 2019", "2019"), normalised ("2019-03",
    "2019"); None when `text` is not a date."""
    m = _DATE.fullmatch(text.strip())
    return _normalise(m) if m else None


def _range_begin(line: str, pos: int) -> int:
    prefix = _FROM_PREFIX.search(line[:pos])
    return prefix.start() if prefix else pos


def sort_key(date: str | None) -> str:
    """A string that sorts dates chronologically ("present" last, missing first)."""
    if date is None:
        return ""
    if date == PRESENT:
        return "9999-99"
    return date if len(date) > 4 else f"{date}-00"


# --------------------------------------------------------------------------- durations

_NORMALISED = re.compile(r"^\s*(\d{4})(?:-(\d{1,2}))?\s*$")
_PRESENT_WORDS = frozenset({"present", "now", "current", "today", "heute", "aujourd'hui"})


def month_point(value: str | None, *, end: bool, today: date) -> float | None:
    """Months since year 0 at which a normalised date begins (or, for an `end`, stops).

    "2019-03" is the whole of March: it begins at March and, as an end, stops after it.
    A bare year is read at year precision, as its middle, so that "2014 – 2024" is ten
    years, not eleven ("2014" as a start and as an end both give mid-2014). "present"
    stops today (the days of this month so far count as part of a month).
    """
    if value is None:
        return None
    text = value.strip().lower()
    if text in _PRESENT_WORDS:
        days = calendar.monthrange(today.year, today.month)[1]
        return today.year * 12 + today.month - 1 + (today.day - 1) / days
    match = _NORMALISED.match(text)
    if not match:
        return None
    year = int(match.group(1))
    if not match.group(2):
        return year * 12 + 6.0
    month = min(max(int(match.group(2)), 1), 12)
    return year * 12 + month - 1 + (1.0 if end else 0.0)


def month_span(
    start: str | None, end: str | None, *, current: bool = False, today: date
) -> tuple[float, float] | None:
    """(begin, stop) in months of a dated job, or None when it has no usable start.

    A job without an end runs to today when `current`, else it is the start date alone
    (one month for "2019-03", nothing for a bare "2019": never more than the CV says).
    """
    begin = month_point(start, end=False, today=today)
    if begin is None:
        return None
    stop_value = PRESENT if current and not end else (end or start)
    stop = month_point(stop_value, end=True, today=today)
    if stop is None or stop < begin:
        return None
    return begin, stop


def covered_months(spans: Iterable[tuple[float, float]]) -> float:
    """Months the spans cover together, overlaps counted once."""
    total, reach = 0.0, float("-inf")
    for begin, stop in sorted(spans):
        if stop > reach:
            total += stop - max(begin, reach)
            reach = stop
    return total


def whole_years(months: float) -> int:
    """Completed years in `months`, never rounded up (115 months are 9 years)."""
    return int((months + 1e-6) // 12)
