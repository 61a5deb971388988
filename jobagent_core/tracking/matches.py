"""A person's matches: the list (filtered, sorted, paged), one match with its
posting, research and letter, and the application stage they track.

Every function takes the owner's id (from the session, never from a browser) and
builds on `readable_matches(user_id)`: a match id that belongs to someone else is
simply not found (`None`, or `MatchNotFound` for changes), so nobody can tell
another person's match from one that does not exist. Letters: `letters.py`;
files: `downloads.py`.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final, Literal

from sqlalchemy import ColumnElement, Select, func, or_, select, tuple_
from sqlalchemy.orm import Session as DbSession

from jobagent_core.db.base import utcnow
from jobagent_core.db.enums import ApplicationStage
from jobagent_core.db.models import Artifact, CompanyResearch, JobPosting, MatchedJob
from jobagent_core.tracking.errors import (
    InvalidCursor,
    InvalidNote,
    InvalidStage,
    MatchNotFound,
)
from jobagent_core.workflows.runs import get_run

SortKey = Literal["score", "date"]
STAGES: Final[tuple[str, ...]] = tuple(stage.value for stage in ApplicationStage)
DEFAULT_PAGE_SIZE: Final = 20
MAX_PAGE_SIZE: Final = 100
MAX_NOTE_CHARS: Final = 5_000
MAX_QUERY_CHARS: Final = 200


# -- listing -------------------------------------------------------------------------


def readable_matches(user_id: str) -> Select[MatchedJob]:
    """The statement for `user_id`'s own matches; every read here starts from it."""
    return select(MatchedJob).where(MatchedJob.user_id == user_id)


@dataclass(frozen=True)
class MatchFilters:
    """What the list is narrowed to; None and "" mean "any"."""

    run_id: str | None = None
    score_min: float | None = None
    score_max: float | None = None
    stage: str | None = None
    source: str | None = None
    q: str | None = None  # words in the title or company, case-insensitive


@dataclass(frozen=True)
class MatchRow:
    id: str
    title: str
    company: str
    location: str | None
    remote: bool
    source: str
    score: float
    reason: str
    stage: str
    created_at: datetime
    posted_at: datetime | None
    run_id: str | None
    fabrication_status: str


@dataclass(frozen=True)
class MatchPage:
    rows: list[MatchRow]
    next_cursor: str | None  # pass back as `cursor` for the next page; None on the last


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


_ROW_COLUMNS: Final = (
    MatchedJob.id,
    JobPosting.title,
    JobPosting.company,
    JobPosting.location,
    JobPosting.remote,
    JobPosting.source,
    MatchedJob.score,
    MatchedJob.reason,
    MatchedJob.application_stage,
    MatchedJob.created_at,
    JobPosting.posted_at,
    MatchedJob.run_id,
    MatchedJob.fabrication_status,
)


def _conditions(
    db: DbSession, user_id: str, filters: MatchFilters
) -> tuple[list[ColumnElement[bool]], bool]:
    """The WHERE terms for `filters`, and whether they read the posting."""
    terms: list[ColumnElement[bool]] = [MatchedJob.user_id == user_id]
    if filters.run_id:
        terms.append(MatchedJob.id.in_(run_match_ids(db, user_id, filters.run_id)))
    if filters.score_min is not None:
        terms.append(MatchedJob.score >= filters.score_min)
    if filters.score_max is not None:
        terms.append(MatchedJob.score <= filters.score_max)
    if filters.stage:
        terms.append(MatchedJob.application_stage == filters.stage)
    posting_terms: list[ColumnElement[bool]] = []
    if filters.source:
        posting_terms.append(JobPosting.source == filters.source)
    for word in (filters.q or "")[:MAX_QUERY_CHARS].split():  # each word, title or company
        pattern = f"%{_escape_like(word)}%"
        posting_terms.append(
            or_(
                JobPosting.title.ilike(pattern, escape="\\"),
                JobPosting.company.ilike(pattern, escape="\\"),
            )
        )
    return terms + posting_terms, bool(posting_terms)


def run_match_ids(db: DbSession, user_id: str, run_id: str) -> list[str]:
    """The matches `user_id`'s run `run_id` found (also those an earlier run found
    first); [] for a run that is not theirs."""
    run = get_run(db, user_id, run_id)
    if run is None:
        return []
    listed = (run.params or {}).get("match_ids")
    if isinstance(listed, list):
        return [str(i) for i in listed]
    return list(
        db.scalars(
            readable_matches(user_id)
            .with_only_columns(MatchedJob.id)
            .where(MatchedJob.run_id == run.id)
        )
    )


def _encode_cursor(sort: SortKey, row: MatchRow) -> str:
    key: Any = row.score if sort == "score" else row.created_at.isoformat()
    raw = json.dumps([sort, key, row.id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_cursor(sort: SortKey, cursor: str) -> tuple[Any, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        kind, key, match_id = json.loads(raw)
        if kind != sort or not isinstance(match_id, str):
            raise ValueError(kind)
        if sort == "score":
            return float(key), match_id
        return datetime.fromisoformat(str(key)), match_id
    except (ValueError, TypeError, binascii.Error, json.JSONDecodeError) as err:
        raise InvalidCursor() from err


def list_matches(
    db: DbSession,
    user_id: str,
    *,
    filters: MatchFilters | None = None,
    sort: SortKey = "score",
    cursor: str | None = None,
    page_size: int = DEFAULT_PAGE_SIZE,
) -> MatchPage:
    """One page of `user_id`'s matches, best score (or newest) first.

    Keyset pagination on (score, id) or (created_at, id): each page is one indexed
    range scan however deep it is, so the 500th page costs what the first does.
    Raises `InvalidCursor` for a cursor this function did not hand out for `sort`.
    """
    filters = filters or MatchFilters()
    page_size = max(1, min(page_size, MAX_PAGE_SIZE))
    column = MatchedJob.score if sort == "score" else MatchedJob.created_at
    terms, _ = _conditions(db, user_id, filters)
    statement = (
        select(*_ROW_COLUMNS)
        .join(JobPosting, JobPosting.id == MatchedJob.job_posting_id)
        .where(*terms)
    )
    if cursor:
        key, last_id = _decode_cursor(sort, cursor)
        statement = statement.where(tuple_(column, MatchedJob.id) < tuple_(key, last_id))
    statement = statement.order_by(column.desc(), MatchedJob.id.desc()).limit(page_size + 1)
    rows = [MatchRow(*tuple(row)) for row in db.execute(statement)]
    more = len(rows) > page_size
    rows = rows[:page_size]
    return MatchPage(rows=rows, next_cursor=_encode_cursor(sort, rows[-1]) if more else None)


def count_matches(db: DbSession, user_id: str, filters: MatchFilters | None = None) -> int:
    """How many of `user_id`'s matches the filters keep."""
    terms, reads_posting = _conditions(db, user_id, filters or MatchFilters())
    statement = select(func.count()).select_from(MatchedJob)
    if reads_posting:  # without them the count is an index-only scan
        statement = statement.join(JobPosting, JobPosting.id == MatchedJob.job_posting_id)
    return int(db.scalar(statement.where(*terms)) or 0)


def match_sources(db: DbSession, user_id: str) -> list[str]:
    """The sources `user_id`'s matches came from (for the filter), sorted."""
    statement = (
        select(JobPosting.source)
        .join(MatchedJob, MatchedJob.job_posting_id == JobPosting.id)
        .where(MatchedJob.user_id == user_id)
        .distinct()
    )
    return sorted(db.scalars(statement))


def stage_counts(db: DbSession, user_id: str) -> dict[str, int]:
    """Matches per application stage, every stage present (0 when none)."""
    counts = dict.fromkeys(STAGES, 0)
    statement = (
        select(MatchedJob.application_stage, func.count())
        .where(MatchedJob.user_id == user_id)
        .group_by(MatchedJob.application_stage)
    )
    for stage, count in db.execute(statement):
        counts[str(stage)] = int(count)
    return counts


# -- one match -----------------------------------------------------------------------


@dataclass(frozen=True)
class MatchDetail:
    match: MatchedJob
    posting: JobPosting
    research: CompanyResearch | None
    artifact: Artifact | None


def own_match(db: DbSession, user_id: str, match_id: str, *, lock: bool = False) -> MatchedJob:
    statement = readable_matches(user_id).where(MatchedJob.id == match_id)
    if lock and db.get_bind().dialect.name != "sqlite":
        statement = statement.with_for_update()
    match = db.scalars(statement).first()
    if match is None:
        raise MatchNotFound()
    return match


def artifact_for(db: DbSession, user_id: str, match_id: str) -> Artifact | None:
    return db.scalars(
        select(Artifact).where(Artifact.matched_job_id == match_id, Artifact.user_id == user_id)
    ).first()


def match_detail(db: DbSession, user_id: str, match_id: str) -> MatchDetail | None:
    """`user_id`'s match `match_id` with its posting, research and letter/CV, or None
    (also when it belongs to someone else)."""
    match = db.scalars(readable_matches(user_id).where(MatchedJob.id == match_id)).first()
    if match is None:
        return None
    posting = db.get(JobPosting, match.job_posting_id)
    assert posting is not None  # the foreign key cascades
    research = (
        db.get(CompanyResearch, match.company_research_id) if match.company_research_id else None
    )
    return MatchDetail(match, posting, research, artifact_for(db, user_id, match.id))


# -- tracking ------------------------------------------------------------------------


def set_stage(
    db: DbSession, user_id: str, match_id: str, stage: str, note: str | None = None
) -> MatchedJob:
    """Move the match to `stage` (recorded in `stage_history` with the time) and,
    when `note` is given, keep it as the match's notes ("" clears them).

    The same stage again only updates the note. Raises `MatchNotFound`,
    `InvalidStage`, `InvalidNote`.
    """
    if stage not in STAGES:
        raise InvalidStage(stage, STAGES)
    if note is not None and len(note) > MAX_NOTE_CHARS:
        raise InvalidNote(f"Keep the note under {MAX_NOTE_CHARS:,} characters.")
    match = own_match(db, user_id, match_id, lock=True)
    if stage != match.application_stage:
        now = utcnow()
        entry: dict[str, Any] = {"stage": stage, "at": now.isoformat()}
        if note:
            entry["note"] = note.strip()
        match.stage_history = [*(match.stage_history or []), entry]
        match.application_stage = stage
        match.stage_changed_at = now
    if note is not None:
        match.notes = note.strip() or None
    db.flush()
    return match


def stage_history(match: MatchedJob) -> list[dict[str, Any]]:
    """The stage changes, newest first, each with "stage", "at" (a datetime) and
    maybe "note"."""
    entries = []
    for entry in match.stage_history or []:
        try:
            at = datetime.fromisoformat(str(entry.get("at")))
        except ValueError:
            continue
        entries.append({**entry, "at": at})
    return sorted(entries, key=lambda e: e["at"], reverse=True)
