"""Saved searches on PostgreSQL: the tick starts due ones once (also when two ticks
run at the same moment and after a week of missed slots), pause and resume, and
every use case scoped to the owner. The clock is driven by passing `now`."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine

from jobagent_core.db.enums import RunKind, RunStatus
from jobagent_core.services.saved_searches import (
    SavedSearchNotFound,
    SavedSearchRequest,
    delete_saved,
    edit_saved,
    get_saved,
    list_saved,
    pause_saved,
    resume_saved,
    run_saved_now,
    save_search,
)
from jobagent_core.workflows.saved_search_tick import TickResult, tick_saved_searches
from tests.conftest import PostgresDatabase
from tests.saved_search_support import person, runs_of, saved_row
from tests.worker_support import configure, spy_on_queue

pytestmark = pytest.mark.integration

MONDAY = datetime(2026, 12, 7, 6, 0, tzinfo=UTC)  # Mon 7 Dec 2026, 07:00 in Berlin


def daily_at_eight(**changes: object) -> SavedSearchRequest:
    fields: dict[str, object] = {
        "title": "Data Engineer",
        "location": "Berlin",
        "sources": ["sample"],
        "schedule": "daily",
        "time_of_day": "08:00",
        "time_zone": "Europe/Berlin",
        **changes,
    }
    return SavedSearchRequest.model_validate(fields)


@pytest.fixture
def env(
    monkeypatch: pytest.MonkeyPatch,
    pg_database: PostgresDatabase,
    pg_engine: Engine,
    tmp_path: Path,
) -> Engine:
    configure(monkeypatch, pg_database, tmp_path)  # the embedded queue under tmp_path
    return pg_engine


def test_a_due_saved_search_starts_one_queued_run_and_moves_to_its_next_slot(
    env: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent = spy_on_queue(monkeypatch, env)
    user_id = person(env, "ada@example.org")
    saved = save_search(user_id, daily_at_eight(), engine=env, now=MONDAY)
    eight_berlin = datetime(2026, 12, 7, 7, 0, tzinfo=UTC)
    assert saved.next_run_at == eight_berlin
    assert saved.schedule_text == "Every day at 08:00 (Europe/Berlin)"
    assert saved.next_run_text == "Mon 7 Dec 2026, 08:00 CET"
    assert saved.last_result == "Not run yet"

    assert tick_saved_searches(env, eight_berlin - timedelta(seconds=1)) == TickResult()
    result = tick_saved_searches(env, eight_berlin + timedelta(seconds=20))
    [run_id] = result.started
    [run] = runs_of(env, saved.id)
    assert run.id == run_id
    assert (run.kind, run.status, run.user_id) == (RunKind.JOB_SEARCH, RunStatus.PENDING, user_id)
    # Queued after the commit: the queue's consumer could already read the row.
    assert [(s["run_id"], s["seen"]) for s in sent] == [
        (run_id, {"user_id": user_id, "status": RunStatus.PENDING})
    ]
    row = saved_row(env, saved.id)
    assert row.last_run_id == run_id
    assert row.next_run_at == eight_berlin + timedelta(days=1)
    assert get_saved(user_id, saved.id, engine=env).last_result == "Queued"
    # Ticking again in the same minute starts nothing more.
    assert tick_saved_searches(env, eight_berlin + timedelta(seconds=50)).started == []


def test_missed_slots_run_once_when_the_scheduler_comes_back(env: Engine) -> None:
    user_id = person(env, "ada@example.org")
    saved = save_search(user_id, daily_at_eight(), engine=env, now=MONDAY)
    a_week_later = MONDAY + timedelta(days=7, hours=5)  # Mon 14 Dec, 12:00 in Berlin
    assert len(tick_saved_searches(env, a_week_later).started) == 1
    assert tick_saved_searches(env, a_week_later + timedelta(minutes=1)).started == []
    assert len(runs_of(env, saved.id)) == 1
    assert saved_row(env, saved.id).next_run_at == datetime(2026, 12, 15, 7, 0, tzinfo=UTC)


def test_pause_stops_it_and_resume_starts_from_the_next_slot(env: Engine) -> None:
    user_id = person(env, "ada@example.org")
    saved = save_search(user_id, daily_at_eight(), engine=env, now=MONDAY)
    paused = pause_saved(user_id, saved.id, engine=env)
    assert (paused.paused, paused.next_run_at, paused.next_run_text) == (True, None, "Paused")
    assert tick_saved_searches(env, MONDAY + timedelta(days=3)).started == []

    back = MONDAY + timedelta(days=3, hours=4)  # Thu 10 Dec, 11:00 in Berlin
    resumed = resume_saved(user_id, saved.id, engine=env, now=back)
    assert resumed.next_run_at == datetime(2026, 12, 11, 7, 0, tzinfo=UTC)
    assert tick_saved_searches(env, back + timedelta(minutes=5)).started == []
    assert len(tick_saved_searches(env, datetime(2026, 12, 11, 7, 1, tzinfo=UTC)).started) == 1


def test_a_deleted_saved_search_never_runs_and_is_gone_from_the_list(env: Engine) -> None:
    user_id = person(env, "ada@example.org")
    saved = save_search(user_id, daily_at_eight(), engine=env, now=MONDAY)
    delete_saved(user_id, saved.id, engine=env, now=MONDAY)
    assert list_saved(user_id, engine=env) == []
    assert tick_saved_searches(env, MONDAY + timedelta(days=2)).started == []
    with pytest.raises(SavedSearchNotFound):
        get_saved(user_id, saved.id, engine=env)


def race_two_ticks(engine: Engine, at: datetime) -> list[str]:
    """Two ticks at `at`, released at once from two threads; the runs they started."""
    barrier = threading.Barrier(2)
    results: list[TickResult] = []
    errors: list[BaseException] = []

    def tick() -> None:
        try:
            barrier.wait(timeout=10)
            results.append(tick_saved_searches(engine, at))
        except BaseException as err:  # reported below, in the test's thread
            errors.append(err)

    threads = [threading.Thread(target=tick) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    assert len(results) == 2
    return [run_id for result in results for run_id in result.started]


def test_two_ticks_at_the_same_moment_start_each_saved_search_once(env: Engine) -> None:
    user_id = person(env, "ada@example.org")
    saved = [
        save_search(user_id, daily_at_eight(title=f"Data Engineer {n}"), engine=env, now=MONDAY)
        for n in range(6)
    ]
    due = datetime(2026, 12, 7, 7, 0, 30, tzinfo=UTC)
    for day in range(3):  # three rounds, a day apart: each races anew
        started = race_two_ticks(env, due + timedelta(days=day))
        assert len(started) == len(set(started)) == len(saved)
    for item in saved:
        assert len(runs_of(env, item.id)) == 3


def test_edit_changes_what_and_when(env: Engine) -> None:
    user_id = person(env, "ada@example.org")
    saved = save_search(user_id, daily_at_eight(), engine=env, now=MONDAY)
    edited = edit_saved(
        user_id,
        saved.id,
        daily_at_eight(title="Analytics Engineer", schedule="weekly", weekday=4),
        engine=env,
        now=MONDAY,
    )
    assert (edited.id, edited.title) == (saved.id, "Analytics Engineer")
    assert edited.schedule_text == "Every Friday at 08:00 (Europe/Berlin)"
    assert edited.next_run_at == datetime(2026, 12, 11, 7, 0, tzinfo=UTC)


def test_run_now_starts_an_ordinary_run_and_keeps_the_schedule(env: Engine) -> None:
    user_id = person(env, "ada@example.org")
    saved = save_search(user_id, daily_at_eight(), engine=env, now=MONDAY)
    started = run_saved_now(user_id, saved.id, engine=env)
    assert not started.queue_refused
    [run] = runs_of(env, saved.id)
    assert run.id == started.run_id
    row = saved_row(env, saved.id)
    assert (row.last_run_id, row.next_run_at) == (run.id, saved.next_run_at)


def test_another_persons_saved_search_is_not_found_for_anything(env: Engine) -> None:
    ada = person(env, "ada@example.org")
    bob = person(env, "bob@example.org")
    saved = save_search(ada, daily_at_eight(), engine=env, now=MONDAY)
    assert list_saved(bob, engine=env) == []
    for attempt in (
        lambda: get_saved(bob, saved.id, engine=env),
        lambda: pause_saved(bob, saved.id, engine=env),
        lambda: resume_saved(bob, saved.id, engine=env, now=MONDAY),
        lambda: run_saved_now(bob, saved.id, engine=env),
        lambda: edit_saved(bob, saved.id, daily_at_eight(), engine=env, now=MONDAY),
        lambda: delete_saved(bob, saved.id, engine=env, now=MONDAY),
    ):
        with pytest.raises(SavedSearchNotFound, match="No such saved search"):
            attempt()
    assert [s.id for s in list_saved(ada, engine=env)] == [saved.id]
    assert runs_of(env, saved.id) == []
    assert not saved_row(env, saved.id).paused


def test_the_web_apps_role_can_save_pause_and_delete(env: Engine, pg_ui_engine: Engine) -> None:
    # The ui role may not DELETE rows: deleting is a soft delete it may do.
    user_id = person(env, "ada@example.org")
    saved = save_search(user_id, daily_at_eight(), engine=pg_ui_engine, now=MONDAY)
    pause_saved(user_id, saved.id, engine=pg_ui_engine)
    resume_saved(user_id, saved.id, engine=pg_ui_engine, now=MONDAY)
    run_saved_now(user_id, saved.id, engine=pg_ui_engine)
    delete_saved(user_id, saved.id, engine=pg_ui_engine, now=MONDAY)
    assert saved_row(env, saved.id).deleted_at == MONDAY


def test_a_saved_search_that_cannot_start_says_why_and_waits_for_its_next_slot(
    env: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    user_id = person(env, "ada@example.org")
    saved = save_search(user_id, daily_at_eight(), engine=env, now=MONDAY)
    # Access is now limited to an allow-list this person is not on.
    monkeypatch.setenv("ACCESS_ALLOW_LIST", "example.com")
    from tests.worker_support import reset_caches

    reset_caches()
    due = datetime(2026, 12, 7, 7, 1, tzinfo=UTC)
    result = tick_saved_searches(env, due)
    assert (result.started, result.refused) == ([], [saved.id])
    row = saved_row(env, saved.id)
    assert row.next_run_at == datetime(2026, 12, 8, 7, 0, tzinfo=UTC)
    assert get_saved(user_id, saved.id, engine=env).last_result.startswith("Not started: ")
    assert tick_saved_searches(env, due + timedelta(minutes=1)) == TickResult()


def test_requests_are_checked_in_words() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="not a time zone"):
        daily_at_eight(time_zone="Berlin")
    with pytest.raises(ValidationError, match="needs a weekday"):
        daily_at_eight(schedule="weekly")
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        daily_at_eight(every="hour")


@pytest.mark.unit
def test_the_tick_works_on_the_embedded_sqlite_database(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from jobagent_core.db.engine import admin_engine
    from tests.worker_support import configure_sqlite

    configure_sqlite(monkeypatch, tmp_path)
    engine = admin_engine()
    user_id = person(engine, "ada@example.org")
    saved = save_search(user_id, daily_at_eight(), engine=engine, now=MONDAY)
    a_week_later = MONDAY + timedelta(days=7, hours=5)
    [run_id] = tick_saved_searches(engine, a_week_later).started
    assert tick_saved_searches(engine, a_week_later).started == []
    assert [r.id for r in runs_of(engine, saved.id)] == [run_id]
    assert saved_row(engine, saved.id).next_run_at == datetime(2026, 12, 15, 7, 0, tzinfo=UTC)


def test_deleting_an_account_removes_its_saved_searches_and_their_job_files(
    env: Engine, tmp_path: Path
) -> None:
    from jobagent_core.accounts.deletion import delete_account
    from jobagent_core.config import get_settings
    from jobagent_core.storage import FileStore
    from jobagent_core.workflows.job_search_start import file_source

    user_id = person(env, "ada@example.org")
    store = FileStore(get_settings().STORAGE_DIR)
    key = store.put(b'[{"title": "Data Engineer", "company": "Acme"}]', ".json")
    source = file_source(user_id, key, get_settings())
    saved = save_search(user_id, daily_at_eight(sources=[source]), engine=env, now=MONDAY)

    report = delete_account(env, user_id, store)
    assert (report.deleted, report.files_removed) == (True, 1)
    with pytest.raises(FileNotFoundError):
        store.read(key)
    with pytest.raises(AssertionError):
        saved_row(env, saved.id)  # gone with the account (ON DELETE CASCADE)
