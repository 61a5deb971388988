"""The models on both databases: rows round-trip, constraints make steps idempotent,
deleting a user removes everything they own. Runs on SQLite (unit) and PostgreSQL
(integration) through the `engine` fixture, each migrated by Alembic."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import Engine, func, inspect, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session as OrmSession

from jobagent_core.db.base import new_id
from jobagent_core.db.enums import RunKind, RunStatus
from jobagent_core.db.models import (
    Account,
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
    Verification,
)


def make_user(email: str = "ada@example.org") -> User:
    return User(name="Ada Lovelace", email=email, email_verified=True)


def make_posting(source_id: str = "1") -> JobPosting:
    return JobPosting(
        source="sample",
        source_id=source_id,
        dedupe_key=f"acme|data engineer|berlin|{source_id}",
        title="Data Engineer",
        company="ACME",
        company_key="acme",
        location="Berlin",
    )


@pytest.mark.unit
def test_new_ids_look_like_better_auth_ids() -> None:
    ids = {new_id() for _ in range(1000)}
    assert len(ids) == 1000
    assert all(len(i) == 32 and i.isalnum() and i.isascii() for i in ids)


def test_user_with_sessions_accounts_roundtrip(engine: Engine) -> None:
    berlin = timezone(timedelta(hours=1))
    expires = datetime(2030, 1, 2, 3, 4, 5, tzinfo=berlin)
    with OrmSession(engine) as db:
        user = make_user()
        user.profile = {"skills": ["Python", "SQL"], "name": "Zoë Müller-Łukasik"}
        user.suggested_job_titles = ["Data Engineer"]
        db.add(user)
        db.flush()
        db.add(Session(token="t" * 32, expires_at=expires, user_id=user.id, ip_address="::1"))
        db.add(
            Account(account_id="sub-1", provider_id="google", user_id=user.id, scope="openid,email")
        )
        db.commit()
        user_id = user.id

    with OrmSession(engine) as db:
        loaded = db.get(User, user_id)
        assert loaded is not None
        assert loaded.profile == {"skills": ["Python", "SQL"], "name": "Zoë Müller-Łukasik"}
        assert loaded.has_access is False
        assert loaded.created_at.tzinfo is not None
        session = db.scalars(select(Session).where(Session.user_id == user_id)).one()
        # Written in +01:00, read back as the same instant in UTC.
        assert session.expires_at == expires
        assert session.expires_at.utcoffset() == timedelta(0)
        assert session.updated_at.tzinfo == UTC


def test_naive_datetimes_are_refused(engine: Engine) -> None:
    with OrmSession(engine) as db:
        db.add(make_user())
        db.flush()
        user = db.scalars(select(User)).one()
        user.last_used_at = datetime(2030, 1, 1)  # naive on purpose
        with pytest.raises(Exception, match="naive datetime"):
            db.flush()


def test_email_is_unique(engine: Engine) -> None:
    with OrmSession(engine) as db:
        db.add(make_user())
        db.commit()
        db.add(make_user())
        with pytest.raises(IntegrityError):
            db.commit()


@pytest.mark.parametrize(
    "duplicate",
    ["posting", "match", "artifact", "document", "research", "session_token"],
)
def test_unique_constraints_make_steps_idempotent(engine: Engine, duplicate: str) -> None:
    with OrmSession(engine) as db:
        user = make_user()
        db.add(user)
        posting = make_posting()
        db.add(posting)
        db.flush()
        match = MatchedJob(user_id=user.id, job_posting_id=posting.id, score=80)
        db.add(match)
        db.flush()
        db.add(Artifact(user_id=user.id, matched_job_id=match.id))
        doc = {
            "filename": "cv.pdf",
            "media_type": "application/pdf",
            "size_bytes": 10,
            "storage_key": "k",
        }
        db.add(Document(user_id=user.id, sha256="ab" * 32, **doc))
        db.add(CompanyResearch(company_key="acme", company_name="ACME"))
        expires = datetime.now(UTC) + timedelta(days=7)
        db.add(Session(token="x" * 32, expires_at=expires, user_id=user.id))
        db.commit()

        again = {
            "posting": lambda: make_posting(),
            "match": lambda: MatchedJob(user_id=user.id, job_posting_id=posting.id, score=1),
            "artifact": lambda: Artifact(user_id=user.id, matched_job_id=match.id),
            "document": lambda: Document(user_id=user.id, sha256="ab" * 32, **doc),
            "research": lambda: CompanyResearch(company_key="acme", company_name="Acme Inc"),
            "session_token": lambda: Session(token="x" * 32, expires_at=expires, user_id=user.id),
        }[duplicate]()
        db.add(again)
        with pytest.raises(IntegrityError):
            db.commit()


def test_deleting_a_user_deletes_what_they_own(engine: Engine) -> None:
    with OrmSession(engine) as db:
        owner, other = make_user(), make_user("grace@example.org")
        db.add_all([owner, other])
        posting = make_posting()
        db.add(posting)
        db.flush()
        search = JobSearch(user_id=owner.id, title="Data Engineer", location="Berlin")
        db.add(search)
        db.flush()
        run = Run(user_id=owner.id, kind=RunKind.JOB_SEARCH, job_search_id=search.id)
        db.add(run)
        db.flush()
        match = MatchedJob(user_id=owner.id, job_posting_id=posting.id, run_id=run.id, score=90)
        db.add(match)
        db.flush()
        db.add(Artifact(user_id=owner.id, matched_job_id=match.id))
        expires = datetime.now(UTC) + timedelta(days=1)
        db.add(Session(token="o" * 32, expires_at=expires, user_id=owner.id))
        db.add(Session(token="g" * 32, expires_at=expires, user_id=other.id))
        db.add(Account(account_id="1", provider_id="google", user_id=owner.id))
        db.commit()

        db.delete(owner)
        db.commit()
        for model in (Session, Account, JobSearch, Run, MatchedJob, Artifact):
            owned = db.scalar(
                select(func.count()).select_from(model).where(model.user_id == owner.id)
            )
            assert owned == 0, model.__tablename__
        # Other users and shared postings stay.
        assert db.scalar(select(func.count()).select_from(Session)) == 1
        assert db.scalar(select(func.count()).select_from(JobPosting)) == 1


def test_deleting_a_search_keeps_its_runs(engine: Engine) -> None:
    with OrmSession(engine) as db:
        user = make_user()
        db.add(user)
        db.flush()
        search = JobSearch(user_id=user.id, title="Nurse")
        db.add(search)
        db.flush()
        run = Run(user_id=user.id, kind=RunKind.JOB_SEARCH, job_search_id=search.id)
        db.add(run)
        db.commit()
        db.delete(search)
        db.commit()
        db.refresh(run)
        assert run.job_search_id is None
        assert run.status == RunStatus.PENDING


def test_verification_identifier_is_not_unique(engine: Engine) -> None:
    expires = datetime.now(UTC) + timedelta(minutes=10)
    with OrmSession(engine) as db:
        db.add_all(
            [
                Verification(identifier="auth-state:abc", value="{}", expires_at=expires),
                Verification(identifier="auth-state:abc", value="{}", expires_at=expires),
            ]
        )
        db.commit()
        assert db.scalar(select(func.count()).select_from(Verification)) == 2


def test_every_foreign_key_is_indexed(engine: Engine) -> None:
    inspector = inspect(engine)
    for table in Base.metadata.sorted_tables:
        indexed = [tuple(ix["column_names"]) for ix in inspector.get_indexes(table.name)]
        indexed += [
            tuple(uq["column_names"]) for uq in inspector.get_unique_constraints(table.name)
        ]
        for fk in inspector.get_foreign_keys(table.name):
            columns = tuple(fk["constrained_columns"])
            assert any(ix[: len(columns)] == columns for ix in indexed), (
                f"{table.name}.{columns} has no index"
            )
