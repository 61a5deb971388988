""" "Add a posting": a link or the posting's text (with an optional title and company),
sent to `jobagent_core.services.added_postings` (which commits the run and queues
it: a worker reads, scores and writes), then the run followed live on the page
through the process's poller, ending in a link to the match.

When the link could not be read the message says so, the link field is emptied
and the paste box takes the focus: pasting the text is what works then.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import logging
from collections.abc import AsyncIterator, Sequence
from typing import Final

import reflex as rx
from pydantic import ValidationError
from reflex.event import EventSpec

from jobagent_core.auth.errors import AccessDenied
from jobagent_core.config import get_settings
from jobagent_core.live.poller import RunChange
from jobagent_core.services import RunKind, RunStatus
from jobagent_core.services.added_postings import (
    AddedPosting,
    AddPostingRequest,
    NoProfileYet,
    add_posting,
    load_added_posting,
)
from jobagent_ui import routes
from jobagent_ui.labels import RUN_STATUS_LABELS
from jobagent_ui.state.auth import SIGN_IN_AGAIN, current_member
from jobagent_ui.state.live import hub, live_page

log = logging.getLogger(__name__)

TEXT_ID: Final = "posting-text"
URL_ID: Final = "posting-url"
RUN_ID: Final = "added-posting-run"
START_FAILED: Final = "The posting could not be added just now. Please try again in a moment."
QUEUE_DOWN: Final = (
    "The task queue is not reachable, so the posting could not be added. Check that the "
    "worker is running, then try again."
)


@dataclasses.dataclass
class AddedRunCard:
    id: str = ""
    label: str = ""
    status: str = ""
    status_label: str = ""
    current_step: str = ""
    percent: int = 0
    active: bool = False
    error: str = ""
    warnings: list[str] = dataclasses.field(default_factory=list)
    match_url: str = ""
    match_title: str = ""
    score: str = ""  # "72 / 100" once screened
    unreadable: bool = False
    no_worker_yet: bool = False


def added_card(view: AddedPosting) -> AddedRunCard:
    run = view.run
    title = f"{view.title} at {view.company}" if view.title and view.company else ""
    return AddedRunCard(
        id=run.id,
        label=view.label,
        status=run.status,
        status_label=RUN_STATUS_LABELS.get(run.status, run.status),
        current_step=run.current_step or "",
        percent=run.percent,
        active=run.active,
        error=run.error_message or "",
        warnings=list(run.warnings[:5]),
        match_url=routes.match_detail_path(view.match_id) if view.match_id else "",
        match_title=title,
        score=f"{view.score:.0f} / 100" if view.score is not None else "",
        unreadable=view.unreadable,
    )


# Waits for the element to render (a frame or a few), then moves focus to it.
_FOCUS: Final = """(() => {
  const id = %s;
  let tries = 0;
  const go = () => {
    const el = document.getElementById(id);
    if (!el) { if (tries++ < 120) requestAnimationFrame(go); return; }
    el.focus();
  };
  go();
})()"""


def focus_when_shown(dom_id: str) -> EventSpec:
    return rx.call_script(_FOCUS % json.dumps(dom_id))


def _first_problem(err: ValidationError) -> str:
    message = str(err.errors()[0]["msg"]).removeprefix("Value error, ")
    return message[:1].upper() + message[1:] + ("" if message.endswith(".") else ".")


@live_page(routes.ADD_POSTING)
class AddPostingState(rx.State):
    url: str = ""
    text: str = ""
    title: str = ""
    company: str = ""
    form_error: str = ""
    submitting: bool = False
    run: AddedRunCard = AddedRunCard()
    # The link could not be read: the paste box is rendered anew with autofocus.
    focus_paste: bool = False
    _owner: str = ""

    @rx.var
    def has_run(self) -> bool:
        return self.run.id != ""

    @rx.event
    async def open_page(self) -> None:
        """on_load: a page shown to someone else before starts empty; a run this tab
        follows is read again (it may have ended meanwhile)."""
        user = await current_member(self)
        if user is None:
            return
        if self._owner != user.id:
            self._reset()
            self._owner = user.id
            return
        if self.run.id:
            try:
                view = await asyncio.to_thread(load_added_posting, user.id, self.run.id)
            except Exception:
                log.warning("reading an added posting's run failed", exc_info=True)
                return
            if view is None:
                self.run = AddedRunCard()
            else:
                hub.reader.expect([view.run])
                self.run = added_card(view)

    def _reset(self) -> None:
        self.url = self.text = self.title = self.company = self.form_error = ""
        self.run = AddedRunCard()
        self.focus_paste = False

    @rx.event
    def set_url(self, value: str) -> None:
        self.url = value

    @rx.event
    def set_text(self, value: str) -> None:
        self.text = value

    @rx.event
    def set_title(self, value: str) -> None:
        self.title = value

    @rx.event
    def set_company(self, value: str) -> None:
        self.company = value

    @rx.event
    async def submit(self, form_data: dict[str, str]) -> AsyncIterator[EventSpec | None]:
        """ "Add posting": start the run (the link is read by a worker, not here)."""
        del form_data  # the fields are controlled: their values are in the state
        if self.submitting:
            return
        user = await current_member(self)
        if user is None:
            yield rx.toast.error(SIGN_IN_AGAIN)
            return
        url, text = self.url.strip(), self.text.strip()
        if url and text:
            self.form_error = "Give either the link or the pasted text, not both."
            return
        self.form_error, self.submitting, self.focus_paste = "", True, False
        yield None
        try:
            request = AddPostingRequest(
                url=url or None,
                text=text or None,
                title=self.title or None,
                company=self.company or None,
            )
            started = await asyncio.to_thread(add_posting, user.id, request)
            view = await asyncio.to_thread(load_added_posting, user.id, started.run_id)
        except ValidationError as err:
            self.form_error = _first_problem(err)
            return
        except (AccessDenied, NoProfileYet) as err:
            self.form_error = str(err)
            return
        except Exception:
            log.exception("adding a posting failed")
            self.form_error = START_FAILED
            return
        finally:
            self.submitting = False
        if view is not None:
            hub.reader.expect([view.run])
            self.run = added_card(view)
        hub.nudge()
        if started.queue_refused:
            yield rx.toast.error(QUEUE_DOWN)
            return
        yield focus_when_shown(RUN_ID)
        # mypy cannot apply @rx.event(background=True)'s typing (see SearchState).
        yield AddPostingState.hint_if_no_worker(started.run_id)  # type: ignore[misc]

    @rx.event(background=True)
    async def hint_if_no_worker(self, run_id: str) -> None:
        """No database work: say so when the run still waits for a worker."""
        await asyncio.sleep(get_settings().WORKER_HINT_AFTER_S)
        async with self:
            if self.run.id == run_id and self.run.status == RunStatus.PENDING:
                self.run = dataclasses.replace(self.run, no_worker_yet=True)

    @rx.event
    def add_another(self) -> EventSpec:
        self._reset()
        return focus_when_shown(URL_ID)

    # -------------------------------------------------------------- live

    @classmethod
    def live_refresh(
        cls, user_id: str, changes: Sequence[RunChange]
    ) -> dict[str, AddedPosting | None]:
        """Each changed `posting` run read again (its match, score and whether the
        link was unreadable are in the run's parameters, not in the change)."""
        return {
            c.run.id: load_added_posting(user_id, c.run.id)
            for c in changes
            if c.run.kind == RunKind.POSTING
        }

    def apply_live(
        self, changes: Sequence[RunChange], refreshed: dict[str, AddedPosting | None] | None
    ) -> None:
        view = (refreshed or {}).get(self.run.id)
        if view is None:
            return
        was_unreadable = self.run.unreadable
        self.run = added_card(view)
        if view.unreadable and not was_unreadable:
            # Pasting the text is what works now: the link goes, the paste box is focused.
            self.url = ""
            self.focus_paste = True
