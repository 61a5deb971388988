"""`jobagent tailor --cv CV --job URL|FILE --out DIR`: one posting scored against the
CV, its letter and tailored CV written, on the embedded defaults (a SQLite file, no
LLM). The link is a page served on 127.0.0.1, reachable through the fetcher's guard
only because FETCH_ALLOW_LOOPBACK (its test switch) is set."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from jobagent_core.cli import main
from tests import cv_fixtures
from tests.page_server import PageServer, jsonld_page
from tests.page_server import page_server as page_server
from tests.worker_support import configure_sqlite

pytestmark = pytest.mark.unit

FILES = {"cover-letter.md", "cover-letter.pdf", "cover-letter.docx", "cv.md", "cv.pdf", "cv.docx"}
POSTING = """Senior Data Engineer
Company: Havel Data GmbH
Location: Berlin, Germany

Havel Data runs the data platform of a Berlin e-commerce group.
You build batch and streaming pipelines in Python and SQL with Airflow and Kafka,
model the warehouse with dbt, and mentor two junior engineers.
Requirements: 5+ years of data engineering, strong Python and SQL, dbt, Spark.
"""
JOB = {
    "@context": "https://schema.org",
    "@type": "JobPosting",
    "title": "ICU Nurse (Intensive Care)",
    "hiringOrganization": {"@type": "Organization", "name": "Klinikum Nord"},
    "jobLocation": {"@type": "Place", "address": {"addressLocality": "Hamburg"}},
    "description": "<p>Care for ventilated patients in our 20-bed intensive care unit.</p>"
    "<ul><li>Registered nurse with ICU experience</li><li>ECMO and dialysis a plus</li>"
    "<li>Shift work, German B2</li></ul>",
}


@pytest.fixture
def here(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    configure_sqlite(monkeypatch, tmp_path, FETCH_ALLOW_LOOPBACK="true")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def tailor(*args: str) -> Result:
    return CliRunner().invoke(main, ["tailor", *args], catch_exceptions=False)


def score(output: str) -> int:
    found = re.search(r"^Score: (\d+)/100$", output, re.MULTILINE)
    assert found is not None, output
    return int(found.group(1))


def written(out: Path) -> set[str]:
    (folder,) = out.iterdir()
    return {p.name for p in folder.iterdir()}


def test_a_posting_file_gets_its_score_letter_and_cv(here: Path) -> None:
    (here / "cv.txt").write_text(cv_fixtures.render_txt(cv_fixtures.DATA_ENGINEER))
    (here / "job.txt").write_text(POSTING)

    result = tailor("--cv", "cv.txt", "--job", "job.txt", "--out", "out")
    assert result.exit_code == 0, result.output
    assert "Senior Data Engineer at Havel Data GmbH" in result.stdout
    assert score(result.stdout) >= 60
    assert "Why it fits:" in result.stdout
    assert "Gaps:" in result.stdout
    assert written(here / "out") == FILES
    letter = next((here / "out").iterdir()) / "cover-letter.md"
    assert cv_fixtures.DATA_ENGINEER.name in letter.read_text()
    assert "Havel Data" in letter.read_text()


def test_a_json_ld_file_and_a_link_are_read_too(here: Path, page_server: PageServer) -> None:
    (here / "cv.pdf").write_bytes(cv_fixtures.render_pdf(cv_fixtures.ICU_NURSE))
    (here / "job.json").write_text(json.dumps({"@graph": [JOB]}))
    from_file = tailor("--cv", "cv.pdf", "--job", "job.json")
    assert from_file.exit_code == 0, from_file.output
    assert "ICU Nurse (Intensive Care) at Klinikum Nord" in from_file.stdout
    score(from_file.stdout)

    (here / "saved.html").write_text(jsonld_page({**JOB, "title": "ICU Nurse, days"}))
    from_html = tailor("--cv", "cv.pdf", "--job", "saved.html")
    assert from_html.exit_code == 0, from_html.output
    assert "ICU Nurse, days at Klinikum Nord" in from_html.stdout

    url = page_server.serve_html("/jobs/icu", jsonld_page({**JOB, "title": "ICU Nurse, nights"}))
    from_link = tailor("--cv", "cv.pdf", "--job", url, "--out", "out")
    assert from_link.exit_code == 0, from_link.output
    assert "ICU Nurse, nights at Klinikum Nord" in from_link.stdout
    assert f"Link: {url}" in from_link.stdout
    score(from_link.stdout)
    assert written(here / "out") == FILES


def test_a_posting_in_the_import_format_is_read(here: Path) -> None:
    (here / "cv.txt").write_text(cv_fixtures.render_txt(cv_fixtures.DATA_ENGINEER))
    posting = {
        "title": "Analytics Engineer",
        "company": "Spree Metrics GmbH",
        "location": "Berlin, Germany",
        "description": POSTING.split("\n\n", 1)[1],
    }
    (here / "job.json").write_text(json.dumps(posting))
    result = tailor("--cv", "cv.txt", "--job", "job.json")
    assert result.exit_code == 0, result.output
    assert "Analytics Engineer at Spree Metrics GmbH (Berlin, Germany)" in result.stdout
    score(result.stdout)


def test_a_weak_fit_is_written_all_the_same(here: Path) -> None:
    (here / "cv.txt").write_text(cv_fixtures.render_txt(cv_fixtures.ELECTRICIAN))
    (here / "job.txt").write_text(POSTING)
    result = tailor("--cv", "cv.txt", "--job", "job.txt", "--out", "out")
    assert result.exit_code == 0, result.output
    assert score(result.stdout) < 60
    assert "  - " in result.stdout.split("Gaps:", 1)[1]  # at least one gap named
    assert written(here / "out") == FILES


def test_what_cannot_be_read_is_said_in_one_line(here: Path, page_server: PageServer) -> None:
    (here / "cv.txt").write_text(cv_fixtures.render_txt(cv_fixtures.DATA_ENGINEER))
    (here / "short.txt").write_text("Data Engineer at Acme")
    short = tailor("--cv", "cv.txt", "--job", "short.txt")
    assert short.exit_code == 1
    assert "too little text" in short.stderr

    missing = tailor("--cv", "cv.txt", "--job", "nowhere.txt")
    assert missing.exit_code == 1
    assert "cannot read nowhere.txt" in missing.stderr

    url = page_server.serve_html("/app", "<html><body><div id='app'></div></body></html>")
    empty = tailor("--cv", "cv.txt", "--job", url, "--out", "out")
    assert empty.exit_code == 1
    assert "too little readable text" in empty.stderr
    assert "Paste the posting's text instead." in empty.stderr
    assert not (here / "out").exists()
    assert "Traceback" not in empty.output
