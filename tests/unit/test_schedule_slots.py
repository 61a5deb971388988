"""Schedule math (jobagent_core/scheduling/slots.py): daily, weekdays and weekly slots
in a person's time zone, across daylight-saving changes, and a missed week firing
once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from jobagent_core.scheduling.slots import (
    Schedule,
    ScheduleError,
    check_time_zone,
    describe,
    local_time_text,
    next_slot,
)

pytestmark = pytest.mark.unit


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_daily_fires_today_when_the_time_is_still_ahead_else_tomorrow() -> None:
    schedule = Schedule("daily", "08:30", "UTC")
    assert next_slot(schedule, utc(2026, 12, 7, 6, 0)) == utc(2026, 12, 7, 8, 30)
    assert next_slot(schedule, utc(2026, 12, 7, 9, 0)) == utc(2026, 12, 8, 8, 30)


def test_a_slot_is_strictly_after_the_instant() -> None:
    schedule = Schedule("daily", "08:30", "UTC")
    assert next_slot(schedule, utc(2026, 12, 7, 8, 30)) == utc(2026, 12, 8, 8, 30)


def test_weekdays_skip_the_weekend() -> None:
    schedule = Schedule("weekdays", "07:00", "UTC")
    friday_evening = utc(2026, 12, 11, 20, 0)  # 11 Dec 2026 is a Friday
    assert next_slot(schedule, friday_evening) == utc(2026, 12, 14, 7, 0)  # Monday
    assert next_slot(schedule, utc(2026, 12, 12, 6, 0)) == utc(2026, 12, 14, 7, 0)


def test_weekly_fires_on_its_weekday() -> None:
    schedule = Schedule("weekly", "18:00", "UTC", weekday=2)  # Wednesday
    assert next_slot(schedule, utc(2026, 12, 7, 0, 0)) == utc(2026, 12, 9, 18, 0)
    assert next_slot(schedule, utc(2026, 12, 9, 18, 0)) == utc(2026, 12, 16, 18, 0)


def test_the_time_is_the_persons_wall_clock() -> None:
    berlin = Schedule("daily", "08:00", "Europe/Berlin")
    assert next_slot(berlin, utc(2026, 12, 7, 0, 0)) == utc(2026, 12, 7, 7, 0)  # CET
    assert next_slot(berlin, utc(2026, 7, 7, 0, 0)) == utc(2026, 7, 7, 6, 0)  # CEST
    tokyo = Schedule("daily", "08:00", "Asia/Tokyo")
    # Already 09:00 on the 7th in Tokyo: the next is the 8th, 08:00 JST.
    assert next_slot(tokyo, utc(2026, 12, 7, 0, 0)) == utc(2026, 12, 7, 23, 0)
    new_york = Schedule("weekly", "23:30", "America/New_York", weekday=6)  # Sunday
    # 00:00 UTC on Mon 7 Dec is still Sunday 19:00 in New York: 23:30 that Sunday
    # is Monday 04:30 UTC.
    assert next_slot(new_york, utc(2026, 12, 7, 0, 0)) == utc(2026, 12, 7, 4, 30)
    assert next_slot(new_york, utc(2026, 12, 7, 4, 30)) == utc(2026, 12, 14, 4, 30)


def test_berlin_spring_forward_keeps_local_time_and_skipped_hour_moves_later() -> None:
    # Sun 29 Mar 2026: 02:00 CET becomes 03:00 CEST.
    eight = Schedule("daily", "08:00", "Europe/Berlin")
    saturday = next_slot(eight, utc(2026, 3, 28, 0, 0))
    sunday = next_slot(eight, saturday)
    assert (saturday, sunday) == (utc(2026, 3, 28, 7, 0), utc(2026, 3, 29, 6, 0))
    assert sunday - saturday == timedelta(hours=23)
    skipped = Schedule("daily", "02:30", "Europe/Berlin")
    slot = next_slot(skipped, utc(2026, 3, 28, 12, 0))
    assert slot == utc(2026, 3, 29, 1, 30)  # 03:30 CEST, the hour the clocks skipped
    assert next_slot(skipped, slot) == utc(2026, 3, 30, 0, 30)  # 02:30 CEST again


def test_berlin_fall_back_fires_once_in_the_repeated_hour() -> None:
    # Sun 25 Oct 2026: 03:00 CEST becomes 02:00 CET; 02:30 happens twice.
    repeated = Schedule("daily", "02:30", "Europe/Berlin")
    first = next_slot(repeated, utc(2026, 10, 24, 12, 0))
    assert first == utc(2026, 10, 25, 0, 30)  # 02:30 CEST, the first one
    assert next_slot(repeated, first) == utc(2026, 10, 26, 1, 30)  # not 02:30 CET
    eight = Schedule("daily", "08:00", "Europe/Berlin")
    assert next_slot(eight, utc(2026, 10, 24, 12, 0)) == utc(2026, 10, 25, 7, 0)


def test_a_missed_week_gives_one_next_slot_after_now() -> None:
    schedule = Schedule("daily", "08:00", "UTC")
    was_due = utc(2026, 12, 1, 8, 0)
    back_after_a_week = was_due + timedelta(days=7, hours=3)
    following = next_slot(schedule, back_after_a_week)
    assert following == utc(2026, 12, 9, 8, 0)
    assert following > back_after_a_week


@pytest.mark.parametrize(
    ("kind", "clock", "zone", "weekday", "words"),
    [
        ("hourly", "08:00", "UTC", None, "not a schedule"),
        ("daily", "8am", "UTC", None, "HH:MM"),
        ("daily", "24:00", "UTC", None, "HH:MM"),
        ("daily", "08:00", "Mars/Olympus", None, "not a time zone"),
        ("daily", "08:00", "../etc/passwd", None, "not a time zone"),
        ("weekly", "08:00", "UTC", None, "needs a weekday"),
        ("weekly", "08:00", "UTC", 7, "needs a weekday"),
        ("daily", "08:00", "UTC", 1, "Only a weekly schedule"),
    ],
)
def test_unusable_schedules_are_refused_in_words(
    kind: str, clock: str, zone: str, weekday: int | None, words: str
) -> None:
    with pytest.raises(ScheduleError, match=words):
        Schedule(kind, clock, zone, weekday)  # type: ignore[arg-type]


def test_schedules_and_times_in_words() -> None:
    assert describe(Schedule("daily", "08:00", "UTC")) == "Every day at 08:00 (UTC)"
    assert describe(Schedule("weekly", "18:30", "Europe/Berlin", weekday=0)) == (
        "Every Monday at 18:30 (Europe/Berlin)"
    )
    assert describe(Schedule("weekdays", "07:00", "UTC")).startswith("Weekdays")
    assert local_time_text(utc(2026, 12, 7, 7, 0), "Europe/Berlin") == "Mon 7 Dec 2026, 08:00 CET"
    assert check_time_zone(" Europe/Berlin ").key == "Europe/Berlin"
