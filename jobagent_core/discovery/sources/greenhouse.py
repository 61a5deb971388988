"""Greenhouse company job boards (public Job Board API, no key).

`GET https://boards-api.greenhouse.io/v1/boards/{token}/jobs?content=true&pay_transparency=true`
returns the whole board in one response: `{"jobs": [...], "meta": {"total": n}}`. The
`content` field is HTML that has itself been HTML-escaped (`&lt;p&gt;`). With
`pay_transparency=true` a job carries `pay_input_ranges`:
`[{"min_cents", "max_cents", "currency_type", "title", "blurb"}]`; boards also render
the range into `content` as `<div class="content-pay-transparency">`.
"""

from __future__ import annotations

import html
from urllib.parse import quote

from pydantic import BaseModel

from jobagent_core.discovery.schema import PostingData
from jobagent_core.discovery.seniority import title_seniority
from jobagent_core.discovery.sources.company_board import CompanyBoardSource
from jobagent_core.discovery.sources.pay import (
    Pay,
    pay_from_description,
    pay_span,
    salary_period,
)
from jobagent_core.discovery.sources.text import (
    company_from_slug,
    describe_html,
    optional,
    plain,
    strip_tags,
)
from jobagent_core.discovery.sources.values import (
    employment_type,
    language_code,
    mentions_remote,
    utc_from_iso,
)

API = "https://boards-api.greenhouse.io"


class _Named(BaseModel):
    name: str | None = None


class _Office(BaseModel):
    name: str | None = None
    location: str | None = None


class _Field(BaseModel):
    name: str | None = None
    value: object = None


class _PayRange(BaseModel):
    min_cents: float | None = None
    max_cents: float | None = None
    currency_type: str | None = None
    title: str | None = None
    blurb: str | None = None


class _Job(BaseModel):
    id: int
    title: str
    absolute_url: str | None = None
    location: _Named | None = None
    content: str | None = None
    company_name: str | None = None
    language: str | None = None
    first_published: str | None = None
    updated_at: str | None = None
    requisition_id: str | None = None
    departments: list[_Named] = []
    offices: list[_Office] = []
    metadata: list[_Field] | None = None
    pay_input_ranges: list[_PayRange] | None = None


class GreenhouseSource(CompanyBoardSource[_Job]):
    """Every open job on one Greenhouse board (the query is not sent: filter later)."""

    kind = "greenhouse"
    title = "Greenhouse"
    api = API
    params = {"content": "true", "pay_transparency": "true"}
    job_model = _Job

    def board_path(self) -> str:
        return f"/v1/boards/{quote(self.board, safe='')}/jobs"

    def _posting(self, job: _Job) -> PostingData:
        content = html.unescape(job.content or "")
        text, safe_html = describe_html(content)
        pay = _structured_pay(job.pay_input_ranges or []) or pay_from_description(content, text)
        location = job.location.name if job.location else None
        custom = {plain(f.name).lower(): f.value for f in job.metadata or [] if f.name}
        kind = next(
            (
                str(value)
                for key, value in custom.items()
                if key in ("employment type", "job type", "commitment", "type") and value
            ),
            None,
        )
        department = job.departments[0].name if job.departments else None
        office = job.offices[0] if job.offices else None
        return PostingData(
            source=self.name,
            source_id=str(job.id),
            title=plain(job.title),
            company=plain(job.company_name) or self.company or company_from_slug(self.board),
            location=optional(location),
            remote=mentions_remote(location, job.title),
            employment_type=employment_type(kind),
            seniority=title_seniority(job.title),
            salary_min=pay.min,
            salary_max=pay.max,
            salary_currency=pay.currency,
            language=language_code(job.language),
            description_text=text,
            description_html=safe_html,
            url=job.absolute_url,
            apply_url=job.absolute_url,
            posted_at=utc_from_iso(job.first_published) or utc_from_iso(job.updated_at),
            extra={
                "board": self.board,
                "department": optional(department),
                "office": optional(office.location or office.name) if office else None,
                "requisition_id": job.requisition_id,
                "salary_period": pay.period,
                "compensation": pay.summary,
            },
        )


def _structured_pay(ranges: list[_PayRange]) -> Pay:
    """The span of a job's `pay_input_ranges` (one per zone or tier), in cents."""
    read = [
        (
            r.min_cents / 100 if r.min_cents and r.min_cents > 0 else None,
            r.max_cents / 100 if r.max_cents and r.max_cents > 0 else None,
            _currency(r.currency_type),
        )
        for r in ranges
    ]
    low, high, currency = pay_span(read)
    if not (low or high):
        return Pay()
    labels = [plain(r.title) for r in ranges] + [strip_tags(r.blurb) for r in ranges]
    summary = "; ".join(
        f"{plain(r.title) + ': ' if plain(r.title) else ''}{_money(lo)} – {_money(hi)} {cur or ''}"
        for r, (lo, hi, cur) in zip(ranges, read, strict=True)
        if lo or hi
    )
    period = next((p for p in (salary_period(label) for label in labels) if p), None)
    return Pay(low, high, currency, period, optional(summary))


def _currency(code: str | None) -> str | None:
    code = (code or "").strip().upper()
    return code if len(code) == 3 and code.isalpha() else None


def _money(value: float | None) -> str:
    return "?" if value is None else f"{value:,.0f}"
