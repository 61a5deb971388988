"""A person's matches as the web app shows them: the list with its filter options
and the applications board (one match's page is `match_detail`), with the labels
and links both show.

Every function takes the signed-in user's id and reads through
`jobagent_core.tracking.matches`, which scopes each query to that user: an id
from the browser that belongs to someone else is simply not found (`None`, an
empty list, or `MatchNotFound` for changes), like one that never existed.
Each opens its own transaction and returns plain data classes built here (the
labels, colours and URLs the pages show), never ORM objects.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Final
from urllib.parse import quote

from sqlalchemy import func

from jobagent_core.db.enums import ApplicationStage, RunKind
from jobagent_core.db.models import JobPosting, JobSearch, MatchedJob, Run
from jobagent_core.services.downloads import download_path
from jobagent_core.services.unit_of_work import unit_of_work
from jobagent_core.tracking.errors import InvalidStage
from jobagent_core.tracking.matches import (
    MatchFilters,
    MatchRow,
    SortKey,
    count_matches,
    list_matches,
    match_sources,
    readable_matches,
    set_stage,
    stage_counts,
    stage_history,
)
from jobagent_core.workflows.runs import readable_runs

__all__ = [
    "BOARD_CARD_LIMIT",
    "BOARD_STAGES",
    "COLLAPSED_STAGES",
    "LISTING_PAGE_SIZE",
    "STAGE_LABELS",
    "BoardCard",
    "BoardColumn",
    "Kanban",
    "Listing",
    "MatchCard",
    "MatchFilters",
    "MovedCard",
    "Option",
    "SortKey",
    "date_label",
    "download_path",
    "load_kanban",
    "load_listing",
    "load_options",
    "match_page_path",
    "move_card",
    "score_color",
    "source_label",
]

LISTING_PAGE_SIZE: Final = 20
MAX_RUN_OPTIONS: Final = 50
STAGE_LABELS: Final = {
    ApplicationStage.NEW.value: "New",
    ApplicationStage.SAVED.value: "Saved",
    ApplicationStage.APPLIED.value: "Applied",
    ApplicationStage.INTERVIEWING.value: "Interviewing",
    ApplicationStage.OFFER.value: "Offer",
    ApplicationStage.REJECTED.value: "Rejected",
    ApplicationStage.NOT_INTERESTED.value: "Not interested",
}
# The Kanban board's columns, left to right: the pipeline, then the two ends most
# people rarely look at again (shown collapsed). "New" matches live on /matches.
BOARD_STAGES: Final = ("saved", "applied", "interviewing", "offer", "rejected", "not_interested")
COLLAPSED_STAGES: Final = frozenset({"rejected", "not_interested"})
# Cards per column: enough for any real job hunt; the rest are a link to /matches away.
BOARD_CARD_LIMIT: Final = 50
NOTE_PREVIEW_CHARS: Final = 140
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
    "added": "Added by you",  # "Add a posting": a link or text the person gave
}
# (download kind, document, format): the files a match's page links to.


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


# -- the Kanban board --------------------------------------------------------------------


@dataclasses.dataclass
class BoardCard:
    id: str = ""
    url: str = ""
    title: str = ""
    company: str = ""
    score: int = 0
    score_color: str = "gray"
    stage: str = ""
    note: str = ""  # the start of the note, for the card
    dates: str = ""  # "Matched 3 Feb 2026 · Applied 5 Feb 2026 · Interviewing since 9 Feb 2026"


@dataclasses.dataclass
class BoardColumn:
    stage: str = ""
    label: str = ""
    count: int = 0  # all the matches at this stage; `cards` holds at most BOARD_CARD_LIMIT
    hidden: int = 0  # how many of them are not on the card list
    collapsible: bool = False
    cards: list[BoardCard] = dataclasses.field(default_factory=list)


@dataclasses.dataclass(frozen=True)
class Kanban:
    columns: list[BoardColumn]
    total: int  # every match, "new" ones too: 0 means there is nothing to track yet


@dataclasses.dataclass(frozen=True)
class MovedCard:
    title: str
    company: str
    stage: str
    stage_label: str


def _note_preview(note: str | None) -> str:
    text = " ".join((note or "").split())
    if len(text) <= NOTE_PREVIEW_CHARS:
        return text
    return text[: NOTE_PREVIEW_CHARS - 1].rstrip() + "…"


def _last_entered(match: MatchedJob, stage: str) -> datetime | None:
    """When the match last entered `stage`, from its history (newest first)."""
    return next((e["at"] for e in stage_history(match) if e.get("stage") == stage), None)


def _card_dates(match: MatchedJob) -> str:
    """The dates a card shows: found, applied (when it was), and since when it is
    at its stage."""
    stage = match.application_stage
    parts = [f"Matched {date_label(match.created_at)}"]
    applied = match.stage_changed_at if stage == "applied" else _last_entered(match, "applied")
    if applied is not None:
        parts.append(f"Applied {date_label(applied)}")
    if stage != "applied" and match.stage_changed_at is not None:
        parts.append(f"{STAGE_LABELS.get(stage, stage)} since {date_label(match.stage_changed_at)}")
    return " · ".join(parts)


def _board_card(match: MatchedJob, title: str, company: str) -> BoardCard:
    return BoardCard(
        id=match.id,
        url=match_page_path(match.id),
        title=title,
        company=company,
        score=round(match.score),
        score_color=score_color(match.score),
        stage=match.application_stage,
        note=_note_preview(match.notes),
        dates=_card_dates(match),
    )


def load_kanban(user_id: str, sort: SortKey) -> Kanban:
    """The user's applications board: one column per stage of `BOARD_STAGES`, each
    with its count and its first `BOARD_CARD_LIMIT` cards, best score first or
    (sort "date") most recently moved first (a match never moved: its match date)."""
    moved = func.coalesce(MatchedJob.stage_changed_at, MatchedJob.created_at)
    first = MatchedJob.score.desc() if sort == "score" else moved.desc()
    with unit_of_work() as db:
        counts = stage_counts(db, user_id)
        columns = []
        for stage in BOARD_STAGES:
            rows = db.execute(
                readable_matches(user_id)
                .add_columns(JobPosting.title, JobPosting.company)
                .join(JobPosting, JobPosting.id == MatchedJob.job_posting_id)
                .where(MatchedJob.application_stage == stage)
                .order_by(first, MatchedJob.id.desc())
                .limit(BOARD_CARD_LIMIT)
            ).all()
            cards = [_board_card(match, title, company) for match, title, company in rows]
            columns.append(
                BoardColumn(
                    stage=stage,
                    label=STAGE_LABELS[stage],
                    count=counts.get(stage, 0),
                    hidden=max(0, counts.get(stage, 0) - len(cards)),
                    collapsible=stage in COLLAPSED_STAGES,
                    cards=cards,
                )
            )
    return Kanban(columns, sum(counts.values()))


def move_card(user_id: str, match_id: str, stage: str) -> MovedCard:
    """Move the user's match to the board column `stage`, keeping its note (the
    change goes into its stage history). Raises `MatchNotFound` for a match that is
    not the user's, `InvalidStage` for a stage that is not a column of the board."""
    if stage not in BOARD_STAGES:
        raise InvalidStage(stage, BOARD_STAGES)
    with unit_of_work() as db:
        match = set_stage(db, user_id, match_id, stage)
        posting = db.get(JobPosting, match.job_posting_id)
        assert posting is not None  # the foreign key cascades
        return MovedCard(posting.title, posting.company, stage, STAGE_LABELS[stage])
