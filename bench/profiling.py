"""Profiling figures for the issue: offline CVs/s, and enqueue → completed latency
through a real worker on the embedded broker (SQLite) and on Redis (PostgreSQL).

    .venv/bin/python bench/profiling.py [--runs 20] [--skip-redis]

Needs a local PostgreSQL superuser at TEST_POSTGRES_URL (default postgres@127.0.0.1)
and Redis on 127.0.0.1:6379 for the Redis figure. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.profiling_offline import two_page_cvs  # noqa: E402
from jobagent_core.profiling.offline import extract_profile  # noqa: E402
from jobagent_core.profiling.taxonomy import load_taxonomy  # noqa: E402


def offline_throughput(count: int = 60) -> float:
    load_taxonomy()
    texts = two_page_cvs(count)
    best = 0.0
    for _ in range(3):
        start = time.perf_counter()
        for text in texts:
            extract_profile(text)
        best = max(best, count / (time.perf_counter() - start))
    return best


LATENCY_SCRIPT = r"""
import statistics, sys, time
from sqlalchemy.orm import Session
from jobagent_core.db.engine import admin_engine
from jobagent_core.db.models import Run, User
from jobagent_core.profiling.service import UploadLimits, save_documents, start_profiling
from jobagent_core.workflows.dispatch import queue_run
from jobagent_core.storage import FileStore
from jobagent_core.config import get_settings
from tests import cv_fixtures

runs = int(sys.argv[1])
engine = admin_engine()
settings = get_settings()
with Session(engine, expire_on_commit=False) as db, db.begin():
    user = User(name="bench", email="bench@example.org", email_verified=True)
    db.add(user)
    db.flush()
    save_documents(db, user.id, [("cv.pdf", cv_fixtures.render_pdf(cv_fixtures.DATA_ENGINEER))],
                   FileStore(settings.STORAGE_DIR), UploadLimits(10 << 20, 5))
latencies = []
for _ in range(runs):
    start = time.perf_counter()
    with Session(engine, expire_on_commit=False) as db, db.begin():
        run = start_profiling(db, user.id, allow_list=frozenset())
    queue_run(engine, run)
    while True:
        with Session(engine) as db:
            status = db.get(Run, run.id).status
        if status in ("completed", "failed"):
            break
        time.sleep(0.01)
    assert status == "completed", status
    latencies.append(time.perf_counter() - start)
print(statistics.median(latencies), max(latencies))
"""


def latency(env: dict[str, str], runs: int, workdir: Path) -> tuple[float, float]:
    full_env = {**os.environ, **env, "PYTHONPATH": str(ROOT)}
    subprocess.run(
        [sys.executable, "-m", "jobagent_core.cli", "db", "upgrade"],
        env=full_env, check=True, capture_output=True, cwd=workdir,
    )  # fmt: skip
    log = (workdir / "worker.log").open("wb")
    worker = subprocess.Popen(
        [sys.executable, "-m", "jobagent_core.cli", "worker", "--concurrency", "1"],
        env=full_env, stdout=log, stderr=subprocess.STDOUT, cwd=workdir, start_new_session=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while b" ready." not in (workdir / "worker.log").read_bytes():
            if time.monotonic() > deadline:
                raise SystemExit("worker did not start")
            time.sleep(0.1)
        out = subprocess.run(
            [sys.executable, "-c", LATENCY_SCRIPT, str(runs)],
            env=full_env, check=True, capture_output=True, text=True, cwd=workdir,
        )  # fmt: skip
        median, worst = (float(x) for x in out.stdout.split())
        return median, worst
    finally:
        worker.terminate()
        worker.wait(timeout=20)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--skip-redis", action="store_true")
    args = parser.parse_args()

    print(f"offline extraction: {offline_throughput():.0f} two-page CVs/s (one process)")

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        env = {
            "DATABASE_URL": f"sqlite:///{work / 'bench.db'}",
            "STORAGE_DIR": str(work / "storage"),
            "QUEUE_DIR": str(work / "queue"),
        }
        median, worst = latency(env, args.runs, work)
        print(f"enqueue → completed, embedded broker + SQLite: median {median:.2f} s, "
              f"max {worst:.2f} s over {args.runs} runs")  # fmt: skip

    if args.skip_redis:
        return
    from tests.conftest import create_database, drop_database

    db = create_database("jobagent_bench")
    try:
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            env = {
                "DATABASE_URL": db.admin_url,
                "REDIS_URL": "redis://127.0.0.1:6379/14",
                "STORAGE_DIR": str(work / "storage"),
            }
            median, worst = latency(env, args.runs, work)
            print(f"enqueue → completed, Redis + PostgreSQL: median {median:.2f} s, "
                  f"max {worst:.2f} s over {args.runs} runs")  # fmt: skip
    finally:
        drop_database(db)


if __name__ == "__main__":
    main()
