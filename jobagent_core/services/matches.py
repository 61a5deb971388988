"""A person's matches as the web app shows them: the list with its filter options,
the applications board, one match's page, and the application stage they track.

Every function takes the signed-in user's id and reads through
`jobagent_core.tracking.matches`, which scopes each query to that user: an id
from the browser that belongs to someone else is simply not found (`None`, an
empty list, or `MatchNotFound` for changes), like one that never existed.
Each opens its own transaction and returns plain data classes built here (the
labels, colours and URLs the pages show), never ORM objects.
"""

from __future__ import annotations

import dataclasses
import html
from datetime import datetime
from typing import Any, Final
from urllib.parse import quote

from markdown_it import MarkdownIt

from jobagent_core.db.enums import ApplicationStage, RunKind, RunStatus
from jobagent_core.db.models import Artifact, JobSearch, MatchedJob, Run
from jobagent_core.discovery.html import sanitize_html
from jobagent_core.services.downloads import download_path
from jobagent_core.services.unit_of_work import unit_of_work
from jobagent_core.tracking.dashboard import RunRow, get_run_row
from jobagent_core.tracking.letters import active_letter_run, letter_is_edited
from jobagent_core.tracking.matches import (
    MAX_NOTE_CHARS,
    MatchFilters,
    MatchRow,
    SortKey,
    count_matches,
    list_matches,
    match_detail,
    match_sources,
    set_stage,
    stage_counts,
    stage_history,
)
from jobagent_core.workflows.runs import readable_runs

__all__ = [
    "BOARD_PAGE_SIZE",
    "DOWNLOADS",
    "LISTING_PAGE_SIZE",
    "MAX_NOTE_CHARS",
    "STAGE_LABELS",
    "STAGE_ORDER",
    "Board",
    "Citation",
    "DetailView",
    "DownloadLink",
    "Fact",
    "HistoryRow",
    "LetterRun",
    "LetterView",
    "Listing",
    "MatchCard",
    "MatchFilters",
    "Option",
    "SortKey",
    "TrackingView",
    "date_label",
    "download_path",
    "letter_view",
    "load_board",
    "load_detail",
    "load_listing",
    "load_options",
    "load_page",
    "match_page_path",
    "score_color",
    "source_label",
    "track",
]

LISTING_PAGE_SIZE: Final = 20
BOARD_PAGE_SIZE: Final = 30
MAX_RUN_OPTIONS: Final = 50
# The order of the applications board: the pipeline first, then the matches not
# acted on yet.
STAGE_ORDER: Final = (
    "saved",
    "applied",
    "interviewing",
    "offer",
    "rejected",
    "not_interested",
    "new",
)
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
# (download kind, document, format): the files a match's page links to.
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


# -- URLs and labels -------------------------------------------------------------------


def match_page_path(match_id: str) -> str:
    """The web page of one match, e.g. "/matches/abc123" (the core cannot import
    the web app's routes, so its cards carry the link built here)."""
    return f"/matches/{quote(match_id, safe='')}"


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


# -- the list and the board --------------------------------------------------------------


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


@dataclasses.dataclass(frozen=True)
class Listing:
    cards: list[MatchCard]
    next_cursor: str | None
    total: int  # -1 when not counted


@dataclasses.dataclass(frozen=True)
class Board:
    counts: dict[str, int]
    cards: list[MatchCard]
    next_cursor: str | None


def match_card(row: MatchRow) -> MatchCard:
    place = " · ".join(p for p in (row.location or "", "Remote" if row.remote else "") if p)
    return MatchCard(
        id=row.id,
        url=match_page_path(row.id),
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


def load_options(user_id: str) -> tuple[list[Option], list[Option]]:
    """The user's job-search runs and match sources, for the filter selects."""
    with unit_of_work() as db:
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
    """One page of the user's matches; their total too when `with_total` (-1 when not).
    Raises `InvalidCursor` for a cursor not handed out for `sort`."""
    with unit_of_work() as db:
        page = list_matches(
            db, user_id, filters=filters, sort=sort, cursor=cursor, page_size=LISTING_PAGE_SIZE
        )
        total = count_matches(db, user_id, filters) if with_total else -1
    return Listing([match_card(r) for r in page.rows], page.next_cursor, total)


def load_board(user_id: str, stage: str | None, cursor: str | None) -> tuple[str, Board]:
    """(the stage shown, its first page of matches and every stage's count).
    Without `stage`: the first stage of the pipeline that has matches."""
    with unit_of_work() as db:
        counts = stage_counts(db, user_id)
        if stage not in STAGE_ORDER:
            stage = next((s for s in STAGE_ORDER if counts.get(s)), "applied")
        page = list_matches(
            db,
            user_id,
            filters=MatchFilters(stage=stage),
            sort="date",
            cursor=cursor,
            page_size=BOARD_PAGE_SIZE,
        )
    return stage, Board(counts, [match_card(r) for r in page.rows], page.next_cursor)


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
