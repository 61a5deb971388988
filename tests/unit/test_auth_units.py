"""Pure pieces of sign-in: cookie signing, redirect targets, access rules."""

from __future__ import annotations

import pytest

from jobagent_core.auth import cookies
from jobagent_core.auth.access import has_access
from jobagent_core.auth.service import safe_callback_path
from jobagent_core.db.models import User

pytestmark = pytest.mark.unit

SECRET = "k" * 40


def test_cookie_value_matches_better_auth_format() -> None:
    # HMAC-SHA256(key="k"*40, msg="abc"), base64 padded, then encodeURIComponent.
    value = cookies.sign("abc", SECRET)
    assert value.startswith("abc.")
    assert "%2B" in value or "%2F" in value or "%3D" in value  # percent-encoded like JS
    assert cookies.unsign(value, SECRET) == "abc"


@pytest.mark.parametrize(
    "value",
    [
        "",
        "abc",
        "abc.",
        ".sig",
        "abc.c2hvcnQ=",
        "abc.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
    ],
)
def test_bad_cookie_values_are_rejected(value: str) -> None:
    assert cookies.unsign(value, SECRET) is None


def test_token_with_dots_splits_on_the_last_dot() -> None:
    assert cookies.unsign(cookies.sign("a.b.c", SECRET), SECRET) == "a.b.c"


def test_read_cookie_survives_other_apps_odd_cookies() -> None:
    header = 'theme=dark; weird="unclosed; better-auth.session_token=abc.def%3D; x=1'
    assert cookies.read_cookie(header, "better-auth.session_token") == "abc.def%3D"
    assert cookies.read_cookie("a=1", "better-auth.session_token") is None
    assert cookies.read_cookie(None, "better-auth.session_token") is None


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("/matches?page=2", "/matches?page=2"),
        ("/", "/"),
        (None, "/"),
        ("", "/"),
        ("https://evil.example/x", "/"),
        ("//evil.example/x", "/"),
        ("/\\evil.example", "/"),
        ("javascript:alert(1)", "/"),
        ("matches", "/"),
        ("/api/auth/sign-out", "/"),
        ("/ok\r\nSet-Cookie: x=1", "/"),
    ],
)
def test_callback_paths_are_same_origin_only(given: str | None, expected: str) -> None:
    assert safe_callback_path(given) == expected


def user(email: str, granted: bool = False) -> User:
    return User(name="x", email=email, email_verified=True, has_access=granted)


def test_access_rules() -> None:
    allow = frozenset({"ada@example.org", "navy.example"})
    assert has_access(user("anyone@else.example"), frozenset())
    assert has_access(user("Ada@Example.org"), allow)
    assert has_access(user("grace@navy.example"), allow)
    assert not has_access(user("eve@evil.example"), allow)
    assert not has_access(user("eve@sub.navy.example"), allow)
    assert has_access(user("eve@evil.example", granted=True), allow)
