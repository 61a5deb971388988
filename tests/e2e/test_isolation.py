"""Two people on one server: the second cannot reach the first one's match, run or
files — not by URL in the browser (a "Not found" page, an empty list), not over
HTTP (404) — and none of their pages shows anything of the first person's.

Every state handler that takes an id from the browser (a match id in the URL, a
run id in the query, a token id from a Revoke button, run ids followed on the
search page) is also called, through the function it runs, with the other
person's ids."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session as OrmSession

from jobagent_core.auth.api_tokens import create_token
from jobagent_core.db.engine import make_engine, session_scope
from jobagent_core.db.enums import RunKind, RunStatus
from jobagent_core.db.models import ApiToken, Artifact, JobPosting, JobSearch, MatchedJob, Run, User
from jobagent_core.discovery.schema import PostingData
from jobagent_core.fabrication import (
    render_docx,
    render_markdown,
    render_pdf,
    tailor_cv,
    write_cover_letter_offline,
)
from jobagent_core.profiling.schemas import ExperienceEntry, Profile
from jobagent_core.services import account as settings_data
from jobagent_core.services import letters as letters_data
from jobagent_core.services import match_detail as detail_data
from jobagent_core.services import matches as matches_data
from jobagent_core.services import searches as search_data
from jobagent_core.services.downloads import download_path
from jobagent_core.storage import FileStore
from jobagent_core.tracking.downloads import DOWNLOAD_KINDS
from jobagent_core.tracking.errors import MatchNotFound
from jobagent_core.tracking.matches import MatchFilters
from tests.e2e.helpers import expect_at, save_screenshot
from tests.e2e.servers import AppServer
from tests.worker_support import configure, reset_caches

pytestmark = pytest.mark.e2e

ADA_SUB, GRACE_SUB = "google-sub-ada", "google-sub-grace"
# Strings only Ada's data holds: none may appear anywhere Grace looks.
SECRET_TITLE = "Zanzibar Quantum Archivist"
SECRET_COMPANY = "Lovelace Secret Engines"
SECRET_SEARCH = "Analytical Engine Whisperer"
SECRET_TOKEN = "ada-private-script"
SECRETS = (SECRET_TITLE, SECRET_COMPANY, SECRET_SEARCH, SECRET_TOKEN)
PROFILE = Profile(
    name="Ada Lovelace",
    email="ada@example.org",
    location="London, United Kingdom",
    skills=["Mathematics", "Python"],
    experience=[ExperienceEntry(title="Analyst", employer="Babbage & Co", current=True)],
    suggested_job_titles=[SECRET_SEARCH],
)


@dataclass(frozen=True)
class AdaData:
    user_id: str
    match_id: str
    run_id: str
    token_id: str


@pytest.fixture(scope="module")
def isolation_server(
    start_module_server: Callable[..., AppServer],
    oidc_provider_url: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> AppServer:
    data = tmp_path_factory.mktemp("isolation-data")
    return start_module_server(
        {
            "GOOGLE_CLIENT_ID": "job-agent-test",
            "GOOGLE_CLIENT_SECRET": "e2e-client-secret",
            "GOOGLE_DISCOVERY_URL": f"{oidc_provider_url}/.well-known/openid-configuration",
            "STORAGE_DIR": str(data / "storage"),
            "QUEUE_DIR": str(data / "queue"),
        },
        name="isolation",
    )


@pytest.fixture(scope="module")
def admin(isolation_server: AppServer) -> Iterator[Engine]:
    engine = make_engine(isolation_server.database.admin_url)
    yield engine
    engine.dispose()


def sign_in(context: BrowserContext, server: AppServer, sub: str) -> Page:
    page = context.new_page()
    page.goto(server.url("/settings"))
    page.get_by_role("link", name="Continue with Google").click()
    page.get_by_role("button", name=sub, exact=True).click()
    expect_at(page, server, "/settings")
    expect(page.get_by_role("heading", name="Settings", level=1)).to_be_visible()
    return page


def seed_ada(engine: Engine, server: AppServer) -> AdaData:
    """A search, its run, a match with its letter and CV files, and an API token."""
    store = FileStore(Path(server.env["STORAGE_DIR"]))
    with session_scope(engine) as db:
        ada = db.scalars(select(User).where(User.email == "ada@example.org")).one()
        ada.profile = PROFILE.model_dump(mode="json")
        ada.suggested_job_titles = list(PROFILE.suggested_job_titles)
        search = JobSearch(user_id=ada.id, title=SECRET_SEARCH, location="London")
        db.add(search)
        db.flush()
        run = Run(
            user_id=ada.id,
            kind=RunKind.JOB_SEARCH,
            status=RunStatus.COMPLETED,
            job_search_id=search.id,
            matched_count=1,
        )
        posting = JobPosting(
            source="sample",
            source_id="isolation-1",
            dedupe_key="isolation-1",
            title=SECRET_TITLE,
            company=SECRET_COMPANY,
            company_key="lovelace-secret-engines",
            location="London, United Kingdom",
            description_text=f"{SECRET_TITLE} at {SECRET_COMPANY}. Mathematics and Python.",
            language="en",
        )
        db.add_all([run, posting])
        db.flush()
        match = MatchedJob(
            user_id=ada.id,
            job_posting_id=posting.id,
            run_id=run.id,
            score=91.0,
            reason=f"Ada fits {SECRET_TITLE}",
            fabrication_status="done",
        )
        db.add(match)
        db.flush()
        run.params = {"match_ids": [match.id]}
        data = PostingData.model_validate(
            {k: getattr(posting, k) for k in PostingData.model_fields if hasattr(posting, k)}
        )
        letter = write_cover_letter_offline(
            PROFILE, data, matched_skills=["Python"], research_summary=None, today=date(2026, 3, 1)
        )
        cv = tailor_cv(PROFILE, data, ["Python"])
        db.add(
            Artifact(
                user_id=ada.id,
                matched_job_id=match.id,
                cover_letter=letter.model_dump(mode="json"),
                cover_letter_md=render_markdown(letter),
                generated_cover_letter_md=render_markdown(letter),
                cv=cv.model_dump(mode="json"),
                cv_md=render_markdown(cv),
                cover_letter_pdf_key=store.put(render_pdf(letter), ".pdf"),
                cover_letter_docx_key=store.put(render_docx(letter), ".docx"),
                cv_pdf_key=store.put(render_pdf(cv), ".pdf"),
                cv_docx_key=store.put(render_docx(cv), ".docx"),
            )
        )
        token, _ = create_token(db, ada.id, SECRET_TOKEN)
        return AdaData(ada.id, match.id, run.id, token.id)


def page_text(page: Page) -> str:
    """The page's text once its data has loaded (no "Loading…" panel left)."""
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_role("status").filter(has_text=re.compile("^Loading"))).to_have_count(0)
    return page.locator("body").inner_text()


def shows_nothing_of_ada(page: Page) -> None:
    text = page_text(page)
    for secret in SECRETS:
        assert secret not in text, f"{secret!r} shown on {page.url}"


def ada_unchanged(engine: Engine, ada: AdaData) -> None:
    with OrmSession(engine) as db:
        match = db.get(MatchedJob, ada.match_id)
        assert match is not None
        assert match.application_stage == "new"
        assert match.notes is None
        artifact = db.scalars(select(Artifact).where(Artifact.matched_job_id == ada.match_id)).one()
        assert artifact.cover_letter_md == artifact.generated_cover_letter_md
        token = db.get(ApiToken, ada.token_id)
        assert token is not None
        assert token.revoked_at is None


@pytest.fixture(scope="module")
def two_people(
    browser: Browser, isolation_server: AppServer, admin: Engine
) -> Iterator[tuple[Page, Page, AdaData]]:
    ada_context, grace_context = browser.new_context(), browser.new_context()
    ada_page = sign_in(ada_context, isolation_server, ADA_SUB)
    ada = seed_ada(admin, isolation_server)
    grace_page = sign_in(grace_context, isolation_server, GRACE_SUB)
    yield ada_page, grace_page, ada
    ada_context.close()
    grace_context.close()


def test_the_owner_sees_their_match_and_files(
    two_people: tuple[Page, Page, AdaData], isolation_server: AppServer
) -> None:
    ada_page, _, ada = two_people
    ada_page.goto(isolation_server.url(f"/matches/{ada.match_id}"))
    expect(ada_page.get_by_role("heading", name=SECRET_TITLE, level=1)).to_be_visible()
    for kind in DOWNLOAD_KINDS:
        response = ada_page.request.get(isolation_server.url(download_path(ada.match_id, kind)))
        assert response.status == 200, kind
    status = ada_page.request.get(isolation_server.url(f"/workflow/status/{ada.run_id}"))
    assert status.status == 200


def test_another_person_gets_not_found_for_the_urls(
    two_people: tuple[Page, Page, AdaData], isolation_server: AppServer, admin: Engine
) -> None:
    _, page, ada = two_people
    page.goto(isolation_server.url(f"/matches/{ada.match_id}"))
    expect(page.get_by_role("heading", name="Not found", level=1)).to_be_visible()
    expect(page.get_by_text("There is no such match")).to_be_visible()
    expect(page.get_by_label("Cover letter", exact=True)).to_have_count(0)
    shows_nothing_of_ada(page)
    save_screenshot(page, "isolation-not-found-desktop")

    page.goto(isolation_server.url(f"/matches?run={ada.run_id}"))
    expect(page.get_by_role("heading", name="No matches fit these filters")).to_be_visible()
    shows_nothing_of_ada(page)

    for kind in DOWNLOAD_KINDS:
        response = page.request.get(isolation_server.url(download_path(ada.match_id, kind)))
        assert response.status == 404, kind
        assert SECRET_COMPANY.encode() not in response.body()
    status = page.request.get(isolation_server.url(f"/workflow/status/{ada.run_id}"))
    assert status.status == 404
    ada_unchanged(admin, ada)


# (page, what Ada sees there of her own, what Grace sees once her data has loaded)
PAGES = [
    ("/", SECRET_SEARCH, "Upload your CV"),  # Grace has no profile: onboarding
    ("/search", SECRET_SEARCH, "What and where"),
    ("/matches", SECRET_TITLE, "No matches yet"),
    # Ada's match is new: the board counts it rather than showing it as a card.
    ("/applications", "1 new match is not on the board yet", "No applications yet"),
    ("/settings", SECRET_TOKEN, "No tokens yet."),
]


@pytest.mark.parametrize(("path", "own_data", "loaded"), PAGES)
def test_another_persons_pages_show_nothing_of_the_first(
    two_people: tuple[Page, Page, AdaData],
    isolation_server: AppServer,
    path: str,
    own_data: str,
    loaded: str,
) -> None:
    ada_page, page, _ = two_people
    ada_page.goto(isolation_server.url(path))
    # The control: the same page does show its owner's data.
    expect(ada_page.locator("body")).to_contain_text(own_data)
    page.goto(isolation_server.url(path))
    expect(page.get_by_text(loaded, exact=True).first).to_be_visible()
    shows_nothing_of_ada(page)


@pytest.fixture
def on_server_database(
    isolation_server: AppServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> Iterator[None]:
    """The handlers' blocking functions, pointed at the server's database."""
    configure(monkeypatch, isolation_server.database, tmp_path)
    yield
    monkeypatch.undo()
    reset_caches()


@pytest.mark.usefixtures("on_server_database")
def test_each_handler_given_another_persons_id_finds_nothing(
    two_people: tuple[Page, Page, AdaData], admin: Engine
) -> None:
    _, _, ada = two_people
    with OrmSession(admin) as db:
        grace = db.scalars(select(User).where(User.email == "grace@navy.example")).one().id
    match_id, run_id = ada.match_id, ada.run_id

    # /matches/[match_id]: the id is the URL's.
    assert detail_data.load_detail(grace, match_id) is None
    assert detail_data.load_detail(ada.user_id, match_id) is not None  # the control
    for attempt in (
        lambda: letters_data.save(grace, match_id, "Grace was here."),
        lambda: letters_data.revert(grace, match_id),
        lambda: letters_data.regenerate(grace, match_id),
        lambda: detail_data.track(grace, match_id, "rejected", "not yours"),
    ):
        with pytest.raises(MatchNotFound):
            attempt()

    # /matches?run=<id>: the run id is the query's.
    listing = matches_data.load_listing(grace, MatchFilters(run_id=run_id), "score", None, True)
    assert listing.cards == []
    assert listing.total == 0
    runs, _ = matches_data.load_options(grace)
    assert run_id not in {option.value for option in runs}

    # /search follows the runs it started by id.
    assert search_data.load_runs(grace, [run_id]) == []
    assert [card.id for card in search_data.load_runs(ada.user_id, [run_id])] == [run_id]

    # /applications: the board lists by stage and moves a card by its id.
    board = matches_data.load_kanban(grace, "score")
    assert all(column.cards == [] for column in board.columns)
    with pytest.raises(MatchNotFound):
        matches_data.move_card(grace, match_id, "rejected")
    # /settings revokes a token by its id.
    revoked, tokens = settings_data.revoke(grace, ada.token_id)
    assert not revoked
    assert ada.token_id not in {token.id for token in tokens}

    ada_unchanged(admin, ada)
