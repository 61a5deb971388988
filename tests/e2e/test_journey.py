"""The whole journey of a newcomer, in a real browser against a production server
with a real worker (offline: no LLM, the bundled sample postings):

sign in with "Google" → upload a CV → watch the profile being built → edit it →
search the sample postings and watch the run to the end → open the best match →
edit and save its letter (kept after a reload) → download its PDF (with the edit)
→ mark it applied → the dashboard counts it → sign out.

A screenshot of every page lands in test-artifacts/ (journey-*.png)."""

from __future__ import annotations

import io
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from jobagent_core.db.roles import libpq_url
from jobagent_core.discovery.sample_data import sample_size
from tests import cv_fixtures
from tests.e2e.helpers import PHONE, expect_at, expect_no_sideways_scroll, save_screenshot
from tests.e2e.servers import AppServer, run_worker

pytestmark = pytest.mark.e2e

ADA_SUB = "google-sub-ada"
GRACE_SUB, GRACE_EMAIL = "google-sub-grace", "grace@navy.example"
RUN_TIMEOUT_MS = 180_000
ADDED = "Outside work I organise the Hamburg data engineering meetup every month."


@pytest.fixture(scope="module")
def journey_server(
    start_module_server: Callable[..., AppServer],
    oidc_provider_url: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[AppServer]:
    """Google sign-in (the local provider), a worker, its own storage and queue."""
    data = tmp_path_factory.mktemp("journey-data")
    server = start_module_server(
        {
            "GOOGLE_CLIENT_ID": "job-agent-test",
            "GOOGLE_CLIENT_SECRET": "e2e-client-secret",
            "GOOGLE_DISCOVERY_URL": f"{oidc_provider_url}/.well-known/openid-configuration",
            "STORAGE_DIR": str(data / "storage"),
            "QUEUE_DIR": str(data / "queue"),
        },
        name="journey",
    )
    with run_worker(server, data / "worker.log"):
        yield server


def shot(page: Page, name: str) -> None:
    """A desktop screenshot, then the same page at 375 px (no sideways scrolling)."""
    save_screenshot(page, f"journey-{name}-desktop")
    size = page.viewport_size
    page.set_viewport_size(PHONE)
    expect_no_sideways_scroll(page)
    save_screenshot(page, f"journey-{name}-phone")
    assert size is not None
    page.set_viewport_size(size)


def nav(page: Page, label: str) -> None:
    page.get_by_role("navigation", name="Main").get_by_role("link", name=label).click()


def step(page: Page, label: str):  # type: ignore[no-untyped-def]
    return page.get_by_role("list", name="Steps").get_by_role("listitem").filter(has_text=label)


def rows(server: AppServer, email: str) -> tuple[int, int]:
    """(users, API tokens) with `email`, read as the admin."""
    with psycopg.connect(libpq_url(server.database.admin_url)) as conn:
        found = conn.execute(
            'SELECT count(DISTINCT u.id), count(t.id) FROM "user" u '
            "LEFT JOIN api_tokens t ON t.user_id = u.id WHERE u.email = %s",
            (email,),
        ).fetchone()
    assert found is not None
    return int(found[0]), int(found[1])


def dashboard_applications(page: Page) -> int:
    stat = page.locator('[data-stat="applications"]')
    expect(stat).to_be_visible()
    return int(stat.inner_text())


def test_a_newcomer_goes_from_sign_in_to_an_application(
    page: Page, journey_server: AppServer, tmp_path: Path
) -> None:
    timings: dict[str, float] = {}
    started = time.monotonic()
    server = journey_server

    # -- sign in ------------------------------------------------------------------------
    page.goto(server.url("/"))
    expect_at(page, server, "/sign-in")
    expect(page).to_have_title("Sign in · Job Agent")
    save_screenshot(page, "journey-sign-in-desktop")
    page.get_by_role("link", name="Continue with Google").click()
    page.get_by_role("button", name=ADA_SUB, exact=True).click()
    expect_at(page, server, "/onboarding")  # no profile yet: onboarding first
    expect(page.get_by_role("banner").get_by_text("Ada Lovelace")).to_be_visible()

    # -- upload a CV, watch the profile being built ---------------------------------------
    cv = tmp_path / "ada-cv.pdf"
    cv.write_bytes(cv_fixtures.render_pdf(cv_fixtures.DATA_ENGINEER))
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Choose files").click()
    chooser.value.set_files(cv)
    expect(page.get_by_role("list", name="Chosen files")).to_contain_text("ada-cv.pdf")
    shot(page, "onboarding-upload")
    page.get_by_role("button", name="Build my profile").click()
    expect(step(page, "Saving profile")).to_have_attribute(
        "data-state", "done", timeout=RUN_TIMEOUT_MS
    )
    expect(page.get_by_role("status").filter(has_text="Your profile is ready.")).to_be_visible()
    timings["profile built"] = time.monotonic() - started

    # -- edit the profile ---------------------------------------------------------------
    page.get_by_role("button", name="Review my profile").click()
    location = page.get_by_label("Location", exact=True)
    expect(location).to_have_value(re.compile(r"\S"))
    location.fill("Hamburg, Germany")
    page.get_by_label("New title").fill("Data Engineer")
    page.get_by_label("New title").press("Enter")
    titles = page.get_by_role("list", name="Suggested job titles")
    expect(titles.get_by_text("Data Engineer", exact=True)).to_be_visible()
    shot(page, "onboarding-review")
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_role("heading", name="Your profile is ready")).to_be_visible()

    nav(page, "Profile")
    expect_at(page, server, "/profile")
    expect(page.get_by_label("Location", exact=True)).to_have_value("Hamburg, Germany")
    shot(page, "profile")

    nav(page, "Dashboard")
    expect_at(page, server, "/")
    applied_before = dashboard_applications(page)
    shot(page, "dashboard-before")

    # -- search the sample postings and watch the run -----------------------------------
    nav(page, "Search")
    expect_at(page, server, "/search")
    expect(page).to_have_title("Search · Job Agent")
    expect(page.get_by_label("Location", exact=True)).to_have_value("Hamburg, Germany")
    page.get_by_role("button", name="Data Engineer", exact=True).click()
    expect(page.get_by_label("Job title")).to_have_value("Data Engineer")
    expect(
        page.get_by_label(f"Sample data set ({sample_size():,} postings, works offline)")
    ).to_be_checked()
    shot(page, "search")
    search_started = time.monotonic()
    page.get_by_role("button", name="Start search").click()

    runs = page.get_by_role("list", name="Searches started").get_by_role("listitem")
    expect(runs).to_have_count(1)
    run = runs.first
    expect(run).to_contain_text("Data Engineer")
    # Seen while it runs (the live poller pushes each change to the page) ...
    expect(run).to_have_attribute("data-status", re.compile("pending|running"))
    expect(run).to_contain_text(re.compile(r"Waiting|Running"))
    save_screenshot(page, "journey-search-running-desktop")
    # ... and to the end.
    expect(run).to_have_attribute("data-status", "completed", timeout=RUN_TIMEOUT_MS)
    # Each source's count, as discovery reported it.
    expect(run).to_contain_text(re.compile(r"sample: [\d,]+ found, [\d,]+ new"))
    expect(page.get_by_role("progressbar", name="Progress of Data Engineer")).to_have_attribute(
        "aria-valuenow", "100"
    )
    timings["search run"] = time.monotonic() - search_started
    save_screenshot(page, "journey-search-done-desktop")

    # -- the best match -------------------------------------------------------------------
    run.get_by_role("link", name="See the matches").click()
    expect(page).to_have_url(re.compile(r"/matches/?\?run="))
    run_id = page.url.rsplit("run=", 1)[1]
    matches = page.get_by_role("list", name="Matches").get_by_role("listitem")
    expect(matches.first).to_be_visible()
    shot(page, "matches")
    best = matches.first.get_by_role("link").first
    best_title = best.inner_text()
    best.click()
    expect(page.get_by_role("heading", name=best_title, level=1)).to_be_visible()
    expect(page).to_have_title("Match · Job Agent")
    expect(page.get_by_role("heading", name="Why it matches")).to_be_visible()
    shot(page, "match")

    # -- edit the letter, save, reload: the edit is kept ----------------------------------
    letter = page.get_by_label("Cover letter", exact=True)
    original = letter.input_value()
    assert "Ada" in original or cv_fixtures.DATA_ENGINEER.name in original
    blocks = original.strip().split("\n\n")
    edited = "\n\n".join([*blocks[:-1], ADDED, blocks[-1]])
    letter.fill(edited)
    expect(page.get_by_text("Unsaved changes")).to_be_visible()
    page.get_by_role("button", name="Save letter").click()
    expect(page.get_by_text("Letter saved.")).to_be_visible()
    expect(page.get_by_text("Edited by you")).to_be_visible()
    page.reload()
    letter = page.get_by_label("Cover letter", exact=True)
    expect(letter).to_have_value(re.compile(re.escape(ADDED)))
    expect(page.get_by_role("button", name="Revert to generated")).to_be_enabled()

    # -- download the PDF: it has the edit --------------------------------------------------
    page.get_by_role("button", name="Download", exact=True).click()
    with page.expect_download() as download:
        page.get_by_role("menuitem", name="Cover letter (PDF)").click()
    pdf_path = download.value.path()
    assert download.value.suggested_filename.startswith("cover-letter-")
    assert download.value.suggested_filename.endswith(".pdf")
    data = Path(pdf_path).read_bytes()
    assert data.startswith(b"%PDF")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())
    assert ADDED in text

    # -- mark it applied --------------------------------------------------------------------
    page.get_by_label("Stage", exact=True).click()
    page.get_by_role("option", name="Applied", exact=True).click()
    page.get_by_label("Note", exact=True).fill("Sent through the careers site.")
    page.get_by_role("button", name="Save tracking").click()
    expect(page.get_by_text("Marked as Applied.")).to_be_visible()
    history = page.get_by_role("list", name="Stage history")
    expect(history).to_contain_text("Applied")
    expect(history).to_contain_text("Sent through the careers site.")

    nav(page, "Applications")
    expect_at(page, server, "/applications")
    # The board's Applied column holds it, with the note.
    applied = page.get_by_role("list", name="Applied", exact=True)
    expect(applied).to_contain_text(best_title)
    expect(applied).to_contain_text("Sent through the careers site.")
    shot(page, "applications")

    # -- the dashboard counts it --------------------------------------------------------------
    nav(page, "Dashboard")
    expect(page.locator('[data-stat="applications"]')).to_have_text(str(applied_before + 1))
    expect(page.locator('[data-stage="applied"]')).to_contain_text("1")
    shot(page, "dashboard-after")

    # -- settings: the digest's address is checked; a token is shown once and works ------
    nav(page, "Settings")
    expect_at(page, server, "/settings")
    expect(page.get_by_role("list", name="Server status")).to_contain_text("Language model")
    # (this server has no SMTP: the page says so, and runs carry no digest warning)
    expect(page.get_by_text("This server sends no e-mail")).to_be_visible()
    address = page.get_by_label("Send it to")
    address.fill("not an address")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("is not an e-mail address")).to_be_visible()
    address.fill("ada.jobs@example.org")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Digests go to ada.jobs@example.org.")).to_be_visible()
    page.get_by_label("Token name").fill("journey script")
    page.get_by_role("button", name="Create token").click()
    token = page.get_by_label("New API token")
    expect(token).to_have_value(re.compile(r"^ja_"))
    shot(page, "settings")
    bearer = {"Authorization": f"Bearer {token.input_value()}"}
    status = page.request.get(server.url(f"/workflow/status/{run_id}"), headers=bearer)
    assert status.ok
    assert status.json()["status"] == "completed"
    page.get_by_role("button", name="Done").click()
    expect(token).to_have_count(0)
    page.get_by_role("button", name="Revoke journey script").click()
    page.get_by_role("alertdialog").get_by_role("button", name="Revoke token").click()
    expect(page.get_by_text("Token revoked: it no longer works.")).to_be_visible()
    revoked = page.request.get(server.url(f"/workflow/status/{run_id}"), headers=bearer)
    assert revoked.status == 401

    # -- sign out --------------------------------------------------------------------------
    page.get_by_role("banner").get_by_role("button", name="Sign out").click()
    expect_at(page, server, "/sign-in")
    page.goto(server.url("/matches"))
    expect_at(page, server, "/sign-in?callbackURL=%2Fmatches")
    timings["whole journey"] = time.monotonic() - started
    print("journey timings (s):", {k: round(v, 1) for k, v in timings.items()})


def test_deleting_the_account_removes_it_and_signs_out(
    page: Page, journey_server: AppServer
) -> None:
    server = journey_server
    page.goto(server.url("/settings"))
    page.get_by_role("link", name="Continue with Google").click()
    page.get_by_role("button", name=GRACE_SUB, exact=True).click()
    expect_at(page, server, "/settings")
    page.get_by_label("Token name").fill("to be deleted")
    page.get_by_role("button", name="Create token").click()
    expect(page.get_by_label("New API token")).to_have_value(re.compile(r"^ja_"))
    assert rows(server, GRACE_EMAIL) == (1, 1)

    page.get_by_role("button", name="Delete my account and data").click()
    dialog = page.get_by_role("alertdialog")
    delete = dialog.get_by_role("button", name="Delete everything")
    expect(delete).to_be_disabled()
    dialog.get_by_label("Type DELETE").fill("delete")
    expect(delete).to_be_disabled()
    dialog.get_by_label("Type DELETE").fill("DELETE")
    save_screenshot(page, "journey-delete-account-desktop")
    delete.click()

    expect_at(page, server, "/sign-in")  # signed out at once ...
    deadline = time.monotonic() + 60
    while rows(server, GRACE_EMAIL) != (0, 0):  # ... and the worker deletes it all
        assert time.monotonic() < deadline, "the account was not deleted"
        time.sleep(0.2)
    page.goto(server.url("/settings"))
    expect_at(page, server, "/sign-in?callbackURL=%2Fsettings")
