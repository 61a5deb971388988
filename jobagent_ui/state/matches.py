"""`/matches`: every match across runs, filtered, sorted and paged.

Filters come from the form, or from the query on arrival (`?run=<id>&stage=applied`,
links from the dashboard and the search page). Any id in them is only ever used
together with the signed-in user's id, so another person's run filters to nothing.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from datetime import datetime
from typing import Any, Final

import reflex as rx

from jobagent_core.db.engine import session_scope, ui_engine
from jobagent_core.db.enums import ApplicationStage, RunKind
from jobagent_core.db.models import JobSearch, Run
from jobagent_core.tracking.errors import InvalidCursor
from jobagent_core.tracking.matches import (
    MatchFilters,
    MatchRow,
    SortKey,
    count_matches,
    list_matches,
    match_sources,
)
from jobagent_core.workflows.runs import readable_runs
from jobagent_ui import routes
from jobagent_ui.state.auth import current_user

log = logging.getLogger(__name__)

PAGE_SIZE: Final = 20
ANY: Final = "any"  # select value for "no filter" (Radix selects refuse "")
LOAD_FAILED: Final = "Your matches could not be loaded just now. Please try again in a moment."
STAGE_LABELS: Final = {
    ApplicationStage.NEW.value: "New",
    ApplicationStage.SAVED.value: "Saved",
    ApplicationStage.APPLIED.value: "Applied",
    ApplicationStage.INTERVIEWING.value: "Interviewing",
    ApplicationStage.OFFER.value: "Offer",
    ApplicationStage.REJECTED.value: "Rejected",
    ApplicationStage.NOT_INTERESTED.value: "Not interested",
}
SOURCE_LABELS: Final = {
    "sample": "Sample data",
    "file": "Your file",
    "greenhouse": "Greenhouse",
    "lever": "Lever",
    "ashby": "Ashby",
    "arbeitnow": "Arbeitnow",
    "remoteok": "Remote OK",
    "themuse": "The Muse",
    "serpapi": "Google Jobs",
    "adzuna": "Adzuna",
}
MAX_RUN_OPTIONS: Final = 50


def date_label(value: datetime | None) -> str:
    """3 Feb 2026 (UTC), or "" when unknown."""
    return f"{value.day} {value:%b %Y}" if value else ""


def score_color(score: float) -> str:
    if score >= 80:
        return "green"
    if score >= 60:
        return "indigo"
    if score >= 40:
        return "amber"
    return "gray"


def source_label(source: str) -> str:
    return SOURCE_LABELS.get(source, source.capitalize())


@dataclasses.dataclass
class MatchCard:
    id: str = ""
    url: str = ""
    title: str = ""
    company: str = ""
    place: str = ""  # "Berlin, Germany · Remote"
    source: str = ""
    score: int = 0
    score_color: str = "gray"
    reason: str = ""
    stage: str = ""
    stage_label: str = ""
    found: str = ""


@dataclasses.dataclass
class Option:
    value: str = ""
    label: str = ""


def match_card(row: MatchRow) -> MatchCard:
    place = " · ".join(p for p in (row.location or "", "Remote" if row.remote else "") if p)
    return MatchCard(
        id=row.id,
        url=routes.match_detail_path(row.id),
        title=row.title,
        company=row.company,
        place=place,
        source=source_label(row.source),
        score=round(row.score),
        score_color=score_color(row.score),
        reason=row.reason,
        stage=row.stage,
        stage_label=STAGE_LABELS.get(row.stage, row.stage),
        found=date_label(row.created_at),
    )


@dataclasses.dataclass(frozen=True)
class Listing:
    cards: list[MatchCard]
    next_cursor: str | None
    total: int


def load_options(user_id: str) -> tuple[list[Option], list[Option]]:
    """The user's job-search runs and match sources, for the filter selects."""
    with session_scope(ui_engine()) as db:
        runs = db.execute(
            readable_runs(user_id)
            .add_columns(JobSearch.title, JobSearch.location)
            .outerjoin(JobSearch, JobSearch.id == Run.job_search_id)
            .where(Run.kind == RunKind.JOB_SEARCH)
            .limit(MAX_RUN_OPTIONS)
        ).all()
        sources = match_sources(db, user_id)
    run_options = []
    for run, title, location in runs:
        where = f" in {location}" if location else ""
        run_options.append(
            Option(run.id, f"{title or 'Search'}{where} · {date_label(run.created_at)}")
        )
    return run_options, [Option(s, source_label(s)) for s in sources]


def load_listing(
    user_id: str, filters: MatchFilters, sort: SortKey, cursor: str | None, with_total: bool
) -> Listing:
    with session_scope(ui_engine()) as db:
        page = list_matches(
            db, user_id, filters=filters, sort=sort, cursor=cursor, page_size=PAGE_SIZE
        )
        total = count_matches(db, user_id, filters) if with_total else -1
    return Listing([match_card(r) for r in page.rows], page.next_cursor, total)


def _score(text: str) -> float | None:
    try:
        value = float(text)
    except (TypeError, ValueError):
        return None
    return min(100.0, max(0.0, value))


class MatchesState(rx.State):
    loading: bool = True
    page_loading: bool = False
    load_error: str = ""
    cards: list[MatchCard] = []
    total: int = 0
    page_index: int = 0
    has_next: bool = False
    run_options: list[Option] = []
    source_options: list[Option] = []

    q: str = ""
    run: str = ANY
    stage: str = ANY
    source: str = ANY
    score_min: str = ""
    score_max: str = ""
    sort: str = "score"
    _page_starts: list[str | None] = [None]
    _next_cursor: str | None = None

    @rx.var
    def filtered(self) -> bool:
        return any([self.q, self.score_min, self.score_max]) or any(
            v != ANY for v in (self.run, self.stage, self.source)
        )

    @rx.var
    def range_label(self) -> str:
        if not self.cards:
            return ""
        first = self.page_index * PAGE_SIZE + 1
        last = first + len(self.cards) - 1
        return f"{first}–{last} of {self.total}"

    @rx.var
    def stage_options(self) -> list[Option]:
        return [Option(value, label) for value, label in STAGE_LABELS.items()]

    def _filters(self) -> MatchFilters:
        return MatchFilters(
            run_id=None if self.run == ANY else self.run,
            score_min=_score(self.score_min),
            score_max=_score(self.score_max),
            stage=None if self.stage == ANY else self.stage,
            source=None if self.source == ANY else self.source,
            q=self.q.strip() or None,
        )

    def _sort(self) -> SortKey:
        return "date" if self.sort == "date" else "score"

    @rx.event
    async def open_page(self):
        """on_load: filters from the query, the filter options, the first page."""
        query = self.router.url.query_parameters
        self.q = str(query.get("q") or "")[:200]
        self.run = str(query.get("run") or ANY)
        self.stage = str(query.get("stage") or ANY)
        if self.stage != ANY and self.stage not in STAGE_LABELS:
            self.stage = ANY
        self.source = str(query.get("source") or ANY)
        self.score_min = str(query.get("min") or "")
        self.score_max = str(query.get("max") or "")
        self.sort = "date" if query.get("sort") == "date" else "score"
        self.loading, self.load_error, self.cards = True, "", []
        yield
        user = await current_user(self)
        if user is None or not user.has_access:
            return
        try:
            runs, sources = await asyncio.to_thread(load_options, user.id)
        except Exception:
            log.exception("loading match filters failed")
            runs, sources = [], []
        self.run_options, self.source_options = runs, sources
        if self.run != ANY and self.run not in {o.value for o in runs}:
            self.run_options = [*runs, Option(self.run, "The search you followed")]
        await self._load_page(0, None, with_total=True)

    async def _load_page(self, index: int, cursor: str | None, *, with_total: bool) -> None:
        user = await current_user(self)
        if user is None or not user.has_access:
            return
        try:
            listing = await asyncio.to_thread(
                load_listing, user.id, self._filters(), self._sort(), cursor, with_total
            )
        except InvalidCursor as err:
            self.load_error = str(err)
            return
        except Exception:
            log.exception("loading matches failed")
            self.load_error = LOAD_FAILED
            return
        finally:
            self.loading = self.page_loading = False
        self.load_error = ""
        self.cards = listing.cards
        if listing.total >= 0:
            self.total = listing.total
        if index == 0:
            self._page_starts = [None]
        else:
            self._page_starts = [*self._page_starts[:index], cursor]
        self.page_index = index
        self._next_cursor = listing.next_cursor
        self.has_next = listing.next_cursor is not None

    @rx.event
    async def apply_filters(self, form: dict[str, Any]):
        self.q = str(form.get("q") or "")[:200]
        self.score_min = str(form.get("score_min") or "")
        self.score_max = str(form.get("score_max") or "")
        self.page_loading = True
        yield
        await self._load_page(0, None, with_total=True)

    @rx.event
    async def set_select(self, name: str, value: str):
        """A filter select or the sort changed: reload from the first page."""
        if name in {"run", "stage", "source", "sort"}:
            setattr(self, name, value)
        self.page_loading = True
        yield
        await self._load_page(0, None, with_total=True)

    @rx.event
    async def clear_filters(self):
        self.q = self.score_min = self.score_max = ""
        self.run = self.stage = self.source = ANY
        self.page_loading = True
        yield
        await self._load_page(0, None, with_total=True)

    @rx.event
    async def next_page(self):
        if not self.has_next:
            return
        self.page_loading = True
        yield
        await self._load_page(self.page_index + 1, self._next_cursor, with_total=False)

    @rx.event
    async def previous_page(self):
        if self.page_index == 0:
            return
        self.page_loading = True
        yield
        index = self.page_index - 1
        await self._load_page(index, self._page_starts[index], with_total=False)

    @rx.event
    async def retry(self):
        self.loading = True
        yield
        index = self.page_index
        await self._load_page(index, self._page_starts[index], with_total=True)
