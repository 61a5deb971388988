"""A run you start is always in view: starting a search from the bottom of the long
form brings its card into view and moves focus to it, on a desktop and on a phone;
after a reload the search page still lists the person's recent searches, finished
ones too; the counters say how many matches are new; the dashboard labels its bars
by search and counts profile builds apart from searches."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import Browser, Locator, Page, ViewportSize, expect
from sqlalchemy import Engine

from jobagent_core.auth.cookies import COOKIE_NAME
from jobagent_core.db.engine import make_engine, session_scope
from jobagent_core.db.enums import RunKind, RunStatus
from jobagent_core.db.models import Run
from jobagent_core.workflows.engine import RunReporter, claim_run, finish
from tests.e2e.helpers import PHONE, expect_no_sideways_scroll, save_screenshot
from tests.e2e.servers import AppServer
from tests.e2e.test_dashboard_live import Member, add_matches, make_member, start_search

pytestmark = pytest.mark.e2e

DESKTOP: ViewportSize = {"width": 1280, "height": 720}


@pytest.fixture(scope="module")
def admin(dashboard_server: AppServer) -> Iterator[Engine]:
    engine = make_engine(dashboard_server.database.admin_url)
    yield engine
    engine.dispose()


def open_page(
    browser: Browser, server: AppServer, member: Member, path: str, viewport: ViewportSize
) -> Page:
    context = browser.new_context(base_url=server.base_url, viewport=viewport)
    context.add_cookies([{"name": COOKIE_NAME, "value": member.cookie, "url": server.base_url}])
    page = context.new_page()
    page.goto(path)
    return page


def cards(page: Page) -> Locator:
    return page.get_by_role("list", name="Searches started").get_by_role("listitem")


def settle(element: Locator) -> None:
    """Wait until `element` stops moving (a smooth scroll has ended)."""
    element.evaluate(
        """el => new Promise(done => {
            let last = null;
            const check = () => {
                const top = el.getBoundingClientRect().top;
                if (top === last) done(top); else { last = top; setTimeout(check, 100); }
            };
            check();
        })"""
    )


def finished_search(engine: Engine, user_id: str, title: str, *, matched: int, new: int) -> str:
    """A job search that ran to the end: `matched` matches, `new` of them found first
    (as the workflow's matching step records them)."""
    run_id = start_search(engine, user_id, title)
    claim_run(engine, run_id, stale_after=timedelta(minutes=5))
    add_matches(engine, user_id, run_id, new)
    RunReporter(engine, run_id).set(found_count=40, screened_count=20, matched_count=matched)
    with session_scope(engine) as db:
        run = db.get(Run, run_id)
        assert run is not None
        run.params = {**(run.params or {}), "new_matches": new}
    finish(engine, run_id, RunStatus.COMPLETED)
    return run_id


@pytest.mark.parametrize(("viewport", "device"), [(DESKTOP, "desktop"), (PHONE, "phone")])
def test_a_search_started_at_the_bottom_of_the_form_comes_into_view(
    browser: Browser,
    dashboard_server: AppServer,
    admin: Engine,
    viewport: ViewportSize,
    device: str,
) -> None:
    member = make_member(admin, f"Vera {device.capitalize()}")
    page = open_page(browser, dashboard_server, member, "/search", viewport)
    expect(page).to_have_title("Search · Job Agent")
    page.get_by_label("Job title").fill("Data Engineer")

    # At the bottom of the form: the top of the page, where the card goes, is far away.
    start = page.get_by_role("button", name="Start search")
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    expect(start).to_be_in_viewport()
    heading = page.get_by_role("heading", name="Search for jobs", level=1)
    expect(heading).not_to_be_in_viewport()
    start.click()

    expect(cards(page)).to_have_count(1)
    card = cards(page).first
    expect(card).to_contain_text("Data Engineer")
    expect(card).to_be_in_viewport()
    expect(card).to_be_focused()  # keyboard and screen-reader users land on it too
    # Its top, with the title and status, is not hidden under the sticky header.
    settle(card)
    header = page.get_by_role("banner").bounding_box()
    box = card.bounding_box()
    assert header is not None
    assert box is not None
    assert box["y"] >= header["y"] + header["height"], (box, header)
    expect(start).not_to_be_in_viewport()
    expect_no_sideways_scroll(page)
    save_screenshot(page, f"run-in-view-{device}")

    # A reload still lists it, now among the person's recent searches.
    run_id = card.get_attribute("data-run-id")
    assert run_id
    page.reload()
    expect(page.locator(f'[data-run-id="{run_id}"]')).to_contain_text("Data Engineer")
    page.context.close()


def test_recent_searches_stay_listed_and_say_how_many_matches_are_new(
    browser: Browser, dashboard_server: AppServer, admin: Engine
) -> None:
    member = make_member(admin, "Nora Counter")
    first = finished_search(admin, member.id, "Data Engineer", matched=3, new=3)
    second = finished_search(admin, member.id, "Analytics Engineer", matched=5, new=2)
    profiling = start_search(admin, member.id, "ignored")
    with session_scope(admin) as db:  # a profile build, not a search
        run = db.get(Run, profiling)
        assert run is not None
        run.kind, run.job_search_id = RunKind.PROFILING, None
    claim_run(admin, profiling, stale_after=timedelta(minutes=5))
    finish(admin, profiling, RunStatus.COMPLETED)

    # The search page opens with the finished searches, newest first.
    page = open_page(browser, dashboard_server, member, "/search", DESKTOP)
    expect(cards(page)).to_have_count(2)
    expect(cards(page).first).to_have_attribute("data-run-id", second)
    newer = cards(page).first
    expect(newer).to_contain_text("Finished.")
    expect(newer.locator('[data-counter="matched"]')).to_have_text("5 matches (2 new)")
    older = page.locator(f'[data-run-id="{first}"]')
    expect(older.locator('[data-counter="matched"]')).to_have_text("3 matches")
    expect(newer.get_by_role("link", name="See the matches")).to_have_attribute(
        "href", f"/matches?run={second}"
    )
    page.reload()
    expect(cards(page)).to_have_count(2)

    # The dashboard: the same counts, profile builds apart, bars named by search.
    page.goto("/")
    expect(page).to_have_title("Dashboard · Job Agent")
    row = page.locator(f'[data-run-id="{second}"]')
    expect(row.locator('[data-counter="matched"]')).to_have_text("5 (2 new)")
    build = page.locator(f'[data-run-id="{profiling}"]')
    expect(build).to_contain_text("Profile build")
    expect(build.locator('[data-counter="matched"]')).to_have_count(0)
    expect(page.locator("[data-runs-caption]")).to_have_text("2 searches · 1 profile build")
    # Matches: each once, as the matches page counts them (3 + 2 new), not 3 + 5.
    expect(page.locator('[data-stat="matches"]')).to_have_text("5")
    expect(
        page.get_by_role("img", name=re.compile(r"^Last 2 finished searches: 8 matches \(5 new\)"))
    ).to_be_visible()
    today = datetime.now(UTC)
    day = f"{today.day} {today:%b}"
    axis = page.locator(".recharts-xAxis-tick-labels")
    expect(axis.get_by_text(f"Analytics Engineer · {day}")).to_be_visible()
    save_screenshot(page, "run-counters-dashboard-desktop")

    page.goto("/matches")
    expect(page).to_have_title("Matches · Job Agent")
    expect(page.get_by_text(re.compile(r"\bof 5\b"))).to_be_visible()
    page.context.close()
