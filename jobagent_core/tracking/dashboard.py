"""The dashboard's reads: counts, one page of runs, and matches per run over time.

Every statement is scoped to one user and served by an index:
runs (user_id, created_at), matched_jobs (user_id, application_stage) and
matched_jobs (run_id). A run row carries its search's title and location (one
LEFT JOIN), in the same shape the live poller delivers (`RunRow`).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final

from sqlalchemy import Row, Select, func, select, tuple_
from sqlalchemy.orm import Session as DbSession

from jobagent_core.db.enums import ApplicationStage, RunKind, RunStatus
from jobagent_core.db.models import JobSearch, MatchedJob, Run

ACTIVE_STATUSES: Final = frozenset({RunStatus.PENDING.value, RunStatus.RUNNING.value})
# Stages that mean the person acted on a match (what "applications" counts).
APPLICATION_STAGES: Final = (
    ApplicationStage.APPLIED,
    ApplicationStage.INTERVIEWING,
    ApplicationStage.OFFER,
    ApplicationStage.REJECTED,
)
DEFAULT_PAGE_SIZE: Final = 20
MAX_PAGE_SIZE: Final = 100
TIMELINE_RUNS: Final = 30


@dataclass(frozen=True)
class SourceCount:
    """One source of a search as discovery reports it: "fetching", "done" or "failed",
    with the postings it found and how many of them were new."""

    label: str
    status: str
    found: int
    new: int

    @property
    def summary(self) -> str:
        if self.status == "fetching":
            return f"{self.label}: fetching…"
        if self.status == "failed":
            return f"{self.label}: failed"
        return f"{self.label}: {self.found:,} found, {self.new:,} new"


def source_counts(params: object) -> tuple[SourceCount, ...]:
    """The per-source counts discovery keeps in a run's params (none for older runs
    and profiling runs); entries not in that shape are left out."""
    entries = params.get("sources") if isinstance(params, dict) else None
    counts = []
    for entry in entries if isinstance(entries, list) else ():
        if not isinstance(entry, dict) or not isinstance(entry.get("source"), str):
            continue
        found, new = entry.get("found"), entry.get("new")
        counts.append(
            SourceCount(
                label=entry["source"],
                status=str(entry.get("status") or "done"),
                found=found if isinstance(found, int) else 0,
                new=new if isinstance(new, int) else 0,
            )
        )
    return tuple(counts)


def new_match_count(params: object) -> int | None:
    """How many of a run's matches it found first (`new_matches`, which matching
    keeps in the run's params); None when unknown: before matching, older runs."""
    value = params.get("new_matches") if isinstance(params, dict) else None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def new_suffix(matched: int, new: int | None) -> str:
    """ " (2 new)": how many of `matched` no earlier search of the person had found;
    "" when unknown or when every one is new (nothing to tell apart)."""
    return f" ({new:,} new)" if new is not None and new < matched else ""


def matches_text(matched: int, new: int | None) -> str:
    """ "13 matches (2 new)": a run's matches, and how many of them were new."""
    return f"{matched:,} match{'es' if matched != 1 else ''}{new_suffix(matched, new)}"


@dataclass(frozen=True)
class RunRow:
    """One run as the dashboard lists it (plain values, no ORM object)."""

    id: str
    user_id: str
    kind: str
    status: str
    title: str | None  # the job search's title (None for profiling runs)
    location: str | None
    current_step: str | None
    progress_done: int
    progress_total: int
    found: int
    screened: int
    matched: int
    research_done: int
    research_failed: int
    fabrication_done: int
    fabrication_failed: int
    warnings: tuple[str, ...]
    error_message: str | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    updated_at: datetime
    sources: tuple[SourceCount, ...] = ()  # a search's sources, as they answer
    # Of `matched`, those no earlier run of this person had found (None: unknown).
    new_matches: int | None = None

    @property
    def matches_summary(self) -> str:
        """ "13 matches (2 new)"."""
        return matches_text(self.matched, self.new_matches)

    @property
    def active(self) -> bool:
        return self.status in ACTIVE_STATUSES

    @property
    def percent(self) -> int:
        """Progress in whole percent: 100 once completed, 0 before any step."""
        if self.status == RunStatus.COMPLETED:
            return 100
        if self.progress_total > 0:
            return min(100, round(100 * self.progress_done / self.progress_total))
        return 0

    @property
    def cursor(self) -> PageCursor:
        return PageCursor(self.created_at, self.id)


@dataclass(frozen=True)
class PageCursor:
    """Where a page of runs ends (newest first): the last row's creation time and id."""

    created_at: datetime
    run_id: str


@dataclass(frozen=True)
class RunsPage:
    rows: list[RunRow]
    next_cursor: PageCursor | None  # None on the last page


@dataclass(frozen=True)
class DashboardStats:
    runs_total: int  # every run: searches, profile builds and letters
    runs_active: int
    matches_total: int  # every match of the person, once each: the matches page's total
    # Every stage, zero included, in ApplicationStage order.
    matches_by_stage: dict[str, int] = field(default_factory=dict)
    searches_total: int = 0  # job searches only
    profile_builds: int = 0  # profiling runs, shown apart from searches

    @property
    def applications(self) -> int:
        return sum(self.matches_by_stage.get(stage, 0) for stage in APPLICATION_STAGES)


@dataclass(frozen=True)
class RunPoint:
    """One finished job search on the chart: its matches and their average score."""

    run_id: str
    at: datetime
    title: str | None
    matches: int  # every match the run kept, also those earlier runs found first
    average_score: float | None  # 0–100; None when the run kept no matches
    # The matches this run found first (each match belongs to the run that found
    # it): summed over runs, each match counts once, as on the matches page.
    new_matches: int = 0


_RUN_COLUMNS: Final = (
    Run.id,
    Run.user_id,
    Run.kind,
    Run.status,
    JobSearch.title,
    JobSearch.location,
    Run.current_step,
    Run.progress_done,
    Run.progress_total,
    Run.found_count,
    Run.screened_count,
    Run.matched_count,
    Run.research_done,
    Run.research_failed,
    Run.fabrication_done,
    Run.fabrication_failed,
    Run.warnings,
    Run.error_message,
    Run.created_at,
    Run.started_at,
    Run.finished_at,
    Run.updated_at,
    Run.params,
)


def _run_rows() -> Select[*tuple[Any, ...]]:
    """Run rows with their search's title and location, for any user (not exported)."""
    return select(*_RUN_COLUMNS).outerjoin(JobSearch, JobSearch.id == Run.job_search_id)


def to_run_row(row: Row[Any]) -> RunRow:
    """A row of `readable_run_rows` as a `RunRow`."""
    return RunRow(
        id=row.id,
        user_id=row.user_id,
        kind=row.kind,
        status=row.status,
        title=row.title,
        location=row.location,
        current_step=row.current_step,
        progress_done=row.progress_done,
        progress_total=row.progress_total,
        found=row.found_count,
        screened=row.screened_count,
        matched=row.matched_count,
        research_done=row.research_done,
        research_failed=row.research_failed,
        fabrication_done=row.fabrication_done,
        fabrication_failed=row.fabrication_failed,
        warnings=tuple(str(w) for w in row.warnings or ()),
        error_message=row.error_message,
        created_at=row.created_at,
        started_at=row.started_at,
        finished_at=row.finished_at,
        updated_at=row.updated_at,
        sources=source_counts(row.params),
        new_matches=new_match_count(row.params),
    )


def readable_run_rows(user_id: str) -> Select[*tuple[Any, ...]]:
    """`user_id`'s runs as `RunRow` columns, newest first."""
    return _run_rows().where(Run.user_id == user_id).order_by(Run.created_at.desc(), Run.id.desc())


def runs_page(
    db: DbSession,
    user_id: str,
    *,
    after: PageCursor | None = None,
    limit: int = DEFAULT_PAGE_SIZE,
) -> RunsPage:
    """Up to `limit` of the user's runs, newest first, starting after `after`.

    Keyset pagination: each page is one index range scan, as fast on page 50 as
    on page 1, and a run created meanwhile never shifts a later page.
    """
    limit = max(1, min(limit, MAX_PAGE_SIZE))
    statement = readable_run_rows(user_id)
    if after is not None:
        statement = statement.where(
            tuple_(Run.created_at, Run.id) < tuple_(after.created_at, after.run_id)
        )
    rows = [to_run_row(r) for r in db.execute(statement.limit(limit + 1))]
    more = len(rows) > limit
    rows = rows[:limit]
    return RunsPage(rows=rows, next_cursor=rows[-1].cursor if more and rows else None)


def get_run_row(db: DbSession, user_id: str, run_id: str) -> RunRow | None:
    """The user's run `run_id` as a row, or None (also when it is someone else's)."""
    row = db.execute(readable_run_rows(user_id).where(Run.id == run_id)).first()
    return to_run_row(row) if row is not None else None


def get_run_rows(db: DbSession, user_id: str, run_ids: Sequence[str]) -> list[RunRow]:
    """The user's runs among `run_ids`, in that order (others' ids find nothing)."""
    if not run_ids:
        return []
    statement = readable_run_rows(user_id).where(Run.id.in_(list(run_ids)))
    by_id = {row.id: row for row in map(to_run_row, db.execute(statement))}
    return [by_id[i] for i in run_ids if i in by_id]


def dashboard_stats(db: DbSession, user_id: str) -> DashboardStats:
    """Run and match counts of `user_id`: two aggregate queries."""
    runs_total, runs_active, searches, profile_builds = db.execute(
        select(
            func.count(),
            func.count().filter(Run.status.in_(ACTIVE_STATUSES)),
            func.count().filter(Run.kind == RunKind.JOB_SEARCH),
            func.count().filter(Run.kind == RunKind.PROFILING),
        ).where(Run.user_id == user_id)
    ).one()
    by_stage = {stage.value: 0 for stage in ApplicationStage}
    stage_counts = db.execute(
        select(MatchedJob.application_stage, func.count())
        .where(MatchedJob.user_id == user_id)
        .group_by(MatchedJob.application_stage)
    )
    for stage, count in stage_counts:
        by_stage[stage] = by_stage.get(stage, 0) + int(count)
    return DashboardStats(
        runs_total=int(runs_total),
        runs_active=int(runs_active or 0),
        matches_total=sum(by_stage.values()),
        matches_by_stage=by_stage,
        searches_total=int(searches or 0),
        profile_builds=int(profile_builds or 0),
    )


def score_timeline(db: DbSession, user_id: str, *, runs: int = TIMELINE_RUNS) -> list[RunPoint]:
    """The user's last `runs` finished job searches, oldest first, with the number of
    matches each run kept and their average score (0–100)."""
    recent = (
        select(Run.id, Run.created_at, Run.finished_at, Run.matched_count, Run.job_search_id)
        .where(
            Run.user_id == user_id,
            Run.kind == RunKind.JOB_SEARCH,
            Run.status == RunStatus.COMPLETED,
        )
        .order_by(Run.created_at.desc())
        .limit(runs)
        .cte("recent")
    )
    # A correlated subquery: for each of the few runs, one range scan of the
    # matched_jobs (run_id) index, instead of aggregating all the user's matches.
    average_score = (
        select(func.avg(MatchedJob.score))
        .where(MatchedJob.run_id == recent.c.id, MatchedJob.user_id == user_id)
        .scalar_subquery()
    )
    # The same index range as the average: the matches this run created.
    new_matches = (
        select(func.count())
        .select_from(MatchedJob)
        .where(MatchedJob.run_id == recent.c.id, MatchedJob.user_id == user_id)
        .scalar_subquery()
    )
    statement = (
        select(
            recent.c.id,
            recent.c.created_at,
            recent.c.finished_at,
            recent.c.matched_count,
            JobSearch.title,
            average_score.label("average_score"),
            new_matches.label("new_matches"),
        )
        .outerjoin(JobSearch, JobSearch.id == recent.c.job_search_id)
        .order_by(recent.c.created_at, recent.c.id)
    )
    return [
        RunPoint(
            run_id=row.id,
            at=row.finished_at or row.created_at,
            title=row.title,
            matches=int(row.matched_count),
            average_score=float(row.average_score) if row.average_score is not None else None,
            new_matches=int(row.new_matches or 0),
        )
        for row in db.execute(statement)
    ]


@dataclass(frozen=True)
class DashboardSummary:
    """The figures around the runs table: counts and the chart."""

    stats: DashboardStats
    timeline: list[RunPoint]


@dataclass(frozen=True)
class DashboardOverview:
    """Everything the dashboard shows when it opens."""

    summary: DashboardSummary
    page: RunsPage


def dashboard_summary(db: DbSession, user_id: str) -> DashboardSummary:
    """Counts and chart of `user_id` (three queries)."""
    return DashboardSummary(dashboard_stats(db, user_id), score_timeline(db, user_id))


def dashboard_overview(
    db: DbSession, user_id: str, *, page_size: int = DEFAULT_PAGE_SIZE
) -> DashboardOverview:
    """The dashboard of `user_id` as it opens: summary and first page of runs (four queries)."""
    return DashboardOverview(
        summary=dashboard_summary(db, user_id), page=runs_page(db, user_id, limit=page_size)
    )


def changed_runs(
    db: DbSession,
    user_ids: Collection[str],
    *,
    since: datetime,
    after_id: str | None = None,
    limit: int = 500,
) -> list[RunRow]:
    """Runs of `user_ids` updated after `since` (oldest change first), for the live
    poller: one range scan of the runs (updated_at) index.

    With `after_id`, rows updated exactly at `since` with a greater id are included
    too (continuing a full batch without skipping ties).
    """
    if not user_ids:
        return []
    if after_id is None:
        changed = Run.updated_at > since
    else:
        changed = tuple_(Run.updated_at, Run.id) > tuple_(since, after_id)
    statement = (
        _run_rows()
        .where(changed, Run.user_id.in_(sorted(user_ids)))
        .order_by(Run.updated_at, Run.id)
        .limit(limit)
    )
    return [to_run_row(r) for r in db.execute(statement)]


def latest_change(db: DbSession) -> datetime | None:
    """When any run last changed (the runs (updated_at) index's last entry)."""
    return db.scalar(select(func.max(Run.updated_at)))


def active_run_ids(rows: Sequence[RunRow]) -> list[str]:
    return [row.id for row in rows if row.active]


__all__ = [
    "ACTIVE_STATUSES",
    "APPLICATION_STAGES",
    "DashboardOverview",
    "DashboardStats",
    "DashboardSummary",
    "PageCursor",
    "RunPoint",
    "RunRow",
    "RunsPage",
    "SourceCount",
    "active_run_ids",
    "changed_runs",
    "dashboard_overview",
    "dashboard_stats",
    "dashboard_summary",
    "get_run_row",
    "get_run_rows",
    "latest_change",
    "matches_text",
    "new_match_count",
    "new_suffix",
    "readable_run_rows",
    "runs_page",
    "score_timeline",
    "source_counts",
    "to_run_row",
]
