"""The dashboard: whether the person has a profile yet, their counts and chart, and
their runs a page at a time (newest first).

Each function reads in its own transaction (the web app's database role unless an
engine is passed) and returns the plain data classes of
`jobagent_core.tracking.dashboard`, which does the querying; every read is
scoped to `user_id`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from sqlalchemy import Engine

from jobagent_core.live.poller import RunChange
from jobagent_core.profiling.service import get_profile
from jobagent_core.services.unit_of_work import unit_of_work
from jobagent_core.tracking.dashboard import (
    DEFAULT_PAGE_SIZE,
    DashboardOverview,
    DashboardStats,
    DashboardSummary,
    PageCursor,
    RunPoint,
    RunRow,
    RunsPage,
    dashboard_overview,
    dashboard_summary,
    matches_text,
    new_suffix,
    runs_page,
)

PAGE_SIZE: Final = DEFAULT_PAGE_SIZE


@dataclass(frozen=True)
class Snapshot:
    """What the dashboard needs when it opens."""

    has_profile: bool
    overview: DashboardOverview | None  # None without a profile (the page redirects)
    name: str = ""  # the name on the profile, to greet the person by ("" when none)


def load_snapshot(user_id: str, *, engine: Engine | None = None) -> Snapshot:
    """Whether `user_id` has a profile and, if so, their dashboard (one transaction,
    so counts and the first page agree)."""
    with unit_of_work(engine) as db:
        profile = get_profile(db, user_id)
        if profile is None:
            return Snapshot(has_profile=False, overview=None)
        name = profile.get("name")
        return Snapshot(
            has_profile=True,
            overview=dashboard_overview(db, user_id, page_size=PAGE_SIZE),
            name=name.strip() if isinstance(name, str) else "",
        )


def load_page(user_id: str, after: PageCursor | None, *, engine: Engine | None = None) -> RunsPage:
    """`user_id`'s runs after `after` (None: the newest), `PAGE_SIZE` of them."""
    with unit_of_work(engine) as db:
        return runs_page(db, user_id, after=after, limit=PAGE_SIZE)


def live_summary(
    user_id: str, changes: Sequence[RunChange], *, engine: Engine | None = None
) -> DashboardSummary | None:
    """Counts and chart again when one of `changes` started, ended or added a run
    (three queries); None, without reading, when no status changed — progress
    alone moves neither the counts nor the chart."""
    if not any(change.status_changed for change in changes):
        return None
    with unit_of_work(engine) as db:
        return dashboard_summary(db, user_id)


__all__ = [
    "PAGE_SIZE",
    "DashboardOverview",
    "DashboardStats",
    "DashboardSummary",
    "PageCursor",
    "RunPoint",
    "RunRow",
    "RunsPage",
    "Snapshot",
    "live_summary",
    "load_page",
    "load_snapshot",
    "matches_text",
    "new_suffix",
]
