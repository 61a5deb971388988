"""Deleting an account, on a worker (the admin role may DELETE; the web app's may not)."""

from __future__ import annotations

from celery import shared_task

from jobagent_core.accounts.deletion import TASK_NAME, delete_account
from jobagent_core.config import get_settings
from jobagent_core.db.engine import admin_engine
from jobagent_core.storage import FileStore

MAX_RETRIES = 5


# Retried with backoff: the database may be restarting. Deleting twice is harmless.
@shared_task(
    name=TASK_NAME,
    acks_late=True,
    autoretry_for=(Exception,),
    max_retries=MAX_RETRIES,
    retry_backoff=True,
)
def delete_account_task(user_id: str) -> bool:
    """Delete `user_id` and everything they own; True if there was an account."""
    report = delete_account(admin_engine(), user_id, FileStore(get_settings().STORAGE_DIR))
    return report.deleted
