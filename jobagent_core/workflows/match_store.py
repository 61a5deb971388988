"""One match per user and job: the rule every run that makes matches keeps.

A posting already matched for the person — the same row, or the same job found
elsewhere (the same `dedupe_key`) — keeps its match, with its stage, notes and
letter; otherwise a new match is made from the screening verdict.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from jobagent_core.db.models import JobPosting, MatchedJob
from jobagent_core.discovery.dedupe import dedupe_key
from jobagent_core.discovery.schema import PostingData
from jobagent_core.matching.schemas import ScreeningVerdict


def existing_match(
    db: DbSession, user_id: str, posting_id: str, posting: PostingData
) -> MatchedJob | None:
    """The person's match of this job, found by its row or by its dedupe key."""
    return db.scalars(
        select(MatchedJob)
        .join(JobPosting, JobPosting.id == MatchedJob.job_posting_id)
        .where(
            MatchedJob.user_id == user_id,
            (MatchedJob.job_posting_id == posting_id)
            | (JobPosting.dedupe_key == dedupe_key(posting)),
        )
    ).first()


def upsert_match(
    db: DbSession,
    *,
    user_id: str,
    run_id: str,
    posting_id: str,
    posting: PostingData,
    verdict: ScreeningVerdict,
    stage1_score: float | None = None,
) -> tuple[MatchedJob, bool]:
    """(the person's match of this job, whether it was created now)."""
    found = existing_match(db, user_id, posting_id, posting)
    if found is not None:
        return found, False
    match = MatchedJob(
        user_id=user_id,
        job_posting_id=posting_id,
        run_id=run_id,
        score=float(verdict.score),
        stage1_score=stage1_score,
        reason=verdict.summary,
        reasons=verdict.reasons,
        gaps=verdict.gaps,
        matched_skills=verdict.matched_skills,
        screened_by=verdict.screened_by,
    )
    db.add(match)
    db.flush()
    return match, True
