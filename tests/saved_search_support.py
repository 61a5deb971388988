"""Shared by the saved-search tests: a person with a profile, and reading rows."""

from __future__ import annotations

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session as OrmSession

from jobagent_core.db.models import Run, SavedSearch, User
from jobagent_core.profiling.offline import extract_profile
from jobagent_core.profiling.profile_store import merge_profile
from tests import cv_fixtures


def person(engine: Engine, email: str, persona: cv_fixtures.CV = cv_fixtures.DATA_ENGINEER) -> str:
    """A signed-up person with a profile built from `persona`'s CV; their id."""
    profile = extract_profile(cv_fixtures.render_txt(persona))
    with OrmSession(engine) as db:
        user = User(name=persona.name, email=email, email_verified=True)
        user.profile = merge_profile(profile, None, overwrite=True)
        user.suggested_job_titles = list(profile.suggested_job_titles)
        db.add(user)
        db.commit()
        return user.id


def saved_row(engine: Engine, saved_id: str) -> SavedSearch:
    with OrmSession(engine, expire_on_commit=False) as db:
        row = db.get(SavedSearch, saved_id)
        assert row is not None
        return row


def runs_of(engine: Engine, saved_id: str) -> list[Run]:
    """The runs started for `saved_id`, oldest first."""
    with OrmSession(engine) as db:
        runs = db.scalars(select(Run).order_by(Run.created_at, Run.id)).all()
    return [r for r in runs if (r.params or {}).get("saved_search_id") == saved_id]
