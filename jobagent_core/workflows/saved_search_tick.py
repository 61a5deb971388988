"""The scheduler's tick: start a run for every saved search that is due.

Celery beat sends `jobagent.tick_saved_searches` once a minute. Each due saved
search is claimed and started in one transaction:

- the row is locked (`FOR UPDATE SKIP LOCKED` on PostgreSQL: a second tick
  running at the same moment skips it rather than waiting), and the claim is a
  conditional UPDATE on the `next_run_at` it read, so even two beats by mistake
  start one run per slot;
- the run is an ordinary job search (`start_saved_run`), queued only after the
  commit;
- `next_run_at` moves to the first slot strictly after `now`, so a tick after a
  week with no worker starts each saved search once, not once per missed slot.

`now` is a parameter: tests drive the clock.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Engine, select, update

from jobagent_core.auth.errors import AccessDenied
from jobagent_core.config import Settings, get_settings
from jobagent_core.db.engine import session_scope
from jobagent_core.db.models import Run, SavedSearch
from jobagent_core.discovery.sources.registry import SourceSpecError
from jobagent_core.scheduling.beat import TICK_EVERY_S, TICK_TASK_NAME
from jobagent_core.scheduling.saved_searches import schedule_of, start_saved_run
from jobagent_core.scheduling.slots import next_slot
from jobagent_core.workflows.dispatch import QueueUnavailable, queue_run

log = logging.getLogger(__name__)

# Due rows read per tick: more wait for the next minute.
MAX_PER_TICK = 200


@dataclass
class TickResult:
    started: list[str] = field(default_factory=list)  # run ids
    refused: list[str] = field(default_factory=list)  # saved search ids not started


def _due(engine: Engine, now: datetime) -> list[str]:
    with session_scope(engine) as db:
        return list(
            db.scalars(
                select(SavedSearch.id)
                .where(
                    SavedSearch.next_run_at <= now,
                    SavedSearch.paused.is_(False),
                    SavedSearch.deleted_at.is_(None),
                )
                .order_by(SavedSearch.next_run_at, SavedSearch.id)
                .limit(MAX_PER_TICK)
            )
        )


def _claim_and_start(
    engine: Engine, saved_id: str, now: datetime, settings: Settings
) -> Run | str | None:
    """The run started for `saved_id` (committed, not yet queued); the reason when it
    could not start; None when it was not due or another tick took it."""
    with session_scope(engine) as db:
        row = db.scalars(
            select(SavedSearch)
            .where(
                SavedSearch.id == saved_id,
                SavedSearch.next_run_at <= now,
                SavedSearch.paused.is_(False),
                SavedSearch.deleted_at.is_(None),
            )
            .with_for_update(skip_locked=True)
        ).first()
        if row is None or row.next_run_at is None:
            return None
        following = next_slot(schedule_of(row), now)
        claimed = (
            db.connection()
            .execute(
                update(SavedSearch)
                .where(SavedSearch.id == saved_id, SavedSearch.next_run_at == row.next_run_at)
                .values(next_run_at=following)
            )
            .rowcount
        )
        if not claimed:
            return None
        db.refresh(row)
        try:
            return start_saved_run(db, row, settings)
        except (AccessDenied, SourceSpecError) as err:
            # Not worth retrying every minute: the next slot tries again, and the
            # dashboard shows why this one did not start.
            row.last_error = str(err)
            return str(err)


def tick_saved_searches(
    engine: Engine, now: datetime, *, settings: Settings | None = None
) -> TickResult:
    """Start every saved search due at `now` (aware), once each; see the module."""
    settings = settings or get_settings()
    result = TickResult()
    for saved_id in _due(engine, now):
        outcome = _claim_and_start(engine, saved_id, now, settings)
        if isinstance(outcome, Run):
            # Refused: the run is marked failed with the reason; the next slot retries.
            with contextlib.suppress(QueueUnavailable):
                queue_run(engine, outcome)
            result.started.append(outcome.id)
        elif isinstance(outcome, str):
            log.warning("saved search %s not started: %s", saved_id, outcome)
            result.refused.append(saved_id)
    return result


__all__ = ["TICK_EVERY_S", "TICK_TASK_NAME", "TickResult", "tick_saved_searches"]
