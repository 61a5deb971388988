"""`/matches/[match_id]`: one match — the posting, why it matches, the company,
the letter to edit, the tailored CV, the files, and the application's stage.

The match id comes from the URL (the browser), so every call passes it together
with the signed-in user's id; someone else's match is "not found", exactly like
one that never existed. Each handler calls one blocking function below on a
worker thread; those functions are what the isolation tests call with another
user's ids.
"""

from __future__ import annotations

import asyncio
import dataclasses
import html
import logging
from collections.abc import Sequence
from typing import Any, Final

import reflex as rx
from markdown_it import MarkdownIt
from sqlalchemy import select

from jobagent_core.api.match_routes import download_path
from jobagent_core.auth.errors import AccessDenied
from jobagent_core.db.engine import session_scope, ui_engine
from jobagent_core.db.enums import RunKind, RunStatus
from jobagent_core.db.models import Artifact, MatchedJob, Run
from jobagent_core.discovery.html import sanitize_html
from jobagent_core.live.poller import RunChange
from jobagent_core.tracking.dashboard import RunRow, get_run_row
from jobagent_core.tracking.errors import TrackingError
from jobagent_core.tracking.letter_text import LetterTextError
from jobagent_core.tracking.letters import (
    active_letter_run,
    letter_is_edited,
    request_letter,
    revert_letter,
    save_letter,
)
from jobagent_core.tracking.matches import MAX_NOTE_CHARS, match_detail, set_stage, stage_history
from jobagent_core.workflows.dispatch import QueueUnavailable
from jobagent_ui import routes
from jobagent_ui.state.auth import SIGN_IN_AGAIN, current_user
from jobagent_ui.state.live import NO_WORKER_YET, WAITING_HINT_AFTER_S, hub, live_page
from jobagent_ui.state.matches import STAGE_LABELS, date_label, score_color, source_label

log = logging.getLogger(__name__)

_MD = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
LOAD_FAILED: Final = "This match could not be loaded just now. Please try again in a moment."
ACTION_FAILED: Final = "That did not work just now. Please try again in a moment."
QUEUE_DOWN: Final = (
    "The new letter could not be queued: the task queue is not reachable. "
    "Your letter is unchanged; check that the worker is running, then try again."
)
WRITING: Final = "Writing a new letter…"
DOWNLOADS: Final = (
    ("cover_letter_pdf", "Cover letter", "PDF"),
    ("cover_letter_docx", "Cover letter", "Word"),
    ("cover_letter_md", "Cover letter", "Markdown"),
    ("cv_pdf", "CV", "PDF"),
    ("cv_docx", "CV", "Word"),
    ("cv_md", "CV", "Markdown"),
)


@dataclasses.dataclass
class Fact:
    label: str = ""
    value: str = ""


@dataclasses.dataclass
class Citation:
    url: str = ""
    title: str = ""
    quote: str = ""


@dataclasses.dataclass
class DownloadLink:
    url: str = ""
    document: str = ""
    format: str = ""


@dataclasses.dataclass
class HistoryRow:
    stage: str = ""
    at: str = ""
    note: str = ""


@dataclasses.dataclass
class LetterView:
    text: str = ""
    edited: bool = False
    writer: str = ""
    flagged: list[str] = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class LetterRun:
    """The run writing this match's letter again (while active, or just ended)."""

    id: str = ""
    status: str = ""
    step: str = ""
    error: str = ""

    @classmethod
    def from_row(cls, row: RunRow | None) -> LetterRun:
        if row is None:
            return cls()
        return cls(row.id, row.status, row.current_step or "", row.error_message or "")

    @property
    def active(self) -> bool:
        return self.status in (RunStatus.PENDING, RunStatus.RUNNING)


@dataclasses.dataclass
class TrackingView:
    stage: str = ""
    note: str = ""
    history: list[HistoryRow] = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class DetailView:
    title: str = ""
    company: str = ""
    place: str = ""
    posted: str = ""
    source: str = ""
    posting_url: str = ""
    apply_url: str = ""
    description_html: str = ""
    score: int = 0
    score_color: str = "gray"
    reason: str = ""
    reasons: list[str] = dataclasses.field(default_factory=list)
    gaps: list[str] = dataclasses.field(default_factory=list)
    skills: list[str] = dataclasses.field(default_factory=list)
    research_summary: str = ""
    research_note: str = ""  # why there is none, when there is none
    facts: list[Fact] = dataclasses.field(default_factory=list)
    citations: list[Citation] = dataclasses.field(default_factory=list)
    has_application: bool = False
    application_note: str = ""
    cv_html: str = ""
    downloads: list[DownloadLink] = dataclasses.field(default_factory=list)
    letter: LetterView = dataclasses.field(default_factory=LetterView)
    letter_run: LetterRun = dataclasses.field(default_factory=LetterRun)
    tracking: TrackingView = dataclasses.field(default_factory=TrackingView)


_FACT_LABELS: Final = {
    "industry": "Industry",
    "products": "Products",
    "size": "Size",
    "founded": "Founded",
    "headquarters": "Headquarters",
    "locations": "Locations",
    "hiring_focus": "Hiring for",
    "open_roles": "Open roles",
    "departments": "Departments",
    "remote_policy": "Remote work",
    "skills": "Skills asked for",
    "benefits": "Benefits",
    "employment_types": "Employment",
    "seniority": "Seniority",
    "culture": "Culture",
}


# -- blocking calls --------------------------------------------------------------------


def _letter_view(artifact: Artifact | None) -> LetterView:
    if artifact is None:
        return LetterView()
    return LetterView(
        text=artifact.cover_letter_md,
        edited=letter_is_edited(artifact),
        writer="a language model" if artifact.writer == "llm" else "the offline writer",
        flagged=[str(c) for c in artifact.flagged_claims or []],
    )


def _tracking_view(match: MatchedJob) -> TrackingView:
    return TrackingView(
        stage=match.application_stage,
        note=match.notes or "",
        history=[
            HistoryRow(
                stage=STAGE_LABELS.get(str(e["stage"]), str(e["stage"])),
                at=f"{date_label(e['at'])}, {e['at']:%H:%M} UTC",
                note=str(e.get("note") or ""),
            )
            for e in stage_history(match)
        ],
    )


def _description(html_text: str | None, text: str) -> str:
    if html_text and html_text.strip():
        return sanitize_html(html_text)
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    return "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)


def _citation(raw: dict[str, Any]) -> Citation:
    url = str(raw.get("url", ""))
    return Citation(url=url, title=str(raw.get("title") or url), quote=str(raw.get("quote", "")))


def load_detail(user_id: str, match_id: str) -> DetailView | None:
    """The user's match as the page shows it; None when it is not theirs."""
    return load_page(user_id, match_id)[0]


def load_page(user_id: str, match_id: str) -> tuple[DetailView | None, RunRow | None]:
    """The user's match as the page shows it (None when it is not theirs), and the
    run writing its letter again, if one is pending or running."""
    with session_scope(ui_engine()) as db:
        detail = match_detail(db, user_id, match_id)
        if detail is None:
            return None, None
        match, posting, research, artifact = (
            detail.match,
            detail.posting,
            detail.research,
            detail.artifact,
        )
        remote = "Remote" if posting.remote else ""
        place = " · ".join(p for p in (posting.location or "", remote) if p)
        view = DetailView(
            title=posting.title,
            company=posting.company,
            place=place,
            posted=date_label(posting.posted_at),
            source=source_label(posting.source),
            posting_url=posting.url or "",
            apply_url=posting.apply_url or posting.url or "",
            description_html=_description(posting.description_html, posting.description_text),
            score=round(match.score),
            score_color=score_color(match.score),
            reason=match.reason,
            reasons=[str(r) for r in match.reasons or []],
            gaps=[str(g) for g in match.gaps or []],
            skills=[str(s) for s in match.matched_skills or []],
            letter=_letter_view(artifact),
            tracking=_tracking_view(match),
        )
        active = active_letter_run(db, user_id, match.id)
        run_row = get_run_row(db, user_id, active.id) if active is not None else None
        view.letter_run = LetterRun.from_row(run_row)
        if research is not None:
            view.research_summary = research.summary
            view.facts = [
                Fact(_FACT_LABELS.get(k, k.replace("_", " ").capitalize()), str(v))
                for k, v in (research.facts or {}).items()
                if v
            ]
            view.citations = [_citation(c) for c in research.citations or [] if c.get("url")]
        else:
            view.research_note = (
                "Research on this company failed; the rest of the match is complete."
                if match.research_status == "failed"
                else "No research on this company yet."
            )
        if artifact is not None and artifact.cover_letter:
            view.has_application = True
            view.cv_html = str(_MD.render(artifact.cv_md)) if artifact.cv_md else ""
            view.downloads = [
                DownloadLink(download_path(match.id, kind), document, fmt)
                for kind, document, fmt in DOWNLOADS
            ]
        else:
            view.application_note = (
                match.fabrication_error
                or "No cover letter or CV has been written for this match yet."
            )
        return view, run_row


def save(user_id: str, match_id: str, text: str) -> LetterView:
    with session_scope(ui_engine()) as db:
        return _letter_view(save_letter(db, user_id, match_id, text))


def revert(user_id: str, match_id: str) -> LetterView:
    with session_scope(ui_engine()) as db:
        return _letter_view(revert_letter(db, user_id, match_id))


def regenerate(user_id: str, match_id: str) -> RunRow:
    """Queue a new letter for the user's match; the run that writes it (a worker
    does). Raises `MatchNotFound`, `NoProfile`, `LetterInProgress`, `AccessDenied`
    (nothing queued) or `QueueUnavailable` (the run is marked failed)."""
    run_id = request_letter(user_id, match_id, engine=ui_engine())
    with session_scope(ui_engine()) as db:
        row = get_run_row(db, user_id, run_id)
    assert row is not None
    return row


@dataclasses.dataclass(frozen=True)
class LetterRunsRefresh:
    """Per tick: the match of each changed letter run, and the page of each match
    whose letter run completed."""

    match_of: dict[str, str]  # run id -> match id
    completed: dict[str, DetailView | None]  # match id -> the page again


def refresh_letter_runs(user_id: str, changes: Sequence[RunChange]) -> LetterRunsRefresh | None:
    """Blocking: one SELECT for the changed letter runs, and each completed one's
    page again. None when no letter run changed."""
    ids = [c.run.id for c in changes if c.run.kind == RunKind.LETTER]
    if not ids:
        return None
    with session_scope(ui_engine()) as db:
        rows = db.execute(
            select(Run.id, Run.params).where(Run.user_id == user_id, Run.id.in_(ids))
        ).all()
    match_of = {row.id: str((row.params or {}).get("match_id", "")) for row in rows}
    done = {
        match_of[c.run.id]
        for c in changes
        if c.run.id in match_of and c.run.status == RunStatus.COMPLETED
    }
    return LetterRunsRefresh(match_of, {m: load_detail(user_id, m) for m in sorted(done) if m})


def track(user_id: str, match_id: str, stage: str, note: str) -> TrackingView:
    with session_scope(ui_engine()) as db:
        return _tracking_view(set_stage(db, user_id, match_id, stage, note=note))


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

    @rx.var
    def stage_label(self) -> str:
        return STAGE_LABELS.get(self.stage, self.stage)

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
    async def open_page(self):
        """on_load: read the id from the URL, and the match only if it is the user's."""
        match_id = match_id_from_path(self.router.url.path)
        self.loading, self.load_error, self.found = True, "", False
        self.view, self.letter_text, self._match_id = DetailView(), "", match_id
        self.letter_busy = ""
        self._follow(LetterRun())
        yield
        user = await current_user(self)
        if user is None or not user.has_access:
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
        self._show(view)
        if run_row is not None and run_row.active:
            self._follow(view.letter_run)
            hub.reader.expect([run_row])
            yield MatchDetailState.hint_if_no_worker

    def _show(self, view: DetailView) -> None:
        self.found = True
        self.view = view
        self._show_letter(view.letter)
        self.stage, self.note = view.tracking.stage, view.tracking.note

    def _show_letter(self, letter: LetterView) -> None:
        self.letter_text = letter.text
        self.letter_edited = letter.edited
        self.letter_dirty = False
        self.view.letter = letter

    @rx.event
    def set_letter_text(self, value: str) -> None:
        self.letter_text = value
        self.letter_dirty = value != self.view.letter.text

    async def _user_id(self) -> str | None:
        user = await current_user(self)
        return user.id if user is not None and user.has_access else None

    async def _letter_action(self, busy: str, call: Any, *args: Any, done: str):
        user_id = await self._user_id()
        if user_id is None:
            yield rx.toast.error(SIGN_IN_AGAIN)
            return
        if self.letter_busy:
            return  # another action, or a new letter being written, comes first
        self.letter_busy = busy
        yield
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
    async def save_letter(self):
        async for event in self._letter_action(
            "save", save, self.letter_text, done="Letter saved. The PDF and Word files follow it."
        ):
            yield event

    @rx.event
    async def revert_letter(self):
        async for event in self._letter_action(
            "revert", revert, done="Back to the generated letter."
        ):
            yield event

    @rx.event
    async def regenerate_letter(self):
        """Queue a new letter; a worker writes it and the page follows the run live."""
        user_id = await self._user_id()
        if user_id is None:
            yield rx.toast.error(SIGN_IN_AGAIN)
            return
        if self.letter_busy:
            return
        self.letter_busy = "regenerate"
        self.letter_run_error, self.letter_run_status = "", ""
        yield
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
    async def hint_if_no_worker(self):
        """No database work: if the letter run is still pending after a while, say
        that no worker seems to be taking runs (a live change clears it)."""
        async with self:
            run_id = self.letter_run_id
        await asyncio.sleep(WAITING_HINT_AFTER_S)
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
    async def save_tracking(self):
        user_id = await self._user_id()
        if user_id is None:
            yield rx.toast.error(SIGN_IN_AGAIN)
            return
        self.tracking_busy = True
        yield
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
