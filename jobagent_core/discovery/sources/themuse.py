"""The Muse (public API v2, no key).

`GET https://www.themuse.com/api/public/jobs?page=N&category=...&location=...`
returns `{"page": N, "page_count": M, "results": [...]}` with pages counted from
0, 20 jobs a page. Anonymous use is limited to 500 requests an hour per IP, so
the policy spaces requests ~8 s apart after a short burst and pages are capped.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel

from jobagent_core.discovery.http import HttpOptions, HttpPolicy, Params
from jobagent_core.discovery.schema import PostingData, Seniority
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
    mentions_remote,
    utc_from_iso,
)

API = "https://www.themuse.com"
POLICY = HttpPolicy(min_interval=8.0, burst=3)
REMOTE_LOCATION = "Flexible / Remote"
_LEVELS: dict[str, Seniority] = {
    "internship": "intern",
    "entry": "junior",
    "mid": "mid",
    "senior": "senior",
    "management": "lead",
}


class _Named(BaseModel):
    name: str


class _Level(BaseModel):
    name: str
    short_name: str | None = None


class _Company(BaseModel):
    name: str
    short_name: str | None = None


class _Refs(BaseModel):
    landing_page: str | None = None


class _Job(BaseModel):
    id: int
    name: str
    contents: str = ""
    publication_date: str | None = None
    locations: list[_Named] = []
    categories: list[_Named] = []
    levels: list[_Level] = []
    company: _Company
    refs: _Refs = _Refs()


class _Page(BaseModel):
    page: int = 0
    page_count: int = 0
    results: list[object]


class TheMuseSource:
    """Jobs in the given Muse categories/levels near `query.location`."""

    name = "themuse"

    def __init__(
        self,
        *,
        categories: Sequence[str] = (),
        levels: Sequence[str] = (),
        max_pages: int = 3,
        base_url: str | None = None,
        http: HttpOptions | None = None,
    ) -> None:
        self.categories = list(categories)
        self.levels = list(levels)
        self.max_pages = max_pages
        self.base_url = (base_url or API).rstrip("/")
        self._http = http or HttpOptions()

    def search(self, query: SearchQuery) -> SourceResult:
        result = SourceResult()
        url = f"{self.base_url}/api/public/jobs"
        locations = [query.location] if query.location else []
        if query.remote_only:
            locations.append(REMOTE_LOCATION)
        with self._http.client(POLICY) as client:
            for page in range(self.max_pages):
                label = f"The Muse page {page}"
                params: Params = {
                    "page": page,
                    "category": self.categories,
                    "level": self.levels,
                    "location": locations,
                }
                payload = fetch_json(client, url, params, result, label=label)
                parsed = parse_page(_Page, payload, result, label=label)
                if parsed is None:
                    break
                add_items(
                    result,
                    parsed.results,
                    model=_Job,
                    convert=self._posting,
                    label=label,
                    limit=query.limit,
                )
                if page + 1 >= parsed.page_count or len(result.postings) >= query.limit:
                    break
        return result

    def _posting(self, job: _Job) -> PostingData:
        text, safe_html = describe_html(job.contents)
        places = [loc.name for loc in job.locations]
        seniority = next(
            (
                level
                for lvl in job.levels
                for key, level in _LEVELS.items()
                if key in (lvl.short_name or lvl.name).lower()
            ),
            None,
        )
        return PostingData(
            source=self.name,
            source_id=str(job.id),
            title=plain(job.name),
            company=plain(job.company.name),
            location=optional("; ".join(places)),
            remote=mentions_remote(*places),
            employment_type="internship" if seniority == "intern" else None,
            seniority=title_seniority(job.name) or seniority,
            description_text=text,
            description_html=safe_html,
            url=job.refs.landing_page,
            apply_url=job.refs.landing_page,
            posted_at=utc_from_iso(job.publication_date),
            extra={
                "category": optional(", ".join(c.name for c in job.categories)),
                "level": optional(", ".join(lvl.name for lvl in job.levels)),
            },
        )
