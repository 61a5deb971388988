"""Google Jobs through SerpAPI (needs an API key; each page costs one search credit).

`GET https://serpapi.com/search.json?engine=google_jobs&q=...&location=...&api_key=...`
returns `{"jobs_results": [...], "serpapi_pagination": {"next_page_token": ...}}`;
the next page is the same request plus `next_page_token`. A search with no hits
answers 200 with `"error": "Google hasn't returned any results for this query."`.
The key travels only in the query string: it is masked in httpx's logs and in
every message we produce.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from pydantic import BaseModel

from jobagent_core.discovery.http import HttpOptions, HttpPolicy
from jobagent_core.discovery.schema import PostingData
from jobagent_core.discovery.seniority import title_seniority
from jobagent_core.discovery.sources.base import SearchQuery, SourceResult
from jobagent_core.discovery.sources.fetching import (
    add_items,
    fetch_json,
    parse_page,
)
from jobagent_core.discovery.sources.pay import (
    parse_salary,
    salary_period,
)
from jobagent_core.discovery.sources.text import (
    describe_text,
    optional,
    plain,
)
from jobagent_core.discovery.sources.values import (
    bounded_id,
    employment_type,
    mentions_remote,
)

API = "https://serpapi.com"
POLICY = HttpPolicy(min_interval=1.0, burst=2, read_timeout=40.0)
NO_RESULTS = "hasn't returned any results"


class _Extensions(BaseModel):
    posted_at: str | None = None
    schedule_type: str | None = None
    salary: str | None = None
    work_from_home: bool | None = None


class _ApplyOption(BaseModel):
    title: str | None = None
    link: str


class _Job(BaseModel):
    job_id: str
    title: str
    company_name: str
    location: str | None = None
    via: str | None = None
    description: str = ""
    share_link: str | None = None
    detected_extensions: _Extensions = _Extensions()
    apply_options: list[_ApplyOption] = []


class _Pagination(BaseModel):
    next_page_token: str | None = None


class _Page(BaseModel):
    jobs_results: list[object] = []
    serpapi_pagination: _Pagination | None = None
    error: str | None = None


class SerpApiSource:
    """Google Jobs results for `query.title` near `query.location`."""

    name = "serpapi"

    def __init__(
        self,
        api_key: str,
        *,
        max_pages: int = 2,
        language: str = "en",
        base_url: str | None = None,
        http: HttpOptions | None = None,
    ) -> None:
        if not api_key:
            raise ValueError("SerpAPI needs an API key (SERPAPI_API_KEY)")
        self._api_key = api_key
        self.max_pages = max_pages
        self.language = language
        self.base_url = (base_url or API).rstrip("/")
        self._http = http or HttpOptions()

    def __repr__(self) -> str:  # never show the key
        return f"SerpApiSource(base_url={self.base_url!r}, max_pages={self.max_pages})"

    def search(self, query: SearchQuery) -> SourceResult:
        result = SourceResult()
        url = f"{self.base_url}/search.json"
        token: str | None = None
        with self._http.client(POLICY, secrets=[self._api_key]) as client:
            for page in range(1, self.max_pages + 1):
                label = f"SerpAPI Google Jobs page {page}"
                params = {
                    "engine": "google_jobs",
                    "q": query.title,
                    "location": query.location,
                    "ltype": "1" if query.remote_only else None,
                    "hl": self.language,
                    "next_page_token": token,
                    "api_key": self._api_key,
                }
                payload = fetch_json(client, url, params, result, label=label)
                parsed = parse_page(_Page, payload, result, label=label)
                if parsed is None:
                    break
                if parsed.error and NO_RESULTS not in parsed.error:
                    result.warnings.append(f"{label}: {parsed.error}")
                add_items(
                    result,
                    parsed.jobs_results,
                    model=_Job,
                    convert=self._posting,
                    label=label,
                    limit=query.limit,
                )
                token = (
                    parsed.serpapi_pagination.next_page_token if parsed.serpapi_pagination else None
                )
                if not token or len(result.postings) >= query.limit:
                    break
        return result

    def _posting(self, job: _Job) -> PostingData:
        ext = job.detected_extensions
        low, high, currency = parse_salary(ext.salary)
        apply = job.apply_options[0].link if job.apply_options else None
        return PostingData(
            source=self.name,
            source_id=bounded_id(job.job_id),
            title=plain(job.title),
            company=plain(job.company_name),
            location=optional(job.location),
            remote=bool(ext.work_from_home) or mentions_remote(job.location),
            employment_type=employment_type(ext.schedule_type),
            seniority=title_seniority(job.title),
            salary_min=low,
            salary_max=high,
            salary_currency=currency,
            description_text=describe_text(job.description),
            url=job.share_link or apply,
            apply_url=apply,
            posted_at=posted_ago(ext.posted_at),
            extra={
                "via": optional(job.via),
                "salary": optional(ext.salary),
                "salary_period": salary_period(ext.salary) if ext.salary else None,
            },
        )


_AGO = re.compile(r"(\d+|an?)\+?\s*(minute|hour|day|week|month|year)s?\s+ago", re.I)
_UNIT_DAYS = {"minute": 1 / 1440, "hour": 1 / 24, "day": 1, "week": 7, "month": 30, "year": 365}


def posted_ago(text: str | None, *, now: datetime | None = None) -> datetime | None:
    """ "3 days ago", "an hour ago", "30+ days ago" → an aware UTC datetime."""
    match = _AGO.search(text or "")
    if not match:
        return None
    count = 1 if match.group(1).lower() in ("a", "an") else int(match.group(1))
    return (now or datetime.now(UTC)) - timedelta(days=count * _UNIT_DAYS[match.group(2).lower()])
