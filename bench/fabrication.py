"""Fabrication time per letter and CV: offline writing, fact check, PDF, DOCX, Markdown.

    .venv/bin/python bench/fabrication.py [--runs 50]

Median over `--runs` after one warm-up (font registration, taxonomy compile, imports).
Each run writes the letter for a different posting id, so the phrasing varies as it
does in production.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for tests.unit

from jobagent_core.fabrication import (
    fact_check,
    render_docx,
    render_markdown,
    render_pdf,
    tailor_cv,
    write_cover_letter_offline,
)
from tests.unit.test_fabrication import MATCHED, RESEARCH, make_posting, make_profile


def median_ms(run: Callable[[int], object], runs: int) -> float:
    run(-1)  # warm-up
    times = []
    for i in range(runs):
        start = time.perf_counter()
        run(i)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    runs = parser.parse_args().runs
    profile = make_profile()
    postings = {lang: make_posting(lang) for lang in ("en", "de", "fr")}

    def letter(i: int, lang: str = "en") -> object:
        posting = postings[lang].model_copy(update={"source_id": str(i)})
        return write_cover_letter_offline(
            profile, posting, matched_skills=MATCHED, research_summary=RESEARCH
        )

    sample = write_cover_letter_offline(
        profile, postings["de"], matched_skills=MATCHED, research_summary=RESEARCH
    )
    cv = tailor_cv(profile, postings["en"], MATCHED)
    text = sample.body_text()
    rows = [
        ("offline letter (en)", lambda i: letter(i)),
        ("offline letter (de)", lambda i: letter(i, "de")),
        ("fact check of a letter", lambda i: fact_check(text, profile, postings["de"])),
        ("tailored CV", lambda i: tailor_cv(profile, postings["en"], MATCHED)),
        ("letter PDF", lambda i: render_pdf(sample)),
        ("letter DOCX", lambda i: render_docx(sample)),
        ("letter Markdown", lambda i: render_markdown(sample)),
        ("CV PDF", lambda i: render_pdf(cv)),
        ("CV DOCX", lambda i: render_docx(cv)),
    ]
    print(f"median of {runs} runs, ms")
    for name, run in rows:
        print(f"  {name:<24} {median_ms(run, runs):8.2f}")


if __name__ == "__main__":
    main()
