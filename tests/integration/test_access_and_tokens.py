"""Local sign-in, access control enforced in core, and API tokens scoped to their owner."""

from __future__ import annotations

import os
import subprocess

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session as OrmSession

from jobagent_core.auth import api_tokens
from jobagent_core.auth.errors import AccessDenied, InvalidTokenName
from jobagent_core.auth.sessions import create_session
from jobagent_core.db.enums import RunKind
from jobagent_core.db.models import Account, ApiToken, Run, User
from jobagent_core.workflows.runs import create_run
from tests.auth_support import auth_settings, make_app, session_cookie
from tests.cli_support import run_cli
from tests.conftest import PostgresDatabase

pytestmark = pytest.mark.integration

ORIGIN = {"origin": "http://testserver"}


def add_user(db: OrmSession, email: str, *, granted: bool = False) -> User:
    user = User(name=email.split("@")[0], email=email, email_verified=True, has_access=granted)
    db.add(user)
    db.flush()
    return user


def test_local_sign_in_creates_a_real_user_account_and_session(
    pg_ui_engine: Engine, pg_engine: Engine
) -> None:
    app = make_app(auth_settings(None), pg_ui_engine)
    response = app.client.post(
        "/api/auth/sign-in/local", data={"callbackURL": "/profile"}, headers=ORIGIN
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/profile"
    current = app.authenticator.resolve(session_cookie(response))
    assert current is not None
    assert current.email == "local@localhost"
    assert current.has_access

    again = app.client.post("/api/auth/sign-in/local", headers=ORIGIN)
    assert again.headers["location"] == "/"
    with OrmSession(pg_engine) as db:
        assert len(db.scalars(select(User)).all()) == 1
        account = db.scalars(select(Account)).one()
        assert account.provider_id == "local"


@pytest.mark.parametrize(
    ("overrides", "status"),
    [
        ({"BETTER_AUTH_URL": "https://jobs.example"}, 404),
        ({"GOOGLE_CLIENT_ID": "id", "GOOGLE_CLIENT_SECRET": "secret"}, 404),
    ],
)
def test_local_sign_in_is_impossible_on_https_or_with_google(
    pg_ui_engine: Engine, pg_engine: Engine, overrides: dict[str, str], status: int
) -> None:
    app = make_app(auth_settings(None, **overrides), pg_ui_engine)
    origin = {"origin": overrides.get("BETTER_AUTH_URL", "http://testserver")}
    response = app.client.post("/api/auth/sign-in/local", headers=origin)
    assert response.status_code == status
    assert "set-cookie" not in response.headers


def test_local_sign_in_refuses_cross_site_posts(pg_ui_engine: Engine, pg_engine: Engine) -> None:
    app = make_app(auth_settings(None), pg_ui_engine)
    response = app.client.post("/api/auth/sign-in/local", headers={"origin": "http://evil.example"})
    assert response.status_code == 403
    assert "set-cookie" not in response.headers


def test_user_without_access_cannot_start_a_workflow(pg_engine: Engine) -> None:
    allow = frozenset({"example.org"})
    with OrmSession(pg_engine) as db:
        outsider = add_user(db, "eve@elsewhere.example")
        insider = add_user(db, "ada@example.org")
        with pytest.raises(AccessDenied, match="waiting for access"):
            create_run(db, outsider.id, RunKind.PROFILING, allow_list=allow)
        assert create_run(db, insider.id, RunKind.PROFILING, allow_list=allow).user_id == insider.id
        outsider.has_access = True
        assert create_run(db, outsider.id, RunKind.PROFILING, allow_list=allow)


def test_pending_user_is_told_so_by_the_resolver(pg_ui_engine: Engine, pg_engine: Engine) -> None:
    app = make_app(auth_settings(None, ACCESS_ALLOW_LIST="example.org"), pg_ui_engine)
    with OrmSession(pg_engine) as db:
        eve = add_user(db, "eve@elsewhere.example")
        session = create_session(db, eve.id)
        db.commit()
        token = session.token
    from jobagent_core.auth import cookies

    current = app.authenticator.resolve(
        f"better-auth.session_token={cookies.sign(token, app.authenticator.secret)}"
    )
    assert current is not None
    assert current.has_access is False


def test_api_tokens_are_shown_once_hashed_and_scoped(
    pg_ui_engine: Engine, pg_engine: Engine
) -> None:
    app = make_app(auth_settings(None), pg_ui_engine)
    with OrmSession(pg_engine) as db:
        ada, bob = add_user(db, "ada@example.org"), add_user(db, "bob@example.org")
        ada_row, ada_token = api_tokens.create_token(db, ada.id, "  laptop   script ")
        _, bob_token = api_tokens.create_token(db, bob.id, "ci")
        ada_run = Run(user_id=ada.id, kind=RunKind.PROFILING)
        bob_run = Run(user_id=bob.id, kind=RunKind.PROFILING)
        db.add_all([ada_run, bob_run])
        with pytest.raises(InvalidTokenName):
            api_tokens.create_token(db, ada.id, "   ")
        db.commit()
        assert ada_row.name == "laptop script"
        assert ada_token not in {t.token_hash for t in db.scalars(select(ApiToken))}
        assert ada_token.startswith(ada_row.prefix)
        ada_run_id, bob_run_id, ada_token_id = ada_run.id, bob_run.id, ada_row.id

    def status(run_id: str, token: str) -> int:
        headers = {"authorization": f"Bearer {token}"}
        return app.client.get(f"/workflow/status/{run_id}", headers=headers).status_code

    assert status(ada_run_id, ada_token) == 200
    assert status(bob_run_id, ada_token) == 404  # A's token cannot read B's run
    assert status(ada_run_id, bob_token) == 404
    assert status(ada_run_id, "ja_not-a-real-token") == 401
    assert app.client.get(f"/workflow/status/{ada_run_id}").status_code == 401
    body = app.client.get(
        f"/workflow/status/{ada_run_id}", headers={"authorization": f"Bearer {ada_token}"}
    ).json()
    assert body["run_id"] == ada_run_id
    assert body["status"] == "pending"

    with OrmSession(pg_engine) as db:
        bob_id = db.scalars(select(User.id).where(User.email == "bob@example.org")).one()
        assert api_tokens.revoke_token(db, bob_id, ada_token_id) is False  # not Bob's token
        db.commit()
    assert status(ada_run_id, ada_token) == 200
    with OrmSession(pg_engine) as db:
        ada_id = db.scalars(select(User.id).where(User.email == "ada@example.org")).one()
        assert [t.name for t in api_tokens.list_tokens(db, ada_id)] == ["laptop script"]
        assert api_tokens.revoke_token(db, ada_id, ada_token_id) is True
        db.commit()
    assert status(ada_run_id, ada_token) == 401


def test_users_cli_grants_and_revokes(pg_database: PostgresDatabase, pg_engine: Engine) -> None:
    with OrmSession(pg_engine) as db:
        add_user(db, "eve@elsewhere.example")
        db.commit()
    env = {
        **os.environ,
        "DATABASE_URL": pg_database.admin_url,
        "ACCESS_ALLOW_LIST": "example.org",
    }

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return run_cli("users", *args, env=env)

    def access_of_eve() -> str:
        listed = cli("list")
        assert listed.returncode == 0, listed.stderr
        line = next(row for row in listed.stdout.splitlines() if "eve@elsewhere.example" in row)
        return line.split()[1]

    assert access_of_eve() == "pending"
    assert cli("grant", "EVE@elsewhere.example").returncode == 0
    assert access_of_eve() == "access"
    assert cli("revoke", "eve@elsewhere.example").returncode == 0
    assert access_of_eve() == "pending"
    missing = cli("grant", "nobody@example.org")
    assert missing.returncode == 1
    assert "no user with e-mail nobody@example.org" in missing.stderr


def test_tokens_cli_creates_lists_and_revokes(
    pg_database: PostgresDatabase, pg_ui_engine: Engine, pg_engine: Engine
) -> None:
    with OrmSession(pg_engine) as db:
        ada = add_user(db, "ada@example.org")
        run = Run(user_id=ada.id, kind=RunKind.PROFILING)
        db.add(run)
        db.commit()
        run_id = run.id
    env = {**os.environ, "DATABASE_URL": pg_database.admin_url}

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return run_cli("tokens", *args, env=env)

    created = cli("create", "--user", "ADA@example.org", "nightly script")
    assert created.returncode == 0, created.stderr
    token = created.stdout.strip()
    assert token.startswith("ja_")
    assert "not shown again" in created.stderr
    app = make_app(auth_settings(None), pg_ui_engine)
    headers = {"authorization": f"Bearer {token}"}
    assert app.client.get(f"/workflow/status/{run_id}", headers=headers).status_code == 200

    listed = cli("list", "--user", "ada@example.org")
    assert "nightly script" in listed.stdout
    assert token not in listed.stdout  # the secret is never shown again
    token_id = listed.stdout.split()[0]
    assert cli("revoke", "--user", "ada@example.org", token_id).returncode == 0
    assert app.client.get(f"/workflow/status/{run_id}", headers=headers).status_code == 401
    assert "revoked" in cli("list", "--user", "ada@example.org").stdout
    missing = cli("create", "--user", "nobody@example.org", "x")
    assert missing.returncode == 1
    assert "no user with e-mail nobody@example.org" in missing.stderr
