"""“Delete my account and data”: queued by the web app, done by a real worker on
the admin role. Everything of user A goes — rows in every table and the files
only A used — and nothing of user B, not even a file B shares with A."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session as OrmSession

from jobagent_core.accounts.deletion import (
    DeletionReport,
    delete_account,
    owned_file_keys,
    request_deletion,
)
from jobagent_core.auth.api_tokens import create_token
from jobagent_core.auth.sessions import create_session
from jobagent_core.config import get_settings
from jobagent_core.db.engine import session_scope
from jobagent_core.db.enums import RunKind, RunStatus
from jobagent_core.db.models import (
    Account,
    ApiToken,
    Artifact,
    Base,
    CompanyResearch,
    Document,
    JobPosting,
    JobSearch,
    MatchedJob,
    Run,
    Session,
    User,
)
from jobagent_core.storage import FileStore
from jobagent_core.workflows.job_search_start import file_source
from tests.conftest import PostgresDatabase
from tests.worker_support import configure, running_worker, wait_for

pytestmark = pytest.mark.integration

SHARED_CV = b"%PDF-1.4 the same CV, uploaded by both people"


@dataclass
class Person:
    id: str
    files: dict[str, str]  # what -> storage key


def add_person(db: OrmSession, store: FileStore, name: str, posting: JobPosting) -> Person:
    user = User(name=name, email=f"{name}@example.org", email_verified=True, has_access=True)
    db.add(user)
    db.flush()
    own_cv = store.put(f"%PDF-1.4 {name}'s own CV".encode(), ".pdf")
    shared_cv = store.put(SHARED_CV, ".pdf")
    jobs_file = store.put(f'[{{"title": "Job for {name}"}}]'.encode(), ".json")
    letter_pdf = store.put(f"%PDF-1.4 {name}'s letter".encode(), ".pdf")
    letter_docx = store.put(f"PK {name}'s letter".encode(), ".docx")
    user.source_pdfs = [own_cv]
    db.add_all(
        [
            Account(account_id=f"sub-{name}", provider_id="google", user_id=user.id),
            Document(
                user_id=user.id,
                filename="cv.pdf",
                media_type="application/pdf",
                size_bytes=10,
                sha256=own_cv.split("/")[-1][:64],
                storage_key=own_cv,
            ),
            Document(
                user_id=user.id,
                filename="shared.pdf",
                media_type="application/pdf",
                size_bytes=10,
                sha256=shared_cv.split("/")[-1][:64],
                storage_key=shared_cv,
            ),
        ]
    )
    create_session(db, user.id)
    create_token(db, user.id, "laptop")
    search = JobSearch(
        user_id=user.id,
        title="Data Engineer",
        sources=["sample", file_source(user.id, jobs_file, get_settings())],
    )
    db.add(search)
    db.flush()
    run = Run(
        user_id=user.id,
        kind=RunKind.JOB_SEARCH,
        status=RunStatus.COMPLETED,
        job_search_id=search.id,
    )
    db.add(run)
    db.flush()
    match = MatchedJob(user_id=user.id, job_posting_id=posting.id, run_id=run.id, score=80.0)
    db.add(match)
    db.flush()
    db.add(
        Artifact(
            user_id=user.id,
            matched_job_id=match.id,
            cover_letter_md="Dear team",
            cover_letter_pdf_key=letter_pdf,
            cover_letter_docx_key=letter_docx,
        )
    )
    db.flush()
    files = {
        "own_cv": own_cv,
        "shared_cv": shared_cv,
        "jobs_file": jobs_file,
        "letter_pdf": letter_pdf,
        "letter_docx": letter_docx,
    }
    return Person(user.id, files)


def rows_of(engine: Engine, user_id: str) -> dict[str, int]:
    """How many rows `user_id` owns in each table that has an owner column."""
    counts = {}
    with OrmSession(engine) as db:
        for table in Base.metadata.sorted_tables:
            owner = table.c.get("user_id") if "user_id" in table.c else table.c.get("userId")
            if table.name == "user":
                owner = table.c.id
            if owner is not None:
                counts[table.name] = int(
                    db.scalar(select(func.count()).where(owner == user_id)) or 0
                )
    return counts


def test_the_worker_deletes_everything_of_one_person_and_nothing_of_another(
    monkeypatch: pytest.MonkeyPatch,
    pg_database: PostgresDatabase,
    pg_engine: Engine,
    tmp_path: Path,
) -> None:
    env = configure(monkeypatch, pg_database, tmp_path)
    store = FileStore(Path(env["STORAGE_DIR"]))
    with session_scope(pg_engine) as db:
        posting = JobPosting(
            source="sample",
            source_id="1",
            dedupe_key="k1",
            title="Data Engineer",
            company="Acme",
            company_key="acme",
        )
        db.add_all([posting, CompanyResearch(company_key="acme", company_name="Acme")])
        db.flush()
        ada = add_person(db, store, "ada", posting)
        grace = add_person(db, store, "grace", posting)
    grace_rows = rows_of(pg_engine, grace.id)
    ada_rows = rows_of(pg_engine, ada.id)
    owned = "user session account api_tokens documents job_searches runs matched_jobs artifacts"
    assert {name for name, n in ada_rows.items() if n} == set(owned.split())
    with session_scope(pg_engine) as db:
        assert owned_file_keys(db, ada.id) == set(ada.files.values())

    with running_worker(tmp_path / "worker.log") as worker:
        request_deletion(ada.id)
        wait_for(
            lambda: rows_of(pg_engine, ada.id)["user"] == 0,
            timeout_s=60,
            what="the worker to delete the account",
        )
        request_deletion(ada.id)  # a second request (double click) is harmless
        request_deletion(grace.id + "-gone")
        wait_for(lambda: worker.log_text().count("succeeded") >= 3, what="all three tasks")
    assert "Traceback" not in worker.log_text()

    assert set(rows_of(pg_engine, ada.id).values()) == {0}
    assert rows_of(pg_engine, grace.id) == grace_rows
    for what, key in ada.files.items():
        assert store.exists(key) == (what == "shared_cv"), what  # grace still uses it
    assert all(store.exists(key) for key in grace.files.values())
    with OrmSession(pg_engine) as db:
        # Public data stays: postings and company research are shared by everyone.
        assert db.scalar(select(func.count()).select_from(JobPosting)) == 1
        assert db.scalar(select(func.count()).select_from(CompanyResearch)) == 1
        assert db.scalar(select(func.count()).select_from(Session)) == 1
        assert db.scalar(select(func.count()).select_from(ApiToken)) == 1


def test_deleting_the_last_user_of_a_shared_file_removes_it(
    pg_engine: Engine, tmp_path: Path
) -> None:
    store = FileStore(tmp_path / "storage")
    with session_scope(pg_engine) as db:
        posting = JobPosting(
            source="sample",
            source_id="2",
            dedupe_key="k2",
            title="Nurse",
            company="Care",
            company_key="care",
        )
        db.add(posting)
        db.flush()
        ada = add_person(db, store, "ada", posting)
        grace = add_person(db, store, "grace", posting)
    first = delete_account(pg_engine, ada.id, store)
    assert first == DeletionReport(deleted=True, files_removed=4, files_kept=1)
    assert store.exists(ada.files["shared_cv"])
    second = delete_account(pg_engine, grace.id, store)
    assert second == DeletionReport(deleted=True, files_removed=5, files_kept=0)
    assert not store.exists(grace.files["shared_cv"])
    assert not delete_account(pg_engine, grace.id, store).deleted


def test_postings_a_person_added_go_with_them_unless_someone_else_holds_them(
    engine: Engine, tmp_path: Path
) -> None:
    """Pasted text is the person's data, not a board's: it must not outlive them."""
    store = FileStore(tmp_path / "storage")

    def posting(source: str, source_id: str) -> JobPosting:
        return JobPosting(
            source=source,
            source_id=source_id,
            dedupe_key=source_id,
            title="Data Engineer",
            company="Acme",
            company_key="acme",
            description_text=f"Pasted text {source_id}: Python and SQL.",
        )

    with session_scope(engine) as db:
        board = posting("sample", "board-1")
        pasted_alone = posting("added", "text:only-ada")
        pasted_shared = posting("added", "text:both")
        linked_unmatched = posting("added", "https://jobs.example/only-read")
        db.add_all([board, pasted_alone, pasted_shared, linked_unmatched])
        db.flush()
        ada = add_person(db, store, "ada", board)
        grace = add_person(db, store, "grace", board)
        db.add_all(
            [
                MatchedJob(user_id=ada.id, job_posting_id=pasted_alone.id, score=70.0),
                MatchedJob(user_id=ada.id, job_posting_id=pasted_shared.id, score=70.0),
                MatchedJob(user_id=grace.id, job_posting_id=pasted_shared.id, score=50.0),
                # Read and stored, but the run failed before its match was made.
                Run(
                    user_id=ada.id,
                    kind=RunKind.POSTING,
                    status=RunStatus.FAILED,
                    params={"posting_id": linked_unmatched.id},
                ),
            ]
        )
        ids = {p.source_id: p.id for p in (board, pasted_alone, pasted_shared, linked_unmatched)}

    assert delete_account(engine, ada.id, store).deleted
    with session_scope(engine) as db:
        left = set(db.scalars(select(JobPosting.source_id).where(JobPosting.id.in_(ids.values()))))
    assert left == {"board-1", "text:both"}
