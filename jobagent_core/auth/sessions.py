"""Session rows as Better Auth keeps them: 7-day lifetime, slid forward once a day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session as DbSession

from jobagent_core.db.base import new_id, utcnow
from jobagent_core.db.models import Session, User

SESSION_LIFETIME = timedelta(days=7)
# Better Auth's updateAge: refresh when less than lifetime - update_age remains.
UPDATE_AGE = timedelta(days=1)


@dataclass(frozen=True)
class ActiveSession:
    session: Session
    user: User
    refreshed: bool  # expiresAt was pushed forward: re-set the cookie


def create_session(
    db: DbSession,
    user_id: str,
    *,
    ip_address: str | None = None,
    user_agent: str | None = None,
    now: datetime | None = None,
) -> Session:
    """A new session row for `user_id` with a fresh 32-character token."""
    now = now or utcnow()
    row = Session(
        token=new_id(),
        user_id=user_id,
        expires_at=now + SESSION_LIFETIME,
        created_at=now,
        updated_at=now,
        ip_address=ip_address,
        user_agent=(user_agent or "")[:512] or None,
    )
    db.add(row)
    db.flush()
    return row


def load_session(
    db: DbSession, token: str, *, now: datetime | None = None, slide: bool = True
) -> ActiveSession | None:
    """The live session for `token` and its user; expired rows are deleted.

    With `slide`, pushes `expiresAt` to now + 7 days when less than 6 days remain;
    callers that cannot re-set the cookie (the websocket) pass slide=False.
    """
    now = now or utcnow()
    found = db.execute(
        select(Session, User).join(User, User.id == Session.user_id).where(Session.token == token)
    ).first()
    if found is None:
        return None
    session, user = found
    if session.expires_at <= now:
        db.execute(delete(Session).where(Session.id == session.id))
        return None
    refreshed = slide and session.expires_at - now < SESSION_LIFETIME - UPDATE_AGE
    if refreshed:
        session.expires_at = now + SESSION_LIFETIME
        session.updated_at = now
    return ActiveSession(session=session, user=user, refreshed=refreshed)


def delete_session(db: DbSession, token: str) -> bool:
    """Remove the session with `token`; True if there was one."""
    result = db.execute(delete(Session).where(Session.token == token))
    return bool(result.rowcount)  # type: ignore[attr-defined]
