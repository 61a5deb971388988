"""Signing in and out: each step the auth routes take, in its own transaction.

The rules (state rows, identity matching, sessions) live in
`jobagent_core.auth.service` and `jobagent_core.auth.sessions`; these functions
give the HTTP routes their transactions and return plain values (the session
token), so the routes never hold a database session.
"""

from __future__ import annotations

from sqlalchemy import Engine

from jobagent_core.auth import service
from jobagent_core.auth.oidc import AuthorizationRequest, VerifiedIdentity
from jobagent_core.auth.sessions import delete_session
from jobagent_core.services.unit_of_work import unit_of_work


def remember_authorization(
    authorization: AuthorizationRequest, callback_path: str, *, engine: Engine | None = None
) -> None:
    """Keep the verifier, nonce and return path until the provider sends the browser back."""
    with unit_of_work(engine) as db:
        service.store_auth_state(db, authorization, callback_path)


def take_authorization(state: str, *, engine: Engine | None = None) -> dict[str, str]:
    """The verifier, nonce and return path stored for `state`, deleted as they are
    read (committed even when the sign-in then fails). Raises `SignInError`."""
    failure: service.SignInError | None = None
    with unit_of_work(engine) as db:
        try:
            return service.consume_auth_state(db, state)
        except service.SignInError as err:
            failure = err  # raised after the commit: an expired state is gone too
    raise failure


def sign_in_identity(
    identity: VerifiedIdentity,
    *,
    ip_address: str | None,
    user_agent: str | None,
    engine: Engine | None = None,
) -> str:
    """The new session's token for the person the provider vouched for. Raises
    `SignInError` when the identity may not sign in."""
    with unit_of_work(engine) as db:
        _, session = service.upsert_identity(
            db, identity, ip_address=ip_address, user_agent=user_agent
        )
        return session.token


def sign_in_local_user(
    *, ip_address: str | None, user_agent: str | None, engine: Engine | None = None
) -> str:
    """The new session's token for the local user (embedded mode)."""
    with unit_of_work(engine) as db:
        _, session = service.sign_in_local(db, ip_address=ip_address, user_agent=user_agent)
        return session.token


def sign_out(token: str, *, engine: Engine | None = None) -> None:
    """End the session `token` (nothing happens for an unknown one)."""
    with unit_of_work(engine) as db:
        delete_session(db, token)
