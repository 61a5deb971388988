"""`/matches`: every match across runs, filtered, sorted and paged.

Filters, sort and page live in the address (`?run=<id>&stage=applied&sort=date&page=2`):
read on arrival (links from the dashboard and the search page, a reload, a shared
link) and written back on every change, so the same view comes back. Any id in
them is only ever used together with the signed-in user's id
(`jobagent_core.services.matches`), so another person's run filters to nothing.
The labels and card shapes are the service's, re-exported here for the components.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator
from typing import Any, Final
from urllib.parse import urlencode

import reflex as rx
from reflex.event import EventSpec

from jobagent_core.services.matches import (
    LISTING_PAGE_SIZE,
    STAGE_LABELS,
    MatchCard,
    MatchFilters,
    Option,
    SortKey,
    load_listing,
    load_options,
)
from jobagent_core.tracking.errors import InvalidCursor
from jobagent_ui.state.auth import current_member

log = logging.getLogger(__name__)

PAGE_SIZE: Final = LISTING_PAGE_SIZE
ANY: Final = "any"  # select value for "no filter" (Radix selects refuse "")
LOAD_FAILED: Final = "Your matches could not be loaded just now. Please try again in a moment."
# A page in the address is reached by following the pages before it (keyset
# paging); this many at most, so a hand-made link cannot make a long walk.
MAX_PAGE: Final = 50
RESULTS_ID: Final = "match-results"  # "Next" and "Previous" bring its top into view


def _page_number(text: str) -> int:
    """The 1-based page in the address, as a 0-based index (0 when unreadable)."""
    try:
        number = int(text)
    except (TypeError, ValueError):
        return 0
    return min(MAX_PAGE, max(1, number)) - 1


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
    async def open_page(self) -> AsyncIterator[EventSpec | None]:
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
        yield None
        user = await current_member(self)
        if user is None:
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
        await self._walk_to(_page_number(str(query.get("page") or "")))

    async def _walk_to(self, index: int) -> None:
        """From the first page on to page `index` (or the last one there is), so
        that "Previous" works from a page opened by its address too."""
        while self.page_index < index and self.has_next and not self.load_error:
            await self._load_page(self.page_index + 1, self._next_cursor, with_total=False)

    def _query(self) -> str:
        """The address's query for the view shown ("" for the default view): only
        what differs from the default, the run first (as links bring it)."""
        params = {
            "run": "" if self.run == ANY else self.run,
            "stage": "" if self.stage == ANY else self.stage,
            "source": "" if self.source == ANY else self.source,
            "q": self.q.strip(),
            "min": self.score_min,
            "max": self.score_max,
            "sort": "date" if self.sort == "date" else "",
            "page": str(self.page_index + 1) if self.page_index else "",
        }
        query = urlencode({key: value for key, value in params.items() if value})
        return f"?{query}" if query else ""

    def _write_address(self) -> EventSpec:
        """Put the view in the address bar without a navigation (which would load
        the page again): history.replaceState keeps the router's own state, and
        the path stays as the browser has it ("/matches" or "/matches/")."""
        query = json.dumps(self._query())
        return rx.call_script(
            "window.history.replaceState(window.history.state, '', "
            f"window.location.pathname + {query})"
        )

    def _to_list_top(self) -> EventSpec:
        return rx.call_script(
            f"document.getElementById({json.dumps(RESULTS_ID)})?.scrollIntoView({{block: 'start'}})"
        )

    async def _load_page(self, index: int, cursor: str | None, *, with_total: bool) -> None:
        user = await current_member(self)
        if user is None:
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
    async def apply_filters(self, form: dict[str, Any]) -> AsyncIterator[EventSpec | None]:
        self.q = str(form.get("q") or "")[:200]
        self.score_min = str(form.get("score_min") or "")
        self.score_max = str(form.get("score_max") or "")
        self.page_loading = True
        yield None
        await self._load_page(0, None, with_total=True)
        yield self._write_address()

    @rx.event
    async def set_select(self, name: str, value: str) -> AsyncIterator[EventSpec | None]:
        """A filter select or the sort changed: reload from the first page."""
        if name in {"run", "stage", "source", "sort"}:
            setattr(self, name, value)
        self.page_loading = True
        yield None
        await self._load_page(0, None, with_total=True)
        yield self._write_address()

    @rx.event
    async def clear_filters(self) -> AsyncIterator[EventSpec | None]:
        self.q = self.score_min = self.score_max = ""
        self.run = self.stage = self.source = ANY
        self.page_loading = True
        yield None
        await self._load_page(0, None, with_total=True)
        yield self._write_address()

    @rx.event
    async def next_page(self) -> AsyncIterator[EventSpec | None]:
        if not self.has_next:
            return
        self.page_loading = True
        yield None
        await self._load_page(self.page_index + 1, self._next_cursor, with_total=False)
        yield self._write_address()
        yield self._to_list_top()

    @rx.event
    async def previous_page(self) -> AsyncIterator[EventSpec | None]:
        if self.page_index == 0:
            return
        self.page_loading = True
        yield None
        index = self.page_index - 1
        await self._load_page(index, self._page_starts[index], with_total=False)
        yield self._write_address()
        yield self._to_list_top()

    @rx.event
    async def retry(self) -> AsyncIterator[EventSpec | None]:
        self.loading = True
        yield None
        index = self.page_index
        await self._load_page(index, self._page_starts[index], with_total=True)
