"""No database transaction is held across an LLM call (or rendering) in the job
search: on the embedded SQLite file database a letter the model cannot write, or
writes slowly, neither locks other writers out nor gets lost. The workflow runs
in this process against the OpenAI-compatible stub (tests/llm_stub.py)."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session as OrmSession

from jobagent_core.cli_search import save_applications
from jobagent_core.config import get_settings
from jobagent_core.db.engine import make_engine
from jobagent_core.db.enums import RunStatus, StepStatus
from jobagent_core.db.models import Artifact, MatchedJob, Run, User
from jobagent_core.profiling.offline import extract_profile
from jobagent_core.profiling.profile_store import merge_profile
from jobagent_core.storage import FileStore
from jobagent_core.workflows import job_search
from jobagent_core.workflows.job_search_start import JobSearchRequest, start_job_search
from jobagent_core.workflows.local_run import run_matches
from tests import cv_fixtures
from tests.conftest import PostgresDatabase
from tests.llm_stub import LlmStub, StubReply
from tests.worker_support import configure, configure_sqlite, held_transaction, reset_caches

VERDICT = {
    "is_match": True,
    "score": 80,
    "reasons": ["skills: Python, SQL"],
    "gaps": [],
    "matched_skills": ["Python", "SQL"],
    "missing_skills": [],
}
PERSONA = cv_fixtures.DATA_ENGINEER
LETTER = {
    "language": "en",
    "subject": "Application for the Data Engineer role",
    "greeting": "Dear Hiring Team,",
    "paragraphs": ["I would like to apply for this role.", "I look forward to hearing from you."],
    "closing": "Kind regards,",
    "signature": PERSONA.name,
}
MATCHES = 2


def is_letter_request(body: dict[str, Any]) -> bool:
    """Whether the request asks for a cover letter (in whatever structured-output form)."""
    return any("write cover letters" in str(m.get("content")) for m in body["messages"])


def sqlite_write_probe(path: Path) -> str | None:
    """Take SQLite's write lock from a second connection with a short busy timeout and
    write a row; None when that worked, else the error."""
    conn = sqlite3.connect(path, timeout=0.5, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(f'UPDATE "{User.__tablename__}" SET name = name')
        conn.execute("COMMIT")
        return None
    except sqlite3.Error as err:
        return f"{type(err).__name__}: {err}"
    finally:
        conn.close()


def llm_handler(
    probe: Callable[[], str | None], probes: list[str | None], letter: Callable[[], StubReply]
) -> Callable[[dict[str, Any]], str | StubReply]:
    """Screening verdicts; for each letter request, probe the database, then `letter()`."""

    def handler(body: dict[str, Any]) -> str | StubReply:
        if not is_letter_request(body):
            return json.dumps(VERDICT)
        probes.append(probe())
        return letter()

    return handler


@pytest.fixture
def sqlite_db(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """The embedded default: a migrated SQLite file, as DATABASE_URL for this process."""
    configure_sqlite(monkeypatch, tmp_path, MATCH_TOP_K=str(MATCHES))
    yield tmp_path / "var" / "jobagent.db"
    reset_caches()


def use_llm(monkeypatch: pytest.MonkeyPatch, stub: LlmStub) -> None:
    monkeypatch.setenv("LLM_BASE_URL", stub.base_url)
    monkeypatch.setenv("LLM_MODEL", stub.model)
    reset_caches()


def new_search(engine: Engine) -> tuple[str, str]:
    """A user with a profile (no e-mail digest) and a pending search; (user id, run id)."""
    profile = extract_profile(cv_fixtures.render_txt(PERSONA))
    with OrmSession(engine, expire_on_commit=False) as db, db.begin():
        user = User(name=PERSONA.name, email="zoe@example.org", email_verified=True)
        user.profile = merge_profile(profile, None, overwrite=True)
        user.suggested_job_titles = list(profile.suggested_job_titles)
        user.delivery_enabled = False
        db.add(user)
        db.flush()
        request = JobSearchRequest(title="Data Engineer", sources=["sample"])
        run = start_job_search(db, user.id, request, get_settings())
    return user.id, run.id


def run_search(engine: Engine, run_id: str) -> tuple[Run, list[MatchedJob], list[Artifact]]:
    assert job_search.execute(run_id) is not None
    with OrmSession(engine) as db:
        run = db.get(Run, run_id)
        assert run is not None
        ids = run.params["match_ids"]
        matches = list(db.scalars(select(MatchedJob).where(MatchedJob.id.in_(ids))))
        artifacts = list(db.scalars(select(Artifact).where(Artifact.matched_job_id.in_(ids))))
    return run, matches, artifacts


def assert_never_locked(run: Run, matches: list[MatchedJob]) -> None:
    texts = [run.error_message or "", *(run.warnings or [])]
    texts += [(m.fabrication_error or "") + (m.research_error or "") for m in matches]
    assert not [t for t in texts if "locked" in t.lower()], texts


class Writer:
    """Another connection writing to the SQLite file all through the run, each write
    with a short busy timeout: every one must get through."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.writes = 0
        self.errors: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def _loop(self) -> None:
        while not self._stop.wait(0.05):
            error = sqlite_write_probe(self.path)
            if error is None:
                self.writes += 1
            else:
                self.errors.append(f"{error} (while {self._step()})")

    def _step(self) -> str:
        with sqlite3.connect(self.path, timeout=5) as conn:
            rows = conn.execute("SELECT current_step FROM runs").fetchall()
        return ", ".join(str(step) for (step,) in rows)

    def __enter__(self) -> Writer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)


@pytest.mark.unit
def test_failing_llm_letters_fall_back_offline_without_locking_sqlite(
    monkeypatch: pytest.MonkeyPatch, sqlite_db: Path, tmp_path: Path
) -> None:
    probes: list[str | None] = []
    with LlmStub() as stub:
        stub.handler = llm_handler(
            lambda: sqlite_write_probe(sqlite_db), probes, lambda: StubReply(content="{}")
        )
        use_llm(monkeypatch, stub)
        engine = make_engine(f"sqlite:///{sqlite_db}")
        try:
            user_id, run_id = new_search(engine)
            started = time.monotonic()
            with Writer(sqlite_db) as writer:
                run, matches, artifacts = run_search(engine, run_id)
            elapsed = time.monotonic() - started
        finally:
            engine.dispose()

    assert run.status == RunStatus.COMPLETED, run.error_message
    assert len(matches) == MATCHES
    # Each letter request found the database free to write.
    assert len(probes) >= MATCHES
    assert probes == [None] * len(probes)
    assert writer.errors == []
    assert writer.writes > 0
    assert_never_locked(run, matches)
    assert elapsed < 30, "a letter stalled the run"
    # The letters were written offline, and the run says why.
    assert all(m.fabrication_status == StepStatus.DONE for m in matches)
    assert sorted(a.writer for a in artifacts) == ["offline"] * MATCHES
    assert (run.fabrication_done, run.fabrication_failed) == (MATCHES, 0)
    assert any("could not write a letter" in w for w in run.warnings)

    out = tmp_path / "out"
    said = save_applications(run_matches(run_id, user_id, FileStore(tmp_path / "storage")), out)
    on_disk = [p for p in out.rglob("*") if p.is_file()]
    assert len(list(out.iterdir())) == MATCHES
    assert f"Letters and CVs for {MATCHES} matches written" in said
    assert len(on_disk) == 6 * MATCHES
    assert f"({len(on_disk)} files)" in said


@pytest.mark.unit
def test_slow_llm_letters_leave_sqlite_free_for_other_writers(
    monkeypatch: pytest.MonkeyPatch, sqlite_db: Path
) -> None:
    probes: list[str | None] = []
    with LlmStub() as stub:
        stub.handler = llm_handler(
            lambda: sqlite_write_probe(sqlite_db),
            probes,
            lambda: StubReply(content=json.dumps(LETTER), delay_s=1.5),
        )
        use_llm(monkeypatch, stub)
        engine = make_engine(f"sqlite:///{sqlite_db}")
        try:
            _, run_id = new_search(engine)
            with Writer(sqlite_db) as writer:
                run, matches, artifacts = run_search(engine, run_id)
        finally:
            engine.dispose()

    assert run.status == RunStatus.COMPLETED, run.error_message
    assert probes
    assert probes == [None] * len(probes)
    assert writer.errors == []
    assert writer.writes > 10
    assert_never_locked(run, matches)
    assert sorted(a.writer for a in artifacts) == ["llm"] * MATCHES
    assert (run.fabrication_done, run.fabrication_failed) == (MATCHES, 0)


@pytest.mark.unit
def test_letters_that_cannot_be_written_at_all_are_reported_as_failed(
    monkeypatch: pytest.MonkeyPatch, sqlite_db: Path, tmp_path: Path
) -> None:
    # Storage that cannot take files: the offline fallback's files cannot be stored
    # either, so the letters fail — and must be reported, not lost or called written.
    storage = tmp_path / "storage"
    storage.mkdir()
    (storage / "sha256").write_text("not a folder")
    probes: list[str | None] = []
    with LlmStub() as stub:
        stub.handler = llm_handler(
            lambda: sqlite_write_probe(sqlite_db), probes, lambda: StubReply(content="{}")
        )
        use_llm(monkeypatch, stub)
        engine = make_engine(f"sqlite:///{sqlite_db}")
        try:
            user_id, run_id = new_search(engine)
            run, matches, artifacts = run_search(engine, run_id)
        finally:
            engine.dispose()

    assert run.status == RunStatus.COMPLETED, run.error_message
    assert probes == [None] * len(probes)
    assert_never_locked(run, matches)
    assert artifacts == []
    assert len(matches) == MATCHES
    for match in matches:
        assert match.fabrication_status == StepStatus.FAILED
        assert match.fabrication_error
        assert "Error" in match.fabrication_error
    assert (run.fabrication_done, run.fabrication_failed) == (0, MATCHES)
    failures = [w for w in run.warnings if "could not be written" in w]
    assert len(failures) == MATCHES, run.warnings

    out = tmp_path / "out"
    found = run_matches(run_id, user_id, FileStore(storage))
    said = save_applications(found, out)
    assert "written to" not in said
    assert said.startswith(f"No letters or CVs written: {MATCHES} of {MATCHES} could not be")
    for result in found:
        assert f"not written: {result.title} at {result.company}" in said
    assert all(m.fabrication_error and m.fabrication_error in said for m in matches)
    assert not out.exists()


# -- PostgreSQL ---------------------------------------------------------------------


def pg_probe(db: PostgresDatabase) -> str | None:
    """The run's matches can be written at once and no transaction is held."""
    return held_transaction(db.superuser_url, "UPDATE matched_jobs SET score = score")


@pytest.mark.integration
def test_llm_letters_hold_no_transaction_on_postgres(
    monkeypatch: pytest.MonkeyPatch,
    pg_database: PostgresDatabase,
    pg_engine: Engine,
    tmp_path: Path,
) -> None:
    probes: list[str | None] = []
    with LlmStub() as stub:
        stub.handler = llm_handler(
            lambda: pg_probe(pg_database), probes, lambda: StubReply(content="{}")
        )
        configure(
            monkeypatch,
            pg_database,
            tmp_path,
            LLM_BASE_URL=stub.base_url,
            LLM_MODEL=stub.model,
            MATCH_TOP_K=str(MATCHES),
        )
        _, run_id = new_search(pg_engine)
        run, _, artifacts = run_search(pg_engine, run_id)

    assert run.status == RunStatus.COMPLETED, run.error_message
    assert len(probes) >= MATCHES
    assert probes == [None] * len(probes)
    assert (run.fabrication_done, run.fabrication_failed) == (MATCHES, 0)
    assert sorted(a.writer for a in artifacts) == ["offline"] * MATCHES
