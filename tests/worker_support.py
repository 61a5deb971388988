"""Real Celery worker processes for tests, and settings pointed at test resources.

`configure()` sets the environment this process (and any worker it starts) reads,
and drops every cached settings object, engine and Celery app so they are built
again from it.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session as OrmSession

from jobagent_core.config import get_settings
from jobagent_core.db.engine import dispose_engines
from jobagent_core.db.migrations import upgrade
from jobagent_core.db.models import Run
from jobagent_core.tasks.celery_app import get_celery
from jobagent_core.workflows import dispatch
from tests.conftest import PostgresDatabase

REPO_ROOT = Path(__file__).resolve().parents[1]
SECRET = "worker-test-secret-" + "z" * 32
CLEARED = (
    "REDIS_URL",
    "CELERY_BROKER_URL",
    "LLM_BASE_URL",
    "LLM_API_KEY",
    "LLM_MODEL",
    "SMTP_URL",
    "GOOGLE_CLIENT_ID",
    "GOOGLE_CLIENT_SECRET",
    "ACCESS_ALLOW_LIST",
)


def reset_caches() -> None:
    get_settings.cache_clear()
    get_celery.cache_clear()
    dispose_engines()


def configure(
    monkeypatch: pytest.MonkeyPatch, db: PostgresDatabase, tmp_path: Path, **extra: str
) -> dict[str, str]:
    """Point this process at `db` and folders under `tmp_path`; returns the env."""
    for name in CLEARED:
        monkeypatch.delenv(name, raising=False)
    env = {
        "DATABASE_URL": db.admin_url,
        "UI_DATABASE_URL": db.ui_url,
        "STORAGE_DIR": str(tmp_path / "storage"),
        "QUEUE_DIR": str(tmp_path / "queue"),
        "BETTER_AUTH_SECRET": SECRET,
        "RUN_STALE_AFTER_S": "8",
        "RUN_SWEEP_EVERY_S": "1",
        **extra,
    }
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    reset_caches()
    return env


def configure_sqlite(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, **extra: str) -> str:
    """The embedded defaults for this process: a migrated SQLite file as
    DATABASE_URL (the web app's engine too), no broker URL (the embedded queue
    under `tmp_path`/queue); returns the database URL."""
    url = f"sqlite:///{tmp_path / 'var' / 'jobagent.db'}"
    for name in CLEARED:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("UI_DATABASE_URL", raising=False)
    env = {
        "DATABASE_URL": url,
        "STORAGE_DIR": str(tmp_path / "storage"),
        "QUEUE_DIR": str(tmp_path / "queue"),
        "BETTER_AUTH_SECRET": SECRET,
        **extra,
    }
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    upgrade(url)
    reset_caches()
    return url


def spy_on_queue(monkeypatch: pytest.MonkeyPatch, engine: Engine) -> list[dict[str, Any]]:
    """Record, at each send to the queue, the run as another connection sees it
    (None while it is uncommitted), then send it for real."""
    sent: list[dict[str, Any]] = []
    real_enqueue = dispatch.enqueue

    def enqueue(run_id: str, kind: str, task_id: str) -> None:
        with OrmSession(engine) as db:
            run = db.get(Run, run_id)
            seen = None if run is None else {"user_id": run.user_id, "status": run.status}
        sent.append({"run_id": run_id, "task_id": task_id, "seen": seen})
        real_enqueue(run_id, kind, task_id)

    monkeypatch.setattr(dispatch, "enqueue", enqueue)
    return sent


@dataclass
class Worker:
    process: subprocess.Popen[bytes]
    log: Path

    def log_text(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def kill(self) -> None:
        """SIGKILL the worker and its pool children: a crash, not a shutdown."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        """The test is done with the worker: it has nothing left to finish, and a warm
        shutdown of a worker on the embedded queue takes about 5 s."""
        if self.process.poll() is None:
            self.kill()


def start_worker(log: Path, *, timeout_s: float = 60, beat: bool | None = False) -> Worker:
    """`jobagent worker` in its own process group, with this process's environment.
    Without the scheduler unless `beat` (None: the command's default, on with the
    embedded queue): beat adds 5 s to a worker's shutdown, and only the saved-search
    tests need it."""
    handle = log.open("ab")
    flags = [] if beat is None else ["--beat" if beat else "--no-beat"]
    process = subprocess.Popen(
        [sys.executable, "-m", "jobagent_core.cli", "worker", "--concurrency", "1", *flags],
        cwd=REPO_ROOT,
        stdout=handle,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        env=os.environ.copy(),
    )
    worker = Worker(process=process, log=log)
    deadline = time.monotonic() + timeout_s
    while " ready." not in worker.log_text():
        if process.poll() is not None or time.monotonic() > deadline:
            worker.stop()
            raise AssertionError(f"worker did not start:\n{worker.log_text()[-3000:]}")
        time.sleep(0.1)
    return worker


@contextmanager
def running_worker(log: Path, *, beat: bool | None = False) -> Iterator[Worker]:
    worker = start_worker(log, beat=beat)
    try:
        yield worker
    finally:
        worker.stop()


def wait_for(
    condition: Callable[[], bool], *, timeout_s: float = 60, what: str = "condition"
) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout_s:.0f} s waiting for {what}")
        time.sleep(0.05)


def held_transaction(
    superuser_url: str, update: str, params: tuple[object, ...] = ()
) -> str | None:
    """None when no other connection of this database has sat in a transaction for
    over 0.5 s and `update` (on the rows a slow call must not lock) runs at once;
    else what is wrong. Call it while a worker waits on a slow (LLM) reply."""
    import psycopg

    from jobagent_core.db.roles import libpq_url

    time.sleep(0.6)  # a transaction opened before the slow call is older than this
    with psycopg.connect(libpq_url(superuser_url), autocommit=True) as conn:
        idle = conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%' "
            "AND xact_start < now() - interval '0.5 seconds'"
        ).fetchone()
        if idle and idle[0]:
            return f"{idle[0]} connection(s) idle in a transaction during the LLM call"
        try:
            with conn.transaction():
                conn.execute("SET LOCAL lock_timeout = '500ms'")
                conn.execute(update, params)
        except psycopg.errors.LockNotAvailable as err:
            return f"rows locked during the LLM call: {err}"
    return None
