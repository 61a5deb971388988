"""Steps and checks the e2e tests share."""

from __future__ import annotations

import json
import os
import re

from playwright.sync_api import Page, ViewportSize, expect

from tests.cv_fixtures import CV
from tests.e2e.servers import REPO_ROOT, AppServer

ARTIFACTS = REPO_ROOT / "test-artifacts"
PHONE: ViewportSize = {"width": 375, "height": 812}


def save_screenshot(page: Page, name: str) -> None:
    """A full-page PNG in test-artifacts/ (gitignored), for a person to look at, when
    E2E_SCREENSHOTS=1: the suite's 45 of them cost it about 15 s of CPU otherwise."""
    if os.environ.get("E2E_SCREENSHOTS") != "1":
        return
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{name}.png", full_page=True)


def expect_at(page: Page, server: AppServer, path: str) -> None:
    """The browser shows `path` (with exactly this query, if any) of `server`.

    The static server answers "/sign-in" with a redirect to "/sign-in/" on a full
    page load (client-side routing keeps the bare path): both are accepted.
    """
    route, sep, query = path.partition("?")
    slash = "" if route.endswith("/") else "/?"
    pattern = re.escape(server.url(route)) + slash + re.escape(sep + query) + "$"
    expect(page).to_have_url(re.compile(pattern))


def expect_no_sideways_scroll(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    viewport = page.viewport_size
    assert viewport is not None
    assert width <= viewport["width"], f"page is {width}px wide"


def sign_in_locally(page: Page, server: AppServer, wanted: str = "/") -> None:
    """Open `wanted`, get sent to sign-in, continue as the local user."""
    page.goto(server.url(wanted))
    expect(page).to_have_title("Sign in · Job Agent")
    page.get_by_role("button", name="Continue as local user").click()


def profile_reply(cv: CV) -> str:
    """The profile JSON a language model would give for `cv` (the LLM stub's answer)."""
    links = {link.label.lower(): link.url for link in cv.links}
    profile = {
        "name": cv.name,
        "email": cv.email,
        "phone": cv.phone,
        "links": {
            "linkedin": links.get("linkedin"),
            "github": links.get("github"),
            "portfolio": None,
            "other": [],
        },
        "location": cv.location,
        "summary": cv.summary,
        "skills": list(cv.skills),
        "experience": [
            {"title": job.title, "employer": job.employer, "location": job.location or None}
            for job in cv.experience
        ],
        "education": [
            {"degree": school.degree, "institution": school.institution} for school in cv.education
        ],
        "languages": [],
        "suggested_job_titles": list(dict.fromkeys([cv.headline, *cv.target_titles])),
    }
    return json.dumps(profile)
