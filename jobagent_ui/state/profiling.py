"""Building a profile: starting a profiling run and following it live.

Live progress comes from the process's live poller (`jobagent_ui.state.live`):
the onboarding and profile pages register for the run changes of their tab's
user, so following a run costs one query per tick for all connected tabs
together. When a profiling run completes, the profile and CV list are read
again once per user (`live_refresh`), whatever the number of their tabs.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import AsyncIterator, Sequence
from typing import Any, Final

import reflex as rx
from reflex.event import EventSpec

from jobagent_core.auth.current_user import CurrentUser
from jobagent_core.auth.errors import AccessDenied
from jobagent_core.config import get_settings
from jobagent_core.live.poller import RunChange
from jobagent_core.services import RunKind, RunStatus, profiles
from jobagent_core.services.profiles import (
    STEP_LABELS,
    LastDocument,
    NoDocuments,
    ProfileOverview,
    RunInProgress,
    UnknownDocument,
    UploadRejected,
)
from jobagent_core.tracking.dashboard import RunRow
from jobagent_ui import routes
from jobagent_ui.state.auth import SIGN_IN_AGAIN, current_member
from jobagent_ui.state.live import hub, live_page
from jobagent_ui.state.profile import ProfileState
from jobagent_ui.state.uploads import UploadState

log = logging.getLogger(__name__)

ACTIVE: Final = frozenset({RunStatus.PENDING.value, RunStatus.RUNNING.value})

# Onboarding steps, in order.
UPLOAD: Final = "upload"
PROCESSING: Final = "processing"
REVIEW: Final = "review"
SAVED: Final = "saved"
ONBOARDING_STEPS: Final = (UPLOAD, PROCESSING, REVIEW, SAVED)

LOAD_FAILED: Final = "Your profile could not be loaded just now. Please try again in a moment."
START_FAILED: Final = "Profiling could not be started just now. Please try again in a moment."
REMOVE_FAILED: Final = "That CV could not be removed just now. Please try again in a moment."


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


@dataclasses.dataclass(frozen=True)
class ShownRun:
    """What the pages show of a run, from the API's run view or a live change."""

    run_id: str = ""
    status: str = ""
    current_step: str = ""
    done: int = 0
    total: int = 0
    warnings: tuple[str, ...] = ()
    error_message: str = ""

    @classmethod
    def from_view(cls, view: dict[str, Any] | None) -> ShownRun:
        """From `run_status`'s shape (None: no run)."""
        if not view:
            return cls()
        progress = view.get("progress") or {}
        return cls(
            run_id=str(view.get("run_id") or ""),
            status=str(view.get("status") or ""),
            current_step=str(view.get("current_step") or ""),
            done=int(progress.get("done") or 0),
            total=int(progress.get("total") or 0),
            warnings=tuple(str(w) for w in view.get("warnings") or ()),
            error_message=str(view.get("error_message") or ""),
        )

    @classmethod
    def from_row(cls, row: RunRow) -> ShownRun:
        return cls(
            run_id=row.id,
            status=row.status,
            current_step=row.current_step or "",
            done=row.progress_done,
            total=row.progress_total,
            warnings=row.warnings,
            error_message=row.error_message or "",
        )


@live_page(routes.ONBOARDING)
@live_page(routes.PROFILE)
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
    removing_id: str = ""  # the CV whose removal is being confirmed
    removing_name: str = ""
    _shown: ShownRun = ShownRun()

    @rx.var
    def onboarding_index(self) -> int:
        step = self.onboarding_step
        if step == SAVED:  # the last step is reached by finishing: all of them are done
            return len(ONBOARDING_STEPS)
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
    async def open_onboarding(self) -> AsyncIterator[EventSpec | None]:
        """on_load of /onboarding: resume where this person is (a run going on,
        a profile to review, a failure to retry) or start at the upload."""
        await self._begin_loading()
        yield None
        loaded = await self._load()
        if loaded is None:
            return
        run, profile = loaded.latest_run, loaded.profile
        if run is not None and run["status"] in ACTIVE:
            self.onboarding_step = PROCESSING
            yield ProfilingState.hint_if_no_worker
        elif profile:
            self.onboarding_step = REVIEW
        elif run is not None and run["status"] == RunStatus.FAILED:
            self.onboarding_step = PROCESSING
        else:
            self.onboarding_step = UPLOAD

    @rx.event
    async def open_profile_page(self) -> AsyncIterator[EventSpec | None]:
        """on_load of /profile: the profile, the CVs and any run still going on."""
        await self._begin_loading()
        yield None
        loaded = await self._load()
        if loaded is not None and self.run_active:
            yield ProfilingState.hint_if_no_worker

    async def _begin_loading(self) -> None:
        """Show the loading state (never a previous visitor's data in this tab)."""
        profile = await self.get_state(ProfileState)
        profile.start_loading()
        self.just_finished = False
        self.waiting_long = False

    async def _load(self) -> ProfileOverview | None:
        profile = await self.get_state(ProfileState)
        user = await current_member(self)
        if user is None:
            return None  # the guard is sending this visitor elsewhere
        uploads = await self.get_state(UploadState)
        uploads.claim(user.id)
        try:
            overview = await asyncio.to_thread(profiles.load_overview, user.id)
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
    async def build_profile(self) -> AsyncIterator[EventSpec | list[EventSpec] | None]:
        """Onboarding's "Build my profile": store the CVs, queue the run, follow it."""
        self.starting = True
        yield None
        started, events = await self._start(overwrite=False)
        if started:
            self.onboarding_step = PROCESSING
        yield events

    @rx.event
    async def rerun(self) -> AsyncIterator[EventSpec | list[EventSpec] | None]:
        """The profile page's "Re-run profiling" (with any new CVs)."""
        self.starting = True
        yield None
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
    async def save_onboarding(self) -> AsyncIterator[EventSpec | None]:
        profile = await self.get_state(ProfileState)
        profile.saving = True
        yield None
        saved, problem = await profile.save_edits()
        if saved:
            self.onboarding_step = SAVED
        yield problem

    # ------------------------------------------------------------------ removing a CV

    @rx.event
    def ask_remove(self, document_id: str, name: str) -> None:
        self.removing_id, self.removing_name = document_id, name

    @rx.event
    def close_remove(self, is_open: bool = False) -> None:
        if not is_open:
            self.removing_id = ""

    @rx.event
    async def confirm_remove(
        self, document_id: str, name: str
    ) -> AsyncIterator[EventSpec | list[EventSpec] | None]:
        """Remove the confirmed CV; the run that rebuilds the profile is followed live.

        The CV comes with the click (not from `removing_id`), so the dialog closing
        at the same moment cannot change which CV is removed.
        """
        self.removing_id = ""
        self.starting = True
        yield None
        try:
            yield await self._remove(document_id, name)
        finally:
            self.starting = False

    async def _remove(self, document_id: str, name: str) -> list[EventSpec]:
        user = await current_member(self)
        if user is None:
            return [rx.toast.error(SIGN_IN_AGAIN)]
        try:
            view = await asyncio.to_thread(profiles.remove_cv, user.id, document_id)
        except (AccessDenied, LastDocument, UnknownDocument, RunInProgress) as err:
            return [rx.toast.error(str(err))]
        except Exception:
            log.exception("removing a CV failed")
            return [rx.toast.error(REMOVE_FAILED)]
        self.just_finished = False
        self.waiting_long = False
        self._show_run(view)
        hub.nudge()
        await self._refresh_profile(user)
        done = rx.toast.info(f"{name} was removed; your profile is being rebuilt without it.")
        return [done, ProfilingState.hint_if_no_worker] if self.run_active else [done]

    async def _start(self, *, overwrite: bool) -> tuple[bool, list[EventSpec]]:
        try:
            user = await current_member(self)
            if user is None:
                return False, [rx.toast.error(SIGN_IN_AGAIN)]
            uploads = await self.get_state(UploadState)
            try:
                view = await asyncio.to_thread(
                    profiles.start_run, user.id, uploads.ready_uploads(user.id), overwrite
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
            hub.nudge()
            await self._refresh_profile(user)
            return True, [ProfilingState.hint_if_no_worker] if self.run_active else []
        finally:
            self.starting = False

    async def _refresh_profile(self, user: CurrentUser) -> None:
        """Reload the profile and the CV list (best effort: the page keeps what it has)."""
        try:
            overview = await asyncio.to_thread(profiles.load_overview, user.id)
        except Exception:
            log.exception("reloading the profile failed")
            return
        profile = await self.get_state(ProfileState)
        profile.show(overview.profile, overview.documents)

    # ------------------------------------------------------------------ following

    def _show_run(self, view: dict[str, Any] | None) -> None:
        self._show(ShownRun.from_view(view))

    def _show(self, run: ShownRun) -> None:
        if run == self._shown:
            return  # unchanged: send the browser nothing
        self._shown = run
        self.run_id = run.run_id
        self.run_status = run.status
        self.current_step = run.current_step
        self.progress_done = run.done
        self.progress_total = run.total
        self.warnings = list(run.warnings)
        self.error_message = run.error_message
        if run.status != RunStatus.PENDING:
            self.waiting_long = False

    @rx.event(background=True)
    async def hint_if_no_worker(self) -> None:
        """No database work: if the run shown is still pending after a while, say
        that no worker seems to be taking runs (a live change clears it)."""
        async with self:
            run_id = self.run_id
        await asyncio.sleep(get_settings().WORKER_HINT_AFTER_S)
        async with self:
            if run_id and self.run_id == run_id and self.run_status == RunStatus.PENDING:
                self.waiting_long = True

    @classmethod
    def live_refresh(cls, user_id: str, changes: Sequence[RunChange]) -> ProfileOverview | None:
        """The profile and CVs again when a profiling run completed (one per tick)."""
        if not any(_completed_profiling(change) for change in changes):
            return None
        return profiles.load_overview(user_id)

    async def apply_live(
        self, changes: Sequence[RunChange], refreshed: ProfileOverview | None
    ) -> None:
        """Follow the run shown; when it completes, show the profile it built."""
        for change in changes:
            if change.run.id != self.run_id or not self.run_id:
                continue
            was_active = self.run_active
            self._show(ShownRun.from_row(change.run))
            if was_active and self.run_completed:
                self.just_finished = True
                if refreshed is not None:
                    profile = await self.get_state(ProfileState)
                    profile.show(refreshed.profile, refreshed.documents)


def _completed_profiling(change: RunChange) -> bool:
    return (
        change.run.kind == RunKind.PROFILING
        and change.run.status == RunStatus.COMPLETED
        and change.status_changed
    )
