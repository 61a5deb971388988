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

pytestmark = pytest.mark.unit


def jobagent(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"DATABASE_URL", "UI_DATABASE_URL", "REDIS_URL", "SMTP_URL", "LLM_BASE_URL"}
    }
    env["COLUMNS"] = "200"
    return subprocess.run(
        [sys.executable, "-m", "jobagent_core.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        check=False,
        timeout=300,
    )


def test_search_profiles_ranks_and_writes_letters(tmp_path: Path) -> None:
    (tmp_path / "cv.pdf").write_bytes(cv_fixtures.render_pdf(cv_fixtures.ICU_NURSE))
    result = jobagent(
        "search", "--cv", "cv.pdf", "--title", "ICU Nurse", "--out", "out", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Score" in result.stdout
    assert "matches" in result.stderr
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
