"""`jobagent search`: the main job in one line on the embedded defaults."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document as DocxDocument
from pypdf import PdfReader

from tests import cv_fixtures
from tests.cli_support import run_cli

pytestmark = pytest.mark.unit


def _env() -> dict[str, str]:
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"DATABASE_URL", "UI_DATABASE_URL", "REDIS_URL", "SMTP_URL", "LLM_BASE_URL"}
    }
    env["COLUMNS"] = "200"
    return env


def jobagent(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, env=_env(), cwd=cwd)


def jobagent_process(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The real `python -m jobagent_core.cli` process (the entry point itself)."""
    return subprocess.run(
        [sys.executable, "-m", "jobagent_core.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=_env(),
        check=False,
        timeout=300,
    )


def test_search_profiles_ranks_and_writes_letters(tmp_path: Path) -> None:
    (tmp_path / "cv.pdf").write_bytes(cv_fixtures.render_pdf(cv_fixtures.ICU_NURSE))
    result = jobagent_process(
        "search", "--cv", "cv.pdf", "--title", "ICU Nurse", "--out", "out", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Score" in result.stdout
    assert "matches" in result.stderr
    # No SMTP here: the digest is simply off, not a warning on every run.
    assert "E-mail digest" not in result.stderr
    folders = sorted((tmp_path / "out").iterdir())
    assert folders, result.stdout
    first = folders[0]
    assert {p.name for p in first.iterdir()} == {
        "cover-letter.md",
        "cover-letter.pdf",
        "cover-letter.docx",
        "cv.md",
        "cv.pdf",
        "cv.docx",
    }
    name = cv_fixtures.ICU_NURSE.name
    assert name in (first / "cover-letter.md").read_text()
    pdf_text = "".join(page.extract_text() for page in PdfReader(first / "cv.pdf").pages)
    assert name in pdf_text
    docx_text = "\n".join(p.text for p in DocxDocument(str(first / "cover-letter.docx")).paragraphs)
    assert name in docx_text
    # The embedded default database under var/ now holds the runs, for the web app.
    assert (tmp_path / "var" / "jobagent.db").exists()


def test_search_refuses_bad_input_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "photo.pdf").write_bytes(cv_fixtures.png_bytes())
    bad_cv = jobagent("search", "--cv", "photo.pdf", "--title", "Nurse", cwd=tmp_path)
    assert bad_cv.returncode == 1
    assert "photo.pdf looks like a PNG image" in bad_cv.stderr
    assert "Traceback" not in bad_cv.stderr

    (tmp_path / "cv.txt").write_text(cv_fixtures.render_txt(cv_fixtures.ELECTRICIAN))
    bad_source = jobagent(
        "search", "--cv", "cv.txt", "--title", "Electrician", "--source", "monster", cwd=tmp_path
    )
    assert bad_source.returncode == 1
    assert "monster" in bad_source.stderr
    assert "Traceback" not in bad_source.stderr


NURSE_JOBS_CSV = """title,company,location,description,url
ICU Nurse,St Mary Hospital,London,"Critical care nursing, ventilator management, patient assessment.",https://example.org/jobs/1
Staff Nurse,Royal Infirmary,Leeds,"Ward nursing, medication administration, patient assessment.",https://example.org/jobs/2
"""
NURSE_JOBS_JSON = """{"jobs": [{"title": "Critical Care Nurse", "company": "Northside Clinic",
"location": "London", "description": "Intensive care nursing and ventilator management.",
"url": "https://example.org/jobs/3"}]}"""


def test_search_reads_local_job_files_and_counts_the_files_it_wrote(tmp_path: Path) -> None:
    (tmp_path / "cv.txt").write_text(cv_fixtures.render_txt(cv_fixtures.ICU_NURSE))
    (tmp_path / "jobs").mkdir()
    (tmp_path / "jobs" / "Nurses.CSV").write_text(NURSE_JOBS_CSV)
    (tmp_path / "more.json").write_text(NURSE_JOBS_JSON)
    result = jobagent(
        "search", "--cv", "cv.txt", "--title", "ICU Nurse",
        "--source", "file:jobs/Nurses.CSV,file:more.json", "--out", "out",
        cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    assert "jobs/Nurses.CSV: 2 postings read" in result.stderr
    assert "more.json: 1 posting read" in result.stderr
    assert "3 postings found" in result.stderr  # only the files' postings were searched
    # The two ICU posts match; the Leeds ward post may rank below the line for a
    # Manchester-based ICU nurse (place and specialty), which is the ranking's call.
    for company in ("St Mary Hospital", "Northside Clinic"):
        assert company in result.stdout
    on_disk = [p for p in (tmp_path / "out").rglob("*") if p.is_file()]
    folders = list((tmp_path / "out").iterdir())
    assert on_disk
    assert all(any(folder.iterdir()) for folder in folders)
    assert (
        f"Letters and CVs for {len(folders)} matches written to out/ ({len(on_disk)} files)."
        in result.stderr
    )


def test_search_refuses_job_files_it_cannot_read_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "cv.txt").write_text(cv_fixtures.render_txt(cv_fixtures.ICU_NURSE))
    (tmp_path / "broken.json").write_text('{"jobs": [{"title": "Nurse",')
    (tmp_path / "columns.csv").write_text("name,city\nAda,Leeds\n")
    (tmp_path / "no-company.json").write_text('[{"title": "Nurse"}]')
    (tmp_path / "empty.csv").write_text("")
    (tmp_path / "folder").mkdir()
    cases = {
        "file:missing.csv": "missing.csv cannot be opened: No such file or directory",
        "file:broken.json": "broken.json is not valid JSON (line 1",
        "file:columns.csv": "columns.csv: no title column found",
        "file:no-company.json": "no-company.json has no postings Job Agent could read "
        "(row 1: missing company)",
        "file:empty.csv": "empty.csv is empty",
        "file:folder": "folder cannot be opened: Is a directory",
        "sample,file:": "file:<path> needs the path of a JSON or CSV job file",
    }
    for source, message in cases.items():
        result = jobagent(
            "search", "--cv", "cv.txt", "--title", "Nurse", "--source", source, cwd=tmp_path
        )
        assert result.returncode == 1, (source, result.stderr)
        assert result.stderr.startswith(f"error: {message}"), (source, result.stderr)
        assert result.stderr.count("\n") == 1, result.stderr
    assert not (tmp_path / "var").exists()  # refused before any database or storage


def test_unknown_source_lists_every_source_there_is(tmp_path: Path) -> None:
    from jobagent_core.discovery.sources.registry import LIVE_SOURCES

    (tmp_path / "cv.txt").write_text(cv_fixtures.render_txt(cv_fixtures.ELECTRICIAN))
    result = jobagent(
        "search", "--cv", "cv.txt", "--title", "Electrician", "--source", "monster", cwd=tmp_path
    )
    assert result.returncode == 1
    line = result.stderr.strip()
    assert line.startswith("error: Unknown job source 'monster' — expected one of: sample, ")
    helped = " ".join(jobagent("search", "--help", cwd=tmp_path).stdout.split())
    for spec in ["sample", *(kind.spec for kind in LIVE_SOURCES), "file:<path>"]:
        assert spec in line
        assert spec in helped


def test_search_without_matches_writes_nothing_and_says_so(tmp_path: Path) -> None:
    (tmp_path / "cv.txt").write_text(cv_fixtures.render_txt(cv_fixtures.ICU_NURSE))
    result = jobagent(
        "search", "--cv", "cv.txt", "--title", "ICU Nurse", "--location", "Ulaanbaatar",
        "--posted-within", "1", "--out", "out", cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    assert "0 matches" in result.stderr
    assert "No letters or CVs written: no matches." in result.stderr
    assert "written to" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_the_remote_option_is_checked_before_anything_runs(tmp_path: Path) -> None:
    (tmp_path / "cv.txt").write_text(cv_fixtures.render_txt(cv_fixtures.DATA_ENGINEER))
    contradiction = jobagent(
        "search", "--cv", "cv.txt", "--title", "Data Engineer", "--remote", "no",
        "--remote-only", cwd=tmp_path,
    )  # fmt: skip
    assert contradiction.returncode == 1
    assert "contradict" in contradiction.stderr
    assert "Traceback" not in contradiction.stderr
    unknown = jobagent(
        "search", "--cv", "cv.txt", "--title", "Data Engineer", "--remote", "mars", cwd=tmp_path
    )
    assert unknown.returncode == 2
    assert "'anywhere', 'region', 'no'" in unknown.stderr
    assert not (tmp_path / "var").exists()  # nothing was started
