"""Starting job searches, and following the runs they start.

The form holds what the person asks for; "Start search" (one title) or "Search
all suggested titles" (one run per profile title) create the runs through
`jobagent_core.services.searches` (which commits, then queues them) and show
them above the form, scrolled into view and focused (the start buttons sit at the
bottom of a long form). The page opens with the person's recent searches, finished
ones too, so a reload loses none. Their progress arrives from the process's live
poller (`jobagent_ui.state.live`): one query per tick for every connected tab,
so following a search costs the database nothing per browser.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import logging
from collections.abc import AsyncIterator, Sequence
from typing import Any, Final

import reflex as rx
from pydantic import ValidationError
from reflex.event import EventSpec

from jobagent_core.auth.errors import AccessDenied
from jobagent_core.config import get_settings
from jobagent_core.discovery.sources.file_import import SourceFileError
from jobagent_core.discovery.sources.registry import (
    SourceSpecError,
    configured_live_sources,
    validate_board_name,
)
from jobagent_core.live.poller import RunChange
from jobagent_core.services import RunStatus
from jobagent_core.services.searches import (
    JobSearchRequest,
    NoSuggestedTitles,
    SearchFromProfileRequest,
    check_jobs_file,
    load_recent_runs,
    load_suggested_titles,
    start_searches,
)
from jobagent_ui import routes
from jobagent_ui.state.auth import SIGN_IN_AGAIN, current_member
from jobagent_ui.state.live import hub, live_page
from jobagent_ui.state.search_views import (
    BOARD_KINDS,
    MAX_JOBS_FILE_BYTES,
    OPEN_KINDS,
    REMOTE_CHOICES,
    SHOWN_RUNS,
    RunCard,
    SourceOption,
    run_card,
    run_dom_id,
    source_options,
    validation_message,
)

log = logging.getLogger(__name__)

START_FAILED: Final = "The search could not be started just now. Please try again in a moment."
LOAD_FAILED: Final = "This page could not be loaded just now. Please try again in a moment."


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.replace("\n", ",").split(",") if part.strip()]


# Waits for the card to render (a frame or a few), then scrolls it into view and
# moves focus to it (it has tabIndex -1), so keyboard and screen-reader users land
# on the search they started; no smooth scrolling for people who asked for less motion.
_BRING_INTO_VIEW: Final = """(() => {
  const id = %s;
  let tries = 0;
  const go = () => {
    const card = document.getElementById(id);
    if (!card) { if (tries++ < 120) requestAnimationFrame(go); return; }
    const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    card.scrollIntoView({block: "start", behavior: still ? "auto" : "smooth"});
    card.focus({preventScroll: true});
  };
  go();
})()"""


def bring_into_view(dom_id: str) -> EventSpec:
    """Scroll the element `dom_id` into view and focus it, once it is rendered."""
    return rx.call_script(_BRING_INTO_VIEW % json.dumps(dom_id))


@live_page(routes.SEARCH)
class SearchState(rx.State):
    loading: bool = True
    load_error: str = ""
    has_profile: bool = False
    suggested: list[str] = []

    title: str = ""
    location: str = ""
    remote_only: bool = False
    remote: str = "region"
    use_sample: bool = True
    open_sources: list[str] = []  # keyless boards (and SerpAPI when configured)
    adzuna_country: str = ""
    boards: dict[str, list[str]] = {kind: [] for kind in BOARD_KINDS}
    jobs_file_name: str = ""
    jobs_file_summary: str = ""
    jobs_file_error: str = ""
    checking_file: bool = False
    posted_within: str = "any"
    seniority: list[str] = []
    excluded_companies: str = ""
    excluded_keywords: str = ""

    sources: list[SourceOption] = []
    starting: bool = False
    runs: list[RunCard] = []
    _jobs_file_spec: str = ""
    _owner: str = ""

    @rx.var
    def any_active(self) -> bool:
        return any(run.active for run in self.runs)

    @rx.var
    def search_all_label(self) -> str:
        count = len(self.suggested)
        return f"Search all {count} suggested title{'s' if count != 1 else ''}"

    # -------------------------------------------------------------- loading

    @rx.event
    async def open_page(self) -> AsyncIterator[EventSpec | None]:
        """on_load of /search: the profile's titles; a title in the query prefills."""
        self.loading, self.load_error = True, ""
        yield None
        user = await current_member(self)
        if user is None:
            return
        if self._owner != user.id:  # another person used this tab: start afresh
            self._reset_form()
            self._owner = user.id
        try:
            has_profile, titles, location = await asyncio.to_thread(load_suggested_titles, user.id)
        except Exception:
            log.exception("loading the search page failed")
            self.loading, self.load_error = False, LOAD_FAILED
            return
        self.has_profile, self.suggested = has_profile, titles
        self.sources = source_options()
        if not self.location and location:
            self.location = location
        wanted = self.router.url.query_parameters.get("title")
        if wanted:
            self.title = wanted[:200]
        self.loading = False
        # The person's recent searches, finished ones too, with those this tab
        # started: a search started before a reload or on another page stays in
        # view. The live poller carries on from here.
        await self._reload_runs(user.id)

    async def _reload_runs(self, user_id: str) -> None:
        try:
            rows = await asyncio.to_thread(load_recent_runs, user_id, [run.id for run in self.runs])
        except Exception:
            # The form still works: the list is only a convenience.
            log.warning("reading the recent searches failed", exc_info=True)
            return
        hub.reader.expect(rows)
        self.runs = [run_card(row) for row in rows[:SHOWN_RUNS]]

    def _reset_form(self) -> None:
        self.title = self.location = ""
        self.remote_only = False
        self.remote = "region"
        self.use_sample = True
        self.open_sources, self.seniority = [], []
        self.adzuna_country = ""
        self.boards = {kind: [] for kind in BOARD_KINDS}
        self.jobs_file_name = self.jobs_file_summary = self.jobs_file_error = ""
        self._jobs_file_spec = ""
        self.posted_within = "any"
        self.excluded_companies = self.excluded_keywords = ""
        self.runs = []

    # -------------------------------------------------------------- the form

    @rx.event
    def set_title(self, value: str) -> None:
        self.title = value

    @rx.event
    def pick_title(self, value: str) -> None:
        self.title = value

    @rx.event
    def set_location(self, value: str) -> None:
        self.location = value

    @rx.event
    def set_remote_only(self, value: bool) -> None:
        self.remote_only = bool(value)
        if self.remote_only and self.remote == "no":
            self.remote = "region"  # "remote jobs only" and "no remote" cannot both hold

    @rx.event
    def set_remote(self, value: str) -> None:
        if value in {v for v, _ in REMOTE_CHOICES}:
            self.remote = value
            if value == "no":
                self.remote_only = False

    @rx.event
    def set_use_sample(self, value: bool) -> None:
        self.use_sample = bool(value)

    @rx.event
    def toggle_open_source(self, kind: str, on: bool) -> None:
        chosen = [k for k in self.open_sources if k != kind]
        self.open_sources = [*chosen, kind] if on else chosen

    @rx.event
    def set_adzuna_country(self, value: str) -> None:
        self.adzuna_country = "" if value == "none" else value

    @rx.event
    def set_posted_within(self, value: str) -> None:
        self.posted_within = value

    @rx.event
    def toggle_seniority(self, level: str, on: bool) -> None:
        chosen = [s for s in self.seniority if s != level]
        self.seniority = [*chosen, level] if on else chosen

    @rx.event
    def set_excluded_companies(self, value: str) -> None:
        self.excluded_companies = value

    @rx.event
    def set_excluded_keywords(self, value: str) -> None:
        self.excluded_keywords = value

    @rx.event
    def add_board(self, form_data: dict[str, Any]) -> EventSpec | None:
        """Add a company board to watch: {"kind": "greenhouse", "board": "stripe"}."""
        kind = str(form_data.get("kind") or "")
        raw = str(form_data.get("board") or "").strip()
        if kind not in BOARD_KINDS or not raw:
            return None
        region, _, name = raw.rpartition(":") if kind == "lever" else ("", "", raw)
        if region and region.lower() != "eu":
            return rx.toast.error("Lever sites are written site or eu:site.")
        try:
            board = validate_board_name(kind, name)
        except SourceSpecError as err:
            return rx.toast.error(str(err))
        board = f"eu:{board}" if region else board
        if board not in self.boards[kind]:
            self.boards[kind] = [*self.boards[kind], board]
        return None

    @rx.event
    def remove_board(self, kind: str, board: str) -> None:
        if kind in self.boards:
            self.boards[kind] = [b for b in self.boards[kind] if b != board]

    @rx.event
    async def add_jobs_file(self, files: list[rx.UploadFile]) -> AsyncIterator[EventSpec | None]:
        """A JSON or CSV file of postings: read now, so problems show at once."""
        user = await current_member(self)
        if user is None:
            yield rx.toast.error(SIGN_IN_AGAIN)
            return
        if not files:
            return
        upload = files[0]
        name = upload.name or "jobs.json"
        self.checking_file, self.jobs_file_error = True, ""
        yield None
        try:
            if upload.size is not None and upload.size > MAX_JOBS_FILE_BYTES:
                raise SourceFileError(f"{name} is larger than 10 MB; split it into smaller files.")
            data = await upload.read()
            spec, summary = await asyncio.to_thread(check_jobs_file, user.id, name, data)
        except SourceFileError as err:
            self.jobs_file_name, self.jobs_file_summary, self._jobs_file_spec = name, "", ""
            self.jobs_file_error = str(err)
            return
        except Exception:
            log.exception("reading a jobs file failed")
            self.jobs_file_error = "That file could not be read just now. Please try again."
            return
        finally:
            self.checking_file = False
        self.jobs_file_name, self.jobs_file_summary, self._jobs_file_spec = name, summary, spec

    @rx.event
    def remove_jobs_file(self) -> None:
        self.jobs_file_name = self.jobs_file_summary = self.jobs_file_error = ""
        self._jobs_file_spec = ""

    def _specs(self) -> list[str]:
        specs = ["sample"] if self.use_sample else []
        if self._jobs_file_spec:
            specs.append(self._jobs_file_spec)
        configured = set(configured_live_sources(get_settings()))
        specs += [k for k in OPEN_KINDS if k in self.open_sources and k in configured]
        if self.adzuna_country and "adzuna" in configured:
            specs.append(f"adzuna:{self.adzuna_country}")
        for kind in BOARD_KINDS:
            specs += [f"{kind}:{board}" for board in self.boards[kind]]
        return specs

    def _options(self) -> dict[str, Any]:
        within = None if self.posted_within == "any" else int(self.posted_within)
        return {
            "location": self.location,
            "remote_only": self.remote_only,
            "remote": self.remote,
            "sources": self._specs(),
            "filters": {
                "posted_within_days": within,
                "seniority": list(self.seniority),
                "excluded_companies": _split(self.excluded_companies),
                "excluded_keywords": _split(self.excluded_keywords),
            },
        }

    # -------------------------------------------------------------- starting

    @rx.event
    async def enter_starts(self, key: str) -> AsyncIterator[EventSpec | None]:
        """Enter in the title or location field starts the search."""
        if key == "Enter" and not self.starting:
            # mypy types @rx.event methods as EventNamespace: Reflex types them through
            # EventNamespace.__new__, whose return type mypy ignores.
            yield SearchState.start  # type: ignore[misc]

    @rx.event
    async def start(self) -> AsyncIterator[EventSpec | None]:
        """ "Start search": one run for the title."""
        if not self.title.strip():
            yield rx.toast.error("Write a job title to search for, or pick one of yours.")
            return
        async for event in self._start({"title": self.title, **self._options()}, single=True):
            yield event

    @rx.event
    async def start_all(self) -> AsyncIterator[EventSpec | None]:
        """One run per suggested title of the profile."""
        async for event in self._start(self._options(), single=False):
            yield event

    async def _start(
        self, body: dict[str, Any], *, single: bool
    ) -> AsyncIterator[EventSpec | None]:
        if not body["sources"]:
            yield rx.toast.error("Choose at least one source to search.")
            return
        user = await current_member(self)
        if user is None:
            yield rx.toast.error(SIGN_IN_AGAIN)
            return
        self.starting = True
        yield None
        try:
            request: JobSearchRequest | SearchFromProfileRequest = (
                JobSearchRequest.model_validate(body)
                if single
                else SearchFromProfileRequest.model_validate(body)
            )
            rows, queue_down = await asyncio.to_thread(start_searches, user.id, request)
        except ValidationError as err:
            yield rx.toast.error(validation_message(err))
            return
        except (AccessDenied, SourceSpecError, NoSuggestedTitles) as err:
            yield rx.toast.error(str(err))
            return
        except Exception:
            log.exception("starting a job search failed")
            yield rx.toast.error(START_FAILED)
            return
        finally:
            self.starting = False
        hub.reader.expect(rows)
        hub.nudge()
        started = {row.id for row in rows}
        kept = [run for run in self.runs if run.id not in started]
        self.runs = [run_card(row) for row in rows] + kept[: max(0, SHOWN_RUNS - len(rows))]
        if rows:
            # The button sits at the bottom of a long form, the cards above it.
            yield bring_into_view(run_dom_id(rows[0].id))
        # mypy cannot apply @rx.event(background=True)'s typing (a TypeVarTuple callback
        # type it leaves unresolved), so the handler reads as not callable.
        yield SearchState.hint_if_no_worker(sorted(started))  # type: ignore[misc]
        if queue_down:
            yield rx.toast.error(
                "The task queue is not reachable, so the search could not start. Check that "
                "the worker is running, then try again."
            )
        else:
            count = len(rows)
            yield rx.toast.success(
                "Search started." if count == 1 else f"{count} searches started."
            )

    # -------------------------------------------------------------- live

    @rx.event(background=True)
    async def hint_if_no_worker(self, run_ids: list[str]) -> None:
        """No database work: mark the cards of `run_ids` that are still waiting
        for a worker after a while (a live change replaces the card)."""
        await asyncio.sleep(get_settings().WORKER_HINT_AFTER_S)
        async with self:
            waiting = set(run_ids)
            if any(r.id in waiting and r.status == RunStatus.PENDING for r in self.runs):
                self.runs = [
                    dataclasses.replace(r, no_worker_yet=True)
                    if r.id in waiting and r.status == RunStatus.PENDING
                    else r
                    for r in self.runs
                ]

    def apply_live(self, changes: Sequence[RunChange], refreshed: None) -> None:
        """Update the cards of the runs shown (others' runs never reach this tab)."""
        changed = {change.run.id: change.run for change in changes}
        if any(run.id in changed for run in self.runs):
            self.runs = [
                run_card(changed[run.id]) if run.id in changed else run for run in self.runs
            ]
