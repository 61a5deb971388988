"""Profiling through real Celery workers (embedded broker and Redis): steps in
order, LLM path with fallback, and a worker killed mid-run replaced by another
that finishes the run exactly once."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session as OrmSession

from jobagent_core.db.enums import RunStatus
from jobagent_core.db.models import Document, Run, User
from jobagent_core.profiling.service import (
    UploadLimits,
    save_documents,
    start_profiling,
)
from jobagent_core.storage import FileStore
from jobagent_core.workflows import profiling
from jobagent_core.workflows.dispatch import queue_run
from tests import cv_fixtures
from tests.conftest import PostgresDatabase
from tests.llm_stub import LlmStub, StubReply
from tests.worker_support import configure, running_worker, start_worker, wait_for

pytestmark = pytest.mark.integration

STEPS = ["Reading documents", "Extracting profile", "Saving profile"]
LIMITS = UploadLimits(max_bytes=10 * 1024 * 1024, max_files=5)
REDIS_TEST_DB = "13"


@pytest.fixture
def redis_url() -> Iterator[str]:
    url = f"redis://127.0.0.1:6379/{REDIS_TEST_DB}"
    client = redis.Redis.from_url(url)
    client.flushdb()
    yield url
    client.flushdb()


def add_user(engine: Engine, email: str = "zoe@example.org") -> str:
    with OrmSession(engine) as db:
        user = User(name="zoe", email=email, email_verified=True)
        db.add(user)
        db.commit()
        return user.id


def queue_profiling(engine: Engine, storage: Path, user_id: str, cv: bytes, name: str) -> str:
    with OrmSession(engine, expire_on_commit=False) as db, db.begin():
        save_documents(db, user_id, [(name, cv)], FileStore(storage), LIMITS)
        run = start_profiling(db, user_id, allow_list=frozenset())
    queue_run(engine, run)
    return run.id


def load_run(engine: Engine, run_id: str) -> Run:
    with OrmSession(engine) as db:
        run = db.get(Run, run_id)
        assert run is not None
        return run


def finished(engine: Engine, run_id: str) -> bool:
    return load_run(engine, run_id).status in (RunStatus.COMPLETED, RunStatus.FAILED)


@pytest.mark.parametrize("broker", ["embedded", "redis"])
def test_worker_completes_profiling_with_steps_in_order(
    broker: str,
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
    pg_database: PostgresDatabase,
    pg_engine: Engine,
    tmp_path: Path,
) -> None:
    extra = {"REDIS_URL": request.getfixturevalue("redis_url")} if broker == "redis" else {}
    configure(monkeypatch, pg_database, tmp_path, **extra)
    user_id = add_user(pg_engine)
    cv = cv_fixtures.render_pdf(cv_fixtures.DATA_ENGINEER, layout="two_column")
    with running_worker(tmp_path / "worker.log") as worker:
        run_id = queue_profiling(pg_engine, tmp_path / "storage", user_id, cv, "cv.pdf")
        wait_for(lambda: finished(pg_engine, run_id), what="the run to finish")
        run = load_run(pg_engine, run_id)
        assert run.status == RunStatus.COMPLETED, (run.error_message, worker.log_text()[-2000:])
    assert [s["label"] for s in run.steps] == STEPS
    assert run.attempts == 1
    assert run.progress_done == run.progress_total == 3
    assert run.finished_at is not None
    with OrmSession(pg_engine) as db:
        user = db.get(User, user_id)
        assert user is not None
        assert user.profile is not None
        assert user.profile["name"] == cv_fixtures.DATA_ENGINEER.name
        assert user.profile["email"] == cv_fixtures.DATA_ENGINEER.email
        assert user.profile_text
        assert user.suggested_job_titles
        assert 3 <= len(user.suggested_job_titles) <= 6
        assert user.source_pdfs is not None
        assert len(user.source_pdfs) == 1


def test_killed_worker_is_replaced_and_the_run_finishes_once(
    monkeypatch: pytest.MonkeyPatch,
    pg_database: PostgresDatabase,
    pg_engine: Engine,
    tmp_path: Path,
) -> None:
    with LlmStub() as llm:
        configure(
            monkeypatch,
            pg_database,
            tmp_path,
            LLM_BASE_URL=llm.base_url,
            LLM_MODEL=llm.model,
        )
        profile = {
            "name": "Zoë Müller-Łukasik",
            "email": "zoe@example.org",
            "phone": None,
            "links": {"linkedin": None, "github": None, "portfolio": None, "other": []},
            "location": "Berlin",
            "summary": None,
            "skills": ["Python", "SQL"],
            "experience": [],
            "education": [],
            "languages": [],
            "suggested_job_titles": ["Data Engineer", "Analytics Engineer", "Data Analyst"],
        }
        # The first worker hangs on the model; the second gets an answer at once.
        llm.enqueue(StubReply(content=json.dumps(profile), delay_s=30))
        llm.handler = lambda _body: json.dumps(profile)
        user_id = add_user(pg_engine)
        cv = cv_fixtures.render_docx(cv_fixtures.DATA_ENGINEER)

        first = start_worker(tmp_path / "first.log")
        try:
            run_id = queue_profiling(pg_engine, tmp_path / "storage", user_id, cv, "cv.docx")
            wait_for(
                lambda: (
                    load_run(pg_engine, run_id).current_step == "Extracting profile"
                    and len(llm.requests) >= 1
                ),
                what="the first worker to reach the model",
            )
        finally:
            first.kill()
        assert load_run(pg_engine, run_id).status == RunStatus.RUNNING

        with running_worker(tmp_path / "second.log") as second:
            wait_for(lambda: finished(pg_engine, run_id), timeout_s=90, what="the takeover")
            run = load_run(pg_engine, run_id)
            assert run.status == RunStatus.COMPLETED, (run.error_message, second.log_text())

    assert run.attempts == 2
    labels = [s["label"] for s in run.steps]
    assert labels[-3:] == STEPS  # the second attempt ran every step again, in order
    with OrmSession(pg_engine) as db:
        assert db.scalar(select(func.count()).select_from(Run)) == 1
        assert db.scalar(select(func.count()).select_from(Document)) == 1
        user = db.get(User, user_id)
        assert user is not None
        assert user.profile is not None
        assert user.profile["name"] == "Zoë Müller-Łukasik"


def test_llm_reply_is_used_and_a_timeout_falls_back_offline_with_a_warning(
    monkeypatch: pytest.MonkeyPatch,
    pg_database: PostgresDatabase,
    pg_engine: Engine,
    tmp_path: Path,
) -> None:
    with LlmStub() as llm:
        configure(
            monkeypatch,
            pg_database,
            tmp_path,
            LLM_BASE_URL=llm.base_url,
            LLM_MODEL=llm.model,
            LLM_TIMEOUT_S="0.5",
            LLM_BUDGET_S="2",
        )
        user_id = add_user(pg_engine)
        cv = cv_fixtures.render_txt(cv_fixtures.ICU_NURSE).encode()
        llm.handler = lambda _body: "not json at all"
        llm.enqueue(*[StubReply(content="{}", delay_s=3) for _ in range(6)])
        run_id = queue_profiling(pg_engine, tmp_path / "storage", user_id, cv, "cv.txt")
        assert profiling.execute(run_id) == RunStatus.COMPLETED
        run = load_run(pg_engine, run_id)
        assert len(run.warnings) == 1
        assert "offline extractor" in run.warnings[0]
        with OrmSession(pg_engine) as db:
            user = db.get(User, user_id)
            assert user is not None
            assert user.profile is not None
            assert user.profile["name"] == cv_fixtures.ICU_NURSE.name


def test_an_empty_llm_profile_falls_back_offline_with_a_warning(
    monkeypatch: pytest.MonkeyPatch,
    pg_database: PostgresDatabase,
    pg_engine: Engine,
    tmp_path: Path,
) -> None:
    with LlmStub() as llm:
        configure(
            monkeypatch, pg_database, tmp_path, LLM_BASE_URL=llm.base_url, LLM_MODEL=llm.model
        )
        llm.handler = lambda _body: "{}"  # valid JSON, every field empty
        user_id = add_user(pg_engine)
        cv = cv_fixtures.render_markdown(cv_fixtures.ELECTRICIAN).encode()
        run_id = queue_profiling(pg_engine, tmp_path / "storage", user_id, cv, "cv.md")
        assert profiling.execute(run_id) == RunStatus.COMPLETED
        assert len(llm.requests) == 1
    run = load_run(pg_engine, run_id)
    assert run.warnings == [
        "The language model returned an empty profile; "
        "the profile was built by the offline extractor instead."
    ]
    with OrmSession(pg_engine) as db:
        user = db.get(User, user_id)
        assert user is not None
        assert user.profile is not None
        assert user.profile["name"] == cv_fixtures.ELECTRICIAN.name
