"""No page of another origin can act as the signed-in person.

A real browser holds the victim's session cookie for the app. A page from a
sibling origin — another port on localhost, which is the same *site* so the Lax
cookie goes along, and 127.0.0.1, another site — then tries what an attacker
would: read the session, start a search, plant a CV, download a letter, open the
app's websocket. The same script run from the app's own pages does all of it,
which shows the attempts are real ones.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session as OrmSession

from jobagent_core.auth.cookies import COOKIE_NAME
from jobagent_core.db.base import new_id
from jobagent_core.db.engine import session_scope
from jobagent_core.db.enums import RunKind, RunStatus
from jobagent_core.db.models import Artifact, Document, JobPosting, JobSearch, MatchedJob, Run
from jobagent_core.services.downloads import download_path
from tests.e2e.servers import AppServer
from tests.security.conftest import Person, make_person

pytestmark = pytest.mark.e2e

LETTER_SECRET = "Only-the-victim-may-read-this letter"
PLANTED_CV = "\n".join(
    [
        "Mallory Planter",
        "mallory@attacker.example · Leeds, UK",
        "Experience",
        "Locksmith, Open Doors Ltd, 2015 – 2024",
        "- Opened doors for customers across West Yorkshire.",
        "Skills: lock picking, key cutting, customer service, safes.",
        "Education",
        "City & Guilds Level 3 Locksmithing, Leeds College, 2014",
    ]
)

# Runs in a page; every attempt reports what the page could see, or "blocked".
ATTEMPTS_JS = """
async ({base, download, cv: PLANTED_CV}) => {
  const out = {};
  const attempt = async (name, fn) => {
    try { out[name] = await fn(); } catch (err) { out[name] = "blocked: " + err.name; }
  };
  const opts = {credentials: "include"};
  await attempt("session", async () =>
    (await fetch(base + "/api/auth/get-session", opts)).text());
  await attempt("search", async () => {
    const response = await fetch(base + "/workflow/job-search", {...opts, method: "POST",
      headers: {"content-type": "application/json"},
      body: JSON.stringify({title: "Planted search"})});
    return response.status + " " + await response.text();
  });
  await attempt("upload", async () => {
    const form = new FormData();
    form.append("files", new Blob([PLANTED_CV], {type: "text/plain"}), "planted.txt");
    const response = await fetch(base + "/workflow/profiling",
                                 {...opts, method: "POST", body: form, mode: "no-cors"});
    return response.type + " " + response.status;
  });
  await attempt("download", async () => (await fetch(base + download, opts)).text());
  await attempt("websocket", () => new Promise((resolve) => {
    const socket = new WebSocket(base.replace("http", "ws") + "/_event/?EIO=4&transport=websocket");
    socket.onmessage = () => { socket.close(); resolve("open"); };
    socket.onerror = () => resolve("blocked");
    setTimeout(() => resolve("no answer"), 5000);
  }));
  return out;
}
"""


def seed_letter(engine: Engine, user_id: str) -> str:
    """A match of `user_id` with a cover letter; returns the match id."""
    with session_scope(engine) as db:
        search = JobSearch(user_id=user_id, title="Analyst", location="Leeds")
        db.add(search)
        db.flush()
        run = Run(
            user_id=user_id,
            kind=RunKind.JOB_SEARCH,
            status=RunStatus.COMPLETED,
            job_search_id=search.id,
        )
        posting = JobPosting(
            source="sample",
            source_id=new_id(),
            dedupe_key=new_id(),
            title="Analyst",
            company="Acme",
            company_key="acme",
            description_text="Analyst at Acme.",
        )
        db.add_all([run, posting])
        db.flush()
        match = MatchedJob(
            user_id=user_id, job_posting_id=posting.id, run_id=run.id, score=80.0, reason="fit"
        )
        db.add(match)
        db.flush()
        db.add(
            Artifact(
                user_id=user_id,
                matched_job_id=match.id,
                cover_letter_md=LETTER_SECRET,
                generated_cover_letter_md=LETTER_SECRET,
            )
        )
        return match.id


def attempts_from(
    browser: Browser, victim: Person, server: AppServer, page_url: str, match_id: str
) -> dict[str, Any]:
    """Run the attempts from a page at `page_url` in a browser holding the victim's cookie."""
    context = browser.new_context()
    try:
        context.add_cookies(
            [{"name": COOKIE_NAME, "value": victim.cookie_value, "url": server.base_url}]
        )
        page = context.new_page()
        page.goto(page_url)
        download = download_path(match_id, "cover_letter_md")
        result: dict[str, Any] = page.evaluate(
            ATTEMPTS_JS, {"base": server.base_url, "download": download, "cv": PLANTED_CV}
        )
        return result
    finally:
        context.close()


def planted(engine: Engine, user_id: str) -> tuple[int, int]:
    """(searches titled "Planted search", documents) of the user."""
    with OrmSession(engine) as db:
        searches = db.scalar(
            select(func.count())
            .select_from(JobSearch)
            .where(JobSearch.user_id == user_id, JobSearch.title == "Planted search")
        )
        documents = db.scalar(
            select(func.count()).select_from(Document).where(Document.user_id == user_id)
        )
        return int(searches or 0), int(documents or 0)


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1"], ids=["same-site", "cross-site"])
def test_a_sibling_page_cannot_act_as_the_signed_in_person(
    browser: Browser,
    security_server: AppServer,
    security_admin: Engine,
    sibling_site: int,
    host: str,
) -> None:
    victim = make_person(security_admin)
    match_id = seed_letter(security_admin, victim.id)

    seen = attempts_from(
        browser, victim, security_server, f"http://{host}:{sibling_site}/", match_id
    )

    assert seen["session"].startswith("blocked"), seen
    assert seen["search"].startswith("blocked"), seen
    assert seen["download"].startswith("blocked"), seen
    assert seen["websocket"] != "open", seen
    assert victim.email not in str(seen)
    assert LETTER_SECRET not in str(seen)
    # The no-cors upload is opaque to the page; what counts is that nothing landed.
    assert planted(security_admin, victim.id) == (0, 0)


def test_the_apps_own_pages_can_do_all_of_it(
    browser: Browser, security_server: AppServer, security_admin: Engine
) -> None:
    """The control: the same script from the app's origin reaches everything."""
    victim = make_person(security_admin)
    match_id = seed_letter(security_admin, victim.id)

    seen = attempts_from(
        browser, victim, security_server, security_server.url("/sign-in"), match_id
    )

    assert victim.email in seen["session"]
    assert seen["search"].startswith("202 "), seen
    assert seen["download"] == LETTER_SECRET
    assert seen["websocket"] == "open"
    assert planted(security_admin, victim.id)[0] == 1
