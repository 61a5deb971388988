"""Installs without Google: the local user, and access that an operator must grant."""

from __future__ import annotations

import psycopg
import pytest
from playwright.sync_api import Locator, Page, expect

from jobagent_core.db.roles import libpq_url
from tests.e2e.helpers import PHONE, expect_at, save_screenshot, sign_in_locally
from tests.e2e.servers import AppServer

pytestmark = pytest.mark.e2e

LOCAL_EMAIL = "local@localhost"


def test_local_user_signs_in_and_out(page: Page, local_server: AppServer) -> None:
    sign_in_locally(page, local_server, "/")

    # A newcomer (no profile yet) is sent on from the home page to onboarding.
    expect_at(page, local_server, "/onboarding")
    expect(page.get_by_role("banner").get_by_text("Local user")).to_be_visible()
    expect(page.get_by_role("heading", name="Let's build your profile")).to_be_visible()

    page.get_by_role("button", name="Sign out").click()
    expect_at(page, local_server, "/sign-in")


def test_keyboard_users_skip_the_header_and_see_a_ring_where_they_are(
    page: Page, local_server: AppServer
) -> None:
    sign_in_locally(page, local_server, "/profile")
    expect_at(page, local_server, "/profile")
    expect(page.get_by_role("heading", name="Your profile", exact=True)).to_be_visible()

    # The first Tab stop is the skip link, shown while it has focus.
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    assert ring(skip) == ("3px", "solid")

    # It jumps past the header: the next Tab stop is inside the page's content.
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    focused = page.locator(":focus")
    assert focused.evaluate("el => el.closest('main') !== null")
    assert ring(focused) == ("3px", "solid")


def ring(element: Locator) -> tuple[str, str]:
    """The focus outline `element` is drawn with: (width, style)."""
    width, style = element.evaluate(
        "el => [getComputedStyle(el).outlineWidth, getComputedStyle(el).outlineStyle]"
    )
    return width, style


def test_signed_in_visitor_of_sign_in_goes_on_same_origin_only(
    page: Page, local_server: AppServer
) -> None:
    sign_in_locally(page, local_server, "/profile")
    expect_at(page, local_server, "/profile")

    page.goto(local_server.url("/sign-in?callbackURL=%2Fprofile%3Fpage%3D2"))
    expect_at(page, local_server, "/profile?page=2")

    # "/" itself sends a newcomer on to /onboarding: what matters is staying on this origin.
    page.goto(local_server.url("/sign-in?callbackURL=https%3A%2F%2Fevil.example%2F"))
    expect_at(page, local_server, "/onboarding")


def test_user_without_access_waits_for_the_operator(
    page: Page, allow_list_server: AppServer
) -> None:
    sign_in_locally(page, allow_list_server, "/")

    expect_at(page, allow_list_server, "/access-pending")
    expect(page).to_have_title("Access pending · Job Agent")
    expect(page.get_by_role("heading", name="Waiting for access")).to_be_visible()
    expect(page.locator("#pending-email")).to_have_text(LOCAL_EMAIL)
    expect(page.get_by_text("its operator must grant your account access")).to_be_visible()
    save_screenshot(page, "access-pending-desktop")
    page.set_viewport_size(PHONE)
    save_screenshot(page, "access-pending-phone")

    # A pending user cannot reach the app, not even by typing its address.
    page.goto(allow_list_server.url("/"))
    expect_at(page, allow_list_server, "/access-pending")

    expect(page.get_by_role("link", name="Check again")).to_have_attribute("href", "/")

    # Once the operator grants access (`jobagent users grant`), the app opens at onboarding.
    with psycopg.connect(libpq_url(allow_list_server.database.admin_url)) as conn:
        conn.execute('UPDATE "user" SET has_access = true WHERE email = %s', (LOCAL_EMAIL,))
    page.goto(allow_list_server.url("/"))
    expect_at(page, allow_list_server, "/onboarding")
    expect(page.get_by_role("heading", name="Let's build your profile")).to_be_visible()


def test_a_session_due_to_slide_gets_a_fresh_cookie(page: Page, local_server: AppServer) -> None:
    """The page asks get-session (which can set the HttpOnly cookie) before the
    websocket resolves the session, so sliding the session also re-sets the cookie."""
    sign_in_locally(page, local_server, "/profile")
    expect(page.get_by_role("banner").get_by_text("Local user")).to_be_visible()
    with psycopg.connect(libpq_url(local_server.database.admin_url)) as conn:
        conn.execute("""UPDATE "session" SET "expiresAt" = now() + interval '5 days'""")

    with page.expect_response("**/api/auth/get-session") as answer:
        page.reload()
    set_cookie = answer.value.header_value("set-cookie") or ""
    assert set_cookie.startswith("better-auth.session_token="), set_cookie
    assert "Max-Age=604800" in set_cookie
    expect(page.get_by_role("banner").get_by_text("Local user")).to_be_visible()
