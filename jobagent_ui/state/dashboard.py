"""The dashboard: counts, a page of runs (newest first) and the chart, kept live.

The page's tab is subscribed to the live hub first (`private_page`), then it reads the
snapshot (`jobagent_core.services.dashboard`: one transaction, four queries) on a
worker thread, so no change can slip between the two. Afterwards the hub calls
`apply_live` with the user's changed runs, and `live_refresh` reloads counts and
chart — once per user and tick, only when a run started or ended.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import AsyncIterator, Sequence
from datetime import datetime
from typing import Any, Final

import reflex as rx
from reflex.event import EventSpec

from jobagent_core.services import RunKind
from jobagent_core.services import dashboard as data
from jobagent_core.services.dashboard import (
    PAGE_SIZE,
    DashboardSummary,
    PageCursor,
    RunPoint,
    RunRow,
    RunsPage,
    matches_text,
    new_suffix,
)
from jobagent_core.services.live import RunChange
from jobagent_core.services.matches import STAGE_LABELS
from jobagent_ui import routes
from jobagent_ui.labels import RUN_KIND_LABELS, RUN_STATUS_LABELS
from jobagent_ui.state.auth import current_member
from jobagent_ui.state.live import hub, live_page
from jobagent_ui.state.saved_searches import SavedSearchesState

log = logging.getLogger(__name__)

LOAD_FAILED: Final = "Your dashboard could not be loaded just now. Please try again in a moment."
PAGE_FAILED: Final = "That page of runs could not be loaded. Please try again."
# A profiling run builds the profile from CVs: not a search, and labelled so.
PROFILE_BUILD: Final = "Profile build"


@dataclasses.dataclass
class RunView:
    """A run as the table shows it (display values only)."""

    id: str = ""
    kind: str = ""
    kind_label: str = ""
    title: str = ""
    location: str = ""
    status: str = ""
    status_label: str = ""
    current_step: str = ""
    progress_percent: int = 0
    progress_text: str = ""
    found: int = 0
    screened: int = 0
    matched: int = 0
    matched_text: str = ""  # "13 (2 new)": the others an earlier search had found
    research: str = ""
    fabrication: str = ""
    created_at: str = ""  # ISO 8601, UTC; the browser shows it in local time
    started_at: str = ""
    finished_at: str = ""
    error_message: str = ""
    warnings: int = 0
    active: bool = False


@dataclasses.dataclass
class StageCount:
    stage: str = ""
    label: str = ""
    count: int = 0


def _iso(value: datetime | None) -> str:
    return value.isoformat() if value else ""


def _done_failed(done: int, failed: int) -> str:
    if not done and not failed:
        return "—"
    return f"{done} done, {failed} failed" if failed else f"{done} done"


def _count(number: int, one: str, many: str) -> str:
    return f"{number:,} {one if number == 1 else many}"


def _chart_point(point: RunPoint) -> dict[str, Any]:
    """One bar: labelled by its search and day ("Data Engineer · 3 Dec"), since
    several searches often finish on the same day."""
    title = point.title or "Job search"
    return {
        "label": f"{title} · {point.at.day} {point.at:%b}",
        "title": title,
        "matches": point.matches,
        "new": point.new_matches,
        "score": round(point.average_score, 1) if point.average_score is not None else None,
    }


def run_view(run: RunRow) -> RunView:
    profiling = run.kind == RunKind.PROFILING
    letter = run.kind == RunKind.LETTER
    added = run.kind == RunKind.POSTING
    if profiling:
        title = "Profile from your CVs"
    elif letter:
        title = "A new cover letter"
    elif added:
        title = "A posting you added"
    else:
        title = run.title or "Job search"
    return RunView(
        id=run.id,
        kind=run.kind,
        kind_label=PROFILE_BUILD
        if profiling
        else RUN_KIND_LABELS.get(run.kind, run.kind.replace("_", " ").capitalize()),
        title=title,
        location=run.location or ("" if profiling or letter or added else "Any location"),
        status=run.status,
        status_label=RUN_STATUS_LABELS.get(run.status, run.status.capitalize()),
        current_step=run.current_step or "",
        progress_percent=run.percent,
        progress_text=(
            f"{run.progress_done} of {run.progress_total}" if run.progress_total > 0 else ""
        ),
        found=run.found,
        screened=run.screened,
        matched=run.matched,
        matched_text=f"{run.matched:,}{new_suffix(run.matched, run.new_matches)}",
        research=_done_failed(run.research_done, run.research_failed),
        fabrication=_done_failed(run.fabrication_done, run.fabrication_failed),
        created_at=_iso(run.created_at),
        started_at=_iso(run.started_at),
        finished_at=_iso(run.finished_at),
        error_message=run.error_message or "",
        warnings=len(run.warnings),
        active=run.active,
    )


@live_page(routes.DASHBOARD)
class DashboardState(rx.State):
    loading: bool = True
    load_error: str = ""
    page_loading: bool = False
    profile_name: str = ""  # the name on the person's profile, once loaded

    runs_total: int = 0  # every run (the table's pages count them all)
    searches_total: int = 0
    profile_builds: int = 0
    runs_active: int = 0
    matches_total: int = 0
    applications: int = 0
    stages: list[StageCount] = []
    chart: list[dict[str, Any]] = []

    runs: list[RunView] = []
    page_index: int = 0  # 0 = the newest runs
    has_next: bool = False
    # Where each page visited starts (None for the first): "Newer" goes back one.
    _page_starts: list[Any] = []
    _next_cursor: Any = None

    @rx.var
    def page_count(self) -> int:
        return max(1, -(-self.runs_total // PAGE_SIZE))

    @rx.var
    def page_label(self) -> str:
        return f"Page {self.page_index + 1} of {self.page_count}"

    @rx.var
    def chart_summary(self) -> str:
        """The chart in words, for screen readers and as its caption."""
        if not self.chart:
            return ""
        # Each bar counts a search's matches, also those an earlier search found
        # first; the new ones add up to distinct matches, as on the matches page.
        matches = sum(int(p["matches"]) for p in self.chart)
        new = sum(int(p["new"]) for p in self.chart)
        scores = [float(p["score"]) for p in self.chart if p["score"] is not None]
        average = f", average score {sum(scores) / len(scores):.0f}" if scores else ""
        searches = "search" if len(self.chart) == 1 else "searches"
        found = matches_text(matches, new)
        return f"Last {len(self.chart)} finished {searches}: {found}{average}."

    @rx.var
    def runs_caption(self) -> str:
        """ "12 searches · 2 profile builds": what the runs table holds."""
        parts = [_count(self.searches_total, "search", "searches")]
        if self.profile_builds:
            parts.append(_count(self.profile_builds, "profile build", "profile builds"))
        others = self.runs_total - self.searches_total - self.profile_builds
        if others > 0:
            parts.append(_count(others, "cover letter", "cover letters"))
        return " · ".join(parts)

    # ------------------------------------------------------------------ loading

    @rx.event
    async def load(self) -> AsyncIterator[EventSpec | None]:
        """on_load of `/` (after the tab subscribed to live changes): read the
        dashboard. Someone with access but no profile yet is sent to onboarding."""
        self.loading = True
        self.load_error = ""
        yield None
        user = await current_member(self)
        if user is None:
            return  # the guard is sending this visitor elsewhere
        try:
            snapshot = await asyncio.to_thread(data.load_snapshot, user.id)
        except Exception:
            log.exception("loading the dashboard failed")
            self.load_error = LOAD_FAILED
            self.loading = False
            return
        if snapshot.overview is None:
            yield rx.redirect(routes.ONBOARDING, replace=True)
            return
        hub.reader.expect(snapshot.overview.page.rows)
        self.profile_name = snapshot.name
        self._show_summary(snapshot.overview.summary)
        self._page_starts = [None]
        self.page_index = 0
        self._show_page(snapshot.overview.page)
        self.loading = False

    @rx.event
    async def next_page(self) -> AsyncIterator[EventSpec | None]:
        if not self.has_next or self.page_loading:
            return
        async for update in self._open_page(self._next_cursor, self.page_index + 1):
            yield update

    @rx.event
    async def previous_page(self) -> AsyncIterator[EventSpec | None]:
        if self.page_index == 0 or self.page_loading:
            return
        index = self.page_index - 1
        async for update in self._open_page(self._page_starts[index], index):
            yield update

    async def _open_page(
        self, start: PageCursor | None, index: int
    ) -> AsyncIterator[EventSpec | None]:
        self.page_loading = True
        yield None
        try:
            user = await current_member(self)
            if user is None:
                return
            page = await asyncio.to_thread(data.load_page, user.id, start)
        except Exception:
            log.exception("loading a page of runs failed")
            yield rx.toast.error(PAGE_FAILED)
            return
        finally:
            self.page_loading = False
        self._page_starts = [*self._page_starts[:index], start]
        self.page_index = index
        self._show_page(page)

    def _show_page(self, page: RunsPage) -> None:
        self.runs = [run_view(row) for row in page.rows]
        self._next_cursor = page.next_cursor
        self.has_next = page.next_cursor is not None

    def _show_summary(self, summary: DashboardSummary) -> None:
        stats = summary.stats
        self.runs_total = stats.runs_total
        self.searches_total = stats.searches_total
        self.profile_builds = stats.profile_builds
        self.runs_active = stats.runs_active
        self.matches_total = stats.matches_total
        self.applications = stats.applications
        self.stages = [
            StageCount(stage=stage, label=label, count=stats.matches_by_stage.get(stage, 0))
            for stage, label in STAGE_LABELS.items()
        ]
        self.chart = [_chart_point(point) for point in summary.timeline]

    # ------------------------------------------------------------------ live

    @classmethod
    def live_refresh(cls, user_id: str, changes: Sequence[RunChange]) -> DashboardSummary | None:
        """Counts and chart again when a run started, ended or appeared (3 queries)."""
        return data.live_summary(user_id, changes)

    async def apply_live(
        self, changes: Sequence[RunChange], refreshed: DashboardSummary | None
    ) -> None:
        """Update the rows shown; a new run joins the top of the first page; the saved
        searches' next run and last result follow their runs starting and ending."""
        if self.loading or self.load_error:
            return  # the snapshot being read includes these changes
        searches = [c for c in changes if c.run.kind == RunKind.JOB_SEARCH]
        if any(c.finished or c.previous_status is None for c in searches):
            saved = await self.get_state(SavedSearchesState)
            if saved.items:
                await saved.reload(searches[0].user_id)
        runs = list(self.runs)
        at = {view.id: i for i, view in enumerate(runs)}
        added = False
        newest = runs[0].created_at if runs else ""
        for change in changes:
            view = run_view(change.run)
            if view.id in at:
                runs[at[view.id]] = view
            elif self.page_index == 0 and view.created_at >= newest:
                runs.append(view)
                added = True
        if added:
            runs.sort(key=lambda view: (view.created_at, view.id), reverse=True)
            if len(runs) > PAGE_SIZE:
                runs = runs[:PAGE_SIZE]
                self.has_next = True
                last = runs[-1]
                self._next_cursor = PageCursor(datetime.fromisoformat(last.created_at), last.id)
        self.runs = runs
        if refreshed is not None:
            self._show_summary(refreshed)
