"""The Celery app as a module attribute, for Celery's own command line:

    celery --app jobagent_core.tasks.worker:app flower
    celery --app jobagent_core.tasks.worker:app inspect ping

`jobagent worker` is the way to run a worker; this module exists for the tools
that want `--app`.
"""

from __future__ import annotations

from jobagent_core.tasks.celery_app import get_celery

app = get_celery()
