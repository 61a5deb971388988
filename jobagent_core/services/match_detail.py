"""One match's page: the posting, why it matched, the research, the letter and the
files, and the application stage the person tracks on it.

Like `matches`, every function takes the signed-in user's id and reads through
`jobagent_core.tracking.matches`, which scopes each query to that user: another
person's match is simply not found (`None`, or `MatchNotFound` for changes).
"""

from __future__ import annotations

import contextlib
import dataclasses
import html
from typing import Any, Final

from markdown_it import MarkdownIt

from jobagent_core.db.enums import RunStatus
from jobagent_core.db.models import Artifact, MatchedJob
from jobagent_core.discovery.html import sanitize_html
from jobagent_core.services.downloads import download_path
from jobagent_core.services.matches import (
    STAGE_LABELS,
    date_label,
    score_color,
    source_label,
)
from jobagent_core.services.unit_of_work import unit_of_work
from jobagent_core.tracking.dashboard import RunRow, get_run_row
from jobagent_core.tracking.letters import active_letter_run, letter_is_edited
from jobagent_core.tracking.matches import (
    MAX_NOTE_CHARS,
    match_detail,
    set_stage,
    stage_history,
)

DOWNLOADS: Final = (
    ("cover_letter_pdf", "Cover letter", "PDF"),
    ("cover_letter_docx", "Cover letter", "Word"),
    ("cover_letter_md", "Cover letter", "Markdown"),
    ("cv_pdf", "CV", "PDF"),
    ("cv_docx", "CV", "Word"),
    ("cv_md", "CV", "Markdown"),
)
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
_MD = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})


# -- one match ---------------------------------------------------------------------------


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
class CoverageRow:
    """One key requirement of the posting and whether the CV and the letter name it."""

    requirement: str = ""  # "PostgreSQL", "German (C1)", "NMC Registration"
    kind: str = ""  # "skill" | "certificate" | "language"
    status: str = ""  # "covered" | "synonym" (named only by another name) | "missing"
    where: str = ""  # "CV" | "letter" | "both" | "" (missing)
    wording: str = ""  # the posting's words
    found_as: str = ""  # the documents' other name, when status is "synonym"


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
    # Keyword coverage (issue #15 §3): the posting's key requirements against the stored
    # CV and the current (possibly edited) letter; empty until both are written.
    coverage: list[CoverageRow] = dataclasses.field(default_factory=list)
    coverage_summary: str = ""


def letter_view(artifact: Artifact | None) -> LetterView:
    """The letter as the editor shows it (read inside the transaction that loaded it)."""
    if artifact is None:
        return LetterView()
    return LetterView(
        text=artifact.cover_letter_md,
        edited=letter_is_edited(artifact),
        writer="a language model" if artifact.writer == "llm" else "the offline writer",
        flagged=[str(c) for c in artifact.flagged_claims or []],
    )


def coverage_rows(
    title: str, description_text: str, cv: dict[str, Any] | None, cv_md: str, letter_md: str
) -> tuple[list[CoverageRow], str]:
    """The coverage rows and their one-line summary, from what is stored: the posting's
    text, the CV (its JSON, else its Markdown without the notes) and the letter."""
    # Imported here: the fabrication package loads the PDF and Word renderers.
    from pydantic import ValidationError

    from jobagent_core.fabrication.coverage import PostingLike, coverage, coverage_summary
    from jobagent_core.fabrication.coverage import key_requirements as requirements_of
    from jobagent_core.fabrication.render_markdown import NOTES_HEADING
    from jobagent_core.fabrication.schemas import TailoredCv

    cv_text = cv_md.split(NOTES_HEADING, 1)[0]
    if cv:
        with contextlib.suppress(ValidationError):  # an older shape: the Markdown will do
            cv_text = TailoredCv.model_validate(cv).body_text()
    items = coverage(requirements_of(PostingLike(title, description_text)), cv_text, letter_md)
    rows = [
        CoverageRow(i.requirement, i.kind, i.status, i.where, i.wording, i.found_as) for i in items
    ]
    return rows, coverage_summary(items)


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
    with unit_of_work() as db:
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
            letter=letter_view(artifact),
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
            view.coverage, view.coverage_summary = coverage_rows(
                posting.title,
                posting.description_text,
                artifact.cv,
                artifact.cv_md,
                artifact.cover_letter_md,
            )
        else:
            view.application_note = (
                match.fabrication_error
                or "No cover letter or CV has been written for this match yet."
            )
        return view, run_row


def track(user_id: str, match_id: str, stage: str, note: str) -> TrackingView:
    """Move the user's match to `stage` with `note`; the stage and its history now.
    Raises `MatchNotFound`, `InvalidStage`, `InvalidNote`."""
    with unit_of_work() as db:
        return _tracking_view(set_stage(db, user_id, match_id, stage, note=note))


__all__ = [
    "DOWNLOADS",
    "MAX_NOTE_CHARS",
    "Citation",
    "CoverageRow",
    "DetailView",
    "DownloadLink",
    "Fact",
    "HistoryRow",
    "LetterRun",
    "LetterView",
    "TrackingView",
    "coverage_rows",
    "letter_view",
    "load_detail",
    "load_page",
    "track",
]
