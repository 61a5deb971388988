"""Which workflow executes a run, and how runs reach the queue."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from datetime import timedelta

from sqlalchemy import Engine, func, or_, update

from jobagent_core.config import get_settings
from jobagent_core.db.base import utcnow
from jobagent_core.db.engine import admin_engine, session_scope
from jobagent_core.db.enums import RunKind, RunStatus
from jobagent_core.db.models import Run
from jobagent_core.workflows import engine as workflow_engine

log = logging.getLogger(__name__)

TASK_NAME = "jobagent.run_workflow"


def _executors() -> dict[str, Callable[[str], RunStatus | None]]:
    # Imported here: workflows pull in extraction and matching code the web app
    # process never needs.
    import jobagent_core.workflows.added_posting as added_posting
    import jobagent_core.workflows.job_search as job_search
    import jobagent_core.workflows.letter as letter
    import jobagent_core.workflows.profiling as profiling

    return {
        RunKind.PROFILING: profiling.execute,
        RunKind.JOB_SEARCH: job_search.execute,
        RunKind.LETTER: letter.execute,
        RunKind.POSTING: added_posting.execute,
    }


def execute_run(run_id: str) -> RunStatus | None:
    """Execute run `run_id` with the workflow for its kind (in a worker)."""
    with session_scope(admin_engine()) as db:
        run = db.get(Run, run_id)
        kind = run.kind if run else None
    if kind is None:
        log.warning("run %s no longer exists; dropping its task", run_id)
        return None
    executor = _executors().get(kind)
    if executor is None:
        workflow_engine.finish(
            admin_engine(), run_id, RunStatus.FAILED, f"This version cannot run {kind} workflows."
        )
        return RunStatus.FAILED
    return executor(run_id)


def new_task_id() -> str:
    return str(uuid.uuid4())


def enqueue(run_id: str, kind: str, task_id: str) -> None:
    """Send the run's task to the queue its kind is served from."""
    from jobagent_core.tasks.celery_app import QUEUE_FOR_KIND, get_celery

    get_celery().send_task(
        TASK_NAME, args=[run_id], task_id=task_id, queue=QUEUE_FOR_KIND[RunKind(kind)]
    )


def queue_run(engine: Engine, run: Run) -> None:
    """Send a committed run to the workers; a queue that cannot be reached fails the
    run with a message rather than leaving it pending forever."""
    try:
        assert run.task_id is not None
        enqueue(run.id, run.kind, run.task_id)
    except Exception as err:
        log.exception("could not queue run %s", run.id)
        with engine.begin() as conn:
            conn.execute(
                update(Run)
                .where(Run.id == run.id)
                .values(
                    status=RunStatus.FAILED,
                    error_message="The task queue is not reachable, so the run could not start. "
                    "Check that the worker and its broker are running, then try again.",
                    finished_at=func.now(),
                )
            )
        raise QueueUnavailable() from err


class QueueUnavailable(RuntimeError):
    def __init__(self) -> None:
        super().__init__("The task queue is not reachable; the run was marked failed.")


def recover_stale_runs() -> int:
    """Re-queue runs whose worker died (no heartbeat); returns how many."""
    stale_after = timedelta(seconds=get_settings().RUN_STALE_AFTER_S)
    engine = admin_engine()
    recovered = 0
    for run_id, kind in workflow_engine.stale_runs(engine, stale_after=stale_after):
        task_id = new_task_id()
        # Back to pending with a new task, only if still stale: when several workers
        # sweep at once, exactly one of them wins this update and queues the run.
        with engine.begin() as conn:
            won = conn.execute(
                update(Run)
                .where(
                    Run.id == run_id,
                    Run.status == RunStatus.RUNNING,
                    or_(Run.heartbeat_at.is_(None), Run.heartbeat_at < utcnow() - stale_after),
                )
                .values(status=RunStatus.PENDING, task_id=task_id)
            ).rowcount
        if not won:
            continue
        enqueue(run_id, kind, task_id)
        log.warning("run %s lost its worker; queued again as task %s", run_id, task_id)
        recovered += 1
    return recovered
