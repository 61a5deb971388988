"""Research for one match, recorded on the match whatever happens."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from jobagent_core.db.engine import admin_engine, session_scope
from jobagent_core.db.enums import StepStatus
from jobagent_core.db.models import JobPosting, MatchedJob
from jobagent_core.discovery.dedupe import company_key
from jobagent_core.llm import LlmClient
from jobagent_core.research.cache import get_or_research
from jobagent_core.workflows.engine import RunReporter

if TYPE_CHECKING:
    from jobagent_core.workflows.job_search import SearchContext

log = logging.getLogger(__name__)


def research_match(
    ctx: SearchContext, match_id: str, client: LlmClient | None, reporter: RunReporter
) -> None:
    from jobagent_core.workflows.job_search import stored_posting

    with session_scope(admin_engine()) as db:
        match = db.get(MatchedJob, match_id)
        if match is None or match.user_id != ctx.user_id:
            return
        match.research_attempts += 1
        posting_row = db.get(JobPosting, match.job_posting_id)
        assert posting_row is not None
        same_company = [
            p for p in ctx.postings if company_key(p.company) == posting_row.company_key
        ] or [stored_posting(db, posting_row.id)]
        try:
            with db.begin_nested():
                row = get_or_research(
                    db,
                    posting_row.company,
                    same_company,
                    online=ctx.settings.RESEARCH_ONLINE,
                    client=client,
                    max_age_days=ctx.settings.RESEARCH_CACHE_DAYS,
                    on_note=reporter.warn,
                )
        except Exception as err:  # one company's failure must not stop the others
            log.exception("research on %s failed", posting_row.company)
            match.research_status = StepStatus.FAILED
            match.research_error = (
                f"Research on {posting_row.company} failed ({type(err).__name__})."
            )
            return
        match.company_research_id = row.id
        match.research_status = StepStatus.DONE
        match.research_error = None
