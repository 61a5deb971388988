"""The job-search pipeline through real Celery workers on PostgreSQL and Redis:
counters consistent with the rows, one set of results after a worker is killed
mid-run, the digest delivered once, and the API owner-scoped."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import redis
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session as OrmSession
from starlette.applications import Starlette
from starlette.testclient import TestClient

from jobagent_core.api.app import api_routes
from jobagent_core.auth.current_user import Authenticator
from jobagent_core.config import get_settings
from jobagent_core.db.engine import ui_engine
from jobagent_core.db.enums import RunStatus, StepStatus
from jobagent_core.db.models import Artifact, MatchedJob, Run, User
from jobagent_core.storage import FileStore
from jobagent_core.workflows.dispatch import queue_run
from jobagent_core.workflows.job_search_start import JobSearchRequest, start_job_search
from tests import cv_fixtures
from tests.api_support import api_client, token_for
from tests.conftest import PostgresDatabase
from tests.llm_stub import LlmStub, StubReply
from tests.saved_search_support import person
from tests.smtp_sink import SmtpSink
from tests.smtp_sink import smtp_sink as smtp_sink
from tests.worker_support import configure, running_worker, start_worker, wait_for

pytestmark = pytest.mark.integration

STEPS = [
    "Discovering postings",
    "Scoring and screening",
    "Researching companies",
    "Writing applications",
    "Delivering",
]
REDIS_DB = "12"


@pytest.fixture
def redis_url() -> Iterator[str]:
    url = f"redis://127.0.0.1:6379/{REDIS_DB}"
    redis.Redis.from_url(url).flushdb()
    yield url
    redis.Redis.from_url(url).flushdb()


def user_with_profile(engine: Engine, persona: cv_fixtures.CV, email: str) -> str:
    return person(engine, email, persona)


def queue_search(engine: Engine, user_id: str, **request: Any) -> str:
    with OrmSession(engine, expire_on_commit=False) as db, db.begin():
        run = start_job_search(db, user_id, JobSearchRequest(**request), get_settings())
    queue_run(engine, run)
    return run.id


def load_run(engine: Engine, run_id: str) -> Run:
    with OrmSession(engine) as db:
        run = db.get(Run, run_id)
        assert run is not None
        return run


def finished(engine: Engine, run_id: str) -> bool:
    return load_run(engine, run_id).status in (RunStatus.COMPLETED, RunStatus.FAILED)


def assert_consistent(engine: Engine, run: Run, storage: Path) -> list[MatchedJob]:
    """Counters agree with the rows; every match has one artifact with its files."""
    match_ids = run.params["match_ids"]
    with OrmSession(engine) as db:
        matches = list(db.scalars(select(MatchedJob).where(MatchedJob.id.in_(match_ids))))
        artifacts = list(db.scalars(select(Artifact).where(Artifact.matched_job_id.in_(match_ids))))
    assert run.matched_count == len(matches) == len(set(match_ids))
    assert run.screened_count >= run.matched_count
    assert run.found_count >= run.screened_count
    done = [m for m in matches if m.research_status == StepStatus.DONE]
    failed = [m for m in matches if m.research_status == StepStatus.FAILED]
    assert (run.research_done, run.research_failed) == (len(done), len(failed))
    written = [m for m in matches if m.fabrication_status == StepStatus.DONE]
    assert run.fabrication_done == len(written) == len(artifacts)
    assert run.research_done + run.research_failed == run.matched_count
    store = FileStore(storage)
    for artifact in artifacts:
        for key in (artifact.cover_letter_pdf_key, artifact.cv_pdf_key, artifact.cv_docx_key):
            assert key is not None
            assert store.read(key)[:4] in (b"%PDF", b"PK\x03\x04")
        assert artifact.cover_letter_md
    return matches


def test_full_search_through_a_worker_on_postgres_and_redis(
    monkeypatch: pytest.MonkeyPatch,
    pg_database: PostgresDatabase,
    pg_engine: Engine,
    redis_url: str,
    smtp_sink: SmtpSink,
    tmp_path: Path,
) -> None:
    configure(
        monkeypatch,
        pg_database,
        tmp_path,
        REDIS_URL=redis_url,
        SMTP_URL=smtp_sink.url,
        MATCH_TOP_K="10",
    )
    user_id = user_with_profile(pg_engine, cv_fixtures.DATA_ENGINEER, "zoe@example.org")
    with running_worker(tmp_path / "worker.log") as worker:
        run_id = queue_search(
            pg_engine, user_id, title="Data Engineer", location="Berlin", sources=["sample"]
        )
        wait_for(lambda: finished(pg_engine, run_id), timeout_s=120, what="the search")
        run = load_run(pg_engine, run_id)
        assert run.status == RunStatus.COMPLETED, (run.error_message, worker.log_text()[-3000:])

        assert [s["label"] for s in run.steps] == STEPS
        matches = assert_consistent(pg_engine, run, tmp_path / "storage")
        assert matches, "the data engineer persona should match sample postings in Berlin"
        assert run.screened_count <= 10

        # One digest, with both PDFs of each match attached.
        [received] = smtp_sink.messages
        message = received.message
        assert received.rcpt_tos == ("zoe@example.org",)
        assert "Data Engineer" in message["Subject"]
        attachments = [part.get_filename() for part in message.iter_attachments()]
        assert len(attachments) == 2 * len(matches)

        # The same search again: nothing is matched twice, nothing mailed twice.
        again = queue_search(
            pg_engine, user_id, title="Data Engineer", location="Berlin", sources=["sample"]
        )
        wait_for(lambda: finished(pg_engine, again), timeout_s=120, what="the second search")
        second = load_run(pg_engine, again)
        assert second.status == RunStatus.COMPLETED
    assert len(smtp_sink.messages) == 1
    assert any("no matches to deliver" in w for w in second.warnings)
    with OrmSession(pg_engine) as db:
        total = db.scalar(select(func.count()).select_from(MatchedJob))
        assert total == len(matches)
        assert db.scalar(select(func.count()).select_from(Artifact)) == total


def test_killed_worker_is_replaced_and_results_are_not_duplicated(
    monkeypatch: pytest.MonkeyPatch,
    pg_database: PostgresDatabase,
    pg_engine: Engine,
    redis_url: str,
    tmp_path: Path,
) -> None:
    verdict = {
        "is_match": True,
        "score": 80,
        "reasons": ["skills: Python, SQL"],
        "gaps": [],
        "matched_skills": ["Python", "SQL"],
        "missing_skills": [],
    }
    with LlmStub() as llm:
        configure(
            monkeypatch,
            pg_database,
            tmp_path,
            REDIS_URL=redis_url,
            LLM_BASE_URL=llm.base_url,
            LLM_MODEL=llm.model,
            MATCH_TOP_K="3",
        )
        # The first worker hangs on the model while screening; later calls answer.
        llm.enqueue(StubReply(content=json.dumps(verdict), delay_s=60))
        llm.handler = _answer_everything(verdict)
        user_id = user_with_profile(pg_engine, cv_fixtures.DATA_ENGINEER, "zoe@example.org")
        first = start_worker(tmp_path / "first.log")
        try:
            run_id = queue_search(pg_engine, user_id, title="Data Engineer", sources=["sample"])
            wait_for(
                lambda: (
                    load_run(pg_engine, run_id).current_step == "Scoring and screening"
                    and len(llm.requests) >= 1
                ),
                timeout_s=120,
                what="the first worker to screen",
            )
        finally:
            first.kill()
        with running_worker(tmp_path / "second.log") as second:
            wait_for(lambda: finished(pg_engine, run_id), timeout_s=150, what="the takeover")
            run = load_run(pg_engine, run_id)
            assert run.status == RunStatus.COMPLETED, (run.error_message, second.log_text())
    assert run.attempts == 2
    matches = assert_consistent(pg_engine, run, tmp_path / "storage")
    assert len(matches) == 3
    with OrmSession(pg_engine) as db:
        assert db.scalar(select(func.count()).select_from(MatchedJob)) == 3
        assert db.scalar(select(func.count()).select_from(Artifact)) == 3
        assert db.scalar(select(func.count()).select_from(Run)) == 1


def _answer_everything(verdict: dict[str, Any]) -> Any:
    """Screening verdicts for screening requests; a plain letter for writing ones."""

    def handler(body: dict[str, Any]) -> str:
        name = body["response_format"]["json_schema"]["name"]
        if "verdict" in name or "screen" in name:
            return json.dumps(verdict)
        return "{}"  # anything else is invalid: the workflow falls back offline

    return handler


# -- the HTTP API ---------------------------------------------------------------------


@pytest.fixture
def client(
    monkeypatch: pytest.MonkeyPatch, pg_database: PostgresDatabase, tmp_path: Path
) -> TestClient:
    configure(monkeypatch, pg_database, tmp_path)
    return api_client()


def test_api_starts_searches_owner_only(client: TestClient, pg_engine: Engine) -> None:
    ada = user_with_profile(pg_engine, cv_fixtures.FINANCIAL_ANALYST, "ada@example.org")
    bob = user_with_profile(pg_engine, cv_fixtures.ELECTRICIAN, "bob@example.org")
    ada_headers, bob_headers = token_for(pg_engine, ada), token_for(pg_engine, bob)

    one = client.post(
        "/workflow/job-search",
        headers=ada_headers,
        json={"title": "Financial Analyst", "location": "London", "sources": ["sample"]},
    )
    assert one.status_code == 202, one.text
    body = one.json()
    assert set(body) == {"run_id", "task_id", "status_url"}
    assert client.get(body["status_url"], headers=ada_headers).json()["kind"] == "job_search"
    assert client.get(body["status_url"], headers=bob_headers).status_code == 404

    many = client.post(
        "/workflow/job-search/from-profile",
        headers=bob_headers,
        json={"titles": None, "location": "Manchester"},
    )
    assert many.status_code == 202, many.text
    with OrmSession(pg_engine) as db:
        bob_user = db.get(User, bob)
        assert bob_user is not None
        titles = bob_user.suggested_job_titles or []
    assert len(many.json()["runs"]) == len(titles) >= 3


@pytest.mark.parametrize(
    ("path", "body", "fragment"),
    [
        ("/workflow/job-search", {"title": "X", "user_id": "someone"}, "user_id"),
        ("/workflow/job-search", {"location": "Berlin"}, "title"),
        (
            "/workflow/job-search",
            {"title": "X", "sources": ["greenhouse:Not A Board!"]},
            "not valid",
        ),
        ("/workflow/job-search", {"title": "X", "sources": ["monster"]}, "monster"),
        ("/workflow/job-search", {"title": "X", "filters": {"salary": 1}}, "salary"),
        ("/workflow/job-search", {"title": "X", "sources": ["serpapi"]}, "SERPAPI_API_KEY"),
        ("/workflow/job-search/from-profile", {"titles": "Nurse"}, "titles"),
        # A stored file named by a client (e.g. another user's CV) is never read.
        (
            "/workflow/job-search",
            {"title": "X", "sources": ["file:sha256/ab/" + "ab" * 32 + ".json"]},
            "Upload the job file again",
        ),
    ],
)
def test_api_refuses_bad_bodies_in_words(
    client: TestClient, pg_engine: Engine, path: str, body: dict[str, Any], fragment: str
) -> None:
    ada = user_with_profile(pg_engine, cv_fixtures.ICU_NURSE, "ada@example.org")
    response = client.post(path, headers=token_for(pg_engine, ada), json=body)
    assert response.status_code == 422, response.text
    assert fragment in response.json()["detail"]
    with OrmSession(pg_engine) as db:
        assert db.scalar(select(func.count()).select_from(Run)) == 0


def test_api_respects_access_control(
    monkeypatch: pytest.MonkeyPatch,
    pg_database: PostgresDatabase,
    pg_engine: Engine,
    tmp_path: Path,
) -> None:
    configure(monkeypatch, pg_database, tmp_path, ACCESS_ALLOW_LIST="example.com")
    settings = get_settings()
    client = TestClient(
        Starlette(routes=api_routes(settings, Authenticator.from_settings(settings, ui_engine())))
    )
    eve = user_with_profile(pg_engine, cv_fixtures.B2B_SALES, "eve@elsewhere.example")
    response = client.post(
        "/workflow/job-search", headers=token_for(pg_engine, eve), json={"title": "Sales"}
    )
    assert response.status_code == 403
    assert "waiting for access" in response.json()["detail"]
