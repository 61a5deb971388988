"""Saved searches in the browser: the dashboard lists one with its schedule in
words, its next run in the person's zone and its last result; "Run now" starts an
ordinary run and "Pause" stops it; the search page saves the search being set up
with a schedule in the browser's time zone. Axe-clean at each step."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import Engine, select

from jobagent_core.auth.cookies import COOKIE_NAME, sign
from jobagent_core.auth.sessions import create_session
from jobagent_core.db.engine import make_engine, session_scope
from jobagent_core.db.enums import RunStatus
from jobagent_core.db.models import Run, SavedSearch, User
from jobagent_core.profiling.offline import extract_profile
from jobagent_core.profiling.profile_store import merge_profile
from tests import cv_fixtures
from tests.e2e.axe import TOASTER, expect_accessible
from tests.e2e.helpers import save_screenshot
from tests.e2e.servers import E2E_AUTH_SECRET, AppServer

pytestmark = pytest.mark.e2e

NEXT_RUN = datetime(2031, 3, 3, 7, 0, tzinfo=UTC)  # Mon 3 Mar 2031, 08:00 in Berlin


@pytest.fixture(scope="module")
def saved_server(
    start_module_server: Callable[..., AppServer], tmp_path_factory: pytest.TempPathFactory
) -> AppServer:
    """Sign-in by minted cookies; runs wait in a queue folder no worker reads."""
    data = tmp_path_factory.mktemp("saved-data")
    return start_module_server(
        {"STORAGE_DIR": str(data / "storage"), "QUEUE_DIR": str(data / "queue")},
        name="saved",
    )


@pytest.fixture(scope="module")
def admin(saved_server: AppServer) -> Iterator[Engine]:
    engine = make_engine(saved_server.database.admin_url)
    yield engine
    engine.dispose()


def member(browser: Browser, server: AppServer, admin: Engine, email: str) -> tuple[Page, str]:
    """A data engineer with a profile, signed in, in a browser set to Berlin time."""
    profile = extract_profile(cv_fixtures.render_txt(cv_fixtures.DATA_ENGINEER))
    with session_scope(admin) as db:
        user = User(
            name=cv_fixtures.DATA_ENGINEER.name,
            email=email,
            email_verified=True,
            has_access=True,
            profile=merge_profile(profile, None, overwrite=True),
        )
        db.add(user)
        db.flush()
        cookie = sign(create_session(db, user.id).token, E2E_AUTH_SECRET)
        user_id = user.id
    context = browser.new_context(base_url=server.base_url, timezone_id="Europe/Berlin")
    context.add_cookies([{"name": COOKIE_NAME, "value": cookie, "url": server.base_url}])
    return context.new_page(), user_id


def test_the_dashboard_lists_a_saved_search_runs_it_now_and_pauses_it(
    browser: Browser, saved_server: AppServer, admin: Engine
) -> None:
    page, user_id = member(browser, saved_server, admin, "ada-saved@example.org")
    with session_scope(admin) as db:
        saved = SavedSearch(
            user_id=user_id,
            title="Data Engineer",
            location="Berlin",
            remote="region",
            sources=["sample"],
            filters={},
            schedule_kind="daily",
            time_of_day="08:00",
            time_zone="Europe/Berlin",
            next_run_at=NEXT_RUN,
        )
        db.add(saved)
        db.flush()
        saved_id = saved.id

    page.goto("/")
    panel = page.get_by_role("region", name="Saved searches")
    expect(panel.get_by_role("heading", name="Saved searches")).to_be_visible()
    expect(panel).to_contain_text("Data Engineer in Berlin")
    expect(panel).to_contain_text("Every day at 08:00 (Europe/Berlin)")
    expect(panel).to_contain_text("Next run: Mon 3 Mar 2031, 08:00 CET")
    expect(panel).to_contain_text("Last result: Not run yet")
    expect_accessible(page, "the dashboard with a saved search")
    save_screenshot(page, "dashboard-saved-searches")

    panel.get_by_role("button", name="Run now: Data Engineer in Berlin").click()
    expect(page.locator("[data-sonner-toast]").filter(has_text="Search started.")).to_be_visible()
    expect(panel).to_contain_text("Last result: Queued")
    with session_scope(admin) as db:
        runs = db.scalars(select(Run).where(Run.user_id == user_id)).all()
        assert [r.params.get("saved_search_id") for r in runs] == [saved_id]
        # The run ends as a worker would end it: the panel follows live, no reload.
        run = runs[0]
        run.status = RunStatus.COMPLETED
        run.matched_count = 5
        run.params = {**run.params, "new_matches": 3}
    expect(panel).to_contain_text("Last result: 3 new matches")

    panel.get_by_role("button", name="Pause: Data Engineer in Berlin").click()
    expect(panel).to_contain_text("Next run: Paused")
    resume = panel.get_by_role("button", name="Resume: Data Engineer in Berlin")
    expect(resume).to_be_visible()
    with session_scope(admin) as db:
        row = db.get(SavedSearch, saved_id)
        assert row is not None
        assert (row.paused, row.next_run_at) == (True, None)
    # Toasts caught fading fail contrast whatever their colours (tests/e2e/axe.py).
    expect_accessible(page, "the dashboard with a paused saved search", exclude=(TOASTER,))

    panel.get_by_role("button", name="Delete: Data Engineer in Berlin").click()
    expect(page.get_by_role("region", name="Saved searches")).to_have_count(0)
    page.context.close()


def test_the_search_page_saves_a_search_in_the_browsers_time_zone(
    browser: Browser, saved_server: AppServer, admin: Engine
) -> None:
    page, user_id = member(browser, saved_server, admin, "bob-saved@example.org")
    page.goto("/search")
    expect(page.get_by_role("heading", name="Repeat this search")).to_be_visible()
    expect(page.get_by_label("Time zone", exact=True)).to_have_value("Europe/Berlin")
    page.get_by_label("Job title").fill("Analytics Engineer")
    page.get_by_label("Repeat", exact=True).click()
    page.get_by_role("option", name="Once a week").click()
    page.get_by_label("Weekday", exact=True).click()
    page.get_by_role("option", name="Wednesday").click()
    page.get_by_label("Time of day", exact=True).fill("07:30")
    expect_accessible(page, "the search page's repeat section", exclude=(TOASTER,))
    page.get_by_role("button", name="Save search").click()
    expect(page.get_by_text("Saved: Every Wednesday at 07:30 (Europe/Berlin)")).to_be_visible()
    with session_scope(admin) as db:
        [row] = db.scalars(select(SavedSearch).where(SavedSearch.user_id == user_id)).all()
        assert (row.title, row.schedule_kind, row.weekday, row.time_of_day, row.time_zone) == (
            "Analytics Engineer",
            "weekly",
            2,
            "07:30",
            "Europe/Berlin",
        )
    page.context.close()
