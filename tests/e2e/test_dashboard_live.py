"""The dashboard, live: a run advanced through the core RunReporter (what a worker
writes) shows in the browser within 2 s of the database change without a reload;
a run that ends shows a toast and updates the counters; another person's
dashboard shows none of it; pages of runs; the empty state."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import Engine, insert

from jobagent_core.auth.cookies import COOKIE_NAME, sign
from jobagent_core.auth.sessions import create_session
from jobagent_core.db.base import new_id
from jobagent_core.db.engine import make_engine, session_scope
from jobagent_core.db.enums import RunKind, RunStatus
from jobagent_core.db.models import JobPosting, JobSearch, MatchedJob, Run, User
from jobagent_core.workflows.engine import RunReporter, claim_run, finish
from tests.e2e.helpers import PHONE, expect_no_sideways_scroll, save_screenshot
from tests.e2e.servers import E2E_AUTH_SECRET, AppServer

pytestmark = pytest.mark.e2e

# A change reaches the open page by push, without a reload; the bound is generous so
# that a busy machine (the suite runs in parallel) does not fail it.
LIVE_MS = 10_000
PROFILE = {"name": "Someone", "skills": ["Python"], "suggested_job_titles": ["Data Engineer"]}


@dataclass(frozen=True)
class Member:
    id: str
    name: str
    cookie: str


@pytest.fixture(scope="module")
def admin(dashboard_server: AppServer) -> Iterator[Engine]:
    engine = make_engine(dashboard_server.database.admin_url)
    yield engine
    engine.dispose()


def make_member(engine: Engine, name: str) -> Member:
    """A user with access and a profile, and a session cookie for them."""
    with session_scope(engine) as db:
        user = User(
            name=name,
            email=f"{name.split()[0].lower()}-{new_id()[:6]}@example.org",
            email_verified=True,
            has_access=True,
            profile={**PROFILE, "name": name},
        )
        db.add(user)
        db.flush()
        token = create_session(db, user.id).token
        return Member(id=user.id, name=name, cookie=sign(token, E2E_AUTH_SECRET))


def open_dashboard(browser: Browser, server: AppServer, member: Member) -> Page:
    context = browser.new_context(base_url=server.base_url)
    context.add_cookies([{"name": COOKIE_NAME, "value": member.cookie, "url": server.base_url}])
    page = context.new_page()
    page.goto("/")
    expect(page).to_have_title("Dashboard · Job Agent")
    expect(page.get_by_role("heading", name=f"Welcome, {member.name}")).to_be_visible()
    return page


def start_search(
    engine: Engine, user_id: str, title: str, *, created_at: datetime | None = None
) -> str:
    """A pending job-search run, as the web app or API creates it."""
    with session_scope(engine) as db:
        search = JobSearch(user_id=user_id, title=title, location="Berlin", sources=["sample"])
        db.add(search)
        db.flush()
        run = Run(user_id=user_id, kind=RunKind.JOB_SEARCH, job_search_id=search.id)
        if created_at is not None:
            run.created_at = created_at
        db.add(run)
        db.flush()
        return run.id


def add_matches(engine: Engine, user_id: str, run_id: str, count: int) -> None:
    postings = [
        {
            "id": new_id(),
            "source": "sample",
            "source_id": new_id(),
            "dedupe_key": new_id(),
            "title": f"Posting {i}",
            "company": "Acme",
            "company_key": "acme",
            "description_text": "",
            "extra": {},
        }
        for i in range(count)
    ]
    matches = [
        {
            "id": new_id(),
            "user_id": user_id,
            "job_posting_id": p["id"],
            "run_id": run_id,
            "score": 60.0 + i,
            "reason": "",
            "reasons": [],
            "gaps": [],
            "matched_skills": [],
            "stage_history": [],
        }
        for i, p in enumerate(postings)
    ]
    with engine.begin() as conn:
        conn.execute(insert(JobPosting), postings)
        conn.execute(insert(MatchedJob), matches)


def row(page: Page, run_id: str):
    return page.locator(f'[data-run-id="{run_id}"]')


def stat(page: Page, key: str):
    return page.locator(f'[data-stat="{key}"]')


def test_a_run_advances_live_and_its_end_shows_a_toast(
    browser: Browser, dashboard_server: AppServer, admin: Engine
) -> None:
    ada = make_member(admin, "Ada Lovelace")
    earlier = start_search(admin, ada.id, "Backend Developer")
    claim_run(admin, earlier, stale_after=timedelta(minutes=5))
    add_matches(admin, ada.id, earlier, 3)
    RunReporter(admin, earlier).set(found_count=40, screened_count=12, matched_count=3)
    finish(admin, earlier, RunStatus.COMPLETED)
    run_id = start_search(admin, ada.id, "Data Engineer")

    page = open_dashboard(browser, dashboard_server, ada)
    expect(row(page, run_id)).to_contain_text("Data Engineer")
    expect(row(page, run_id).locator("[data-status]").first).to_have_text("Waiting")
    expect(stat(page, "searches")).to_have_text("2")
    expect(stat(page, "active")).to_have_text("1")
    expect(stat(page, "matches")).to_have_text("3")
    expect(page.get_by_role("img", name="Last 1 finished search: 3 matches")).to_be_visible()

    # The worker claims the run and enters its first step: no reload, within 2 s.
    reporter = RunReporter(admin, run_id)
    claim_run(admin, run_id, stale_after=timedelta(minutes=5))
    reporter.step("Discovering postings")
    reporter.set(found_count=120, progress_total=4, progress_done=1)
    expect(row(page, run_id).locator('[data-counter="found"]')).to_have_text("120", timeout=LIVE_MS)
    expect(row(page, run_id)).to_contain_text("Discovering postings")
    expect(row(page, run_id).get_by_role("progressbar")).to_have_attribute("aria-valuetext", "25%")

    reporter.step("Scoring and screening")
    add_matches(admin, ada.id, run_id, 7)
    reporter.set(screened_count=60, matched_count=7, progress_done=2)
    expect(row(page, run_id).locator('[data-counter="matched"]')).to_have_text("7", timeout=LIVE_MS)
    expect(row(page, run_id)).to_contain_text("Scoring and screening")
    save_screenshot(page, "dashboard-running-desktop")

    # The run ends: a toast, the badge, the counters and the chart, still no reload.
    finish(admin, run_id, RunStatus.COMPLETED)
    expect(page.get_by_text("The search “Data Engineer” finished: 7 matches.")).to_be_visible(
        timeout=LIVE_MS
    )
    expect(row(page, run_id).locator("[data-status]").first).to_have_text("Completed")
    expect(stat(page, "active")).to_have_text("0")
    expect(stat(page, "matches")).to_have_text("10")
    expect(page.get_by_role("img", name="Last 2 finished searches: 10 matches")).to_be_visible()

    # A run started elsewhere (API, CLI) joins the top of the table.
    newer = start_search(admin, ada.id, "Platform Engineer")
    expect(page.locator("[data-run-id]").first).to_have_attribute(
        "data-run-id", newer, timeout=LIVE_MS + 1_000
    )
    expect(stat(page, "searches")).to_have_text("3")

    # A failure is explained in the table, and announced.
    claim_run(admin, newer, stale_after=timedelta(minutes=5))
    finish(admin, newer, RunStatus.FAILED, "No job board answered. Check the sources.")
    expect(page.get_by_text("The search “Platform Engineer” failed.")).to_be_visible(
        timeout=LIVE_MS
    )
    expect(row(page, newer).locator("[data-error]")).to_have_text(
        "No job board answered. Check the sources."
    )
    save_screenshot(page, "dashboard-desktop")

    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Dashboard")).to_have_attribute("aria-current", "page")
    expect(nav.get_by_role("link", name="Matches")).to_have_attribute("aria-current", "false")

    page.set_viewport_size(PHONE)
    expect(stat(page, "searches")).to_be_in_viewport()
    expect_no_sideways_scroll(page)
    for name in ("Dashboard", "Search", "Matches", "Applications", "Profile", "Settings"):
        expect(nav.get_by_role("link", name=name)).to_be_in_viewport()
    save_screenshot(page, "dashboard-phone")

    # Any signed-in page hears that a run ended.
    nav.get_by_role("link", name="Profile").click()
    expect(page.get_by_role("heading", name="Your profile", level=1)).to_be_visible()
    elsewhere = start_search(admin, ada.id, "Site Reliability Engineer")
    claim_run(admin, elsewhere, stale_after=timedelta(minutes=5))
    finish(admin, elsewhere, RunStatus.COMPLETED)
    expect(page.get_by_text("The search “Site Reliability Engineer” finished")).to_be_visible(
        timeout=LIVE_MS
    )
    page.context.close()


def test_another_person_sees_none_of_these_runs(
    browser: Browser, dashboard_server: AppServer, admin: Engine
) -> None:
    grace = make_member(admin, "Grace Hopper")
    alan = make_member(admin, "Alan Turing")
    run_id = start_search(admin, grace.id, "Compiler Engineer")

    graces = open_dashboard(browser, dashboard_server, grace)
    alans = open_dashboard(browser, dashboard_server, alan)
    expect(row(graces, run_id)).to_be_visible()
    expect(alans.get_by_role("heading", name="No runs yet")).to_be_visible()
    expect(alans.get_by_role("link", name="Upload a CV to build your profile")).to_be_visible()
    expect(alans.get_by_role("link", name="Start a search")).to_have_attribute("href", "/search")
    save_screenshot(alans, "dashboard-empty-desktop")

    claim_run(admin, run_id, stale_after=timedelta(minutes=5))
    RunReporter(admin, run_id).set(found_count=55)
    finish(admin, run_id, RunStatus.COMPLETED)
    expect(graces.get_by_text("The search “Compiler Engineer” finished")).to_be_visible(
        timeout=LIVE_MS
    )
    alans.wait_for_timeout(1_500)  # more than a poller tick
    expect(alans.get_by_text("Compiler Engineer")).to_have_count(0)
    expect(alans.locator("[data-run-id]")).to_have_count(0)
    expect(alans.get_by_role("heading", name="No runs yet")).to_be_visible()

    alans.set_viewport_size(PHONE)
    expect_no_sideways_scroll(alans)
    save_screenshot(alans, "dashboard-empty-phone")
    alans.context.close()

    # Signed out, the tab hears nothing more of Grace's runs.
    another = start_search(admin, grace.id, "Language Designer")
    expect(row(graces, another)).to_be_visible(timeout=LIVE_MS + 5_000)
    graces.get_by_role("button", name="Sign out").click()
    expect(graces.get_by_role("button", name="Continue as local user")).to_be_visible()
    claim_run(admin, another, stale_after=timedelta(minutes=5))
    finish(admin, another, RunStatus.COMPLETED)
    graces.wait_for_timeout(2_500)
    expect(graces.get_by_text("Language Designer")).to_have_count(0)
    graces.context.close()


def test_runs_come_in_pages_newest_first(
    browser: Browser, dashboard_server: AppServer, admin: Engine
) -> None:
    edsger = make_member(admin, "Edsger Dijkstra")
    start = datetime.now(UTC) - timedelta(days=30)
    ids = [
        start_search(admin, edsger.id, f"Search {i:02d}", created_at=start + timedelta(hours=i))
        for i in range(45)
    ]
    page = open_dashboard(browser, dashboard_server, edsger)
    expect(page.get_by_text("Page 1 of 3")).to_be_visible()
    expect(page.locator("[data-run-id]")).to_have_count(20)
    expect(page.locator("[data-run-id]").first).to_have_attribute("data-run-id", ids[-1])

    page.get_by_role("button", name="Older").click()
    expect(page.get_by_text("Page 2 of 3")).to_be_visible()
    expect(page.locator("[data-run-id]").first).to_have_attribute("data-run-id", ids[24])
    page.get_by_role("button", name="Older").click()
    expect(page.get_by_text("Page 3 of 3")).to_be_visible()
    expect(page.locator("[data-run-id]")).to_have_count(5)
    expect(page.get_by_role("button", name="Older")).to_be_disabled()
    page.get_by_role("button", name="Newer").click()
    expect(page.get_by_text("Page 2 of 3")).to_be_visible()
    expect(page.locator("[data-run-id]").first).to_have_attribute("data-run-id", ids[24])
    page.context.close()
