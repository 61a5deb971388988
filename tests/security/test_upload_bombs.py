"""Hostile CV uploads at the intake (`read_document`): each is refused with a typed error
whose message a person can act on, and refusing it costs little memory.

Memory is measured in a child process: a fresh interpreter runs the real intake on the
file and reports its peak resident set (VmHWM), so one test's allocations cannot
hide behind another's and a regression cannot take the test runner down with it. The
child also runs under a CPU-time and address-space ceiling, far above what the intake
needs, so that a regression fails in seconds instead of hanging the suite; no test
asserts wall time.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from jobagent_core.profiling import read_document, validate_upload
from jobagent_core.profiling.errors import TooMuchContent
from tests.cv_fixtures import DATA_ENGINEER, ICU_NURSE, longer, render_docx, render_pdf
from tests.security.hostile_files import (
    docx_with_extreme_ratio,
    docx_with_huge_media,
    docx_with_lying_sizes,
    docx_with_packed_media,
    docx_with_renamed_main_part,
    many_pages_pdf,
    pdf_flate_bomb,
    pdf_font_map_bomb,
    pdf_many_fonts_bomb,
    pdf_text_bomb,
)

pytestmark = pytest.mark.unit

REPO = Path(__file__).resolve().parents[2]
MAX_PEAK_MB = 150  # the interpreter with pypdf and lxml loaded is some 45 MB of it
CPU_SECONDS = 60  # the intake needs well under a second for any of these files
ADDRESS_SPACE_MB = 2048

# Run in the child: the real intake on one file, its outcome and peak memory as JSON.
_CHILD = """
import json, resource, sys
from pathlib import Path

cpu, address_space = int(sys.argv[3]), int(sys.argv[4]) * 1024 * 1024
resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 10))  # SIGXCPU first, SIGKILL later
resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))

from jobagent_core.profiling.documents import read_document
from jobagent_core.profiling.errors import DocumentError


def peak_mb():
    # Linux carries the parent's peak over fork and exec into ru_maxrss (the test runner's
    # hundred-odd MB); VmHWM is the peak of this program's own memory.
    try:
        status = Path("/proc/self/status").read_text()
        return int(status.split("VmHWM:")[1].split()[0]) / 1024
    except (OSError, IndexError):
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / 1024 / (1024 if sys.platform == "darwin" else 1)  # bytes there, KB here


data = Path(sys.argv[1]).read_bytes()
outcome = {"baseline_mb": peak_mb()}
try:
    outcome["text"] = read_document(sys.argv[2], data).text
except DocumentError as err:
    outcome.update(error=type(err).__name__, message=str(err), unit=getattr(err, "unit", None))
outcome["peak_mb"] = peak_mb()
print(json.dumps(outcome))
"""


def intake_in_child(tmp_path: Path, filename: str, data: bytes) -> dict[str, Any]:
    """`read_document(filename, data)` in a fresh interpreter: its outcome ("text", or
    "error", "message" and "unit"), "baseline_mb" before and "peak_mb" after it."""
    path = tmp_path / "upload.bin"
    path.write_bytes(data)
    limits = [str(CPU_SECONDS), str(ADDRESS_SPACE_MB)]
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), filename, *limits],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},  # this tree, even in a scratch copy
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, (
        f"the intake died (exit {result.returncode}; -24 means past the CPU ceiling, a "
        f"MemoryError past the address-space ceiling):\n{result.stderr[-3000:]}"
    )
    outcome: dict[str, Any] = json.loads(result.stdout.splitlines()[-1])
    return outcome


TEXT_CAP = (
    "holds more text than a CV can (over 200,000 characters). Upload the CV on its own, "
    "without attachments or appendices."
)
RESAVE = "Save or export it again without large images or embedded files, and upload that."
DAMAGED = (
    "is a damaged or incomplete Word document (it may have been cut off while downloading "
    "or copying). Open it, save or export it again, and upload the new file."
)

HOSTILE: list[tuple[str, Callable[[], bytes], str, str | None, str]] = [
    # (file name, builder, error, TooMuchContent.unit, message after the file name)
    ("cv.docx", docx_with_renamed_main_part, "TooMuchContent", "characters", TEXT_CAP),
    (
        "cv.docx",
        docx_with_huge_media,
        "TooMuchContent",
        "bytes",
        f"unpacks to more than a CV can (over 50 MB once unpacked). {RESAVE}",
    ),
    (
        "cv.docx",
        docx_with_extreme_ratio,
        "TooMuchContent",
        "ratio",
        f"unpacks to more than a CV can (a part of it to over 200 times its size). {RESAVE}",
    ),
    # Its header claims 4 KB, and reading stops there: the XML is cut off, so damaged.
    ("cv.docx", docx_with_lying_sizes, "CorruptDocument", None, DAMAGED),
    (
        "cv.pdf",
        pdf_flate_bomb,
        "TooMuchContent",
        "bytes",
        f"unpacks to more than a CV can (over 4 MB once unpacked). {RESAVE}",
    ),
    ("cv.pdf", pdf_text_bomb, "TooMuchContent", "characters", TEXT_CAP),
    (
        "cv.pdf",
        pdf_font_map_bomb,
        "TooMuchContent",
        "elements",
        f"unpacks to more than a CV can (over 200,000 elements). {RESAVE}",
    ),
    (
        "cv.pdf",
        pdf_many_fonts_bomb,
        "TooMuchContent",
        "bytes",
        f"unpacks to more than a CV can (over 2 MB once unpacked). {RESAVE}",
    ),
    (
        "cv.pdf",
        many_pages_pdf,
        "TooMuchContent",
        "pages",
        "has more pages than a CV can (over 100). Upload the CV on its own, without "
        "attachments or appendices.",
    ),
]


@pytest.mark.parametrize(
    ("filename", "build", "error", "unit", "message"),
    HOSTILE,
    ids=[build.__name__ for _, build, *_ in HOSTILE],
)
def test_hostile_file_is_refused_in_words_and_costs_little(
    tmp_path: Path,
    filename: str,
    build: Callable[[], bytes],
    error: str,
    unit: str | None,
    message: str,
) -> None:
    data = build()
    assert len(data) < 10 * 1024 * 1024  # every one of them passes the upload size limit
    outcome = intake_in_child(tmp_path, filename, data)
    peak = outcome["peak_mb"]
    print(f"{build.__name__}: {len(data) // 1024} KB, peak {peak:.0f} MB, {outcome.get('error')}")
    assert "text" not in outcome, f"accepted {len(outcome['text']):,} characters"
    assert (outcome["error"], outcome["unit"]) == (error, unit), outcome["message"]
    assert outcome["message"] == f"{filename} {message}"
    assert peak < MAX_PEAK_MB


@pytest.mark.parametrize(
    "build", [docx_with_huge_media, docx_with_extreme_ratio], ids=lambda build: build.__name__
)
def test_zip_bombs_are_refused_before_the_upload_is_stored(build: Callable[[], bytes]) -> None:
    # validate_upload reads only the ZIP's central directory and [Content_Types].xml.
    with pytest.raises(TooMuchContent) as caught:
        validate_upload("cv.docx", build())
    assert caught.value.filename == "cv.docx"


def test_a_zip_of_too_many_parts_is_refused_before_it_is_listed() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for number in range(1001):
            archive.writestr(f"p/{number}", b"")
    with pytest.raises(TooMuchContent) as caught:
        validate_upload("cv.docx", out.getvalue())
    assert (
        str(caught.value) == f"cv.docx unpacks to more than a CV can (over 1,000 parts). {RESAVE}"
    )


def test_media_parts_are_never_inflated(tmp_path: Path) -> None:
    # 45 MB of image that packs 50:1 is within every limit, so the CV is read, but the
    # image must stay packed: the child grows by what the XML needs, not by 45 MB.
    outcome = intake_in_child(tmp_path, "cv.docx", docx_with_packed_media())
    assert outcome.get("text") == "Jane Roe, senior data engineer, Berlin", outcome
    assert outcome["peak_mb"] - outcome["baseline_mb"] < 20


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_a_real_cv_still_reads_in_full_and_cheaply(tmp_path: Path, fmt: str) -> None:
    if fmt == "docx":
        data = render_docx(DATA_ENGINEER, header_text="CURRICULUM VITAE", text_box="From 01/2025")
    else:
        data = render_pdf(DATA_ENGINEER, "two_column")
    outcome = intake_in_child(tmp_path, f"cv.{fmt}", data)
    assert outcome.get("text") == read_document(f"cv.{fmt}", data).text, outcome
    text = " ".join(outcome["text"].split())
    for fact in (DATA_ENGINEER.name, DATA_ENGINEER.email, *DATA_ENGINEER.employers):
        assert fact in text
    for skill in DATA_ENGINEER.skills:
        assert skill in text
    if fmt == "docx":
        assert text.startswith("CURRICULUM VITAE Zoë Müller-Łukasik")
        assert "From 01/2025" in text
    assert outcome["peak_mb"] < MAX_PEAK_MB


def test_a_long_real_cv_is_not_taken_for_a_bomb() -> None:
    # Some twenty pages of CV stay far from every limit, and every page is read.
    cv = longer(ICU_NURSE, 50)
    for fmt, data in (("pdf", render_pdf(cv)), ("docx", render_docx(cv))):
        text = " ".join(read_document(f"cv.{fmt}", data).text.split())
        assert text.count(ICU_NURSE.employers[-1]) == 50, fmt
