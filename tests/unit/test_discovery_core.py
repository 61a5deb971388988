"""Discovery core: the bundled sample set, file import, HTML helpers, de-duplication
and the hard filters."""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import httpx
import pytest
from pydantic import ValidationError

from jobagent_core.discovery import dedupe as dd
from jobagent_core.discovery.filters import PostingFilters, apply_filters, infer_seniority
from jobagent_core.discovery.html import html_to_text, jobposting_from_jsonld, sanitize_html
from jobagent_core.discovery.sample_data import _raw, sample_anchor, sample_postings
from jobagent_core.discovery.schema import PostingData
from jobagent_core.discovery.seniority import title_seniority
from jobagent_core.discovery.sources import file_import
from jobagent_core.discovery.sources.base import SearchQuery
from jobagent_core.discovery.sources.file_import import FileSource, SourceFileError
from jobagent_core.discovery.sources.sample import SampleSource
from jobagent_core.retry_wait import backoff, retry_after
from tools.sample_data import generate as sample_generator

pytestmark = pytest.mark.unit

NOW = datetime(2031, 3, 15, 12, 0, tzinfo=UTC)


def posting(**fields: Any) -> PostingData:
    data: dict[str, Any] = {"source": "test", "source_id": "1", "title": "Engineer",
                            "company": "Acme"}  # fmt: skip
    return PostingData.model_validate(data | fields)


# --- sample data set -----------------------------------------------------------------


@pytest.fixture(scope="module")
def sample() -> tuple[PostingData, ...]:
    return sample_postings(NOW)


def test_sample_set_is_large_and_varied(sample: tuple[PostingData, ...]) -> None:
    families = Counter(str(p.extra["family"]) for p in sample)
    languages = Counter(p.language for p in sample)
    assert len(sample) >= 1500
    assert len(families) >= 25
    assert min(families.values()) >= 40
    assert {"nursing_icu", "nursing_general", "software_engineering", "electrician"} <= set(
        families
    )
    assert languages["de"] > 50
    assert languages["fr"] > 50
    assert sum(n for lang, n in languages.items() if lang != "en") >= 0.10 * len(sample)
    assert len({p.company for p in sample}) > 300
    assert len({p.location for p in sample}) > 100
    assert {p.seniority for p in sample} == {"intern", "junior", "mid", "senior", "lead",
                                             "principal", "executive"}  # fmt: skip
    assert sum(p.remote for p in sample) > 100
    assert {p.salary_currency for p in sample} >= {"EUR", "USD", "GBP", "CHF", "CAD"}


def test_every_sample_record_is_a_valid_unique_posting(sample: tuple[PostingData, ...]) -> None:
    _, records = _raw()
    for record in records:
        PostingData.model_validate(record)
    assert len({p.source_id for p in sample}) == len(sample)
    assert len(dd.dedupe(sample)) == len(sample)  # distinct jobs, even by company+title+place
    for p in sample:
        assert p.source == "sample"
        assert p.language
        assert p.extra["family"]
        assert 120 <= len(p.description_text.split()) <= 350, p.source_id
        assert p.description_html
        assert "<script" not in p.description_html
        assert p.url
        assert p.url.startswith("https://")
        assert ".example/" in p.url


def test_sample_descriptions_are_not_one_template(sample: tuple[PostingData, ...]) -> None:
    openings = Counter(p.description_text.split("\n", 1)[0][:25] for p in sample)
    assert len(openings) > len(sample) // 3
    german = [p for p in sample if p.language == "de"]
    french = [p for p in sample if p.language == "fr"]
    assert all(" und " in p.description_text for p in german)
    assert all(" et " in p.description_text or " des " in p.description_text for p in french)


def test_sample_dates_are_shifted_to_now(sample: tuple[PostingData, ...]) -> None:
    dates = [p.posted_at for p in sample if p.posted_at]
    assert len(dates) == len(sample)
    assert NOW - timedelta(days=3) < max(dates) <= NOW - timedelta(days=1)
    assert NOW - timedelta(days=70) < min(dates) < NOW - timedelta(days=50)
    assert sample_anchor() < NOW
    # Another day, the same relative spread.
    later = sample_postings(NOW + timedelta(days=10))
    assert max(p.posted_at for p in later if p.posted_at) - max(dates) == timedelta(days=10)


def test_sample_file_matches_its_generator() -> None:
    assert sample_generator.main(["--check"]) == 0


def test_sample_source_applies_query_filters_and_limit() -> None:
    source = SampleSource(now=NOW)
    everything = source.search(SearchQuery(title="anything", limit=10_000)).postings
    assert len(everything) >= 1500
    berlin = source.search(SearchQuery(title="x", location="Berlin", limit=10_000)).postings
    assert berlin
    assert all(p.remote or "Berlin" in (p.location or "") for p in berlin)
    remote = source.search(SearchQuery(title="x", remote_only=True, limit=10_000)).postings
    assert remote
    assert all(p.remote for p in remote)
    fresh = source.search(SearchQuery(title="x", posted_within_days=7, limit=10_000)).postings
    assert 0 < len(fresh) < len(everything) / 4
    icu = source.search(SearchQuery(title="ICU nurse", limit=20)).postings
    assert len(icu) == 20
    assert Counter(p.extra["family"] for p in icu).most_common(1)[0][0] == "nursing_icu"


# --- file import ---------------------------------------------------------------------


def test_json_list_import() -> None:
    rows = [
        {"title": "Backend Engineer", "company": "Acme GmbH", "location": "Berlin",
         "description": "<p>Build <b>APIs</b> &amp; more</p><script>alert(1)</script>",
         "url": "https://acme.example/jobs/1", "posted_at": "2025-05-01T09:00:00Z",
         "salary_min": "60000", "salary_max": "75.000", "currency": "eur", "remote": "yes",
         "employment_type": "Full-time"},
        {"job_title": "Nurse", "employer": "St Mary", "city": "London", "date": "05/25/2025",
         "salary": "£30k - £35k", "type": "Teilzeit"},
    ]  # fmt: skip
    source = FileSource(json.dumps(rows).encode(), "jobs.json")
    result = source.search(SearchQuery(title="ignored"))
    assert result.warnings == []
    first, second = result.postings
    assert first.source == "file"
    assert first.description_text == "Build APIs & more"
    assert first.description_html == "<p>Build <b>APIs</b> &amp; more</p>"
    assert (first.salary_min, first.salary_max, first.salary_currency) == (60000, 75000, "EUR")
    assert first.remote
    assert first.employment_type == "full_time"
    assert first.posted_at == datetime(2025, 5, 1, 9, tzinfo=UTC)
    assert (second.title, second.company, second.location) == ("Nurse", "St Mary", "London")
    assert second.posted_at == datetime(2025, 5, 25, tzinfo=UTC)
    assert (second.salary_min, second.salary_max, second.salary_currency) == (30000, 35000, "GBP")
    assert second.employment_type == "part_time"


def test_json_object_with_jobs_and_stable_namespaced_ids() -> None:
    payload = {"jobs": [{"title": "Chef", "company": "Bistro", "location": "Lyon"}]}
    a = FileSource(json.dumps(payload).encode(), "a.json").postings[0]
    again = FileSource(json.dumps(payload).encode(), "renamed.json").postings[0]
    payload["jobs"].append({"title": "Waiter", "company": "Bistro"})
    other_file = FileSource(json.dumps(payload).encode(), "a.json").postings[0]
    assert a.source_id == again.source_id
    assert a.source_id != other_file.source_id  # same row, different file
    assert a.source_id.split("-")[1] == other_file.source_id.split("-")[1]


def test_csv_import_with_semicolons_bom_and_german_dates() -> None:
    text = (
        "Job Title;Company Name;City;Description HTML;Link;Created At;Remote;Level\n"
        'Senior Data Engineer (m/w/d);Acme GmbH;München;"<ul><li>Spark</li><li>dbt</li></ul>";'
        "https://acme.example/2;01.05.2025;nein;\n"
        "Praktikant Marketing;Beta AG;Wien;;;2025-04-30;ja;\n"
    )
    result = FileSource(b"\xef\xbb\xbf" + text.encode(), "export.csv").search(SearchQuery("x"))
    assert result.warnings == []
    data, intern = result.postings
    assert data.description_text == "- Spark\n- dbt"
    assert data.posted_at == datetime(2025, 5, 1, tzinfo=UTC)
    assert data.seniority == "senior"
    assert not data.remote
    assert intern.seniority == "intern"
    assert intern.remote
    assert intern.extra["row"] == 3


def test_bad_rows_are_skipped_with_readable_warnings() -> None:
    text = (
        "title,company,url,posted_at,salary_min\n"
        "Good,Acme,https://a.example/1,2025-01-01,50000\n"
        ",Acme,,,\n"
        "No company,,,,\n"
        "Dates,Acme,javascript:alert(1),not a date,lots\n"
        "Good,Acme,https://a.example/1,2025-01-01,50000\n"
        f"{'x' * 301},Acme,,,\n"
        ",,,,\n"
    )
    source = FileSource(text.encode(), "jobs.csv")
    assert [p.title for p in source.postings] == ["Good", "Dates"]
    assert source.warnings == [
        "row 3: missing title",
        "row 4: missing company",
        "row 5: url 'javascript:alert(1)' is not an http(s) address; left empty",
        "row 5: could not read date 'not a date'; kept without",
        "row 5: could not read salary_min 'lots'; left empty",
        "row 6: same job as row 2; skipped",
        "row 7: title: String should have at most 300 characters; skipped",
    ]
    items = FileSource(json.dumps([1, {"title": "A"}]).encode(), "x.json").warnings
    assert items[:2] == ["row 1: not an object with named fields", "row 2: missing company"]


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "empty.csv", "is empty"),
        (b"  \n ", "blank.json", "is empty"),
        ("title,company\nCafé,Über\n".encode("latin-1"), "latin.csv", "not UTF-8"),
        (b"%PDF-1.7\x00\x01\x02", "cv.pdf", "not a JSON or CSV"),
        (b'{"jobs": [', "broken.json", r"not valid JSON \(line 1"),
        (b'"just text"', "odd.json", "expected a list of jobs"),
        (b"name,age\nBob,4\n", "people.csv", "no title column"),
    ],
)
def test_unreadable_files_raise_source_file_error(data: bytes, name: str, message: str) -> None:
    with pytest.raises(SourceFileError, match=message):
        FileSource(data, name)


def test_file_limits(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    monkeypatch.setattr(file_import, "MAX_FILE_BYTES", 100)
    with pytest.raises(SourceFileError, match=r"limit is 0 MB|larger than"):
        FileSource(b"title,company\n" + b"a,b\n" * 50, "big.csv")
    big = tmp_path / "big.csv"
    big.write_bytes(b"title,company\n" + b"a,b\n" * 50)
    with pytest.raises(SourceFileError, match="larger than"):
        FileSource(big)
    monkeypatch.setattr(file_import, "MAX_FILE_BYTES", 10_000)
    monkeypatch.setattr(file_import, "MAX_ROWS", 3)
    with pytest.raises(SourceFileError, match="more than 3 jobs"):
        FileSource(json.dumps([{"title": "a", "company": "b"}] * 4).encode(), "many.json")
    with pytest.raises(SourceFileError, match="cannot be opened"):
        FileSource(tmp_path / "missing.csv")


def test_parse_date_formats() -> None:
    parse = file_import.parse_date
    assert parse("2025-03-04") == datetime(2025, 3, 4, tzinfo=UTC)
    assert parse("2025-03-04T10:00:00+02:00") == datetime(2025, 3, 4, 8, tzinfo=UTC)
    assert parse("04.03.2025") == datetime(2025, 3, 4, tzinfo=UTC)
    assert parse("04/03/2025") == datetime(2025, 3, 4, tzinfo=UTC)
    assert parse("03/04/2025", month_first=True) == datetime(2025, 3, 4, tzinfo=UTC)
    assert parse("4 March 2025") == parse("March 4, 2025") == datetime(2025, 3, 4, tzinfo=UTC)
    assert parse("Tue, 04 Mar 2025 10:00:00 GMT") == datetime(2025, 3, 4, 10, tzinfo=UTC)
    assert parse(1741082400) == parse("1741082400000") == datetime(2025, 3, 4, 10, tzinfo=UTC)
    with pytest.raises(ValueError, match="next Tuesday"):
        parse("next Tuesday")


# --- HTML ----------------------------------------------------------------------------


def test_html_to_text_structure_and_entities() -> None:
    html = (
        "<h2>About&nbsp;us</h2><p>We build <b>tools</b> &amp; more.<br>Second line</p>"
        "<script>alert('x')</script><style>p {}</style>"
        "<ul><li>One</li><li>Two<ul><li>Nested</li></ul></li></ul>"
        "<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>"
        "<div>caf&eacute; &#8364;5 &lt;3</div>"
    )
    assert html_to_text(html) == (
        "About us\n\nWe build tools & more.\nSecond line\n\n- One\n- Two\n  - Nested\n\n"
        "a | b\n1 | 2\n\ncafé €5 <3"
    )
    assert html_to_text("&lt;p&gt;Escaped &amp;amp; twice&lt;/p&gt;") == "Escaped & twice"
    assert html_to_text("plain   text") == "plain text"
    assert html_to_text("") == ""


def test_sanitize_html_keeps_formatting_and_drops_active_content() -> None:
    dirty = (
        '<p onclick="steal()" style="color:red" class="x">Hi <strong>there</strong></p>'
        "<script>alert(1)</script><style>*{}</style><iframe src='https://evil.example'></iframe>"
        '<a href="javascript:alert(1)">bad</a><a href=" JaVaScRiPt:alert(1)">bad2</a>'
        '<a href="https://ok.example/?a=1&b=2" target="_blank">ok</a>'
        '<img src=x onerror="alert(1)"><custom-tag>kept text</custom-tag><!-- note -->'
        "<ul><li>item</li></ul>"
    )
    clean = sanitize_html(dirty)
    assert clean == (
        "<p>Hi <strong>there</strong></p>"
        '<a rel="nofollow noopener noreferrer">bad</a>'
        '<a rel="nofollow noopener noreferrer">bad2</a>'
        '<a href="https://ok.example/?a=1&amp;b=2" rel="nofollow noopener noreferrer">ok</a>'
        "kept text<ul><li>item</li></ul>"
    )
    for word in ("script", "onclick", "onerror", "style", "iframe", "javascript", "<img"):
        assert word not in clean.lower()


def test_jobposting_from_jsonld() -> None:
    job = {"@type": "JobPosting", "title": "Welder", "hiringOrganization": {"name": "Acme"}}
    page = (
        '<html><head><script type="application/ld+json">{"@type": "Organization"}</script>'
        '<script type="application/ld+json">{bad json</script>'
        '<script type="application/ld+json; charset=utf-8">'
        + json.dumps({"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, job]})
        + "</script></head><body><h1>Welder</h1></body></html>"
    )
    assert jobposting_from_jsonld(page) == job
    listed = f'<script type="application/ld+json">{json.dumps([job])}</script>'
    assert jobposting_from_jsonld(listed) == job
    assert jobposting_from_jsonld("<p>No structured data</p>") is None
    assert jobposting_from_jsonld('<script type="application/ld+json">{oops</script>') is None


# --- de-duplication ------------------------------------------------------------------


def test_normalisers() -> None:
    assert dd.normalise_title("Senior Data Engineer (m/w/d)") == "senior data engineer"
    assert dd.normalise_title("Sr. Data Engineer – Remote") == "senior data engineer"
    assert dd.normalise_title("Développeur Java (H/F)") == "developpeur java"
    assert dd.normalise_title("Entwickler*in (all genders)") == "entwickler"
    assert dd.company_key("ACME Software GmbH & Co. KG") == "acme software"
    assert dd.company_key("Acme Software") == "acme software"
    assert dd.company_key("Société Générale S.A.S.") == "societe generale"
    assert dd.company_key("The Good Company Ltd.") == "good"
    assert dd.company_key("GmbH") == "gmbh"
    a = posting(title="Data Engineer (m/w/d)", company="Acme GmbH", location="München")
    b = posting(title="data engineer", company="ACME", location="Munich, Germany")
    assert dd.dedupe_key(a) == dd.dedupe_key(b) == "acme|data engineer|munich"


def test_dedupe_merges_across_sources_and_is_idempotent() -> None:
    early, late = datetime(2025, 1, 1, tzinfo=UTC), datetime(2025, 1, 5, tzinfo=UTC)
    items = [
        posting(source="greenhouse", source_id="g1", title="Backend Engineer", company="Acme Inc.",
                location="Berlin", url="https://boards.example/acme/1?utm_source=x",
                description_text="short", posted_at=late),
        posting(source="arbeitnow", source_id="a9", title="Nurse", company="Clinic",
                location="Paris"),
        posting(source="sample", source_id="s3", title="Backend Engineer", company="ACME",
                location="Berlin, Germany", description_text="a much longer description",
                posted_at=early, salary_min=60000, salary_currency="EUR"),
        posting(source="remoteok", source_id="r7", title="Different title", company="Other",
                url="https://boards.example/acme/1", apply_url="https://apply.example/1"),
    ]  # fmt: skip
    merged = dd.dedupe(items)
    assert [p.source_id for p in merged] == ["s3", "a9"]
    best = merged[0]
    assert best.description_text == "a much longer description"
    assert best.posted_at == early
    assert best.url == "https://boards.example/acme/1?utm_source=x"
    assert best.apply_url == "https://apply.example/1"
    assert best.salary_min == 60000
    assert best.extra["merged_urls"] == "https://boards.example/acme/1"
    assert best.extra["merged_from"] == "greenhouse:g1 remoteok:r7"
    assert dd.dedupe(merged) == merged
    assert dd.dedupe([]) == []


# --- filters -------------------------------------------------------------------------


def _ids(items: list[PostingData]) -> list[str]:
    return [p.source_id for p in items]


def test_location_filter() -> None:
    items = [
        posting(source_id="munich", location="München, Deutschland"),
        posting(source_id="berlin", location="Berlin"),
        posting(source_id="zurich", location="Zürich, Schweiz"),
        posting(source_id="remote", location="Remote", remote=True),
        posting(source_id="remote-us", location="Remote (US)", remote=True),
        posting(source_id="nowhere", location=None),
        posting(source_id="town", location="Ludwigshafen am Rhein"),
    ]
    only = lambda loc: _ids(apply_filters(items, PostingFilters(location=loc)))  # noqa: E731
    assert only("Munich") == only("MÜNCHEN") == only("muenchen") == ["munich", "remote"]
    assert only("Germany") == ["munich", "berlin", "remote"]
    assert only("Europe") == ["munich", "berlin", "zurich", "remote"]
    assert only("Zurich") == ["zurich", "remote"]
    assert only("New York") == ["remote", "remote-us"]
    assert only("Berlin, on-site") == ["berlin"]
    assert only("remote") == ["remote", "remote-us"]
    assert only("ludwigshafen") == ["remote", "remote-us", "town"]  # unknown place: cannot tell
    assert only("  ") == _ids(items)


def test_remote_posted_company_keyword_and_seniority_filters() -> None:
    now = datetime(2025, 6, 30, tzinfo=UTC)
    items = [
        posting(source_id="1", title="Senior Engineer", company="Acme GmbH", remote=True,
                posted_at=now - timedelta(days=2), description_text="Python and C++ work"),
        posting(source_id="2", title="Engineer", company="Beta", posted_at=now - timedelta(days=20),
                description_text="Java"),
        posting(source_id="3", title="Head of Engineering", company="ACME",
                description_text="Pythonic leadership"),
        posting(source_id="4", title="Werkstudent Engineering", company="Gamma",
                seniority="junior", posted_at=now - timedelta(days=1)),
    ]  # fmt: skip

    def run(**kw: Any) -> list[str]:
        return _ids(apply_filters(items, PostingFilters(**kw), now=now))

    assert run(remote_only=True) == ["1"]
    assert run(posted_within_days=7) == ["1", "3", "4"]  # no date: kept
    assert run(excluded_companies=["acme"]) == ["2", "4"]
    assert run(excluded_keywords=["python"]) == ["2", "3", "4"]  # "Pythonic" is another word
    assert run(excluded_keywords=["C++", "JAVA"]) == ["3", "4"]
    assert run(seniority=["senior", "executive"]) == ["1", "3"]
    assert run(seniority=["mid"]) == ["2"]
    assert run(seniority=["junior"]) == ["4"]  # the source's own seniority wins
    assert infer_seniority(posting(title="Praktikant Marketing")) == "intern"
    assert infer_seniority(posting(title="Staff Engineer")) == "lead"


@pytest.mark.parametrize(
    ("texts", "level"),
    [
        (("Senior Staff Engineer",), "lead"),  # the first level that matches wins
        (("Head of Data Platform",), "executive"),
        (("Head Chef",), "lead"),
        (("Lead Generation Specialist",), None),  # marketing work, not a level
        (("Sr. Backend Developer",), "senior"),
        (("Développeur confirmé",), "senior"),
        (("Geschäftsführerin",), "executive"),
        (("Werkstudentin Data Analytics",), "intern"),
        (("Becario de marketing",), "intern"),
        (("Data Engineer", "Full-Time", "Junior"), "junior"),  # a board's level labels
        (("Data Engineer",), None),
        ((None, ""), None),
    ],
)
def test_every_source_reads_seniority_from_titles_the_same_way(
    texts: tuple[str | None, ...], level: str | None
) -> None:
    assert title_seniority(*texts) == level


def test_filter_settings_are_validated() -> None:
    with pytest.raises(ValidationError):
        PostingFilters(posted_within_days=0)
    with pytest.raises(ValidationError):
        PostingFilters(posted_within_days=366)
    with pytest.raises(ValidationError):
        PostingFilters.model_validate({"seniority": ["wizard"]})
    assert PostingFilters(excluded_keywords=[" ", "sales "]).excluded_keywords == ["sales"]


def test_retry_after_reads_seconds_milliseconds_and_http_dates() -> None:
    now = datetime(2024, 3, 4, 12, 0, 0, tzinfo=UTC)
    in_thirty = format_datetime(datetime(2024, 3, 4, 12, 0, 30, tzinfo=UTC), usegmt=True)
    assert retry_after(httpx.Headers({"Retry-After": "7"})) == 7.0
    assert retry_after(httpx.Headers({"Retry-After": in_thirty}), now=now) == 30.0
    assert retry_after({"retry-after": "Mon, 04 Mar 2024 11:00:00 GMT"}, now=now) == 0.0
    assert retry_after(httpx.Headers({"retry-after-ms": "250"})) == 0.25
    assert retry_after(httpx.Headers({"Retry-After": "soon"})) is None
    assert retry_after(httpx.Headers()) is None
    for attempt, ceiling in ((1, 0.5), (2, 1.0), (3, 2.0), (9, 4.0)):
        assert ceiling / 2 <= backoff(attempt, 0.5, 4.0) <= ceiling
