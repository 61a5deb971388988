"""A workflow is an ordered list of steps over a typed context (docs/architecture.md §6).

Before each step the run row gets `current_step`; counters update as items
finish; the run ends completed, or failed with a message a person can act on.
Steps must be idempotent: a run taken over after a worker died starts again from
its first step and must not duplicate rows.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Generic, TypeVar

from sqlalchemy import Engine, or_, select, update
from sqlalchemy.orm import Session as DbSession

from jobagent_core.config import get_settings
from jobagent_core.db.base import utcnow
from jobagent_core.db.enums import RunStatus
from jobagent_core.db.models import Run
from jobagent_core.llm.usage import UsageMeter

log = logging.getLogger(__name__)

C = TypeVar("C")
HEARTBEAT_EVERY_S = 5.0
COUNTERS = frozenset(
    {
        "found_count",
        "screened_count",
        "matched_count",
        "research_done",
        "research_failed",
        "fabrication_done",
        "fabrication_failed",
        "progress_done",
        "progress_total",
    }
)


class WorkflowError(Exception):
    """Ends the run as failed; `str(err)` is shown to the person as is."""


@dataclass(frozen=True)
class Step(Generic[C]):
    label: str  # what the UI shows, e.g. "Extracting profile"
    fn: Callable[[C, RunReporter], None]


class RunReporter:
    """Writes a run's progress in short transactions of its own, so the UI sees
    each change as it happens."""

    def __init__(self, engine: Engine, run_id: str) -> None:
        self.engine = engine
        self.run_id = run_id

    def _update(self, **values: Any) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(Run).where(Run.id == self.run_id).values(**values))

    def step(self, label: str) -> None:
        """Enter step `label`: shown as the current step and appended to the log."""
        now = utcnow()
        with self.engine.begin() as conn:
            db = DbSession(bind=conn)
            run = db.get(Run, self.run_id, with_for_update=conn.dialect.name != "sqlite")
            if run is None:
                return
            run.steps = [*(run.steps or []), {"label": label, "at": now.isoformat()}]
            run.current_step = label
            run.heartbeat_at = now
            db.flush()

    def set(self, **counters: int) -> None:
        """Set counters to absolute values (safe to repeat after a takeover)."""
        unknown = set(counters) - COUNTERS
        if unknown:
            raise ValueError(f"unknown counters: {sorted(unknown)}")
        self._update(**counters)

    def add(self, **counters: int) -> None:
        """Increment counters atomically (several threads may report at once)."""
        unknown = set(counters) - COUNTERS
        if unknown:
            raise ValueError(f"unknown counters: {sorted(unknown)}")
        self._update(**{k: getattr(Run, k) + v for k, v in counters.items()})

    def warn(self, message: str) -> None:
        with self.engine.begin() as conn:
            db = DbSession(bind=conn)
            run = db.get(Run, self.run_id, with_for_update=conn.dialect.name != "sqlite")
            if run is not None and message not in (run.warnings or []):
                run.warnings = [*(run.warnings or []), message]
                db.flush()

    def heartbeat(self) -> None:
        # Not through _update: a heartbeat is not a change the live UI must show.
        with self.engine.begin() as conn:
            conn.execute(
                update(Run)
                .where(Run.id == self.run_id)
                .values(heartbeat_at=utcnow(), updated_at=Run.updated_at)
            )


def claim_run(engine: Engine, run_id: str, *, stale_after: timedelta) -> bool:
    """Mark the run running for this worker. False when it is finished, or running
    elsewhere with a fresh heartbeat: then there is nothing for us to do."""
    now = utcnow()
    with engine.begin() as conn:
        result = conn.execute(
            update(Run)
            .where(
                Run.id == run_id,
                or_(
                    Run.status == RunStatus.PENDING,
                    (Run.status == RunStatus.RUNNING)
                    & or_(Run.heartbeat_at.is_(None), Run.heartbeat_at < now - stale_after),
                ),
            )
            .values(
                status=RunStatus.RUNNING,
                attempts=Run.attempts + 1,
                started_at=now,
                heartbeat_at=now,
                error_message=None,
            )
        )
        return bool(result.rowcount)


def stale_runs(engine: Engine, *, stale_after: timedelta) -> list[tuple[str, str]]:
    """(run id, kind) of runs whose worker stopped heart-beating."""
    cutoff = utcnow() - stale_after
    with engine.connect() as conn:
        rows = conn.execute(
            select(Run.id, Run.kind).where(
                Run.status == RunStatus.RUNNING,
                or_(Run.heartbeat_at.is_(None), Run.heartbeat_at < cutoff),
            )
        ).all()
    return [(row.id, row.kind) for row in rows]


@contextmanager
def heartbeating(reporter: RunReporter, every_s: float | None = None) -> Iterator[None]:
    if every_s is None:
        # Three beats fit in the stale window: one late beat never hands the run over.
        every_s = min(HEARTBEAT_EVERY_S, get_settings().RUN_STALE_AFTER_S / 3)
    stop = threading.Event()

    def beat() -> None:
        while not stop.wait(every_s):
            try:
                reporter.heartbeat()
            except Exception:  # a missed beat is retried; it must not kill the run
                log.warning("heartbeat for run %s failed", reporter.run_id, exc_info=True)

    thread = threading.Thread(target=beat, name=f"heartbeat-{reporter.run_id}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=every_s)


def store_usage(engine: Engine, run_id: str, meter: UsageMeter) -> None:
    """LLM calls, tokens, repairs and fallbacks by stage, kept on the run
    (`params["llm_usage"]`) for the person, the operator and benchmarks."""
    usage = {stage: u.as_record() for stage, u in meter.by_stage.items()}
    if not usage:
        return
    with DbSession(engine) as db, db.begin():
        run = db.get(Run, run_id)
        if run is not None:
            run.params = {**(run.params or {}), "llm_usage": usage}


def finish(engine: Engine, run_id: str, status: RunStatus, error: str | None = None) -> None:
    with engine.begin() as conn:
        conn.execute(
            update(Run)
            .where(Run.id == run_id)
            .values(status=status, error_message=error, finished_at=utcnow())
        )


def execute(
    engine: Engine,
    run_id: str,
    steps: Sequence[Step[C]],
    context: C,
    *,
    stale_after: timedelta,
) -> RunStatus | None:
    """Run `steps` for the claimed run; returns its final status, or None when the
    run was not ours to execute (already finished or alive elsewhere)."""
    if not claim_run(engine, run_id, stale_after=stale_after):
        log.info("run %s is finished or running elsewhere; nothing to do", run_id)
        return None
    reporter = RunReporter(engine, run_id)
    with heartbeating(reporter):
        for step in steps:
            reporter.step(step.label)
            try:
                step.fn(context, reporter)
            except WorkflowError as err:
                finish(engine, run_id, RunStatus.FAILED, str(err))
                return RunStatus.FAILED
            except Exception:
                log.exception("run %s failed in step %r", run_id, step.label)
                finish(
                    engine,
                    run_id,
                    RunStatus.FAILED,
                    f"Something went wrong while {step.label.lower()}. The problem was logged "
                    "for the operator; please try again.",
                )
                return RunStatus.FAILED
    finish(engine, run_id, RunStatus.COMPLETED)
    return RunStatus.COMPLETED
