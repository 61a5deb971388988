"""CV text extraction time per 2-page CV: PDF (one and two columns) and DOCX.

    .venv/bin/python bench/profiling_extract.py [--runs 50]

Times `extract_text` only (the kind is known; no detection, no hashing), median over
`--runs`, after one warm-up. pypdf's own layout-mode `extract_text` on the same PDF is
printed for reference: our layout works from the same positioned text runs.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for tests.cv_fixtures

from jobagent_core.profiling.documents import DocumentKind, extract_text
from tests.cv_fixtures import CV, DATA_ENGINEER, longer, render_docx, render_pdf


def two_page_cv() -> CV:
    """The data engineer with enough repeated experience to fill exactly two pages."""
    for times in range(1, 6):
        cv = longer(DATA_ENGINEER, times)
        if len(PdfReader(io.BytesIO(render_pdf(cv))).pages) == 2:
            return cv
    raise RuntimeError("could not make a two-page CV")


def median_ms(run: Callable[[], object], runs: int) -> float:
    run()  # warm-up: imports, caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    runs = parser.parse_args().runs

    cv = two_page_cv()
    one_column, two_column = render_pdf(cv), render_pdf(cv, "two_column")
    document = render_docx(cv)

    def pages(pdf: bytes) -> int:
        return len(PdfReader(io.BytesIO(pdf)).pages)

    def ours(data: bytes, kind: DocumentKind) -> Callable[[], str]:
        return lambda: extract_text(data, kind, f"cv.{kind}")

    def pypdf_layout() -> list[str]:
        reader = PdfReader(io.BytesIO(one_column))
        return [page.extract_text(extraction_mode="layout") for page in reader.pages]

    rows = [
        (f"PDF, one column ({pages(one_column)} pages)", ours(one_column, DocumentKind.PDF)),
        (f"PDF, two columns ({pages(two_column)} pages)", ours(two_column, DocumentKind.PDF)),
        ("DOCX (same content)", ours(document, DocumentKind.DOCX)),
        ("reference: pypdf layout mode, one column", pypdf_layout),
    ]
    print(f"median of {runs} runs, Python {sys.version.split()[0]}")
    for label, run in rows:
        print(f"  {label:<44} {median_ms(run, runs):7.2f} ms")


if __name__ == "__main__":
    main()
