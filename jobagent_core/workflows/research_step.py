"""Research for one match, recorded on the match whatever happens.

No database transaction is open while a company's website is fetched or the LLM
summarises it: the cache is read in one short transaction, the research runs
with no session, and the result is written in a second short transaction (the
same upsert and freshness rules as `research.cache.get_or_research`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from jobagent_core.db.engine import admin_engine, session_scope
from jobagent_core.db.enums import StepStatus
from jobagent_core.db.models import CompanyResearch, JobPosting, MatchedJob
from jobagent_core.discovery.dedupe import company_key
from jobagent_core.discovery.schema import PostingData
from jobagent_core.llm import LlmClient
from jobagent_core.workflows.engine import RunReporter

if TYPE_CHECKING:
    from jobagent_core.research.online import ResearchResult
    from jobagent_core.workflows.job_search import SearchContext

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Pending:
    company: str
    postings: list[PostingData]
    cached_id: str | None  # fresh research to reuse as is


def _read(ctx: SearchContext, match_id: str) -> _Pending | None:
    """Count the attempt; the company, its postings and any fresh cached research."""
    from jobagent_core.research.cache import is_fresh, research_key
    from jobagent_core.workflows.job_search import stored_posting

    with session_scope(admin_engine()) as db:
        match = db.get(MatchedJob, match_id)
        if match is None or match.user_id != ctx.user_id:
            return None
        match.research_attempts += 1
        posting_row = db.get(JobPosting, match.job_posting_id)
        assert posting_row is not None
        same_company = [
            p for p in ctx.postings if company_key(p.company) == posting_row.company_key
        ] or [stored_posting(db, posting_row.id)]
        cached_id = None
        try:
            key = research_key(posting_row.company)
        except ValueError:
            key = None  # researching fails below, with the reason on the match
        if key is not None:
            row = db.scalars(
                select(CompanyResearch).where(CompanyResearch.company_key == key)
            ).first()
            if row is not None and is_fresh(row, online=ctx.settings.RESEARCH_ONLINE):
                cached_id = row.id
        return _Pending(posting_row.company, same_company, cached_id)


def _research(ctx: SearchContext, pending: _Pending, client: LlmClient | None) -> ResearchResult:
    """Research the company (website fetch and LLM when online). No session is open."""
    # Imported when a company is researched: the research package (httpx, its fetch
    # guards) is not needed by a search whose matches were researched before.
    from jobagent_core.research.offline import research_offline
    from jobagent_core.research.online import ResearchResult, research_online

    if ctx.settings.RESEARCH_ONLINE:
        return research_online(pending.company, pending.postings, client=client)
    return ResearchResult(research_offline(pending.company, pending.postings), "offline")


def _store(ctx: SearchContext, company: str, result: ResearchResult) -> str:
    """Write `result` to the shared cache in a short transaction of its own; its row id."""
    from jobagent_core.research.cache import research_key, store_research

    with session_scope(admin_engine()) as db:
        row = store_research(
            db, research_key(company), result, max_age_days=ctx.settings.RESEARCH_CACHE_DAYS
        )
        return row.id


def _finish(match_id: str, research_id: str | None, error: str | None) -> None:
    with session_scope(admin_engine()) as db:
        match = db.get(MatchedJob, match_id)
        if match is None:
            return
        if error is None:
            match.company_research_id = research_id
            match.research_status = StepStatus.DONE
            match.research_error = None
        else:
            match.research_status = StepStatus.FAILED
            match.research_error = error


def research_match(
    ctx: SearchContext, match_id: str, client: LlmClient | None, reporter: RunReporter
) -> None:
    pending = _read(ctx, match_id)
    if pending is None:
        return
    research_id = pending.cached_id
    try:
        if research_id is None:
            result = _research(ctx, pending, client)
            if result.note:
                reporter.warn(f"research on {pending.company}: {result.note}")
            research_id = _store(ctx, pending.company, result)
    except Exception as err:  # one company's failure must not stop the others
        log.exception("research on %s failed", pending.company)
        _finish(match_id, None, f"Research on {pending.company} failed ({type(err).__name__}).")
        return
    _finish(match_id, research_id, None)
