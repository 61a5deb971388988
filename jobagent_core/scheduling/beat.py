"""What Celery beat sends and how often: the one periodic task, the saved-search
tick (workflows/saved_search_tick.py). Kept apart so the Celery app can name it
without importing the workflows."""

from __future__ import annotations

from typing import Final

TICK_TASK_NAME: Final = "jobagent.tick_saved_searches"
TICK_EVERY_S: Final = 60.0
