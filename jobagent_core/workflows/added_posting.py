"""The `posting` workflow: one posting the person added, by link or as text.

Steps: read the posting (a link is fetched HERE, on the worker: a board's API for
Greenhouse, Lever and Ashby links, else the page through the SSRF guard) and store
it → screen it against the profile (stage 2, whatever stage 1 would have ranked it)
and make it a match even when the screen calls it a weak fit: the person chose it,
and the score and gaps say how it fits → research the company → write the letter
and tailored CV. No digest. The research and writing steps are the job search's
own (`job_search.research`, `job_search.fabricate`) over this one match.

A posting is keyed by its canonical link or a hash of its text (source "added"),
so adding it twice reuses the stored posting (a link is then not fetched again)
and the match (one per person and job: `match_store`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from jobagent_core.db.engine import admin_engine, session_scope
from jobagent_core.db.enums import RunStatus
from jobagent_core.db.models import JobPosting, Run, User
from jobagent_core.discovery.pasted_posting import PastedPostingError, read_pasted
from jobagent_core.discovery.posting_links import canonical_url
from jobagent_core.discovery.posting_reader import (
    ADDED_SOURCE,
    UnreadablePosting,
    pasted_posting,
    read_linked_posting,
)
from jobagent_core.discovery.schema import PostingData
from jobagent_core.discovery.sources.values import bounded_id
from jobagent_core.matching.schemas import posting_key
from jobagent_core.matching.screening import screen
from jobagent_core.profiling.schemas import Profile
from jobagent_core.workflows import job_search
from jobagent_core.workflows.engine import RunReporter, Step, WorkflowError
from jobagent_core.workflows.match_store import upsert_match

# Steps before writing; the writing step counts the letter itself (1 of 1).
_STEPS_BEFORE_WRITING = 3
NO_POSTING = "This run names no posting to add: add it again with its link or its text."


@dataclass
class PostingContext(job_search.SearchContext):
    """A job search's context over one posting (research and writing take it)."""

    params: dict[str, Any] | None = None
    posting_id: str | None = None


def _profile(db: DbSession, user_id: str) -> Profile:
    user = db.get(User, user_id)
    stored = (user.profile if user is not None else None) or {}
    fields = {k: v for k, v in stored.items() if k in Profile.model_fields}
    if user is None or not fields:
        raise WorkflowError("Build your profile from a CV first, then add the posting again.")
    return Profile.model_validate(fields)


def _stored_posting(source_id: str) -> tuple[str, PostingData] | None:
    """The added posting stored under `source_id`, if any: (row id, posting)."""
    with session_scope(admin_engine()) as db:
        row_id = db.scalars(
            select(JobPosting.id).where(
                JobPosting.source == ADDED_SOURCE, JobPosting.source_id == source_id
            )
        ).first()
        return (row_id, job_search.stored_posting(db, row_id)) if row_id else None


def _mark_unreadable(run_id: str) -> None:
    """Say on the run that the posting could not be read, so a page can offer the
    paste box rather than only the message."""
    with session_scope(admin_engine()) as db:
        run = db.get(Run, run_id)
        if run is not None:
            run.params = {**(run.params or {}), "unreadable": True}


def _read(ctx: PostingContext) -> PostingData:
    """The posting the run's parameters name (fetched when it is a new link)."""
    params = ctx.params or {}
    title, company = params.get("title"), params.get("company")
    if isinstance(params.get("posting"), dict):
        return PostingData.model_validate(params["posting"])
    if isinstance(params.get("text"), str):
        try:
            return pasted_posting(read_pasted(params["text"], title=title, company=company))
        except PastedPostingError as err:
            raise WorkflowError(str(err)) from err
    url = params.get("url")
    if not isinstance(url, str):
        raise WorkflowError(NO_POSTING)
    stored = _stored_posting(bounded_id(canonical_url(url)))
    if stored is not None:
        return stored[1]
    # Imported here: only a link needs the fetcher's guard.
    from jobagent_core.research.url_guard import FetchPolicy

    try:
        posting = read_linked_posting(
            url,
            board_urls=ctx.settings.board_api_urls,
            policy=FetchPolicy(allow_loopback=ctx.settings.FETCH_ALLOW_LOOPBACK),
        )
    except UnreadablePosting as err:
        _mark_unreadable(ctx.run_id)
        raise WorkflowError(str(err)) from err
    # The person's own title and company win over what the page says.
    wanted = {k: v for k, v in (("title", title), ("company", company)) if isinstance(v, str) and v}
    return posting.model_copy(update=wanted) if wanted else posting


def read_posting(ctx: PostingContext, reporter: RunReporter) -> None:
    with session_scope(admin_engine()) as db:
        run = db.get(Run, ctx.run_id)
        ctx.params = dict(run.params or {}) if run is not None else {}
        ctx.profile = _profile(db, ctx.user_id)
    posting = _read(ctx)
    ctx.postings = [posting]
    ctx.posting_ids = job_search.store_postings([posting])
    ctx.posting_id = ctx.posting_ids[posting_key(posting)]
    with session_scope(admin_engine()) as db:
        run = db.get(Run, ctx.run_id)
        if run is not None:
            run.params = {**(run.params or {}), "posting_id": ctx.posting_id}
    reporter.set(found_count=1, progress_done=1, progress_total=_STEPS_BEFORE_WRITING + 1)


def screen_posting(ctx: PostingContext, reporter: RunReporter) -> None:
    """Stage 2 for the one posting; a match whatever the verdict says."""
    assert ctx.profile is not None
    posting = ctx.postings[0]
    client = ctx.llm()
    try:
        # No searched place: the fit is judged against the profile's own home.
        ((_, verdict),) = screen([posting], ctx.profile, client)
    finally:
        if client is not None:
            client.close()
    if verdict.warning:
        reporter.warn(verdict.warning)
    assert ctx.posting_id is not None
    with session_scope(admin_engine()) as db:
        match, created = upsert_match(
            db,
            user_id=ctx.user_id,
            run_id=ctx.run_id,
            posting_id=ctx.posting_id,
            posting=posting,
            verdict=verdict,
        )
        ctx.match_ids = [match.id]
        run = db.get(Run, ctx.run_id)
        if run is not None:
            run.params = {
                **(run.params or {}),
                "match_ids": ctx.match_ids,
                "new_matches": int(created),
            }
    reporter.set(screened_count=1, matched_count=1, progress_done=2)


def research(ctx: PostingContext, reporter: RunReporter) -> None:
    job_search.research(ctx, reporter)
    reporter.set(progress_done=3)


def write(ctx: PostingContext, reporter: RunReporter) -> None:
    job_search.fabricate(ctx, reporter)


STEPS: list[Step[PostingContext]] = [
    Step("Reading the posting", read_posting),
    Step("Scoring and screening", screen_posting),
    Step("Researching the company", research),
    Step("Writing the application", write),
]


def execute(run_id: str) -> RunStatus | None:
    return job_search.execute(run_id, STEPS, PostingContext)


__all__ = ["STEPS", "PostingContext", "execute"]
