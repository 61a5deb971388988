"""Job searches: what the search page reads, the job files it takes, and the runs it
starts and follows.

Every function opens its own session (the web app's database role unless an
engine is passed) and returns plain values; a run is sent to the workers only
after the transaction that created it has committed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from sqlalchemy import Engine

from jobagent_core.config import get_settings
from jobagent_core.db.enums import RunKind
from jobagent_core.db.models import Run, User
from jobagent_core.discovery.sources.file_import import FileSource, SourceFileError
from jobagent_core.profiling.service import get_profile
from jobagent_core.services.runs import StartedRun
from jobagent_core.services.unit_of_work import queue_after_commit, unit_of_work
from jobagent_core.storage import FileStore
from jobagent_core.tracking.dashboard import (
    RunRow,
    get_run_rows,
    new_suffix,
    readable_run_rows,
    to_run_row,
)
from jobagent_core.workflows.dispatch import QueueUnavailable
from jobagent_core.workflows.job_search_start import (
    JobSearchRequest,
    NoSuggestedTitles,
    SearchFromProfileRequest,
    file_source,
    start_from_profile,
    start_job_search,
)

RECENT_RUNS: Final = 5  # the searches the search page lists when it opens


def load_suggested_titles(
    user_id: str, *, engine: Engine | None = None
) -> tuple[bool, list[str], str]:
    """(has a profile, its suggested titles, its location): the titles "search all"
    uses (the user row's `suggested_job_titles`, which saving the profile keeps)."""
    with unit_of_work(engine) as db:
        profile = get_profile(db, user_id) or {}
        user = db.get(User, user_id)
        stored = (user.suggested_job_titles if user is not None else None) or []
    titles = [t for t in stored if isinstance(t, str)]
    location = profile.get("location")
    return bool(profile), titles, location if isinstance(location, str) else ""


def check_jobs_file(user_id: str, name: str, data: bytes) -> tuple[str, str]:
    """Store an uploaded JSON/CSV job file; (source spec signed for `user_id`,
    "N postings" summary). Raises SourceFileError with the reason in words."""
    settings = get_settings()
    suffix = ".csv" if name.lower().endswith(".csv") else ".json"
    source = FileSource(data, name)
    if not source.postings:
        raise SourceFileError(f"{name} has no postings Job Agent could read.")
    key = FileStore(settings.STORAGE_DIR).put(data, suffix)
    count = len(source.postings)
    summary = f"{count} posting{'s' if count != 1 else ''}"
    if source.warnings:
        summary += f", {len(source.warnings)} row(s) skipped"
    return file_source(user_id, key, settings), summary


def start_search_runs(
    user_id: str,
    request: JobSearchRequest | SearchFromProfileRequest,
    *,
    engine: Engine | None = None,
) -> list[StartedRun]:
    """Create the runs (one, or one per suggested title), commit, then queue them.

    When the queue refused them they are committed but marked failed with a
    message, and `queue_refused` says so. Raises AccessDenied, SourceSpecError,
    NoSuggestedTitles (nothing is created then)."""
    settings = get_settings()
    started: list[StartedRun] = []
    try:
        with unit_of_work(engine) as db:
            if isinstance(request, JobSearchRequest):
                runs = [start_job_search(db, user_id, request, settings)]
            else:
                runs = start_from_profile(db, user_id, request, settings)
            for run in runs:
                queue_after_commit(db, run)
            started = [StartedRun(run.id, run.task_id) for run in runs]
    except QueueUnavailable:
        # Raised only after the commit: the runs exist, marked failed.
        started = [StartedRun(s.run_id, s.task_id, queue_refused=True) for s in started]
    return started


def start_searches(
    user_id: str,
    request: JobSearchRequest | SearchFromProfileRequest,
    *,
    engine: Engine | None = None,
) -> tuple[list[RunRow], bool]:
    """`start_search_runs`, as the search page follows them: (their rows, whether
    the queue refused them)."""
    started = start_search_runs(user_id, request, engine=engine)
    rows = load_runs(user_id, [s.run_id for s in started], engine=engine)
    return rows, any(s.queue_refused for s in started)


def load_runs(
    user_id: str, run_ids: Sequence[str], *, engine: Engine | None = None
) -> list[RunRow]:
    """The user's runs among `run_ids`, in that order (others' ids find nothing)."""
    with unit_of_work(engine) as db:
        return get_run_rows(db, user_id, run_ids)


def load_recent_runs(
    user_id: str,
    keep: Sequence[str] = (),
    *,
    limit: int = RECENT_RUNS,
    engine: Engine | None = None,
) -> list[RunRow]:
    """The user's last `limit` job searches, finished ones too, and the runs among
    `keep` (those the page already shows), newest first: what the search page lists
    when it opens, so a search started before a reload is still in view."""
    with unit_of_work(engine) as db:
        statement = readable_run_rows(user_id).where(Run.kind == RunKind.JOB_SEARCH)
        rows = [to_run_row(r) for r in db.execute(statement.limit(max(1, limit)))]
        listed = {row.id for row in rows}
        rows += get_run_rows(db, user_id, [i for i in keep if i not in listed])
    rows.sort(key=lambda row: (row.created_at, row.id), reverse=True)
    return rows


# The requests the use cases take and the errors they raise, for the faces.
__all__ = [
    "JobSearchRequest",
    "NoSuggestedTitles",
    "RunRow",
    "SearchFromProfileRequest",
    "check_jobs_file",
    "load_recent_runs",
    "load_runs",
    "load_suggested_titles",
    "new_suffix",
    "start_search_runs",
    "start_searches",
]
