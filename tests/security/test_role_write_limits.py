"""Write limits the database itself enforces (migration 0005), beyond table grants:
the ui role (the web app) cannot grant a user access, nobody un-revokes an API
token, and Google's OAuth tokens are not kept after sign-in."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import psycopg
import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, select, text
from sqlalchemy.exc import DBAPIError

from jobagent_core.auth.api_tokens import create_token, revoke_token, user_for_token
from jobagent_core.db.base import new_id
from jobagent_core.db.engine import session_scope
from jobagent_core.db.migrations import alembic_config, downgrade, upgrade
from jobagent_core.db.models import ApiToken, User
from jobagent_core.db.roles import UI_ROLE, libpq_url
from tests.cli_support import run_cli
from tests.conftest import PostgresDatabase, create_database, drop_database

pytestmark = pytest.mark.integration

INSUFFICIENT_PRIVILEGE = "42501"


@pytest.fixture
def ui(pg_ui_engine: Engine, pg_engine: Engine) -> Engine:
    """The ui role's engine; `pg_engine` empties the tables afterwards."""
    with pg_ui_engine.connect() as conn:
        assert conn.execute(text("SELECT current_user")).scalar() == UI_ROLE
    return pg_ui_engine


@pytest.fixture
def admin(pg_engine: Engine) -> Engine:
    return pg_engine


def expect_refused(engine: Engine, statement: str, params: dict[str, Any], message: str) -> None:
    with pytest.raises(DBAPIError) as caught, engine.begin() as conn:
        conn.execute(text(statement), params)
    assert getattr(caught.value.orig, "sqlstate", None) == INSUFFICIENT_PRIVILEGE, caught.value
    assert message in str(caught.value)


def add_user(engine: Engine, *, has_access: bool = False) -> str:
    with session_scope(engine) as db:
        user = User(
            name="Ada", email=f"{new_id()}@example.org", email_verified=False, has_access=has_access
        )
        db.add(user)
        db.flush()
        return user.id


def access_of(engine: Engine, user_id: str) -> bool:
    with engine.connect() as conn:
        return bool(conn.execute(select(User.has_access).where(User.id == user_id)).scalar_one())


# ------------------------------------------------------------------ user access


def test_ui_cannot_grant_access_by_update(ui: Engine) -> None:
    user_id = add_user(ui)
    expect_refused(
        ui,
        'UPDATE "user" SET has_access = true WHERE id = :id',
        {"id": user_id},
        "may not grant access",
    )
    # Hidden among other changes, or through the ORM, it is refused all the same.
    expect_refused(
        ui,
        "UPDATE \"user\" SET name = 'Ada L.', has_access = NOT has_access WHERE id = :id",
        {"id": user_id},
        "may not grant access",
    )
    with pytest.raises(DBAPIError), session_scope(ui) as db:
        db.get_one(User, user_id).has_access = True
    assert access_of(ui, user_id) is False


def test_ui_cannot_insert_a_user_with_access(ui: Engine) -> None:
    expect_refused(
        ui,
        'INSERT INTO "user" (id, name, email, "emailVerified", "updatedAt", has_access) '
        "VALUES (:id, 'Eve', :email, true, now(), true)",
        {"id": new_id(), "email": "eve@example.org"},
        "may not grant access",
    )
    # Nor through an upsert that lands on an existing user without access.
    pending = add_user(ui)
    expect_refused(
        ui,
        'INSERT INTO "user" (id, name, email, "emailVerified", "updatedAt") '
        "VALUES (:id, 'Eve', :email, true, now()) "
        "ON CONFLICT (id) DO UPDATE SET has_access = true",
        {"id": pending, "email": "eve@example.org"},
        "may not grant access",
    )
    assert access_of(ui, pending) is False
    with ui.connect() as conn:
        assert conn.execute(select(User).where(User.email == "eve@example.org")).first() is None


def test_ui_still_writes_profiles_and_better_auth_fields(ui: Engine, admin: Engine) -> None:
    pending = add_user(ui)
    member = add_user(admin, has_access=True)
    with ui.begin() as conn:
        for user_id in (pending, member):
            conn.execute(
                text(
                    'UPDATE "user" SET name = :name, email = :email, "emailVerified" = true, '
                    "image = :image, \"updatedAt\" = now(), location = 'Berlin', "
                    "last_used_at = now(), has_access = has_access WHERE id = :id"
                ),
                {
                    "id": user_id,
                    "name": "Ada Lovelace",
                    "email": f"lovelace-{user_id}@example.org",
                    "image": "https://example.org/a.png",
                },
            )
        # Every row at once, as a no-op, passes too.
        conn.execute(text('UPDATE "user" SET has_access = has_access'))
    with session_scope(ui) as db:
        db.get_one(User, member).profile = {"name": "Ada Lovelace"}
    assert access_of(ui, pending) is False
    assert access_of(ui, member) is True
    # Taking access away is not an escalation.
    with ui.begin() as conn:
        conn.execute(text('UPDATE "user" SET has_access = false WHERE id = :id'), {"id": member})
    assert access_of(ui, member) is False


def jobagent(database: PostgresDatabase, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": database.admin_url, "UI_DATABASE_URL": database.ui_url}
    return run_cli(*args, env=env)


def test_the_admin_role_grants_access_with_the_cli(
    ui: Engine, admin: Engine, pg_database: PostgresDatabase
) -> None:
    user_id = add_user(ui)
    with ui.connect() as conn:
        email = conn.execute(select(User.email).where(User.id == user_id)).scalar_one()
    granted = jobagent(pg_database, "users", "grant", email)
    assert granted.returncode == 0, granted.stderr
    assert "access granted" in granted.stdout
    assert access_of(ui, user_id) is True
    revoked = jobagent(pg_database, "users", "revoke", email)
    assert revoked.returncode == 0, revoked.stderr
    assert access_of(ui, user_id) is False
    # The admin role (the tables' owner) may also insert a user who has access.
    assert access_of(admin, add_user(admin, has_access=True)) is True


def test_a_superuser_may_grant_access(ui: Engine, pg_database: PostgresDatabase) -> None:
    user_id = add_user(ui)
    with psycopg.connect(libpq_url(pg_database.superuser_url), autocommit=True) as su:
        su.execute('UPDATE "user" SET has_access = true WHERE id = %s', (user_id,))
    assert access_of(ui, user_id) is True


# ------------------------------------------------------------------- API tokens


def revoked_token(engine: Engine) -> tuple[str, str, str]:
    """A user, a token of theirs revoked through the app's code, and its plaintext."""
    user_id = add_user(engine)
    with session_scope(engine) as db:
        row, plaintext = create_token(db, user_id, "laptop script")
        token_id = row.id
    with session_scope(engine) as db:
        assert revoke_token(db, user_id, token_id)
    return user_id, token_id, plaintext


@pytest.mark.parametrize("role", ["ui", "admin"])
def test_nobody_un_revokes_a_token(role: str, request: pytest.FixtureRequest) -> None:
    engine: Engine = request.getfixturevalue(role)
    _, token_id, plaintext = revoked_token(engine)
    expect_refused(
        engine,
        "UPDATE api_tokens SET revoked_at = NULL WHERE id = :id",
        {"id": token_id},
        "stays revoked",
    )
    # Moving the revocation (e.g. into the future) counts as un-revoking too.
    expect_refused(
        engine,
        "UPDATE api_tokens SET revoked_at = :later WHERE id = :id",
        {"id": token_id, "later": datetime(2999, 1, 1, tzinfo=UTC)},
        "stays revoked",
    )
    with pytest.raises(DBAPIError), session_scope(engine) as db:
        db.get_one(ApiToken, token_id).revoked_at = None
    with session_scope(engine) as db:
        assert db.get_one(ApiToken, token_id).revoked_at is not None
        assert user_for_token(db, plaintext) is None


def test_revoking_and_using_tokens_still_work(ui: Engine) -> None:
    user_id = add_user(ui)
    with session_scope(ui) as db:
        row, plaintext = create_token(db, user_id, "ci")
        token_id = row.id
    with session_scope(ui) as db:
        owner = user_for_token(db, plaintext)  # notes last_used_at: an UPDATE
        assert owner is not None
        assert owner.id == user_id
    with session_scope(ui) as db:
        assert db.get_one(ApiToken, token_id).last_used_at is not None
        assert revoke_token(db, user_id, token_id)
    with session_scope(ui) as db:
        assert not revoke_token(db, user_id, token_id)  # already revoked: nothing to do
        assert user_for_token(db, plaintext) is None
    # A revoked row may still be renamed or touched without changing its revocation.
    with ui.begin() as conn:
        conn.execute(
            text("UPDATE api_tokens SET name = 'old ci', revoked_at = revoked_at WHERE id = :id"),
            {"id": token_id},
        )


@pytest.mark.parametrize("role", ["ui", "admin"])
def test_a_tokens_hash_and_owner_never_change(role: str, request: pytest.FixtureRequest) -> None:
    engine: Engine = request.getfixturevalue(role)
    user_id, other_id = add_user(engine), add_user(engine)
    with session_scope(engine) as db:
        token_id = create_token(db, user_id, "ci")[0].id
    expect_refused(
        engine,
        "UPDATE api_tokens SET token_hash = :hash WHERE id = :id",
        {"id": token_id, "hash": "0" * 64},
        "cannot change",
    )
    expect_refused(
        engine,
        "UPDATE api_tokens SET user_id = :other WHERE id = :id",
        {"id": token_id, "other": other_id},
        "cannot change",
    )


# ------------------------------------------------------ the migration's own work


@pytest.fixture
def scratch_pg() -> Iterator[PostgresDatabase]:
    db = create_database("jobagent_sec")
    yield db
    drop_database(db)


def test_the_migration_clears_stored_google_tokens_and_downgrades(
    scratch_pg: PostgresDatabase,
) -> None:
    script = ScriptDirectory.from_config(alembic_config())
    previous = script.get_revision("0005").down_revision
    assert isinstance(previous, str)
    downgrade(scratch_pg.admin_url, previous)
    with psycopg.connect(libpq_url(scratch_pg.ui_url), autocommit=True) as ui:
        user_id = new_id()
        # Before 0005 the ui role could do this; afterwards it cannot.
        ui.execute(
            'INSERT INTO "user" (id, name, email, "emailVerified", "updatedAt", has_access) '
            "VALUES (%s, 'Ada', 'ada@example.org', true, now(), true)",
            (user_id,),
        )
        for provider in ("google", "local"):
            ui.execute(
                'INSERT INTO account (id, "accountId", "providerId", "userId", "accessToken", '
                '"refreshToken", "idToken", "accessTokenExpiresAt", "refreshTokenExpiresAt", '
                'scope, "updatedAt") VALUES (%s, %s, %s, %s, %s, %s, %s, now(), now(), '
                "'openid,email', now())",
                (provider, f"sub-{provider}", provider, user_id, "ya29.a", "1//r", "eyJ.id"),
            )

    upgrade(scratch_pg.admin_url)

    with psycopg.connect(libpq_url(scratch_pg.ui_url), autocommit=True) as ui:
        rows = ui.execute(
            'SELECT id, "accessToken", "refreshToken", "accessTokenExpiresAt", '
            '"refreshTokenExpiresAt", "idToken", scope FROM account ORDER BY id'
        ).fetchall()
        assert rows[0] == ("google", None, None, None, None, "eyJ.id", "openid,email")
        assert rows[1][:3] == ("local", "ya29.a", "1//r")
        ui.execute('UPDATE "user" SET has_access = false WHERE id = %s', (user_id,))
        with pytest.raises(psycopg.Error) as caught:
            ui.execute('UPDATE "user" SET has_access = true WHERE id = %s', (user_id,))
        assert caught.value.sqlstate == INSUFFICIENT_PRIVILEGE

    downgrade(scratch_pg.admin_url, previous)
    with psycopg.connect(libpq_url(scratch_pg.ui_url), autocommit=True) as ui:
        ui.execute('UPDATE "user" SET has_access = true WHERE id = %s', (user_id,))
        ui.execute("UPDATE api_tokens SET revoked_at = NULL WHERE false")
    with psycopg.connect(libpq_url(scratch_pg.admin_url)) as admin:
        functions = admin.execute(
            "SELECT proname FROM pg_proc WHERE proname IN ('guard_user_access', 'guard_api_token')"
        ).fetchall()
        assert functions == []
