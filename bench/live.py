"""Live-source figures: one search over recorded boards served on this machine.

    .venv/bin/python bench/live.py                 # the old way, then the new way
    .venv/bin/python bench/live.py --mode concurrent [--postings 1500]

Builds Greenhouse boards from the bundled sample set (1,500 postings by default,
all new to the database) in a temporary folder and serves them with
tests.job_board_server on three local hosts, some boards answering after a
realistic delay and one slow board (an aggregator paging politely) answering last.
Then runs one search through the real workflow on the embedded defaults (SQLite in
a temporary folder, no broker, no LLM, no SMTP) and prints the run's time by step:
discovery (and its slowest source), the embedding done while sources were still
answering, stage 1 (with the embedding left to it), screening, research, letters
and delivery.

`--mode sequential` fetches one source after another without pre-embedding, as
discovery did before; without `--mode` both run, each in a fresh process and
database. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True)
class Board:
    name: str
    host: int  # boards with one host share its limiter
    share: float  # of the postings
    delay: float  # seconds before the board answers


BOARDS = (
    Board("northwind", 0, 0.27, 0.4),
    Board("contoso", 0, 0.20, 0.8),
    Board("fabrikam", 1, 0.20, 1.5),
    Board("tailspin", 1, 0.13, 1.0),
    Board("aggregator", 2, 0.20, 12.0),
)
CLEARED = ("REDIS_URL", "CELERY_BROKER_URL", "LLM_BASE_URL", "LLM_API_KEY", "LLM_MODEL", "SMTP_URL")


def greenhouse_job(number: int, posting: Any) -> dict[str, Any]:
    """A sample posting as Greenhouse's Job Board API returns a job."""
    posted = posting.posted_at.isoformat() if posting.posted_at else None
    where = posting.location or ("Remote" if posting.remote else None)
    return {
        "id": 4_000_000 + number,
        "title": posting.title,
        "absolute_url": posting.url,
        "location": {"name": where} if where else None,
        # Greenhouse escapes its HTML once more.
        "content": html.escape(posting.description_html or html.escape(posting.description_text)),
        "company_name": posting.company,
        "language": posting.language,
        "first_published": posted,
        "updated_at": posted,
        "departments": [],
        "offices": [],
    }


def write_boards(folder: Path, total: int) -> dict[int, list[Board]]:
    """One fixtures folder per host (`folder/host<n>/greenhouse/routes.json`)."""
    from jobagent_core.discovery.sample_data import sample_postings

    postings = list(sample_postings())
    if total > len(postings):
        raise SystemExit(f"the sample set has {len(postings)} postings; ask for fewer")
    hosts: dict[int, list[Board]] = {}
    start = 0
    for n, board in enumerate(BOARDS):
        count = total - start if n == len(BOARDS) - 1 else round(total * board.share)
        jobs = [greenhouse_job(start + i, p) for i, p in enumerate(postings[start : start + count])]
        start += count
        target = folder / f"host{board.host}" / "greenhouse"
        target.mkdir(parents=True, exist_ok=True)
        (target / f"{board.name}.json").write_text(json.dumps({"jobs": jobs}), encoding="utf-8")
        hosts.setdefault(board.host, []).append(board)
    for host, boards in hosts.items():
        routes = [
            {
                "path": f"/v1/boards/{b.name}/jobs",
                "query": {"content": "true"},
                "file": f"{b.name}.json",
            }
            for b in boards
        ]
        (folder / f"host{host}" / "greenhouse" / "routes.json").write_text(json.dumps(routes))
    return hosts


@contextmanager
def served(folder: Path, hosts: dict[int, list[Board]]) -> Iterator[dict[str, str]]:
    """The boards on local servers; yields spec → base URL."""
    from tests.job_board_server import JobBoardServer, Reply

    urls: dict[str, str] = {}
    with ExitStack() as stack:
        for host, boards in hosts.items():
            server = stack.enter_context(JobBoardServer(folder / f"host{host}"))
            for board in boards:
                body = server.fixture(f"greenhouse/{board.name}.json")
                server.serve(
                    f"/v1/boards/{board.name}/jobs",
                    Reply(200, body, delay=board.delay),
                    query={"content": "true"},
                )
                urls[f"greenhouse:{board.name}"] = server.base_url
        yield urls


class Timer:
    """Wall time spent inside wrapped functions, by name."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.notes: dict[str, Any] = {}

    def wrap(self, name: str, fn: F) -> F:
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start

        return timed  # type: ignore[return-value]


def run_one(mode: str, total: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        url = f"sqlite:///{work / 'jobagent.db'}"
        for name in CLEARED:
            os.environ.pop(name, None)
        os.environ.update(
            DATABASE_URL=url,
            STORAGE_DIR=str(work / "storage"),
            QUEUE_DIR=str(work / "queue"),
            RESEARCH_ONLINE="false",
        )
        from jobagent_core.auth.service import local_user
        from jobagent_core.config import get_settings
        from jobagent_core.db.engine import admin_engine, session_scope
        from jobagent_core.db.migrations import upgrade
        from jobagent_core.db.models import Run
        from jobagent_core.discovery.http import HttpOptions
        from jobagent_core.discovery.sources.registry import build_source
        from jobagent_core.profiling.offline import extract_profile
        from jobagent_core.profiling.profile_store import merge_profile
        from jobagent_core.workflows import discovery_step, job_search
        from jobagent_core.workflows.job_search_start import JobSearchRequest, start_job_search
        from tests import cv_fixtures

        upgrade(url)
        hosts = write_boards(work / "boards", total)
        if mode == "sequential":
            discovery_step.PARALLEL_SOURCES = 1
            discovery_step.PRE_EMBED = False
        timer = Timer()
        real_rank = job_search.rank_postings  # type: ignore[attr-defined]

        def rank(*args: Any, **kwargs: Any) -> Any:
            result = real_rank(*args, **kwargs)
            timer.notes["embedded_in_stage1"] = len(result.embedded)
            return result

        job_search.rank_postings = timer.wrap("stage 1 (incl. embedding)", rank)  # type: ignore[attr-defined]
        job_search.screen = timer.wrap("screening", job_search.screen)  # type: ignore[attr-defined]

        with served(work / "boards", hosts) as urls:

            def source(spec: str, settings: Any, user_id: str) -> Any:
                # The boards' own polite policies, pointed at the local hosts.
                return build_source(spec, base_url=urls[spec], http=HttpOptions())

            job_search._source = source
            settings = get_settings()
            profile = extract_profile(cv_fixtures.render_txt(cv_fixtures.DATA_ENGINEER))
            with session_scope(admin_engine()) as db:
                user = local_user(db)
                user.profile = merge_profile(profile, None, overwrite=True)
                request = JobSearchRequest(title="Data Engineer", sources=list(urls))
                run_id = start_job_search(db, user.id, request, settings).id
            start = time.perf_counter()
            status = job_search.execute(run_id)
            wall = time.perf_counter() - start

        with session_scope(admin_engine()) as db:
            run = db.get(Run, run_id)
            assert run is not None
            report(mode, run, status, wall, timer)


def report(mode: str, run: Any, status: Any, wall: float, timer: Timer) -> None:
    params = run.params or {}
    discovery = params.get("discovery", {})
    print(f"== {mode}: {run.found_count} postings kept, {run.matched_count} matches, "
          f"status {status}, wall {wall:.1f} s")  # fmt: skip
    for entry in params.get("sources", []):
        print(f"   {entry['source']:<24} {entry['found']:>5} found {entry['new']:>5} new "
              f"{entry.get('seconds', 0):>6.1f} s")  # fmt: skip
    steps = list(run.steps or [])
    marks = [datetime.fromisoformat(s["at"]) for s in steps] + [run.finished_at]
    print(f"   {'step':<34} {'seconds':>8}")
    for n, step in enumerate(steps):
        spent = (marks[n + 1] - marks[n]).total_seconds() if marks[n + 1] else float("nan")
        print(f"   {step['label']:<34} {spent:>8.1f}")
        if step["label"] == "Discovering postings" and discovery:
            print(f"     {'fetching (all sources)':<32} {discovery['fetch_s']:>8.1f}")
            print(f"     {'slowest: ' + str(discovery['slowest_source']):<32} "
                  f"{discovery['slowest_s']:>8.1f}")  # fmt: skip
            print(f"     {'embedding while fetching':<32} {discovery['pre_embed_s']:>8.1f}"
                  f"   ({discovery['pre_embedded']} postings)")  # fmt: skip
        if step["label"] == "Scoring and screening":
            for name, seconds in timer.seconds.items():
                extra = ""
                if name.startswith("stage 1"):
                    embedded = timer.notes.get("embedded_in_stage1", 0)
                    rate = embedded / seconds if seconds else 0.0
                    extra = f"   ({embedded} postings embedded, {rate:.1f}/s)"
                    if rate and discovery.get("pre_embedded"):
                        # The machine's load moves the rate between runs: this is
                        # what the pre-made vectors saved at this run's rate.
                        saved = discovery["pre_embedded"] / rate
                        extra += f"; pre-made vectors saved ~{saved:.1f} s here"
                print(f"     {name:<32} {seconds:>8.1f}{extra}")
    total = (run.finished_at - marks[0]).total_seconds() if steps and run.finished_at else wall
    print(f"   {'total':<34} {total:>8.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=("sequential", "concurrent"))
    parser.add_argument("--postings", type=int, default=1500)
    args = parser.parse_args()
    if args.mode:
        run_one(args.mode, args.postings)
        return
    for mode in ("sequential", "concurrent"):
        subprocess.run(
            [sys.executable, __file__, "--mode", mode, "--postings", str(args.postings)],
            check=False,
        )


if __name__ == "__main__":
    main()
