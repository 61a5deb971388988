"""The applications Kanban board in a browser: columns in pipeline order with
counts, cards with their note and dates in either order, the two ends collapsed;
a card moved by drag and drop, and by keyboard through its stage menu, is saved
at once and shows in its new column; on a phone nothing scrolls sideways; and a
drop carrying another person's card changes nothing and says so."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import Browser, Locator, Page, ViewportSize, expect
from sqlalchemy import Engine

from jobagent_core.auth.cookies import COOKIE_NAME
from jobagent_core.db.base import new_id
from jobagent_core.db.engine import make_engine, session_scope
from jobagent_core.db.models import JobPosting, MatchedJob
from tests.e2e.axe import TOASTER, expect_accessible
from tests.e2e.helpers import PHONE, expect_no_sideways_scroll, save_screenshot
from tests.e2e.servers import AppServer
from tests.e2e.test_dashboard_live import Member, make_member

pytestmark = pytest.mark.e2e

START = datetime(2026, 2, 1, 9, 0, tzinfo=UTC)
DAY = timedelta(days=1)
DESKTOP: ViewportSize = {"width": 1280, "height": 1400}
NOTE = "Sent through the careers site; the recruiter is Sam."


@dataclass(frozen=True)
class Seeded:
    member: Member
    ids: dict[str, str]  # title -> match id


@pytest.fixture(scope="module")
def admin(dashboard_server: AppServer) -> Iterator[Engine]:
    engine = make_engine(dashboard_server.database.admin_url)
    yield engine
    engine.dispose()


def add_match(
    engine: Engine,
    user_id: str,
    title: str,
    company: str,
    *,
    score: float,
    stage: str,
    moved: datetime | None = None,
    note: str | None = None,
) -> str:
    """A match as a search writes it, at `stage` since `moved` (with that history)."""
    history = [{"stage": stage, "at": moved.isoformat()}] if moved else []
    with session_scope(engine) as db:
        posting = JobPosting(
            source="sample",
            source_id=new_id(),
            dedupe_key=new_id(),
            title=title,
            company=company,
            company_key=company.lower(),
            description_text=f"{title} at {company}.",
            extra={},
        )
        db.add(posting)
        db.flush()
        match = MatchedJob(
            user_id=user_id,
            job_posting_id=posting.id,
            score=score,
            application_stage=stage,
            stage_changed_at=moved,
            stage_history=history,
            notes=note,
        )
        match.created_at = START
        db.add(match)
        db.flush()
        return match.id


def seed(engine: Engine, name: str) -> Seeded:
    member = make_member(engine, name)
    rows = [
        ("Data Engineer", "Northwind", 88, "saved", START + DAY, None),
        ("Platform Engineer", "Contoso", 72, "applied", START + 3 * DAY, NOTE),
        ("Analytics Engineer", "Fabrikam", 95, "applied", START + DAY, None),
        ("Backend Developer", "Acme", 65, "interviewing", START + 2 * DAY, None),
        ("Support Engineer", "Initech", 40, "rejected", START + 2 * DAY, None),
        ("Sales Engineer", "Globex", 30, "not_interested", START + DAY, None),
        ("Fresh Match", "Umbrella", 99, "new", None, None),
    ]
    ids = {
        title: add_match(
            engine, member.id, title, company, score=score, stage=stage, moved=moved, note=note
        )
        for title, company, score, stage, moved, note in rows
    }
    return Seeded(member, ids)


def open_board(browser: Browser, server: AppServer, member: Member) -> Page:
    # Tall enough for the whole board: Chromium starts a drag from whatever is under
    # the pointer, and a scroll between press and move would put another card there.
    context = browser.new_context(base_url=server.base_url, viewport=DESKTOP)
    context.add_cookies([{"name": COOKIE_NAME, "value": member.cookie, "url": server.base_url}])
    page = context.new_page()
    page.goto("/applications")
    expect(page).to_have_title("Applications · Job Agent")
    expect(column(page, "saved")).to_be_visible()
    return page


def column(page: Page, stage: str) -> Locator:
    return page.locator(f'[data-column="{stage}"]')


def column_list(page: Page, label: str) -> Locator:
    return page.get_by_role("list", name=label, exact=True)


def cards_in(page: Page, label: str) -> Locator:
    return column_list(page, label).get_by_role("listitem")


def card(page: Page, title: str) -> Locator:
    return page.locator("[data-match-id]").filter(has_text=title)


def count(page: Page, stage: str) -> Locator:
    return column(page, stage).locator("[data-count]")


def toast(page: Page, text: str) -> Locator:
    return page.locator("[data-sonner-toast]").filter(has_text=text)


def drop_by_script(page: Page, match_id: str, stage: str) -> None:
    """A drop event made by a page script (or a tampered browser), carrying any id."""
    page.evaluate(
        """([id, stage]) => {
            const data = new DataTransfer();
            data.setData('text/plain', 'jobagent-match:' + id);
            document.querySelector(`[data-column="${stage}"]`).dispatchEvent(
                new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: data}));
        }""",
        [match_id, stage],
    )


def stage_of(engine: Engine, match_id: str) -> tuple[str, str | None, list[str]]:
    """(stage, note, stages in its history) as the database has them."""
    with session_scope(engine) as db:
        match = db.get(MatchedJob, match_id)
        assert match is not None
        return match.application_stage, match.notes, [e["stage"] for e in match.stage_history]


def test_the_board_shows_the_pipeline_and_a_card_moves_by_drag_and_drop(
    browser: Browser, dashboard_server: AppServer, admin: Engine
) -> None:
    ada = seed(admin, "Ada Kanban")
    page = open_board(browser, dashboard_server, ada.member)

    # The pipeline, left to right, each column with its count.
    stages = page.locator("[data-column]")
    expect(stages).to_have_count(6)
    for i, stage in enumerate(("saved", "applied", "interviewing", "offer")):
        expect(stages.nth(i)).to_have_attribute("data-column", stage)
    for stage, n in (("saved", 1), ("applied", 2), ("interviewing", 1), ("offer", 0)):
        expect(count(page, stage)).to_have_text(str(n))
    expect(column(page, "offer")).to_contain_text("Nothing here")
    expect(page.get_by_text("Fresh Match")).to_have_count(0)  # new matches live on /matches
    hint = page.locator("[data-new-matches]")
    expect(hint).to_contain_text("1 new match is not on the board yet")
    expect(hint.get_by_role("link")).to_have_attribute("href", "/matches?stage=new")

    # Best score first; the note and the dates are on the card.
    expect(cards_in(page, "Applied")).to_have_count(2)
    expect(cards_in(page, "Applied").first).to_contain_text("Analytics Engineer")
    platform = card(page, "Platform Engineer")
    expect(platform).to_contain_text(NOTE)
    expect(platform.locator("[data-dates]")).to_have_text("Matched 1 Feb 2026 · Applied 4 Feb 2026")
    expect(card(page, "Backend Developer").locator("[data-dates]")).to_have_text(
        "Matched 1 Feb 2026 · Interviewing since 3 Feb 2026"
    )
    expect(platform.get_by_role("link", name="Platform Engineer")).to_have_attribute(
        "href", f"/matches/{ada.ids['Platform Engineer']}"
    )

    # By date: the most recently moved first.
    page.get_by_role("radio", name="Date").click()
    expect(page.get_by_role("radio", name="Date")).to_have_attribute("aria-checked", "true")
    expect(cards_in(page, "Applied").first).to_contain_text("Platform Engineer")

    # Rejected and Not interested start collapsed, with their counts.
    rejected = page.locator('[data-toggle="rejected"]')
    expect(rejected).to_have_attribute("aria-expanded", "false")
    expect(count(page, "rejected")).to_have_text("1")
    expect(count(page, "not_interested")).to_have_text("1")
    expect(page.get_by_text("Support Engineer")).to_have_count(0)
    rejected.click()
    expect(rejected).to_have_attribute("aria-expanded", "true")
    expect(column_list(page, "Rejected")).to_contain_text("Support Engineer")
    expect_accessible(page, "the board", exclude=(TOASTER,))
    save_screenshot(page, "applications-board-desktop")

    # Drag "Data Engineer" from Saved onto Applied: saved at once, shown in its column.
    card(page, "Data Engineer").drag_to(column(page, "applied"))
    expect(toast(page, "Moved “Data Engineer” at Northwind to Applied.")).to_be_visible()
    expect(cards_in(page, "Applied").first).to_contain_text("Data Engineer")  # moved just now
    expect(count(page, "applied")).to_have_text("3")
    expect(count(page, "saved")).to_have_text("0")
    assert stage_of(admin, ada.ids["Data Engineer"])[::2] == ("applied", ["saved", "applied"])

    # Onto a collapsed column: it opens to show where the card went.
    card(page, "Analytics Engineer").drag_to(column(page, "not_interested"))
    toggle = page.locator('[data-toggle="not_interested"]')
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(column_list(page, "Not interested")).to_contain_text("Analytics Engineer")
    expect(count(page, "not_interested")).to_have_text("2")
    assert stage_of(admin, ada.ids["Analytics Engineer"])[0] == "not_interested"

    # A reload shows the board as saved.
    page.reload()
    expect(count(page, "applied")).to_have_text("2")
    expect(cards_in(page, "Applied")).to_contain_text(["Data Engineer", "Platform Engineer"])
    page.context.close()


def test_a_card_moves_by_keyboard_through_its_stage_menu_also_on_a_phone(
    browser: Browser, dashboard_server: AppServer, admin: Engine
) -> None:
    grace = seed(admin, "Grace Kanban")
    page = open_board(browser, dashboard_server, grace.member)

    # From the card's title, Tab reaches its stage menu; arrows and Enter choose.
    platform = card(page, "Platform Engineer")
    platform.get_by_role("link", name="Platform Engineer").focus()
    page.keyboard.press("Tab")
    menu = page.get_by_role("combobox", name="Stage of Platform Engineer at Contoso")
    expect(menu).to_be_focused()
    expect(menu).to_have_text("Applied")
    page.keyboard.press("Enter")
    expect(page.get_by_role("option", name="Applied")).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(page.get_by_role("option", name="Interviewing")).to_be_focused()
    page.keyboard.press("Enter")

    status = "Moved “Platform Engineer” at Contoso to Interviewing."
    expect(page.get_by_role("status").filter(has_text=status)).to_have_count(1)
    expect(cards_in(page, "Interviewing")).to_contain_text(
        ["Platform Engineer", "Backend Developer"]
    )
    expect(count(page, "applied")).to_have_text("1")
    expect(card(page, "Platform Engineer")).to_contain_text(NOTE)  # the note stays
    stage, note, history = stage_of(admin, grace.ids["Platform Engineer"])
    assert (stage, note, history) == ("interviewing", NOTE, ["applied", "interviewing"])

    # On a phone the columns stack: nothing scrolls sideways, and the menu still works.
    page.set_viewport_size(PHONE)
    expect_no_sideways_scroll(page)
    saved, applied = column(page, "saved").bounding_box(), column(page, "applied").bounding_box()
    assert saved is not None
    assert applied is not None
    assert applied["y"] >= saved["y"] + saved["height"]  # one under the other
    menu = page.get_by_role("combobox", name="Stage of Data Engineer at Northwind")
    menu.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("option", name="Saved")).to_be_focused()
    for name in ("Applied", "Interviewing", "Offer"):
        page.keyboard.press("ArrowDown")
        expect(page.get_by_role("option", name=name)).to_be_focused()
    page.keyboard.press("Enter")
    expect(column_list(page, "Offer")).to_contain_text("Data Engineer")
    expect(count(page, "offer")).to_have_text("1")
    expect_no_sideways_scroll(page)
    expect_accessible(page, "the board", exclude=(TOASTER,))
    save_screenshot(page, "applications-board-phone")
    assert stage_of(admin, grace.ids["Data Engineer"])[0] == "offer"
    page.context.close()


def test_a_drop_carrying_another_persons_card_changes_nothing_and_says_so(
    browser: Browser, dashboard_server: AppServer, admin: Engine
) -> None:
    alan = seed(admin, "Alan Kanban")
    eve = seed(admin, "Eve Kanban")
    page = open_board(browser, dashboard_server, eve.member)
    theirs = alan.ids["Platform Engineer"]

    # A drop event carrying Alan's match id.
    drop_by_script(page, theirs, "rejected")
    refused = "This match does not exist, or it is not yours."
    expect(page.get_by_role("status").filter(has_text=refused)).to_have_count(1)
    expect(toast(page, refused)).to_be_visible()
    assert stage_of(admin, theirs) == ("applied", NOTE, ["applied"])
    expect(count(page, "rejected")).to_have_text("1")  # Eve's own board is unchanged

    # The control: the same event with one of Eve's own cards does move it.
    drop_by_script(page, eve.ids["Platform Engineer"], "rejected")
    expect(count(page, "rejected")).to_have_text("2")
    assert stage_of(admin, eve.ids["Platform Engineer"])[0] == "rejected"
    page.context.close()
