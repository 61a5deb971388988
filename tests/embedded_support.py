"""The embedded defaults (SQLite file, file-system queue) for tests that call the
services in this process (fixture `embedded` in tests/integration/conftest.py)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session as OrmSession

from jobagent_core.db.models import Run


@dataclass(frozen=True)
class Embedded:
    engine: Engine  # a connection of its own: it sees only what was committed
    queue_dir: Path
    storage_dir: Path

    def messages(self) -> list[Path]:
        """The messages waiting in the embedded queue."""
        return sorted((self.queue_dir / "messages").glob("*.msg"))


def stored_runs(engine: Engine) -> list[Run]:
    with OrmSession(engine) as db:
        return list(db.scalars(select(Run).order_by(Run.created_at)))
