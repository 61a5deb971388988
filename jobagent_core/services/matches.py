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

from jobagent_core.db.enums import ApplicationStage, RunKind
from jobagent_core.db.models import JobSearch, Run
from jobagent_core.services.downloads import download_path
from jobagent_core.services.unit_of_work import unit_of_work
from jobagent_core.tracking.matches import (
    MatchFilters,
    MatchRow,
    SortKey,
    count_matches,
    list_matches,
    match_sources,
    stage_counts,
)
from jobagent_core.workflows.runs import readable_runs

__all__ = [
    "BOARD_PAGE_SIZE",
    "LISTING_PAGE_SIZE",
    "STAGE_LABELS",
    "STAGE_ORDER",
    "Board",
    "Listing",
    "MatchCard",
    "MatchFilters",
    "Option",
    "SortKey",
    "date_label",
    "download_path",
    "load_board",
    "load_listing",
    "load_options",
    "match_page_path",
    "score_color",
    "source_label",
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
