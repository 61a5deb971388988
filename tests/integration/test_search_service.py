"""The search page's use cases (jobagent_core.services.searches) on the embedded
defaults: a migrated SQLite file and the embedded queue under QUEUE_DIR, as
settings for this process. Runs are created for their owner, sent to the queue
only once committed, followed only by their owner, and a queue that cannot be
reached marks them failed instead of leaving them pending."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session as OrmSession

from jobagent_core.config import get_settings
from jobagent_core.db.models import JobSearch, User
from jobagent_core.discovery.sources.file_import import SourceFileError
from jobagent_core.services import RunStatus
from jobagent_core.services.searches import (
    check_jobs_file,
    load_runs,
    load_suggested_titles,
    start_searches,
)
from jobagent_core.storage import FileStore
from jobagent_core.workflows.job_search_start import (
    JobSearchRequest,
    NoSuggestedTitles,
    SearchFromProfileRequest,
    file_key,
)
from tests.embedded_support import Embedded, stored_runs
from tests.worker_support import reset_caches, spy_on_queue

pytestmark = pytest.mark.unit

UNREACHABLE_REDIS = "redis://127.0.0.1:1/0"
TITLES = ["Data Engineer", "Analytics Engineer"]


def add_user(
    engine: Engine, email: str, *, titles: list[str] | None = None, location: str = ""
) -> str:
    with OrmSession(engine, expire_on_commit=False) as db, db.begin():
        user = User(name=email.split("@")[0].title(), email=email, email_verified=True)
        if titles is not None:
            user.profile = {"name": user.name, "location": location, "skills": ["Python"]}
            user.suggested_job_titles = list(titles)
        db.add(user)
    return user.id


def test_start_searches_creates_the_owners_run_and_queues_it_after_the_commit(
    monkeypatch: pytest.MonkeyPatch, embedded: Embedded
) -> None:
    ada = add_user(embedded.engine, "ada@example.org")
    sent = spy_on_queue(monkeypatch, embedded.engine)

    rows, queue_down = start_searches(
        ada, JobSearchRequest(title="Data Engineer", location="Berlin", sources=["sample"])
    )

    assert queue_down is False
    [row] = rows
    assert (row.user_id, row.title, row.location) == (ada, "Data Engineer", "Berlin")
    assert row.status == RunStatus.PENDING
    [run] = stored_runs(embedded.engine)
    assert (run.id, run.user_id, run.status) == (row.id, ada, RunStatus.PENDING)
    assert run.task_id
    # Sent once, and only when another connection could already read the row.
    assert sent == [
        {"run_id": run.id, "task_id": run.task_id, "seen": {"user_id": ada, "status": "pending"}}
    ]
    # ... to the embedded queue's folder, on the queue searches are served from.
    [message] = embedded.messages()
    assert message.name.endswith(".search.msg")
    headers = json.loads(message.read_text())["headers"]
    assert headers["id"] == run.task_id
    assert run.id in headers["argsrepr"]


def test_search_all_starts_one_queued_run_per_suggested_title(
    monkeypatch: pytest.MonkeyPatch, embedded: Embedded
) -> None:
    ada = add_user(embedded.engine, "ada@example.org", titles=TITLES)
    sent = spy_on_queue(monkeypatch, embedded.engine)

    rows, queue_down = start_searches(ada, SearchFromProfileRequest(sources=["sample"]))

    assert queue_down is False
    assert [row.title for row in rows] == TITLES
    assert {row.user_id for row in rows} == {ada}
    assert [entry["run_id"] for entry in sent] == [row.id for row in rows]
    assert all(entry["seen"] == {"user_id": ada, "status": "pending"} for entry in sent)
    assert len(embedded.messages()) == len(TITLES)


def test_a_refused_request_creates_and_queues_nothing(
    monkeypatch: pytest.MonkeyPatch, embedded: Embedded
) -> None:
    grace = add_user(embedded.engine, "grace@example.org")  # no profile, no titles
    sent = spy_on_queue(monkeypatch, embedded.engine)

    with pytest.raises(NoSuggestedTitles):
        start_searches(grace, SearchFromProfileRequest(sources=["sample"]))

    assert stored_runs(embedded.engine) == []
    with OrmSession(embedded.engine) as db:
        assert db.scalars(select(JobSearch)).all() == []
    assert sent == []
    assert embedded.messages() == []


def test_load_runs_finds_only_the_callers_own_runs(embedded: Embedded) -> None:
    ada = add_user(embedded.engine, "ada@example.org", titles=TITLES)
    grace = add_user(embedded.engine, "grace@example.org")
    rows, _ = start_searches(ada, SearchFromProfileRequest(sources=["sample"]))
    run_ids = [row.id for row in rows]

    assert load_runs(grace, run_ids) == []
    # The owner's control, in the order asked for; unknown ids are left out.
    wanted = [run_ids[1], "no-such-run", run_ids[0]]
    assert [row.id for row in load_runs(ada, wanted)] == [run_ids[1], run_ids[0]]


def test_an_unreachable_queue_reports_queue_down_and_fails_every_run(
    monkeypatch: pytest.MonkeyPatch, embedded: Embedded
) -> None:
    ada = add_user(embedded.engine, "ada@example.org", titles=TITLES)
    monkeypatch.setenv("REDIS_URL", UNREACHABLE_REDIS)
    reset_caches()
    assert get_settings().broker_url == UNREACHABLE_REDIS

    rows, queue_down = start_searches(ada, SearchFromProfileRequest(sources=["sample"]))

    assert queue_down is True
    # Committed for their owner, then each marked failed with a message: none is
    # left pending (the rows returned are read after the failure was written).
    assert [row.title for row in rows] == TITLES
    assert [row.status for row in rows] == [RunStatus.FAILED] * len(TITLES)
    assert all("task queue is not reachable" in (row.error_message or "") for row in rows)
    stored = stored_runs(embedded.engine)
    assert [(run.id, run.user_id, run.status) for run in stored] == [
        (row.id, ada, RunStatus.FAILED) for row in rows
    ]
    assert all(run.finished_at is not None for run in stored)
    assert embedded.messages() == []


def test_suggested_titles_are_the_callers_own(embedded: Embedded) -> None:
    ada = add_user(embedded.engine, "ada@example.org", titles=TITLES, location="Berlin")
    grace = add_user(embedded.engine, "grace@example.org")

    assert load_suggested_titles(ada) == (True, TITLES, "Berlin")
    assert load_suggested_titles(grace) == (False, [], "")
    assert load_suggested_titles("no-such-user") == (False, [], "")


def test_a_checked_jobs_file_is_stored_and_signed_for_its_uploader(
    embedded: Embedded,
) -> None:
    ada = add_user(embedded.engine, "ada@example.org")
    rows = [
        {"title": "Data Engineer", "company": "Acme", "location": "Berlin"},
        {"title": "Analytics Engineer", "company": "Initech", "location": "Hamburg"},
    ]
    data = json.dumps(rows).encode()

    spec, summary = check_jobs_file(ada, "jobs.json", data)

    assert summary == "2 postings"
    settings = get_settings()
    key = file_key(ada, spec, settings)
    assert FileStore(embedded.storage_dir).path(key).read_bytes() == data
    with pytest.raises(SourceFileError, match="no postings"):
        check_jobs_file(ada, "empty.json", b"[]")
