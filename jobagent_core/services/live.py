"""The database side of live run updates: the reader the web app's poller uses.

The web app runs one `LivePoller` per process; its `RunChangeReader` is the only
thing that queries, so this is where the engine is chosen and the UI never
imports it.
"""

from __future__ import annotations

from sqlalchemy import Engine

from jobagent_core.db.engine import ui_engine
from jobagent_core.live.poller import LivePoller, RunChange, RunChangeReader


def run_change_reader(engine: Engine | None = None) -> RunChangeReader:
    """A reader of changed runs on `engine` (the web app's database role by default).

    Its reads filter by the listening users' ids, so it may serve every user of the
    process."""
    return RunChangeReader(engine or ui_engine())


__all__ = ["LivePoller", "RunChange", "RunChangeReader", "run_change_reader"]
