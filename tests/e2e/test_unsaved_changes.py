"""Nothing typed on a match's page is lost: leaving it with an unsaved letter or
stage asks first (our dialog for a link inside the app, the browser's own for a
closed tab or a reload); the header keeps the saved stage until the new one is
saved; Revert asks like Regenerate; the letter can be previewed as it will look."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Dialog, Locator, Page, expect
from sqlalchemy import Engine

from jobagent_core.db.engine import make_engine, session_scope
from jobagent_core.db.models import JobPosting, MatchedJob
from jobagent_core.discovery.dedupe import company_key
from jobagent_core.storage import FileStore
from jobagent_core.tracking.letters import regenerate_letter
from tests.e2e.axe import expect_accessible
from tests.e2e.helpers import save_screenshot
from tests.e2e.servers import AppServer
from tests.e2e.test_dashboard_live import Member, make_member
from tests.e2e.test_live_pages import signed_in_page
from tests.worker_support import configure, reset_caches

pytestmark = pytest.mark.e2e

TYPED = "**Dear Acme team,**\n\nI would like to build your data platform."


@pytest.fixture(scope="module")
def admin(dashboard_server: AppServer) -> Iterator[Engine]:
    engine = make_engine(dashboard_server.database.admin_url)
    yield engine
    engine.dispose()


@pytest.fixture
def letter_writer(
    dashboard_server: AppServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> Iterator[None]:
    """This process writes letters as a worker would: the server's database and storage."""
    configure(
        monkeypatch,
        dashboard_server.database,
        tmp_path,
        STORAGE_DIR=dashboard_server.env["STORAGE_DIR"],
    )
    yield
    monkeypatch.undo()
    reset_caches()


def match_with_letter(admin: Engine, server: AppServer, name: str) -> tuple[Member, str, str]:
    """A member with one match and its generated letter: (member, match id, letter)."""
    member = make_member(admin, name)
    with session_scope(admin) as db:
        posting = JobPosting(
            source="sample",
            source_id=f"unsaved-{member.id}",
            dedupe_key=f"unsaved-{member.id}",
            title="Data Engineer",
            company="Acme GmbH",
            company_key=company_key("Acme GmbH"),
            location="Berlin, Germany",
            description_text="Data Engineer at Acme GmbH: Python and SQL every day.",
            url="https://jobs.example/unsaved",
            language="en",
        )
        db.add(posting)
        db.flush()
        match = MatchedJob(
            user_id=member.id, job_posting_id=posting.id, score=80.0, matched_skills=["Python"]
        )
        db.add(match)
        db.flush()
        match_id = match.id
    with session_scope(admin) as db:
        store = FileStore(Path(server.env["STORAGE_DIR"]))
        letter = regenerate_letter(db, member.id, match_id, store=store).cover_letter_md
    return member, match_id, letter


def save_tracking(page: Page, admin: Engine, match_id: str) -> str | None:
    """Save the stage and note as shown; the note as stored afterwards."""
    page.get_by_role("button", name="Save tracking").click()
    expect(page.locator("#tracking-unsaved")).to_have_count(0)
    with session_scope(admin) as db:
        saved = db.get(MatchedJob, match_id)
        assert saved is not None
        return saved.notes


def nav_link(page: Page, name: str) -> Locator:
    return page.get_by_role("navigation", name="Main").get_by_role("link", name=name)


def leave_dialog(page: Page) -> Locator:
    return page.get_by_role("alertdialog", name="Leave without saving?")


def type_into(field: Locator, text: str) -> None:
    """A click first, as a person does: the browser asks before unloading only a
    page someone has interacted with."""
    field.click()
    field.fill(text)


def test_leaving_with_an_unsaved_letter_asks_first_and_the_preview_shows_it(
    browser: Browser, dashboard_server: AppServer, admin: Engine, letter_writer: None
) -> None:
    ada, match_id, generated = match_with_letter(admin, dashboard_server, "Ada Unsaved")
    path = f"/matches/{match_id}"
    page = signed_in_page(browser, dashboard_server, ada, path)
    letter = page.get_by_label("Cover letter", exact=True)
    expect(letter).to_have_value(generated)

    # Not dirty: a link inside the app just goes.
    nav_link(page, "Dashboard").click()
    expect(page.get_by_role("heading", name="Welcome, Ada Unsaved")).to_be_visible()
    expect(leave_dialog(page)).to_have_count(0)
    page.go_back()
    letter = page.get_by_label("Cover letter", exact=True)
    expect(letter).to_have_value(generated)

    type_into(letter, TYPED)
    expect(page.get_by_text("Unsaved changes")).to_be_visible()

    # The preview shows the typed letter as it will look: bold, no Markdown marks.
    page.get_by_role("tab", name="Preview").click()
    preview = page.get_by_role("region", name="Letter preview")
    expect(preview.locator("strong")).to_have_text("Dear Acme team,")
    expect(preview).to_contain_text("I would like to build your data platform.")
    expect(preview).not_to_contain_text("**")
    expect_accessible(page, "the letter preview")
    save_screenshot(page, "match-letter-preview")
    page.get_by_role("tab", name="Edit").click()
    letter = page.get_by_label("Cover letter", exact=True)
    expect(letter).to_have_value(TYPED)

    # A link inside the app: our dialog. "Stay" keeps the page and the text.
    nav_link(page, "Dashboard").click()
    dialog = leave_dialog(page)
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("You have unsaved changes to the letter.")
    expect_accessible(page, "the leave dialog")
    save_screenshot(page, "match-leave-dialog")
    dialog.get_by_role("button", name="Stay").click()
    expect(dialog).to_have_count(0)
    expect(page).to_have_url(re.compile(re.escape(path) + "/?$"))
    expect(nav_link(page, "Dashboard")).to_be_focused()  # back where the person was
    expect(letter).to_have_value(TYPED)

    # A closed tab (or reload, or typed address): the browser's own dialog.
    # Dismissing it keeps the page open with the text.
    with page.expect_event("dialog") as asked:
        page.close(run_before_unload=True)
    browser_dialog: Dialog = asked.value
    assert browser_dialog.type == "beforeunload"
    browser_dialog.dismiss()
    expect(letter).to_have_value(TYPED)
    assert not page.is_closed()

    # "Leave" goes where the link pointed, without a second question.
    page.get_by_role("link", name="All matches").click()
    leave_dialog(page).get_by_role("button", name="Leave").click()
    expect(page.get_by_role("heading", name="Your matches")).to_be_visible()
    expect(leave_dialog(page)).to_have_count(0)

    # Saved, nothing is asked any more: the tab closes at once.
    page.go_back()
    letter = page.get_by_label("Cover letter", exact=True)
    expect(letter).to_have_value(generated)
    type_into(letter, TYPED)
    page.get_by_role("button", name="Save letter").click()
    expect(page.get_by_text("Letter saved.")).to_be_visible()
    expect(page.get_by_text("Unsaved changes")).to_have_count(0)
    dialogs: list[str] = []
    page.on("dialog", lambda d: dialogs.append(d.type))
    with page.expect_event("close"):
        page.close(run_before_unload=True)
    assert dialogs == []
    page.context.close()


def test_revert_asks_first_like_regenerate(
    browser: Browser, dashboard_server: AppServer, admin: Engine, letter_writer: None
) -> None:
    ada, match_id, generated = match_with_letter(admin, dashboard_server, "Ada Reverter")
    page = signed_in_page(browser, dashboard_server, ada, f"/matches/{match_id}")
    letter = page.get_by_label("Cover letter", exact=True)
    expect(letter).to_have_value(generated)
    type_into(letter, TYPED)
    page.get_by_role("button", name="Save letter").click()
    expect(page.get_by_text("Edited by you")).to_be_visible()
    expect(letter).to_have_value(re.compile(r"^\*\*Dear Acme team"))
    saved = letter.input_value()  # as stored (the text is tidied on saving)
    # axe below checks the dialog, not Reflex's default success toast (whose
    # green text is at 4.25:1, reported separately): let the toast go first.
    expect(page.get_by_text("Letter saved.")).to_have_count(0)

    revert = page.get_by_role("button", name="Revert to generated")
    revert.click()
    dialog = page.get_by_role("alertdialog", name="Go back to the generated letter?")
    expect(dialog).to_contain_text("including your edits")
    expect_accessible(page, "the revert dialog")
    dialog.get_by_role("button", name="Keep my letter").click()
    expect(dialog).to_have_count(0)
    expect(letter).to_have_value(saved)
    expect(page.get_by_text("Edited by you")).to_be_visible()

    revert.click()
    dialog.get_by_role("button", name="Use the generated letter").click()
    expect(page.get_by_text("Back to the generated letter.")).to_be_visible()
    expect(letter).to_have_value(generated)
    expect(page.get_by_text("As generated")).to_be_visible()
    page.context.close()


def test_an_unsaved_stage_is_not_shown_as_saved_and_leaving_asks(
    browser: Browser, dashboard_server: AppServer, admin: Engine, letter_writer: None
) -> None:
    ada, match_id, _ = match_with_letter(admin, dashboard_server, "Ada Tracker")
    page = signed_in_page(browser, dashboard_server, ada, f"/matches/{match_id}")
    saved = page.locator("#saved-stage")
    expect(saved).to_have_text("Stage: New")

    page.get_by_label("Stage", exact=True).click()
    page.get_by_role("option", name="Applied", exact=True).click()
    expect(page.get_by_label("Stage", exact=True)).to_have_text("Applied")
    # The header still says what is stored; the section says it is not saved.
    expect(saved).to_have_text("Stage: New")
    hint = page.locator("#tracking-unsaved")
    expect(hint).to_have_text("Not saved yet: the stage above stays New until you save.")

    nav_link(page, "Applications").click()
    dialog = leave_dialog(page)
    expect(dialog).to_contain_text("You have an unsaved stage or note.")
    dialog.get_by_role("button", name="Stay").click()
    expect(dialog).to_have_count(0)
    expect(saved).to_have_text("Stage: New")

    page.get_by_role("button", name="Save tracking").click()
    expect(page.get_by_text("Marked as Applied.")).to_be_visible()
    expect(saved).to_have_text("Stage: Applied")
    expect(hint).to_have_count(0)

    # Saved: the link just goes.
    nav_link(page, "Applications").click()
    expect(page).to_have_url(re.compile(r"/applications/?$"))
    expect(leave_dialog(page)).to_have_count(0)
    page.context.close()


def test_a_note_typed_just_before_closing_the_tab_is_asked_about(
    browser: Browser, dashboard_server: AppServer, admin: Engine, letter_writer: None
) -> None:
    """Typing reaches the server after a short pause; closing the tab at once
    still asks (the page counts a keystroke as unsaved until its state follows)."""
    ada, match_id, _ = match_with_letter(admin, dashboard_server, "Ada Quick")
    page = signed_in_page(browser, dashboard_server, ada, f"/matches/{match_id}")
    note = page.get_by_label("Note", exact=True)
    expect(note).to_be_editable()
    note.click()
    with page.expect_event("dialog") as asked:
        page.keyboard.type("Call Sam")
        page.close(run_before_unload=True)
    assert asked.value.type == "beforeunload"
    asked.value.dismiss()
    expect(note).to_have_value("Call Sam")
    expect(page.locator("#tracking-unsaved")).to_be_visible()
    # Staying keeps the page connected: the note is saved, not lost.
    assert save_tracking(page, admin, match_id) == "Call Sam"
    page.context.close()


def test_back_and_forward_inside_the_app_ask_first(
    browser: Browser, dashboard_server: AppServer, admin: Engine, letter_writer: None
) -> None:
    """The browser's Back and Forward move between the app's pages without unloading
    it: with unsaved changes they ask like a link does; Stay keeps page and text."""
    ada, match_id, generated = match_with_letter(admin, dashboard_server, "Ada Back")
    path = f"/matches/{match_id}"
    page = signed_in_page(browser, dashboard_server, ada, "/matches")
    expect(page.get_by_role("heading", name="Your matches")).to_be_visible()
    page.locator(f'a[href^="{path}"]').first.click()
    letter = page.get_by_label("Cover letter", exact=True)
    expect(letter).to_have_value(generated)

    type_into(letter, TYPED)
    expect(page.get_by_text("Unsaved changes")).to_be_visible()
    page.go_back()
    dialog = leave_dialog(page)
    expect(dialog).to_contain_text("You have unsaved changes to the letter.")
    expect(page).to_have_url(re.compile(re.escape(path) + "/?$"))
    dialog.get_by_role("button", name="Stay").click()
    expect(dialog).to_have_count(0)
    expect(page).to_have_url(re.compile(re.escape(path) + "/?$"))
    expect(letter).to_have_value(TYPED)

    # Asked again on the next Back; Leave goes back without a second question.
    page.go_back()
    leave_dialog(page).get_by_role("button", name="Leave").click()
    expect(page.get_by_role("heading", name="Your matches")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/matches/?(\?.*)?$"))
    expect(leave_dialog(page)).to_have_count(0)

    # Forward returns to the match, which now shows what was saved; nothing is asked.
    page.go_forward()
    letter = page.get_by_label("Cover letter", exact=True)
    expect(letter).to_have_value(generated)
    page.go_back()
    expect(page.get_by_role("heading", name="Your matches")).to_be_visible()
    expect(leave_dialog(page)).to_have_count(0)
    page.context.close()


def test_a_dropped_connection_keeps_what_was_typed(
    browser: Browser, dashboard_server: AppServer, admin: Engine, letter_writer: None
) -> None:
    """A reconnect (a network blip, a laptop waking up) loads the page's data again:
    the letter and note typed before it stay, unsaved, and can then be saved."""
    ada, match_id, _ = match_with_letter(admin, dashboard_server, "Ada Offline")
    page = signed_in_page(browser, dashboard_server, ada, f"/matches/{match_id}")
    letter = page.get_by_label("Cover letter", exact=True)
    note = page.get_by_label("Note", exact=True)
    expect(note).to_be_editable()
    type_into(letter, TYPED)
    note.fill("Call Sam")
    expect(page.locator("#tracking-unsaved")).to_be_visible()
    expect(page.get_by_text("Unsaved changes")).to_be_visible()

    # Reflex drops its socket on pagehide and reconnects (and rehydrates the page,
    # running its on_load again) when the page is shown again. The posting's new
    # title showing is the sign that the page's data was loaded again.
    with session_scope(admin) as db:
        match = db.get(MatchedJob, match_id)
        assert match is not None
        posting = db.get(JobPosting, match.job_posting_id)
        assert posting is not None
        posting.title = "Senior Data Engineer"
    page.evaluate("window.dispatchEvent(new PageTransitionEvent('pagehide'))")
    page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    expect(page.get_by_role("heading", name="Senior Data Engineer")).to_be_visible()
    expect(page.get_by_text("Unsaved changes")).to_be_visible()
    expect(letter).to_have_value(TYPED)
    expect(note).to_have_value("Call Sam")
    expect(page.locator("#tracking-unsaved")).to_be_visible()

    assert save_tracking(page, admin, match_id) == "Call Sam"
    page.context.close()
