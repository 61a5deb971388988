"""The one task: execute a run. Thin on purpose; the workflow does the work."""

from __future__ import annotations

import logging
from typing import Any

from celery import shared_task
from sqlalchemy import update
from sqlalchemy.exc import OperationalError

from jobagent_core.db.engine import admin_engine
from jobagent_core.db.enums import RunStatus
from jobagent_core.db.models import Run
from jobagent_core.workflows.dispatch import TASK_NAME, execute_run

log = logging.getLogger(__name__)
MAX_RETRIES = 3


@shared_task(name=TASK_NAME, bind=True, acks_late=True, max_retries=MAX_RETRIES)
def run_workflow(self: Any, run_id: str) -> str | None:
    try:
        status = execute_run(run_id)
    except OperationalError as err:
        # The database went away (restart, network): transient. Hand the run back
        # and retry with backoff; the steps are idempotent.
        log.warning("run %s: database unavailable (%s); retrying", run_id, type(err).__name__)
        try:
            with admin_engine().begin() as conn:
                conn.execute(
                    update(Run)
                    .where(Run.id == run_id, Run.status == RunStatus.RUNNING)
                    .values(status=RunStatus.PENDING)
                )
        except OperationalError:
            pass  # still down: the stale-run sweep will pick the run up later
        raise self.retry(exc=err, countdown=2 ** (self.request.retries + 1)) from err
    return str(status) if status else None
