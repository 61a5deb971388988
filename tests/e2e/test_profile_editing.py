"""The profile shows every section it extracted and lets the person fix it: jobs,
education, certifications, languages and contacts edited, reordered, added and
removed, checked in words, saved and read back; a CV removed (after a
confirmation) rebuilds the profile from the other CVs with the person's edits
kept; a CV that names someone else waits for "Add anyway" or "Leave it out".

Each test has its own member (a user, profile and session cookie written straight
into the server's database), on the profiling server with its real worker."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Locator, Page, expect
from pypdf import PdfReader
from sqlalchemy import Engine, select

from jobagent_core.auth.cookies import COOKIE_NAME, sign
from jobagent_core.auth.sessions import create_session
from jobagent_core.db.base import new_id
from jobagent_core.db.engine import make_engine, session_scope
from jobagent_core.db.models import Document, User
from jobagent_core.profiling.documents import read_document
from jobagent_core.profiling.profile_store import apply_edits, merge_profile
from jobagent_core.profiling.schemas import (
    CertificationEntry,
    EducationEntry,
    ExperienceEntry,
    LanguageSkill,
    Profile,
)
from jobagent_core.storage import FileStore
from jobagent_ui.state.profiling_data import human_size
from tests import cv_fixtures
from tests.e2e.axe import expect_accessible
from tests.e2e.helpers import PHONE, expect_no_sideways_scroll, save_screenshot
from tests.e2e.servers import E2E_AUTH_SECRET, AppServer
from tests.llm_stub import LlmStub

pytestmark = pytest.mark.e2e

RUN_TIMEOUT_MS = 60_000
ZOE = cv_fixtures.DATA_ENGINEER
AMARA = cv_fixtures.ICU_NURSE

EXTRACTED = Profile(
    name=ZOE.name,
    email=ZOE.email,
    phone="+49 30 5550 1234",
    location="Berlin, Germany",
    skills=["SQL"],
    suggested_job_titles=["Data Engineer"],
    experience=[
        ExperienceEntry(
            title="Senior Data Engineer",
            employer="Acme Analytics",
            location="Berlin",
            start="2021-03",
            current=True,
        ),
        ExperienceEntry(
            title="Data Engineer",
            employer="Beta Logistics",
            location="Hamburg",
            start="2018-01",
            end="2021-02",
            bullets=["Built the nightly loads"],
        ),
    ],
    education=[
        EducationEntry(
            degree="M.Sc. Computer Science",
            field_of_study="Computer Science",
            institution="TU Berlin",
            start="2015",
            end="2017",
        )
    ],
    certifications=[
        CertificationEntry(name="Google Cloud Data Engineer", issuer="Google", date="2022-04")
    ],
    languages=[
        LanguageSkill(language="German", level="Native"),
        LanguageSkill(language="English", level="C1"),
    ],
)


@dataclass(frozen=True)
class Member:
    id: str
    cookie: str


@pytest.fixture(scope="module")
def admin(profiling_server: AppServer) -> Iterator[Engine]:
    engine = make_engine(profiling_server.database.admin_url)
    yield engine
    engine.dispose()


def make_member(engine: Engine, profile: dict[str, Any]) -> Member:
    """A user with access, `profile` stored as the profiling workflow stores it, and
    a session cookie for them."""
    with session_scope(engine) as db:
        user = User(
            name=ZOE.name,
            email=f"zoe-{new_id()[:8]}@example.org",
            email_verified=True,
            has_access=True,
            profile=profile,
        )
        db.add(user)
        db.flush()
        token = create_session(db, user.id).token
        return Member(id=user.id, cookie=sign(token, E2E_AUTH_SECRET))


def add_document(
    engine: Engine, server: AppServer, member: Member, filename: str, data: bytes
) -> str:
    """A stored CV, as an upload stores it: the file under the server's STORAGE_DIR
    and its row with the text read. Returns the file's path."""
    document = read_document(filename, data)
    store = FileStore(Path(server.env["STORAGE_DIR"]))
    key = store.put(data, document.suffix)
    with session_scope(engine) as db:
        db.add(
            Document(
                user_id=member.id,
                filename=document.filename,
                media_type=document.media_type,
                size_bytes=document.size,
                sha256=document.sha256,
                storage_key=key,
                text=document.text,
            )
        )
    return str(store.path(key))


def stored_profile(engine: Engine, member: Member) -> dict[str, Any]:
    with session_scope(engine) as db:
        profile = db.scalar(select(User.profile).where(User.id == member.id))
        assert profile is not None
        return dict(profile)


def document_names(engine: Engine, member: Member) -> list[str]:
    with session_scope(engine) as db:
        return list(db.scalars(select(Document.filename).where(Document.user_id == member.id)))


def open_page(browser: Browser, server: AppServer, member: Member, path: str) -> Page:
    context = browser.new_context(base_url=server.base_url)
    context.add_cookies([{"name": COOKIE_NAME, "value": member.cookie, "url": server.base_url}])
    page = context.new_page()
    page.goto(path)
    return page


def rows(page: Page, section: str) -> Locator:
    return page.get_by_role("list", name=section, exact=True).get_by_role("listitem")


def choose_files(page: Page, *paths: Path) -> None:
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Choose files").click()
    chooser.value.set_files(list(paths))


def test_every_section_is_shown_edited_checked_and_saved(
    browser: Browser, profiling_server: AppServer, admin: Engine
) -> None:
    member = make_member(admin, merge_profile(EXTRACTED, None, overwrite=False))
    page = open_page(browser, profiling_server, member, "/profile")
    expect(page).to_have_title("Profile · Job Agent")

    # Everything extracted is on the page.
    expect(page.get_by_label("E-mail", exact=True)).to_have_value(ZOE.email)
    expect(page.get_by_label("Phone", exact=True)).to_have_value("+49 30 5550 1234")
    jobs = rows(page, "Experience")
    expect(jobs).to_have_count(2)
    expect(jobs.nth(0).get_by_label("Job title")).to_have_value("Senior Data Engineer")
    expect(jobs.nth(0).get_by_label("Employer")).to_have_value("Acme Analytics")
    expect(jobs.nth(1).get_by_label("Started")).to_have_value("2018-01")
    expect(jobs.nth(1).get_by_label("What you did")).to_have_value("Built the nightly loads")
    degree = rows(page, "Education").nth(0)
    expect(degree.get_by_label("Degree")).to_have_value("M.Sc. Computer Science")
    expect(degree.get_by_label("Field of study")).to_have_value("Computer Science")
    expect(degree.get_by_label("Institution")).to_have_value("TU Berlin")
    certificates = rows(page, "Certifications and licences")
    expect(certificates.nth(0).get_by_label("Issued by")).to_have_value("Google")
    languages = rows(page, "Languages")
    expect(languages).to_have_count(2)
    expect(languages.nth(1).get_by_label("Level")).to_have_value("C1")
    save_screenshot(page, "profile-sections-desktop")
    expect_accessible(page)

    # Edit, reorder (by keyboard too), add and remove.
    page.get_by_label("Phone", exact=True).fill("+49 40 1234 5678")
    jobs.nth(1).get_by_label("What you did").fill(
        "Built the nightly loads\nCut cloud costs by a third"
    )
    move_up = page.get_by_role("button", name="Move Data Engineer up", exact=True)
    move_up.focus()
    page.keyboard.press("Enter")
    expect(jobs.nth(0).get_by_label("Job title")).to_have_value("Data Engineer")
    expect(page.get_by_role("button", name="Move Data Engineer up", exact=True)).to_be_disabled()
    page.get_by_role("button", name="Add job").click()
    expect(jobs).to_have_count(3)
    jobs.nth(2).get_by_label("Job title").fill("Working Student")
    jobs.nth(2).get_by_label("Employer").fill("Gamma GmbH")
    jobs.nth(2).get_by_label("Started").fill("2016")
    jobs.nth(2).get_by_label("Ended").fill("2017-09")
    page.get_by_role("button", name="Remove English", exact=True).click()
    expect(languages).to_have_count(1)
    page.get_by_role("button", name="Add certification").click()
    certificates.nth(1).get_by_label("Certificate or licence").fill("Driving licence, class B")
    certificates.nth(1).get_by_label("Obtained").fill("May 2012")

    # A date in words is refused on the server, explained, and nothing is stored.
    page.get_by_role("button", name="Save profile").click()
    problem = "Certification 2: write the date as a year (2019) or a year and month (2019-03)."
    expect(page.get_by_role("alert").filter(has_text=problem)).to_be_visible()
    assert stored_profile(admin, member)["phone"] == "+49 30 5550 1234"

    certificates.nth(1).get_by_label("Obtained").fill("2012-05")
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_text("Profile saved.")).to_be_visible()
    expect(page.get_by_role("alert").filter(has_text=problem)).to_have_count(0)

    saved = stored_profile(admin, member)
    assert saved["phone"] == "+49 40 1234 5678"
    assert [job["title"] for job in saved["experience"]] == [
        "Data Engineer",
        "Senior Data Engineer",
        "Working Student",
    ]
    assert saved["experience"][0]["bullets"] == [
        "Built the nightly loads",
        "Cut cloud costs by a third",
    ]
    assert saved["experience"][1]["current"] is True
    assert saved["experience"][2]["end"] == "2017-09"
    assert [lang["language"] for lang in saved["languages"]] == ["German"]
    assert saved["certifications"][1] == {
        "name": "Driving licence, class B",
        "issuer": None,
        "date": "2012-05",
    }
    assert set(saved["edited_fields"]) == {"phone", "experience", "languages", "certifications"}

    # Read back after a reload, and the onboarding review shows the same editor.
    page.reload()
    expect(jobs).to_have_count(3)
    expect(jobs.nth(0).get_by_label("Job title")).to_have_value("Data Engineer")
    expect(jobs.nth(2).get_by_label("Employer")).to_have_value("Gamma GmbH")
    expect(page.get_by_label("Phone", exact=True)).to_have_value("+49 40 1234 5678")
    expect(certificates.nth(1).get_by_label("Obtained")).to_have_value("2012-05")
    page.set_viewport_size(PHONE)
    expect_no_sideways_scroll(page)
    save_screenshot(page, "profile-sections-phone")

    page.goto("/onboarding")
    expect(page.get_by_role("heading", name="Check your profile")).to_be_visible()
    expect(rows(page, "Experience")).to_have_count(3)
    expect(rows(page, "Languages").nth(0).get_by_label("Language")).to_have_value("German")
    expect(page.get_by_label("E-mail", exact=True)).to_have_value(ZOE.email)


def test_a_removed_cv_rebuilds_the_profile_with_the_edits_kept(
    browser: Browser, profiling_server: AppServer, profiling_llm: LlmStub, admin: Engine
) -> None:
    extracted = EXTRACTED.model_copy(update={"skills": ["COBOL"]})
    edited = apply_edits(
        merge_profile(extracted, None, overwrite=False), {"location": "Hamburg, Germany"}
    )
    member = make_member(admin, edited)
    zoe_pdf = cv_fixtures.render_pdf(ZOE)
    add_document(admin, profiling_server, member, "zoe-cv.pdf", zoe_pdf)
    amara_txt = cv_fixtures.render_txt(AMARA).encode()
    amara_file = add_document(admin, profiling_server, member, "amara-cv.txt", amara_txt)
    page = open_page(browser, profiling_server, member, "/profile")

    documents = page.get_by_role("list", name="Uploaded CVs").get_by_role("listitem")
    expect(documents).to_have_count(2)
    expect(documents.filter(has_text="amara-cv.txt")).to_contain_text(
        f"Text · {human_size(len(amara_txt))} · uploaded"
    )
    pages = len(PdfReader(io.BytesIO(zoe_pdf)).pages)
    expect(documents.filter(has_text="zoe-cv.pdf")).to_contain_text(
        f"PDF · {human_size(len(zoe_pdf))} · {pages} page"
    )

    # Asked first; "Keep it" changes nothing.
    page.get_by_role("button", name="Remove amara-cv.txt").click()
    dialog = page.get_by_role("alertdialog", name="Remove amara-cv.txt?")
    expect(dialog).to_contain_text("The changes you made yourself are kept.")
    save_screenshot(page, "profile-remove-cv-desktop")
    expect_accessible(page)
    dialog.get_by_role("button", name="Keep it").click()
    expect(dialog).to_have_count(0)
    expect(documents).to_have_count(2)

    requests_before = len(profiling_llm.requests)
    page.get_by_role("button", name="Remove amara-cv.txt").click()
    dialog.get_by_role("button", name="Remove and rebuild").click()
    expect(documents).to_have_count(1)
    expect(documents).to_contain_text("zoe-cv.pdf")
    expect(page.get_by_text("Your profile below was updated from your CVs.")).to_be_visible(
        timeout=RUN_TIMEOUT_MS
    )
    # Rebuilt: the skill only the old profile had is gone, the edited location stays.
    skills = page.get_by_role("list", name="Skills")
    expect(skills.get_by_text("COBOL")).to_have_count(0)
    expect(skills).to_contain_text("SQL")
    expect(page.get_by_label("Location", exact=True)).to_have_value("Hamburg, Germany")
    assert document_names(admin, member) == ["zoe-cv.pdf"]
    assert not Path(amara_file).exists()  # the file went with its row
    # The model was shown the remaining CV only.
    prompts = [
        str(message.get("content"))
        for request in profiling_llm.requests[requests_before:]
        for message in request.messages
    ]
    assert any(ZOE.email in prompt for prompt in prompts)
    assert not any(AMARA.email in prompt for prompt in prompts)

    # The last CV cannot be removed: nothing would be left to rebuild from.
    page.get_by_role("button", name="Remove zoe-cv.pdf").click()
    dialog = page.get_by_role("alertdialog", name="Remove zoe-cv.pdf?")
    dialog.get_by_role("button", name="Remove and rebuild").click()
    expect(page.get_by_text("This is your only CV: add another one first")).to_be_visible()
    expect(documents).to_have_count(1)
    assert document_names(admin, member) == ["zoe-cv.pdf"]


def test_a_cv_naming_someone_else_waits_for_an_answer(
    browser: Browser, profiling_server: AppServer, admin: Engine, tmp_path: Path
) -> None:
    member = make_member(admin, merge_profile(EXTRACTED, None, overwrite=False))
    theirs = tmp_path / "amara-cv.pdf"
    theirs.write_bytes(cv_fixtures.render_pdf(AMARA))
    mine = tmp_path / "zoe-cv.txt"
    mine.write_text(cv_fixtures.render_txt(ZOE))
    page = open_page(browser, profiling_server, member, "/profile")
    rerun = page.get_by_role("button", name="Re-run profiling")
    expect(rerun).to_be_disabled()

    choose_files(page, theirs, mine)
    chosen = page.get_by_role("list", name="Chosen files").get_by_role("listitem")
    expect(chosen).to_have_count(2)
    asked = chosen.filter(has_text="amara-cv.pdf")
    expect(asked).to_have_attribute("data-state", "question")
    expect(asked).to_contain_text(
        "This CV seems to belong to someone else (name on the CV: Amara Okafor) — add it anyway?"
    )
    expect(chosen.filter(has_text="zoe-cv.txt")).to_have_attribute("data-state", "ready")
    expect(rerun).to_be_disabled()  # not before the question is answered
    save_screenshot(page, "profile-other-person-desktop")
    expect_accessible(page)

    page.get_by_role("button", name="Leave it out: amara-cv.pdf").click()
    expect(chosen).to_have_count(1)
    expect(chosen).to_contain_text("zoe-cv.txt")
    expect(rerun).to_be_enabled()

    choose_files(page, theirs)
    expect(asked).to_have_attribute("data-state", "question")
    expect(rerun).to_be_disabled()
    page.get_by_role("button", name="Add anyway: amara-cv.pdf").click()
    expect(asked).to_have_attribute("data-state", "ready")
    expect(asked).not_to_contain_text("belong to someone else")
    expect(rerun).to_be_enabled()
    assert document_names(admin, member) == []  # nothing is stored before "Re-run"


def test_unsaved_profile_edits_ask_before_leaving_and_survive_a_reconnect(
    browser: Browser, profiling_server: AppServer, admin: Engine
) -> None:
    """Like a letter: a link away asks first, Stay keeps the edits, a dropped
    connection (which loads the page again) keeps them, Save stores them and then
    nothing is asked; Leave discards them."""
    member = make_member(admin, merge_profile(EXTRACTED, None, overwrite=False))
    page = open_page(browser, profiling_server, member, "/profile")
    name = page.get_by_label("Name", exact=True)
    expect(name).to_have_value(ZOE.name)
    dialog = page.get_by_role("alertdialog", name="Leave without saving?")
    nav = page.get_by_role("navigation", name="Main")

    name.click()
    name.fill("Zoe Edited")
    expect(page.get_by_text("Unsaved changes")).to_be_visible()
    nav.get_by_role("link", name="Dashboard").click()
    expect(dialog).to_contain_text("You have unsaved changes to your profile.")
    dialog.get_by_role("button", name="Stay").click()
    expect(dialog).to_have_count(0)
    expect(page).to_have_url(re.compile(r"/profile/?$"))
    expect(name).to_have_value("Zoe Edited")

    # A reconnect runs the page's on_load again; a CV listed meanwhile shows that it did.
    add_document(admin, profiling_server, member, "later.txt", cv_fixtures.render_txt(ZOE).encode())
    page.evaluate("window.dispatchEvent(new PageTransitionEvent('pagehide'))")
    page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    expect(page.get_by_text("later.txt")).to_be_visible()
    expect(name).to_have_value("Zoe Edited")
    expect(page.get_by_text("Unsaved changes")).to_be_visible()

    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_text("Profile saved.")).to_be_visible()
    expect(page.get_by_text("Unsaved changes")).to_have_count(0)
    assert stored_profile(admin, member)["name"] == "Zoe Edited"

    # Leave discards: back on the page, what is stored shows.
    name.fill("Not kept")
    expect(page.get_by_text("Unsaved changes")).to_be_visible()
    nav.get_by_role("link", name="Dashboard").click()
    dialog.get_by_role("button", name="Leave").click()
    expect(page).to_have_url(re.compile(r"/$"))
    nav.get_by_role("link", name="Profile").click()
    expect(page.get_by_label("Name", exact=True)).to_have_value("Zoe Edited")
    expect(page.get_by_text("Unsaved changes")).to_have_count(0)
    assert stored_profile(admin, member)["name"] == "Zoe Edited"
    page.context.close()
