"""The one resolver from request headers to the signed-in user, used by the HTTP
routes and the Reflex state alike. It runs on the ui role's connection."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sqlalchemy import Engine

from jobagent_core.auth import cookies
from jobagent_core.auth.access import has_access
from jobagent_core.auth.api_tokens import user_for_token
from jobagent_core.auth.secret import auth_secret
from jobagent_core.auth.sessions import load_session
from jobagent_core.config import Settings
from jobagent_core.db.engine import session_scope, ui_engine
from jobagent_core.db.models import User


@dataclass(frozen=True)
class CurrentUser:
    id: str
    name: str
    email: str
    image: str | None
    has_access: bool
    via: Literal["session", "token"]
    session_token: str | None = None
    # Set-Cookie value to send back when the session was slid forward.
    refreshed_cookie: str | None = None


@dataclass(frozen=True)
class Authenticator:
    engine: Engine
    secret: str
    https: bool
    allow_list: frozenset[str] = frozenset()

    @classmethod
    def from_settings(cls, settings: Settings, engine: Engine | None = None) -> Authenticator:
        return cls(
            engine=engine or ui_engine(),
            secret=auth_secret(settings),
            https=settings.is_https,
            allow_list=settings.allow_list,
        )

    @property
    def cookie_name(self) -> str:
        return cookies.cookie_name(self.https)

    def session_token(self, cookie_header: str | None) -> str | None:
        """The verified session token in a Cookie header, or None."""
        value = cookies.read_cookie(cookie_header, self.cookie_name)
        return cookies.unsign(value, self.secret) if value else None

    def resolve(
        self,
        cookie_header: str | None = None,
        authorization: str | None = None,
        *,
        slide: bool = True,
    ) -> CurrentUser | None:
        """Who is calling: a bearer API token first, then the session cookie.

        Tampered cookies, unknown tokens and expired sessions (whose rows are
        deleted) all give None. `slide=False` for callers that cannot send a
        Set-Cookie back (the Reflex websocket): the session is then not extended.
        """
        scheme, _, credential = (authorization or "").partition(" ")
        if scheme.lower() == "bearer" and credential.strip():
            with session_scope(self.engine) as db:
                user = user_for_token(db, credential.strip())
                return self._current(user, via="token") if user else None
        token = self.session_token(cookie_header)
        if token is None:
            return None
        with session_scope(self.engine) as db:
            active = load_session(db, token, slide=slide)
            if active is None:
                return None
            refreshed = (
                cookies.set_cookie_header(cookies.sign(token, self.secret), https=self.https)
                if active.refreshed
                else None
            )
            return self._current(
                active.user, via="session", session_token=token, refreshed_cookie=refreshed
            )

    def _current(
        self,
        user: User,
        *,
        via: Literal["session", "token"],
        session_token: str | None = None,
        refreshed_cookie: str | None = None,
    ) -> CurrentUser:
        return CurrentUser(
            id=user.id,
            name=user.name,
            email=user.email,
            image=user.image,
            has_access=has_access(user, self.allow_list),
            via=via,
            session_token=session_token,
            refreshed_cookie=refreshed_cookie,
        )
