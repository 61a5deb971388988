"""Every live job source against a local stand-in that speaks each board's real
protocol: tests/job_board_server.py serves recorded payloads over HTTP and
misbehaves on request (404, 429 + Retry-After, 500, slow answers, bad JSON,
huge bodies).

`JOBAGENT_LIVE_BOARDS=1` adds the same connector checks against the real boards
(SerpAPI and Adzuna join when SERPAPI_API_KEY / ADZUNA_APP_ID + ADZUNA_APP_KEY
are in the environment; JOBAGENT_LIVE_GREENHOUSE/LEVER/ASHBY pick the boards).
The parametrisation is built from the environment, so nothing is skipped when
it is unset.
"""

from __future__ import annotations

import html as html_lib
import json
import logging
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from typing import Any

import pytest
from pydantic import SecretStr

from jobagent_core.discovery.dedupe import dedupe
from jobagent_core.discovery.http import (
    USER_AGENT,
    BoardHttp,
    HostRateLimiter,
    HttpOptions,
    HttpPolicy,
    redact,
)
from jobagent_core.discovery.schema import PostingData
from jobagent_core.discovery.sources.adzuna import AdzunaSource
from jobagent_core.discovery.sources.arbeitnow import ArbeitnowSource
from jobagent_core.discovery.sources.ashby import AshbySource
from jobagent_core.discovery.sources.base import JobSource, SearchQuery, SourceResult
from jobagent_core.discovery.sources.greenhouse import GreenhouseSource
from jobagent_core.discovery.sources.lever import LeverSource
from jobagent_core.discovery.sources.registry import (
    MissingCredentials,
    SourceSpecError,
    build_source,
    configured_live_sources,
    validate_board_name,
)
from jobagent_core.discovery.sources.remoteok import RemoteOkSource
from jobagent_core.discovery.sources.serpapi import SerpApiSource
from jobagent_core.discovery.sources.text import (
    MAX_TEXT_CHARS,
    TRUNCATION_MARK,
)
from jobagent_core.discovery.sources.themuse import TheMuseSource
from jobagent_core.fetch_errors import TooLarge, Unavailable
from tests.job_board_server import FIXTURES, JobBoardServer, Reply
from tests.job_board_server import job_board_server as job_board_server

pytestmark = pytest.mark.integration

LIVE = os.environ.get("JOBAGENT_LIVE_BOARDS") == "1"
SERPAPI_KEY = "serp-5f1c9e0b7a2d4c68b3a1"  # must never appear in a warning or a log line
ADZUNA_ID, ADZUNA_KEY = "adz-id-77c1", "adz-key-9e3b41d0c2f8"
BIG_DESCRIPTION_BYTES = 5 * 1024 * 1024
SERP_TOKEN = json.loads((FIXTURES / "serpapi" / "routes.json").read_text())[1]["query"][
    "next_page_token"
]


@dataclass
class Harness:
    """What a source under test is built with: the stand-in's URL (None = the real
    board), an HTTP policy with test-sized timeouts and recorded sleeps."""

    base_url: str | None
    sleeps: list[float] = field(default_factory=list)
    policy: HttpPolicy = field(
        default_factory=lambda: HttpPolicy(
            connect_timeout=2.0, read_timeout=5.0, attempts=3, backoff_base=0.01, min_interval=0
        )
    )

    @property
    def http(self) -> HttpOptions:
        if self.base_url is None:  # real boards: their own polite policies, real sleeps
            return HttpOptions()
        return HttpOptions(policy=self.policy, limiter=HostRateLimiter(), sleep=self.sleeps.append)


Build = Callable[[Harness, str], JobSource]
Page = tuple[str, dict[str, str]]


@dataclass(frozen=True)
class Case:
    id: str
    build: Build  # (harness, board name) -> source; non-board sources ignore the name
    query: SearchQuery
    first_page: Page  # path and query of the first request for board "acme"
    titles: tuple[str, ...]  # titles in the recorded pages, in order
    items: Callable[[Any], list[Any]]  # the list of postings inside a page payload
    describe: Callable[[dict[str, Any], str], None]  # set an item's description (HTML)
    entity_title: str
    entity_text: str
    not_found: str  # what the 404 warning says
    board_sources: bool = False  # has board names: an unknown one is a 404
    second_page: Page | None = None
    leading_items: int = 0  # items before the first posting (Remote OK's legal notice)
    empty_warning: str | None = None
    live: Callable[[], bool] = lambda: True  # whether the live variant can run

    def __str__(self) -> str:
        return self.id


def _key(name: str) -> str:
    return os.environ.get(name, "")


CASES = [
    Case(
        id="greenhouse",
        build=lambda h, board: GreenhouseSource(board, base_url=h.base_url, http=h.http),
        query=SearchQuery("engineer"),
        first_page=("/v1/boards/acme/jobs", {"content": "true"}),
        titles=(
            "Senior Backend Engineer",
            "Engineer, Payments & Risk",
            "Werkstudent Data Science (m/w/d)",
        ),
        items=lambda page: page["jobs"],
        describe=lambda item, html: item.update(content=html_lib.escape(html)),
        entity_title="Engineer, Payments & Risk",
        entity_text="for R&D-heavy companies. We're hiring.",
        not_found="Greenhouse board 'nope' not found — check the board name",
        board_sources=True,
    ),
    Case(
        id="lever",
        build=lambda h, site: LeverSource(
            site, page_size=2 if h.base_url else 100, base_url=h.base_url, http=h.http
        ),
        query=SearchQuery("engineer"),
        first_page=("/v0/postings/acme", {"mode": "json", "skip": "0", "limit": "2"}),
        second_page=("/v0/postings/acme", {"mode": "json", "skip": "2", "limit": "2"}),
        titles=(
            "Staff Platform Engineer",
            "Partnerships Manager, Sales & Alliances",
            "Software Engineering Intern (Summer 2024)",
        ),
        items=lambda page: page,
        describe=lambda item, html: item.update(description=html),
        entity_title="Partnerships Manager, Sales & Alliances",
        entity_text="keeps R&D moving — every day.",
        not_found="Lever site 'nope' not found — check the site name",
        board_sources=True,
    ),
    Case(
        id="ashby",
        build=lambda h, board: AshbySource(board, base_url=h.base_url, http=h.http),
        query=SearchQuery("engineer"),
        first_page=("/posting-api/job-board/acme", {"includeCompensation": "true"}),
        titles=("Product Engineer — Growth & Onboarding", "Senior Designer"),
        items=lambda page: page["jobs"],
        describe=lambda item, html: item.update(descriptionHtml=html),
        entity_title="Product Engineer — Growth & Onboarding",
        entity_text="teams that move fast & ship often.",
        not_found="Ashby board 'nope' not found — check the board name",
        board_sources=True,
        empty_warning="Ashby board 'acme' lists no open jobs",
    ),
    Case(
        id="arbeitnow",
        build=lambda h, _: ArbeitnowSource(
            max_pages=5 if h.base_url else 2, base_url=h.base_url, http=h.http
        ),
        query=SearchQuery("python"),
        first_page=("/api/job-board-api", {"page": "1"}),
        second_page=("/api/job-board-api", {"page": "2"}),
        titles=(
            "Senior Python Entwickler (m/w/d) – Backend & APIs",
            "Werkstudent Marketing (m/w/d)",
            "DevOps Engineer (Kubernetes) – München",
        ),
        items=lambda page: page["data"],
        describe=lambda item, html: item.update(description=html),
        entity_title="Senior Python Entwickler (m/w/d) – Backend & APIs",
        entity_text="Scale-up für Logistik & Zahlungsverkehr.",
        not_found="Arbeitnow page 1: 127.0.0.1",
    ),
    Case(
        id="remoteok",
        build=lambda h, _: RemoteOkSource(base_url=h.base_url, http=h.http),
        query=SearchQuery("engineer"),
        first_page=("/api", {}),
        titles=(
            "Senior DevOps & SRE Engineer",
            "Junior Frontend Developer",
            "Customer Success Lead",
        ),
        items=lambda page: page,
        describe=lambda item, html: item.update(description=html),
        entity_title="Senior DevOps & SRE Engineer",
        entity_text="Keep our fleet healthy & fast.",
        not_found="Remote OK: 127.0.0.1",
        leading_items=1,
    ),
    Case(
        id="themuse",
        build=lambda h, _: TheMuseSource(
            categories=["Software Engineering"],
            max_pages=3 if h.base_url else 2,
            base_url=h.base_url,
            http=h.http,
        ),
        query=SearchQuery("software engineer", location="Berlin, Germany"),
        first_page=("/api/public/jobs", {"page": "0"}),
        second_page=("/api/public/jobs", {"page": "1"}),
        titles=(
            "Senior Software Engineer, Search & Discovery",
            "Software Engineer II",
            "Software Engineering Internship",
        ),
        items=lambda page: page["results"],
        describe=lambda item, html: item.update(contents=html),
        entity_title="Senior Software Engineer, Search & Discovery",
        entity_text="Join Acme’s search team.",
        not_found="The Muse page 0: 127.0.0.1",
    ),
    Case(
        id="serpapi",
        build=lambda h, _: SerpApiSource(
            SERPAPI_KEY if h.base_url else _key("SERPAPI_API_KEY"),
            max_pages=2 if h.base_url else 1,
            base_url=h.base_url,
            http=h.http,
        ),
        query=SearchQuery("python developer", location="Berlin, Germany"),
        first_page=("/search.json", {"engine": "google_jobs", "q": "python developer"}),
        second_page=(
            "/search.json",
            {"engine": "google_jobs", "q": "python developer", "next_page_token": SERP_TOKEN},
        ),
        titles=(
            "Senior Python Developer (m/w/d)",
            "Python Engineer - Remote",
            "Junior Python Developer",
        ),
        items=lambda page: page["jobs_results"],
        # Google Jobs descriptions are plain text with line breaks.
        describe=lambda item, html: item.update(
            description=html.replace("<p>", "").replace("</p>", "\n")
        ),
        entity_title="Senior Python Developer (m/w/d)",
        entity_text="für unser R&D-Team.",
        not_found="SerpAPI Google Jobs page 1: 127.0.0.1",
        live=lambda: bool(_key("SERPAPI_API_KEY")),
    ),
    Case(
        id="adzuna",
        build=lambda h, _: AdzunaSource(
            "de",
            ADZUNA_ID if h.base_url else _key("ADZUNA_APP_ID"),
            ADZUNA_KEY if h.base_url else _key("ADZUNA_APP_KEY"),
            page_size=2 if h.base_url else 20,
            max_pages=3 if h.base_url else 1,
            base_url=h.base_url,
            http=h.http,
        ),
        query=SearchQuery("python", location="Berlin"),
        first_page=("/v1/api/jobs/de/search/1", {"results_per_page": "2"}),
        second_page=("/v1/api/jobs/de/search/2", {"results_per_page": "2"}),
        titles=(
            "Senior Python Developer (m/w/d)",
            "Python Data Engineer - Remote / Home Office",
            "Junior Software Engineer Python (Teilzeit)",
        ),
        items=lambda page: page["results"],
        describe=lambda item, html: item.update(description=html),
        entity_title="Python Data Engineer - Remote / Home Office",
        entity_text="Backend & Data.",
        not_found="Adzuna search for country 'de' not found",
        live=lambda: bool(_key("ADZUNA_APP_ID") and _key("ADZUNA_APP_KEY")),
    ),
]
PAGED = [c for c in CASES if c.second_page]
LIVE_BOARDS = {
    "greenhouse": os.environ.get("JOBAGENT_LIVE_GREENHOUSE", "gitlab"),
    "lever": os.environ.get("JOBAGENT_LIVE_LEVER", "palantir"),
    "ashby": os.environ.get("JOBAGENT_LIVE_ASHBY", "linear"),
}


def _targets(cases: list[Case], *, boards_only: bool = False) -> list[Any]:
    """(case, "local") for every case, plus (case, "live") for the ones the
    environment allows when JOBAGENT_LIVE_BOARDS=1. Never an empty list."""
    params = [pytest.param(c, "local", id=f"{c.id}-local") for c in cases]
    if LIVE:
        params += [
            pytest.param(c, "live", id=f"{c.id}-live")
            for c in cases
            if c.live() and (c.board_sources or not boards_only)
        ]
    return params


def _search(
    case: Case, server: JobBoardServer | None, board: str = "acme", **policy: Any
) -> tuple[SourceResult, Harness, JobSource]:
    harness = Harness(server.base_url if server else None)
    if policy:
        harness.policy = replace(harness.policy, **policy)
    source = case.build(harness, board)
    return source.search(case.query), harness, source


def _page_payload(server: JobBoardServer, case: Case) -> Any:
    return json.loads(server.fixture(f"{case.id}/{_first_page_file(case)}"))


def _first_page_file(case: Case) -> str:
    manifest = json.loads((FIXTURES / case.id / "routes.json").read_text())
    path, query = case.first_page
    return next(
        str(r["file"]) for r in manifest if r["path"] == path and r.get("query", {}) == query
    )


def _serve_first_page(server: JobBoardServer, case: Case, *replies: Reply) -> None:
    path, query = case.first_page
    server.script(path, *replies, query=query)


def _body(payload: Any) -> bytes:
    return json.dumps(payload).encode()


# --- every connector ------------------------------------------------------------


@pytest.mark.parametrize(("case", "target"), _targets(CASES))
def test_reads_every_page(case: Case, target: str, job_board_server: JobBoardServer) -> None:
    server = job_board_server if target == "local" else None
    board = "acme" if server else LIVE_BOARDS.get(case.id, "")
    result, _, source = _search(case, server, board)

    if server is None:  # the real board: its content is unknown, its protocol is not
        assert not [w for w in result.warnings if "skipped a posting" not in w]
        assert result.postings or case.board_sources
    else:
        assert result.warnings == []
        assert [p.title for p in result.postings] == list(case.titles)
        assert len({p.source_id for p in result.postings}) == len(case.titles)
    for posting in result.postings:
        assert posting.source == source.name
        assert posting.posted_at is None or posting.posted_at.utcoffset() == timedelta(0)
        assert posting.url
        assert posting.url.startswith("https://")
        assert "<script" not in (posting.description_html or "")


@pytest.mark.parametrize(("case", "target"), _targets(CASES, boards_only=True))
def test_unknown_board_warns_with_its_name(
    case: Case, target: str, job_board_server: JobBoardServer
) -> None:
    server = job_board_server if target == "local" else None
    if server and not case.board_sources:
        _serve_first_page(server, case, Reply(404, server.fixture(f"{case.id}/not_found.json")))
    board = "nope" if server else "jobagent-no-such-board-4711"

    result, _, _ = _search(case, server, board)

    assert result.postings == []
    assert len(result.warnings) == 1
    if server:
        assert case.not_found in result.warnings[0]
    else:  # the real board may answer 404 or (Ashby) an empty board; either names it
        assert f"'{board}'" in result.warnings[0]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_decodes_html_entities(case: Case, job_board_server: JobBoardServer) -> None:
    result, _, _ = _search(case, job_board_server)

    assert case.entity_title in [p.title for p in result.postings]
    assert any(case.entity_text in p.description_text for p in result.postings)
    for posting in result.postings:
        for text in (posting.title, posting.company, posting.description_text):
            assert "&amp;" not in text
            assert "&lt;" not in text
            assert "&#39;" not in text
            assert "<strong>" not in text


@pytest.mark.parametrize("case", CASES, ids=str)
def test_empty_board_gives_no_postings(case: Case, job_board_server: JobBoardServer) -> None:
    _serve_first_page(
        job_board_server, case, Reply(200, job_board_server.fixture(f"{case.id}/empty.json"))
    )

    result, _, _ = _search(case, job_board_server)

    assert result.postings == []
    if case.empty_warning:
        assert len(result.warnings) == 1
        assert case.empty_warning in result.warnings[0]
    else:
        assert result.warnings == []


@pytest.mark.parametrize("case", CASES, ids=str)
def test_malformed_json_becomes_a_warning(case: Case, job_board_server: JobBoardServer) -> None:
    _serve_first_page(
        job_board_server, case, Reply(200, job_board_server.fixture(f"{case.id}/malformed.json"))
    )

    result, _, _ = _search(case, job_board_server)

    assert result.postings == []
    assert len(result.warnings) == 1
    assert "returned malformed JSON" in result.warnings[0]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_honours_retry_after_then_succeeds(case: Case, job_board_server: JobBoardServer) -> None:
    _serve_first_page(job_board_server, case, Reply(429, b"", {"Retry-After": "2"}))

    result, harness, _ = _search(case, job_board_server)

    assert result.warnings == []
    assert [p.title for p in result.postings] == list(case.titles)
    assert harness.sleeps[0] == 2.0  # the wait the board asked for, not our backoff
    path, _ = case.first_page
    assert [r.path for r in job_board_server.requests[:2]] == [path, path]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_server_errors_are_retried_then_reported(
    case: Case, job_board_server: JobBoardServer
) -> None:
    path, query = case.first_page
    job_board_server.fail(path, 500, times=3, query=query)

    result, harness, _ = _search(case, job_board_server)

    assert result.postings == []
    assert len(result.warnings) == 1
    assert "server error (HTTP 500)" in result.warnings[0]
    assert "after 3 attempts" in result.warnings[0]
    assert len(job_board_server.requests) == 3
    assert len(harness.sleeps) == 2
    assert all(0 < s <= 0.02 for s in harness.sleeps)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_slow_board_times_out_with_a_warning(case: Case, job_board_server: JobBoardServer) -> None:
    body = job_board_server.fixture(f"{case.id}/{_first_page_file(case)}")
    _serve_first_page(
        job_board_server, case, Reply(200, body, delay=0.6), Reply(200, body, delay=0.6)
    )

    result, _, _ = _search(case, job_board_server, read_timeout=0.2, attempts=2)

    assert result.postings == []
    assert len(result.warnings) == 1
    assert "did not answer within 0.2 s after 2 attempts" in result.warnings[0]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_five_megabyte_description_is_truncated(
    case: Case, job_board_server: JobBoardServer
) -> None:
    payload = _page_payload(job_board_server, case)
    paragraph = "<p>We value careful, well-tested work &amp; kind reviews.</p>"
    big = paragraph * (BIG_DESCRIPTION_BYTES // 50)  # 5 MB even once tags are stripped
    case.describe(case.items(payload)[case.leading_items], big)
    body = _body(payload)
    assert BIG_DESCRIPTION_BYTES <= len(body) < HttpPolicy().max_bytes
    _serve_first_page(job_board_server, case, Reply(200, body))

    result, _, _ = _search(case, job_board_server)

    assert result.warnings == []
    assert [p.title for p in result.postings] == list(case.titles)
    text = result.postings[0].description_text
    assert text.startswith("We value careful, well-tested work & kind reviews.")
    assert len(text) <= MAX_TEXT_CHARS + len(TRUNCATION_MARK)
    assert text.endswith(TRUNCATION_MARK)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_body_over_the_size_cap_is_refused(case: Case, job_board_server: JobBoardServer) -> None:
    payload = _page_payload(job_board_server, case)
    case.describe(case.items(payload)[case.leading_items], "x" * BIG_DESCRIPTION_BYTES)
    _serve_first_page(job_board_server, case, Reply(200, _body(payload)))

    result, _, _ = _search(case, job_board_server, max_bytes=1024 * 1024)

    assert result.postings == []
    assert len(result.warnings) == 1
    assert "sent more than 1 MB" in result.warnings[0]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_one_bad_item_is_skipped_and_the_rest_kept(
    case: Case, job_board_server: JobBoardServer
) -> None:
    payload = _page_payload(job_board_server, case)
    broken = {"id": "broken-1", "slug": "broken-1", "job_id": "broken-1"}  # no title at all
    case.items(payload).insert(case.leading_items, broken)
    _serve_first_page(job_board_server, case, Reply(200, _body(payload)))

    result, _, _ = _search(case, job_board_server)

    assert [p.title for p in result.postings] == list(case.titles)
    assert len(result.warnings) == 1
    assert "skipped a posting (id broken-1)" in result.warnings[0]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_identifies_itself_with_a_user_agent(case: Case, job_board_server: JobBoardServer) -> None:
    _search(case, job_board_server)

    agents = {r.headers.get("user-agent") for r in job_board_server.requests}
    assert agents == {USER_AGENT}
    assert USER_AGENT.startswith("JobAgent/")
    assert USER_AGENT.endswith("(+self-hosted job-search agent)")


@pytest.mark.parametrize("case", PAGED, ids=str)
def test_failed_later_page_keeps_the_earlier_ones(
    case: Case, job_board_server: JobBoardServer
) -> None:
    assert case.second_page is not None
    path, query = case.second_page
    job_board_server.fail(path, 503, times=3, query=query)

    result, _, _ = _search(case, job_board_server)

    first_page = len(case.items(_page_payload(job_board_server, case))) - case.leading_items
    assert [p.title for p in result.postings] == list(case.titles[:first_page])
    assert len(result.warnings) == 1
    assert "HTTP 503" in result.warnings[0]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_stops_at_the_query_limit(case: Case, job_board_server: JobBoardServer) -> None:
    harness = Harness(job_board_server.base_url)
    source = case.build(harness, "acme")

    result = source.search(SearchQuery(case.query.title, case.query.location, limit=1))

    assert [p.title for p in result.postings] == [case.titles[0]]
    assert len(job_board_server.requests) == 1


# --- what each board's fields become ---------------------------------------------------


def _by_title(case_id: str, server: JobBoardServer) -> dict[str, Any]:
    case = next(c for c in CASES if c.id == case_id)
    result, _, _ = _search(case, server)
    return {p.title: p for p in result.postings}


def test_greenhouse_fields(job_board_server: JobBoardServer) -> None:
    jobs = _by_title("greenhouse", job_board_server)
    senior = jobs["Senior Backend Engineer"]
    assert senior.source_id == "4012345001"
    assert senior.company == "Acme"
    assert senior.location == "Berlin, Germany"
    assert not senior.remote
    assert senior.employment_type == "full_time"
    assert senior.seniority == "senior"
    assert senior.language == "en"
    assert senior.posted_at == datetime(2024, 2, 28, 14, 0, tzinfo=UTC)  # first_published
    assert senior.url == senior.apply_url == "https://boards.greenhouse.io/acme/jobs/4012345001"
    assert "- Design Python services & APIs" in senior.description_text
    assert "alert(1)" not in senior.description_text
    assert senior.description_html
    assert "<li>Own PostgreSQL schemas</li>" in senior.description_html
    assert senior.extra["department"] == "Engineering"
    assert senior.extra["requisition_id"] == "ENG-1042"
    assert jobs["Engineer, Payments & Risk"].remote
    student = jobs["Werkstudent Data Science (m/w/d)"]
    assert student.seniority == "intern"
    assert student.employment_type == "internship"
    assert student.language == "de"
    assert student.posted_at == datetime(2024, 2, 20, 12, 0, tzinfo=UTC)  # updated_at fallback


def test_lever_fields_and_eu_host(job_board_server: JobBoardServer) -> None:
    jobs = _by_title("lever", job_board_server)
    staff = jobs["Staff Platform Engineer"]
    assert staff.source_id == "5f2b0c1e-8d4a-4c11-9a77-0c1d2e3f4a01"
    assert staff.company == "Acme"
    assert staff.location == "London, UK"
    assert staff.seniority == "lead"
    assert staff.employment_type == "full_time"
    assert (staff.salary_min, staff.salary_max, staff.salary_currency) == (95000, 125000, "GBP")
    assert staff.extra["salary_period"] == "year"
    assert staff.posted_at == datetime(2024, 3, 4, 10, 0, tzinfo=UTC)  # createdAt in ms
    assert staff.apply_url
    assert staff.apply_url.endswith("/apply")
    assert "What you'll do" in staff.description_text
    assert "- Run Kubernetes & Terraform" in staff.description_text
    partner = jobs["Partnerships Manager, Sales & Alliances"]
    assert partner.remote
    assert partner.employment_type == "contract"
    intern = jobs["Software Engineering Intern (Summer 2024)"]
    assert intern.seniority == "intern"
    assert intern.employment_type == "internship"
    assert LeverSource("acme", region="eu").base_url == "https://api.eu.lever.co"
    assert LeverSource("acme").base_url == "https://api.lever.co"


def test_ashby_fields_and_unlisted_jobs(job_board_server: JobBoardServer) -> None:
    jobs = _by_title("ashby", job_board_server)
    assert "Head of Finance" not in jobs  # isListed: false
    product = jobs["Product Engineer — Growth & Onboarding"]
    assert product.location == "New York; San Francisco"
    assert not product.remote
    assert product.employment_type == "full_time"
    assert (product.salary_min, product.salary_max, product.salary_currency) == (
        160000,
        210000,
        "USD",
    )
    assert product.extra["compensation"] == "$160K – $210K • Offers Equity"
    assert product.posted_at == datetime(2024, 3, 2, 17, 1, 15, 123000, tzinfo=UTC)
    designer = jobs["Senior Designer"]
    assert designer.remote
    assert designer.employment_type == "contract"
    assert designer.seniority == "senior"
    assert designer.salary_min is None


def test_arbeitnow_fields_and_next_links(job_board_server: JobBoardServer) -> None:
    jobs = _by_title("arbeitnow", job_board_server)
    first = jobs["Senior Python Entwickler (m/w/d) – Backend & APIs"]
    assert first.source_id == "senior-python-entwickler-mwd-berlin-acme-gmbh-213456"
    assert first.company == "Acme GmbH"
    assert first.location == "Berlin"
    assert first.employment_type == "full_time"
    assert first.seniority == "senior"
    assert first.posted_at == datetime(2024, 3, 4, 10, 0, tzinfo=UTC)
    assert first.description_text.startswith("Über uns:")
    student = jobs["Werkstudent Marketing (m/w/d)"]
    assert student.remote
    assert student.employment_type == "part_time"
    # links.next points at www.arbeitnow.com; the page number is followed on our host.
    assert [r.query["page"] for r in job_board_server.requests] == [["1"], ["2"]]


def test_remoteok_fields_and_attribution(job_board_server: JobBoardServer) -> None:
    jobs = _by_title("remoteok", job_board_server)
    assert len(jobs) == 3  # the legal notice is not a job
    devops = jobs["Senior DevOps & SRE Engineer"]
    assert devops.remote
    assert devops.seniority == "senior"
    assert (devops.salary_min, devops.salary_max, devops.salary_currency) == (
        120000,
        160000,
        "USD",
    )
    assert (
        devops.url
        == "https://remoteOK.com/remote-jobs/remote-senior-devops-sre-engineer-acme-1130451"
    )
    for posting in jobs.values():
        assert posting.extra["attribution"] == "Jobs via Remote OK"
        assert posting.extra["attribution_url"] == posting.url
    junior = jobs["Junior Frontend Developer"]
    assert junior.salary_min is None
    assert junior.salary_currency is None
    assert jobs["Customer Success Lead"].location is None


def test_themuse_fields_and_filters(job_board_server: JobBoardServer) -> None:
    jobs = _by_title("themuse", job_board_server)
    search = jobs["Senior Software Engineer, Search & Discovery"]
    assert search.company == "Acme"
    assert search.remote
    assert search.location == "Berlin, Germany; Flexible / Remote"
    assert search.seniority == "senior"
    assert (
        search.url
        == "https://www.themuse.com/jobs/acme/senior-software-engineer-search-discovery-3f9a1b"
    )
    assert jobs["Software Engineer II"].seniority == "mid"  # from the Muse level
    intern = jobs["Software Engineering Internship"]
    assert intern.seniority == "intern"
    assert intern.employment_type == "internship"
    first = job_board_server.requests[0].query
    assert first["category"] == ["Software Engineering"]
    assert first["location"] == ["Berlin, Germany"]
    assert [r.query["page"] for r in job_board_server.requests] == [["0"], ["1"]]


def test_serpapi_fields_and_paging(job_board_server: JobBoardServer) -> None:
    before = datetime.now(UTC)
    jobs = _by_title("serpapi", job_board_server)
    senior = jobs["Senior Python Developer (m/w/d)"]
    assert senior.company == "Acme GmbH"
    assert senior.employment_type == "full_time"
    assert (senior.salary_min, senior.salary_max, senior.salary_currency) == (60000, 80000, "EUR")
    assert senior.posted_at
    assert before - senior.posted_at >= timedelta(days=3) - timedelta(1)
    assert senior.apply_url
    assert senior.apply_url.startswith("https://www.linkedin.com/")
    assert senior.extra["via"] == "LinkedIn"
    remote = jobs["Python Engineer - Remote"]
    assert remote.remote
    assert remote.employment_type == "contract"
    junior = jobs["Junior Python Developer"]
    assert junior.extra["salary_period"] == "hour"
    assert junior.salary_currency == "USD"
    page2 = job_board_server.requests[1].query
    assert page2["next_page_token"][0].startswith("eyJmYyI6")
    assert page2["q"] == ["python developer"]
    assert page2["location"] == ["Berlin, Germany"]


def test_adzuna_fields_and_paging(job_board_server: JobBoardServer) -> None:
    jobs = _by_title("adzuna", job_board_server)
    senior = jobs["Senior Python Developer (m/w/d)"]
    assert senior.source == "adzuna:de"
    assert senior.company == "Acme GmbH"
    assert (senior.salary_min, senior.salary_max, senior.salary_currency) == (65000, 80000, "EUR")
    assert senior.employment_type == "full_time"
    assert senior.seniority == "senior"
    assert senior.posted_at == datetime(2024, 3, 4, 10, 12, 3, tzinfo=UTC)
    predicted = jobs["Python Data Engineer - Remote / Home Office"]
    assert predicted.salary_min is None
    assert predicted.extra["salary_predicted"] is True
    assert predicted.remote
    assert jobs["Junior Software Engineer Python (Teilzeit)"].employment_type == "part_time"
    paths = [r.path for r in job_board_server.requests]
    assert paths == ["/v1/api/jobs/de/search/1", "/v1/api/jobs/de/search/2"]
    first = job_board_server.requests[0].query
    assert first["what"] == ["python"]
    assert first["where"] == ["Berlin"]


# --- credentials never leak ---------------------------------------------------------------


def _leaky_run(case_id: str, server: JobBoardServer, caplog: pytest.LogCaptureFixture) -> str:
    """Run a keyed source through success, retries, a refusal and a failure; return
    everything a person could see: warnings, log lines, the source's repr."""
    case = next(c for c in CASES if c.id == case_id)
    caplog.set_level(logging.DEBUG)
    path, query = case.first_page
    seen: list[str] = []
    result, _, source = _search(case, server)  # success (httpx logs every URL at INFO)
    seen += result.warnings
    server.fail(path, 500, times=3, query=query)
    seen += _search(case, server)[0].warnings
    refusal = "serpapi/invalid_key.json" if case_id == "serpapi" else "adzuna/auth_fail.json"
    server.fail(path, 401, body=server.fixture(refusal), query=query)
    refused = _search(case, server)[0].warnings
    assert refused
    assert "HTTP 401" in refused[0]
    seen += refused
    return "\n".join([*seen, caplog.text, repr(source)])


def test_serpapi_key_never_appears_in_warnings_or_logs(
    job_board_server: JobBoardServer, caplog: pytest.LogCaptureFixture
) -> None:
    visible = _leaky_run("serpapi", job_board_server, caplog)

    assert SERPAPI_KEY not in visible
    assert "api_key=***" in visible  # httpx's request log line, masked
    assert "Invalid API key" in visible  # the board's own explanation is kept
    sent = {r.query["api_key"][0] for r in job_board_server.requests}
    assert sent == {SERPAPI_KEY}  # ...while the board does receive it


def test_adzuna_credentials_never_appear_in_warnings_or_logs(
    job_board_server: JobBoardServer, caplog: pytest.LogCaptureFixture
) -> None:
    visible = _leaky_run("adzuna", job_board_server, caplog)

    assert ADZUNA_KEY not in visible
    assert ADZUNA_ID not in visible
    assert "Authorisation failed" in visible


def test_redact_masks_credential_parameters() -> None:
    line = "GET https://serpapi.com/search.json?q=x&api_key=abc123&app_key=k&app_id=i ok"
    assert (
        redact(line)
        == "GET https://serpapi.com/search.json?q=x&api_key=***&app_key=***&app_id=*** ok"
    )
    assert redact("token abc123 here", ["abc123"]) == "token *** here"


# --- the HTTP layer on its own -----------------------------------------------------------


def test_http_date_retry_after_is_honoured(job_board_server: JobBoardServer) -> None:
    when = (datetime.now(UTC) + timedelta(seconds=30)).strftime("%a, %d %b %Y %H:%M:%S GMT")
    job_board_server.fail("/api", 503, headers={"Retry-After": when})
    sleeps: list[float] = []
    policy = HttpPolicy(min_interval=0, backoff_base=0.01)

    with BoardHttp(policy, sleep=sleeps.append, limiter=HostRateLimiter()) as http:
        payload = http.get_json(f"{job_board_server.base_url}/api")

    assert isinstance(payload, list)
    assert len(payload) == 4
    assert len(sleeps) == 1
    assert 25 <= sleeps[0] <= 30


def test_retry_after_beyond_the_cap_gives_up_at_once(job_board_server: JobBoardServer) -> None:
    job_board_server.fail("/api", 429, headers={"Retry-After": "3600"})
    sleeps: list[float] = []
    policy = HttpPolicy(min_interval=0, max_retry_after=60)

    with (
        BoardHttp(policy, sleep=sleeps.append, limiter=HostRateLimiter()) as http,
        pytest.raises(Unavailable, match="asked us to wait 3600 s, longer than the 60 s"),
    ):
        http.get_json(f"{job_board_server.base_url}/api")

    assert sleeps == []
    assert len(job_board_server.requests) == 1


def test_size_cap_holds_without_a_content_length(job_board_server: JobBoardServer) -> None:
    body = b'{"jobs": ["' + b"x" * (3 * 1024 * 1024) + b'"]}'
    job_board_server.script("/api", Reply(200, body, content_length=False))
    policy = HttpPolicy(min_interval=0, max_bytes=1024 * 1024)

    with BoardHttp(policy, limiter=HostRateLimiter()) as http, pytest.raises(TooLarge):
        http.get_json(f"{job_board_server.base_url}/api")


def test_rate_limiter_spaces_requests_per_host() -> None:
    clock = [100.0]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        clock[0] += seconds

    limiter = HostRateLimiter(clock=lambda: clock[0], sleep=sleep)
    for _ in range(4):
        limiter.acquire("boards.example", min_interval=2.0, burst=2)
    limiter.acquire("other.example", min_interval=2.0, burst=2)

    assert waits == [2.0, 2.0]  # two at once (the burst), then one every 2 s
    clock[0] += 10
    assert limiter.acquire("boards.example", min_interval=2.0, burst=2) == 0.0


# --- building sources by name ---------------------------------------------------------------


def test_build_source_parses_specs() -> None:
    settings = SimpleNamespace(
        SERPAPI_API_KEY=SecretStr("k"), ADZUNA_APP_ID="i", ADZUNA_APP_KEY=SecretStr("s")
    )
    built = {
        spec: build_source(spec, settings=settings)
        for spec in (
            "greenhouse:stripe",
            "lever:netflix",
            "lever:eu:acme",
            "ashby:Linear",
            "arbeitnow",
            "remoteok",
            "themuse",
            "serpapi",
            "adzuna:DE",
        )
    }
    assert {spec: s.name for spec, s in built.items()} == {
        "greenhouse:stripe": "greenhouse:stripe",
        "lever:netflix": "lever:netflix",
        "lever:eu:acme": "lever:eu:acme",
        "ashby:Linear": "ashby:linear",
        "arbeitnow": "arbeitnow",
        "remoteok": "remoteok",
        "themuse": "themuse",
        "serpapi": "serpapi",
        "adzuna:DE": "adzuna:de",
    }
    eu = built["lever:eu:acme"]
    assert isinstance(eu, LeverSource)
    assert eu.base_url == "https://api.eu.lever.co"


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("monster", "Unknown job source 'monster'"),
        ("greenhouse", "write greenhouse:<board>"),
        ("greenhouse:../etc", "name '../etc' is not valid"),
        ("lever:us:acme", "write lever:<site> or lever:eu:<site>"),
        ("adzuna:xx", "no job search for country 'xx'"),
    ],
)
def test_build_source_rejects_bad_specs(spec: str, message: str) -> None:
    with pytest.raises(SourceSpecError, match=re.escape(message)):
        build_source(spec)


def test_keyed_sources_need_their_keys() -> None:
    with pytest.raises(MissingCredentials, match="needs SERPAPI_API_KEY"):
        build_source("serpapi", settings=SimpleNamespace())
    with pytest.raises(MissingCredentials, match="needs ADZUNA_APP_KEY"):
        build_source("adzuna:de", settings=SimpleNamespace(ADZUNA_APP_ID="i", ADZUNA_APP_KEY=""))

    keyless = ["greenhouse", "lever", "ashby", "arbeitnow", "remoteok", "themuse"]
    assert configured_live_sources(SimpleNamespace()) == keyless
    assert configured_live_sources(None) == keyless
    full = SimpleNamespace(
        SERPAPI_API_KEY=SecretStr("k"), ADZUNA_APP_ID="i", ADZUNA_APP_KEY=SecretStr("s")
    )
    assert configured_live_sources(full) == [*keyless, "serpapi", "adzuna"]


@pytest.mark.parametrize("name", ["stripe", "acme-corp", "a.b_c-9", " Stripe "])
def test_board_names_accepted(name: str) -> None:
    assert validate_board_name("greenhouse", name) == name.strip().lower()


@pytest.mark.parametrize("name", ["", "-acme", "acme/jobs", "acme corp", "acme?x=1", "é"])
def test_board_names_rejected(name: str) -> None:
    with pytest.raises(SourceSpecError, match="is not valid"):
        validate_board_name("lever", name)


# --- connector fidelity: pay ranges, long descriptions, cross-posted jobs -----------------


def _fetch(source_type: Callable[..., JobSource], board: str, server: JobBoardServer,
           **kwargs: Any) -> SourceResult:  # fmt: skip
    harness = Harness(server.base_url)
    source = source_type(board, base_url=server.base_url, http=harness.http, **kwargs)
    return source.search(SearchQuery("engineer"))


def _pay(posting: Any) -> tuple[float | None, float | None, str | None]:
    return posting.salary_min, posting.salary_max, posting.salary_currency


def test_greenhouse_reads_pay_ranges(job_board_server: JobBoardServer) -> None:
    result = _fetch(GreenhouseSource, "payco", job_board_server)

    assert result.warnings == []
    jobs = {p.title: p for p in result.postings}
    sre = jobs["Senior Site Reliability Engineer"]  # pay_input_ranges, in cents
    assert _pay(sre) == (120000, 150000, "USD")
    assert sre.extra["salary_period"] == "year"
    assert sre.extra["compensation"] == "Annual Salary: 120,000 – 150,000 USD"
    # Only a <div class="content-pay-transparency"> inside the escaped `content`.
    backend = jobs["Backend Engineer (m/w/d)"]
    assert _pay(backend) == (60000, 75000, "EUR")
    assert backend.extra["salary_period"] == "year"
    # Several zones: their span, in the first zone's currency (the CAD range is not mixed in).
    assert _pay(jobs["Data Analyst"]) == (90000, 130000, "USD")
    # A pay line in the text ("Rémunération : 45 000 € à 52 000 € brut annuel").
    assert _pay(jobs["Office Manager (H/F)"]) == (45000, 52000, "EUR")
    assert _pay(jobs["Office Coordinator"]) == (None, None, None)
    request = job_board_server.requests_to("/v1/boards/payco/jobs")[0]
    assert request.query["pay_transparency"] == ["true"]
    assert request.query["content"] == ["true"]


def test_lever_and_ashby_read_pay_written_as_text(job_board_server: JobBoardServer) -> None:
    lever = _fetch(LeverSource, "payco", job_board_server)
    ashby = _fetch(AshbySource, "payco", job_board_server)

    assert lever.warnings == ashby.warnings == []
    platform = lever.postings[0]  # no salaryRange, a salaryDescription
    assert _pay(platform) == (70000, 85000, "EUR")
    assert platform.extra["salary_period"] == "year"
    payments = ashby.postings[0]  # no summaryComponents, a compensationTierSummary
    assert _pay(payments) == (70000, 90000, "GBP")
    assert payments.extra["compensation"] == "£70K – £90K • Offers Equity"


def _padded(document: str, heading: str, times: int) -> str:
    """`document` with the paragraph after `heading` repeated `times` times, numbered:
    the recorded job grown to the size of a real 70 KB posting."""
    match = re.search(re.escape(heading) + r"\s*<(p|div)>(.*?)</\1>", document, re.S)
    assert match, heading
    tag, paragraph = match.group(1), match.group(2)
    extra = "".join(f"<{tag}>({n}) {paragraph}</{tag}>" for n in range(1, times + 1))
    return document[: match.end()] + extra + document[match.end() :]


def _listed(text: str, items: list[str]) -> bool:
    return "\n".join(f"- {item}" for item in items) in text


def test_long_greenhouse_description_keeps_the_role_lists(
    job_board_server: JobBoardServer,
) -> None:
    payload = _page_payload_of(job_board_server, "greenhouse/longco_jobs.json")
    english, french = payload["jobs"]
    content = html_lib.unescape(english["content"])
    content = _padded(content, "<h2>The team</h2>", 420)
    content = _padded(content, "<h2>Applicant Privacy Notice</h2>", 200)
    english["content"] = html_lib.escape(content)
    french_content = _padded(
        html_lib.unescape(french["content"]), "<h2>Protection des données personnelles</h2>", 450
    )
    french["content"] = html_lib.escape(french_content)
    assert len(content) > 70_000
    assert len(french_content) > 70_000
    job_board_server.script("/v1/boards/longco/jobs", Reply(200, _body(payload)))

    result = _fetch(GreenhouseSource, "longco", job_board_server)

    assert result.warnings == []
    text = result.postings[0].description_text
    assert len(text) <= MAX_TEXT_CHARS + len(TRUNCATION_MARK)
    assert _listed(text, [
        "Design and build Python services for payment routing",
        "Own PostgreSQL schemas and migrations end to end",
        "Review code and mentor two junior engineers",
        "Take part in a fair on-call rotation (one week in six)",
        "Write design documents and present them to the platform guild",
    ])  # fmt: skip
    assert _listed(text, [
        "5+ years building backend services in Python or Go",
        "Deep knowledge of PostgreSQL, including query tuning",
        "Experience running services on Kubernetes in production",
        "Fluent English; German is a plus",
    ])  # fmt: skip
    assert text.endswith("- Contributed to open-source infrastructure tooling")
    assert "equal opportunity employer" not in text
    assert "Privacy Notice" not in text
    assert "Acme builds the payment rails" not in text  # the board's intro, twice
    assert text.startswith("The team\n\nOur platform moved")  # trimmed, not dropped
    assert f"{TRUNCATION_MARK}\n\nResponsibilities" in text
    french_text = result.postings[1].description_text
    assert _listed(french_text, ["Concevoir les API de paiement en Python",
                                 "Piloter la qualité des données de facturation",
                                 "Accompagner deux développeurs juniors"])  # fmt: skip
    assert french_text.endswith("- Anglais courant")
    assert "Protection des données" not in french_text


def test_long_lever_description_keeps_the_lists(job_board_server: JobBoardServer) -> None:
    payload = _page_payload_of(job_board_server, "lever/longco.json")
    payload[0]["description"] = _padded(
        payload[0]["description"], "<div><b>The team</b></div>", 500
    )
    assert len(payload[0]["description"]) > 70_000
    job_board_server.script("/v0/postings/longco", Reply(200, _body(payload)))

    result = _fetch(LeverSource, "longco", job_board_server)

    assert result.warnings == []
    text = result.postings[0].description_text
    assert len(text) <= MAX_TEXT_CHARS + len(TRUNCATION_MARK)
    assert "Responsibilities\n\n- Design and build Python services for payment routing" in text
    assert text.endswith("Requirements\n\n- 5+ years building backend services in Python or Go"
                         "\n- Deep knowledge of PostgreSQL, including query tuning"
                         "\n- Experience running services on Kubernetes in production"
                         "\n- Fluent English; German is a plus")  # fmt: skip
    assert "equal opportunity" not in text


def test_long_ashby_description_keeps_german_role_sections(
    job_board_server: JobBoardServer,
) -> None:
    payload = _page_payload_of(job_board_server, "ashby/longco_board.json")
    job = payload["jobs"][0]
    job["descriptionHtml"] = _padded(job["descriptionHtml"], "<h2>Über uns</h2>", 300)
    job["descriptionHtml"] = _padded(job["descriptionHtml"], "<h2>Datenschutz</h2>", 150)
    assert len(job["descriptionHtml"]) > 70_000
    job_board_server.script("/posting-api/job-board/longco", Reply(200, _body(payload)))

    result = _fetch(AshbySource, "longco", job_board_server)

    assert result.warnings == []
    text = result.postings[0].description_text
    assert len(text) <= MAX_TEXT_CHARS + len(TRUNCATION_MARK)
    # Ashby wraps each item in <p>: a blank line between the items.
    assert "Deine Aufgaben\n\n- Du entwickelst Python-Services für unser Zahlungsrouting" in text
    assert "- Du verantwortest PostgreSQL-Schemata und Migrationen" in text
    assert "- Du begleitest zwei Junior-Entwickler:innen" in text
    assert text.endswith("Dein Profil\n\n- Mindestens fünf Jahre Erfahrung in der "
                         "Backend-Entwicklung\n\n- Sehr gute Kenntnisse in PostgreSQL und "
                         "Kubernetes\n\n- Fließendes Deutsch und Englisch")  # fmt: skip
    assert "Datenschutz" not in text
    assert "personenbezogenen Daten" not in text


def _page_payload_of(server: JobBoardServer, relative: str) -> Any:
    return json.loads(server.fixture(relative))


def test_cross_posted_job_is_merged_keeping_every_link(job_board_server: JobBoardServer) -> None:
    found = []
    for source_type, board, kwargs in [
        (GreenhouseSource, "acmegmbh", {}),  # "Acme GmbH"
        (LeverSource, "acme-inc", {}),  # "Acme Inc" (from the site name)
        (AshbySource, "acme-de", {"company": "ACME"}),
        (GreenhouseSource, "acmeag", {}),  # "ACME AG": another company, other text and pay
        (AshbySource, "acme-analytics", {}),  # "Acme Analytics": same pay, other text
    ]:
        result = _fetch(source_type, board, job_board_server, **kwargs)
        assert result.warnings == []
        found.extend(result.postings)
    assert len(found) == 5

    jobs = dedupe(found)

    assert [p.company for p in jobs] == ["Acme GmbH", "ACME AG", "Acme Analytics"]
    merged = jobs[0]
    links: Any = merged.extra.get("alternate_links")  # [{source, source_id, url, apply_url…}]
    assert isinstance(links, list)
    assert {merged.source, *(link["source"] for link in links)} == {
        "greenhouse:acmegmbh",
        "lever:acme-inc",
        "ashby:acme-de",
    }
    applies = {merged.apply_url, *(link["apply_url"] for link in links)}
    assert applies == {
        "https://job-boards.greenhouse.io/acmegmbh/jobs/5303001",
        "https://jobs.lever.co/acme-inc/3b2a1f0e-9d8c-4b7a-a695-847362514001/apply",
        "https://jobs.ashbyhq.com/acme-de/8a9b0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c01/application",
    }
    assert _pay(merged) == (70000, 90000, "EUR")
    assert _pay(jobs[1]) == (60000, 72000, "EUR")
    assert "extra" not in merged.model_dump(exclude={"extra"})
    assert PostingData.model_validate(json.loads(merged.model_dump_json())) == merged
    assert dedupe(jobs) == jobs
