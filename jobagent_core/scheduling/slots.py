"""When a schedule fires: pure arithmetic over time zones, no database.

A schedule is "daily", "weekdays" (Monday to Friday) or "weekly" (one weekday),
each at a wall-clock time in the person's IANA time zone. `next_slot` gives the
first firing strictly after an instant, so a scheduler that was down for a week
fires once when it comes back, not once per slot it missed.

Daylight saving: a wall-clock time that does not exist that day (the hour the
clocks skip) fires at the same offset before the change, i.e. an hour later by
the clock; a time that happens twice (the hour repeated) fires at its first
occurrence only.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Final, Literal, get_args
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

ScheduleKind = Literal["daily", "weekdays", "weekly"]
SCHEDULE_KINDS: Final[tuple[str, ...]] = get_args(ScheduleKind)
WEEKDAY_NAMES: Final = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
_TIME = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


class ScheduleError(ValueError):
    """A schedule that cannot be used, with the reason in words."""


@dataclass(frozen=True)
class Schedule:
    kind: ScheduleKind
    time_of_day: str  # "HH:MM", 24-hour clock
    time_zone: str  # IANA name, e.g. "Europe/Berlin"
    weekday: int | None = None  # 0 = Monday … 6 = Sunday; weekly schedules only

    def __post_init__(self) -> None:
        check_schedule(self.kind, self.time_of_day, self.time_zone, self.weekday)


def check_time_zone(name: str) -> ZoneInfo:
    """The zone called `name`, or ScheduleError naming it."""
    cleaned = name.strip()
    # ZoneInfo also accepts file-system-like keys ("../x"); only real names count.
    if not cleaned or cleaned not in _zone_names():
        raise ScheduleError(
            f'"{name[:60]}" is not a time zone Job Agent knows: use an IANA name such as '
            '"Europe/Berlin" or "UTC".'
        )
    try:
        return ZoneInfo(cleaned)
    except (ZoneInfoNotFoundError, ValueError) as err:
        raise ScheduleError(f'"{name[:60]}" is not a time zone Job Agent knows.') from err


@functools.cache
def _zone_names() -> frozenset[str]:
    # Reading the zone database takes ~50 ms: once per process.
    return frozenset(available_timezones() | {"UTC"})


def parse_time_of_day(value: str) -> time:
    """ "08:30" as a time, or ScheduleError."""
    found = _TIME.match(value.strip())
    if not found:
        raise ScheduleError(f'"{value[:20]}" is not a time of day: use HH:MM, e.g. 08:30.')
    return time(int(found.group(1)), int(found.group(2)))


def check_schedule(kind: str, time_of_day: str, time_zone: str, weekday: int | None) -> None:
    """Raise ScheduleError for a schedule that cannot fire as asked."""
    if kind not in SCHEDULE_KINDS:
        raise ScheduleError(f'"{kind[:20]}" is not a schedule: choose daily, weekdays or weekly.')
    parse_time_of_day(time_of_day)
    check_time_zone(time_zone)
    if kind == "weekly":
        if weekday is None or not 0 <= weekday <= 6:
            raise ScheduleError("A weekly schedule needs a weekday (0 = Monday … 6 = Sunday).")
    elif weekday is not None:
        raise ScheduleError("Only a weekly schedule takes a weekday.")


def _fires_on(schedule: Schedule, day: date) -> bool:
    if schedule.kind == "daily":
        return True
    if schedule.kind == "weekdays":
        return day.weekday() < 5
    return day.weekday() == schedule.weekday


def _at(day: date, clock: time, zone: ZoneInfo) -> datetime:
    """The instant (UTC) of `clock` on `day` in `zone`. fold=0 picks the first of a
    repeated hour and, for a skipped one, the offset in force before the change."""
    local = datetime.combine(day, clock, tzinfo=zone)
    return local.astimezone(UTC)


def next_slot(schedule: Schedule, after: datetime) -> datetime:
    """The first time `schedule` fires strictly after `after` (aware), in UTC."""
    if after.tzinfo is None:
        raise ValueError("next_slot needs a timezone-aware instant")
    zone = ZoneInfo(schedule.time_zone)
    clock = parse_time_of_day(schedule.time_of_day)
    # From the day before (a skipped hour can move a slot across midnight) through
    # eight days later: every kind fires at least once a week.
    first = after.astimezone(zone).date() - timedelta(days=1)
    for offset in range(9):
        day = first + timedelta(days=offset)
        if _fires_on(schedule, day):
            slot = _at(day, clock, zone)
            if slot > after:
                return slot
    raise AssertionError("a schedule fires at least once a week")  # pragma: no cover


def describe(schedule: Schedule) -> str:
    """ "Every day at 08:00", "Weekdays at 08:00", "Mondays at 08:00" (+ the zone)."""
    if schedule.kind == "daily":
        when = "Every day"
    elif schedule.kind == "weekdays":
        when = "Weekdays (Monday to Friday)"
    else:
        assert schedule.weekday is not None
        when = f"Every {WEEKDAY_NAMES[schedule.weekday]}"
    return f"{when} at {schedule.time_of_day} ({schedule.time_zone})"


def local_time_text(moment: datetime, time_zone: str) -> str:
    """ "Mon 7 Dec 2026, 08:00 CET": an instant as the person reads it in their zone."""
    local = moment.astimezone(ZoneInfo(time_zone))
    return f"{local:%a} {local.day} {local:%b %Y, %H:%M} {local.tzname() or ''}".rstrip()
