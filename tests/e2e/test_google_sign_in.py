"""Sign in with Google (a local OpenID Connect provider standing in), in a real browser."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import PHONE, expect_at, expect_no_sideways_scroll, save_screenshot
from tests.e2e.servers import AppServer

pytestmark = pytest.mark.e2e

ADA_SUB = "google-sub-ada"


def test_google_round_trip_returns_to_the_page_asked_for(
    page: Page, google_server: AppServer
) -> None:
    page.goto(google_server.url("/profile?tab=x"))
    expect_at(page, google_server, "/sign-in?callbackURL=%2Fprofile%3Ftab%3Dx")

    page.get_by_role("link", name="Continue with Google").click()
    expect(page.get_by_role("heading", name="Authorize Client")).to_be_visible()
    page.get_by_role("button", name=ADA_SUB, exact=True).click()

    expect_at(page, google_server, "/profile?tab=x")
    header = page.get_by_role("banner")
    expect(header.get_by_text("Ada Lovelace")).to_be_visible()
    expect(page.get_by_role("heading", name="Your profile", level=1)).to_be_visible()
    expect(page).to_have_title("Profile · Job Agent")
    save_screenshot(page, "profile-empty-desktop")

    page.reload()
    expect(header.get_by_text("Ada Lovelace")).to_be_visible()

    page.set_viewport_size(PHONE)
    expect(header.get_by_role("button", name="Sign out")).to_be_in_viewport()
    expect_no_sideways_scroll(page)
    save_screenshot(page, "profile-empty-phone")

    header.get_by_role("button", name="Sign out").click()
    expect_at(page, google_server, "/sign-in")
    expect(page.get_by_role("heading", name="Job Agent", level=1)).to_be_visible()

    page.goto(google_server.url("/"))
    expect_at(page, google_server, "/sign-in")


def test_cancelling_at_google_is_explained(page: Page, google_server: AppServer) -> None:
    page.goto(google_server.url("/sign-in"))
    page.get_by_role("link", name="Continue with Google").click()
    page.get_by_role("button", name="Deny").click()

    expect_at(page, google_server, "/sign-in?error=access_denied")
    expect(page.get_by_role("alert")).to_have_text(
        "Google sign-in was cancelled. Try again when you're ready."
    )
    expect(page.get_by_role("link", name="Continue with Google")).to_be_visible()
