"""`/matches/[match_id]`: one match — the posting, why it matches, the company,
the letter to edit, the tailored CV, the files, and the application's stage.

The match id comes from the URL (the browser), so every call passes it together
with the signed-in user's id; someone else's match is "not found", exactly like
one that never existed. Each handler calls one blocking use case of
`jobagent_core.services.matches` or `.letters` on a worker thread; those are what
the isolation tests call with another user's ids.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Sequence
from typing import Any, Final

import reflex as rx
from markdown_it import MarkdownIt
from reflex.event import EventSpec

from jobagent_core.auth.errors import AccessDenied
from jobagent_core.config import get_settings
from jobagent_core.live.poller import RunChange
from jobagent_core.services import QueueUnavailable, RunStatus
from jobagent_core.services.letters import (
    LetterRunsRefresh,
    refresh_letter_runs,
    regenerate,
    revert,
    save,
)
from jobagent_core.services.match_detail import (
    MAX_NOTE_CHARS,
    DetailView,
    LetterRun,
    LetterView,
    load_page,
    track,
)

# The page's parts, re-exported for the components that draw them.
from jobagent_core.services.match_detail import Citation as Citation
from jobagent_core.services.match_detail import DownloadLink as DownloadLink
from jobagent_core.services.match_detail import Fact as Fact
from jobagent_core.services.match_detail import HistoryRow as HistoryRow
from jobagent_core.services.matches import STAGE_LABELS
from jobagent_core.tracking.errors import TrackingError
from jobagent_core.tracking.letter_text import LetterTextError
from jobagent_ui import routes
from jobagent_ui.state.auth import SIGN_IN_AGAIN, current_member
from jobagent_ui.state.live import NO_WORKER_YET, hub, live_page

log = logging.getLogger(__name__)

LOAD_FAILED: Final = "This match could not be loaded just now. Please try again in a moment."
ACTION_FAILED: Final = "That did not work just now. Please try again in a moment."
QUEUE_DOWN: Final = (
    "The new letter could not be queued: the task queue is not reachable. "
    "Your letter is unchanged; check that the worker is running, then try again."
)
WRITING: Final = "Writing a new letter…"
# The letter's Markdown flavour (as jobagent_core.tracking.letter_text reads it back).
_MARKDOWN: Final = MarkdownIt("commonmark", {"html": False, "linkify": False})


def letter_html(text: str) -> str:
    """The letter's Markdown as an HTML fragment; raw HTML in it is shown as text."""
    return str(_MARKDOWN.render(text))


def match_id_from_path(path: str) -> str:
    """The id in "/matches/<id>" (with or without a trailing slash), else ""."""
    prefix = routes.MATCHES + "/"
    path = routes.page_path(path)
    return path[len(prefix) :] if path.startswith(prefix) and "/" not in path[len(prefix) :] else ""


# -- the state -------------------------------------------------------------------------


@live_page(routes.MATCH_DETAIL)
class MatchDetailState(rx.State):
    loading: bool = True
    load_error: str = ""
    found: bool = False
    view: DetailView = DetailView()

    letter_text: str = ""
    letter_edited: bool = False
    letter_dirty: bool = False  # typed since the last save
    letter_busy: str = ""  # "" | "save" | "revert" | "regenerate" (queued or being written)
    # The run writing a new letter (a worker does it); followed live.
    letter_run_id: str = ""
    letter_run_status: str = ""
    letter_run_step: str = ""
    letter_run_error: str = ""
    letter_waiting_long: bool = False  # pending for a while: is a worker running?
    stage: str = ""
    note: str = ""
    tracking_busy: bool = False
    _match_id: str = ""

    letter_view: str = "edit"  # "edit" | "preview" (the tabs above the letter)
    letter_preview_html: str = ""  # the letter as HTML, made when the preview opens

    @rx.var
    def saved_stage_label(self) -> str:
        """The stage as stored: the header shows this until a new choice is saved."""
        stage = self.view.tracking.stage
        return STAGE_LABELS.get(stage, stage)

    @rx.var
    def tracking_dirty(self) -> bool:
        """A stage chosen or a note typed that is not saved yet."""
        return self.found and (
            self.stage != self.view.tracking.stage or self.note != self.view.tracking.note
        )

    @rx.var
    def unsaved(self) -> bool:
        """Anything typed or chosen on the page that leaving it would lose."""
        return self.letter_dirty or self.tracking_dirty

    @rx.var
    def letter_writing(self) -> bool:
        return self.letter_run_status in (RunStatus.PENDING, RunStatus.RUNNING)

    @rx.var
    def letter_run_text(self) -> str:
        """What the editor says about the run writing a new letter ("" for none)."""
        if self.letter_run_status == RunStatus.FAILED:
            reason = self.letter_run_error or "Please try again."
            return f"The new letter could not be written. {reason}"
        if self.letter_run_status == RunStatus.PENDING and self.letter_waiting_long:
            return f"{WRITING} {NO_WORKER_YET}"
        if self.letter_run_status in (RunStatus.PENDING, RunStatus.RUNNING):
            step = self.letter_run_step
            return f"{WRITING} ({step.lower()})" if step else WRITING
        return ""

    @rx.var
    def note_limit(self) -> str:
        return f"Up to {MAX_NOTE_CHARS:,} characters."

    @rx.event
    async def open_page(self) -> AsyncIterator[EventSpec | None]:
        """on_load: read the id from the URL, and the match only if it is the user's."""
        match_id = match_id_from_path(self.router.url.path)
        # The same match opened again with edits not saved: a reconnect (a network
        # blip, a laptop waking up, a reload) runs on_load again. What was typed
        # stays, still marked unsaved; "Leave" in our dialog discards it first.
        kept = self._unsaved_edits() if match_id == self._match_id else None
        self.loading, self.load_error, self.found = True, "", False
        self.view, self.letter_text, self._match_id = DetailView(), "", match_id
        self.letter_busy = ""
        self.letter_view, self.letter_preview_html = "edit", ""
        self._follow(LetterRun())
        yield None
        user = await current_member(self)
        if user is None:
            return
        try:
            view, run_row = (
                await asyncio.to_thread(load_page, user.id, match_id) if match_id else (None, None)
            )
        except Exception:
            log.exception("loading match %s failed", match_id)
            self.loading, self.load_error = False, LOAD_FAILED
            return
        self.loading = False
        if view is None:
            return  # not found: the page says so and shows nothing else
        self._show(view, with_tracking=True)
        if kept is not None:
            self._restore(kept)
        if run_row is not None and run_row.active:
            self._follow(view.letter_run)
            hub.reader.expect([run_row])
            yield MatchDetailState.hint_if_no_worker

    def _show(self, view: DetailView, *, with_tracking: bool = False) -> None:
        """Show `view`. The stage and note fields are filled only when the page opens
        (`with_tracking`): a refresh of the page's data (a new letter arriving) must
        not touch what the person is choosing or typing, not even a keystroke that
        has not reached the state yet (a changed value would drop it)."""
        self.found = True
        self.view = view
        self._show_letter(view.letter)
        if with_tracking:
            self.stage, self.note = view.tracking.stage, view.tracking.note

    def _unsaved_edits(self) -> tuple[str | None, tuple[str, str] | None] | None:
        """(letter text, (stage, note)) as typed, each None when saved; None if nothing."""
        if not self.found:
            return None
        letter = self.letter_text if self.letter_dirty else None
        tracking = (self.stage, self.note) if self.tracking_dirty else None
        return None if letter is None and tracking is None else (letter, tracking)

    def _restore(self, edits: tuple[str | None, tuple[str, str] | None]) -> None:
        letter, tracking = edits
        if letter is not None:
            self.letter_text, self.letter_dirty = letter, letter != self.view.letter.text
        if tracking is not None:
            self.stage, self.note = tracking

    @rx.event
    def discard_edits(self) -> None:
        """The person chose to leave without saving: opening the match again shows
        what is saved."""
        self._match_id = ""

    def _show_letter(self, letter: LetterView) -> None:
        self.letter_text = letter.text
        self.letter_edited = letter.edited
        self.letter_dirty = False
        self.view.letter = letter
        if self.letter_view == "preview":
            self.letter_preview_html = letter_html(letter.text)

    @rx.event
    def set_letter_text(self, value: str) -> None:
        self.letter_text = value
        self.letter_dirty = value != self.view.letter.text

    @rx.event
    def set_letter_view(self, value: str) -> None:
        """Switch between editing the text and previewing it. The HTML is made only
        here, not on every keystroke, with the same CommonMark rules (raw HTML
        escaped) as the PDF and Word files are made from."""
        self.letter_view = "preview" if value == "preview" else "edit"
        if self.letter_view == "preview":
            self.letter_preview_html = letter_html(self.letter_text)

    async def _user_id(self) -> str | None:
        user = await current_member(self)
        return user.id if user is not None else None

    async def _letter_action(
        self, busy: str, call: Any, *args: Any, done: str
    ) -> AsyncIterator[EventSpec | None]:
        user_id = await self._user_id()
        if user_id is None:
            yield rx.toast.error(SIGN_IN_AGAIN)
            return
        if self.letter_busy:
            return  # another action, or a new letter being written, comes first
        self.letter_busy = busy
        yield None
        try:
            result = await asyncio.to_thread(call, user_id, self._match_id, *args)
        except (TrackingError, LetterTextError) as err:
            yield rx.toast.error(str(err))
            return
        except Exception:
            log.exception("letter action %s failed", busy)
            yield rx.toast.error(ACTION_FAILED)
            return
        finally:
            self.letter_busy = ""
        if isinstance(result, DetailView):
            self._show(result)
        elif isinstance(result, LetterView):
            self._show_letter(result)
        yield rx.toast.success(done)

    @rx.event
    async def save_letter(self) -> AsyncIterator[EventSpec | None]:
        async for event in self._letter_action(
            "save", save, self.letter_text, done="Letter saved. The PDF and Word files follow it."
        ):
            yield event

    @rx.event
    async def revert_letter(self) -> AsyncIterator[EventSpec | None]:
        async for event in self._letter_action(
            "revert", revert, done="Back to the generated letter."
        ):
            yield event

    @rx.event
    async def regenerate_letter(self) -> AsyncIterator[EventSpec | None]:
        """Queue a new letter; a worker writes it and the page follows the run live."""
        user_id = await self._user_id()
        if user_id is None:
            yield rx.toast.error(SIGN_IN_AGAIN)
            return
        if self.letter_busy:
            return
        self.letter_busy = "regenerate"
        self.letter_run_error, self.letter_run_status = "", ""
        yield None
        try:
            row = await asyncio.to_thread(regenerate, user_id, self._match_id)
        except (TrackingError, AccessDenied) as err:
            self.letter_busy = ""
            yield rx.toast.error(str(err))
            return
        except QueueUnavailable:
            self.letter_busy = ""
            yield rx.toast.error(QUEUE_DOWN)
            return
        except Exception:
            log.exception("queueing a new letter failed")
            self.letter_busy = ""
            yield rx.toast.error(ACTION_FAILED)
            return
        hub.reader.expect([row])
        hub.nudge()
        self._follow(LetterRun.from_row(row))
        yield MatchDetailState.hint_if_no_worker

    def _follow(self, run: LetterRun) -> None:
        """Show the letter run `run`: busy while it is active."""
        self.letter_run_id = run.id
        self.letter_run_status = run.status
        self.letter_run_step = run.step
        self.letter_run_error = run.error
        if run.status != RunStatus.PENDING:
            self.letter_waiting_long = False
        if run.active:
            self.letter_busy = "regenerate"
        elif self.letter_busy == "regenerate":
            self.letter_busy = ""

    @rx.event(background=True)
    async def hint_if_no_worker(self) -> None:
        """No database work: if the letter run is still pending after a while, say
        that no worker seems to be taking runs (a live change clears it)."""
        async with self:
            run_id = self.letter_run_id
        await asyncio.sleep(get_settings().WORKER_HINT_AFTER_S)
        async with self:
            if (
                run_id
                and self.letter_run_id == run_id
                and self.letter_run_status == RunStatus.PENDING
            ):
                self.letter_waiting_long = True

    @classmethod
    def live_refresh(cls, user_id: str, changes: Sequence[RunChange]) -> LetterRunsRefresh | None:
        return refresh_letter_runs(user_id, changes)

    def apply_live(self, changes: Sequence[RunChange], refreshed: LetterRunsRefresh | None) -> None:
        """Follow the letter runs of the match shown (also those another tab
        started); when one completes, show the new letter."""
        if refreshed is None or not self._match_id:
            return
        for change in changes:
            run = change.run
            if refreshed.match_of.get(run.id) != self._match_id:
                continue
            if self.letter_run_id not in ("", run.id) and not run.active and self.letter_writing:
                continue  # an older run ending while a newer one is followed
            self._follow(LetterRun.from_row(run))
            if run.status == RunStatus.COMPLETED:
                view = refreshed.completed.get(self._match_id)
                if view is not None:
                    self._show(view)

    @rx.event
    def set_stage(self, value: str) -> None:
        self.stage = value

    @rx.event
    def set_note(self, value: str) -> None:
        self.note = value

    @rx.event
    async def save_tracking(self) -> AsyncIterator[EventSpec | None]:
        user_id = await self._user_id()
        if user_id is None:
            yield rx.toast.error(SIGN_IN_AGAIN)
            return
        self.tracking_busy = True
        yield None
        try:
            tracking = await asyncio.to_thread(
                track, user_id, self._match_id, self.stage, self.note
            )
        except TrackingError as err:
            yield rx.toast.error(str(err))
            return
        except Exception:
            log.exception("saving the stage failed")
            yield rx.toast.error(ACTION_FAILED)
            return
        finally:
            self.tracking_busy = False
        self.view.tracking = tracking
        self.stage, self.note = tracking.stage, tracking.note
        yield rx.toast.success(f"Marked as {STAGE_LABELS.get(tracking.stage, tracking.stage)}.")
