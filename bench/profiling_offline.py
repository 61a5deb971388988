"""Throughput of the offline profile extractor on generated two-page CVs.

    .venv/bin/python bench/profiling_offline.py [--cvs 60] [--runs 5] [--workers 2]

Builds CVs from the six test personas (experience shuffled and repeated, extra bullets,
plain-text and Markdown layouts) of about two pages each (~900 words), then times
`extract_profile` over all of them: one process, and `--workers` processes. Prints the
median CVs/s of several runs. The first call's taxonomy load is timed separately.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from jobagent_core.profiling.offline import extract_profile
from jobagent_core.profiling.taxonomy import load_taxonomy
from tests.cv_fixtures import PERSONAS, Job, render_markdown, render_txt

_WORDS_PER_PAGE = 450


def two_page_cvs(count: int, seed: int = 7) -> list[str]:
    """`count` CV texts of about two pages each, deterministic for a seed."""
    rng = random.Random(seed)
    personas = list(PERSONAS.values())
    all_bullets = [b for cv in personas for job in cv.experience for b in job.bullets]
    texts = []
    for n in range(count):
        cv = personas[n % len(personas)]
        jobs: list[Job] = []
        while True:
            job = rng.choice(cv.experience)
            extra = tuple(rng.sample(all_bullets, 3))
            jobs.append(replace(job, bullets=job.bullets + extra))
            candidate = replace(cv, experience=tuple(jobs))
            text = render_txt(candidate) if n % 2 else render_markdown(candidate)
            if len(text.split()) >= 2 * _WORDS_PER_PAGE:
                break
        texts.append(text)
    return texts


def _extract_all(texts: list[str]) -> int:
    for text in texts:
        extract_profile(text)
    return len(texts)


def _time(texts: list[str], pool: ProcessPoolExecutor | None, workers: int) -> float:
    start = time.perf_counter()
    if pool is None:
        _extract_all(texts)
    else:
        list(pool.map(_extract_all, [texts[i::workers] for i in range(workers)]))
    return len(texts) / (time.perf_counter() - start)


def _warm(_: int) -> None:
    load_taxonomy()
    time.sleep(0.2)  # keep this worker busy so the next warm-up lands on another one


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cvs", type=int, default=60)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    start = time.perf_counter()
    load_taxonomy()
    load_ms = (time.perf_counter() - start) * 1000
    texts = two_page_cvs(args.cvs)
    words = statistics.mean(len(t.split()) for t in texts)
    chars = statistics.mean(len(t) for t in texts)
    print(f"taxonomy load (once per process): {load_ms:.0f} ms")
    print(f"{len(texts)} CVs, mean {words:.0f} words / {chars:.0f} characters each")

    single = [_time(texts, None, 1) for _ in range(args.runs)]
    median = statistics.median(single)
    print(f"1 process  : median {median:7.1f} CVs/s ({1000 / median:.2f} ms per CV)")
    if args.workers > 1:
        with ProcessPoolExecutor(args.workers) as pool:
            list(pool.map(_warm, range(args.workers)))  # taxonomy loaded in each worker
            multi = [_time(texts, pool, args.workers) for _ in range(args.runs)]
        print(f"{args.workers} processes: median {statistics.median(multi):7.1f} CVs/s")


if __name__ == "__main__":
    main()
