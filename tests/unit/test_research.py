"""Company research without the network: the postings-only profile states nothing
the postings do not; the website is read from company-hosted URLs only; the SSRF
address checks (with a stand-in resolver: no traffic ever leaves the machine);
link discovery and citation checks; the shared cache on SQLite and PostgreSQL
(reuse across users, expiry, online upgrade, concurrent writers)."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from jobagent_core.db.models import CompanyResearch
from jobagent_core.discovery.schema import PostingData
from jobagent_core.fetch_errors import Blocked, Timeout, Unavailable
from jobagent_core.llm import strict_json_schema
from jobagent_core.research import (
    Citation,
    CompanyProfile,
    FetchedPage,
    FetchPolicy,
    SiteContent,
    SiteFetcher,
    get_or_research,
    profile_from_row,
    research_key,
    research_offline,
    website_from_postings,
)
from jobagent_core.research.online import verified_citations
from jobagent_core.research.pages import discover_links, extract_text
from jobagent_core.research.url_guard import address_problem, check_url, resolve_checked

pytestmark = pytest.mark.unit

ACME_ABOUT = (
    "ACME Data GmbH builds open-source tools for data pipelines. "
    "Our 120 people work from Berlin and Lisbon."
)


def posting(
    n: int,
    title: str,
    *,
    company: str = "ACME Data GmbH",
    location: str | None = "Berlin, Germany",
    remote: bool = False,
    body: str = "",
    url: str | None = "auto",
    **extra: str,
) -> PostingData:
    return PostingData(
        source="greenhouse",
        source_id=str(n),
        title=title,
        company=company,
        location=location,
        remote=remote,
        employment_type="full_time",
        description_text=body,
        url=f"https://boards.greenhouse.io/acmedata/jobs/{n}" if url == "auto" else url,
        extra=dict(extra),
    )


DATA_ENGINEER = f"""About ACME Data

{ACME_ABOUT}

What you will do

- Build batch and streaming pipelines in Python and SQL
- Run Airflow and Kafka in production

Benefits

- 30 days of paid holiday
- Yearly learning budget"""

ANALYTICS_ENGINEER = """The role

You will model data in SQL with dbt and Python.

What we offer

- 30 days of paid holiday
- Hybrid work from Berlin"""


def acme_postings() -> list[PostingData]:
    return [
        posting(1, "Data Engineer", body=DATA_ENGINEER, department="Data Platform"),
        posting(
            2,
            "Analytics Engineer",
            location="Lisbon, Portugal",
            remote=True,
            body=ANALYTICS_ENGINEER,
            department="Data Platform",
        ),
        posting(3, "Office Manager", company="Other Corp", body="Other Corp is a bakery."),
    ]


# --------------------------------------------------------------------------- schema


def test_the_profile_is_a_strict_llm_output_schema_and_keeps_only_filled_facts() -> None:
    schema = strict_json_schema(CompanyProfile)
    facts = schema["properties"]["facts"]
    assert facts["additionalProperties"] is False
    assert set(facts["required"]) == set(facts["properties"]) >= {"industry", "size"}
    reply = {
        "company_name": "ACME",
        "website": None,
        "summary": "ACME builds tools.",
        "facts": {"industry": "Software", "size": None, "products": ["A", "B"], "founded": " "},
        "citations": [{"url": "https://acme.example/", "title": "Home", "quote": "ACME builds"}],
    }
    profile = CompanyProfile.model_validate(reply)
    assert profile.facts == {"industry": "Software", "products": "A, B"}


# --------------------------------------------------------------------------- offline


def test_offline_profile_states_only_what_the_postings_say() -> None:
    postings = acme_postings()
    profile = research_offline("ACME Data GmbH", postings)

    assert profile.company_name == "ACME Data GmbH"
    facts = profile.facts
    assert facts["open_roles"] == "2 postings on file"  # Other Corp's posting is not ACME's
    assert facts["hiring_focus"] == "Data Engineer; Analytics Engineer"
    assert facts["locations"] == "Berlin, Germany; Lisbon, Portugal"
    assert facts["remote_policy"] == "remote for 1 of 2"
    assert facts["departments"] == "Data Platform"
    assert facts["employment_types"] == "full time"
    # Repeated across both postings: Python and SQL; Airflow, Kafka and dbt only once.
    assert facts["skills"].split(", ") == ["Python", "SQL"]
    assert facts["benefits"].startswith("30 days of paid holiday; ")
    assert "Other Corp" not in profile.summary
    assert "bakery" not in profile.summary
    # Every fact value is built from words that occur in the postings.
    corpus = " ".join(
        f"{p.title} {p.location} {p.description_text} {p.extra}" for p in postings[:2]
    ).lower()
    for key, value in facts.items():
        if key in ("open_roles", "remote_policy", "employment_types"):
            continue
        for item in value.replace(";", ",").split(","):
            assert item.strip().lower() in corpus, (key, item)

    # The company's own words are quoted verbatim and cited to the posting they are in.
    assert f"“{ACME_ABOUT}”" in profile.summary
    assert 2 <= profile.summary.count(". ") + 1 <= 6
    first = profile.citations[0]
    assert first == Citation(url=postings[0].url or "", title="Data Engineer", quote=ACME_ABOUT)
    assert {c.url for c in profile.citations} == {postings[0].url, postings[1].url}
    for citation in profile.citations:
        source = next(p for p in postings if p.url == citation.url)
        assert citation.quote in f"{source.title}\n{source.description_text}"
    # Greenhouse hosts the postings: that says nothing about ACME's own website.
    assert profile.website is None


def test_offline_profile_without_postings_says_so() -> None:
    profile = research_offline("Nobody Ltd", acme_postings())
    assert profile.facts == {}
    assert profile.citations == []
    assert "no job postings from Nobody Ltd" in profile.summary


def test_self_description_without_a_heading_and_no_invented_about() -> None:
    body = "Key facts\n\n- Location: Paris\n\nChez Acme Data, nous construisons des outils."
    profile = research_offline("Acme Data", [posting(7, "Dev", company="Acme Data", body=body)])
    assert "“Chez Acme Data, nous construisons des outils.”" in profile.summary
    plain = research_offline(
        "Acme Data",
        [
            posting(
                8, "Dev", company="Acme Data", body="Acme Data is an equal opportunity employer."
            )
        ],
    )
    assert "describes itself" not in plain.summary


@pytest.mark.parametrize(
    ("urls", "expected"),
    [
        (["https://careers.acme-data.com/jobs/1"], "https://acme-data.com"),
        (["https://www.acmedata.de/karriere/1"], "https://acmedata.de"),
        (["https://boards.greenhouse.io/acmedata/jobs/1"], None),
        (["https://jobs.lever.co/acme/1", "https://de.indeed.com/viewjob?jk=1"], None),
        (["https://acme-data.recruitee.com/o/1", "https://acme.personio.de/job/1"], None),
        (["https://www.some-recruiter.com/jobs/acme-data-engineer"], None),  # no "acme" host
        (["http://10.0.0.7/jobs/1"], None),
    ],
)
def test_website_comes_only_from_company_hosted_urls(urls: list[str], expected: str | None) -> None:
    postings = [posting(i, "Data Engineer", url=u) for i, u in enumerate(urls)]
    assert website_from_postings("ACME Data GmbH", postings) == expected


def test_website_from_a_recorded_company_url() -> None:
    item = posting(1, "Dev", company_url="https://www.acme-data.com/")
    assert website_from_postings("ACME Data", [item]) == "https://acme-data.com"


# --------------------------------------------------------------------------- SSRF guards


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("127.0.0.1", "a loopback address"),
        ("127.8.9.10", "a loopback address"),
        ("::1", "a loopback address"),
        ("10.1.2.3", "a private address"),
        ("172.16.0.1", "a private address"),
        ("192.168.1.1", "a private address"),
        ("169.254.169.254", "a link-local address"),
        ("fe80::1%eth0", "a link-local address"),
        ("fc00::1", "a private address"),
        ("fec0::1", "a site-local address"),
        ("224.0.0.251", "a multicast address"),
        ("ff02::1", "a multicast address"),
        ("0.0.0.0", "the unspecified address"),  # noqa: S104  (an address under test)
        ("::", "the unspecified address"),
        ("240.0.0.1", "a reserved address"),
        ("100.64.0.1", "not a public address"),
        ("192.0.2.10", "a private address"),
        ("::ffff:127.0.0.1", "an IPv6 form of 127.0.0.1, a loopback address"),
        ("::ffff:10.0.0.1", "an IPv6 form of 10.0.0.1, a private address"),
        ("2002:a9fe:a9fe::1", "an IPv6 form of 169.254.169.254, a link-local address"),
        ("64:ff9b::a00:1", "an IPv6 form of 10.0.0.1, a private address"),
        ("not-an-ip", "not an IP address"),
        ("93.184.215.14", None),
        ("2606:4700:4700::1111", None),
    ],
)
def test_address_checks(address: str, problem: str | None) -> None:
    assert address_problem(address) == problem


def test_only_loopback_is_let_through_by_the_test_flag() -> None:
    assert address_problem("127.0.0.1", allow_loopback=True) is None
    assert address_problem("::1", allow_loopback=True) is None
    assert address_problem("10.0.0.1", allow_loopback=True) == "a private address"
    assert address_problem("169.254.169.254", allow_loopback=True) == "a link-local address"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://acme.com/", "only http and https"),
        ("file:///etc/passwd", "only http and https"),
        ("javascript:alert(1)", "only http and https"),
        ("https://user:secret@acme.com/", "credentials"),
        ("http://acme.com:8080/", "non-standard port"),
        ("http://acme.com:22/", "non-standard port"),
        ("http:///nohost", "no host name"),
    ],
)
def test_url_checks(url: str, message: str) -> None:
    with pytest.raises(Blocked, match=message) as caught:
        check_url(url, FetchPolicy())
    assert "secret" not in str(caught.value)


def test_url_checks_allow_standard_ports_and_the_test_flag() -> None:
    assert check_url("https://acme.com/about", FetchPolicy()).host == "acme.com"
    assert check_url("http://acme.com:443/", FetchPolicy()).port == 443
    assert check_url("http://127.0.0.1:8123/", FetchPolicy(allow_loopback=True)).port == 8123


def resolver_of(answers: dict[str, list[str]]) -> Callable[[str, int], Sequence[str]]:
    def resolve(host: str, port: int) -> Sequence[str]:
        if host not in answers:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return answers[host]

    return resolve


ANSWERS = {
    "public.example": ["93.184.215.14", "2606:4700:4700::1111"],
    "mixed.example": ["93.184.215.14", "10.0.0.5"],  # one bad answer blocks the host
    "metadata.example": ["169.254.169.254"],
    "local.example": ["127.0.0.1", "::1"],
    "v6local.example": ["::1"],
    "nothing.example": [],
}


@pytest.mark.parametrize(
    ("host", "port", "allow", "error"),
    [
        ("mixed.example", 443, False, "resolves to 10.0.0.5, which is a private address"),
        ("metadata.example", 80, False, "169.254.169.254, which is a link-local address"),
        ("metadata.example", 80, True, "link-local"),
        ("local.example", 80, False, "127.0.0.1, which is a loopback address"),
        ("v6local.example", 443, False, "::1, which is a loopback address"),
        ("10.9.8.7", 80, True, "10.9.8.7 is a private address"),
        ("public.example", 8080, True, "non-standard port"),
    ],
)
def test_every_resolved_address_is_checked(host: str, port: int, allow: bool, error: str) -> None:
    answers = {**ANSWERS, "10.9.8.7": ["10.9.8.7"]}
    with pytest.raises(Blocked, match=error):
        resolve_checked(
            host, port, FetchPolicy(allow_loopback=allow), resolver=resolver_of(answers)
        )


def test_resolution_results() -> None:
    resolve = resolver_of(ANSWERS)
    policy = FetchPolicy()
    assert (
        resolve_checked("public.example", 443, policy, resolver=resolve)
        == ANSWERS["public.example"]
    )
    loopback = FetchPolicy(allow_loopback=True)
    assert resolve_checked("local.example", 9999, loopback, resolver=resolve) == [
        "127.0.0.1",
        "::1",
    ]
    with pytest.raises(Unavailable, match=r"could not find the host unknown\.example"):
        resolve_checked("unknown.example", 443, policy, resolver=resolve)
    with pytest.raises(Unavailable, match="no addresses"):
        resolve_checked("nothing.example", 443, policy, resolver=resolve)


def test_a_hanging_dns_lookup_is_cut_short() -> None:
    release = threading.Event()

    def stuck(host: str, port: int) -> Sequence[str]:
        release.wait(5)
        return ["93.184.215.14"]

    with pytest.raises(Timeout, match=r"looking up slow\.example"):
        resolve_checked("slow.example", 443, FetchPolicy(connect_timeout=0.2), resolver=stuck)
    assert not release.is_set()  # it gave up while the lookup was still hanging
    release.set()


@pytest.mark.parametrize(
    "url",
    [
        "http://metadata.example/latest/meta-data/",
        "https://mixed.example/",
        "http://local.example/",
        "http://10.0.0.1/",
        "http://[::1]/",
        "http://127.0.0.1/",
    ],
)
def test_the_fetcher_refuses_before_connecting(url: str) -> None:
    """The guard sits where the connection is made: a refused address is never dialled."""
    asked: list[str] = []
    answers = {**ANSWERS, "10.0.0.1": ["10.0.0.1"], "::1": ["::1"], "127.0.0.1": ["127.0.0.1"]}
    resolve = resolver_of(answers)

    def recording(host: str, port: int) -> Sequence[str]:
        asked.append(host)
        return resolve(host, port)

    with SiteFetcher(FetchPolicy(), resolver=recording) as fetcher, pytest.raises(Blocked):
        fetcher.fetch_page(url)
    assert asked  # the refusal came from the address check, not from a failed connection
    site = SiteFetcher(FetchPolicy(), resolver=recording).fetch_site(url)
    assert site.pages == ()
    assert site.problems[0].startswith("homepage: ")
    assert "only public web sites are fetched" in site.problems[0]


# --------------------------------------------------------------------------- pages


def test_links_to_about_and_careers_pages_are_found_on_the_homepage() -> None:
    html = """<html><body><nav>
      <a href="#top">Top</a><a href="mailto:hi@acme.com">Mail</a>
      <a href="https://twitter.com/acme/about">About us on Twitter</a>
      <a href="/company">Company</a>
      <a href="/de/ueber-uns">Über uns</a>
      <a href="https://karriere.acme.com/stellen">Offene Stellen</a>
      <a href="https://jobs.lever.co/acme">Jobs</a>
      <a href="/">Home</a>
    </nav></body></html>"""
    links = discover_links(html, "https://www.acme.com/")
    assert links == {
        "about": "https://www.acme.com/de/ueber-uns",  # named in the text beats the path
        "careers": "https://karriere.acme.com/stellen",  # same site, not the board
    }
    assert discover_links("<a href='/impressum'>Impressum</a>", "https://acme.com/") == {}


def test_main_text_is_extracted_and_tiny_pages_fall_back_to_all_text() -> None:
    article = " ".join(["ACME builds data tools for hospitals and schools."] * 8)
    html = f"<html><body><nav>Home | About</nav><article><p>{article}</p></article></body></html>"
    assert "ACME builds data tools" in extract_text(html, "https://acme.com/")
    assert extract_text("<p>Hi there</p>") == "Hi there"


def test_citations_must_quote_the_fetched_pages() -> None:
    pages = [
        FetchedPage("home", "https://acme.com/", "ACME", "ACME builds data tools.\nFor everyone."),
        FetchedPage("about", "https://acme.com/about", "About", "Founded in 2015 in  Berlin."),
    ]
    citations = [
        Citation(url="https://acme.com/", title="x", quote="ACME builds data tools."),
        Citation(url="https://acme.com/", title="x", quote="founded in 2015 in Berlin"),
        Citation(url="https://acme.com/about", title="x", quote="ACME has 5,000 employees."),
        Citation(url="https://acme.com/", title="x", quote="ACME"),  # too short to mean much
        Citation(url="https://acme.com/", title="x", quote="“ACME builds data tools.”"),  # repeat
    ]
    kept = verified_citations(citations, pages)
    assert kept == [
        Citation(url="https://acme.com/", title="ACME", quote="ACME builds data tools."),
        # Credited to the page that holds it.
        Citation(url="https://acme.com/about", title="About", quote="founded in 2015 in Berlin"),
    ]


# --------------------------------------------------------------------------- cache


def count_rows(engine: Engine) -> int:
    with Session(engine) as db:
        return db.scalar(select(func.count()).select_from(CompanyResearch)) or 0


def test_research_is_shared_across_users_and_refreshed_when_expired(engine: Engine) -> None:
    first_user = acme_postings()[:1]
    second_user = [posting(9, "Platform Engineer", body="ACME Data runs Kubernetes.")]
    with Session(engine) as db:
        row = get_or_research(
            db, "ACME Data GmbH", first_user, online=False, client=None, max_age_days=14
        )
        db.commit()
        first_id, researched = row.id, row.researched_at
        assert row.company_key == research_key("Acme Data") == "acme data"
        assert row.method == "offline"
        assert row.expires_at is not None
        assert row.expires_at - researched == timedelta(days=14)
        assert "Data Engineer" in row.summary

    # Another user, other postings, a differently written name: the cached row is served.
    with Session(engine) as db:
        again = get_or_research(
            db, "Acme Data", second_user, online=False, client=None, max_age_days=14
        )
        assert (again.id, again.researched_at) == (first_id, researched)
        assert "Platform Engineer" not in again.summary
        assert profile_from_row(again).citations[0].quote == ACME_ABOUT

    with Session(engine) as db:
        stale = db.scalars(select(CompanyResearch)).one()
        stale.expires_at = datetime.now(UTC) - timedelta(minutes=1)
        db.commit()
    with Session(engine) as db:
        fresh = get_or_research(
            db, "ACME Data", second_user, online=False, client=None, max_age_days=14
        )
        db.commit()
        assert fresh.id == first_id  # updated in place
        assert fresh.researched_at > researched
        assert "Platform Engineer" in fresh.summary
    assert count_rows(engine) == 1


def site_with(text: str) -> Callable[[str], SiteContent]:
    def fetch(url: str) -> SiteContent:
        page = FetchedPage("home", url, "Home", text)
        return SiteContent(website=url, pages=(page,), problems=())

    return fetch


def unreachable(url: str) -> SiteContent:
    return SiteContent(website=url, pages=(), problems=("homepage: connection failed",))


def test_online_research_upgrades_an_offline_row_and_retries_a_fallback_soon(
    engine: Engine,
) -> None:
    postings = acme_postings()[:2]
    notes: list[str] = []
    with Session(engine) as db:
        get_or_research(db, "ACME Data", postings, online=False, client=None, max_age_days=30)
        db.commit()
    with Session(engine) as db:
        # Online wanted: the offline row is not good enough; no LLM -> fallback, kept 1 day.
        row = get_or_research(
            db,
            "ACME Data",
            postings,
            online=True,
            client=None,
            max_age_days=30,
            website="https://acme-data.com",
            fetch=unreachable,
            on_note=notes.append,
        )
        db.commit()
        assert row.method == "fallback"
        assert row.expires_at is not None
        assert row.expires_at - row.researched_at == timedelta(days=1)
    assert notes == [
        "research on ACME Data: no LLM is configured to summarise the company's website"
    ]
    with Session(engine) as db:
        # Within that day the fallback is served, also to online callers.
        again = get_or_research(
            db,
            "ACME Data",
            postings,
            online=True,
            client=None,
            max_age_days=30,
            on_note=notes.append,
        )
        assert again.method == "fallback"
        assert len(notes) == 1


def test_an_expired_online_profile_survives_a_failed_refresh(engine: Engine) -> None:
    with Session(engine) as db:
        db.add(
            CompanyResearch(
                company_key="acme data",
                company_name="ACME Data",
                website="https://acme-data.com",
                summary="ACME Data builds tools.",
                method="online",
                researched_at=datetime.now(UTC) - timedelta(days=40),
                expires_at=datetime.now(UTC) - timedelta(days=10),
            )
        )
        db.commit()
    with Session(engine) as db:
        row = get_or_research(
            db, "ACME Data", acme_postings(), online=True, client=None, max_age_days=30
        )
        db.commit()
        assert (row.method, row.summary) == ("online", "ACME Data builds tools.")
        assert row.expires_at is not None
        assert timedelta(hours=23) < row.expires_at - datetime.now(UTC) <= timedelta(days=1)


def test_concurrent_research_of_one_company_writes_one_row(engine: Engine) -> None:
    barrier = threading.Barrier(4)
    errors: list[BaseException] = []
    ids: list[str] = []

    def work(n: int) -> None:
        try:
            with Session(engine) as db:
                barrier.wait(5)
                postings = [posting(n, f"Engineer {n}", company="Racy Co")]
                row = get_or_research(
                    db, "Racy Co", postings, online=False, client=None, max_age_days=1
                )
                db.commit()
                ids.append(row.id)
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    assert len(set(ids)) == 1
    assert count_rows(engine) == 1
