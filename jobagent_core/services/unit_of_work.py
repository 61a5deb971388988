"""One transaction per use case, and runs queued only once it has committed.

A worker that picks up a run before the row is committed would not find it, and
a run queued from a transaction that then rolls back would run for nothing: so
services never queue directly. They call `queue_after_commit`, and
`unit_of_work` sends the runs after a successful commit (the way Django's
`on_commit` or Polar's `enqueue_job` do).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from jobagent_core.db.engine import session_scope, ui_engine
from jobagent_core.db.models import Run
from jobagent_core.workflows.dispatch import QueueUnavailable, queue_run

_QUEUED = "jobagent.queue_after_commit"


@contextmanager
def unit_of_work(engine: Engine | None = None) -> Iterator[Session]:
    """A session that commits when the block succeeds (rolls back when it raises),
    then queues the runs registered with `queue_after_commit`.

    Raises `QueueUnavailable` after the commit when the queue refused a run (each
    refused run is marked failed with a message; the others are still queued).
    """
    engine = engine or ui_engine()
    with session_scope(engine) as db:
        yield db
        runs: list[Run] = db.info.pop(_QUEUED, [])
    refused: QueueUnavailable | None = None
    for run in runs:
        # Every run is tried: one refused send must not leave the others pending.
        try:
            queue_run(engine, run)
        except QueueUnavailable as err:
            refused = err
    if refused is not None:
        raise refused


def queue_after_commit(db: Session, run: Run) -> None:
    """Send `run` to the workers once `db`'s `unit_of_work` has committed."""
    db.info.setdefault(_QUEUED, []).append(run)
