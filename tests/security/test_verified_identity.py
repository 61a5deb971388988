"""An unverified e-mail never signs anyone in as someone else.

A real OpenID Connect provider on localhost issues the id_tokens; each test asks
it for the claim set it needs (unverified address, another user's address, no
address at all) through `provider_user`.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session as OrmSession

from jobagent_core.auth.access import has_access
from jobagent_core.db.models import Account, Session, User
from jobagent_ui.state.auth import UNKNOWN_SIGN_IN_ERROR, sign_in_error_message
from tests.auth_support import (
    ADA,
    App,
    auth_settings,
    make_app,
    oidc_provider,
    provider_user,
    sign_in,
)

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def provider() -> Iterator[str]:
    with oidc_provider() as url:
        yield url


@pytest.fixture
def app(provider: str, pg_ui_engine: Engine, pg_engine: Engine) -> App:
    return make_app(auth_settings(provider), pg_ui_engine)


def rows(engine: Engine) -> tuple[int, int, int]:
    """(users, accounts, sessions)."""
    with OrmSession(engine) as db:
        return tuple(  # type: ignore[return-value]
            int(db.scalar(select(func.count()).select_from(model)) or 0)
            for model in (User, Account, Session)
        )


def refused_with(response: object, code: str) -> None:
    assert response.status_code == 302  # type: ignore[attr-defined]
    assert response.headers["location"].startswith(f"/sign-in?error={code}")  # type: ignore[attr-defined]
    assert "set-cookie" not in response.headers  # type: ignore[attr-defined]


def test_unverified_address_of_an_existing_user_signs_nobody_in(
    app: App, provider: str, pg_engine: Engine
) -> None:
    sign_in(app, ADA.sub)  # Ada has an account
    before = rows(pg_engine)
    provider_user(
        provider,
        "attacker-sub",
        {"email": "ada@example.org", "email_verified": False, "name": "Mallory"},
    )

    refused_with(sign_in(app, "attacker-sub"), "email_not_verified")

    assert rows(pg_engine) == before
    with OrmSession(pg_engine) as db:
        ada = db.scalars(select(User)).one()
        assert ada.name == "Ada Lovelace"
        assert db.scalars(select(Account.account_id)).all() == [ADA.sub]


@pytest.mark.parametrize(
    "claims",
    [
        {"email": "new@example.org", "email_verified": False},
        {"email": "new@example.org"},  # the claim missing altogether
        {"email": "new@example.org", "email_verified": "true"},  # a string is not `true`
    ],
    ids=["false", "missing", "string"],
)
def test_an_address_not_verified_as_true_is_refused_and_nothing_written(
    app: App, provider: str, pg_engine: Engine, claims: dict[str, object]
) -> None:
    provider_user(provider, "unverified-sub", claims)
    refused_with(sign_in(app, "unverified-sub"), "email_not_verified")
    assert rows(pg_engine) == (0, 0, 0)


def test_no_address_is_refused(app: App, provider: str, pg_engine: Engine) -> None:
    provider_user(provider, "no-email-sub", {"name": "Nobody"})
    refused_with(sign_in(app, "no-email-sub"), "no_email")
    assert rows(pg_engine) == (0, 0, 0)


def test_the_sign_in_page_explains_the_refusal_in_words() -> None:
    message = sign_in_error_message("email_not_verified")
    assert message != UNKNOWN_SIGN_IN_ERROR
    assert "verified" in message


def test_a_second_verified_identity_links_but_never_renames_the_user(
    app: App, provider: str, pg_engine: Engine
) -> None:
    sign_in(app, ADA.sub)
    provider_user(
        provider,
        "ada-work-sub",
        {
            "email": "ADA@example.org",
            "email_verified": True,
            "name": "Someone Else",
            "picture": "http://127.0.0.1/other.png",
        },
    )
    response = sign_in(app, "ada-work-sub")
    assert response.status_code == 302
    assert response.headers["location"] == "/"
    with OrmSession(pg_engine) as db:
        ada = db.scalars(select(User)).one()
        assert (ada.name, ada.image) == ("Ada Lovelace", "http://127.0.0.1/ada.png")
        linked = db.scalars(select(Account.account_id).order_by(Account.created_at)).all()
        assert linked == [ADA.sub, "ada-work-sub"]


def test_google_access_and_refresh_tokens_are_not_stored(app: App, pg_engine: Engine) -> None:
    sign_in(app, ADA.sub)
    with OrmSession(pg_engine) as db:
        account = db.scalars(select(Account)).one()
        assert account.access_token is None
        assert account.refresh_token is None
        assert account.id_token is not None  # Better Auth keeps the id_token


def test_the_allow_list_matches_verified_addresses_only() -> None:
    allow = frozenset({"example.org", "ada@lovelace.example"})
    unverified = User(name="x", email="x@example.org", email_verified=False, has_access=False)
    verified = User(name="y", email="y@example.org", email_verified=True, has_access=False)
    exact_unverified = User(
        name="z", email="ada@lovelace.example", email_verified=False, has_access=False
    )
    assert not has_access(unverified, allow)
    assert not has_access(exact_unverified, allow)
    assert has_access(verified, allow)
