""" "Add a posting" end to end on PostgreSQL: the web side (`services.added_postings`,
the HTTP API) commits and queues a `posting` run; the worker's entry point
(`dispatch.execute_run`) then reads the posting — a page served on 127.0.0.1, a
Greenhouse job from the recorded board API (tests/job_board_server.py), or pasted
text — screens it, researches the company and writes the letter and CV.

Loopback pages are reachable only because these tests set FETCH_ALLOW_LOOPBACK, the
guard's test switch (the one test without it shows the guard refusing them), and
BOARD_API_BASE_URLS points Greenhouse's API at the local recordings. Offline
screening and writing (no LLM); nothing of ours is mocked.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session as OrmSession
from starlette.testclient import TestClient

from jobagent_core.config import get_settings
from jobagent_core.db.enums import RunKind, RunStatus, StepStatus
from jobagent_core.db.models import Artifact, JobPosting, MatchedJob, Run, User
from jobagent_core.discovery.posting_reader import UnreadablePosting, read_linked_posting
from jobagent_core.profiling.offline import extract_profile
from jobagent_core.profiling.profile_store import merge_profile
from jobagent_core.research.url_guard import FetchPolicy
from jobagent_core.services.added_postings import (
    AddPostingRequest,
    NoProfileYet,
    add_posting,
    load_added_posting,
)
from jobagent_core.storage import FileStore
from jobagent_core.workflows.dispatch import execute_run
from tests import cv_fixtures
from tests.api_support import api_client, token_for
from tests.conftest import PostgresDatabase
from tests.job_board_server import JobBoardServer, Reply
from tests.job_board_server import job_board_server as job_board_server
from tests.page_server import PageServer, jsonld_page
from tests.worker_support import configure

pytestmark = pytest.mark.integration

GREENHOUSE_JOB = "https://job-boards.greenhouse.io/acme/jobs/4012345001?gh_src=li"
DATA_ENGINEER_JOB = {
    "@context": "https://schema.org",
    "@type": "JobPosting",
    "title": "Senior Data Engineer",
    "datePosted": "2024-05-02",
    "employmentType": "FULL_TIME",
    "hiringOrganization": {"@type": "Organization", "name": "Nordwind Analytics GmbH"},
    "jobLocation": {
        "@type": "Place",
        "address": {"addressLocality": "Berlin", "addressCountry": "Germany"},
    },
    "baseSalary": {
        "@type": "MonetaryAmount",
        "currency": "EUR",
        "value": {"minValue": 75000, "maxValue": 95000, "unitText": "YEAR"},
    },
    "description": (
        "<p>Nordwind Analytics builds the data platform behind logistics planning.</p>"
        "<h3>What you will do</h3><ul><li>Build batch and streaming pipelines with Python, "
        "Apache Spark and Kafka</li><li>Model the warehouse in dbt and BigQuery</li>"
        "<li>Run Airflow and mentor two data engineers</li></ul>"
        "<h3>What you bring</h3><ul><li>5+ years in data engineering</li>"
        "<li>Strong SQL and Python</li></ul>"
    ),
}
PASTED = """Senior Data Engineer
Company: Havel Data GmbH
Location: Berlin, Germany

Havel Data runs the data platform of a Berlin e-commerce group.
You build batch and streaming pipelines in Python and SQL with Airflow and Kafka,
model the warehouse with dbt, and mentor two junior engineers.
Requirements: 5+ years of data engineering, strong Python and SQL, dbt, Spark.
"""


# -- people and runs ------------------------------------------------------------------------


@pytest.fixture
def site() -> Iterator[PageServer]:
    with PageServer() as server:
        yield server


@pytest.fixture
def env(
    monkeypatch: pytest.MonkeyPatch,
    pg_database: PostgresDatabase,
    tmp_path: Path,
    job_board_server: JobBoardServer,
) -> Path:
    configure(
        monkeypatch,
        pg_database,
        tmp_path,
        FETCH_ALLOW_LOOPBACK="true",
        BOARD_API_BASE_URLS=f"greenhouse={job_board_server.base_url}",
    )
    return tmp_path / "storage"


def person(engine: Engine, persona: cv_fixtures.CV, email: str) -> str:
    profile = extract_profile(cv_fixtures.render_txt(persona))
    with OrmSession(engine) as db:
        user = User(name=persona.name, email=email, email_verified=True)
        user.profile = merge_profile(profile, None, overwrite=True)
        db.add(user)
        db.commit()
        return user.id


def add_and_run(user_id: str, **request: Any) -> str:
    started = add_posting(user_id, AddPostingRequest(**request))
    assert not started.queue_refused
    assert execute_run(started.run_id) is not None
    return started.run_id


def run_row(engine: Engine, run_id: str) -> Run:
    with OrmSession(engine) as db:
        run = db.get(Run, run_id)
        assert run is not None
        return run


def the_match(engine: Engine, run: Run) -> tuple[MatchedJob, JobPosting, Artifact]:
    (match_id,) = run.params["match_ids"]
    with OrmSession(engine) as db:
        match = db.get(MatchedJob, match_id)
        assert match is not None
        posting = db.get(JobPosting, match.job_posting_id)
        artifact = db.scalars(select(Artifact).where(Artifact.matched_job_id == match_id)).one()
        assert posting is not None
        return match, posting, artifact


def assert_written(storage: Path, match: MatchedJob, artifact: Artifact) -> None:
    assert match.research_status == StepStatus.DONE
    assert match.company_research_id is not None
    assert match.fabrication_status == StepStatus.DONE
    assert artifact.cover_letter_md.strip()
    assert artifact.cv_md.strip()
    store = FileStore(storage)
    for key in (
        artifact.cover_letter_pdf_key,
        artifact.cover_letter_docx_key,
        artifact.cv_pdf_key,
        artifact.cv_docx_key,
    ):
        assert key is not None
        assert store.read(key)[:4] in (b"%PDF", b"PK\x03\x04")


# -- by link -----------------------------------------------------------------------------------


def test_a_page_with_jsonld_becomes_a_written_match(
    env: Path, pg_engine: Engine, site: PageServer
) -> None:
    zoe = person(pg_engine, cv_fixtures.DATA_ENGINEER, "zoe@example.org")
    url = site.serve_html("/careers/senior-data-engineer", jsonld_page(DATA_ENGINEER_JOB))
    run_id = add_and_run(zoe, url=url + "?utm_source=newsletter")

    run = run_row(pg_engine, run_id)
    assert run.error_message is None, run.error_message
    assert (run.kind, run.status) == (RunKind.POSTING, RunStatus.COMPLETED)
    assert [s["label"] for s in run.steps] == [
        "Reading the posting",
        "Scoring and screening",
        "Researching the company",
        "Writing the application",
    ]
    assert (run.found_count, run.screened_count, run.matched_count) == (1, 1, 1)
    assert (run.research_done, run.fabrication_done) == (1, 1)
    match, posting, artifact = the_match(pg_engine, run)
    assert (posting.source, posting.source_id) == ("added", url)  # tracking dropped
    assert (posting.title, posting.company) == ("Senior Data Engineer", "Nordwind Analytics GmbH")
    assert (posting.salary_min, posting.salary_max, posting.salary_currency) == (
        75000,
        95000,
        "EUR",
    )
    assert "Airflow" in posting.description_text
    assert match.score >= 60
    assert match.reasons
    assert any("BigQuery" in gap or "Spark" in gap for gap in match.gaps), match.gaps
    assert_written(env, match, artifact)
    assert "Nordwind" in artifact.cover_letter_md

    view = load_added_posting(zoe, run_id)
    assert view is not None
    assert (view.match_id, view.title, view.unreadable) == (match.id, posting.title, False)


def test_a_greenhouse_link_is_read_through_the_board_api(
    env: Path, pg_engine: Engine, job_board_server: JobBoardServer
) -> None:
    zoe = person(pg_engine, cv_fixtures.DATA_ENGINEER, "zoe@example.org")
    run_id = add_and_run(zoe, url=GREENHOUSE_JOB)

    run = run_row(pg_engine, run_id)
    assert run.status == RunStatus.COMPLETED, run.error_message
    requests = job_board_server.requests_to("/v1/boards/acme/jobs/4012345001")
    assert len(requests) == 1
    assert requests[0].query["pay_transparency"] == ["true"]
    match, posting, artifact = the_match(pg_engine, run)
    assert posting.source_id == "https://boards.greenhouse.io/acme/jobs/4012345001"
    assert (posting.title, posting.company, posting.location) == (
        "Senior Backend Engineer",
        "Acme",
        "Berlin, Germany",
    )
    assert posting.employment_type == "full_time"
    assert posting.extra["board_source"] == "greenhouse:acme"
    assert "<script>" not in (posting.description_html or "")
    assert match.reasons or match.gaps
    assert_written(env, match, artifact)


def test_a_page_that_cannot_be_read_fails_the_run_with_the_reason(
    env: Path, pg_engine: Engine, site: PageServer
) -> None:
    zoe = person(pg_engine, cv_fixtures.DATA_ENGINEER, "zoe@example.org")
    url = site.serve_html("/app", "<html><body><div id='root'></div></body></html>")
    run_id = add_and_run(zoe, url=url)

    run = run_row(pg_engine, run_id)
    assert run.status == RunStatus.FAILED
    assert run.error_message is not None
    assert "too little readable text" in run.error_message
    assert "Paste the posting's text instead." in run.error_message
    missing = add_and_run(zoe, url=site.base_url + "/gone")
    assert "HTTP 404" in (run_row(pg_engine, missing).error_message or "")
    with OrmSession(pg_engine) as db:
        assert db.scalar(select(func.count()).select_from(JobPosting)) == 0
        assert db.scalar(select(func.count()).select_from(MatchedJob)) == 0
    view = load_added_posting(zoe, run_id)
    assert view is not None
    assert (view.unreadable, view.match_id) == (True, None)


def test_without_the_test_switch_the_guard_refuses_loopback(
    env: Path, pg_engine: Engine, site: PageServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FETCH_ALLOW_LOOPBACK", "false")
    get_settings.cache_clear()
    zoe = person(pg_engine, cv_fixtures.DATA_ENGINEER, "zoe@example.org")
    url = site.serve_html("/careers/job", jsonld_page(DATA_ENGINEER_JOB))
    run = run_row(pg_engine, add_and_run(zoe, url="http://localhost:80/careers/job"))
    assert run.status == RunStatus.FAILED
    assert "loopback address" in (run.error_message or "")
    port_run = run_row(pg_engine, add_and_run(zoe, url=url))
    assert "non-standard port" in (port_run.error_message or "")


def test_lever_and_ashby_links_are_read_through_their_apis(
    job_board_server: JobBoardServer,
) -> None:
    lever_job = json.loads(job_board_server.fixture("lever/acme_inc.json"))[0]
    job_board_server.serve(
        f"/v0/postings/acme-inc/{lever_job['id']}", Reply(body=json.dumps(lever_job).encode())
    )
    ashby_job = json.loads(job_board_server.fixture("ashby/acme_board.json"))["jobs"][1]
    urls = dict.fromkeys(("greenhouse", "lever", "ashby"), job_board_server.base_url)
    strict = FetchPolicy()  # board APIs are not fetched through the page guard

    lever = read_linked_posting(
        f"https://jobs.lever.co/acme-inc/{lever_job['id']}/apply", board_urls=urls, policy=strict
    )
    assert (lever.source, lever.source_id) == (
        "added",
        f"https://jobs.lever.co/acme-inc/{lever_job['id']}",
    )
    assert lever.title == lever_job["text"]
    assert lever.extra["board_source"] == "lever:acme-inc"
    ashby = read_linked_posting(
        f"https://jobs.ashbyhq.com/acme/{ashby_job['id']}", board_urls=urls, policy=strict
    )
    assert ashby.title == ashby_job["title"]
    assert ashby.source_id == f"https://jobs.ashbyhq.com/acme/{ashby_job['id']}"

    with pytest.raises(UnreadablePosting, match="Greenhouse has no job 999 on board 'acme'"):
        read_linked_posting(
            "https://boards.greenhouse.io/acme/jobs/999", board_urls=urls, policy=strict
        )
    missing = "00000000-0000-4000-8000-000000000000"
    with pytest.raises(UnreadablePosting, match="Paste the posting's text instead"):
        read_linked_posting(
            f"https://jobs.ashbyhq.com/acme/{missing}", board_urls=urls, policy=strict
        )


# -- pasted text, weak fits, twice ------------------------------------------------------------


def test_pasted_text_becomes_a_written_match(env: Path, pg_engine: Engine) -> None:
    zoe = person(pg_engine, cv_fixtures.DATA_ENGINEER, "zoe@example.org")
    run_id = add_and_run(zoe, text=PASTED)

    run = run_row(pg_engine, run_id)
    assert run.status == RunStatus.COMPLETED, run.error_message
    match, posting, artifact = the_match(pg_engine, run)
    assert posting.source == "added"
    assert posting.source_id.startswith("text:")
    assert (posting.title, posting.company, posting.location) == (
        "Senior Data Engineer",
        "Havel Data GmbH",
        "Berlin, Germany",
    )
    assert match.score >= 60
    assert match.reasons
    assert_written(env, match, artifact)


def test_a_weak_fit_still_becomes_a_match_with_its_low_score_and_gaps(
    env: Path, pg_engine: Engine
) -> None:
    nurse = person(pg_engine, cv_fixtures.ICU_NURSE, "ines@example.org")
    run_id = add_and_run(nurse, text=PASTED)

    run = run_row(pg_engine, run_id)
    assert run.status == RunStatus.COMPLETED, run.error_message
    match, _, artifact = the_match(pg_engine, run)
    assert match.score < 60  # the screen says it is a weak fit ...
    assert match.gaps  # ... and why
    assert_written(env, match, artifact)  # ... and it is hers all the same


def test_adding_the_same_posting_twice_keeps_one_posting_and_one_match(
    env: Path, pg_engine: Engine, site: PageServer
) -> None:
    zoe = person(pg_engine, cv_fixtures.DATA_ENGINEER, "zoe@example.org")
    url = site.serve_html("/careers/senior-data-engineer", jsonld_page(DATA_ENGINEER_JOB))
    first = run_row(pg_engine, add_and_run(zoe, url=url))
    # Served differently now: a stored link is not fetched again.
    site.serve_html("/careers/senior-data-engineer", "<html></html>", status=500)
    second = run_row(pg_engine, add_and_run(zoe, url=url + "/#apply"))

    assert first.status == second.status == RunStatus.COMPLETED
    assert first.params["match_ids"] == second.params["match_ids"]
    assert (first.params["new_matches"], second.params["new_matches"]) == (1, 0)
    twice_pasted = [run_row(pg_engine, add_and_run(zoe, text=PASTED)) for _ in range(2)]
    assert twice_pasted[0].params["match_ids"] == twice_pasted[1].params["match_ids"]
    with OrmSession(pg_engine) as db:
        assert db.scalar(select(func.count()).select_from(JobPosting)) == 2
        assert db.scalar(select(func.count()).select_from(MatchedJob)) == 2
        assert db.scalar(select(func.count()).select_from(Artifact)) == 2


def test_a_person_without_a_profile_is_told_first(env: Path, pg_engine: Engine) -> None:
    with OrmSession(pg_engine) as db:
        user = User(name="New", email="new@example.org", email_verified=True)
        db.add(user)
        db.commit()
        user_id = user.id
    with pytest.raises(NoProfileYet):
        add_posting(user_id, AddPostingRequest(text=PASTED))
    with OrmSession(pg_engine) as db:
        assert db.scalar(select(func.count()).select_from(Run)) == 0


# -- the HTTP API ------------------------------------------------------------------------------


@pytest.fixture
def client(env: Path) -> TestClient:
    return api_client()


def test_the_api_adds_postings_for_their_owner_only(
    client: TestClient, pg_engine: Engine, site: PageServer
) -> None:
    ada = person(pg_engine, cv_fixtures.DATA_ENGINEER, "ada@example.org")
    bob = person(pg_engine, cv_fixtures.DATA_ENGINEER, "bob@example.org")
    ada_headers, bob_headers = token_for(pg_engine, ada), token_for(pg_engine, bob)
    url = site.serve_html("/careers/senior-data-engineer", jsonld_page(DATA_ENGINEER_JOB))

    started = client.post("/workflow/posting", headers=ada_headers, json={"url": url})
    assert started.status_code == 202, started.text
    body = started.json()
    assert set(body) == {"run_id", "task_id", "status_url"}
    pending = client.get(body["status_url"], headers=ada_headers).json()
    assert (pending["kind"], pending["status"]) == ("posting", "pending")
    execute_run(body["run_id"])  # what the worker does with the queued task

    status = client.get(body["status_url"], headers=ada_headers).json()
    assert status["status"] == "completed", status
    (match_id,) = status["match_ids"]
    download = f"/api/matches/{match_id}/download/cover_letter_pdf"
    assert client.get(download, headers=ada_headers).content[:4] == b"%PDF"
    # Bob sees neither Ada's run nor her match, nor its files.
    assert client.get(body["status_url"], headers=bob_headers).status_code == 404
    assert client.get(download, headers=bob_headers).status_code == 404
    assert load_added_posting(bob, body["run_id"]) is None
    # His own add of the same link is his own match of the one stored posting.
    mine = client.post("/workflow/posting", headers=bob_headers, json={"url": url}).json()
    execute_run(mine["run_id"])
    bob_status = client.get(mine["status_url"], headers=bob_headers).json()
    assert bob_status["status"] == "completed"
    assert bob_status["match_ids"] != [match_id]
    with OrmSession(pg_engine) as db:
        assert db.scalar(select(func.count()).select_from(JobPosting)) == 1

    pasted = client.post(
        "/workflow/posting",
        headers=ada_headers,
        json={"text": PASTED, "title": "Lead Data Engineer", "company": "Havel"},
    )
    assert pasted.status_code == 202, pasted.text


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ({"url": "https://acme.example/jobs/1", "text": PASTED}, "not both"),
        ({}, "either the posting's link"),
        ({"url": "file:///etc/passwd"}, "https://"),
        ({"text": "Too short."}, "too little text"),
        ({"url": "https://acme.example/jobs/1", "user_id": "someone"}, "user_id"),
    ],
)
def test_the_api_refuses_bad_bodies_in_words(
    client: TestClient, pg_engine: Engine, body: dict[str, Any], fragment: str
) -> None:
    ada = person(pg_engine, cv_fixtures.DATA_ENGINEER, "ada@example.org")
    response = client.post("/workflow/posting", headers=token_for(pg_engine, ada), json=body)
    assert response.status_code == 422, response.text
    assert fragment in response.json()["detail"]
    with OrmSession(pg_engine) as db:
        assert db.scalar(select(func.count()).select_from(Run)) == 0
