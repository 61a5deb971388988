"""Route paths of the web app and the same-origin redirect targets built from them."""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

from jobagent_core.auth.service import safe_callback_path
from jobagent_core.services.matches import match_page_path

HOME = "/"
DASHBOARD = HOME  # the signed-in home is the dashboard
SIGN_IN = "/sign-in"
ACCESS_PENDING = "/access-pending"
ONBOARDING = "/onboarding"
PROFILE = "/profile"
SEARCH = "/search"
MATCHES = "/matches"
MATCH_DETAIL = "/matches/[match_id]"  # a dynamic route: read `match_id` from the router
ADD_POSTING = "/add-posting"
APPLICATIONS = "/applications"
SETTINGS = "/settings"

# Full-page endpoints of jobagent_core's HTTP face (not Reflex routes).
GOOGLE_SIGN_IN = "/api/auth/sign-in/google"
LOCAL_SIGN_IN = "/api/auth/sign-in/local"
SIGN_OUT = "/api/auth/sign-out"
GET_SESSION = "/api/auth/get-session"

# Pages that must never be a post-sign-in target: they would send the user
# straight back (a redirect loop) or show nothing useful once signed in.
_NOT_A_RETURN_TARGET = frozenset({SIGN_IN, ACCESS_PENDING})


def return_path(value: str | None) -> str:
    """Where to go after sign-in: `value` when it is a same-origin app path, else `/`."""
    path = safe_callback_path(value, default=HOME)
    return HOME if page_path(urlsplit(path).path) in _NOT_A_RETURN_TARGET else path


def page_path(path: str) -> str:
    """`path` without the trailing slash the static server adds ("/sign-in/")."""
    return path.rstrip("/") or HOME


# Built in the services, whose match cards carry the link.
match_detail_path = match_page_path


def sign_in_path(wanted: str = HOME) -> str:
    """The sign-in page, remembering `wanted` (path and query) to come back to."""
    wanted = return_path(wanted)
    return SIGN_IN if wanted == HOME else f"{SIGN_IN}?{urlencode({'callbackURL': wanted})}"


def google_sign_in_path(callback: str) -> str:
    """Start Google sign-in; the provider's answer comes back to `callback`."""
    return f"{GOOGLE_SIGN_IN}?{urlencode({'callbackURL': return_path(callback)})}"
