"""Helpers for auth tests: a real OpenID Connect provider on localhost and the
app's HTTP routes on a given database."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import httpx
from oidc_provider_mock import User as OidcUser
from oidc_provider_mock import run_server_in_thread
from sqlalchemy import Engine
from starlette.testclient import TestClient

from jobagent_core.api.app import api_app
from jobagent_core.auth.current_user import Authenticator
from jobagent_core.config import Settings, load_settings

SECRET = "test-secret-" + "x" * 32
CLIENT_ID = "job-agent-test"
BASE_URL = "http://testserver"

ADA = OidcUser(
    sub="google-sub-ada",
    claims={
        "email": "Ada@Example.org",
        "email_verified": True,
        "name": "Ada Lovelace",
        "picture": "http://127.0.0.1/ada.png",
    },
)
ADA_OTHER_ACCOUNT = OidcUser(
    sub="google-sub-ada-2", claims={"email": "ADA@EXAMPLE.ORG", "email_verified": True}
)
GRACE = OidcUser(
    sub="google-sub-grace",
    claims={"email": "grace@navy.example", "email_verified": True, "name": "Grace Hopper"},
)


@contextmanager
def oidc_provider() -> Iterator[str]:
    """A real OIDC provider (discovery, JWKS, code flow) on localhost; yields its URL."""
    with run_server_in_thread(
        port=0, require_nonce=True, user_claims=[ADA, ADA_OTHER_ACCOUNT, GRACE]
    ) as server:
        yield f"http://localhost:{server.server_port}"


def provider_user(provider_url: str, sub: str, claims: dict[str, object]) -> None:
    """Make the provider issue exactly `claims` for `sub` from now on (any claim set:
    an unverified address, another user's address, no address at all)."""
    response = httpx.put(f"{provider_url}/users/{sub}", json=claims, timeout=10)
    assert response.status_code == 204, response.text


def auth_settings(provider_url: str | None, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "BETTER_AUTH_SECRET": SECRET,
        "BETTER_AUTH_URL": BASE_URL,
    }
    if provider_url:
        values |= {
            "GOOGLE_CLIENT_ID": CLIENT_ID,
            "GOOGLE_CLIENT_SECRET": "test-client-secret",
            "GOOGLE_DISCOVERY_URL": f"{provider_url}/.well-known/openid-configuration",
        }
    return load_settings(**(values | overrides))


@dataclass
class App:
    client: TestClient
    settings: Settings
    authenticator: Authenticator


def make_app(settings: Settings, engine: Engine) -> App:
    authenticator = Authenticator.from_settings(settings, engine=engine)
    app = api_app(settings, authenticator)
    client = TestClient(app, base_url=BASE_URL, follow_redirects=False)
    return App(client=client, settings=settings, authenticator=authenticator)


def start_sign_in(app: App, callback: str = "/") -> tuple[str, dict[str, str]]:
    """GET /api/auth/sign-in/google; returns the provider URL and its query."""
    response = app.client.get("/api/auth/sign-in/google", params={"callbackURL": callback})
    assert response.status_code == 302, response.text
    location = response.headers["location"]
    query = {k: v[0] for k, v in parse_qs(urlsplit(location).query).items()}
    return location, query


def approve_at_provider(authorize_url: str, sub: str, *, deny: bool = False) -> dict[str, str]:
    """What a person does on the provider's page; returns the callback's query."""
    form = {"action": "deny"} if deny else {"sub": sub}
    response = httpx.post(authorize_url, data=form, follow_redirects=False, timeout=10)
    assert response.status_code in (302, 303), response.text
    redirect = urlsplit(response.headers["location"])
    return {k: v[0] for k, v in parse_qs(redirect.query).items()}


def finish_sign_in(app: App, query: dict[str, str]) -> httpx.Response:
    return app.client.get("/api/auth/callback/google", params=query)


def sign_in(app: App, sub: str, callback: str = "/") -> httpx.Response:
    authorize_url, _ = start_sign_in(app, callback)
    return finish_sign_in(app, approve_at_provider(authorize_url, sub))


def session_cookie(response: httpx.Response) -> str:
    """The Cookie header a browser would send back after `response`."""
    header = response.headers["set-cookie"]
    match = re.match(r"([^=]+)=([^;]*)", header)
    assert match, header
    return f"{match.group(1)}={match.group(2)}"
