"""The search, onboarding and match pages follow their runs through the process's
live poller (no per-tab polling): a step, counters and the end arrive without a
reload within 2 s of the database change, in every tab of the person who started
them; a tab that comes back to the page catches up on what it missed; a run no
worker takes is pointed out. Runs are advanced by the test through the core
RunReporter (or the workflow itself), exactly as a worker writes them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, expect
from sqlalchemy import Engine, select

from jobagent_core.auth.cookies import COOKIE_NAME
from jobagent_core.db.engine import make_engine, session_scope
from jobagent_core.db.enums import RunKind, RunStatus
from jobagent_core.db.models import Artifact, JobPosting, MatchedJob, Run, User
from jobagent_core.discovery.dedupe import company_key
from jobagent_core.storage import FileStore
from jobagent_core.tracking.letters import regenerate_letter
from jobagent_core.workflows import letter as letter_workflow
from jobagent_core.workflows.engine import RunReporter, claim_run, finish
from tests import cv_fixtures
from tests.e2e.servers import AppServer
from tests.e2e.test_dashboard_live import LIVE_MS, Member, make_member
from tests.e2e.test_profiling import choose_files, step
from tests.worker_support import configure, reset_caches

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def admin(dashboard_server: AppServer) -> Iterator[Engine]:
    engine = make_engine(dashboard_server.database.admin_url)
    yield engine
    engine.dispose()


def signed_in_page(browser: Browser, server: AppServer, member: Member, path: str) -> Page:
    context = browser.new_context(base_url=server.base_url)
    context.add_cookies([{"name": COOKIE_NAME, "value": member.cookie, "url": server.base_url}])
    page = context.new_page()
    page.goto(path)
    return page


def open_search(browser: Browser, server: AppServer, member: Member) -> Page:
    page = signed_in_page(browser, server, member, "/search")
    expect(page).to_have_title("Search · Job Agent")
    expect(page.get_by_label("Job title")).to_be_editable()
    return page


def cards(page: Page) -> Locator:
    return page.get_by_role("list", name="Searches started").get_by_role("listitem")


def start_search(page: Page, title: str) -> tuple[Locator, str]:
    """Start a search for `title` on the page: its card (waiting) and its run id."""
    page.get_by_label("Job title").fill(title)
    page.get_by_role("button", name="Start search").click()
    expect(cards(page)).to_have_count(1)
    card = cards(page).first
    expect(card).to_have_attribute("data-status", "pending")
    expect(card).to_contain_text("Waiting for a worker")
    run_id = card.get_attribute("data-run-id")
    assert run_id
    return card, run_id


def test_a_started_search_is_followed_live_without_polling_per_tab(
    browser: Browser, dashboard_server: AppServer, admin: Engine
) -> None:
    ada = make_member(admin, "Ada Byron")
    page = open_search(browser, dashboard_server, ada)
    card, run_id = start_search(page, "Data Engineer")

    # The same person's second tab on the dashboard sees the run too.
    other_tab = page.context.new_page()
    other_tab.goto("/")
    expect(other_tab.locator(f'[data-run-id="{run_id}"]')).to_be_visible()

    # What a worker writes reaches the search page without a reload.
    reporter = RunReporter(admin, run_id)
    claim_run(admin, run_id, stale_after=timedelta(minutes=5))
    reporter.step("Discovering postings")
    reporter.set(found_count=321, progress_total=4, progress_done=1)
    expect(card.get_by_text("321", exact=True)).to_be_visible(timeout=LIVE_MS)
    expect(card).to_have_attribute("data-status", "running")
    expect(card).to_contain_text("Discovering postings…")
    expect(card.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "25")
    expect(other_tab.locator(f'[data-run-id="{run_id}"]')).to_contain_text("321")

    # Away from the page while the run moves on, then back: the card caught up.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Matches").click()
    expect(page).to_have_title("Matches · Job Agent")
    reporter.step("Writing letters")
    reporter.set(matched_count=4, fabrication_done=2, progress_done=3)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Search").click()
    expect(page).to_have_title("Search · Job Agent")
    card = cards(page).first
    expect(card).to_contain_text("Writing letters…")
    expect(card.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "75")

    # The end: status, a link to the matches, and a toast, still without a reload.
    finish(admin, run_id, RunStatus.COMPLETED)
    expect(card).to_have_attribute("data-status", "completed", timeout=LIVE_MS)
    expect(card).to_contain_text("Finished.")
    expect(card.get_by_role("link", name="See the matches")).to_have_attribute(
        "href", f"/matches?run={run_id}"
    )
    expect(page.get_by_text("The search “Data Engineer” finished: 4 matches.")).to_be_visible()
    page.context.close()


def test_a_search_no_worker_takes_is_pointed_out_and_a_failure_says_why(
    browser: Browser, dashboard_server: AppServer, admin: Engine
) -> None:
    grace = make_member(admin, "Grace Brewster")
    page = open_search(browser, dashboard_server, grace)
    card, run_id = start_search(page, "Compiler Engineer")
    # No worker serves this server's queue: after a while the card says so.
    hint = card.get_by_text("No worker has picked this up yet.")
    expect(hint).to_be_visible(timeout=15_000)
    expect(card).to_have_attribute("data-status", "pending")

    claim_run(admin, run_id, stale_after=timedelta(minutes=5))
    finish(admin, run_id, RunStatus.FAILED, "No job board answered. Check the sources.")
    expect(card).to_have_attribute("data-status", "failed", timeout=LIVE_MS)
    expect(card).to_contain_text("No job board answered. Check the sources.")
    expect(hint).to_have_count(0)
    page.context.close()


def test_onboarding_follows_a_profiling_run_live_and_says_when_no_worker_takes_it(
    browser: Browser, dashboard_server: AppServer, admin: Engine, tmp_path: Path
) -> None:
    zoe = make_member(admin, "Zoe Newcomer")
    with session_scope(admin) as db:
        user = db.get(User, zoe.id)
        assert user is not None
        user.profile = None
    cv = tmp_path / "zoe-cv.pdf"
    cv.write_bytes(cv_fixtures.render_pdf(cv_fixtures.DATA_ENGINEER))

    page = signed_in_page(browser, dashboard_server, zoe, "/onboarding")
    expect(page.get_by_role("heading", name="Upload your CV")).to_be_visible()
    choose_files(page, cv)
    page.get_by_role("button", name="Build my profile").click()
    expect(page.get_by_text("Waiting for a worker to start…")).to_be_visible()
    # No worker serves this server's queue: after a while the page says so.
    hint = page.get_by_text("No worker has picked this up yet.")
    expect(hint).to_be_visible(timeout=15_000)

    with session_scope(admin) as db:
        run_id = db.scalars(
            select(Run.id).where(Run.user_id == zoe.id, Run.kind == RunKind.PROFILING)
        ).one()
    reporter = RunReporter(admin, run_id)
    claim_run(admin, run_id, stale_after=timedelta(minutes=5))
    reporter.step("Reading documents")
    reporter.step("Extracting profile")
    expect(step(page, "Extracting profile")).to_have_attribute(
        "data-state", "current", timeout=LIVE_MS
    )
    expect(step(page, "Reading documents")).to_have_attribute("data-state", "done")
    expect(hint).to_have_count(0)

    with session_scope(admin) as db:
        user = db.get(User, zoe.id)
        assert user is not None
        user.profile = {"name": "Zoe Newcomer", "location": "Lisbon, Portugal", "skills": ["SQL"]}
    reporter.step("Saving profile")
    finish(admin, run_id, RunStatus.COMPLETED)
    expect(page.get_by_role("status").filter(has_text="Your profile is ready.")).to_be_visible(
        timeout=LIVE_MS
    )
    page.get_by_role("button", name="Review my profile").click()
    expect(page.get_by_label("Location", exact=True)).to_have_value("Lisbon, Portugal")
    page.context.close()


def test_company_boards_to_watch_are_checked_added_and_removed(
    browser: Browser, dashboard_server: AppServer, admin: Engine
) -> None:
    alan = make_member(admin, "Alan Kay")
    page = open_search(browser, dashboard_server, alan)
    field = page.get_by_label("Greenhouse board to watch")
    watched = page.get_by_role("list", name="Greenhouse boards")

    field.fill("Not a board!")
    field.press("Enter")
    expect(page.get_by_text("name 'Not a board!' is not valid")).to_be_visible()
    expect(watched.get_by_role("listitem")).to_have_count(0)

    field.fill(" Stripe ")
    page.get_by_role("button", name="Watch Greenhouse board").click()
    expect(watched.get_by_role("listitem")).to_have_count(1)
    expect(watched).to_contain_text("stripe")
    expect(field).to_have_value("")  # ready for the next one

    page.get_by_role("button", name="Stop watching Greenhouse board stripe").click()
    expect(watched.get_by_role("listitem")).to_have_count(0)
    page.context.close()


def test_the_match_page_follows_a_new_letter_written_by_a_worker(
    browser: Browser,
    dashboard_server: AppServer,
    admin: Engine,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    # This process plays the worker: the server's database and storage.
    configure(
        monkeypatch,
        dashboard_server.database,
        tmp_path,
        STORAGE_DIR=dashboard_server.env["STORAGE_DIR"],
    )
    try:
        _follow_a_new_letter(browser, dashboard_server, admin)
    finally:
        monkeypatch.undo()
        reset_caches()


def _letter_run(admin: Engine, user_id: str, status: RunStatus) -> str:
    with session_scope(admin) as db:
        return db.scalars(
            select(Run.id).where(
                Run.user_id == user_id, Run.kind == RunKind.LETTER, Run.status == status
            )
        ).one()


def _follow_a_new_letter(browser: Browser, server: AppServer, admin: Engine) -> None:
    ada = make_member(admin, "Ada Letterwriter")
    with session_scope(admin) as db:
        posting = JobPosting(
            source="sample",
            source_id=f"letter-{ada.id}",
            dedupe_key=f"letter-{ada.id}",
            title="Data Engineer",
            company="Acme GmbH",
            company_key=company_key("Acme GmbH"),
            location="Berlin, Germany",
            description_text="Data Engineer at Acme GmbH: Python and SQL every day.",
            url="https://jobs.example/letter",
            language="en",
        )
        db.add(posting)
        db.flush()
        match = MatchedJob(
            user_id=ada.id, job_posting_id=posting.id, score=80.0, matched_skills=["Python"]
        )
        db.add(match)
        db.flush()
        match_id = match.id
    with session_scope(admin) as db:
        store = FileStore(Path(server.env["STORAGE_DIR"]))
        first = regenerate_letter(db, ada.id, match_id, store=store).cover_letter_md

    page = signed_in_page(browser, server, ada, f"/matches/{match_id}")
    letter = page.get_by_label("Cover letter", exact=True)
    expect(letter).to_have_value(first)
    typed = "Unsaved words of mine."
    letter.fill(typed)
    expect(page.get_by_text("Unsaved changes")).to_be_visible()

    # Unsaved edits would be lost: asked first. Then queued, and the editor says so.
    page.get_by_role("button", name="Regenerate").click()
    page.get_by_role("button", name="Write a new letter").click()
    status = page.locator("#letter-run-status")
    expect(status).to_contain_text("Writing a new letter…")
    expect(page.get_by_role("button", name="Regenerate")).to_be_disabled()
    expect(page.get_by_role("button", name="Save letter")).to_be_disabled()
    run_id = _letter_run(admin, ada.id, RunStatus.PENDING)

    # The worker writes it; the page shows the new letter without a reload.
    assert letter_workflow.execute(run_id) == RunStatus.COMPLETED
    expect(status).to_have_count(0, timeout=LIVE_MS)
    expect(page.get_by_text("Your new cover letter is ready.")).to_be_visible()
    with session_scope(admin) as db:
        artifact = db.scalars(select(Artifact).where(Artifact.matched_job_id == match_id)).one()
        second = artifact.cover_letter_md
    assert typed not in second
    expect(letter).to_have_value(second)
    expect(page.get_by_text("As generated")).to_be_visible()
    expect(page.get_by_role("button", name="Regenerate")).to_be_enabled()

    # A reload while a run is pending still shows it; a failure is said in words.
    page.get_by_role("button", name="Regenerate").click()
    expect(status).to_contain_text("Writing a new letter…")
    run_id = _letter_run(admin, ada.id, RunStatus.PENDING)
    page.reload()
    expect(status).to_contain_text("Writing a new letter…")
    expect(page.get_by_role("button", name="Regenerate")).to_be_disabled()
    claim_run(admin, run_id, stale_after=timedelta(minutes=5))
    RunReporter(admin, run_id).step("Writing the letter")
    expect(status).to_contain_text("writing the letter", timeout=LIVE_MS)
    finish(admin, run_id, RunStatus.FAILED, "The language model is down.")
    expect(status).to_contain_text(
        "The new letter could not be written. The language model is down.", timeout=LIVE_MS
    )
    expect(page.get_by_role("button", name="Regenerate")).to_be_enabled()
    expect(letter).to_have_value(second)  # unchanged
    page.context.close()
