""" "Add a posting" in the browser, with a real worker: pasted text becomes a match
whose run the page follows live and links to; a link the worker may not read (a
loopback address: the SSRF guard refuses it on this server, which does not set the
tests' loopback switch) fails with the reason in words, and the paste box takes the
focus."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect
from sqlalchemy import Engine

from jobagent_core.auth.cookies import COOKIE_NAME, sign
from jobagent_core.auth.sessions import create_session
from jobagent_core.db.engine import make_engine, session_scope
from jobagent_core.db.models import User
from jobagent_core.profiling.offline import extract_profile
from jobagent_core.profiling.profile_store import merge_profile
from tests import cv_fixtures
from tests.e2e.axe import TOASTER, expect_accessible
from tests.e2e.helpers import PHONE, expect_no_sideways_scroll, save_screenshot
from tests.e2e.servers import E2E_AUTH_SECRET, AppServer, run_worker

pytestmark = pytest.mark.e2e

DESKTOP: ViewportSize = {"width": 1280, "height": 900}
RUN_MS = 60_000  # reading, screening, research and writing on a worker, offline
PASTED = """Senior Data Engineer
Company: Havel Data GmbH
Location: Berlin, Germany

Havel Data runs the data platform of a Berlin e-commerce group.
You build batch and streaming pipelines in Python and SQL with Airflow and Kafka,
model the warehouse with dbt, and mentor two junior engineers.
Requirements: 5+ years of data engineering, strong Python and SQL, dbt, Spark."""


@pytest.fixture(scope="module")
def posting_server(
    start_module_server: Callable[..., AppServer], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[AppServer]:
    """Local sign-in by minted cookies, and a worker with the server's settings."""
    data = tmp_path_factory.mktemp("posting-data")
    server = start_module_server(
        {"STORAGE_DIR": str(data / "storage"), "QUEUE_DIR": str(data / "queue")},
        name="posting",
    )
    with run_worker(server, data / "worker.log"):
        yield server


@pytest.fixture(scope="module")
def admin(posting_server: AppServer) -> Iterator[Engine]:
    engine = make_engine(posting_server.database.admin_url)
    yield engine
    engine.dispose()


def member_page(browser: Browser, server: AppServer, admin: Engine) -> Page:
    """A data engineer with a profile, signed in, on /add-posting."""
    profile = extract_profile(cv_fixtures.render_txt(cv_fixtures.DATA_ENGINEER))
    with session_scope(admin) as db:
        user = User(
            name=cv_fixtures.DATA_ENGINEER.name,
            email=f"zoe-{id(profile)}@example.org",
            email_verified=True,
            has_access=True,
            profile=merge_profile(profile, None, overwrite=True),
        )
        db.add(user)
        db.flush()
        cookie = sign(create_session(db, user.id).token, E2E_AUTH_SECRET)
    context = browser.new_context(base_url=server.base_url, viewport=DESKTOP)
    context.add_cookies([{"name": COOKIE_NAME, "value": cookie, "url": server.base_url}])
    page = context.new_page()
    page.goto("/add-posting")
    expect(page.get_by_role("heading", name="Add a posting", level=1)).to_be_visible()
    return page


def test_pasted_text_runs_live_and_links_to_its_match(
    browser: Browser, posting_server: AppServer, admin: Engine
) -> None:
    page = member_page(browser, posting_server, admin)
    expect_accessible(page, "add a posting")
    page.set_viewport_size(PHONE)
    expect_accessible(page, "add a posting at 375 px")
    expect_no_sideways_scroll(page)
    page.set_viewport_size(DESKTOP)
    page.get_by_label("The posting's text").fill(PASTED)
    page.get_by_role("button", name="Add posting").click()

    panel = page.locator("#added-posting-run")
    expect(panel).to_be_visible()
    expect(panel).to_be_focused()  # keyboard and screen-reader users land on the run
    expect(panel).to_contain_text("Senior Data Engineer at Havel Data GmbH")
    expect(panel).to_have_attribute("data-status", "completed", timeout=RUN_MS)
    link = panel.get_by_role("link", name=re.compile("Open the match: Senior Data Engineer"))
    expect(link).to_be_visible()
    expect(panel.get_by_text(re.compile(r"Score \d+ / 100"))).to_be_visible()
    expect_accessible(page, "add a posting, done", exclude=(TOASTER,))
    save_screenshot(page, "add-posting-done")

    link.click()
    expect(page).to_have_url(re.compile(r"/matches/[A-Za-z0-9_-]+$"))
    expect(page.get_by_role("heading", name="Senior Data Engineer", level=1)).to_be_visible()
    page.context.close()


def test_an_unreadable_link_says_why_and_focuses_the_paste_box(
    browser: Browser, posting_server: AppServer, admin: Engine
) -> None:
    page = member_page(browser, posting_server, admin)
    url_field = page.get_by_label("Link to the posting")
    url_field.fill("http://localhost/careers/job-7")
    url_field.press("Enter")  # the form submits from the keyboard

    panel = page.locator("#added-posting-run")
    expect(panel).to_have_attribute("data-status", "failed", timeout=RUN_MS)
    alert = panel.get_by_role("alert")
    expect(alert).to_contain_text("could not be read")
    expect(alert).to_contain_text("loopback address")
    expect(alert).to_contain_text("paste the posting's text")
    paste_box = page.get_by_label("The posting's text")
    expect(paste_box).to_be_focused()
    expect(url_field).to_have_value("")
    expect_accessible(page, "add a posting, unreadable link", exclude=(TOASTER,))
    save_screenshot(page, "add-posting-unreadable")

    # Pasting is what works now, with the keyboard alone.
    paste_box.fill(PASTED)
    page.get_by_role("button", name="Add posting").focus()
    page.keyboard.press("Enter")
    expect(panel).to_have_attribute("data-status", "completed", timeout=RUN_MS)
    page.context.close()
