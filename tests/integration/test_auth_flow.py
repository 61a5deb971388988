"""Google sign-in end to end against a real OpenID Connect provider on localhost:
discovery, PKCE code flow, JWKS-verified id_token, Better Auth rows and cookie."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from urllib.parse import unquote

import httpx
import pytest
from sqlalchemy import Engine, func, select, update
from sqlalchemy.orm import Session as OrmSession

from jobagent_core.auth import cookies
from jobagent_core.auth.oidc import OidcClient, OidcError
from jobagent_core.db.models import Account, Session, User, Verification
from tests.auth_support import (
    ADA,
    ADA_OTHER_ACCOUNT,
    CLIENT_ID,
    SECRET,
    App,
    approve_at_provider,
    auth_settings,
    finish_sign_in,
    make_app,
    oidc_provider,
    session_cookie,
    sign_in,
    start_sign_in,
)

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def provider() -> Iterator[str]:
    with oidc_provider() as url:
        yield url


@pytest.fixture
def app(provider: str, pg_ui_engine: Engine, pg_engine: Engine) -> App:
    # pg_engine empties the tables after each test; the app itself runs as the ui role.
    return make_app(auth_settings(provider), pg_ui_engine)


def count(engine: Engine, model: type) -> int:
    with OrmSession(engine) as db:
        return int(db.scalar(select(func.count()).select_from(model)) or 0)


def assert_signed_out_with(response: httpx.Response, error: str, engine: Engine) -> None:
    assert response.status_code == 302
    assert response.headers["location"].startswith(f"/sign-in?error={error}")
    assert "set-cookie" not in response.headers
    assert count(engine, Session) == 0


def test_full_redirect_dance_creates_better_auth_rows_and_cookie(
    app: App, pg_engine: Engine
) -> None:
    authorize_url, query = start_sign_in(app, callback="/matches?page=2")
    assert query["response_type"] == "code"
    assert query["client_id"] == CLIENT_ID
    assert query["redirect_uri"] == "http://testserver/api/auth/callback/google"
    assert query["code_challenge_method"] == "S256"
    assert len(query["code_challenge"]) == 43
    assert set(query["scope"].split()) == {"openid", "email", "profile"}
    assert query["nonce"]
    assert query["state"]

    with OrmSession(pg_engine) as db:
        state_row = db.scalars(select(Verification)).one()
        assert state_row.identifier == f"auth-state:{query['state']}"
        stored = json.loads(state_row.value)
        assert stored["nonce"] == query["nonce"]
        assert stored["callbackURL"] == "/matches?page=2"
        lifetime = state_row.expires_at - datetime.now(UTC)
        assert timedelta(minutes=9) < lifetime <= timedelta(minutes=10)

    response = finish_sign_in(app, approve_at_provider(authorize_url, ADA.sub))
    assert response.status_code == 302
    assert response.headers["location"] == "/matches?page=2"

    set_cookie = response.headers["set-cookie"]
    name, _, rest = set_cookie.partition("=")
    value, *attributes = [part.strip() for part in rest.split(";")]
    assert name == "better-auth.session_token"
    assert set(attributes) == {"Max-Age=604800", "Path=/", "HttpOnly", "SameSite=Lax"}
    token = cookies.unsign(value, SECRET)
    assert token is not None
    assert len(token) == 32
    assert token.isalnum()
    assert len(unquote(value).rpartition(".")[2]) == 44

    with OrmSession(pg_engine) as db:
        user = db.scalars(select(User)).one()
        assert user.email == "ada@example.org"
        assert user.name == "Ada Lovelace"
        assert user.image == "http://127.0.0.1/ada.png"
        assert user.email_verified is True
        account = db.scalars(select(Account)).one()
        assert (account.provider_id, account.account_id, account.user_id) == (
            "google",
            ADA.sub,
            user.id,
        )
        assert account.id_token is not None
        assert account.id_token.count(".") == 2
        # Google's access and refresh tokens are not needed after sign-in: not kept.
        assert (account.access_token, account.refresh_token) == (None, None)
        assert account.access_token_expires_at is None
        assert account.scope is not None
        assert set(account.scope.split(",")) == {"openid", "email", "profile"}
        session = db.scalars(select(Session)).one()
        assert session.token == token
        assert session.user_id == user.id
        assert session.ip_address == "testclient"
        assert session.user_agent
        assert timedelta(days=6, hours=23) < session.expires_at - datetime.now(UTC)
        assert db.scalars(select(Verification)).first() is None  # state consumed

    current = app.authenticator.resolve(session_cookie(response))
    assert current is not None
    assert current.email == "ada@example.org"
    assert current.via == "session"


def test_replayed_state_is_refused(app: App, pg_engine: Engine) -> None:
    authorize_url, _ = start_sign_in(app)
    callback_query = approve_at_provider(authorize_url, ADA.sub)
    assert finish_sign_in(app, callback_query).status_code == 302
    with OrmSession(pg_engine) as db:
        db.execute(update(Session).values(expires_at=datetime.now(UTC) - timedelta(seconds=1)))
        db.execute(Session.__table__.delete())
        db.commit()
    assert_signed_out_with(finish_sign_in(app, callback_query), "state_mismatch", pg_engine)


def test_unknown_state_is_refused(app: App, pg_engine: Engine) -> None:
    response = finish_sign_in(app, {"state": "made-up", "code": "whatever"})
    assert_signed_out_with(response, "state_mismatch", pg_engine)


def test_expired_state_row_is_refused_and_removed(app: App, pg_engine: Engine) -> None:
    authorize_url, _ = start_sign_in(app)
    with OrmSession(pg_engine) as db:
        db.execute(update(Verification).values(expires_at=datetime.now(UTC) - timedelta(minutes=1)))
        db.commit()
    response = finish_sign_in(app, approve_at_provider(authorize_url, ADA.sub))
    assert_signed_out_with(response, "state_expired", pg_engine)
    assert count(pg_engine, Verification) == 0


def test_nonce_mismatch_is_refused(app: App, pg_engine: Engine) -> None:
    authorize_url, _ = start_sign_in(app)
    with OrmSession(pg_engine) as db:
        row = db.scalars(select(Verification)).one()
        value = json.loads(row.value)
        value["nonce"] = "not-the-nonce-we-sent"
        row.value = json.dumps(value)
        db.commit()
    response = finish_sign_in(app, approve_at_provider(authorize_url, ADA.sub))
    assert_signed_out_with(response, "invalid_id_token", pg_engine)
    assert count(pg_engine, User) == 0


def test_id_token_for_another_audience_is_refused(provider: str) -> None:
    """A genuine id_token the provider issued to another client must not sign us in."""
    redirect_uri = "http://other-app.test/callback"
    other = OidcClient(
        f"{provider}/.well-known/openid-configuration", "other-app", "s", redirect_uri
    )
    authorization = other.authorization_request()
    code = approve_at_provider(authorization.url, ADA.sub)["code"]
    identity = other.finish(
        code, code_verifier=authorization.code_verifier, nonce=authorization.nonce
    )
    ours = OidcClient(
        f"{provider}/.well-known/openid-configuration", CLIENT_ID, "s", "http://testserver/cb"
    )
    with pytest.raises(OidcError) as caught:
        ours.verify_id_token(identity.id_token, nonce=authorization.nonce)
    assert caught.value.code == "invalid_id_token"
    assert "aud" in str(caught.value)


def test_provider_error_is_shown_and_state_consumed(app: App, pg_engine: Engine) -> None:
    authorize_url, sent = start_sign_in(app, callback="/profile")
    query = approve_at_provider(authorize_url, ADA.sub, deny=True)
    assert query["error"] == "access_denied"
    # Google echoes state on errors (RFC 6749 4.1.2.1); the mock provider omits it.
    query.setdefault("state", sent["state"])
    response = finish_sign_in(app, query)
    assert_signed_out_with(response, "access_denied", pg_engine)
    assert "callbackURL=%2Fprofile" in response.headers["location"]
    assert count(pg_engine, Verification) == 0


def test_second_sign_in_updates_tokens_and_email_case_maps_to_same_user(
    app: App, pg_engine: Engine
) -> None:
    sign_in(app, ADA.sub)
    with OrmSession(pg_engine) as db:
        first_token = db.scalars(select(Account.id_token)).one()
    sign_in(app, ADA.sub)
    sign_in(app, ADA_OTHER_ACCOUNT.sub)  # same address, different case and account
    with OrmSession(pg_engine) as db:
        users = db.scalars(select(User)).all()
        assert len(users) == 1
        accounts = db.scalars(select(Account).order_by(Account.created_at)).all()
        assert [a.account_id for a in accounts] == [ADA.sub, ADA_OTHER_ACCOUNT.sub]
        assert {a.user_id for a in accounts} == {users[0].id}
        assert accounts[0].id_token != first_token
        assert db.scalar(select(func.count()).select_from(Session)) == 3


def test_tampered_cookie_other_secret_and_expired_session(app: App, pg_engine: Engine) -> None:
    response = sign_in(app, ADA.sub)
    good = session_cookie(response)
    name, _, value = good.partition("=")
    token = cookies.unsign(value, SECRET)
    assert token is not None

    tampered = f"{name}={value[:5]}{'A' if value[5] != 'A' else 'B'}{value[6:]}"
    assert app.authenticator.resolve(tampered) is None
    other_secret = f"{name}={cookies.sign(token, 'another-secret-' + 'y' * 32)}"
    assert app.authenticator.resolve(other_secret) is None
    assert app.client.get("/api/auth/get-session", headers={"cookie": tampered}).json() is None

    with OrmSession(pg_engine) as db:
        db.execute(update(Session).values(expires_at=datetime.now(UTC) - timedelta(seconds=1)))
        db.commit()
    assert app.authenticator.resolve(good) is None
    assert count(pg_engine, Session) == 0  # the expired row was removed


def test_session_slides_forward_when_less_than_six_days_remain(app: App, pg_engine: Engine) -> None:
    cookie = session_cookie(sign_in(app, ADA.sub))
    fresh = app.client.get("/api/auth/get-session", headers={"cookie": cookie})
    assert fresh.json()["user"]["email"] == "ada@example.org"
    assert "set-cookie" not in fresh.headers

    with OrmSession(pg_engine) as db:
        db.execute(update(Session).values(expires_at=datetime.now(UTC) + timedelta(days=5)))
        db.commit()
    slid = app.client.get("/api/auth/get-session", headers={"cookie": cookie})
    assert slid.status_code == 200
    assert "Max-Age=604800" in slid.headers["set-cookie"]
    with OrmSession(pg_engine) as db:
        expires = db.scalars(select(Session.expires_at)).one()
    assert expires - datetime.now(UTC) > timedelta(days=6, hours=23)


def test_sign_out_checks_origin_then_removes_the_session(app: App, pg_engine: Engine) -> None:
    cookie = session_cookie(sign_in(app, ADA.sub))
    refused = app.client.post(
        "/api/auth/sign-out", headers={"cookie": cookie, "origin": "http://evil.example"}
    )
    assert refused.status_code == 403
    assert count(pg_engine, Session) == 1

    response = app.client.post(
        "/api/auth/sign-out", headers={"cookie": cookie, "origin": "http://testserver"}
    )
    assert response.status_code == 200
    assert response.json() == {"success": True}
    assert response.headers["set-cookie"].startswith("better-auth.session_token=;")
    assert "Max-Age=0" in response.headers["set-cookie"]
    assert count(pg_engine, Session) == 0
    assert app.authenticator.resolve(cookie) is None


def test_https_base_url_uses_secure_cookie(
    provider: str, pg_ui_engine: Engine, pg_engine: Engine
) -> None:
    app = make_app(auth_settings(provider, BETTER_AUTH_URL="https://jobs.example"), pg_ui_engine)
    response = sign_in(app, ADA.sub)
    set_cookie = response.headers["set-cookie"]
    assert set_cookie.startswith("__Secure-better-auth.session_token=")
    assert "; Secure" in set_cookie
    assert app.authenticator.resolve(session_cookie(response)) is not None
    plain_name = session_cookie(response).replace("__Secure-", "")
    assert app.authenticator.resolve(plain_name) is None
