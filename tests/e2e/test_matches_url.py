"""The matches list keeps its filters, sort and page in the address: a reload or a
shared link shows the same view, and "Next" brings the top of the list into view.
The dashboard shows each run's id with a button that copies it, for the API."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Locator, Page, expect
from sqlalchemy import Engine, insert

from jobagent_core.auth.cookies import COOKIE_NAME
from jobagent_core.db.base import new_id
from jobagent_core.db.engine import make_engine
from jobagent_core.db.models import JobPosting, MatchedJob
from tests.e2e.axe import expect_accessible
from tests.e2e.helpers import PHONE, expect_no_sideways_scroll, save_screenshot
from tests.e2e.servers import AppServer
from tests.e2e.test_dashboard_live import make_member, open_dashboard, row, start_search
from tests.e2e.test_live_pages import signed_in_page

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def admin(dashboard_server: AppServer) -> Iterator[Engine]:
    engine = make_engine(dashboard_server.database.admin_url)
    yield engine
    engine.dispose()


def add_scored_matches(engine: Engine, user_id: str, run_id: str, scores: range) -> None:
    """One match per score, titled "Posting <score>"."""
    postings = [
        {
            "id": new_id(),
            "source": "sample",
            "source_id": new_id(),
            "dedupe_key": new_id(),
            "title": f"Posting {score}",
            "company": "Acme",
            "company_key": "acme",
            "description_text": "",
            "extra": {},
        }
        for score in scores
    ]
    matches = [
        {
            "id": new_id(),
            "user_id": user_id,
            "job_posting_id": posting["id"],
            "run_id": run_id,
            "score": float(score),
            "reason": "",
            "reasons": [],
            "gaps": [],
            "matched_skills": [],
            "stage_history": [],
        }
        for score, posting in zip(scores, postings, strict=True)
    ]
    with engine.begin() as conn:
        conn.execute(insert(JobPosting), postings)
        conn.execute(insert(MatchedJob), matches)


def cards(page: Page) -> Locator:
    return page.get_by_role("list", name="Matches").get_by_role("listitem")


def query(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def range_label(page: Page) -> Locator:
    return page.get_by_role("navigation", name="Pages").get_by_role("status")


def expect_second_page_by_score(page: Page) -> None:
    """Scores 50–94 filtered to 70 and up, best first: page 2 holds 74 down to 70."""
    expect(range_label(page)).to_have_text("21–25 of 25")
    expect(cards(page)).to_have_count(5)
    expect(cards(page).first).to_contain_text("Posting 74")
    expect(cards(page).last).to_contain_text("Posting 70")
    expect(page.get_by_label("Minimum score")).to_have_value("70")
    expect(page.get_by_label("Stage", exact=True)).to_have_text("New")


def test_filters_sort_and_page_live_in_the_address(
    browser: Browser, dashboard_server: AppServer, admin: Engine
) -> None:
    ada = make_member(admin, "Ada Lister")
    run_id = start_search(admin, ada.id, "Data Engineer")
    add_scored_matches(admin, ada.id, run_id, range(50, 95))  # 45 matches
    page = signed_in_page(browser, dashboard_server, ada, "/matches")
    expect(range_label(page)).to_have_text("1–20 of 45")
    assert query(page) == {}

    # The sort: newest first, then back to the best score; each in the address.
    page.get_by_label("Sort by").click()
    page.get_by_role("option", name="Newest first").click()
    expect(page).to_have_url(re.compile(r"\?sort=date$"))
    page.get_by_label("Sort by").click()
    page.get_by_role("option", name="Best score").click()
    expect(page).to_have_url(re.compile(r"/matches/?$"))

    # A stage and a minimum score.
    page.get_by_label("Stage", exact=True).click()
    page.get_by_role("option", name="New", exact=True).click()
    expect(page).to_have_url(re.compile(r"\?stage=new$"))
    page.get_by_label("Minimum score").fill("70")
    page.get_by_role("button", name="Apply").click()
    expect(range_label(page)).to_have_text("1–20 of 25")
    expect(page).to_have_url(re.compile(r"\?stage=new&min=70$"))
    expect(cards(page).first).to_contain_text("Posting 94")

    # "Next", from the bottom of the page: the list's top comes into view.
    next_button = page.get_by_role("button", name="Next")
    next_button.scroll_into_view_if_needed()
    expect(cards(page).first).not_to_be_in_viewport()
    next_button.click()
    expect_second_page_by_score(page)
    expect(cards(page).first).to_be_in_viewport()
    assert query(page) == {"stage": ["new"], "min": ["70"], "page": ["2"]}
    save_screenshot(page, "matches-page-2")

    # A reload shows the same view, and "Previous" still works from it.
    page.reload()
    expect_second_page_by_score(page)
    page.get_by_role("button", name="Previous").click()
    expect(range_label(page)).to_have_text("1–20 of 25")
    expect(cards(page).first).to_contain_text("Posting 94")
    assert query(page) == {"stage": ["new"], "min": ["70"]}

    # A shared link, opened in another tab: the same view too.
    shared = page.context.new_page()
    shared.goto("/matches?stage=new&min=70&page=2")
    expect_second_page_by_score(shared)

    # Clearing the filters clears the address.
    page.get_by_role("button", name="Clear filters").first.click()
    expect(range_label(page)).to_have_text("1–20 of 45")
    expect(page).to_have_url(re.compile(r"/matches/?$"))
    page.context.close()


def test_the_dashboard_shows_run_ids_with_a_copy_button(
    browser: Browser, dashboard_server: AppServer, admin: Engine
) -> None:
    ada = make_member(admin, "Ada Copier")
    run_id = start_search(admin, ada.id, "Data Engineer")
    page = open_dashboard(browser, dashboard_server, ada)
    page.context.grant_permissions(
        ["clipboard-read", "clipboard-write"], origin=dashboard_server.base_url
    )
    run = row(page, run_id)
    expect(run.locator("[data-run-id-text]")).to_have_text(run_id)
    expect(page.locator("#runs-api-hint")).to_contain_text("GET /workflow/status/<id>")
    expect_accessible(page, "the runs table with run ids")

    run.get_by_role("button", name="Copy run id").click()
    copied = "Run id copied. Use it with GET /workflow/status/<id>."
    expect(page.get_by_text(copied)).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == run_id
    # On a phone the id and its button fit in the row: no sideways scroll.
    page.set_viewport_size(PHONE)
    expect(run.get_by_role("button", name="Copy run id")).to_be_visible()
    expect_no_sideways_scroll(page)
    save_screenshot(page, "dashboard-run-ids-phone")
    page.context.close()


def test_the_copied_run_id_works_with_the_api(
    browser: Browser, dashboard_server: AppServer, admin: Engine
) -> None:
    """The hint's route answers for the id shown, with the same session."""
    ada = make_member(admin, "Ada Caller")
    run_id = start_search(admin, ada.id, "Data Engineer")
    context = browser.new_context(base_url=dashboard_server.base_url)
    context.add_cookies(
        [{"name": COOKIE_NAME, "value": ada.cookie, "url": dashboard_server.base_url}]
    )
    reply = context.request.get(f"/workflow/status/{run_id}")
    assert reply.status == 200
    assert reply.json()["run_id"] == run_id
    context.close()
