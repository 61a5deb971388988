"""Building a profile: starting a profiling run and following it live.

Live progress is a background event (`watch`) that reads the run row once per
second — one SELECT per tick, scoped to the signed-in user — and stops when the
run is no longer pending or running. Each start of `watch` takes a fresh lease,
so a reload or a second start replaces the loop instead of doubling it.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import uuid
from typing import Any, Final

import reflex as rx
from reflex.event import EventSpec

from jobagent_core.auth.current_user import CurrentUser
from jobagent_core.auth.errors import AccessDenied
from jobagent_core.db.enums import RunStatus
from jobagent_core.profiling.service import (
    NoDocuments,
    RunInProgress,
    UnknownDocument,
    UploadRejected,
)
from jobagent_core.workflows.profiling import STEPS
from jobagent_ui.state import profiling_data as data
from jobagent_ui.state.auth import SIGN_IN_AGAIN, current_user
from jobagent_ui.state.profile import ProfileState
from jobagent_ui.state.uploads import UploadState

log = logging.getLogger(__name__)

STEP_LABELS: Final = [step.label for step in STEPS]
ACTIVE: Final = frozenset({RunStatus.PENDING.value, RunStatus.RUNNING.value})
POLL_INTERVAL_S: Final = 1.0
# A profiling run ends well within this (the worker's time limit is 31 minutes).
MAX_WATCH_S: Final = 35 * 60
# Pending longer than this: say that no worker seems to be taking runs.
WAITING_HINT_AFTER_S: Final = 15.0

# Onboarding steps, in order.
UPLOAD: Final = "upload"
PROCESSING: Final = "processing"
REVIEW: Final = "review"
SAVED: Final = "saved"
ONBOARDING_STEPS: Final = (UPLOAD, PROCESSING, REVIEW, SAVED)

LOAD_FAILED: Final = "Your profile could not be loaded just now. Please try again in a moment."
START_FAILED: Final = "Profiling could not be started just now. Please try again in a moment."


@dataclasses.dataclass
class StepRow:
    label: str
    state: str  # done | current | failed | pending
    state_text: str  # the same in words, for people and screen readers


_STATE_TEXT = {"done": "Done", "current": "In progress", "failed": "Failed", "pending": "Waiting"}


def step_rows(status: str, current_step: str) -> list[StepRow]:
    """The workflow's steps as done / current / failed / pending.

    Judged from the step the run is in (not from the log of steps entered), so a
    run taken over by another worker and started again reads correctly.
    """
    at = STEP_LABELS.index(current_step) if current_step in STEP_LABELS else -1
    rows = []
    for index, label in enumerate(STEP_LABELS):
        if status == RunStatus.COMPLETED or index < at:
            state = "done"
        elif index == at and status == RunStatus.RUNNING:
            state = "current"
        elif index == at and status == RunStatus.FAILED:
            state = "failed"
        else:
            state = "pending"
        rows.append(StepRow(label=label, state=state, state_text=_STATE_TEXT[state]))
    return rows


class ProfilingState(rx.State):
    """The run shown on the onboarding and profile pages, and the onboarding step."""

    run_id: str = ""
    run_status: str = ""  # "" when no run is shown
    current_step: str = ""
    progress_done: int = 0
    progress_total: int = 0
    warnings: list[str] = []
    error_message: str = ""
    waiting_long: bool = False  # pending for a while: is a worker running?
    just_finished: bool = False  # this page watched the run complete

    onboarding_step: str = UPLOAD
    overwrite: bool = False
    starting: bool = False
    _watch_lease: str = ""
    _last_view: dict[str, Any] = {}

    @rx.var
    def onboarding_index(self) -> int:
        step = self.onboarding_step
        return ONBOARDING_STEPS.index(step) if step in ONBOARDING_STEPS else 0

    @rx.var
    def run_active(self) -> bool:
        return self.run_status in ACTIVE

    @rx.var
    def run_failed(self) -> bool:
        return self.run_status == RunStatus.FAILED

    @rx.var
    def run_completed(self) -> bool:
        return self.run_status == RunStatus.COMPLETED

    @rx.var
    def steps(self) -> list[StepRow]:
        return step_rows(self.run_status, self.current_step)

    @rx.var
    def progress_percent(self) -> int:
        if self.run_status == RunStatus.COMPLETED:
            return 100
        if self.progress_total <= 0:
            return 0
        return min(100, round(100 * self.progress_done / self.progress_total))

    # ------------------------------------------------------------------ pages

    @rx.event
    async def open_onboarding(self):
        """on_load of /onboarding: resume where this person is (a run going on,
        a profile to review, a failure to retry) or start at the upload."""
        await self._begin_loading()
        yield
        loaded = await self._load()
        if loaded is None:
            return
        run, profile = loaded.latest_run, loaded.profile
        if run is not None and run["status"] in ACTIVE:
            self.onboarding_step = PROCESSING
            yield ProfilingState.watch
        elif profile:
            self.onboarding_step = REVIEW
        elif run is not None and run["status"] == RunStatus.FAILED:
            self.onboarding_step = PROCESSING
        else:
            self.onboarding_step = UPLOAD

    @rx.event
    async def open_profile_page(self):
        """on_load of /profile: the profile, the CVs and any run still going on."""
        await self._begin_loading()
        yield
        loaded = await self._load()
        if loaded is not None and self.run_active:
            yield ProfilingState.watch

    async def _begin_loading(self) -> None:
        """Show the loading state (never a previous visitor's data in this tab)."""
        profile = await self.get_state(ProfileState)
        profile.start_loading()
        self.just_finished = False
        self.waiting_long = False

    async def _load(self) -> data.Overview | None:
        profile = await self.get_state(ProfileState)
        user = await current_user(self)
        if user is None or not user.has_access:
            return None  # the guard is sending this visitor elsewhere
        uploads = await self.get_state(UploadState)
        uploads.claim(user.id)
        try:
            overview = await asyncio.to_thread(data.load_overview, user.id)
        except Exception:
            log.exception("loading the profile overview failed")
            profile.load_failed(LOAD_FAILED)
            return None
        profile.show(overview.profile, overview.documents)
        self._show_run(overview.latest_run)
        return overview

    # ------------------------------------------------------------------ starting

    @rx.event
    def set_overwrite(self, value: bool) -> None:
        self.overwrite = bool(value)

    @rx.event
    async def build_profile(self):
        """Onboarding's "Build my profile": store the CVs, queue the run, follow it."""
        self.starting = True
        yield
        started, events = await self._start(overwrite=False)
        if started:
            self.onboarding_step = PROCESSING
        yield events

    @rx.event
    async def rerun(self):
        """The profile page's "Re-run profiling" (with any new CVs)."""
        self.starting = True
        yield
        _, events = await self._start(overwrite=self.overwrite)
        yield events

    @rx.event
    def try_again(self) -> None:
        """After a failed run: back to the upload step (the CVs stay stored)."""
        self._show_run(None)
        self.onboarding_step = UPLOAD

    @rx.event
    def review(self) -> None:
        if self.run_completed or self.onboarding_step == SAVED:
            self.onboarding_step = REVIEW

    @rx.event
    async def save_onboarding(self):
        profile = await self.get_state(ProfileState)
        profile.saving = True
        yield
        saved, problem = await profile.save_edits()
        if saved:
            self.onboarding_step = SAVED
        yield problem

    async def _start(self, *, overwrite: bool) -> tuple[bool, list[EventSpec]]:
        try:
            user = await current_user(self)
            if user is None or not user.has_access:
                return False, [rx.toast.error(SIGN_IN_AGAIN)]
            uploads = await self.get_state(UploadState)
            try:
                view = await asyncio.to_thread(
                    data.start_run, user.id, uploads.ready_uploads(user.id), overwrite
                )
            except UploadRejected as err:
                uploads.reject(err.errors)
                return False, [rx.toast.error("Some files could not be added: see the list.")]
            except (AccessDenied, NoDocuments, UnknownDocument, RunInProgress) as err:
                return False, [rx.toast.error(str(err))]
            except Exception:
                log.exception("starting a profiling run failed")
                return False, [rx.toast.error(START_FAILED)]
            uploads.clear()
            self.just_finished = False
            self.waiting_long = False
            self._show_run(view)
            await self._refresh_profile(user)
            return True, [ProfilingState.watch] if self.run_active else []
        finally:
            self.starting = False

    async def _refresh_profile(self, user: CurrentUser) -> None:
        """Reload the profile and the CV list (best effort: the page keeps what it has)."""
        try:
            overview = await asyncio.to_thread(data.load_overview, user.id)
        except Exception:
            log.exception("reloading the profile failed")
            return
        profile = await self.get_state(ProfileState)
        profile.show(overview.profile, overview.documents)

    # ------------------------------------------------------------------ following

    def _show_run(self, view: dict[str, Any] | None) -> None:
        if view == self._last_view:
            return  # unchanged: send the browser nothing
        self._last_view = dict(view or {})
        view = view or {}
        progress = view.get("progress") or {}
        self.run_id = str(view.get("run_id") or "")
        self.run_status = str(view.get("status") or "")
        self.current_step = str(view.get("current_step") or "")
        self.progress_done = int(progress.get("done") or 0)
        self.progress_total = int(progress.get("total") or 0)
        self.warnings = [str(w) for w in view.get("warnings") or []]
        self.error_message = str(view.get("error_message") or "")

    @rx.event(background=True)
    async def watch(self):
        """Follow the shown run until it ends: one SELECT of the run row per second."""
        user = await current_user(self)
        if user is None or not user.has_access:
            return
        lease = uuid.uuid4().hex
        async with self:
            if not self.run_active:
                return
            self._watch_lease, run_id = lease, self.run_id
        loop = asyncio.get_running_loop()
        started = loop.time()
        view: dict[str, Any] | None = None
        while loop.time() - started < MAX_WATCH_S:
            await asyncio.sleep(POLL_INTERVAL_S)
            try:
                view = await asyncio.to_thread(data.load_run, user.id, run_id)
            except Exception:
                log.warning("reading run %s failed; trying again", run_id, exc_info=True)
                continue
            async with self:
                if self._watch_lease != lease:
                    return  # a newer watch (reload, new run) took over
                self._show_run(view)
                pending = view is not None and view["status"] == RunStatus.PENDING
                waiting_long = pending and loop.time() - started > WAITING_HINT_AFTER_S
                if waiting_long != self.waiting_long:
                    self.waiting_long = waiting_long
                if self.run_active:
                    continue
                self._watch_lease = ""
            break
        if view is not None and view["status"] == RunStatus.COMPLETED:
            await self._finished(user)

    async def _finished(self, user: CurrentUser) -> None:
        try:
            overview = await asyncio.to_thread(data.load_overview, user.id)
        except Exception:
            log.exception("reloading the profile after run failed")
            overview = None
        async with self:
            self.just_finished = True
            if overview is not None:
                profile = await self.get_state(ProfileState)
                profile.show(overview.profile, overview.documents)
