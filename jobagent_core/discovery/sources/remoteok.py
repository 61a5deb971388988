"""Remote OK (public API, no key; remote jobs only).

`GET https://remoteok.com/api` returns a JSON array whose first element is the
legal notice (`{"last_updated": ..., "legal": "..."}`), then the latest jobs.
Their terms require attribution: every posting carries
`extra.attribution = "Jobs via Remote OK"`, `extra.attribution_url`, and keeps
the Remote OK url so the UI can link back.
"""

from __future__ import annotations

from pydantic import BaseModel, RootModel, field_validator

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
    utc_from_epoch,
    utc_from_iso,
)

API = "https://remoteok.com"
ATTRIBUTION = "Jobs via Remote OK"
ATTRIBUTION_URL = "https://remoteok.com"
# One request returns everything they offer; they ask not to be polled hard.
POLICY = HttpPolicy(min_interval=10.0, burst=1)


class _Job(BaseModel):
    id: str
    slug: str | None = None
    epoch: int | None = None
    date: str | None = None
    company: str
    position: str
    tags: list[str] = []
    description: str = ""
    location: str | None = None
    salary_min: float | None = None
    salary_max: float | None = None
    apply_url: str | None = None
    url: str | None = None

    @field_validator("id", mode="before")
    @classmethod
    def _text_id(cls, value: object) -> object:
        return str(value) if isinstance(value, int) else value


class _Feed(RootModel[list[object]]):
    pass


class RemoteOkSource:
    """The latest Remote OK jobs, attributed as their terms require."""

    name = "remoteok"

    def __init__(self, *, base_url: str | None = None, http: HttpOptions | None = None) -> None:
        self.base_url = (base_url or API).rstrip("/")
        self._http = http or HttpOptions()

    def search(self, query: SearchQuery) -> SourceResult:
        result = SourceResult()
        label = "Remote OK"
        with self._http.client(POLICY) as client:
            payload = fetch_json(client, f"{self.base_url}/api", None, result, label=label)
        feed = parse_page(_Feed, payload, result, label=label)
        if feed is not None:
            jobs = [i for i in feed.root if not (isinstance(i, dict) and "legal" in i)]
            add_items(
                result, jobs, model=_Job, convert=self._posting, label=label, limit=query.limit
            )
        return result

    def _posting(self, job: _Job) -> PostingData:
        text, safe_html = describe_html(job.description)
        # 0 means "not given" in their feed; amounts are yearly US dollars.
        low, high = job.salary_min or None, job.salary_max or None
        return PostingData(
            source=self.name,
            source_id=job.id,
            title=plain(job.position),
            company=plain(job.company),
            location=optional(job.location),
            remote=True,
            seniority=title_seniority(job.position, *job.tags),
            salary_min=low,
            salary_max=high,
            salary_currency="USD" if low or high else None,
            description_text=text,
            description_html=safe_html,
            url=job.url,
            apply_url=job.apply_url or job.url,
            posted_at=utc_from_iso(job.date) or utc_from_epoch(job.epoch),
            extra={
                "attribution": ATTRIBUTION,
                "attribution_url": job.url or ATTRIBUTION_URL,
                "tags": optional(", ".join(job.tags), 1000),
                "salary_period": "year" if low or high else None,
            },
        )
