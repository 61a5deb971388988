"""Reading a posting the person added: board job links, schema.org JSON-LD, a page's
readable text, pasted text, and the request's checks (all offline)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
from pydantic import ValidationError

from jobagent_core.config import SettingsError, load_settings
from jobagent_core.discovery.pasted_posting import (
    MAX_TEXT_CHARS,
    PastedPostingError,
    read_pasted,
)
from jobagent_core.discovery.posting_links import (
    BoardJobLink,
    board_job_link,
    canonical_url,
    link_problem,
)
from jobagent_core.discovery.posting_page import (
    UnreadablePage,
    posting_from_json,
    posting_from_page,
)
from jobagent_core.discovery.posting_reader import pasted_posting
from jobagent_core.workflows.added_posting_start import AddPostingRequest

pytestmark = pytest.mark.unit

UUID = "3b2a1f0e-9d8c-4b7a-a695-847362514001"
DESCRIPTION = (
    "<p>We build payment rails for companies across Europe.</p><h3>What you'll do</h3>"
    "<ul><li>Design Python services and APIs</li><li>Own PostgreSQL schemas and "
    "migrations</li><li>Run Kafka pipelines with the data team</li></ul>"
    "<p>You have five years of backend experience and enjoy mentoring others.</p>"
)
JOB: dict[str, Any] = {
    "@context": "https://schema.org",
    "@type": "JobPosting",
    "title": "Senior Backend Engineer",
    "description": DESCRIPTION,
    "datePosted": "2024-03-01",
    "employmentType": ["FULL_TIME"],
    "hiringOrganization": {"@type": "Organization", "name": "Acme Payments GmbH"},
    "jobLocation": {
        "@type": "Place",
        "address": {
            "@type": "PostalAddress",
            "addressLocality": "Berlin",
            "addressCountry": "DE",
        },
    },
    "baseSalary": {
        "@type": "MonetaryAmount",
        "currency": "EUR",
        "value": {
            "@type": "QuantitativeValue",
            "minValue": 70000,
            "maxValue": 90000,
            "unitText": "YEAR",
        },
    },
}


def page(*scripts: Any, body: str = "<h1>Careers</h1><p>Short.</p>", lang: str = "en") -> str:
    blocks = "".join(
        f'<script type="application/ld+json">{json.dumps(s)}</script>' for s in scripts
    )
    return f'<html lang="{lang}"><head><title>Jobs</title>{blocks}</head><body>{body}</body></html>'


def read(html: str, url: str = "https://careers.acme.example/jobs/7") -> Any:
    return posting_from_page(html, url, source="added", source_id=canonical_url(url))


# -- board links ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://boards.greenhouse.io/acme/jobs/4012345001",
            BoardJobLink("greenhouse", "acme", "4012345001"),
        ),
        (
            "https://job-boards.greenhouse.io/Acme/jobs/4012345001?gh_src=abc",
            BoardJobLink("greenhouse", "acme", "4012345001"),
        ),
        (
            "https://boards.greenhouse.io/embed/job_app?for=acme&token=4012345001",
            BoardJobLink("greenhouse", "acme", "4012345001"),
        ),
        (f"https://jobs.lever.co/acme-inc/{UUID}", BoardJobLink("lever", "acme-inc", UUID)),
        (
            f"https://jobs.lever.co/acme-inc/{UUID.upper()}/apply?lever-source=x",
            BoardJobLink("lever", "acme-inc", UUID),
        ),
        (
            f"https://jobs.eu.lever.co/payco/{UUID}",
            BoardJobLink("lever", "payco", UUID, region="eu"),
        ),
        (f"https://jobs.ashbyhq.com/acme/{UUID}", BoardJobLink("ashby", "acme", UUID)),
        (
            f"https://jobs.ashbyhq.com/acme/{UUID}/application",
            BoardJobLink("ashby", "acme", UUID),
        ),
    ],
)
def test_board_job_links_are_recognised(url: str, expected: BoardJobLink) -> None:
    assert board_job_link(url) == expected


@pytest.mark.parametrize(
    "url",
    [
        "https://boards.greenhouse.io/acme",  # the board, not a job
        "https://boards.greenhouse.io/acme/jobs/not-a-number",
        "https://greenhouse.io.evil.example/acme/jobs/4012345001",
        "https://jobs.lever.co/acme",
        "https://jobs.lever.co/acme/not-a-uuid",
        f"https://jobs.ashbyhq.com/acme/{UUID}/something-else",
        f"ftp://jobs.ashbyhq.com/acme/{UUID}",
        "https://acme.example/careers/4012345001",
        "not a link",
    ],
)
def test_other_links_are_not_board_jobs(url: str) -> None:
    assert board_job_link(url) is None


def test_canonical_links_drop_what_does_not_name_the_posting() -> None:
    assert (
        canonical_url("HTTPS://Careers.Acme.example:443/jobs/7/?utm_source=li&id=3&ref=x#apply")
        == "https://careers.acme.example/jobs/7?id=3"
    )
    assert (
        canonical_url("http://acme.example:8080/a?b=2&a=1") == "http://acme.example:8080/a?a=1&b=2"
    )
    assert (
        canonical_url("https://job-boards.greenhouse.io/acme/jobs/4012345001?gh_src=1")
        == "https://boards.greenhouse.io/acme/jobs/4012345001"
    )


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("", "Paste the link"),
        ("ftp://acme.example/job", "https://"),
        ("https://", "names no web site"),
        ("https://user:pw@acme.example/job", "user name or password"),
        ("https://acme.example/a job", "no spaces"),
        ("https://acme.example:port/job", "not a web address"),
        ("https://acme.example/" + "a" * 2100, "longer than"),
    ],
)
def test_bad_links_are_refused_in_words(url: str, fragment: str) -> None:
    problem = link_problem(url)
    assert problem is not None
    assert fragment in problem


# -- JSON-LD ------------------------------------------------------------------------------


def test_a_single_jsonld_object_gives_every_field() -> None:
    posting = read(page(JOB))
    assert posting.source == "added"
    assert posting.source_id == "https://careers.acme.example/jobs/7"
    assert posting.title == "Senior Backend Engineer"
    assert posting.company == "Acme Payments GmbH"
    assert posting.location == "Berlin, DE"
    assert posting.remote is False
    assert posting.employment_type == "full_time"
    assert posting.seniority == "senior"
    assert (posting.salary_min, posting.salary_max, posting.salary_currency) == (
        70000,
        90000,
        "EUR",
    )
    assert posting.extra["salary_period"] == "year"
    assert posting.posted_at == datetime(2024, 3, 1, tzinfo=UTC)
    assert posting.language == "en"
    # HTML description → text (and sanitised HTML), no tags left in the text
    assert "Own PostgreSQL schemas" in posting.description_text
    assert "<li>" not in posting.description_text
    assert posting.description_html is not None
    assert posting.extra["read_from"] == "json-ld"


def test_jsonld_in_a_graph_or_a_list_is_found() -> None:
    graph = {"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, JOB]}
    assert read(page(graph)).title == "Senior Backend Engineer"
    listed = [{"@type": "Organization", "name": "Acme"}, JOB]
    assert read(page(listed)).company == "Acme Payments GmbH"
    # a broken block before a good one is skipped
    broken = page(JOB).replace(
        "<script", '<script type="application/ld+json">{oops</script><script', 1
    )
    assert read(broken).title == "Senior Backend Engineer"


def test_remote_jobs_and_escaped_descriptions() -> None:
    remote = {
        **JOB,
        "jobLocation": None,
        "jobLocationType": "TELECOMMUTE",
        "applicantLocationRequirements": [
            {"@type": "Country", "name": "Germany"},
            {"@type": "Country", "name": "Austria"},
        ],
        "description": DESCRIPTION.replace("<", "&lt;").replace(">", "&gt;"),
        "employmentType": "CONTRACTOR",
        "baseSalary": {"currency": "EUR", "value": {"value": 650, "unitText": "DAY"}},
    }
    posting = read(page(remote))
    assert posting.remote is True
    assert posting.location == "Remote (Germany; Austria)"
    assert posting.employment_type == "contract"
    assert (posting.salary_min, posting.salary_max, posting.extra["salary_period"]) == (
        650,
        650,
        "day",
    )
    assert "Design Python services" in posting.description_text
    assert "&lt;" not in posting.description_text


def test_missing_jsonld_fields_fall_back_to_the_page() -> None:
    bare = {"@type": "JobPosting", "title": "Data Engineer"}
    body = "<main><h1>Data Engineer</h1>" + "".join(
        f"<p>Build pipeline number {n} with Python and SQL for our analysts.</p>" for n in range(8)
    )
    html = page(bare, body=body).replace(
        "<head>", '<head><meta property="og:site_name" content="Nordwind Analytics">'
    )
    posting = read(html)
    assert posting.title == "Data Engineer"
    assert posting.company == "Nordwind Analytics"  # the site's name
    assert posting.location is None
    assert posting.posted_at is None
    assert posting.salary_min is None
    assert "Build pipeline number 3" in posting.description_text  # the page's own text
    # No company anywhere: the site's host names it.
    assert read(page(bare, body=body), "https://jobs.nord-wind.example/7").company == "Nord Wind"


def test_jsonld_without_a_title_reads_the_page_text() -> None:
    body = "<article><h1>ICU Nurse</h1>" + "".join(
        f"<p>Care for patient group {n} in our intensive care unit in Hamburg.</p>"
        for n in range(8)
    )
    posting = read(page({"@type": "JobPosting", "description": "x"}, body=body))
    assert posting.title == "ICU Nurse"
    assert posting.extra["read_from"] == "page text"


def test_parsed_json_files_are_read_the_same_way() -> None:
    posting = posting_from_json({"@graph": [JOB]}, source="added", source_id="text:1")
    assert (posting.title, posting.company, posting.url) == (
        "Senior Backend Engineer",
        "Acme Payments GmbH",
        None,
    )
    with pytest.raises(UnreadablePage, match=r"no schema\.org JobPosting"):
        posting_from_json({"@type": "Organization"}, source="added", source_id="text:1")


# -- the page's readable text -----------------------------------------------------------------


ELECTRICIAN_LINES = (
    "You install and maintain electrical systems in new office buildings.",
    "You read wiring plans and test installations before they are handed over.",
    "You hold a journeyman's certificate and a driving licence.",
    "We offer 30 days of holiday, a company van and paid training.",
)


def test_a_page_without_jsonld_gives_its_main_text() -> None:
    body = (
        "<nav><a href='/'>Home</a></nav><main><h1>Electrician (m/w/d)</h1>"
        "<p>Company: Blitz Elektro GmbH</p><p>Location: Munich, Germany</p>"
        + "".join(f"<p>{line}</p>" for line in ELECTRICIAN_LINES)
        + "</main>"
    )
    posting = read(page(body=body, lang="de"))
    assert posting.title == "Electrician (m/w/d)"  # the h1, not the <title>
    assert posting.company == "Blitz Elektro GmbH"
    assert posting.location == "Munich, Germany"
    assert posting.language == "de"
    assert "install and maintain" in posting.description_text


def test_a_page_with_too_little_text_is_unreadable() -> None:
    with pytest.raises(UnreadablePage, match="too little readable text"):
        read(page(body="<div id='app'></div><noscript>Enable JavaScript</noscript>"))


# -- pasted text ------------------------------------------------------------------------------

BODY = (
    "We are looking for someone to build our batch and streaming pipelines with Python, "
    "SQL and Airflow, and to mentor two junior engineers."
)


def test_pasted_title_and_company_come_from_the_text() -> None:
    pasted = read_pasted(f"Data Engineer\nCompany: Nordwind GmbH\nLocation: Remote\n\n{BODY}")
    assert (pasted.title, pasted.company, pasted.location, pasted.remote) == (
        "Data Engineer",
        "Nordwind GmbH",
        "Remote",
        True,
    )
    at = read_pasted(f"Senior Data Engineer at Nordwind GmbH\n\n{BODY}")
    assert (at.title, at.company) == ("Senior Data Engineer", "Nordwind GmbH")
    labelled = read_pasted(f"{BODY}\nPosition: Analytics Engineer\nEmployer: Acme AG")
    assert (labelled.title, labelled.company) == ("Analytics Engineer", "Acme AG")


def test_the_form_fields_win_over_the_text() -> None:
    pasted = read_pasted(
        f"Data Engineer at Nordwind GmbH\n\n{BODY}", title=" Lead  Engineer ", company="Acme"
    )
    assert (pasted.title, pasted.company) == ("Lead Engineer", "Acme")


def test_the_same_text_gets_the_same_id_however_it_is_spaced() -> None:
    one = read_pasted(f"Data Engineer at Nordwind\n\n{BODY}")
    two = read_pasted(f"Data Engineer at Nordwind\r\n\r\n\r\n{BODY.replace(' ', '  ')}  ")
    assert one.source_id == two.source_id
    assert one.source_id.startswith("text:")
    posting = pasted_posting(one)
    assert (posting.source, posting.source_id, posting.title) == (
        "added",
        one.source_id,
        "Data Engineer",
    )


@pytest.mark.parametrize(
    ("text", "fields", "fragment"),
    [
        ("   \n ", {}, "Paste the posting's text"),
        ("Data Engineer at Acme", {}, "too little text"),
        ("x" * (MAX_TEXT_CHARS + 1), {}, "characters long"),
        (f"Data Engineer\n{BODY}\x00", {}, "NUL"),
        (f"{BODY} And more.", {"company": "Acme"}, "title"),
        (f"Data Engineer\n\n{BODY}", {}, "which company"),
        (f"Data Engineer\n\n{BODY}", {"company": "A" * 301}, "longer than 300"),
    ],
)
def test_pasted_text_is_checked_in_words(text: str, fields: dict[str, str], fragment: str) -> None:
    with pytest.raises(PastedPostingError, match=fragment):
        read_pasted(text, **fields)


# -- the request ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ({}, "either the posting's link"),
        ({"url": "https://acme.example/jobs/1", "text": BODY}, "not both"),
        ({"url": "  ", "text": ""}, "either the posting's link"),
        ({"url": "javascript:alert(1)"}, "https://"),
        ({"text": f"Data Engineer\n\n{BODY}"}, "which company"),
        ({"url": "https://acme.example/jobs/1", "user_id": "someone"}, "Extra inputs"),
        ({"text": BODY, "title": "t" * 301}, "at most 300"),
    ],
)
def test_the_request_takes_one_posting(body: dict[str, Any], fragment: str) -> None:
    with pytest.raises(ValidationError, match=fragment):
        AddPostingRequest.model_validate(body)


def test_the_request_keeps_what_the_run_needs() -> None:
    linked = AddPostingRequest(url=" https://acme.example/jobs/1 ", company="Acme")
    assert linked.run_params() == {
        "url": "https://acme.example/jobs/1",
        "label": "https://acme.example/jobs/1",
        "title": None,
        "company": "Acme",
    }
    pasted = AddPostingRequest(text=f"Data Engineer\nCompany: Nordwind\n\n{BODY}")
    params = pasted.run_params()
    assert (params["title"], params["company"], params["label"]) == (
        "Data Engineer",
        "Nordwind",
        "Data Engineer at Nordwind",
    )


def test_board_api_base_urls_setting_is_checked() -> None:
    settings = load_settings(
        BOARD_API_BASE_URLS="greenhouse=http://127.0.0.1:8123/, ashby=https://a.example"
    )
    assert settings.board_api_urls == {
        "greenhouse": "http://127.0.0.1:8123",
        "ashby": "https://a.example",
    }
    with pytest.raises(SettingsError, match="BOARD_API_BASE_URLS"):
        load_settings(BOARD_API_BASE_URLS="workday=https://w.example")
    with pytest.raises(SettingsError, match="BOARD_API_BASE_URLS"):
        load_settings(BOARD_API_BASE_URLS="lever=ftp://x")
    assert load_settings().FETCH_ALLOW_LOOPBACK is False
