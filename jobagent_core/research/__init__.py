"""Company research: what a job seeker should know about the employer, with sources.

    row = get_or_research(db, "ACME GmbH", postings, online=False, client=None)
    profile = research_offline("ACME GmbH", postings)          # postings only
    result = research_online("ACME GmbH", postings, client=llm) # website + LLM, or fallback

Offline research states only what the postings say; online research (when the
RESEARCH_ONLINE setting enables it) reads the company's own website under the
SSRF rules of `url_guard` (enforced by `fetch`) and keeps only citations whose
quotes are on its pages.
"""

from jobagent_core.research.cache import (
    DEFAULT_MAX_AGE_DAYS,
    get_or_research,
    is_fresh,
    profile_from_row,
    research_key,
)
from jobagent_core.research.fetch import (
    FetchedPage,
    SiteContent,
    SiteFetcher,
    fetch_company_site,
)
from jobagent_core.research.offline import research_offline, website_from_postings
from jobagent_core.research.online import ResearchResult, research_online
from jobagent_core.research.schemas import FACT_FIELDS, Citation, CompanyProfile
from jobagent_core.research.url_guard import FetchPolicy

__all__ = [
    "DEFAULT_MAX_AGE_DAYS",
    "FACT_FIELDS",
    "Citation",
    "CompanyProfile",
    "FetchPolicy",
    "FetchedPage",
    "ResearchResult",
    "SiteContent",
    "SiteFetcher",
    "fetch_company_site",
    "get_or_research",
    "is_fresh",
    "profile_from_row",
    "research_key",
    "research_offline",
    "research_online",
    "website_from_postings",
]
