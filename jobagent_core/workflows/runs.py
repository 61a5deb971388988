"""Run bookkeeping. Every read is scoped to the owner: the unscoped statement is
not something callers can reach for."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session as DbSession

from jobagent_core.auth.access import require_access
from jobagent_core.auth.errors import AccessDenied
from jobagent_core.db.enums import RunKind, RunStatus
from jobagent_core.db.models import Run, User


def readable_runs(user_id: str) -> Select[Run]:
    """Runs `user_id` may see, newest first."""
    return select(Run).where(Run.user_id == user_id).order_by(Run.created_at.desc())


def get_run(db: DbSession, user_id: str, run_id: str) -> Run | None:
    """`user_id`'s run `run_id`, or None (also when it belongs to someone else)."""
    return db.scalars(readable_runs(user_id).where(Run.id == run_id)).first()


def create_run(
    db: DbSession,
    user_id: str,
    kind: RunKind,
    *,
    allow_list: frozenset[str],
    params: dict[str, Any] | None = None,
    job_search_id: str | None = None,
) -> Run:
    """A pending run for `user_id`; raises `AccessDenied` if they may not start one."""
    user = db.get(User, user_id)
    if user is None:
        raise AccessDenied("Your account no longer exists; sign in again.")
    require_access(user, allow_list)
    run = Run(
        user_id=user_id,
        kind=kind,
        status=RunStatus.PENDING,
        params=params or {},
        job_search_id=job_search_id,
    )
    db.add(run)
    db.flush()
    return run


def run_status(run: Run) -> dict[str, Any]:
    """The JSON shape of a run for the HTTP API."""

    def iso(value: Any) -> str | None:
        return value.isoformat() if value else None

    return {
        "run_id": run.id,
        "kind": run.kind,
        "status": run.status,
        "current_step": run.current_step,
        "progress": {"done": run.progress_done, "total": run.progress_total},
        "counters": {
            "found": run.found_count,
            "screened": run.screened_count,
            "matched": run.matched_count,
            "research_done": run.research_done,
            "research_failed": run.research_failed,
            "fabrication_done": run.fabrication_done,
            "fabrication_failed": run.fabrication_failed,
        },
        "warnings": list(run.warnings or []),
        # LLM calls, tokens, repairs and offline fallbacks by stage ({} without an LLM)
        "llm_usage": dict((run.params or {}).get("llm_usage") or {}),
        "error_message": run.error_message,
        # The matches the run made or found again (a job search's, an added posting's).
        "match_ids": [str(m) for m in (run.params or {}).get("match_ids") or []],
        # A saved search's run: which one, and e.g. "No new matches since the last run."
        "saved_search_id": (run.params or {}).get("saved_search_id"),
        "note": (run.params or {}).get("note"),
        "task_id": run.task_id,
        "created_at": iso(run.created_at),
        "started_at": iso(run.started_at),
        "finished_at": iso(run.finished_at),
    }
