"""Dashboard reads and the live poller on PostgreSQL, as the limited ui role:
counts and aggregates, per-user isolation, keyset pages, and a poller that reads
only changed rows with one statement per tick whatever the number of clients,
and hands each change only to its owner's clients."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

import pytest
from sqlalchemy import Engine, event, insert, update

from jobagent_core.db.base import new_id
from jobagent_core.db.engine import session_scope
from jobagent_core.db.enums import ApplicationStage, RunKind, RunStatus
from jobagent_core.db.models import JobPosting, JobSearch, MatchedJob, Run, User
from jobagent_core.live.poller import LivePoller, RunChange, RunChangeReader
from jobagent_core.live.subscribers import Subscribers, Subscription
from jobagent_core.tracking import dashboard
from jobagent_core.workflows.engine import RunReporter, claim_run, finish
from jobagent_ui.state.live import LiveHub

pytestmark = pytest.mark.integration


T = TypeVar("T")


def run_coroutine(coroutine: Coroutine[Any, Any, T]) -> T:
    """asyncio.run in a thread of its own: the browser tests' sync Playwright keeps an
    event loop running in the main thread for the rest of the session."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


@contextmanager
def counting(engine: Engine) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


def add_user(engine: Engine, name: str) -> str:
    with session_scope(engine) as db:
        user = User(name=name, email=f"{name}@example.org", email_verified=True, has_access=True)
        db.add(user)
        db.flush()
        return user.id


def add_run(
    engine: Engine,
    user_id: str,
    *,
    title: str | None = "Data Engineer",
    status: RunStatus = RunStatus.COMPLETED,
    kind: RunKind = RunKind.JOB_SEARCH,
    created_at: datetime = T0,
    matched: int = 0,
) -> str:
    with session_scope(engine) as db:
        search_id = None
        if title is not None:
            search = JobSearch(user_id=user_id, title=title, location="Berlin")
            db.add(search)
            db.flush()
            search_id = search.id
        run = Run(
            user_id=user_id,
            kind=kind,
            status=status,
            job_search_id=search_id,
            created_at=created_at,
            matched_count=matched,
            finished_at=created_at + timedelta(minutes=2) if not status.is_active else None,
        )
        db.add(run)
        db.flush()
        return run.id


def add_matches(
    engine: Engine, user_id: str, run_id: str | None, scores: list[float], stage: str = "new"
) -> None:
    postings = [
        {
            "id": new_id(),
            "source": "sample",
            "source_id": new_id(),
            "dedupe_key": new_id(),
            "title": "Posting",
            "company": "Acme",
            "company_key": "acme",
            "description_text": "",
            "extra": {},
        }
        for _ in scores
    ]
    rows = [
        {
            "id": new_id(),
            "user_id": user_id,
            "job_posting_id": posting["id"],
            "run_id": run_id,
            "score": score,
            "application_stage": stage,
            "reasons": [],
            "gaps": [],
            "matched_skills": [],
            "stage_history": [],
        }
        for posting, score in zip(postings, scores, strict=True)
    ]
    with engine.begin() as conn:
        conn.execute(insert(JobPosting), postings)
        conn.execute(insert(MatchedJob), rows)


# -- dashboard reads -----------------------------------------------------------------


def test_counts_and_aggregates(pg_engine: Engine, pg_ui_engine: Engine) -> None:
    ada = add_user(pg_engine, "ada")
    first = add_run(pg_engine, ada, created_at=T0, matched=2)
    second = add_run(pg_engine, ada, created_at=T0 + timedelta(days=1), matched=3)
    add_run(pg_engine, ada, status=RunStatus.FAILED, created_at=T0 + timedelta(days=2))
    add_run(pg_engine, ada, title=None, kind=RunKind.PROFILING, created_at=T0 - timedelta(days=1))
    add_run(pg_engine, ada, status=RunStatus.RUNNING, created_at=T0 + timedelta(days=3))
    add_run(pg_engine, ada, status=RunStatus.PENDING, created_at=T0 + timedelta(days=4))
    add_matches(pg_engine, ada, first, [60, 80])
    add_matches(pg_engine, ada, second, [70, 90], stage=ApplicationStage.APPLIED)
    add_matches(pg_engine, ada, second, [50], stage=ApplicationStage.INTERVIEWING)
    add_matches(pg_engine, ada, None, [40], stage=ApplicationStage.NOT_INTERESTED)

    with session_scope(pg_ui_engine) as db:
        stats = dashboard.dashboard_stats(db, ada)
        timeline = dashboard.score_timeline(db, ada)
        overview = dashboard.dashboard_overview(db, ada)

    assert (stats.runs_total, stats.runs_active, stats.matches_total) == (6, 2, 6)
    assert stats.matches_by_stage == {
        "new": 2,
        "saved": 0,
        "applied": 2,
        "interviewing": 1,
        "offer": 0,
        "rejected": 0,
        "not_interested": 1,
    }
    assert stats.applications == 3
    # Finished job searches only, oldest first; the failed one and profiling are left out.
    assert [(p.run_id, p.matches, p.average_score) for p in timeline] == [
        (first, 2, 70.0),
        (second, 3, 70.0),
    ]
    assert timeline[0].title == "Data Engineer"
    assert overview.summary.stats == stats
    assert overview.page.rows[0].status == RunStatus.PENDING
    assert overview.page.rows[-1].kind == RunKind.PROFILING
    assert overview.page.rows[-1].title is None
    assert overview.page.rows[0].title == "Data Engineer"
    assert overview.page.rows[0].location == "Berlin"


def test_nobody_sees_another_persons_runs(pg_engine: Engine, pg_ui_engine: Engine) -> None:
    ada, bob = add_user(pg_engine, "ada"), add_user(pg_engine, "bob")
    ada_run = add_run(pg_engine, ada, matched=1)
    add_matches(pg_engine, ada, ada_run, [75], stage=ApplicationStage.APPLIED)

    with session_scope(pg_ui_engine) as db:
        stats = dashboard.dashboard_stats(db, bob)
        page = dashboard.runs_page(db, bob)
        timeline = dashboard.score_timeline(db, bob)
        stolen = dashboard.get_run_row(db, bob, ada_run)
        own = dashboard.get_run_row(db, ada, ada_run)
        changed = dashboard.changed_runs(db, {bob}, since=T0 - timedelta(days=1000))

    assert (stats.runs_total, stats.runs_active, stats.matches_total, stats.applications) == (
        0,
        0,
        0,
        0,
    )
    assert page.rows == []
    assert page.next_cursor is None
    assert timeline == []
    assert stolen is None
    assert own is not None
    assert own.user_id == ada
    assert changed == []


def test_pages_of_runs_are_newest_first_without_gaps(
    pg_engine: Engine, pg_ui_engine: Engine
) -> None:
    ada = add_user(pg_engine, "ada")
    add_run(pg_engine, add_user(pg_engine, "bob"))  # someone else's run never shows
    ids = [add_run(pg_engine, ada, created_at=T0 + timedelta(hours=i)) for i in range(40)]
    # Runs created at the same instant are still ordered (by id) and none is lost.
    twins = [add_run(pg_engine, ada, created_at=T0 + timedelta(days=9)) for _ in range(5)]

    seen: list[str] = []
    cursor = None
    sizes = []
    with session_scope(pg_ui_engine) as db:
        while True:
            page = dashboard.runs_page(db, ada, after=cursor, limit=20)
            seen += [row.id for row in page.rows]
            sizes.append(len(page.rows))
            cursor = page.next_cursor
            if cursor is None:
                break
    assert sizes == [20, 20, 5]
    assert sorted(seen[:5]) == sorted(twins)
    assert seen[5:] == list(reversed(ids))


# -- the live poller -----------------------------------------------------------------


def reader_for(engine: Engine, **kwargs: Any) -> RunChangeReader:
    return RunChangeReader(engine, **kwargs)


def test_the_poller_reads_only_changed_rows(pg_engine: Engine, pg_ui_engine: Engine) -> None:
    ada = add_user(pg_engine, "ada")
    quiet = add_run(pg_engine, ada, status=RunStatus.PENDING)
    busy = add_run(pg_engine, ada, status=RunStatus.PENDING)
    reader = reader_for(pg_ui_engine, overlap=timedelta(0))

    with counting(pg_ui_engine) as statements:
        assert reader.read({ada}) == []  # starts at "now": pages load their own snapshot
    assert len(statements) == 1

    claim_run(pg_engine, busy, stale_after=timedelta(minutes=5))
    RunReporter(pg_engine, busy).set(found_count=12)
    with counting(pg_ui_engine) as statements:
        changes = reader.read({ada})
    assert len(statements) == 1
    assert "runs.updated_at >" in statements[0]
    assert [c.run.id for c in changes] == [busy]
    assert changes[0].run.found == 12
    assert changes[0].run.status == RunStatus.RUNNING
    assert quiet not in {c.run.id for c in changes}

    with counting(pg_ui_engine) as statements:
        assert reader.read({ada}) == []  # nothing new: nothing delivered
    assert len(statements) == 1


def test_a_run_seen_running_is_recognised_when_it_ends(
    pg_engine: Engine, pg_ui_engine: Engine
) -> None:
    ada = add_user(pg_engine, "ada")
    shown = add_run(pg_engine, ada, status=RunStatus.PENDING)
    reader = reader_for(pg_ui_engine)
    with session_scope(pg_ui_engine) as db:
        page = dashboard.runs_page(db, ada)
    reader.read({ada})
    reader.expect(page.rows)  # the page showed it pending
    assert reader.has_active()

    claim_run(pg_engine, shown, stale_after=timedelta(minutes=5))
    [running] = reader.read({ada})
    assert running.previous_status == RunStatus.PENDING
    assert not running.finished
    finish(pg_engine, shown, RunStatus.COMPLETED)
    [done] = reader.read({ada})
    assert done.finished
    assert done.status_changed
    assert not reader.has_active()
    # Read again within the look-back window: not delivered a second time.
    assert reader.read({ada}) == []

    # A run created and ended between two reads still counts as one that ended;
    # one created before the poller started watching does not.
    quick = add_run(pg_engine, ada, status=RunStatus.COMPLETED, created_at=datetime.now(UTC))
    [flash] = reader.read({ada})
    assert flash.run.id == quick
    assert flash.finished
    old = add_run(pg_engine, ada, status=RunStatus.COMPLETED, created_at=T0)
    [seen] = reader.read({ada})
    assert seen.run.id == old
    assert not seen.finished


def test_a_burst_is_read_in_bounded_slices(pg_engine: Engine, pg_ui_engine: Engine) -> None:
    ada = add_user(pg_engine, "ada")
    ids = [add_run(pg_engine, ada, status=RunStatus.RUNNING) for _ in range(7)]
    reader = reader_for(pg_ui_engine, batch=3)
    reader.read({ada})
    with session_scope(pg_engine) as db:  # one statement: every row gets the same stamp
        db.execute(update(Run).where(Run.id.in_(ids)).values(found_count=5))
    delivered: list[str] = []
    reads = 0
    while True:
        reads += 1
        delivered += [c.run.id for c in reader.read({ada})]
        if not reader.behind:
            break
    assert sorted(delivered) == sorted(ids)
    assert len(delivered) == len(set(delivered))
    assert reads == 3


def subscribers_for(owners: dict[str, int], page: str = "/elsewhere") -> Subscribers:
    subscribers = Subscribers()
    for user_id, tabs in owners.items():
        for i in range(tabs):
            subscribers.subscribe(f"{user_id}-tab-{i}", user_id, page)
    return subscribers


@pytest.mark.parametrize("clients", [1, 200])
def test_one_statement_per_tick_whatever_the_number_of_clients(
    pg_engine: Engine, pg_ui_engine: Engine, clients: int
) -> None:
    ada, bob = add_user(pg_engine, "ada"), add_user(pg_engine, "bob")
    ada_run = add_run(pg_engine, ada, status=RunStatus.RUNNING)
    bob_run = add_run(pg_engine, bob, status=RunStatus.RUNNING)
    # `clients` tabs in all: half Ada's (at least one), the rest other people's.
    subscribers = subscribers_for({ada: max(1, clients // 2), bob: clients // 2})
    for i in range(clients - len(subscribers)):
        subscribers.subscribe(f"other-{i}", f"other-user-{i}", "/elsewhere")
    pushed: list[tuple[str, str, list[str]]] = []

    async def push(subscription: Subscription, changes: list[RunChange], _refreshed: Any) -> None:
        pushed.append((subscription.token, subscription.user_id, [c.run.id for c in changes]))

    reader = reader_for(pg_ui_engine)
    hub = LiveHub(reader=reader, subscribers=subscribers, push=push)
    poller = LivePoller(reader)

    async def ticks() -> list[int]:
        per_tick = []
        await poller.tick(subscribers.users(), hub.deliver)  # catches up on the setup
        pushed.clear()
        for i in range(5):
            RunReporter(pg_engine, ada_run).set(found_count=i + 1)
            with counting(pg_ui_engine) as statements:
                await poller.tick(subscribers.users(), hub.deliver)
            per_tick.append(len(statements))
        return per_tick

    assert run_coroutine(ticks()) == [1] * 5
    ada_tabs = {s.token for s in subscribers.of_user(ada)}
    assert pushed, "Ada's changes were pushed"
    assert {token for token, _, _ in pushed} == ada_tabs
    assert all(user == ada and runs == [ada_run] for _, user, runs in pushed)
    assert bob_run not in {run for _, _, runs in pushed for run in runs}


def test_changes_go_only_to_the_owners_clients(pg_engine: Engine, pg_ui_engine: Engine) -> None:
    ada, bob = add_user(pg_engine, "ada"), add_user(pg_engine, "bob")
    ada_run = add_run(pg_engine, ada, status=RunStatus.RUNNING)
    bob_run = add_run(pg_engine, bob, status=RunStatus.RUNNING)
    subscribers = subscribers_for({ada: 2, bob: 1})
    pushed: dict[str, list[str]] = {}

    async def push(subscription: Subscription, changes: list[RunChange], _refreshed: Any) -> None:
        pushed.setdefault(subscription.token, []).extend(c.run.id for c in changes)

    reader = reader_for(pg_ui_engine)
    hub = LiveHub(reader=reader, subscribers=subscribers, push=push)
    poller = LivePoller(reader)

    async def scenario() -> None:
        await poller.tick(subscribers.users(), hub.deliver)  # catches up on the setup
        pushed.clear()
        RunReporter(pg_engine, ada_run).set(found_count=3)
        RunReporter(pg_engine, bob_run).set(found_count=4)
        await poller.tick(subscribers.users(), hub.deliver)

    run_coroutine(scenario())
    assert pushed == {
        f"{ada}-tab-0": [ada_run],
        f"{ada}-tab-1": [ada_run],
        f"{bob}-tab-0": [bob_run],
    }


def test_stale_subscriptions_are_dropped() -> None:
    subscribers = Subscribers()
    subscribers.subscribe("tab-1", "ada", "/", "socket-1")
    subscribers.subscribe("tab-2", "ada", "/matches", "socket-2")
    subscribers.subscribe("tab-3", "bob", "/", "socket-3")
    # A tab reused by another person moves to them.
    subscribers.subscribe("tab-2", "bob", "/", "socket-2")
    assert [s.token for s in subscribers.of_user("ada")] == ["tab-1"]
    # tab-1 closed; tab-3 reloaded (a new socket: e.g. signed out, now on /sign-in).
    gone = subscribers.prune({"tab-2": "socket-2", "tab-3": "socket-9"})
    assert sorted(gone) == ["tab-1", "tab-3"]
    assert subscribers.users() == {"bob"}
    assert [s.token for s in subscribers.of_user("bob")] == ["tab-2"]


def test_no_query_while_nobody_listens(pg_ui_engine: Engine) -> None:
    reader = reader_for(pg_ui_engine)
    poller = LivePoller(reader, fast_s=0.01, slow_s=0.01)
    delivered: list[RunChange] = []

    async def deliver(changes: list[RunChange]) -> None:
        delivered.extend(changes)

    async def idle_for_a_while() -> None:
        task = asyncio.create_task(poller.run(lambda: set(), deliver))
        await asyncio.sleep(0.3)
        task.cancel()

    with counting(pg_ui_engine) as statements:
        run_coroutine(idle_for_a_while())
    assert statements == []
    assert poller.ticks == 0


def test_the_pace_follows_activity(pg_engine: Engine, pg_ui_engine: Engine) -> None:
    ada = add_user(pg_engine, "ada")
    run_id = add_run(pg_engine, ada, status=RunStatus.PENDING)
    now = [1000.0]
    reader = reader_for(pg_ui_engine)
    poller = LivePoller(reader, fast_s=1, slow_s=5, interest_s=60, monotonic=lambda: now[0])
    assert poller.interval() == 5  # nothing running, nobody just arrived
    poller.wake()
    assert poller.interval() == 1  # a client just arrived
    now[0] += 61
    assert poller.interval() == 5
    with session_scope(pg_ui_engine) as db:
        reader.expect(dashboard.runs_page(db, ada).rows)
    assert poller.interval() == 1  # a run is pending
    reader.read({ada})
    claim_run(pg_engine, run_id, stale_after=timedelta(minutes=5))
    finish(pg_engine, run_id, RunStatus.COMPLETED)
    reader.read({ada})
    assert poller.interval() == 5
