"""Saved searches with a real worker: beat's schedule holds the tick, the embedded
worker runs beat too (its state under QUEUE_DIR), and a due saved search gets a
run that a worker executes when the tick goes through Celery."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session as OrmSession

from jobagent_core.db.enums import RunStatus
from jobagent_core.db.models import Run
from jobagent_core.services.saved_searches import SavedSearchRequest, get_saved, save_search
from jobagent_core.tasks.celery_app import get_celery
from jobagent_core.workflows.saved_search_tick import TICK_TASK_NAME
from tests.conftest import PostgresDatabase
from tests.saved_search_support import person, saved_row
from tests.worker_support import configure, running_worker, wait_for

pytestmark = pytest.mark.integration


def test_beat_schedules_the_tick_every_minute_with_its_state_under_the_queue_dir(
    monkeypatch: pytest.MonkeyPatch, pg_database: PostgresDatabase, tmp_path: Path
) -> None:
    configure(monkeypatch, pg_database, tmp_path)
    conf = get_celery().conf
    [entry] = conf.beat_schedule.values()
    assert (entry["task"], entry["schedule"]) == (TICK_TASK_NAME, 60.0)
    get_celery().loader.import_default_modules()  # what a worker does when it starts
    assert TICK_TASK_NAME in get_celery().tasks
    assert Path(conf.beat_schedule_filename).parent == (tmp_path / "queue").resolve()


def test_the_embedded_worker_runs_beat_and_executes_a_due_saved_search(
    monkeypatch: pytest.MonkeyPatch,
    pg_database: PostgresDatabase,
    pg_engine: Engine,
    tmp_path: Path,
) -> None:
    configure(monkeypatch, pg_database, tmp_path, MATCH_TOP_K="5")  # no broker URL
    user_id = person(pg_engine, "ada@example.org")
    yesterday = datetime.now(UTC) - timedelta(days=1)
    saved = save_search(
        user_id,
        SavedSearchRequest(
            title="Data Engineer",
            location="Berlin",
            sources=["sample"],
            schedule="daily",
            time_of_day="00:00",
            time_zone="UTC",
        ),
        engine=pg_engine,
        now=yesterday,
    )
    with running_worker(tmp_path / "worker.log", beat=None) as worker:
        wait_for(lambda: "beat: Starting" in worker.log_text(), timeout_s=30, what="beat to start")
        wait_for(
            lambda: bool(list((tmp_path / "queue").glob("celerybeat-schedule*"))),
            what="beat's state file",
        )
        # What beat sends each minute, through this process's app (its broker).
        get_celery().send_task(TICK_TASK_NAME)
        wait_for(
            lambda: saved_row(pg_engine, saved.id).last_run_id is not None,
            what="the tick to start the saved search",
        )
        run_id = saved_row(pg_engine, saved.id).last_run_id

        def finished() -> bool:
            with OrmSession(pg_engine) as db:
                run = db.get(Run, run_id)
                return run is not None and run.status in (RunStatus.COMPLETED, RunStatus.FAILED)

        wait_for(finished, timeout_s=120, what="the scheduled run")
        with OrmSession(pg_engine) as db:
            run = db.get(Run, run_id)
            assert run is not None
            assert run.status == RunStatus.COMPLETED, (run.error_message, worker.log_text())
            assert run.params["saved_search_id"] == saved.id
    view = get_saved(user_id, saved.id, engine=pg_engine)
    assert view.last_run_status == RunStatus.COMPLETED
    assert view.next_run_at is not None
    assert view.next_run_at > datetime.now(UTC)
    assert list((tmp_path / "queue").glob("celerybeat-schedule*"))
