"""`jobagent profile FILE...`: the extracted profile on stdout, offline, no database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests import cv_fixtures

pytestmark = pytest.mark.unit


def jobagent(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": "sqlite:///does-not-matter.db"}
    return subprocess.run(
        [sys.executable, "-m", "jobagent_core.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        check=False,
        timeout=120,
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
