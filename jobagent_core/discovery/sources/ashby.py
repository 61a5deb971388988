"""Ashby company job boards (public Job Posting API, no key).

`GET https://api.ashbyhq.com/posting-api/job-board/{board}?includeCompensation=true`
returns the whole board at once: `{"apiVersion": "1", "jobs": [...]}`. No paging.
An unknown board answers 404 — or an empty list, so an empty board gets a gentle
warning too.
"""

from __future__ import annotations

from urllib.parse import quote

from pydantic import BaseModel

from jobagent_core.discovery.schema import PostingData
from jobagent_core.discovery.seniority import title_seniority
from jobagent_core.discovery.sources.base import SourceResult
from jobagent_core.discovery.sources.company_board import CompanyBoardSource
from jobagent_core.discovery.sources.pay import (
    Pay,
    pay_from_description,
    pay_from_summary,
    salary_period,
)
from jobagent_core.discovery.sources.text import (
    company_from_slug,
    describe_html,
    describe_text,
    optional,
    plain,
)
from jobagent_core.discovery.sources.values import (
    employment_type,
    mentions_remote,
    utc_from_iso,
)

API = "https://api.ashbyhq.com"


class _Component(BaseModel):
    compensationType: str | None = None
    interval: str | None = None
    currencyCode: str | None = None
    minValue: float | None = None
    maxValue: float | None = None


class _Compensation(BaseModel):
    compensationTierSummary: str | None = None
    scrapeableCompensationSalarySummary: str | None = None
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


class AshbySource(CompanyBoardSource[_Job]):
    """Every listed job on one Ashby board (the query is not sent: filter later)."""

    kind = "ashby"
    title = "Ashby"
    api = API
    params = {"includeCompensation": "true"}
    job_model = _Job

    def board_path(self) -> str:
        return f"/posting-api/job-board/{quote(self.board, safe='')}"

    def _open_jobs(self, jobs: list[object], result: SourceResult) -> list[object]:
        if not jobs:
            result.warnings.append(
                f"Ashby board '{self.board}' lists no open jobs — if you expected some, "
                "check the board name"
            )
        return [j for j in jobs if not (isinstance(j, dict) and j.get("isListed") is False)]

    def _posting(self, job: _Job) -> PostingData:
        if job.descriptionHtml:
            text, safe_html = describe_html(job.descriptionHtml)
        else:
            text, safe_html = describe_text(job.descriptionPlain), None
        comp = job.compensation or _Compensation()
        salary = next(
            (
                c
                for c in comp.summaryComponents
                if (c.compensationType or "").lower() == "salary" and (c.minValue or c.maxValue)
            ),
            None,
        )
        pay = Pay()
        if salary is None:  # no structured range: the summary, else the description
            pay = (
                pay_from_summary(comp.scrapeableCompensationSalarySummary)
                or pay_from_summary(comp.compensationTierSummary)
                or pay_from_description(job.descriptionHtml, text)
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
            salary_min=salary.minValue if salary else pay.min,
            salary_max=salary.maxValue if salary else pay.max,
            salary_currency=salary.currencyCode if salary else pay.currency,
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
                "salary_period": salary_period(salary.interval) if salary else pay.period,
                "compensation": optional(comp.compensationTierSummary) or pay.summary,
            },
        )
