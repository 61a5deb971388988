"""Counters say what they mean: "13 matches (2 new)" when a search finds postings an
earlier search had matched already; the dashboard's totals agree with the matches
page; profile builds are counted apart from searches; the search page lists the
person's recent searches (finished ones too) when it opens."""

from __future__ import annotations

import os
import subprocess
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from jobagent_core.db.engine import make_engine, session_scope
from jobagent_core.db.enums import RunKind, RunStatus
from jobagent_core.db.models import JobSearch, Run, User
from jobagent_core.services.searches import load_recent_runs
from jobagent_core.tracking.dashboard import (
    RunPoint,
    RunRow,
    dashboard_stats,
    get_run_rows,
    matches_text,
    new_match_count,
    score_timeline,
)
from jobagent_core.tracking.matches import MatchFilters, count_matches
from jobagent_ui.state.dashboard import _chart_point, run_view
from jobagent_ui.state.search_views import run_card
from tests import cv_fixtures
from tests.cli_support import run_cli
from tests.unit.test_cli_search import NURSE_JOBS_CSV, NURSE_JOBS_JSON

pytestmark = pytest.mark.unit

T0 = datetime(2026, 12, 1, 9, tzinfo=UTC)
ROW = RunRow(
    id="r1", user_id="u1", kind="job_search", status=RunStatus.COMPLETED, title="Data Engineer",
    location=None, current_step=None, progress_done=5, progress_total=5, found=40,
    screened=20, matched=13, research_done=0, research_failed=0, fabrication_done=0,
    fabrication_failed=0, warnings=(), error_message=None, created_at=T0, started_at=T0,
    finished_at=T0, updated_at=T0,
)  # fmt: skip


def test_matches_say_how_many_are_new() -> None:
    assert replace(ROW, new_matches=2).matches_summary == "13 matches (2 new)"
    assert replace(ROW, new_matches=0).matches_summary == "13 matches (0 new)"
    # Every one new, or not known (older runs): nothing to tell apart.
    assert replace(ROW, new_matches=13).matches_summary == "13 matches"
    assert ROW.matches_summary == "13 matches"
    assert matches_text(1, 1) == "1 match"
    assert matches_text(1_200, 7) == "1,200 matches (7 new)"


def test_the_new_count_is_read_from_what_matching_wrote() -> None:
    assert new_match_count({"match_ids": ["a", "b"], "new_matches": 1}) == 1
    assert new_match_count({"match_ids": ["a"]}) is None  # a run from before the count
    assert new_match_count(None) is None
    assert new_match_count({"new_matches": "2"}) is None
    assert new_match_count({"new_matches": True}) is None


def add_user(engine: Engine, name: str) -> str:
    with session_scope(engine) as db:
        user = User(name=name, email=f"{name}@example.org", email_verified=True, has_access=True)
        db.add(user)
        db.flush()
        return user.id


def add_run(
    engine: Engine,
    user_id: str,
    title: str | None,
    at: datetime,
    *,
    kind: RunKind = RunKind.JOB_SEARCH,
    status: RunStatus = RunStatus.COMPLETED,
) -> str:
    with session_scope(engine) as db:
        search_id = None
        if title is not None:
            search = JobSearch(user_id=user_id, title=title, sources=["sample"])
            db.add(search)
            db.flush()
            search_id = search.id
        run = Run(user_id=user_id, kind=kind, status=status, job_search_id=search_id, created_at=at)
        db.add(run)
        db.flush()
        return run.id


def test_the_search_page_lists_recent_searches_of_its_person_only(sqlite_engine: Engine) -> None:
    ada, grace = add_user(sqlite_engine, "ada"), add_user(sqlite_engine, "grace")
    searches = [
        add_run(sqlite_engine, ada, f"Title {i}", T0 + timedelta(hours=i)) for i in range(7)
    ]
    running = add_run(
        sqlite_engine, ada, "Still going", T0 + timedelta(days=1), status=RunStatus.RUNNING
    )
    add_run(sqlite_engine, ada, None, T0 + timedelta(days=2), kind=RunKind.PROFILING)
    add_run(sqlite_engine, grace, "Grace's search", T0 + timedelta(days=3))

    recent = load_recent_runs(ada, engine=sqlite_engine)
    # The newest five job searches, finished ones too; no profile build, nobody else's.
    assert [row.id for row in recent] == [running, *reversed(searches[3:])]
    assert recent[1].status == RunStatus.COMPLETED

    # A run the page shows already stays listed, even when older than the five.
    kept = load_recent_runs(ada, [searches[0], "not-a-run"], engine=sqlite_engine)
    assert [row.id for row in kept][-1] == searches[0]
    assert len(kept) == 6
    # Another person's run id finds nothing.
    assert load_recent_runs(grace, [searches[0]], engine=sqlite_engine)[0].title == (
        "Grace's search"
    )
    assert len(load_recent_runs(grace, [searches[0]], engine=sqlite_engine)) == 1


def test_profile_builds_are_counted_apart_from_searches(sqlite_engine: Engine) -> None:
    ada = add_user(sqlite_engine, "ada")
    add_run(sqlite_engine, ada, "Data Engineer", T0)
    add_run(sqlite_engine, ada, "Data Analyst", T0, status=RunStatus.FAILED)
    add_run(sqlite_engine, ada, None, T0, kind=RunKind.PROFILING)
    with session_scope(sqlite_engine) as db:
        stats = dashboard_stats(db, ada)
    assert (stats.runs_total, stats.searches_total, stats.profile_builds) == (3, 2, 1)


# -- the same postings found by two searches, through the real workflow ------------------


def jobagent(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`jobagent search` on its embedded SQLite database (var/jobagent.db under `cwd`)."""
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"DATABASE_URL", "UI_DATABASE_URL", "REDIS_URL", "SMTP_URL", "LLM_BASE_URL"}
    }
    return run_cli(*args, env=env, cwd=cwd)


def test_a_second_search_counts_only_the_matches_it_found_first(tmp_path: Path) -> None:
    (tmp_path / "cv.txt").write_text(cv_fixtures.render_txt(cv_fixtures.ICU_NURSE))
    (tmp_path / "nurses.csv").write_text(NURSE_JOBS_CSV)
    (tmp_path / "more.json").write_text(NURSE_JOBS_JSON)
    common = ("--cv", "cv.txt", "--out", "out")
    first = jobagent(
        "search", *common, "--title", "ICU Nurse", "--source", "file:nurses.csv", cwd=tmp_path
    )
    assert first.returncode == 0, first.stderr[-3000:]
    # Another title, the same postings and one more file: most matches are not new.
    second = jobagent(
        "search", *common, "--title", "Critical Care Nurse",
        "--source", "file:nurses.csv,file:more.json", cwd=tmp_path,
    )  # fmt: skip
    assert second.returncode == 0, second.stderr[-3000:]

    engine = make_engine(f"sqlite:///{tmp_path / 'var' / 'jobagent.db'}")
    try:
        with session_scope(engine) as db:
            runs = list(
                db.scalars(
                    select(Run).where(Run.kind == RunKind.JOB_SEARCH).order_by(Run.created_at)
                )
            )
            assert len(runs) == 2
            user_id = runs[0].user_id
            rows = get_run_rows(db, user_id, [run.id for run in runs])
            stats = dashboard_stats(db, user_id)
            timeline = score_timeline(db, user_id)
            listed = count_matches(db, user_id, MatchFilters())
            per_run = [count_matches(db, user_id, MatchFilters(run_id=r.id)) for r in runs]
    finally:
        engine.dispose()

    before, after = rows
    assert before.matched > 0
    assert before.new_matches == before.matched  # nothing was matched before it
    assert after.new_matches is not None
    assert after.new_matches < after.matched  # it found the first run's matches again
    assert after.matches_summary == f"{after.matched} matches ({after.new_matches} new)"
    # Each run's count is what the matches page lists for it ...
    assert per_run == [before.matched, after.matched]
    # ... and its new ones add up to the person's matches, each counted once: the
    # dashboard's total, the chart and the matches page agree.
    assert before.new_matches + after.new_matches == stats.matches_total == listed
    assert [point.new_matches for point in timeline] == [before.new_matches, after.new_matches]
    assert sum(point.matches for point in timeline) > stats.matches_total


# -- what the pages show --------------------------------------------------------------


def test_the_dashboard_names_bars_by_search_and_profile_builds_apart() -> None:
    point = RunPoint("r1", datetime(2026, 12, 3, 17, tzinfo=UTC), "Data Engineer", 13, 71.24, 2)
    assert _chart_point(point) == {
        "label": "Data Engineer · 3 Dec",
        "title": "Data Engineer",
        "matches": 13,
        "new": 2,
        "score": 71.2,
    }
    search = replace(ROW, new_matches=2)
    assert run_view(search).matched_text == "13 (2 new)"
    assert run_card(search).matches_label == "matches (2 new)"
    assert run_card(replace(ROW, matched=1, new_matches=1)).matches_label == "match"
    build = run_view(replace(ROW, kind=RunKind.PROFILING, title=None))
    assert (build.kind_label, build.title) == ("Profile build", "Profile from your CVs")
