"""The cover letter of a match, as the web app changes it: the person's edits, back
to the generated text, or written again by a worker (a `letter` run queued after
its commit), and the letter runs a page follows live.

Every function takes the signed-in user's id; another person's match is
`MatchNotFound`, exactly like one that never existed. Writing a letter may call
an LLM for minutes, so the web process never does it: it only queues the run.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Engine, select

from jobagent_core.config import get_settings
from jobagent_core.db.enums import RunKind, RunStatus
from jobagent_core.db.models import Run
from jobagent_core.live.poller import RunChange
from jobagent_core.services.match_detail import DetailView, LetterView, letter_view, load_detail
from jobagent_core.services.unit_of_work import queue_after_commit, unit_of_work
from jobagent_core.tracking.dashboard import RunRow, get_run_row
from jobagent_core.tracking.letters import (
    LetterInProgress,
    revert_letter,
    save_letter,
    start_letter,
)

__all__ = [
    "LetterInProgress",
    "LetterRunsRefresh",
    "RunRow",
    "refresh_letter_runs",
    "regenerate",
    "request_letter",
    "revert",
    "save",
]


def save(user_id: str, match_id: str, text: str) -> LetterView:
    """Keep the person's edited letter (its PDF and Word files follow it).
    Raises `MatchNotFound`, `NoApplication`, `LetterTextError`."""
    with unit_of_work() as db:
        return letter_view(save_letter(db, user_id, match_id, text))


def revert(user_id: str, match_id: str) -> LetterView:
    """Back to the letter the writer produced. Raises `MatchNotFound`, `NoApplication`."""
    with unit_of_work() as db:
        return letter_view(revert_letter(db, user_id, match_id))


def request_letter(
    user_id: str,
    match_id: str,
    *,
    engine: Engine | None = None,
    allow_list: frozenset[str] | None = None,
) -> str:
    """Queue writing a new letter for `user_id`'s match; returns the run's id.

    The run is committed, then queued; a worker writes the letter. Raises
    `MatchNotFound`, `NoProfile`, `LetterInProgress`, `AccessDenied` (nothing
    queued), or `QueueUnavailable` (the run was marked failed with a message).
    """
    if allow_list is None:
        allow_list = get_settings().allow_list
    with unit_of_work(engine) as db:
        run = start_letter(db, user_id, match_id, allow_list=allow_list)
        queue_after_commit(db, run)
    return run.id


def regenerate(user_id: str, match_id: str) -> RunRow:
    """Queue a new letter for the user's match; the run that writes it (a worker
    does). Raises `MatchNotFound`, `NoProfile`, `LetterInProgress`, `AccessDenied`
    (nothing queued) or `QueueUnavailable` (the run is marked failed)."""
    run_id = request_letter(user_id, match_id)
    with unit_of_work() as db:
        row = get_run_row(db, user_id, run_id)
    assert row is not None
    return row


@dataclass(frozen=True)
class LetterRunsRefresh:
    """Per tick: the match of each changed letter run, and the page of each match
    whose letter run completed."""

    match_of: dict[str, str]  # run id -> match id
    completed: dict[str, DetailView | None]  # match id -> the page again


def refresh_letter_runs(user_id: str, changes: Sequence[RunChange]) -> LetterRunsRefresh | None:
    """One SELECT for the user's changed letter runs, and each completed one's page
    again. None when no letter run changed."""
    ids = [c.run.id for c in changes if c.run.kind == RunKind.LETTER]
    if not ids:
        return None
    with unit_of_work() as db:
        rows = db.execute(
            select(Run.id, Run.params).where(Run.user_id == user_id, Run.id.in_(ids))
        ).all()
    match_of = {row.id: str((row.params or {}).get("match_id", "")) for row in rows}
    done = {
        match_of[c.run.id]
        for c in changes
        if c.run.id in match_of and c.run.status == RunStatus.COMPLETED
    }
    return LetterRunsRefresh(match_of, {m: load_detail(user_id, m) for m in sorted(done) if m})
