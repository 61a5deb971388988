"""The real Better Auth (JavaScript, prismaAdapter on @prisma/adapter-pg) and Job
Agent's Python auth share sessions: same tables, same cookie, both directions.

Node runs tests/contract/better_auth/interop.mjs as the ui role, the role the web
app uses; setup.sh installs the pinned packages and generates the Prisma client
from prisma/schema.prisma (offline; fast when nothing changed).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import pytest
from sqlalchemy import Engine, func, make_url, select

from jobagent_core.auth import cookies
from jobagent_core.auth.current_user import Authenticator
from jobagent_core.auth.sessions import create_session, delete_session
from jobagent_core.db.engine import session_scope
from jobagent_core.db.models import Account, Session, User
from tests.conftest import PostgresDatabase

pytestmark = [pytest.mark.contract, pytest.mark.integration]

HERE = Path(__file__).resolve().parent / "better_auth"
SETUP_TIMEOUT = 600  # a cold `npm ci`
NODE_TIMEOUT = 60
HTTP_URL = "http://localhost:3000"
HTTPS_URL = "https://jobagent.test"
PASSWORD = "correct horse battery staple"


def _node_url(sqlalchemy_url: str) -> str:
    """`postgresql+psycopg://...` as node-postgres wants it: `postgresql://...`."""
    url = make_url(sqlalchemy_url).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


def _text(output: str | bytes | None) -> str:
    # TimeoutExpired carries bytes even when the run asked for text.
    return output.decode(errors="replace") if isinstance(output, bytes) else output or ""


@dataclass(frozen=True)
class BetterAuth:
    """One Better Auth instance (a base URL) over the test database, one process per call."""

    database_url: str
    secret: str
    base_url: str

    def _run(self, *args: str) -> Any:
        env = {
            **os.environ,
            "DATABASE_URL": self.database_url,
            "BETTER_AUTH_SECRET": self.secret,
            "BETTER_AUTH_URL": self.base_url,
            "NO_COLOR": "1",
        }
        try:
            done = subprocess.run(
                ["node", "interop.mjs", *args],
                cwd=HERE,
                env=env,
                capture_output=True,
                text=True,
                timeout=NODE_TIMEOUT,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            pytest.fail(
                f"interop.mjs {args[0]} timed out after {NODE_TIMEOUT}s\n{_text(exc.stderr)}"
            )
        assert done.returncode == 0, (
            f"interop.mjs {args[0]} exited {done.returncode}\n"
            f"stderr:\n{done.stderr}\nstdout:\n{done.stdout}"
        )
        try:
            return json.loads(done.stdout)
        except json.JSONDecodeError:
            pytest.fail(f"interop.mjs {args[0]} printed no JSON\n{done.stdout}\n{done.stderr}")

    def get_session(self, cookie_header: str) -> dict[str, Any] | None:
        answer: dict[str, Any] | None = self._run("get-session", "--cookie", cookie_header)
        return answer

    def sign_up(self, email: str, name: str) -> dict[str, Any]:
        answer: dict[str, Any] = self._run(
            "sign-up", "--email", email, "--password", PASSWORD, "--name", name
        )
        return answer

    def sign_out(self, cookie_header: str) -> dict[str, Any]:
        answer: dict[str, Any] = self._run("sign-out", "--cookie", cookie_header)
        return answer


@pytest.fixture(scope="session")
def better_auth_installed() -> Path:
    if shutil.which("node") is None:
        pytest.fail("node is not on PATH; the Better Auth contract needs Node >= 20.19")
    try:
        done = subprocess.run(
            ["bash", str(HERE / "setup.sh")],
            capture_output=True,
            text=True,
            timeout=SETUP_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        pytest.fail(
            f"setup.sh timed out after {SETUP_TIMEOUT}s\n{_text(exc.stdout)}\n{_text(exc.stderr)}"
        )
    if done.returncode != 0:
        pytest.fail(f"setup.sh failed ({done.returncode})\n{done.stdout}\n{done.stderr}")
    return HERE


@pytest.fixture(scope="session")
def auth_secret() -> str:
    return secrets.token_urlsafe(32)


@pytest.fixture
def better_auth(
    better_auth_installed: Path, pg_database: PostgresDatabase, auth_secret: str
) -> BetterAuth:
    return BetterAuth(_node_url(pg_database.ui_url), auth_secret, HTTP_URL)


@pytest.fixture
def better_auth_https(better_auth: BetterAuth) -> BetterAuth:
    return BetterAuth(better_auth.database_url, better_auth.secret, HTTPS_URL)


@pytest.fixture
def db(pg_engine: Engine, pg_ui_engine: Engine) -> Engine:
    """The ui engine (what the web app uses); `pg_engine` empties the tables afterwards."""
    return pg_ui_engine


def python_sign_in(engine: Engine, email: str, name: str) -> tuple[str, str]:
    """A user and a session written by our Python code: (user id, session token)."""
    with session_scope(engine) as s:
        user = User(name=name, email=email, email_verified=False)
        s.add(user)
        s.flush()
        session = create_session(s, user.id, ip_address="127.0.0.1", user_agent="pytest")
        return user.id, session.token


def tampered(value: str) -> str:
    """A cookie value whose HMAC signature has one character changed."""
    token, _, signature = unquote(value).rpartition(".")
    flipped = ("B" if signature[0] == "A" else "A") + signature[1:]
    return quote(f"{token}.{flipped}", safe="")


def parse_set_cookie(header: str) -> tuple[str, str, frozenset[str]]:
    """(name, value, attributes) of a Set-Cookie header; attribute order is immaterial."""
    pair, *attributes = (part.strip() for part in header.split(";"))
    name, _, value = pair.partition("=")
    return name, value, frozenset(a.lower() for a in attributes if a)


def session_rows(admin: Engine, user_id: str) -> int:
    with session_scope(admin) as s:
        count = s.scalar(
            select(func.count()).select_from(Session).where(Session.user_id == user_id)
        )
        return count or 0


def test_better_auth_reads_a_session_python_wrote(
    db: Engine, better_auth: BetterAuth, auth_secret: str
) -> None:
    user_id, token = python_sign_in(db, "ada@example.com", "Ada")
    value = cookies.sign(token, auth_secret)

    found = better_auth.get_session(f"{cookies.COOKIE_NAME}={value}")

    assert found is not None, "Better Auth rejected a session written by Python"
    assert found["user"]["id"] == user_id
    assert found["user"]["email"] == "ada@example.com"
    assert found["user"]["emailVerified"] is False
    assert found["session"]["token"] == token
    assert found["session"]["userId"] == user_id
    # Among other cookies, as a browser sends them.
    assert better_auth.get_session(f"theme=dark; {cookies.COOKIE_NAME}={value}; x=1") is not None

    assert better_auth.get_session(f"{cookies.COOKIE_NAME}={tampered(value)}") is None
    forged = cookies.sign(token, auth_secret + "-other")
    assert better_auth.get_session(f"{cookies.COOKIE_NAME}={forged}") is None

    # Signing out in Python is signing out for Better Auth too.
    with session_scope(db) as s:
        assert delete_session(s, token)
    assert better_auth.get_session(f"{cookies.COOKIE_NAME}={value}") is None


def test_python_reads_a_session_better_auth_wrote(
    db: Engine, pg_engine: Engine, better_auth: BetterAuth, auth_secret: str
) -> None:
    signed_up = better_auth.sign_up("Grace@Example.com", "Grace")
    user_id = signed_up["user"]["id"]
    value = signed_up["cookies"].get(cookies.COOKIE_NAME)
    assert value, f"no {cookies.COOKIE_NAME} in Set-Cookie: {signed_up['setCookie']}"

    # The cookie is byte for byte what Python would mint for that token.
    assert cookies.unsign(value, auth_secret) == signed_up["token"]
    assert value == cookies.sign(signed_up["token"], auth_secret)
    (set_cookie,) = (h for h in signed_up["setCookie"] if h.startswith(f"{cookies.COOKIE_NAME}="))
    assert parse_set_cookie(set_cookie) == parse_set_cookie(
        cookies.set_cookie_header(value, https=False)
    )

    current = Authenticator(db, auth_secret, https=False).resolve(f"{cookies.COOKIE_NAME}={value}")

    assert current is not None, "Python rejected a session Better Auth created"
    assert current.id == user_id
    assert current.email == "grace@example.com"  # lower-cased by Better Auth, as we do
    assert current.name == "Grace"
    assert current.via == "session"
    assert current.session_token == signed_up["token"]
    assert current.refreshed_cookie is None  # a fresh session is not slid forward

    with session_scope(pg_engine) as s:
        account = s.scalars(select(Account).where(Account.user_id == user_id)).one()
        user = s.get(User, user_id)
    assert account.provider_id == "credential"
    assert account.account_id == user_id
    assert account.password  # a hash, never the password itself
    assert PASSWORD not in account.password
    assert user is not None
    assert user.email_verified is False
    assert user.has_access is False  # our column's default; Better Auth leaves it alone


def test_better_auth_sign_out_ends_the_session_for_python(
    db: Engine, pg_engine: Engine, better_auth: BetterAuth, auth_secret: str
) -> None:
    signed_up = better_auth.sign_up("linus@example.com", "Linus")
    user_id = signed_up["user"]["id"]
    header = f"{cookies.COOKIE_NAME}={signed_up['cookies'][cookies.COOKIE_NAME]}"
    authenticator = Authenticator(db, auth_secret, https=False)
    assert authenticator.resolve(header) is not None
    assert session_rows(pg_engine, user_id) == 1

    signed_out = better_auth.sign_out(header)

    assert signed_out["success"] is True
    assert session_rows(pg_engine, user_id) == 0  # the ui role may DELETE sessions
    assert authenticator.resolve(header) is None
    assert better_auth.get_session(header) is None
    # Both sides expire the cookie with the same header.
    cleared = [parse_set_cookie(h) for h in signed_out["setCookie"]]
    assert parse_set_cookie(cookies.clear_cookie_header(https=False)) in cleared


def test_https_uses_the_secure_cookie_name_on_both_sides(
    db: Engine, better_auth_https: BetterAuth, auth_secret: str
) -> None:
    secure_name = cookies.cookie_name(True)
    assert secure_name == "__Secure-better-auth.session_token"

    # Python -> Better Auth: only the __Secure- name is read.
    user_id, token = python_sign_in(db, "barbara@example.com", "Barbara")
    value = cookies.sign(token, auth_secret)
    found = better_auth_https.get_session(f"{secure_name}={value}")
    assert found is not None
    assert found["user"]["id"] == user_id
    assert better_auth_https.get_session(f"{cookies.COOKIE_NAME}={value}") is None

    # Better Auth -> Python: it sets the __Secure- name, with Secure, as we do.
    signed_up = better_auth_https.sign_up("edsger@example.com", "Edsger")
    assert set(signed_up["cookies"]) == {secure_name}, signed_up["setCookie"]
    ba_value = signed_up["cookies"][secure_name]
    (set_cookie,) = signed_up["setCookie"]
    assert parse_set_cookie(set_cookie) == parse_set_cookie(
        cookies.set_cookie_header(ba_value, https=True)
    )
    https_auth = Authenticator(db, auth_secret, https=True)
    current = https_auth.resolve(f"{secure_name}={ba_value}")
    assert current is not None
    assert current.id == signed_up["user"]["id"]
    assert current.email == "edsger@example.com"
    assert https_auth.resolve(f"{cookies.COOKIE_NAME}={ba_value}") is None
    assert Authenticator(db, auth_secret, https=False).resolve(f"{secure_name}={ba_value}") is None
