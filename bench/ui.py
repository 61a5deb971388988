"""Web-app figures for the issue: dashboard and matches-page server time at
1,000 runs / 50,000 matches, statements per live-poller tick with 1 and 200
connected clients, and worker-write → browser-visible latency.

    .venv/bin/python bench/ui.py [--skip-browser] [--updates 30]

Needs a local PostgreSQL superuser at TEST_POSTGRES_URL (default postgres@127.0.0.1);
the browser figure also needs bun (scripts/install_bun.sh) and /usr/bin/chromium.
Every database is created for the run and dropped after. Prints figures; asserts
nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import Engine, event, insert, text, update  # noqa: E402

from jobagent_core.config import get_settings  # noqa: E402
from jobagent_core.db.base import new_id  # noqa: E402
from jobagent_core.db.engine import (  # noqa: E402
    dispose_engines,
    make_engine,
    session_scope,
    ui_engine,
)
from jobagent_core.db.enums import ApplicationStage, RunKind, RunStatus  # noqa: E402
from jobagent_core.db.models import JobPosting, JobSearch, MatchedJob, Run, User  # noqa: E402
from jobagent_core.live.poller import LivePoller, RunChangeReader  # noqa: E402
from jobagent_core.tracking import dashboard  # noqa: E402
from tests.conftest import create_database, drop_database  # noqa: E402

RUNS = 1_000
MATCHES = 50_000
STAGES = [s.value for s in ApplicationStage]
STAGE_WEIGHTS = [70, 10, 8, 4, 1, 4, 3]
TITLES = ["Data Engineer", "Backend Developer", "Nurse", "Electrician", "Accountant"]
PLACES = ["Berlin", "Hamburg", "Remote", "Munich", None]
PROFILE = {"name": "Bench User", "skills": ["Python"], "suggested_job_titles": ["Data Engineer"]}


# -- seeding -------------------------------------------------------------------------


def seed_user(engine: Engine, *, email: str = "bench@example.org") -> str:
    with session_scope(engine) as db:
        user = User(name="Bench User", email=email, email_verified=True, has_access=True)
        user.profile = PROFILE
        db.add(user)
        db.flush()
        return user.id


def seed_runs(engine: Engine, user_id: str, runs: int = RUNS, matches: int = MATCHES) -> list[str]:
    """`runs` finished job searches (one search each) and `matches` matches spread over
    them, each on its own posting; returns the run ids, oldest first."""
    rng = random.Random(7)
    start = datetime.now(UTC) - timedelta(days=runs)
    searches, run_rows = [], []
    per_run = matches // runs
    for i in range(runs):
        created = start + timedelta(days=i, minutes=rng.randrange(600))
        search_id, run_id = new_id(), new_id()
        searches.append(
            {
                "id": search_id,
                "user_id": user_id,
                "title": rng.choice(TITLES),
                "location": rng.choice(PLACES),
                "sources": ["sample"],
                "filters": {},
                "created_at": created,
                "updated_at": created,
            }
        )
        failed = i % 25 == 0
        run_rows.append(
            {
                "id": run_id,
                "user_id": user_id,
                "kind": RunKind.JOB_SEARCH.value,
                "status": (RunStatus.FAILED if failed else RunStatus.COMPLETED).value,
                "job_search_id": search_id,
                "params": {},
                "current_step": "Delivering",
                "steps": [],
                "progress_done": 5,
                "progress_total": 5,
                "found_count": 400 + rng.randrange(200),
                "screened_count": 100,
                "matched_count": per_run,
                "research_done": 10,
                "research_failed": 0,
                "fabrication_done": 5,
                "fabrication_failed": 0,
                "warnings": [],
                "error_message": "A source did not answer." if failed else None,
                "created_at": created,
                "started_at": created + timedelta(seconds=2),
                "finished_at": created + timedelta(minutes=3),
                "updated_at": created + timedelta(minutes=3),
            }
        )
    postings, match_rows = [], []
    for j in range(matches):
        run = run_rows[j % runs]
        posting_id = new_id()
        postings.append(
            {
                "id": posting_id,
                "source": "sample",
                "source_id": f"bench-{j}",
                "dedupe_key": f"bench-{j}",
                "title": f"{rng.choice(TITLES)} {j}",
                "company": f"Company {j % 900}",
                "company_key": f"company-{j % 900}",
                "location": rng.choice(PLACES),
                "description_text": "",
                "extra": {},
            }
        )
        created = run["created_at"] + timedelta(minutes=1)
        match_rows.append(
            {
                "id": new_id(),
                "user_id": user_id,
                "job_posting_id": posting_id,
                "run_id": run["id"],
                "score": float(rng.randrange(35, 100)),
                "reason": "",
                "reasons": [],
                "gaps": [],
                "matched_skills": [],
                "application_stage": rng.choices(STAGES, STAGE_WEIGHTS)[0],
                "stage_history": [],
                "created_at": created,
                "updated_at": created,
            }
        )
    with engine.begin() as conn:
        conn.execute(insert(JobSearch), searches)
        conn.execute(insert(Run), run_rows)
        for chunk in range(0, matches, 5_000):
            conn.execute(insert(JobPosting), postings[chunk : chunk + 5_000])
            conn.execute(insert(MatchedJob), match_rows[chunk : chunk + 5_000])
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE"))
    return [r["id"] for r in run_rows]


# -- measuring -----------------------------------------------------------------------


@contextmanager
def counting(engine: Engine) -> Iterator[list[str]]:
    """The SQL statements `engine` executes inside the block."""
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


def median_ms(fn: Callable[[], object], repeat: int = 20) -> float:
    fn()  # warm: connection, statement cache
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def server_times(ui: Engine, user_id: str) -> None:
    def overview() -> object:
        with session_scope(ui) as db:
            return dashboard.dashboard_overview(db, user_id)

    with session_scope(ui) as db:
        first = dashboard.runs_page(db, user_id)
        cursor = first.next_cursor
        for _ in range(40):  # page 42 of 50
            assert cursor is not None
            cursor = dashboard.runs_page(db, user_id, after=cursor).next_cursor

    def deep_page() -> object:
        with session_scope(ui) as db:
            return dashboard.runs_page(db, user_id, after=cursor)

    def timed(name: str, fn: Callable[[Any], object]) -> None:
        def call() -> object:
            with session_scope(ui) as db:
                return fn(db)

        print(f"  {name:<44} {median_ms(call):7.2f} ms")

    print(f"Server time, median of 20 ({RUNS:,} runs, {MATCHES:,} matches, ui role):")
    print(f"  {'dashboard on open (dashboard_overview)':<44} {median_ms(overview):7.2f} ms")
    timed("  stats (2 aggregates)", lambda db: dashboard.dashboard_stats(db, user_id))
    timed("  runs page 1", lambda db: dashboard.runs_page(db, user_id))
    timed("  chart (last 30 searches)", lambda db: dashboard.score_timeline(db, user_id))
    print(f"  {'runs page 42 (keyset)':<44} {median_ms(deep_page):7.2f} ms")
    from jobagent_ui.state.dashboard import load_snapshot

    took = median_ms(lambda: load_snapshot(user_id))
    print(f"  {'page load as the state calls it (+ profile)':<44} {took:7.2f} ms")
    try:
        from jobagent_core.tracking.matches import list_matches
    except ImportError:
        print("  matches first page: jobagent_core.tracking.matches.list_matches is absent")
    else:
        timed("matches first page (tracking.matches)", lambda db: list_matches(db, user_id))


async def _ticks(
    ui: Engine, admin: Engine, moving: list[str], subscribers: Any, ticks: int
) -> tuple[float, float, int]:
    """Run `ticks` poller ticks while 'a worker' advances `moving` before each (and
    ends them before the last); returns run reads and statements per tick, and pushes."""
    from jobagent_ui.state.live import LiveHub

    # Importing the page states registers them as live targets of their routes.
    for page_state in ("dashboard", "profiling", "search"):
        importlib.import_module(f"jobagent_ui.state.{page_state}")
    pushed: list[str] = []

    async def push(subscription: Any, *_args: Any) -> None:
        pushed.append(subscription.token)

    with session_scope(admin) as db:
        db.execute(update(Run).where(Run.id.in_(moving)).values(status="running"))
    reader = RunChangeReader(ui)
    hub = LiveHub(reader=reader, subscribers=subscribers, push=push)
    poller = LivePoller(reader)
    await poller.tick(subscribers.users(), hub.deliver)  # first read: catch up
    pushed.clear()
    reads = statements_total = 0
    for i in range(ticks):
        with session_scope(admin) as db:
            db.execute(
                update(Run).where(Run.id.in_(moving)).values(found_count=Run.found_count + 1)
            )
            if i == ticks - 1:
                db.execute(update(Run).where(Run.id.in_(moving)).values(status="completed"))
        with counting(ui) as statements:
            await poller.tick(subscribers.users(), hub.deliver)
        reads += sum(1 for s in statements if "runs.updated_at >" in s)
        statements_total += len(statements)
    return reads / ticks, statements_total / ticks, len(pushed)


def poller_statements(ui: Engine, admin: Engine, user_id: str, run_ids: list[str]) -> None:
    """Statements per tick with 1 and 200 connected clients, their tabs spread over
    the pages that show runs live (dashboard, search, profile)."""
    from jobagent_core.live.subscribers import Subscribers

    pages = ("/", "/search", "/profile")
    print("Live poller, 10 ticks while 5 runs advance (and end on the last tick):")
    print(f"  (tabs spread over {', '.join(pages)})")
    for clients, users in ((1, 1), (200, 1), (200, 200)):
        subscribers = Subscribers()
        owners = [user_id] + [f"other-{i}" for i in range(users - 1)]
        for i in range(clients):
            subscribers.subscribe(f"token-{i}", owners[i % len(owners)], pages[i % len(pages)])
        reads, per_tick, pushes = asyncio.run(_ticks(ui, admin, run_ids[-5:], subscribers, 10))
        print(
            f"  {clients:>3} clients of {users:>3} users: {reads:.1f} run read/tick, "
            f"{per_tick:.1f} statements/tick (the owner's counts + chart reload once "
            f"when the runs end: +3 on that tick), {pushes} pushes"
        )
    with counting(ui) as statements:
        RunChangeReader(ui).read(Subscribers().users())
    print(f"  no client connected: {len(statements)} statements")


# -- browser latency -----------------------------------------------------------------

WRITER = r"""
import json, sys, time
from sqlalchemy import update
from jobagent_core.db.engine import make_engine
from jobagent_core.db.models import Run
from jobagent_core.workflows.engine import RunReporter

url, run_id, count, pause = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
engine = make_engine(url)
reporter = RunReporter(engine, run_id)
for i in range(1, count + 1):
    time.sleep(pause)
    reporter.set(found_count=10_000 + i)
    print(json.dumps({"value": 10_000 + i, "at": time.time()}), flush=True)
"""

OBSERVER = """
(cell) => {
  window.__seen = [];
  new MutationObserver(() => {
    window.__seen.push({value: cell.textContent, at: Date.now() / 1000});
  }).observe(cell, {childList: true, characterData: true, subtree: true});
}
"""


def browser_latency(updates: int) -> None:
    from playwright.sync_api import sync_playwright

    from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS
    from tests.e2e.servers import run_app_server

    with tempfile.TemporaryDirectory() as tmp, run_app_server(Path(tmp)) as server:
        admin = make_engine(server.database.admin_url)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(server.url("/"))
            page.get_by_role("button", name="Continue as local user").click()
            page.wait_for_url("**/onboarding**")
            with session_scope(admin) as db:
                user = db.query(User).one()
                user.profile = PROFILE
                user_id = user.id
            run_ids = seed_runs(admin, user_id, runs=RUNS, matches=5_000)
            live_id = run_ids[-1]
            with session_scope(admin) as db:
                db.execute(
                    update(Run)
                    .where(Run.id == live_id)
                    .values(status="running", created_at=datetime.now(UTC), finished_at=None)
                )
            page.goto(server.url("/"))
            cell = page.locator(f'[data-run-id="{live_id}"] [data-counter="found"]')
            cell.wait_for(timeout=60_000)
            cell.evaluate(OBSERVER)
            writer = subprocess.run(
                [
                    sys.executable,
                    "-c",
                    WRITER,
                    server.database.admin_url,
                    live_id,
                    str(updates),
                    "0.7",
                ],
                capture_output=True,
                text=True,
                check=True,
                cwd=ROOT,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
            )
            time.sleep(2)
            seen = page.evaluate("window.__seen")
            browser.close()
        admin.dispose()
    writes = [json.loads(line) for line in writer.stdout.splitlines()]
    shown = []  # (value, when), in the order the page showed them
    for entry in seen:
        digits = "".join(c for c in entry["value"] if c.isdigit())
        if digits:
            shown.append((int(digits), entry["at"]))
    # A write is visible once the page shows its value or a later one: writes that
    # land within one poller tick reach the browser together.
    latencies = []
    for write in writes:
        when = next((at for value, at in shown if value >= write["value"]), None)
        if when is not None:
            latencies.append((when - write["at"]) * 1000)
    if not latencies:
        print("Write → browser: no update reached the page")
        return
    distinct = len({value for value, _ in shown})
    latencies.sort()
    p95 = latencies[min(len(latencies) - 1, round(0.95 * (len(latencies) - 1)))]
    print(
        f"Worker write → visible in the browser, {len(latencies)}/{len(writes)} writes "
        f"(one every 0.7 s; {distinct} distinct values rendered): "
        f"p50 {statistics.median(latencies):.0f} ms, p95 {p95:.0f} ms, "
        f"max {latencies[-1]:.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-browser", action="store_true")
    parser.add_argument("--updates", type=int, default=30)
    args = parser.parse_args()

    db = create_database("jobagent_bench")
    # The web app's engine (what the pages and the poller's refresh use) on this database.
    os.environ.update(DATABASE_URL=db.admin_url, UI_DATABASE_URL=db.ui_url)
    get_settings.cache_clear()
    dispose_engines()
    admin, ui = make_engine(db.admin_url), ui_engine()
    try:
        user_id = seed_user(admin)
        start = time.perf_counter()
        run_ids = seed_runs(admin, user_id)
        took = time.perf_counter() - start
        print(f"Seeded {RUNS:,} runs and {MATCHES:,} matches in {took:.1f} s")
        server_times(ui, user_id)
        poller_statements(ui, admin, user_id, run_ids)
    finally:
        admin.dispose()
        ui.dispose()
        drop_database(db)
    if not args.skip_browser:
        browser_latency(args.updates)


if __name__ == "__main__":
    main()
