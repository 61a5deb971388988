"""Ashby company job boards (public Job Posting API, no key).

`GET https://api.ashbyhq.com/posting-api/job-board/{board}?includeCompensation=true`
returns the whole board at once: `{"apiVersion": "1", "jobs": [...]}`. No paging.
An unknown board answers 404 — or an empty list, so an empty board gets a gentle
warning too.
"""

from __future__ import annotations

from urllib.parse import quote

from pydantic import BaseModel

from jobagent_core.discovery.http import HttpOptions, HttpPolicy
from jobagent_core.discovery.schema import PostingData
from jobagent_core.discovery.seniority import title_seniority
from jobagent_core.discovery.sources.base import SearchQuery, SourceResult
from jobagent_core.discovery.sources.common import (
    add_items,
    company_from_slug,
    describe_html,
    describe_text,
    employment_type,
    fetch_json,
    mentions_remote,
    optional,
    parse_page,
    plain,
    salary_period,
    utc_from_iso,
)

API = "https://api.ashbyhq.com"
POLICY = HttpPolicy(min_interval=1.0, burst=3)


class _Component(BaseModel):
    compensationType: str | None = None
    interval: str | None = None
    currencyCode: str | None = None
    minValue: float | None = None
    maxValue: float | None = None


class _Compensation(BaseModel):
    compensationTierSummary: str | None = None
    summaryComponents: list[_Component] = []


class _Secondary(BaseModel):
    location: str | None = None


class _Job(BaseModel):
    id: str
    title: str
    department: str | None = None
    team: str | None = None
    employmentType: str | None = None
    location: str | None = None
    secondaryLocations: list[_Secondary] = []
    isListed: bool = True
    isRemote: bool | None = None
    workplaceType: str | None = None
    publishedAt: str | None = None
    jobUrl: str | None = None
    applyUrl: str | None = None
    descriptionHtml: str | None = None
    descriptionPlain: str | None = None
    compensation: _Compensation | None = None


class _Board(BaseModel):
    jobs: list[object]


class AshbySource:
    """Every listed job on one Ashby board (the query is not sent: filter later)."""

    def __init__(
        self,
        board: str,
        *,
        company: str | None = None,
        base_url: str | None = None,
        http: HttpOptions | None = None,
    ) -> None:
        self.board = board
        self.name = f"ashby:{board}"
        self.company = company
        self.base_url = (base_url or API).rstrip("/")
        self._http = http or HttpOptions()

    def search(self, query: SearchQuery) -> SourceResult:
        result = SourceResult()
        label = f"Ashby board '{self.board}'"
        url = f"{self.base_url}/posting-api/job-board/{quote(self.board, safe='')}"
        with self._http.client(POLICY) as client:
            payload = fetch_json(
                client,
                url,
                {"includeCompensation": "true"},
                result,
                label=label,
                not_found=f"Ashby board '{self.board}' not found — check the board name",
            )
        board = parse_page(_Board, payload, result, label=label)
        if board is None:
            return result
        if not board.jobs:
            result.warnings.append(
                f"Ashby board '{self.board}' lists no open jobs — if you expected some, "
                "check the board name"
            )
        listed = [j for j in board.jobs if not (isinstance(j, dict) and j.get("isListed") is False)]
        add_items(result, listed, model=_Job, convert=self._posting, label=label, limit=query.limit)
        return result

    def _posting(self, job: _Job) -> PostingData:
        if job.descriptionHtml:
            text, safe_html = describe_html(job.descriptionHtml)
        else:
            text, safe_html = describe_text(job.descriptionPlain), None
        salary = next(
            (
                c
                for c in (job.compensation.summaryComponents if job.compensation else [])
                if (c.compensationType or "").lower() == "salary"
            ),
            None,
        )
        locations = [job.location, *(s.location for s in job.secondaryLocations)]
        workplace = (job.workplaceType or "").lower()
        return PostingData(
            source=self.name,
            source_id=job.id,
            title=plain(job.title),
            company=self.company or company_from_slug(self.board),
            location=optional("; ".join(loc for loc in locations if loc)),
            remote=bool(job.isRemote) or workplace == "remote" or mentions_remote(job.location),
            employment_type=employment_type(job.employmentType),
            seniority=title_seniority(job.title),
            salary_min=salary.minValue if salary else None,
            salary_max=salary.maxValue if salary else None,
            salary_currency=salary.currencyCode if salary else None,
            description_text=text,
            description_html=safe_html,
            url=job.jobUrl,
            apply_url=job.applyUrl or job.jobUrl,
            posted_at=utc_from_iso(job.publishedAt),
            extra={
                "board": self.board,
                "department": optional(job.department),
                "team": optional(job.team),
                "workplace_type": job.workplaceType,
                "salary_period": salary_period(salary.interval) if salary else None,
                "compensation": optional(
                    job.compensation.compensationTierSummary if job.compensation else None
                ),
            },
        )
