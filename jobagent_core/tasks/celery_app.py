"""The Celery app (docs/architecture.md §6).

Redis when REDIS_URL or CELERY_BROKER_URL is set; otherwise an embedded broker
(kombu's filesystem transport under QUEUE_DIR) that carries tasks between
processes on one machine with no server. Results live in the Run rows, so no
result backend is needed.
"""

from __future__ import annotations

import functools
from typing import Any

from celery import Celery
from celery.signals import worker_process_init
from kombu.entity import Queue

from jobagent_core.config import Settings, get_settings
from jobagent_core.db.enums import RunKind
from jobagent_core.scheduling.beat import TICK_EVERY_S, TICK_TASK_NAME
from jobagent_core.tasks import embedded_broker

# A letter is one short, interactive piece of work, like profiling: it shares that
# queue rather than waiting behind long searches.
QUEUE_FOR_KIND = {
    RunKind.PROFILING: "profiling",
    RunKind.JOB_SEARCH: "search",
    RunKind.LETTER: "profiling",
    # One posting added by hand: a person waits for it, as for a letter.
    RunKind.POSTING: "profiling",
}
QUEUES = tuple(dict.fromkeys(QUEUE_FOR_KIND.values()))
# A run is hours at most; beyond this something is wrong and the worker moves on.
SOFT_TIME_LIMIT_S = 30 * 60
TIME_LIMIT_S = SOFT_TIME_LIMIT_S + 60


def broker_settings(settings: Settings) -> dict[str, Any]:
    url = settings.broker_url
    if url:
        # Longer than any run: Redis redelivers unacknowledged tasks after this.
        return {"broker_url": url, "broker_transport_options": {"visibility_timeout": 2 * 3600}}
    queue_dir = settings.QUEUE_DIR.resolve()
    for sub in ("messages", "processed", "control"):
        (queue_dir / sub).mkdir(parents=True, exist_ok=True)
    return {
        "broker_url": f"{embedded_broker.SCHEME}://",
        "broker_transport_options": {
            "data_folder_in": str(queue_dir / "messages"),
            "data_folder_out": str(queue_dir / "messages"),
            "processed_folder": str(queue_dir / "processed"),
            # Broadcast/control exchanges; kombu's default is ./control in the cwd.
            "control_folder": str(queue_dir / "control"),
            "store_processed": False,
            # 0.1 s keeps enqueue → start well under a second (measured here).
            "polling_interval": 0.1,
        },
    }


def create_celery(settings: Settings | None = None) -> Celery:
    settings = settings or get_settings()
    app = Celery(
        "jobagent",
        include=[
            "jobagent_core.tasks.workflow_tasks",
            "jobagent_core.tasks.recovery",
            "jobagent_core.tasks.account_tasks",
            "jobagent_core.tasks.schedule_tasks",
        ],
    )
    app.conf.update(
        **broker_settings(settings),
        task_ignore_result=True,
        result_backend=None,
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_soft_time_limit=SOFT_TIME_LIMIT_S,
        task_time_limit=TIME_LIMIT_S,
        task_default_queue=QUEUES[0],
        task_queues=[Queue(name) for name in QUEUES],
        task_create_missing_queues=False,
        broker_connection_retry_on_startup=True,
        worker_hijack_root_logger=False,
        worker_send_task_events=True,
        task_send_sent_event=True,
        accept_content=["json"],
        task_serializer="json",
        **beat_settings(settings),
    )
    return app


def beat_settings(settings: Settings) -> dict[str, Any]:
    """Beat's one entry (the saved-search tick) and its state file, under QUEUE_DIR
    rather than the working directory. Exactly one beat per deployment: the worker
    runs it in embedded mode, a `beat` service with Redis (docs/deploy.md)."""
    queue_dir = settings.QUEUE_DIR.resolve()
    return {
        "beat_schedule": {
            "tick-saved-searches": {
                "task": TICK_TASK_NAME,
                "schedule": TICK_EVERY_S,
                # A tick nobody took within the minute is replaced by the next one.
                "options": {"queue": QUEUES[0], "expires": TICK_EVERY_S},
            }
        },
        "beat_schedule_filename": str(queue_dir / "celerybeat-schedule"),
    }


@worker_process_init.connect
def _fresh_pools_after_fork(**_: object) -> None:
    # Pooled connections must not cross a fork into the worker's child processes.
    from jobagent_core.db.engine import dispose_engines

    dispose_engines()


@functools.cache
def get_celery() -> Celery:
    """The process-wide Celery app, built from settings on first use."""
    return create_celery()
