"""Who is signed in, and the guard that keeps private pages private.

The session cookie is HttpOnly, so `rx.Cookie` cannot see it: the user is
resolved from the raw Cookie header the browser sent when it opened the
websocket (`router.headers.cookie`). That header only changes when the socket
reconnects, which is why signing in and out always ends in a full-page
navigation (links with `reload_document`, native form POSTs) rather than
client-side routing.
"""

from __future__ import annotations

import asyncio
import functools
from typing import Final

import reflex as rx
from reflex.event import EventSpec

from jobagent_core.auth.current_user import Authenticator, CurrentUser
from jobagent_core.config import get_settings
from jobagent_ui import routes

# AuthState.status values. A page shows its content only for the one it requires.
UNKNOWN: Final = "unknown"
SIGNED_OUT: Final = "signed_out"
PENDING: Final = "pending"  # signed in, but the operator has not granted access
MEMBER: Final = "member"  # signed in with access

SIGN_IN_ERRORS: Final[dict[str, str]] = {
    "access_denied": "Google sign-in was cancelled. Try again when you're ready.",
    "state_mismatch": (
        "That sign-in link was already used or didn't come from this app. Please start again."
    ),
    "state_expired": "The sign-in took too long (over 10 minutes). Please start again.",
    "invalid_id_token": (
        "Google's answer could not be verified, so you were not signed in. Please try again."
    ),
    "provider_error": "Google reported a problem with this sign-in. Please try again.",
    "provider_unavailable": (
        "Google could not be reached just now. Check the connection and try again in a moment."
    ),
    "token_exchange_failed": "Google did not confirm the sign-in. Please try again.",
    "no_email": (
        "Your Google account did not share an e-mail address, and Job Agent needs one "
        "to sign you in."
    ),
    "email_not_verified": (
        "Google has not verified the e-mail address of this account, so Job Agent cannot "
        "tell that it is yours. Verify it with Google, or sign in with another account."
    ),
    "google_not_configured": (
        "Sign-in with Google is not set up on this server. Ask its operator to configure it."
    ),
}
UNKNOWN_SIGN_IN_ERROR: Final = "Sign-in did not work. Please try again."
# For an action whose session has ended since the page loaded.
SIGN_IN_AGAIN: Final = "Your session has ended. Sign in again to continue."

# Run in the browser before the guard checks the session: when the session is due
# to slide forward, get-session slides it *and* re-sets the HttpOnly cookie, which
# a websocket event cannot do. (Resolving first would slide the row silently and
# leave the browser with a cookie that expires a week after sign-in.)
_REFRESH_SESSION_JS: Final = (
    f"fetch({routes.GET_SESSION!r}, {{credentials: 'same-origin'}})"
    ".then((response) => response.ok, () => false)"
)


def sign_in_error_message(code: str | None) -> str:
    """Plain words for an `?error=` code of the sign-in page ("" when there is none)."""
    if not code:
        return ""
    return SIGN_IN_ERRORS.get(code, UNKNOWN_SIGN_IN_ERROR)


def initials(name: str, email: str) -> str:
    """Up to two letters for an avatar: "Ada Lovelace" → "AL", else the e-mail's first."""
    letters = [word[0] for word in name.split() if word[:1].isalnum()][:2]
    if not letters and email:
        letters = [email[0]]
    return "".join(letters).upper() or "?"


@functools.cache
def _authenticator() -> Authenticator:
    return Authenticator.from_settings(get_settings())


async def current_user(state: rx.State) -> CurrentUser | None:
    """The signed-in user of the browser behind `state`'s websocket, or None.

    Resolved afresh (on a worker thread: it queries the database) from the Cookie
    header, so event handlers that touch a user's data should call this rather
    than trust values held in state.
    """
    cookie = state.router.headers.cookie
    if not cookie:
        return None
    return await asyncio.to_thread(_authenticator().resolve, cookie, slide=False)


async def current_member(state: rx.State) -> CurrentUser | None:
    """`current_user` when they have access, else None: the one check every handler
    that reads or changes a person's data makes first (the page guard is already
    sending anyone else away)."""
    user = await current_user(state)
    return user if user is not None and user.has_access else None


class AuthState(rx.State):
    """The signed-in user as the pages show it, and the sign-in page's inputs."""

    status: str = UNKNOWN
    user_name: str = ""
    user_email: str = ""
    user_image: str = ""
    # Sign-in page: where to return afterwards, and the error to explain.
    callback_url: str = routes.HOME
    error_message: str = ""

    @rx.var
    def user_initials(self) -> str:
        return initials(self.user_name, self.user_email)

    @rx.var
    def google_sign_in_url(self) -> str:
        return routes.google_sign_in_path(self.callback_url)

    def _show(self, user: CurrentUser | None) -> None:
        self.user_name = user.name if user else ""
        self.user_email = user.email if user else ""
        self.user_image = (user.image or "") if user else ""
        if user is None:
            self.status = SIGNED_OUT
        else:
            self.status = MEMBER if user.has_access else PENDING

    def _wanted_path(self) -> str:
        url = self.router.url
        path = routes.page_path(url.path)
        return f"{path}?{url.query}" if url.query else path

    @rx.event
    def guard(self, requires: str) -> EventSpec:
        """on_load of private pages: refresh the session cookie, then `check`."""
        # mypy types @rx.event methods as EventNamespace: Reflex types them through
        # EventNamespace.__new__, whose return type mypy ignores.
        check = AuthState.check(requires)  # type: ignore[operator]
        return rx.call_script(_REFRESH_SESSION_JS, callback=check)

    @rx.event
    async def check(self, requires: str, refreshed: bool = False) -> EventSpec | None:
        """Let the visitor stay only if their status is what the page `requires`.

        Signed-out visitors go to sign-in (which brings them back here), users
        without access to /access-pending, and users with access away from it.
        """
        del refreshed  # get-session's outcome does not matter: the cookie decides
        user = await current_user(self)
        self._show(user)
        if self.status == requires:
            return None
        if user is None:
            # Set before the redirect: the sign-in buttons render from this at once,
            # and a click can come before /sign-in's own on_load has read the query.
            self.callback_url = routes.return_path(self._wanted_path())
            return rx.redirect(routes.sign_in_path(self.callback_url), replace=True)
        if requires == MEMBER:
            return rx.redirect(routes.ACCESS_PENDING, replace=True)
        return rx.redirect(routes.HOME, replace=True)

    @rx.event
    async def load_sign_in(self) -> EventSpec | None:
        """on_load of /sign-in: read its query; a signed-in visitor goes on to the target."""
        query = self.router.url.query_parameters
        self.callback_url = routes.return_path(query.get("callbackURL"))
        self.error_message = sign_in_error_message(query.get("error"))
        user = await current_user(self)
        self._show(user)
        if user is not None:
            return rx.redirect(self.callback_url, replace=True)
        return None
