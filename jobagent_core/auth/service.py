"""Sign-in bookkeeping: OAuth state rows, user/account upserts, local sign-in.

Everything here takes an open SQLAlchemy session (the ui role's, in the web app)
and leaves committing to the caller.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session as DbSession

from jobagent_core.auth.sessions import create_session
from jobagent_core.db.base import utcnow
from jobagent_core.db.models import Account, Session, User, Verification

if TYPE_CHECKING:
    # Annotations only: importing the OIDC client (joserfc, authlib) at run time costs
    # every CLI command ~60 ms.
    from jobagent_core.auth.oidc import AuthorizationRequest, VerifiedIdentity

STATE_LIFETIME = timedelta(minutes=10)
STATE_PREFIX = "auth-state:"
LOCAL_EMAIL = "local@localhost"
LOCAL_PROVIDER = "local"
GOOGLE_PROVIDER = "google"


class SignInError(Exception):
    """Sign-in cannot go on; `code` is what the sign-in page explains in words."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def safe_callback_path(value: str | None, default: str = "/") -> str:
    """A same-origin path to return to after sign-in; anything else becomes `default`.

    Refuses absolute URLs, scheme-relative `//host` and backslash tricks: no open
    redirect.
    """
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return default
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or any(ord(c) < 32 for c in value):
        return default
    if parts.path.startswith("/api/auth/"):
        return default
    return value


def store_auth_state(
    db: DbSession, request: AuthorizationRequest, callback_path: str, *, now: datetime | None = None
) -> None:
    now = now or utcnow()
    value = {
        "codeVerifier": request.code_verifier,
        "nonce": request.nonce,
        "callbackURL": callback_path,
    }
    db.add(
        Verification(
            identifier=STATE_PREFIX + request.state,
            value=json.dumps(value),
            expires_at=now + STATE_LIFETIME,
            created_at=now,
            updated_at=now,
        )
    )


def consume_auth_state(db: DbSession, state: str, *, now: datetime | None = None) -> dict[str, str]:
    """The stored verifier, nonce and callback path for `state`; the row is deleted.

    Unknown or replayed state → SignInError("state_mismatch"); expired →
    SignInError("state_expired").
    """
    now = now or utcnow()
    identifier = STATE_PREFIX + state
    row = db.scalars(
        select(Verification)
        .where(Verification.identifier == identifier)
        .order_by(Verification.created_at.desc())
    ).first()
    if row is None or not state:
        raise SignInError("state_mismatch")
    db.execute(delete(Verification).where(Verification.identifier == identifier))
    if row.expires_at <= now:
        raise SignInError("state_expired")
    try:
        value = json.loads(row.value)
        return {k: str(value[k]) for k in ("codeVerifier", "nonce", "callbackURL")}
    except (ValueError, KeyError, TypeError) as err:
        raise SignInError("state_mismatch") from err


def _user_by_email(db: DbSession, email: str) -> User | None:
    return db.scalars(select(User).where(func.lower(User.email) == email.lower())).first()


def upsert_identity(
    db: DbSession,
    identity: VerifiedIdentity,
    *,
    ip_address: str | None,
    user_agent: str | None,
    now: datetime | None = None,
) -> tuple[User, Session]:
    """Sign in a Google identity with a verified address: its account (by `sub`) or a
    user with that e-mail, and a new session.

    A new identity is linked to an existing user only through a verified address,
    and never changes that user's name or picture (it only fills a missing one).
    Google's access and refresh tokens are not kept: nothing here calls Google on
    the person's behalf after sign-in (Better Auth accepts them as null).
    """
    if not identity.email_verified:
        raise SignInError("email_not_verified")
    now = now or utcnow()
    account = db.scalars(
        select(Account).where(
            Account.provider_id == GOOGLE_PROVIDER, Account.account_id == identity.sub
        )
    ).first()
    user = db.get(User, account.user_id) if account is not None else None
    if user is None:
        user = _user_by_email(db, identity.email)
    if user is None:
        user = User(
            email=identity.email,
            name=identity.name or identity.email.split("@")[0],
            image=identity.picture,
            email_verified=True,
            created_at=now,
            updated_at=now,
        )
        db.add(user)
        db.flush()
    else:
        user.image = user.image or identity.picture
        user.email_verified = user.email_verified or user.email == identity.email
        user.updated_at = now

    if account is None:
        account = Account(
            provider_id=GOOGLE_PROVIDER,
            account_id=identity.sub,
            user_id=user.id,
            created_at=now,
        )
        db.add(account)
    account.access_token = None
    account.refresh_token = None
    account.access_token_expires_at = None
    account.id_token = identity.id_token
    # Better Auth stores scopes comma-joined.
    account.scope = ",".join((identity.scope or "").replace(",", " ").split()) or None
    account.updated_at = now
    user.last_used_at = now
    session = create_session(db, user.id, ip_address=ip_address, user_agent=user_agent, now=now)
    return user, session


def local_user(db: DbSession) -> User:
    """The single local user of an install without Google (created on first use),
    shared by "Continue as local user" and the CLI."""
    user = _user_by_email(db, LOCAL_EMAIL)
    if user is None:
        user = User(email=LOCAL_EMAIL, name="Local user", email_verified=True)
        db.add(user)
        db.flush()
        db.add(
            Account(
                provider_id=LOCAL_PROVIDER,
                account_id=user.id,
                user_id=user.id,
                updated_at=utcnow(),
            )
        )
    return user


def sign_in_local(
    db: DbSession, *, ip_address: str | None, user_agent: str | None
) -> tuple[User, Session]:
    """Sign in as the local user: a real user, account and session."""
    now = utcnow()
    user = local_user(db)
    user.last_used_at = now
    session = create_session(db, user.id, ip_address=ip_address, user_agent=user_agent, now=now)
    return user, session
