"""The profile pages' use cases (jobagent_core.services.profiles) on the embedded
defaults: a migrated SQLite file and the embedded queue under QUEUE_DIR, as
settings for this process. CVs and profiling runs belong to the person who
stored or started them, a run is sent to the queue only once committed, nobody
reads or uses another person's CVs, and a queue that cannot be reached marks the
run failed (with the message the page shows) instead of leaving it pending."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session as OrmSession

from jobagent_core.config import get_settings
from jobagent_core.db.models import Document, User
from jobagent_core.services import RunKind, RunStatus
from jobagent_core.services.profiles import (
    NoDocuments,
    ProfileOverview,
    RunInProgress,
    UnknownDocument,
    UploadRejected,
    load_overview,
    load_run,
    save_profile,
    save_uploaded_documents,
    start_profiling_run,
    start_run,
    stored_hashes,
)
from tests import cv_fixtures
from tests.embedded_support import Embedded, stored_runs
from tests.worker_support import reset_caches, spy_on_queue

pytestmark = pytest.mark.unit

UNREACHABLE_REDIS = "redis://127.0.0.1:1/0"
QUEUE_DOWN = "task queue is not reachable"
CV = cv_fixtures.render_txt(cv_fixtures.DATA_ENGINEER).encode()
OTHER_CV = cv_fixtures.render_markdown(cv_fixtures.ELECTRICIAN).encode()


def add_user(engine: Engine, email: str) -> str:
    with OrmSession(engine, expire_on_commit=False) as db, db.begin():
        user = User(name=email.split("@")[0].title(), email=email, email_verified=True)
        db.add(user)
    return user.id


def stored_documents(engine: Engine) -> list[Document]:
    with OrmSession(engine) as db:
        return list(db.scalars(select(Document).order_by(Document.created_at)))


def test_the_owner_stores_a_cv_and_starts_a_run_queued_after_the_commit(
    monkeypatch: pytest.MonkeyPatch, embedded: Embedded
) -> None:
    ada = add_user(embedded.engine, "ada@example.org")
    sent = spy_on_queue(monkeypatch, embedded.engine)

    view = start_run(ada, [("cv.txt", CV)], False)

    assert view["status"] == RunStatus.PENDING
    assert view["kind"] == RunKind.PROFILING
    [run] = stored_runs(embedded.engine)
    [document] = stored_documents(embedded.engine)
    assert (run.id, run.user_id, run.status) == (view["run_id"], ada, RunStatus.PENDING)
    assert (document.user_id, document.filename) == (ada, "cv.txt")
    assert run.params == {"document_ids": [document.id], "overwrite": False}
    # Sent once, and only when another connection could already read the row.
    assert sent == [
        {"run_id": run.id, "task_id": run.task_id, "seen": {"user_id": ada, "status": "pending"}}
    ]
    # ... to the embedded queue's folder, on the queue profiling is served from.
    [message] = embedded.messages()
    assert message.name.endswith(".profiling.msg")
    headers = json.loads(message.read_text())["headers"]
    assert headers["id"] == run.task_id
    assert run.id in headers["argsrepr"]
    # The page reads back what was stored, in the same shapes.
    overview = load_overview(ada)
    assert [(d.id, d.filename, d.size_bytes) for d in overview.documents] == [
        (document.id, "cv.txt", len(CV))
    ]
    assert overview.latest_run is not None
    assert overview.latest_run["run_id"] == run.id
    assert stored_hashes(ada) == {document.sha256}


def test_the_api_shape_starts_over_the_chosen_documents(
    monkeypatch: pytest.MonkeyPatch, embedded: Embedded
) -> None:
    ada = add_user(embedded.engine, "ada@example.org")
    [first, second] = save_uploaded_documents(ada, [("a.txt", CV), ("b.md", OTHER_CV)])
    sent = spy_on_queue(monkeypatch, embedded.engine)

    started = start_profiling_run(
        ada,
        document_ids=[second.id],
        overwrite=True,
        allow_list=frozenset(),
        engine=embedded.engine,
    )

    assert started.queue_refused is False
    [run] = stored_runs(embedded.engine)
    assert (started.run_id, started.task_id) == (run.id, run.task_id)
    assert run.params == {"document_ids": [second.id], "overwrite": True}
    assert [entry["seen"] for entry in sent] == [{"user_id": ada, "status": "pending"}]
    assert first.id != second.id


def test_another_persons_document_ids_are_refused_and_nothing_is_queued(
    monkeypatch: pytest.MonkeyPatch, embedded: Embedded
) -> None:
    ada = add_user(embedded.engine, "ada@example.org")
    grace = add_user(embedded.engine, "grace@example.org")
    [adas] = save_uploaded_documents(ada, [("cv.txt", CV)])
    [graces] = save_uploaded_documents(grace, [("cv.md", OTHER_CV)])
    sent = spy_on_queue(monkeypatch, embedded.engine)

    with pytest.raises(UnknownDocument):
        start_profiling_run(grace, document_ids=[adas.id])
    with pytest.raises(UnknownDocument):  # mixed with her own: still refused
        start_profiling_run(grace, document_ids=[graces.id, adas.id])

    assert stored_runs(embedded.engine) == []
    assert sent == []
    assert embedded.messages() == []


def test_another_person_sees_no_documents_profile_or_run(embedded: Embedded) -> None:
    ada = add_user(embedded.engine, "ada@example.org")
    grace = add_user(embedded.engine, "grace@example.org")
    view = start_run(ada, [("cv.txt", CV)], False)
    save_profile(ada, {"name": "Ada Lovelace", "skills": ["Python"]})

    assert load_overview(grace) == ProfileOverview(profile=None, documents=[], latest_run=None)
    assert stored_hashes(grace) == set()
    assert load_run(grace, view["run_id"]) is None
    with pytest.raises(NoDocuments):  # Ada's CVs are not Grace's to profile
        start_run(grace, [], False)
    # The owner's control: all of it is there for her.
    own = load_overview(ada)
    assert own.profile is not None
    assert (own.profile["name"], own.profile["skills"]) == ("Ada Lovelace", ["Python"])
    assert [d.filename for d in own.documents] == ["cv.txt"]
    assert own.latest_run is not None
    assert own.latest_run["run_id"] == view["run_id"]
    assert load_run(ada, view["run_id"]) == view


def test_saving_edits_changes_only_the_callers_profile(embedded: Embedded) -> None:
    ada = add_user(embedded.engine, "ada@example.org")
    grace = add_user(embedded.engine, "grace@example.org")
    save_profile(ada, {"name": "Ada Lovelace"})

    stored = save_profile(grace, {"name": "Grace Hopper", "location": "Arlington"})

    assert (stored["name"], stored["location"]) == ("Grace Hopper", "Arlington")
    with OrmSession(embedded.engine) as db:
        adas = db.get(User, ada)
        graces = db.get(User, grace)
        assert adas is not None
        assert graces is not None
        assert adas.profile is not None
        assert adas.profile["name"] == "Ada Lovelace"
        assert graces.location == "Arlington"
    with pytest.raises(ValueError, match="Unknown profile fields"):
        save_profile(ada, {"salary": 1})
    with pytest.raises(LookupError):
        save_profile("no-such-user", {"name": "Nobody"})


def test_a_refused_upload_or_a_second_run_stores_and_queues_nothing(
    monkeypatch: pytest.MonkeyPatch, embedded: Embedded
) -> None:
    ada = add_user(embedded.engine, "ada@example.org")

    with pytest.raises(UploadRejected) as refused:
        start_run(ada, [("cv.txt", CV), ("photo.exe", b"MZ\x90\x00")], False)

    assert [err.filename for err in refused.value.errors] == ["photo.exe"]
    assert stored_documents(embedded.engine) == []
    assert stored_runs(embedded.engine) == []

    first = start_run(ada, [("cv.txt", CV)], False)
    sent = spy_on_queue(monkeypatch, embedded.engine)
    with pytest.raises(RunInProgress):
        start_run(ada, [("cv.md", OTHER_CV)], True)

    assert [run.id for run in stored_runs(embedded.engine)] == [first["run_id"]]
    assert [d.filename for d in stored_documents(embedded.engine)] == ["cv.txt"]
    assert sent == []


def test_an_unreachable_queue_shows_the_run_failed_with_its_message(
    monkeypatch: pytest.MonkeyPatch, embedded: Embedded
) -> None:
    ada = add_user(embedded.engine, "ada@example.org")
    monkeypatch.setenv("CELERY_BROKER_URL", UNREACHABLE_REDIS)
    reset_caches()
    assert get_settings().broker_url == UNREACHABLE_REDIS

    view = start_run(ada, [("cv.txt", CV)], False)

    # What the page shows: the run, read back after the failure was written.
    assert view["status"] == RunStatus.FAILED
    assert QUEUE_DOWN in (view["error_message"] or "")
    [run] = stored_runs(embedded.engine)
    assert (run.id, run.user_id, run.status) == (view["run_id"], ada, RunStatus.FAILED)
    assert run.finished_at is not None
    # The CV was committed with the run: trying again needs no new upload.
    assert [d.filename for d in stored_documents(embedded.engine)] == ["cv.txt"]
    assert embedded.messages() == []

    again = start_profiling_run(ada)

    assert again.queue_refused is True
    retried = load_run(ada, again.run_id)
    assert retried is not None
    assert retried["status"] == RunStatus.FAILED
    assert QUEUE_DOWN in (retried["error_message"] or "")
