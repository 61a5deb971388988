""" "Regenerate letter" is a run a worker executes, never slow work in the web
process: the web side (`request_letter`) checks the match is the person's, commits
a pending `letter` run and queues it; the worker reads the inputs, writes the
letter with no transaction open (the LLM may take minutes), and stores it in a
short transaction. On PostgreSQL, with a real worker process, the embedded queue
and the OpenAI-compatible stub (tests/llm_stub.py); nothing of ours is mocked."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, delete, func, select
from sqlalchemy.orm import Session as OrmSession

from jobagent_core.db.engine import admin_engine, session_scope, ui_engine
from jobagent_core.db.enums import RunKind, RunStatus
from jobagent_core.db.models import Artifact, JobPosting, MatchedJob, Run, User
from jobagent_core.discovery.dedupe import company_key
from jobagent_core.live.poller import RunChange
from jobagent_core.profiling.schemas import ExperienceEntry, Profile
from jobagent_core.services import letters as letter_service
from jobagent_core.services import match_detail as match_service
from jobagent_core.services.letters import LetterInProgress, request_letter
from jobagent_core.storage import FileStore
from jobagent_core.tracking.dashboard import get_run_row
from jobagent_core.tracking.errors import MatchNotFound, NoProfile
from jobagent_core.tracking.letters import regenerate_letter, save_letter
from jobagent_core.workflows.dispatch import execute_run
from jobagent_core.workflows.letter import MATCH_GONE
from tests.conftest import PostgresDatabase
from tests.llm_stub import LlmStub, StubReply
from tests.worker_support import (
    configure,
    held_transaction,
    reset_caches,
    running_worker,
    wait_for,
)

pytestmark = pytest.mark.integration

PROFILE = Profile(
    name="Zoë Example",
    email="zoe@example.org",
    location="Berlin, Germany",
    skills=["Python", "SQL", "Airflow"],
    experience=[ExperienceEntry(title="Data Engineer", employer="Initech", current=True)],
    suggested_job_titles=["Data Engineer"],
)
LETTER = {
    "language": "en",
    "subject": "Application for the Data Engineer role",
    "greeting": "Dear Hiring Team,",
    "paragraphs": [
        "I would like to apply for the Data Engineer role at Acme GmbH.",
        "I work with Python and SQL every day.",
    ],
    "closing": "Kind regards,",
    "signature": PROFILE.name,
}
EDIT = "My own words only."


def is_letter_request(body: dict[str, Any]) -> bool:
    return any("write cover letters" in str(m.get("content")) for m in body["messages"])


def add_user(db: OrmSession, email: str, *, profile: bool = True) -> str:
    user = User(
        name=email.split("@")[0],
        email=email,
        email_verified=True,
        has_access=True,
        profile=PROFILE.model_dump(mode="json") if profile else None,
    )
    db.add(user)
    db.flush()
    return user.id


def add_match(db: OrmSession, user_id: str, n: int) -> str:
    posting = JobPosting(
        source="sample",
        source_id=f"letter-{n}",
        dedupe_key=f"letter-{n}",
        title="Data Engineer",
        company="Acme GmbH",
        company_key=company_key("Acme GmbH"),
        location="Berlin, Germany",
        description_text="Data Engineer at Acme GmbH: Python, SQL and Airflow every day.",
        url=f"https://jobs.example/letter-{n}",
        language="en",
    )
    db.add(posting)
    db.flush()
    match = MatchedJob(
        user_id=user_id, job_posting_id=posting.id, score=80.0, matched_skills=["Python", "SQL"]
    )
    db.add(match)
    db.flush()
    return match.id


@pytest.fixture
def people(
    monkeypatch: pytest.MonkeyPatch,
    pg_database: PostgresDatabase,
    pg_engine: Engine,
    tmp_path: Path,
) -> dict[str, str]:
    """Ada with a match whose letter she edited; Grace with a match of her own."""
    configure(monkeypatch, pg_database, tmp_path)
    store = FileStore(tmp_path / "storage")
    with session_scope(pg_engine) as db:
        ada = add_user(db, "ada@example.org")
        grace = add_user(db, "grace@example.org")
        ada_match = add_match(db, ada, 1)
        grace_match = add_match(db, grace, 2)
    with session_scope(pg_engine) as db:  # an offline letter, then her edit
        regenerate_letter(db, ada, ada_match, store=store)
    with session_scope(pg_engine) as db:
        save_letter(db, ada, ada_match, EDIT, store=store)
    return {"ada": ada, "grace": grace, "ada_match": ada_match, "grace_match": grace_match}


def use_llm(monkeypatch: pytest.MonkeyPatch, stub: LlmStub) -> None:
    monkeypatch.setenv("LLM_BASE_URL", stub.base_url)
    monkeypatch.setenv("LLM_MODEL", stub.model)
    reset_caches()


def artifact_of(engine: Engine, match_id: str) -> Artifact:
    with OrmSession(engine) as db:
        artifact = db.scalars(select(Artifact).where(Artifact.matched_job_id == match_id)).one()
        db.expunge(artifact)
        return artifact


def run_of(engine: Engine, run_id: str) -> Run:
    with OrmSession(engine) as db:
        run = db.get(Run, run_id)
        assert run is not None
        db.expunge(run)
        return run


def letter_runs(engine: Engine) -> int:
    with OrmSession(engine) as db:
        return int(db.scalar(select(func.count()).where(Run.kind == RunKind.LETTER)) or 0)


def queued_messages(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "queue" / "messages"
    return [p for p in folder.iterdir() if p.is_file()] if folder.exists() else []


# -- through a real worker --------------------------------------------------------------


def test_a_worker_writes_the_new_letter_and_the_page_follows_it(
    people: dict[str, str], pg_engine: Engine, tmp_path: Path
) -> None:
    ada, match_id = people["ada"], people["ada_match"]
    before = artifact_of(pg_engine, match_id)
    assert before.cover_letter_md.strip() == EDIT

    run_id = request_letter(ada, match_id, engine=ui_engine())
    # Queued after the commit: pending until a worker takes it; the page shows that.
    assert run_of(pg_engine, run_id).status == RunStatus.PENDING
    view, row = match_service.load_page(ada, match_id)
    assert view is not None
    assert row is not None
    assert row.id == run_id
    assert view.letter_run.active
    with pytest.raises(LetterInProgress, match="already being written"):
        request_letter(ada, match_id, engine=ui_engine())

    with running_worker(tmp_path / "worker.log") as worker:
        wait_for(
            lambda: run_of(pg_engine, run_id).status not in (RunStatus.PENDING, RunStatus.RUNNING),
            timeout_s=90,
            what=f"the letter run to end\n{worker.log_text()[-3000:]}",
        )
    run = run_of(pg_engine, run_id)
    assert run.status == RunStatus.COMPLETED, run.error_message
    assert [s["label"] for s in run.steps] == [
        "Reading the match",
        "Writing the letter",
        "Saving the letter",
    ]
    assert (run.progress_done, run.progress_total) == (3, 3)

    after = artifact_of(pg_engine, match_id)
    assert after.writer == "offline"
    assert EDIT not in after.cover_letter_md
    assert after.cover_letter_md == after.generated_cover_letter_md
    assert PROFILE.name in after.cover_letter_md
    assert after.cover_letter_pdf_key != before.cover_letter_pdf_key
    store = FileStore(tmp_path / "storage")
    assert store.read(after.cover_letter_pdf_key).startswith(b"%PDF")
    assert after.cv_pdf_key == before.cv_pdf_key  # the CV stays

    # What the live hub hands the page when the run ends: the match, and the page again.
    with OrmSession(pg_engine) as db:
        done = get_run_row(db, ada, run_id)
    assert done is not None
    refreshed = letter_service.refresh_letter_runs(ada, [RunChange(done, RunStatus.RUNNING)])
    assert refreshed is not None
    assert refreshed.match_of == {run_id: match_id}
    page = refreshed.completed[match_id]
    assert page is not None
    assert page.letter.text == after.cover_letter_md
    assert not page.letter_run.active
    # Someone else's hub tick learns nothing about it.
    theirs = letter_service.refresh_letter_runs(people["grace"], [RunChange(done, "running")])
    assert theirs is not None
    assert theirs.match_of == {}
    assert theirs.completed == {}


def test_another_person_cannot_regenerate_the_letter(
    people: dict[str, str], pg_engine: Engine, tmp_path: Path
) -> None:
    before = artifact_of(pg_engine, people["ada_match"])
    for attempt in (
        lambda: request_letter(people["grace"], people["ada_match"], engine=ui_engine()),
        lambda: letter_service.regenerate(people["grace"], people["ada_match"]),
        lambda: request_letter(people["ada"], "no-such-match", engine=ui_engine()),
    ):
        with pytest.raises(MatchNotFound):
            attempt()
    assert letter_runs(pg_engine) == 0
    assert queued_messages(tmp_path) == []
    after = artifact_of(pg_engine, people["ada_match"])
    assert after.cover_letter_md == before.cover_letter_md

    # Her own match is hers to regenerate: that one is queued.
    request_letter(people["grace"], people["grace_match"], engine=ui_engine())
    assert letter_runs(pg_engine) == 1
    assert len(queued_messages(tmp_path)) == 1


def test_a_letter_needs_a_profile(
    people: dict[str, str], pg_engine: Engine, tmp_path: Path
) -> None:
    with session_scope(pg_engine) as db:
        nobody = add_user(db, "new@example.org", profile=False)
        match_id = add_match(db, nobody, 3)
    with pytest.raises(NoProfile):
        request_letter(nobody, match_id, engine=ui_engine())
    assert letter_runs(pg_engine) == 0
    assert queued_messages(tmp_path) == []


# -- the worker's path, in this process ------------------------------------------------


def pg_probe(db: PostgresDatabase, match_id: str) -> str | None:
    """The match row can be updated at once (no FOR UPDATE held), no transaction held."""
    return held_transaction(
        db.superuser_url, "UPDATE matched_jobs SET notes = 'probed' WHERE id = %s", (match_id,)
    )


def letter_handler(
    on_letter: Callable[[], object], reply: Callable[[], str | StubReply]
) -> Callable[[dict[str, Any]], str | StubReply]:
    def handler(body: dict[str, Any]) -> str | StubReply:
        assert is_letter_request(body)
        on_letter()
        return reply()

    return handler


def test_the_match_is_not_locked_while_the_llm_writes(
    monkeypatch: pytest.MonkeyPatch,
    people: dict[str, str],
    pg_database: PostgresDatabase,
    pg_engine: Engine,
) -> None:
    match_id = people["ada_match"]
    probes: list[str | None] = []
    with LlmStub() as stub:
        stub.handler = letter_handler(
            lambda: probes.append(pg_probe(pg_database, match_id)),
            lambda: StubReply(content=json.dumps(LETTER), delay_s=1.0),
        )
        use_llm(monkeypatch, stub)
        run_id = request_letter(people["ada"], match_id, engine=ui_engine())
        assert execute_run(run_id) == RunStatus.COMPLETED

    assert probes
    assert probes == [None] * len(probes)
    run = run_of(pg_engine, run_id)
    assert run.status == RunStatus.COMPLETED, run.error_message
    assert run.warnings == []
    assert run.params["llm_usage"]  # the calls are counted on the run
    artifact = artifact_of(pg_engine, match_id)
    assert artifact.writer == "llm"
    assert "I work with Python and SQL every day." in artifact.cover_letter_md
    assert artifact.cover_letter_md == artifact.generated_cover_letter_md
    with OrmSession(pg_engine) as db:
        match = db.get(MatchedJob, match_id)
        assert match is not None
        assert match.notes == "probed"  # the other session's update went through


def test_an_llm_failure_falls_back_to_the_offline_writer(
    monkeypatch: pytest.MonkeyPatch, people: dict[str, str], pg_engine: Engine
) -> None:
    match_id = people["ada_match"]
    with LlmStub() as stub:
        stub.handler = letter_handler(lambda: None, lambda: StubReply.error(503))
        use_llm(monkeypatch, stub)
        run_id = request_letter(people["ada"], match_id, engine=ui_engine())
        assert execute_run(run_id) == RunStatus.COMPLETED
        assert stub.requests

    run = run_of(pg_engine, run_id)
    assert run.status == RunStatus.COMPLETED, run.error_message
    assert any("written offline" in w for w in run.warnings), run.warnings
    artifact = artifact_of(pg_engine, match_id)
    assert artifact.writer == "offline"
    assert EDIT not in artifact.cover_letter_md


def test_a_match_deleted_while_the_llm_writes_fails_the_run_with_a_reason(
    monkeypatch: pytest.MonkeyPatch, people: dict[str, str], pg_engine: Engine
) -> None:
    match_id = people["ada_match"]

    def delete_match() -> None:
        with admin_engine().begin() as conn:
            conn.execute(delete(MatchedJob).where(MatchedJob.id == match_id))

    with LlmStub() as stub:
        stub.handler = letter_handler(delete_match, lambda: json.dumps(LETTER))
        use_llm(monkeypatch, stub)
        run_id = request_letter(people["ada"], match_id, engine=ui_engine())
        assert execute_run(run_id) == RunStatus.FAILED

    run = run_of(pg_engine, run_id)
    assert run.status == RunStatus.FAILED
    assert run.error_message == MATCH_GONE
    assert run.finished_at is not None
    with OrmSession(pg_engine) as db:
        assert db.scalars(select(Artifact).where(Artifact.matched_job_id == match_id)).all() == []


def test_a_letter_that_cannot_be_stored_fails_the_run_in_words(
    people: dict[str, str], pg_engine: Engine, tmp_path: Path
) -> None:
    before = artifact_of(pg_engine, people["ada_match"])
    run_id = request_letter(people["ada"], people["ada_match"], engine=ui_engine())
    # Storage that cannot take files: the rendered letter has nowhere to go.
    storage = tmp_path / "storage"
    for child in storage.rglob("*"):
        if child.is_file():
            child.unlink()
    for child in sorted(storage.rglob("*"), reverse=True):
        child.rmdir()
    (storage / "sha256").write_text("not a folder")
    assert execute_run(run_id) == RunStatus.FAILED

    run = run_of(pg_engine, run_id)
    assert run.error_message is not None
    assert run.error_message.startswith("Something went wrong while writing the letter.")
    assert "Traceback" not in run.error_message
    after = artifact_of(pg_engine, people["ada_match"])
    assert after.cover_letter_md == before.cover_letter_md  # her letter is untouched
    # The run is over: another may be requested.
    assert request_letter(people["ada"], people["ada_match"], engine=ui_engine()) != run_id
