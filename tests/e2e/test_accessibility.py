"""Accessibility, checked by axe-core (tools/node_modules, from the npm registry,
injected into each page): no serious or critical violation on any page, signed in
as a member with runs, matches, a letter and an application, at 1280 px and at
375 px. At 375 px the navigation still names every page, and a match's page
offers its files through one "Download" menu, which axe checks open as well."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect
from sqlalchemy import Engine

from jobagent_core.auth.cookies import COOKIE_NAME
from jobagent_core.db.engine import make_engine, session_scope
from jobagent_core.db.enums import ApplicationStage, RunStatus
from jobagent_core.db.models import JobPosting, MatchedJob
from jobagent_core.discovery.dedupe import company_key
from jobagent_core.storage import FileStore
from jobagent_core.tracking.letters import regenerate_letter
from jobagent_core.workflows.engine import RunReporter, claim_run, finish
from tests.e2e.axe import expect_accessible
from tests.e2e.helpers import PHONE, expect_no_sideways_scroll, save_screenshot
from tests.e2e.servers import AppServer
from tests.e2e.test_dashboard_live import Member, add_matches, make_member, start_search
from tests.worker_support import configure, reset_caches

pytestmark = pytest.mark.e2e

DESKTOP: ViewportSize = {"width": 1280, "height": 900}
NAV_LABELS = ("Dashboard", "Search", "Matches", "Applications", "Profile", "Settings")
MATCH_TITLE = "Senior Data Engineer"


@dataclass(frozen=True)
class Seeded:
    member: Member
    match_id: str


@pytest.fixture(scope="module")
def admin(dashboard_server: AppServer) -> Iterator[Engine]:
    engine = make_engine(dashboard_server.database.admin_url)
    yield engine
    engine.dispose()


def _finished_search(admin: Engine, user_id: str, title: str, matches: int) -> str:
    run_id = start_search(admin, user_id, title, created_at=datetime.now(UTC) - timedelta(hours=1))
    claim_run(admin, run_id, stale_after=timedelta(minutes=5))
    RunReporter(admin, run_id).set(found_count=40, screened_count=12, matched_count=matches)
    add_matches(admin, user_id, run_id, matches)
    finish(admin, run_id, RunStatus.COMPLETED)
    return run_id


def _applied_match(admin: Engine, user_id: str) -> str:
    """A full match (posting text, reasons, gaps, skills) already applied to."""
    now = datetime.now(UTC)
    with session_scope(admin) as db:
        posting = JobPosting(
            source="sample",
            source_id=f"a11y-{user_id}",
            dedupe_key=f"a11y-{user_id}",
            title=MATCH_TITLE,
            company="Acme GmbH",
            company_key=company_key("Acme GmbH"),
            location="Berlin, Germany",
            description_text="Senior Data Engineer at Acme GmbH: Python and SQL every day.",
            url="https://jobs.example/a11y",
            language="en",
        )
        db.add(posting)
        db.flush()
        match = MatchedJob(
            user_id=user_id,
            job_posting_id=posting.id,
            score=86.0,
            reason="Strong Python and SQL.",
            reasons=["Five years of Python", "Builds data pipelines"],
            gaps=["No Kafka yet"],
            matched_skills=["Python", "SQL"],
            application_stage=ApplicationStage.APPLIED,
            stage_changed_at=now,
            stage_history=[{"stage": "applied", "at": now.isoformat(), "note": "Sent."}],
        )
        db.add(match)
        db.flush()
        return match.id


@pytest.fixture(scope="module")
def seeded(
    dashboard_server: AppServer, admin: Engine, tmp_path_factory: pytest.TempPathFactory
) -> Seeded:
    """A member with two finished searches, their matches, and one applied match
    with a written letter (so its page offers downloads)."""
    member = make_member(admin, "Ada Access")
    _finished_search(admin, member.id, "Data Engineer", 3)
    _finished_search(admin, member.id, "Backend Developer", 2)
    match_id = _applied_match(admin, member.id)
    # The letter is written here as a worker would write it: the server's database
    # and storage.
    with pytest.MonkeyPatch.context() as monkeypatch:
        configure(
            monkeypatch,
            dashboard_server.database,
            tmp_path_factory.mktemp("a11y-worker"),
            STORAGE_DIR=dashboard_server.env["STORAGE_DIR"],
        )
        try:
            with session_scope(admin) as db:
                store = FileStore(Path(dashboard_server.env["STORAGE_DIR"]))
                regenerate_letter(db, member.id, match_id, store=store)
        finally:
            reset_caches()
    return Seeded(member=member, match_id=match_id)


def open_page(browser: Browser, server: AppServer, path: str, member: Member | None) -> Page:
    context = browser.new_context(base_url=server.base_url, viewport=DESKTOP)
    if member is not None:
        context.add_cookies([{"name": COOKIE_NAME, "value": member.cookie, "url": server.base_url}])
    page = context.new_page()
    page.goto(path)
    return page


# Each page: its path (given the seeded data), who looks at it, and what shows
# that it has loaded its data (axe must see the page a person sees).
def _ready_sign_in(page: Page) -> None:
    expect(page).to_have_title("Sign in · Job Agent")
    expect(page.get_by_role("button", name="Continue as local user")).to_be_visible()


def _ready_dashboard(page: Page) -> None:
    expect(page).to_have_title("Dashboard · Job Agent")
    expect(page.locator("[data-run-id]")).to_have_count(2)


def _ready_heading(name: str) -> Callable[[Page], None]:
    def ready(page: Page) -> None:
        expect(page.get_by_role("heading", name=name, level=1)).to_be_visible()

    return ready


def _ready_search(page: Page) -> None:
    expect(page).to_have_title("Search · Job Agent")
    expect(page.get_by_label("Job title")).to_be_editable()


def _ready_matches(page: Page) -> None:
    expect(page.get_by_role("heading", name="Your matches", level=1)).to_be_visible()
    expect(page.get_by_role("list", name="Matches").get_by_role("listitem").first).to_be_visible()


def _ready_match(page: Page) -> None:
    expect(page.get_by_role("heading", name=MATCH_TITLE, level=1)).to_be_visible()
    expect(page.get_by_label("Cover letter", exact=True)).not_to_have_value("")
    expect(page.get_by_role("button", name="Download", exact=True)).to_be_visible()


def _ready_applications(page: Page) -> None:
    expect(page.get_by_role("heading", name="Applications", level=1)).to_be_visible()
    expect(page.get_by_text(MATCH_TITLE).first).to_be_visible()


PAGES: dict[str, tuple[str, bool, Callable[[Page], None]]] = {
    "sign-in": ("/sign-in", False, _ready_sign_in),
    "dashboard": ("/", True, _ready_dashboard),
    "onboarding": ("/onboarding", True, _ready_heading("Let's build your profile")),
    "profile": ("/profile", True, _ready_heading("Your profile")),
    "search": ("/search", True, _ready_search),
    "matches": ("/matches", True, _ready_matches),
    "match": ("/matches/{match_id}", True, _ready_match),
    "applications": ("/applications", True, _ready_applications),
    "settings": ("/settings", True, _ready_heading("Settings")),
    "add-posting": ("/add-posting", True, _ready_heading("Add a posting")),
}
WIDTHS: dict[str, ViewportSize] = {"desktop": DESKTOP, "phone": PHONE}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_no_serious_or_critical_violation(
    browser: Browser, dashboard_server: AppServer, seeded: Seeded, name: str, width: str
) -> None:
    path, signed_in, ready = PAGES[name]
    member = seeded.member if signed_in else None
    page = open_page(browser, dashboard_server, path.format(match_id=seeded.match_id), member)
    page.set_viewport_size(WIDTHS[width])
    ready(page)
    expect_accessible(page, f"{name} at {WIDTHS[width]['width']} px")
    if width == "phone":
        expect_no_sideways_scroll(page)
    save_screenshot(page, f"a11y-{name}-{width}")
    page.context.close()


def test_the_phone_navigation_names_every_page(
    browser: Browser, dashboard_server: AppServer, seeded: Seeded
) -> None:
    page = open_page(browser, dashboard_server, "/", seeded.member)
    page.set_viewport_size(PHONE)
    _ready_dashboard(page)
    nav = page.get_by_role("navigation", name="Main")
    for label in NAV_LABELS:
        link = nav.get_by_role("link", name=label)
        expect(link).to_be_in_viewport()
        # The word itself is on screen, not only an icon with a hidden name.
        expect(link.get_by_text(label, exact=True)).to_be_visible()
    expect(nav.get_by_role("link", name="Dashboard")).to_have_attribute("aria-current", "page")
    expect_no_sideways_scroll(page)

    nav.get_by_role("link", name="Settings").click()
    _ready_heading("Settings")(page)
    expect(nav.get_by_role("link", name="Settings")).to_have_attribute("aria-current", "page")
    page.context.close()


def test_a_match_offers_its_files_in_one_download_menu(
    browser: Browser, dashboard_server: AppServer, seeded: Seeded
) -> None:
    page = open_page(browser, dashboard_server, f"/matches/{seeded.match_id}", seeded.member)
    page.set_viewport_size(PHONE)
    _ready_match(page)
    # Closed, the menu is one button: no file links on the page yet.
    expect(page.get_by_role("link", name="Cover letter (PDF)")).to_have_count(0)
    expect(page.get_by_role("menuitem")).to_have_count(0)

    # Opened from the keyboard, it lists each document in each format.
    trigger = page.get_by_role("button", name="Download", exact=True)
    trigger.focus()
    page.keyboard.press("Enter")
    menu = page.get_by_role("menu")
    expect(menu).to_be_visible()
    items = menu.get_by_role("menuitem")
    expect(items).to_have_count(6)
    expect(items.filter(has_text="Cover letter (PDF)")).to_have_count(1)
    expect(items.filter(has_text="CV (Word)")).to_have_count(1)
    expect_accessible(page, "the open Download menu at 375 px")
    expect_no_sideways_scroll(page)
    save_screenshot(page, "a11y-match-download-menu-phone")

    # Choosing an entry downloads that file.
    with page.expect_download() as download:
        items.filter(has_text="Cover letter (PDF)").click()
    assert download.value.suggested_filename.endswith(".pdf")
    page.context.close()
