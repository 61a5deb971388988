"""The home page of the production build, in a real browser."""

import os

import pytest
from playwright.sync_api import Page, expect

import jobagent_core

pytestmark = pytest.mark.e2e


def test_home_shows_name_and_version(page: Page) -> None:
    page.goto("/")

    expect(page).to_have_title("Job Agent")
    expect(page.get_by_role("heading", name="Job Agent")).to_be_visible()
    expect(page.locator("#app-version")).to_have_text(jobagent_core.__version__)
    build = os.environ.get("JOBAGENT_BUILD", "").strip()
    if build:
        expect(page.locator("#app-build")).to_have_text(build)
    else:
        expect(page.locator("#app-build")).to_have_count(0)


def test_backend_shares_the_page_port(page: Page, app_server: str) -> None:
    """Pages, /ping, /_health and the /_event websocket all answer on one port."""
    with page.expect_websocket(lambda ws: "/_event" in ws.url) as ws_info:
        page.goto("/")
    websocket = ws_info.value
    assert websocket.url.startswith(app_server.replace("http://", "ws://"))
    websocket.wait_for_event("framereceived")  # Socket.IO handshake from the backend

    ping = page.request.get("/ping")
    assert ping.ok
    assert ping.json() == "pong"
    health = page.request.get("/_health")
    assert health.ok
