"""`jobagent profile FILE...`: the extracted profile on stdout, offline, no database."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests import cv_fixtures
from tests.cli_support import run_cli

pytestmark = pytest.mark.unit


def jobagent(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run_cli(
        *args, env={**os.environ, "DATABASE_URL": "sqlite:///does-not-matter.db"}, cwd=cwd
    )


def test_profile_prints_markdown_and_json(tmp_path: Path) -> None:
    (tmp_path / "cv.pdf").write_bytes(cv_fixtures.render_pdf(cv_fixtures.PRIMARY_TEACHER))
    (tmp_path / "extra.docx").write_bytes(cv_fixtures.render_docx(cv_fixtures.PRIMARY_TEACHER))
    result = jobagent("profile", "cv.pdf", "extra.docx", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert cv_fixtures.PRIMARY_TEACHER.name in result.stdout

    as_json = jobagent("profile", "--json", "cv.pdf", cwd=tmp_path)
    assert as_json.returncode == 0, as_json.stderr
    profile = json.loads(as_json.stdout)
    assert profile["name"] == cv_fixtures.PRIMARY_TEACHER.name
    assert profile["email"] == cv_fixtures.PRIMARY_TEACHER.email
    assert 3 <= len(profile["suggested_job_titles"]) <= 6
    assert not (tmp_path / "does-not-matter.db").exists()  # no database touched


def test_profile_refuses_bad_files_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "photo.pdf").write_bytes(cv_fixtures.png_bytes())
    result = jobagent("profile", "photo.pdf", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("error: photo.pdf looks like a PNG image")
    assert "Traceback" not in result.stderr
    missing = jobagent("profile", "nope.pdf", cwd=tmp_path)
    assert missing.returncode == 1
    assert missing.stderr == "error: cannot read nope.pdf: No such file or directory\n"


def test_profile_refuses_files_that_hold_no_cv(tmp_path: Path) -> None:
    (tmp_path / "cv.pdf").write_bytes(cv_fixtures.render_pdf(cv_fixtures.ICU_NURSE))
    (tmp_path / "settings.json").write_text('{"theme": "dark", "tabs": [1, 2]}')
    (tmp_path / "jobs.csv").write_text(
        "title,company,location,description\n"
        'ICU Nurse,St Mary Hospital,London,"Critical care nursing, ventilator management."\n'
    )
    (tmp_path / "jobs.json").write_text(
        '[{"title": "ICU Nurse", "company": "St Mary Hospital", '
        '"description": "Critical care nursing, patient assessment, Python."}]'
    )
    (tmp_path / "notes.txt").write_text("Buy milk.\nCall the plumber on Tuesday.\n")
    (tmp_path / "empty.txt").write_text("")
    stamp = "Scanned with a document scanner app on a phone, page one of one"
    (tmp_path / "scan.pdf").write_bytes(cv_fixtures.image_only_pdf(stamp=stamp))
    cases = [
        (["settings.json"], "settings.json looks like JSON data."),
        (["jobs.csv"], "jobs.csv looks like a file of job postings."),
        (["cv.pdf", "jobs.json"], "jobs.json looks like a file of job postings."),
        (["notes.txt"], "notes.txt has no CV content we could recognise"),
        (["empty.txt"], "empty.txt is empty."),
        (["scan.pdf"], "scan.pdf has no CV content we could recognise"),
    ]
    for files, message in cases:
        for extra in ([], ["--json"]):
            result = jobagent("profile", *extra, *files, cwd=tmp_path)
            assert result.returncode == 1, (files, result.stdout)
            assert result.stdout == ""
            assert result.stderr.startswith(f"error: {message}"), result.stderr
            assert result.stderr.count("\n") == 1, result.stderr
    job_file = jobagent("profile", "jobs.csv", cwd=tmp_path).stderr
    assert "jobagent search --source file:jobs.csv" in job_file
