"""Saved searches over a session the caller owns: what a request may contain, the
rows, and starting one as an ordinary job-search run.

Shared by the services (the web app, the API, the CLI) and the scheduler's tick,
so a search saved anywhere is checked and started the same way. Every function
takes the owner's user id and never touches another person's rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from pydantic import Field, model_validator
from sqlalchemy import Select, select
from sqlalchemy.orm import Session as DbSession

from jobagent_core.auth.access import require_access
from jobagent_core.auth.errors import AccessDenied
from jobagent_core.config import Settings
from jobagent_core.db.enums import RunStatus
from jobagent_core.db.models import Run, SavedSearch, User
from jobagent_core.scheduling.slots import (
    Schedule,
    ScheduleError,
    check_schedule,
    describe,
    local_time_text,
    next_slot,
)
from jobagent_core.workflows.job_search_start import (
    JobSearchRequest,
    SearchFilters,
    check_sources,
    start_job_search,
)

# Where a scheduled run keeps the saved search it ran for (`run.params`).
SAVED_SEARCH_PARAM = "saved_search_id"
NO_NEW_MATCHES = "No new matches since the last run."
MAX_SAVED_SEARCHES = 50  # per person: each one is a search at least once a week


class SavedSearchRequest(JobSearchRequest):
    """A job search (the fields of POST /workflow/job-search) and its schedule."""

    schedule: Literal["daily", "weekdays", "weekly"]
    time_of_day: str = Field(max_length=5, description="HH:MM, 24-hour clock")
    weekday: int | None = Field(default=None, ge=0, le=6, description="0 = Monday")
    time_zone: str = Field(default="UTC", max_length=64)

    @model_validator(mode="after")
    def _schedule_works(self) -> SavedSearchRequest:
        try:
            check_schedule(self.schedule, self.time_of_day, self.time_zone, self.weekday)
        except ScheduleError as err:
            raise ValueError(str(err)) from err
        self.time_of_day = self.time_of_day.strip()
        self.time_zone = self.time_zone.strip()
        return self


class SavedSearchNotFound(LookupError):
    def __init__(self) -> None:
        super().__init__("No such saved search.")


class TooManySavedSearches(ValueError):
    def __init__(self) -> None:
        super().__init__(f"You have {MAX_SAVED_SEARCHES} saved searches already: delete one first.")


@dataclass(frozen=True)
class SavedSearchView:
    """One saved search as the faces show it (plain values)."""

    id: str
    title: str
    location: str | None
    remote: str
    remote_only: bool
    sources: tuple[str, ...]
    schedule: str  # "daily", "weekdays", "weekly"
    time_of_day: str
    weekday: int | None
    time_zone: str
    schedule_text: str  # "Every Monday at 08:00 (Europe/Berlin)"
    paused: bool
    next_run_at: datetime | None
    next_run_text: str  # in the person's zone; "Paused" while paused
    last_run_id: str | None
    last_run_status: str | None
    last_result: str  # "3 new matches", "Failed: …", "Not run yet"
    created_at: datetime

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "location": self.location,
            "remote": self.remote,
            "remote_only": self.remote_only,
            "sources": list(self.sources),
            "schedule": self.schedule,
            "time_of_day": self.time_of_day,
            "weekday": self.weekday,
            "time_zone": self.time_zone,
            "schedule_text": self.schedule_text,
            "paused": self.paused,
            "next_run_at": self.next_run_at.isoformat() if self.next_run_at else None,
            "last_run_id": self.last_run_id,
            "last_run_status": self.last_run_status,
            "last_result": self.last_result,
            "created_at": self.created_at.isoformat(),
        }


def schedule_of(row: SavedSearch) -> Schedule:
    return Schedule(
        kind=row.schedule_kind,  # type: ignore[arg-type]  # checked when saved
        time_of_day=row.time_of_day,
        time_zone=row.time_zone,
        weekday=row.weekday,
    )


def _apply(row: SavedSearch, request: SavedSearchRequest) -> None:
    row.title = request.title
    row.location = request.location
    row.remote_only = request.remote_only
    row.remote = request.remote
    row.sources = list(request.sources)
    row.filters = request.filters.model_dump(mode="json")
    row.schedule_kind = request.schedule
    row.time_of_day = request.time_of_day
    row.weekday = request.weekday
    row.time_zone = request.time_zone


def _live(user_id: str) -> Select[SavedSearch]:
    return select(SavedSearch).where(
        SavedSearch.user_id == user_id, SavedSearch.deleted_at.is_(None)
    )


def create_saved_search(
    db: DbSession, user_id: str, request: SavedSearchRequest, settings: Settings, now: datetime
) -> SavedSearch:
    """A new saved search, first due at its next slot after `now`. Raises
    SourceSpecError for a source this person cannot use, TooManySavedSearches."""
    check_sources(request.sources, settings, user_id=user_id)
    if len(db.scalars(_live(user_id)).all()) >= MAX_SAVED_SEARCHES:
        raise TooManySavedSearches()
    row = SavedSearch(user_id=user_id)
    _apply(row, request)
    row.next_run_at = next_slot(schedule_of(row), now)
    db.add(row)
    db.flush()
    return row


def owned_saved_search(db: DbSession, user_id: str, saved_id: str) -> SavedSearch:
    """`user_id`'s saved search `saved_id` (not deleted), or SavedSearchNotFound —
    also for another person's id, which looks the same as one that never existed."""
    row = db.scalars(_live(user_id).where(SavedSearch.id == saved_id)).first()
    if row is None:
        raise SavedSearchNotFound()
    return row


def list_saved_searches(db: DbSession, user_id: str) -> list[SavedSearch]:
    statement = _live(user_id).order_by(SavedSearch.created_at, SavedSearch.id)
    return list(db.scalars(statement))


def update_saved_search(
    db: DbSession,
    user_id: str,
    saved_id: str,
    request: SavedSearchRequest,
    settings: Settings,
    now: datetime,
) -> SavedSearch:
    """Replace what and when; the next run moves to the new schedule's next slot."""
    row = owned_saved_search(db, user_id, saved_id)
    check_sources(request.sources, settings, user_id=user_id)
    _apply(row, request)
    row.last_error = None
    row.next_run_at = None if row.paused else next_slot(schedule_of(row), now)
    return row


def pause_saved_search(db: DbSession, user_id: str, saved_id: str) -> SavedSearch:
    row = owned_saved_search(db, user_id, saved_id)
    row.paused = True
    row.next_run_at = None
    return row


def resume_saved_search(db: DbSession, user_id: str, saved_id: str, now: datetime) -> SavedSearch:
    """Running again from the next slot after `now` (slots missed while paused are
    not made up for)."""
    row = owned_saved_search(db, user_id, saved_id)
    row.paused = False
    row.next_run_at = next_slot(schedule_of(row), now)
    return row


def delete_saved_search(db: DbSession, user_id: str, saved_id: str, now: datetime) -> None:
    """Gone for the person and the tick; its past runs and matches stay."""
    row = owned_saved_search(db, user_id, saved_id)
    row.deleted_at = now
    row.next_run_at = None


def start_saved_run(db: DbSession, row: SavedSearch, settings: Settings) -> Run:
    """An ordinary pending job-search run for `row`, marked as its run (commit, then
    queue it). Raises AccessDenied or SourceSpecError in words, before writing
    anything, so a caller may record why and still commit its own changes."""
    user = db.get(User, row.user_id)
    if user is None:
        raise AccessDenied("Your account no longer exists; sign in again.")
    require_access(user, settings.allow_list)
    check_sources(row.sources or [], settings, user_id=row.user_id)
    request = JobSearchRequest(
        title=row.title,
        location=row.location,
        remote_only=row.remote_only,
        remote=row.remote,
        sources=list(row.sources or []),
        filters=SearchFilters.model_validate(row.filters or {}),
    )
    run = start_job_search(db, row.user_id, request, settings)
    run.params = {**(run.params or {}), SAVED_SEARCH_PARAM: row.id}
    row.last_run_id = run.id
    row.last_error = None
    db.flush()
    return run


def _last_result(run: Run | None, error: str | None) -> str:
    if error:
        return f"Not started: {error}"
    if run is None:
        return "Not run yet"
    if run.status == RunStatus.FAILED:
        return f"Failed: {run.error_message or 'the run stopped with an error.'}"
    if run.status == RunStatus.CANCELLED:
        return "Cancelled"
    if run.status != RunStatus.COMPLETED:
        return "Running" if run.status == RunStatus.RUNNING else "Queued"
    new = (run.params or {}).get("new_matches")
    if not isinstance(new, int) or new == 0:
        return NO_NEW_MATCHES.rstrip(".")
    return f"{new} new match{'es' if new != 1 else ''}"


def view_of(db: DbSession, row: SavedSearch) -> SavedSearchView:
    run = None
    if row.last_run_id:
        run = db.scalars(
            select(Run).where(Run.id == row.last_run_id, Run.user_id == row.user_id)
        ).first()
    if row.paused:
        next_text = "Paused"
    elif row.next_run_at is not None:
        next_text = local_time_text(row.next_run_at, row.time_zone)
    else:
        next_text = "Not scheduled"
    return SavedSearchView(
        id=row.id,
        title=row.title,
        location=row.location,
        remote=row.remote,
        remote_only=row.remote_only,
        sources=tuple(row.sources or ()),
        schedule=row.schedule_kind,
        time_of_day=row.time_of_day,
        weekday=row.weekday,
        time_zone=row.time_zone,
        schedule_text=describe(schedule_of(row)),
        paused=row.paused,
        next_run_at=row.next_run_at,
        next_run_text=next_text,
        last_run_id=row.last_run_id,
        last_run_status=run.status if run is not None else None,
        last_result=_last_result(run, row.last_error),
        created_at=row.created_at,
    )
