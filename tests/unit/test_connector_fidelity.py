"""Connector fidelity without a network: the one money-range parser every board's
pay text goes through, long descriptions that keep the role's text under the size
cap, and cross-posted jobs merged into one posting that keeps every link.

The same behaviour through the boards' real wire formats (recorded payloads served
over HTTP) is in tests/integration/test_job_boards.py."""

from __future__ import annotations

import json
from typing import Any

import pytest

from jobagent_core.discovery import dedupe as dd
from jobagent_core.discovery.schema import PostingData
from jobagent_core.discovery.sources.pay import (
    parse_salary,
    salary_period,
)
from jobagent_core.discovery.sources.text import (
    MAX_TEXT_CHARS,
    TRUNCATION_MARK,
    describe_html,
    describe_text,
)

pytestmark = pytest.mark.unit


# --- one parser for money ranges ----------------------------------------------------------


PAY_TEXTS: dict[str, tuple[float | None, float | None, str | None]] = {
    "€60K–€80K a year": (60000, 80000, "EUR"),
    "$25–$30 an hour": (25, 30, "USD"),
    "$120,000 — $150,000 USD": (120000, 150000, "USD"),
    "€60.000 - €75.000": (60000, 75000, "EUR"),
    "Base Pay Range (Zone 1) $120,000—$150,000 USD": (120000, 150000, "USD"),
    "Rémunération : 60 000 € à 75 000 € brut annuel": (60000, 75000, "EUR"),
    "EUR 65.000,00 – 80.000,00 brutto": (65000, 80000, "EUR"),
    "CA$90,000 - CA$110,000": (90000, 110000, "CAD"),
    "$95,000 - $120,000 CAD": (95000, 120000, "CAD"),
    "CHF 120'000 – 140'000": (120000, 140000, "CHF"),
    "€60-80K": (60000, 80000, "EUR"),
    "Zone A: $100,000 - $130,000; Zone B: $90,000 - $117,000": (90000, 130000, "USD"),
    "Gehalt: bis zu 75.000 € im Jahr": (None, 75000, "EUR"),
    "from $90k, plus equity": (90000, None, "USD"),
    "5+ years, 401(k) matching, since 2012": (None, None, None),
}


def test_parse_salary_reads_the_formats_boards_write() -> None:
    assert {text: parse_salary(text) for text in PAY_TEXTS} == PAY_TEXTS


def test_salary_period_reads_words_not_fragments() -> None:
    assert salary_period("Annual Salary") == "year"
    assert salary_period("Jahresgehalt (brutto jährlich)") == "year"
    assert salary_period("per-year-salary") == "year"
    assert salary_period("$25–$30 an hour") == "hour"
    assert salary_period("Salary range, reviewed today") is None  # "today" is no "day"


# --- long descriptions: boilerplate goes, the role stays ----------------------------------

FILLER = (
    "Our platform moved from one monolith to hundreds of services, and every migration "
    "taught us something about reliability, our customers and ourselves."
)
PRIVACY = (
    "When you apply we process the personal data you give us, such as your CV and "
    "interview notes, and keep it for six months unless you agree otherwise."
)
EEO = (
    "Acme is an equal opportunity employer and considers all applicants without regard "
    "to race, colour, religion, sex, sexual orientation or gender identity."
)


def _numbered(text: str, count: int) -> str:
    return "".join(f"<p>({n}) {text}</p>" for n in range(1, count + 1))


def _items(prefix: str, count: int) -> list[str]:
    return [f"{prefix} {n}: Python, PostgreSQL and Kubernetes in production" for n in range(count)]


def _ul(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"


def test_role_lists_at_the_end_of_a_long_description_survive() -> None:
    duties, needs = _items("Duty", 12), _items("Requirement", 12)
    body = (
        "<h2>About Acme</h2><p>Acme builds payment rails for thousands of companies.</p>"
        f"<h2>The team</h2>{_numbered(FILLER, 420)}"
        f"<h2>Benefits</h2><ul><li>30 days of holiday</li><li>{FILLER}</li></ul><p>{EEO}</p>"
        f"<h2>Applicant Privacy Notice</h2>{_numbered(PRIVACY, 200)}"
        f"<h2>Responsibilities</h2>{_ul(duties)}<h2>Requirements</h2>{_ul(needs)}"
    )
    assert len(body) > 70_000

    text, _ = describe_html(body)

    assert len(text) <= MAX_TEXT_CHARS + len(TRUNCATION_MARK)
    for item in duties + needs:
        assert f"- {item}" in text
    assert text.endswith(f"- {needs[-1]}")
    assert "equal opportunity" not in text
    assert "Privacy Notice" not in text
    assert "personal data" not in text
    assert "About Acme" not in text
    assert "The team\n\n(1) Our platform" in text  # the long other section: trimmed, not gone
    assert f"{TRUNCATION_MARK}\n\nResponsibilities" in text

    # Below the cap nothing goes; role text alone over it is cut at the end.
    short, _ = describe_html(f"<h2>About us</h2><p>{EEO}</p><h2>Requirements</h2>{_ul(needs)}")
    assert short.startswith(f"About us\n\n{EEO}")
    many = _items("Requirement", 1500)
    capped = describe_html(f"<h2>Requirements</h2>{_ul(many)}")[0]
    assert len(capped) <= MAX_TEXT_CHARS + len(TRUNCATION_MARK)
    assert capped.startswith(f"Requirements\n\n- {many[0]}")
    assert capped.endswith(TRUNCATION_MARK)


@pytest.mark.parametrize(
    ("about", "offer", "privacy", "tasks", "profile"),
    [
        ("Über uns", "Was wir bieten", "Datenschutz", "Deine Aufgaben", "Dein Profil"),
        ("Wer wir sind", "Unser Angebot", "Datenschutzhinweise", "Ihre Aufgaben", "Anforderungen"),
        ("À propos de nous", "Nos avantages", "Données personnelles", "Vos missions", "Profil"),
        ("About us", "What we offer", "Privacy notice", "What you'll do", "Qualifications"),
    ],
)
def test_headings_in_english_german_and_french_are_understood(
    about: str, offer: str, privacy: str, tasks: str, profile: str
) -> None:
    duties, needs = _items("Aufgabe", 8), _items("Kenntnis", 8)
    text = "\n\n".join(
        [
            about,
            *(f"({n}) {FILLER}" for n in range(280)),
            offer,
            *(f"- ({n}) {FILLER}" for n in range(60)),
            privacy,
            *(f"({n}) {PRIVACY}" for n in range(120)),
            tasks,
            "\n".join(f"- {d}" for d in duties),
            profile,
            "\n".join(f"- {n}" for n in needs),
        ]
    )
    assert len(text) > 70_000

    capped = describe_text(text)

    assert len(capped) <= MAX_TEXT_CHARS + len(TRUNCATION_MARK)
    assert f"{tasks}\n\n- {duties[0]}" in capped
    assert capped.endswith(f"{profile}\n\n" + "\n".join(f"- {n}" for n in needs))
    assert privacy not in capped
    assert offer not in capped


def test_plain_text_headings_with_colons_and_repeated_blurbs() -> None:
    blurb = "Acme builds payment rails for thousands of R&D-heavy companies across Europe."
    duties = _items("Duty", 10)
    text = (
        f"{blurb}\n\n"
        + "\n\n".join(f"({n}) {FILLER}" for n in range(420))
        + f"\n\n{blurb}\n\nRequirements:\n"
        + "\n".join(f"- {d}" for d in duties)
        + f"\n\n{blurb}\n\n{EEO}"
    )
    assert len(text) > MAX_TEXT_CHARS

    capped = describe_text(text)

    assert len(capped) <= MAX_TEXT_CHARS + len(TRUNCATION_MARK)
    assert capped.count(blurb) == 1
    assert EEO not in capped
    assert capped.endswith("Requirements:\n" + "\n".join(f"- {d}" for d in duties))


# --- cross-posted jobs --------------------------------------------------------------------

JOB_TEXT = (
    "We are looking for a Senior Data Engineer to build the pipelines behind our fraud and "
    "payments analytics. You will join a team of six engineers and work closely with data "
    "scientists and product managers in Berlin.\n\nWhat you'll do\n\n- Design and run batch "
    "and streaming pipelines with Spark and Kafka\n- Model our payments warehouse in dbt and "
    "BigQuery\n- Make data quality measurable with tests, alerts and clear ownership\n\n"
    "What you bring\n\n- Five or more years of data engineering in production\n- Strong SQL "
    "and Python, and experience with Airflow or Dagster"
)
OTHER_TEXT = (
    "ACME AG is a Swiss insurance group. As Senior Data Engineer in our Berlin hub you "
    "migrate actuarial reporting from legacy mainframes to a modern cloud platform and "
    "support our risk management teams.\n\nYour tasks\n\n- Migrate COBOL-based actuarial "
    "reports to Snowflake\n- Build reconciliation jobs for insurance claims\n- Document data "
    "lineage for the regulator\n\nYour profile\n\n- Experience with insurance or actuarial "
    "data\n- Good knowledge of Snowflake and Informatica\n- German at C1 level"
)


def posting(**fields: Any) -> PostingData:
    data: dict[str, Any] = {
        "source": "greenhouse:acme",
        "source_id": "1",
        "title": "Senior Data Engineer (m/w/d)",
        "company": "Acme GmbH",
        "location": "Berlin, Germany",
        "salary_min": 70000,
        "salary_max": 90000,
        "salary_currency": "EUR",
        "description_text": JOB_TEXT,
    }
    return PostingData.model_validate(data | fields)


def _cross_posted() -> list[PostingData]:
    return [
        posting(url="https://job-boards.greenhouse.io/acme/jobs/1",
                apply_url="https://job-boards.greenhouse.io/acme/jobs/1"),
        posting(source="lever:acme", source_id="l-7", company="ACME", title="Senior Data Engineer",
                location="Berlin", url="https://jobs.lever.co/acme/l-7",
                apply_url="https://jobs.lever.co/acme/l-7/apply"),
        posting(source="ashby:acme", source_id="a-3", company="Acme Inc.",
                title="Sr. Data Engineer", location="Berlin, DE",
                url="https://jobs.ashbyhq.com/acme/a-3",
                apply_url="https://jobs.ashbyhq.com/acme/a-3/application"),
    ]  # fmt: skip


def test_cross_posted_job_becomes_one_posting_with_every_link() -> None:
    merged = dd.dedupe(_cross_posted())

    assert len(merged) == 1
    job = merged[0]
    links = dd.alternate_links(job)
    assert job.extra["alternate_links"] == links
    sources = {job.source} | {link["source"] for link in links}
    assert sources == {"greenhouse:acme", "lever:acme", "ashby:acme"}
    applies = {job.apply_url} | {link["apply_url"] for link in links}
    assert applies == {
        "https://job-boards.greenhouse.io/acme/jobs/1",
        "https://jobs.lever.co/acme/l-7/apply",
        "https://jobs.ashbyhq.com/acme/a-3/application",
    }
    assert {link["company"] for link in links} <= {"ACME", "Acme Inc.", "Acme GmbH"}
    assert dd.dedupe(merged) == merged
    # What the database hands back (extra is a JSON column) is the same posting.
    assert PostingData.model_validate(json.loads(job.model_dump_json())) == job


def test_merging_again_keeps_the_links_of_earlier_merges() -> None:
    first = dd.dedupe(_cross_posted()[:2])
    again = dd.dedupe([*first, _cross_posted()[2]])
    assert len(again) == 1
    refs = {f"{link['source']}:{link['source_id']}" for link in dd.alternate_links(again[0])}
    assert len(refs) == 2
    assert f"{again[0].source}:{again[0].source_id}" not in refs


def test_similar_company_names_with_different_pay_stay_apart() -> None:
    ours = posting(company="Acme Inc.")
    theirs = posting(source="greenhouse:acme-ag", source_id="9", company="Acme AG",
                     salary_min=50000, salary_max=62000)  # fmt: skip
    assert dd.dedupe_key(ours) == dd.dedupe_key(theirs)
    assert len(dd.dedupe([ours, theirs])) == 2


def test_similar_company_names_with_different_texts_stay_apart() -> None:
    ours = posting(company="Acme Inc.", salary_min=None, salary_max=None, salary_currency=None)
    theirs = posting(source="greenhouse:acme-ag", source_id="9", company="ACME AG",
                     description_text=OTHER_TEXT, salary_min=None, salary_max=None,
                     salary_currency=None)  # fmt: skip
    assert len(dd.dedupe([ours, theirs])) == 2
    assert len(dd.dedupe([ours, *_cross_posted(), theirs])) == 2


def test_company_name_variants_merge_on_the_same_text() -> None:
    full = posting(company="Acme Software GmbH")
    slug = posting(source="lever:acme", source_id="l-7", company="Acme",
                   url="https://jobs.lever.co/acme/l-7")  # fmt: skip
    merged = dd.dedupe([full, slug])
    assert len(merged) == 1
    assert dd.alternate_links(merged[0])[0]["url"] == "https://jobs.lever.co/acme/l-7"
    # A name that merely starts the same, with another text: another company's job.
    analytics = posting(source="ashby:acme-analytics", source_id="x", company="Acme Analytics",
                        description_text=OTHER_TEXT)  # fmt: skip
    assert len(dd.dedupe([slug, analytics])) == 2


def test_an_aggregator_snippet_still_merges_with_the_full_text() -> None:
    full = posting()
    snippet = posting(source="adzuna:de", source_id="z1", company="ACME",
                      description_text=JOB_TEXT[:400] + "…", salary_min=None,
                      salary_max=None, salary_currency=None)  # fmt: skip
    merged = dd.dedupe([full, snippet])
    assert len(merged) == 1
    assert merged[0].source == "greenhouse:acme"
    assert dd.alternate_links(merged[0])[0]["source"] == "adzuna:de"
