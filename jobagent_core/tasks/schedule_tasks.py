"""The scheduler's tick as a Celery task; beat sends it once a minute."""

from __future__ import annotations

from celery import shared_task

from jobagent_core.db.base import utcnow
from jobagent_core.db.engine import admin_engine
from jobagent_core.workflows.saved_search_tick import TICK_TASK_NAME, tick_saved_searches


# No retries and no late ack: a lost tick is replaced by the next one a minute later.
@shared_task(name=TICK_TASK_NAME, ignore_result=True)
def tick_saved_searches_task() -> int:
    """Start the saved searches that are due; returns how many runs started."""
    return len(tick_saved_searches(admin_engine(), utcnow()).started)
