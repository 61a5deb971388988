"""Named API tokens: shown once at creation, stored as a hash, revocable.

Every function takes the owner's id and only ever touches that owner's tokens.
"""

from __future__ import annotations

import hashlib
import secrets

from sqlalchemy import Select, select, update
from sqlalchemy.orm import Session as DbSession

from jobagent_core.auth.errors import InvalidTokenName
from jobagent_core.db.base import utcnow
from jobagent_core.db.models import ApiToken, User

TOKEN_PREFIX = "ja_"  # noqa: S105 - a marker, not a secret
NAME_MAX_LENGTH = 80
_SHOWN_PREFIX_LENGTH = len(TOKEN_PREFIX) + 6


def hash_token(plaintext: str) -> str:
    return hashlib.sha256(plaintext.encode()).hexdigest()


def readable_tokens(user_id: str) -> Select[ApiToken]:
    """The statement for `user_id`'s own tokens, newest first."""
    return select(ApiToken).where(ApiToken.user_id == user_id).order_by(ApiToken.created_at.desc())


def create_token(db: DbSession, user_id: str, name: str) -> tuple[ApiToken, str]:
    """A new token for `user_id`; returns the row and the plaintext (shown once)."""
    name = " ".join(name.split())
    if not name:
        raise InvalidTokenName("Give the token a name, e.g. 'laptop script'.")
    if len(name) > NAME_MAX_LENGTH:
        raise InvalidTokenName(f"Token names are at most {NAME_MAX_LENGTH} characters.")
    plaintext = TOKEN_PREFIX + secrets.token_urlsafe(30)
    row = ApiToken(
        user_id=user_id,
        name=name,
        token_hash=hash_token(plaintext),
        prefix=plaintext[:_SHOWN_PREFIX_LENGTH],
    )
    db.add(row)
    db.flush()
    return row, plaintext


def list_tokens(db: DbSession, user_id: str) -> list[ApiToken]:
    return list(db.scalars(readable_tokens(user_id)))


def revoke_token(db: DbSession, user_id: str, token_id: str) -> bool:
    """Revoke one of `user_id`'s tokens; False if they have no such live token."""
    result = db.execute(
        update(ApiToken)
        .where(
            ApiToken.id == token_id,
            ApiToken.user_id == user_id,
            ApiToken.revoked_at.is_(None),
        )
        .values(revoked_at=utcnow())
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def user_for_token(db: DbSession, plaintext: str) -> User | None:
    """The owner of a live token (and note its use), or None."""
    if not plaintext.startswith(TOKEN_PREFIX):
        return None
    found = db.execute(
        select(ApiToken, User)
        .join(User, User.id == ApiToken.user_id)
        .where(ApiToken.token_hash == hash_token(plaintext), ApiToken.revoked_at.is_(None))
    ).first()
    if found is None:
        return None
    token, user = found
    token.last_used_at = utcnow()
    return user
