"""The sign-in page of the production build: name, version, choices, errors in words."""

from __future__ import annotations

import os

import pytest
from playwright.sync_api import Page, expect

import jobagent_core
from tests.e2e.helpers import PHONE, expect_at, expect_no_sideways_scroll, save_screenshot
from tests.e2e.servers import AppServer

pytestmark = pytest.mark.e2e


def test_sign_in_page_shows_name_version_and_local_choice(
    page: Page, local_server: AppServer
) -> None:
    page.goto(local_server.url("/sign-in"))

    expect(page).to_have_title("Sign in · Job Agent")
    expect(page.get_by_role("heading", name="Job Agent", level=1)).to_be_visible()
    expect(page.locator("#app-version")).to_have_text(jobagent_core.__version__)
    build = os.environ.get("JOBAGENT_BUILD", "").strip()
    if build:
        expect(page.locator("#app-build")).to_have_text(build)
    else:
        expect(page.locator("#app-build")).to_have_count(0)
    expect(page.get_by_role("button", name="Continue as local user")).to_be_visible()
    expect(page.get_by_role("link", name="Continue with Google")).to_have_count(0)
    save_screenshot(page, "sign-in-local-desktop")

    page.set_viewport_size(PHONE)
    expect(page.get_by_role("button", name="Continue as local user")).to_be_in_viewport()
    expect_no_sideways_scroll(page)
    save_screenshot(page, "sign-in-local-phone")


def test_sign_in_page_offers_google_when_configured(page: Page, google_server: AppServer) -> None:
    page.goto(google_server.url("/sign-in"))

    expect(page.get_by_role("link", name="Continue with Google")).to_be_visible()
    expect(page.get_by_role("button", name="Continue as local user")).to_have_count(0)
    save_screenshot(page, "sign-in-google-desktop")


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("state_mismatch", "That sign-in link was already used or didn't come from this app."),
        ("state_expired", "The sign-in took too long (over 10 minutes). Please start again."),
        ("something_new", "Sign-in did not work. Please try again."),
    ],
)
def test_error_codes_are_explained(
    page: Page, google_server: AppServer, code: str, message: str
) -> None:
    page.goto(google_server.url(f"/sign-in?error={code}"))

    expect(page.get_by_role("alert")).to_contain_text(message)
    if code == "state_expired":
        save_screenshot(page, "sign-in-error")


def test_pages_and_backend_share_one_port(page: Page, local_server: AppServer) -> None:
    """Pages, /ping, /_health, the /_event websocket and /api/* all answer on one port."""
    with page.expect_websocket(lambda ws: "/_event" in ws.url) as ws_info:
        page.goto(local_server.url("/sign-in"))
    websocket = ws_info.value
    assert websocket.url.startswith(local_server.base_url.replace("http://", "ws://"))
    websocket.wait_for_event("framereceived")  # Socket.IO handshake from the backend

    ping = page.request.get(local_server.url("/ping"))
    assert ping.ok
    assert ping.json() == "pong"
    assert page.request.get(local_server.url("/_health")).ok
    session = page.request.get(local_server.url("/api/auth/get-session"))
    assert session.ok
    assert session.json() is None


def test_unknown_visitor_is_sent_to_sign_in(page: Page, local_server: AppServer) -> None:
    page.goto(local_server.url("/access-pending"))

    expect_at(page, local_server, "/sign-in")
