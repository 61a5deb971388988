"""Arbeitnow (public job-board API, no key; mostly Germany and Europe).

`GET https://www.arbeitnow.com/api/job-board-api?page=N` returns
`{"data": [...], "links": {"next": ...}, "meta": {...}}`, 100 jobs a page, newest
first. `created_at` is in seconds. We follow `links.next` by its page number on
our own base URL, so a link can never send us elsewhere.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

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
from jobagent_core.discovery.sources.text import (
    describe_html,
    optional,
    plain,
)
from jobagent_core.discovery.sources.values import (
    employment_type,
    utc_from_epoch,
)

API = "https://www.arbeitnow.com"
POLICY = HttpPolicy(min_interval=1.0, burst=2)


class _Job(BaseModel):
    slug: str
    company_name: str
    title: str
    description: str = ""
    remote: bool = False
    url: str | None = None
    tags: list[str] = []
    job_types: list[str] = []
    location: str | None = None
    created_at: int | None = None


class _Links(BaseModel):
    next: str | None = None


class _Page(BaseModel):
    data: list[object]
    links: _Links = _Links()


class ArbeitnowSource:
    """The newest Arbeitnow jobs, up to `max_pages` pages (the API has no search)."""

    name = "arbeitnow"

    def __init__(
        self, *, max_pages: int = 5, base_url: str | None = None, http: HttpOptions | None = None
    ) -> None:
        self.max_pages = max_pages
        self.base_url = (base_url or API).rstrip("/")
        self._http = http or HttpOptions()

    def search(self, query: SearchQuery) -> SourceResult:
        result = SourceResult()
        url = f"{self.base_url}/api/job-board-api"
        page: int | None = 1
        seen: set[int] = set()
        with self._http.client(POLICY) as client:
            while page is not None and len(seen) < self.max_pages and page not in seen:
                seen.add(page)
                label = f"Arbeitnow page {page}"
                payload = fetch_json(client, url, {"page": page}, result, label=label)
                parsed = parse_page(_Page, payload, result, label=label)
                if parsed is None:
                    break
                add_items(
                    result,
                    parsed.data,
                    model=_Job,
                    convert=self._posting,
                    label=label,
                    limit=query.limit,
                )
                if len(result.postings) >= query.limit:
                    break
                page = _page_number(parsed.links.next)
        return result

    def _posting(self, job: _Job) -> PostingData:
        text, safe_html = describe_html(job.description)
        return PostingData(
            source=self.name,
            source_id=job.slug,
            title=plain(job.title),
            company=plain(job.company_name),
            location=optional(job.location),
            remote=job.remote,
            employment_type=employment_type(*job.job_types),
            seniority=title_seniority(job.title, *job.job_types),
            description_text=text,
            description_html=safe_html,
            url=job.url,
            apply_url=job.url,
            posted_at=utc_from_epoch(job.created_at),
            extra={"tags": optional(", ".join(job.tags), 1000)},
        )


def _page_number(link: str | None) -> int | None:
    if not link:
        return None
    values = parse_qs(urlsplit(link).query).get("page", [])
    return int(values[0]) if values and values[0].isdigit() else None
