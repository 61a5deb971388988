""" "Add a posting": start the `posting` run for a link or pasted text, and read it
back as the page follows it.

The web process never fetches the link: it checks the request, commits a pending
run and queues it; a worker reads, screens, researches and writes. Every function
takes the caller's user id; another person's run is None, exactly like one that
never existed.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, select

from jobagent_core.config import get_settings
from jobagent_core.db.enums import RunKind
from jobagent_core.db.models import JobPosting, MatchedJob, Run
from jobagent_core.services.runs import StartedRun
from jobagent_core.services.unit_of_work import queue_after_commit, unit_of_work
from jobagent_core.tracking.dashboard import RunRow, get_run_row
from jobagent_core.workflows.added_posting_start import (
    AddPostingRequest,
    NoProfileYet,
    start_added_posting,
)
from jobagent_core.workflows.dispatch import QueueUnavailable

__all__ = [
    "AddPostingRequest",
    "AddedPosting",
    "NoProfileYet",
    "add_posting",
    "load_added_posting",
]


def add_posting(
    user_id: str, request: AddPostingRequest, *, engine: Engine | None = None
) -> StartedRun:
    """Commit the run that adds the posting, then queue it. Raises `AccessDenied`,
    `NoProfileYet` (nothing is created then); when the queue refused the run it is
    kept, marked failed, and `queue_refused` says so."""
    started: StartedRun | None = None
    try:
        with unit_of_work(engine) as db:
            run = start_added_posting(db, user_id, request.run_params(), get_settings())
            queue_after_commit(db, run)
            started = StartedRun(run.id, run.task_id)
    except QueueUnavailable:
        assert started is not None  # raised only after the commit
        return StartedRun(started.run_id, started.task_id, queue_refused=True)
    return started


@dataclass(frozen=True)
class AddedPosting:
    """An added posting's run as the page shows it."""

    run: RunRow
    label: str  # the link, or "Title at Company" of pasted text
    match_id: str | None  # once screened
    title: str | None  # of the stored posting, once read
    company: str | None
    score: float | None
    unreadable: bool  # the link could not be read: the page offers the paste box


def load_added_posting(
    user_id: str, run_id: str, *, engine: Engine | None = None
) -> AddedPosting | None:
    """The user's `posting` run `run_id`, or None (another person's, another kind,
    or none at all)."""
    with unit_of_work(engine) as db:
        params = db.scalars(
            select(Run.params).where(
                Run.id == run_id, Run.user_id == user_id, Run.kind == RunKind.POSTING
            )
        ).first()
        row = get_run_row(db, user_id, run_id) if params is not None else None
        if row is None:
            return None
        params = params or {}
        ids = params.get("match_ids")
        match_id = ids[0] if isinstance(ids, list) and ids and isinstance(ids[0], str) else None
        found = (
            db.execute(
                select(JobPosting.title, JobPosting.company, MatchedJob.score)
                .join(JobPosting, JobPosting.id == MatchedJob.job_posting_id)
                .where(MatchedJob.id == match_id, MatchedJob.user_id == user_id)
            ).first()
            if match_id
            else None
        )
    label = params.get("label")
    return AddedPosting(
        run=row,
        label=label if isinstance(label, str) else "Added posting",
        match_id=match_id if found is not None else None,
        title=found.title if found is not None else None,
        company=found.company if found is not None else None,
        score=float(found.score) if found is not None else None,
        unreadable=params.get("unreadable") is True,
    )
