"""The session cookie, byte for byte what Better Auth sets and accepts.

Value: encodeURIComponent(token + "." + base64(HMAC-SHA256(secret, token))) with
standard padded base64 (a 44-character signature), split on the last dot.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from http.cookies import SimpleCookie
from urllib.parse import quote, unquote

COOKIE_NAME = "better-auth.session_token"
SECURE_COOKIE_NAME = f"__Secure-{COOKIE_NAME}"
SESSION_MAX_AGE = 7 * 24 * 3600
_SIGNATURE_LENGTH = 44


def cookie_name(https: bool) -> str:
    """Better Auth reads only the `__Secure-` name when its base URL is https."""
    return SECURE_COOKIE_NAME if https else COOKIE_NAME


def _signature(token: str, secret: str) -> str:
    digest = hmac.new(secret.encode(), token.encode(), hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def sign(token: str, secret: str) -> str:
    """The cookie value for a session `token`."""
    return quote(f"{token}.{_signature(token, secret)}", safe="")


def unsign(value: str, secret: str) -> str | None:
    """The session token inside a cookie value, or None if the signature is wrong."""
    raw = unquote(value)
    token, dot, signature = raw.rpartition(".")
    if not dot or not token or len(signature) != _SIGNATURE_LENGTH or not signature.endswith("="):
        return None
    if not hmac.compare_digest(signature, _signature(token, secret)):
        return None
    return token


def read_cookie(cookie_header: str | None, name: str) -> str | None:
    """The raw value of cookie `name` in a Cookie request header, if present."""
    if not cookie_header:
        return None
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(cookie_header)
    except Exception:  # a malformed header from the network is just "no cookie"
        return _read_cookie_leniently(cookie_header, name)
    morsel = jar.get(name)
    return morsel.value if morsel is not None else _read_cookie_leniently(cookie_header, name)


def _read_cookie_leniently(cookie_header: str, name: str) -> str | None:
    # SimpleCookie drops the whole header on one odd cookie set by another app on
    # the same host; browsers don't, so neither do we.
    for part in cookie_header.split(";"):
        key, eq, value = part.strip().partition("=")
        if eq and key == name:
            return value.strip('"')
    return None


def set_cookie_header(value: str, *, https: bool, max_age: int = SESSION_MAX_AGE) -> str:
    """A Set-Cookie header value for the session cookie."""
    parts = [
        f"{cookie_name(https)}={value}",
        f"Max-Age={max_age}",
        "Path=/",
        "HttpOnly",
        "SameSite=Lax",
    ]
    if https:
        parts.append("Secure")
    return "; ".join(parts)


def clear_cookie_header(*, https: bool) -> str:
    return set_cookie_header("", https=https, max_age=0)
