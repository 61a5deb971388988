"""Profiling end to end: a newcomer uploads a CV, watches a real worker build the
profile (the LLM stub takes a moment, so a step is seen in progress), edits it and
finds the edits kept. A file that is not a CV is refused before anything is queued."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from playwright.sync_api import Locator, Page, expect

from jobagent_core.db.roles import libpq_url
from tests import cv_fixtures
from tests.e2e.helpers import (
    PHONE,
    expect_at,
    expect_no_sideways_scroll,
    save_screenshot,
    sign_in_locally,
)
from tests.e2e.servers import AppServer
from tests.llm_stub import LlmStub, StubReply

pytestmark = pytest.mark.e2e

LOCAL_EMAIL = "local@localhost"
RUN_TIMEOUT_MS = 60_000


def count_rows(server: AppServer, table: str) -> int:
    with psycopg.connect(libpq_url(server.database.admin_url)) as conn:
        row = conn.execute(f"SELECT count(*) FROM {table}").fetchone()
        assert row is not None
        return int(row[0])


def make_newcomer(server: AppServer) -> None:
    """Forget the local user's profile (if an earlier test built one): onboarding again."""
    with psycopg.connect(libpq_url(server.database.admin_url)) as conn:
        conn.execute('UPDATE "user" SET profile = NULL WHERE email = %s', (LOCAL_EMAIL,))


def choose_files(page: Page, *paths: Path) -> None:
    """Pick files the way a person does: the "Choose files" button, then the dialog."""
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Choose files").click()
    chooser.value.set_files(list(paths))


def step(page: Page, label: str) -> Locator:
    return page.get_by_role("list", name="Steps").get_by_role("listitem").filter(has_text=label)


def test_a_png_named_pdf_is_refused_before_anything_is_queued(
    page: Page, profiling_server: AppServer, tmp_path: Path
) -> None:
    make_newcomer(profiling_server)
    runs_before = count_rows(profiling_server, "runs")
    documents_before = count_rows(profiling_server, "documents")
    fake = tmp_path / "photo-cv.pdf"
    fake.write_bytes(cv_fixtures.png_bytes())

    sign_in_locally(page, profiling_server, "/")
    expect_at(page, profiling_server, "/onboarding")
    expect(page).to_have_title("Get started · Job Agent")
    expect(page.get_by_text("Up to 5 files, 10 MB each")).to_be_visible()
    choose_files(page, fake)

    chosen = page.get_by_role("list", name="Chosen files").get_by_role("listitem")
    expect(chosen).to_have_count(1)
    expect(chosen).to_have_attribute("data-state", "refused")
    expect(chosen).to_contain_text("photo-cv.pdf looks like a PNG image, not a PDF.")
    if documents_before == 0:
        expect(page.get_by_role("button", name="Build my profile")).to_be_disabled()
    page.set_viewport_size(PHONE)
    expect_no_sideways_scroll(page)
    save_screenshot(page, "onboarding-refused-file-phone")

    assert count_rows(profiling_server, "runs") == runs_before
    assert count_rows(profiling_server, "documents") == documents_before

    page.get_by_role("button", name="Remove photo-cv.pdf").click()
    expect(chosen).to_have_count(0)


def test_newcomer_builds_reviews_and_edits_the_profile(
    page: Page, profiling_server: AppServer, tmp_path: Path
) -> None:
    make_newcomer(profiling_server)
    cv = tmp_path / "zoe-cv.pdf"
    cv.write_bytes(cv_fixtures.render_pdf(cv_fixtures.DATA_ENGINEER))

    sign_in_locally(page, profiling_server, "/")
    expect_at(page, profiling_server, "/onboarding")
    choose_files(page, cv)
    chosen = page.get_by_role("list", name="Chosen files").get_by_role("listitem")
    expect(chosen).to_have_attribute("data-state", "ready")
    expect(chosen).to_contain_text("zoe-cv.pdf")
    expect(chosen).to_contain_text("PDF · ")
    save_screenshot(page, "onboarding-upload-desktop")

    page.get_by_role("button", name="Build my profile").click()
    # The stub LLM answers after a pause: the page shows the step while it runs.
    expect(step(page, "Reading documents")).to_have_attribute("data-state", "done")
    expect(step(page, "Extracting profile")).to_have_attribute("data-state", "current")
    expect(step(page, "Extracting profile")).to_contain_text("In progress")
    save_screenshot(page, "onboarding-processing-desktop")
    expect(step(page, "Saving profile")).to_have_attribute(
        "data-state", "done", timeout=RUN_TIMEOUT_MS
    )
    expect(step(page, "Extracting profile")).to_have_attribute("data-state", "done")
    expect(page.get_by_role("progressbar", name="Progress")).to_have_attribute(
        "aria-valuenow", "100"
    )
    expect(page.get_by_role("status").filter(has_text="Your profile is ready.")).to_be_visible()

    page.get_by_role("button", name="Review my profile").click()
    location = page.get_by_label("Location", exact=True)
    expect(location).to_have_value(cv_fixtures.DATA_ENGINEER.location)
    expect(page.get_by_label("Name", exact=True)).to_have_value(cv_fixtures.DATA_ENGINEER.name)
    titles = page.get_by_role("list", name="Suggested job titles")
    expect(titles).to_contain_text("Senior Data Engineer")
    location.fill("Hamburg, Germany")
    page.get_by_label("New title").fill("Platform Engineer")
    page.get_by_label("New title").press("Enter")
    expect(titles.get_by_text("Platform Engineer")).to_be_visible()
    save_screenshot(page, "onboarding-review-desktop")
    page.get_by_role("button", name="Save profile").click()

    expect(page.get_by_role("heading", name="Your profile is ready")).to_be_visible()
    # Every step, the build included, is shown done; a search comes next.
    steps = page.get_by_role("navigation", name="Onboarding steps").get_by_role("listitem")
    expect(steps).to_have_count(4)
    for i in range(4):
        expect(steps.nth(i)).to_have_attribute("data-state", "done")
    expect(page.get_by_role("link", name="Start a search")).to_have_attribute("href", "/search")
    page.get_by_role("link", name="Go to my profile").click()
    expect_at(page, profiling_server, "/profile")

    page.reload()
    expect(page).to_have_title("Profile · Job Agent")
    expect(page.get_by_label("Location", exact=True)).to_have_value("Hamburg, Germany")
    expect(page.get_by_role("list", name="Suggested job titles")).to_contain_text(
        "Platform Engineer"
    )
    documents = page.get_by_role("list", name="Uploaded CVs")
    expect(documents).to_contain_text("zoe-cv.pdf")
    expect(documents).to_contain_text("PDF · ")
    save_screenshot(page, "profile-desktop")

    # Profiling again (edits not overwritten) is followed live on this page too.
    expect(page.get_by_label("Overwrite my edits")).not_to_be_checked()
    page.get_by_role("button", name="Re-run profiling").click()
    expect(step(page, "Extracting profile")).to_have_attribute("data-state", "current")
    expect(page.get_by_role("button", name="Re-run profiling")).to_be_disabled()
    expect(page.get_by_text("Your profile below was updated from your CVs.")).to_be_visible(
        timeout=RUN_TIMEOUT_MS
    )
    expect(page.get_by_label("Location", exact=True)).to_have_value("Hamburg, Germany")
    expect(page.get_by_role("list", name="Suggested job titles")).to_contain_text(
        "Platform Engineer"
    )

    page.set_viewport_size(PHONE)
    expect(page.get_by_role("banner").get_by_role("link", name="Profile")).to_be_in_viewport()
    expect_no_sideways_scroll(page)
    save_screenshot(page, "profile-phone")

    # With a profile, the home page no longer sends the person to onboarding.
    page.goto(profiling_server.url("/"))
    # Greeted by the profile's name: shown once the dashboard loaded, which is
    # where a redirect to onboarding would have happened.
    welcome = f"Welcome, {cv_fixtures.DATA_ENGINEER.name}"
    expect(page.get_by_role("heading", name=welcome)).to_be_visible()
    expect_at(page, profiling_server, "/")


def test_a_failed_run_is_explained_and_can_be_tried_again(
    page: Page, profiling_server: AppServer, profiling_llm: LlmStub, tmp_path: Path
) -> None:
    make_newcomer(profiling_server)
    # Only the file below may be profiled: CVs from earlier tests would let the
    # offline extractor build a profile and the run would not fail.
    with psycopg.connect(libpq_url(profiling_server.database.admin_url)) as conn:
        conn.execute(
            'DELETE FROM documents WHERE user_id IN (SELECT id FROM "user" WHERE email = %s)',
            (LOCAL_EMAIL,),
        )
    notes = tmp_path / "notes.txt"
    notes.write_text("Things to remember for the interview.\nBring a pen.\n")
    answer_before = profiling_llm.handler
    # A model that finds nothing in a file that is no CV: the offline extractor
    # finds nothing either, and the run fails with a message for the person.
    profiling_llm.handler = lambda _body: StubReply(content="{}")
    try:
        sign_in_locally(page, profiling_server, "/onboarding")
        expect(page.get_by_role("heading", name="Upload your CV")).to_be_visible()
        choose_files(page, notes)
        expect(page.get_by_role("list", name="Chosen files")).to_contain_text("Text · ")
        page.get_by_role("button", name="Build my profile").click()

        alert = page.get_by_role("alert").filter(has_text="No CV content was recognised")
        expect(alert).to_be_visible(timeout=RUN_TIMEOUT_MS)
        expect(step(page, "Extracting profile")).to_have_attribute("data-state", "failed")
        save_screenshot(page, "onboarding-failed-desktop")
    finally:
        profiling_llm.handler = answer_before

    alert.get_by_role("button", name="Try again").click()
    expect(page.get_by_role("heading", name="Upload your CV")).to_be_visible()
    expect(page.get_by_text("Already uploaded")).to_be_visible()
    expect(page.get_by_role("button", name="Build my profile")).to_be_enabled()
