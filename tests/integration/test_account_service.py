"""The account service (`jobagent_core.services.account`) on the embedded SQLite
database: each person sees and revokes only their own API tokens, and a bad digest
address is refused with a message the person can act on."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session as OrmSession

from jobagent_core.db.engine import make_engine
from jobagent_core.db.models import ApiToken, User
from jobagent_core.services import account
from tests.worker_support import configure_sqlite, reset_caches

pytestmark = pytest.mark.unit


@pytest.fixture
def engine(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Engine]:
    """A migrated SQLite file as DATABASE_URL (so the services' default engine uses
    it too), and an engine on it for setting up and checking rows."""
    url = configure_sqlite(monkeypatch, tmp_path)
    admin = make_engine(url)
    yield admin
    admin.dispose()
    reset_caches()


def new_user(engine: Engine, name: str) -> str:
    with OrmSession(engine) as db, db.begin():
        user = User(name=name, email=f"{name.lower()}@example.org", email_verified=True)
        db.add(user)
        db.flush()
        return user.id


def revoked_at_is_set(engine: Engine, token_id: str) -> bool:
    with OrmSession(engine) as db:
        token = db.scalars(select(ApiToken).where(ApiToken.id == token_id)).one()
        return token.revoked_at is not None


def test_tokens_are_listed_and_revoked_only_by_their_owner(engine: Engine) -> None:
    ada, grace = new_user(engine, "Ada"), new_user(engine, "Grace")
    plaintext, ada_tokens = account.new_token(ada, "  laptop   script ")
    assert [(t.name, t.revoked) for t in ada_tokens] == [("laptop script", False)]
    token = ada_tokens[0]
    assert plaintext.startswith(token.prefix)
    assert token.last_used_at is None

    # Grace sees none of Ada's tokens, and cannot revoke one by its id.
    assert account.load(grace).tokens == []
    revoked, grace_tokens = account.revoke(grace, token.id)
    assert revoked is False
    assert grace_tokens == []
    assert not revoked_at_is_set(engine, token.id)
    assert [t.revoked for t in account.load(ada).tokens] == [False]

    # Ada can, once.
    revoked, ada_tokens = account.revoke(ada, token.id)
    assert revoked is True
    assert [(t.id, t.revoked) for t in ada_tokens] == [(token.id, True)]
    assert revoked_at_is_set(engine, token.id)
    assert account.revoke(ada, token.id)[0] is False


def test_a_token_needs_a_name(engine: Engine) -> None:
    ada = new_user(engine, "Ada")
    with pytest.raises(account.InvalidTokenName, match="Give the token a name"):
        account.new_token(ada, "   ")
    assert account.load(ada).tokens == []


def test_a_bad_digest_address_is_refused_with_a_readable_message(engine: Engine) -> None:
    ada = new_user(engine, "Ada")
    assert account.save_delivery(ada, True, "cv@Example.COM") == (True, "cv@example.com")

    with pytest.raises(account.InvalidDeliveryEmail) as refused:
        account.save_delivery(ada, False, "not an address")
    assert str(refused.value) == (
        "“not an address” is not an e-mail address; write it like name@example.com."
    )
    # Nothing was saved: the digest is still on, to the address set before.
    settings = account.load(ada)
    assert (settings.delivery_enabled, settings.delivery_email) == (True, "cv@example.com")
    assert settings.account_email == "ada@example.org"


def test_the_sign_in_address_is_stored_as_the_default(engine: Engine) -> None:
    ada = new_user(engine, "Ada")
    assert account.save_delivery(ada, False, " ada@example.org ") == (False, "")
    settings = account.load(ada)
    assert (settings.delivery_enabled, settings.delivery_email) == (False, "")


def test_an_account_that_is_gone_says_so(engine: Engine) -> None:
    with pytest.raises(account.AccountNotFound, match="no longer exists"):
        account.load("no-such-user")
    with pytest.raises(account.AccountNotFound):
        account.save_delivery("no-such-user", True, "")
