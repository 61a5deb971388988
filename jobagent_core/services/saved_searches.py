"""Saved searches: keep a search with a schedule, list, edit, pause, resume,
delete, and run one now.

Every function opens its own transaction (the web app's database role unless an
engine is passed), works only on the caller's own saved searches (another
person's id raises SavedSearchNotFound, as an unknown one does) and returns plain
`SavedSearchView`s. "Run now" queues its run after the commit.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Engine

from jobagent_core.auth.errors import AccessDenied
from jobagent_core.config import get_settings
from jobagent_core.db.base import utcnow
from jobagent_core.scheduling.saved_searches import (
    NO_NEW_MATCHES,
    SavedSearchNotFound,
    SavedSearchRequest,
    SavedSearchView,
    TooManySavedSearches,
    create_saved_search,
    delete_saved_search,
    list_saved_searches,
    owned_saved_search,
    pause_saved_search,
    resume_saved_search,
    start_saved_run,
    update_saved_search,
    view_of,
)
from jobagent_core.scheduling.slots import (
    SCHEDULE_KINDS,
    WEEKDAY_NAMES,
    ScheduleError,
    check_time_zone,
)
from jobagent_core.services.runs import StartedRun
from jobagent_core.services.unit_of_work import queue_after_commit, unit_of_work
from jobagent_core.workflows.dispatch import QueueUnavailable
from jobagent_core.workflows.job_search_start import SourceSpecError


def list_saved(user_id: str, *, engine: Engine | None = None) -> list[SavedSearchView]:
    """The person's saved searches, oldest first (deleted ones are gone)."""
    with unit_of_work(engine) as db:
        return [view_of(db, row) for row in list_saved_searches(db, user_id)]


def get_saved(user_id: str, saved_id: str, *, engine: Engine | None = None) -> SavedSearchView:
    with unit_of_work(engine) as db:
        return view_of(db, owned_saved_search(db, user_id, saved_id))


def save_search(
    user_id: str,
    request: SavedSearchRequest,
    *,
    engine: Engine | None = None,
    now: datetime | None = None,
) -> SavedSearchView:
    """Keep `request` with its schedule; raises SourceSpecError, TooManySavedSearches."""
    with unit_of_work(engine) as db:
        row = create_saved_search(db, user_id, request, get_settings(), now or utcnow())
        return view_of(db, row)


def edit_saved(
    user_id: str,
    saved_id: str,
    request: SavedSearchRequest,
    *,
    engine: Engine | None = None,
    now: datetime | None = None,
) -> SavedSearchView:
    with unit_of_work(engine) as db:
        row = update_saved_search(db, user_id, saved_id, request, get_settings(), now or utcnow())
        return view_of(db, row)


def pause_saved(user_id: str, saved_id: str, *, engine: Engine | None = None) -> SavedSearchView:
    with unit_of_work(engine) as db:
        return view_of(db, pause_saved_search(db, user_id, saved_id))


def resume_saved(
    user_id: str, saved_id: str, *, engine: Engine | None = None, now: datetime | None = None
) -> SavedSearchView:
    with unit_of_work(engine) as db:
        return view_of(db, resume_saved_search(db, user_id, saved_id, now or utcnow()))


def delete_saved(
    user_id: str, saved_id: str, *, engine: Engine | None = None, now: datetime | None = None
) -> None:
    with unit_of_work(engine) as db:
        delete_saved_search(db, user_id, saved_id, now or utcnow())


def run_saved_now(user_id: str, saved_id: str, *, engine: Engine | None = None) -> StartedRun:
    """Start the saved search at once (its schedule is unchanged). Raises
    SavedSearchNotFound, AccessDenied, SourceSpecError."""
    started: StartedRun | None = None
    try:
        with unit_of_work(engine) as db:
            row = owned_saved_search(db, user_id, saved_id)
            run = start_saved_run(db, row, get_settings())
            queue_after_commit(db, run)
            started = StartedRun(run.id, run.task_id)
    except QueueUnavailable:
        # Raised only after the commit: the run exists, marked failed.
        assert started is not None
        return StartedRun(started.run_id, started.task_id, queue_refused=True)
    return started


__all__ = [
    "NO_NEW_MATCHES",
    "SCHEDULE_KINDS",
    "WEEKDAY_NAMES",
    "AccessDenied",
    "SavedSearchNotFound",
    "SavedSearchRequest",
    "SavedSearchView",
    "ScheduleError",
    "SourceSpecError",
    "TooManySavedSearches",
    "check_time_zone",
    "delete_saved",
    "edit_saved",
    "get_saved",
    "list_saved",
    "pause_saved",
    "resume_saved",
    "run_saved_now",
    "save_search",
]
