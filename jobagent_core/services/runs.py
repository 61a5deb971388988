"""Runs as the faces report them: the one a use case just started, and any of the
caller's runs by id."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine

from jobagent_core.services.unit_of_work import unit_of_work
from jobagent_core.workflows.runs import get_run, run_status


@dataclass(frozen=True)
class StartedRun:
    """A run that was created and committed."""

    run_id: str
    task_id: str | None
    # The queue could not be reached: the run is committed but marked failed,
    # with a message saying so.
    queue_refused: bool = False

    def accepted_body(self) -> dict[str, str | None]:
        """What the HTTP API answers a start with (202)."""
        return {
            "run_id": self.run_id,
            "task_id": self.task_id,
            "status_url": f"/workflow/status/{self.run_id}",
        }


def load_run(user_id: str, run_id: str, *, engine: Engine | None = None) -> dict[str, Any] | None:
    """The user's run in the API's JSON shape, or None, also for another person's
    run (one SELECT)."""
    with unit_of_work(engine) as db:
        run = get_run(db, user_id, run_id)
        return run_status(run) if run is not None else None
