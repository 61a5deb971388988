"""A person's own account: where the e-mail digest goes, their API tokens, and
deleting the account.

Every function takes the signed-in person's id and touches only their rows (a
token id from the browser that is someone else's is "not found"). Each opens its
own transaction (the web app's database role unless an engine is passed) and
returns plain data: a token's plaintext leaves only once, from `new_token`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine
from sqlalchemy.orm import Session as DbSession

from jobagent_core.accounts import deletion
from jobagent_core.accounts.digest_settings import (
    AccountNotFound,
    InvalidDeliveryEmail,
    get_delivery,
    set_delivery,
)
from jobagent_core.auth.api_tokens import create_token, list_tokens, revoke_token
from jobagent_core.auth.errors import InvalidTokenName
from jobagent_core.config import get_settings
from jobagent_core.db.models import ApiToken
from jobagent_core.services.unit_of_work import unit_of_work


@dataclass(frozen=True)
class TokenInfo:
    """One API token as its owner may see it (never its hash or plaintext)."""

    id: str
    name: str
    prefix: str  # the token's first characters, to recognise it by
    created_at: datetime
    last_used_at: datetime | None
    revoked: bool


@dataclass(frozen=True)
class AccountSettings:
    """What the settings page shows about the account."""

    delivery_enabled: bool
    delivery_email: str  # "" when the digest goes to the sign-in address
    account_email: str
    smtp_enabled: bool  # the server can send e-mail at all
    tokens: list[TokenInfo]


def _token_info(token: ApiToken) -> TokenInfo:
    return TokenInfo(
        id=token.id,
        name=token.name,
        prefix=token.prefix,
        created_at=token.created_at,
        last_used_at=token.last_used_at,
        revoked=token.revoked_at is not None,
    )


def _tokens(db: DbSession, user_id: str) -> list[TokenInfo]:
    """`user_id`'s tokens, newest first."""
    return [_token_info(token) for token in list_tokens(db, user_id)]


def load(user_id: str, *, engine: Engine | None = None) -> AccountSettings:
    """`user_id`'s digest settings and tokens. Raises `AccountNotFound`."""
    with unit_of_work(engine) as db:
        delivery = get_delivery(db, user_id)
        tokens = _tokens(db, user_id)
    return AccountSettings(
        delivery_enabled=delivery.enabled,
        delivery_email=delivery.email or "",
        account_email=delivery.account_email,
        smtp_enabled=get_settings().smtp_enabled,
        tokens=tokens,
    )


def save_delivery(
    user_id: str, enabled: bool, email: str, *, engine: Engine | None = None
) -> tuple[bool, str]:
    """Turn `user_id`'s digest on or off and set its address ("" means the sign-in
    address); (enabled, the address saved or ""). Raises `InvalidDeliveryEmail`
    (its message says what is wrong, for the person) or `AccountNotFound`."""
    with unit_of_work(engine) as db:
        saved = set_delivery(db, user_id, enabled=enabled, email=email)
    return saved.enabled, saved.email or ""


def new_token(
    user_id: str, name: str, *, engine: Engine | None = None
) -> tuple[str, list[TokenInfo]]:
    """A new token for `user_id`: (its plaintext, to show once; their tokens).
    Raises `InvalidTokenName`."""
    with unit_of_work(engine) as db:
        _, plaintext = create_token(db, user_id, name)
        return plaintext, _tokens(db, user_id)


def revoke(
    user_id: str, token_id: str, *, engine: Engine | None = None
) -> tuple[bool, list[TokenInfo]]:
    """Revoke `token_id` if it is one of `user_id`'s live tokens: (whether it was,
    their tokens). Another person's token id changes nothing and reads False."""
    with unit_of_work(engine) as db:
        revoked = revoke_token(db, user_id, token_id)
        return revoked, _tokens(db, user_id)


def request_deletion(user_id: str) -> None:
    """Queue the deletion of `user_id` and everything they own, for a worker (the
    web app's database role may not DELETE).

    No transaction: nothing is written here, the task carries only the id, and the
    worker finds the rows itself (an account already gone is a no-op). Raises
    whatever the queue raises when it cannot be reached: then nothing was deleted.
    """
    deletion.request_deletion(user_id)


__all__ = [
    "AccountNotFound",
    "AccountSettings",
    "InvalidDeliveryEmail",
    "InvalidTokenName",
    "TokenInfo",
    "load",
    "new_token",
    "request_deletion",
    "revoke",
    "save_delivery",
]
