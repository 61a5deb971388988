"""Lever company job sites (public Postings API, no key).

`GET https://api.lever.co/v0/postings/{site}?mode=json&skip=N&limit=M` returns a
JSON array of postings; an EU-hosted site lives on `api.eu.lever.co`. `createdAt`
is in milliseconds since the epoch. An unknown site answers 404
`{"ok": false, "error": "Document not found"}`.
"""

from __future__ import annotations

import html
from typing import Literal
from urllib.parse import quote

from pydantic import BaseModel, RootModel

from jobagent_core.discovery.http import HttpOptions, HttpPolicy, Params
from jobagent_core.discovery.schema import PostingData
from jobagent_core.discovery.seniority import title_seniority
from jobagent_core.discovery.sources.base import SearchQuery, SourceResult
from jobagent_core.discovery.sources.fetching import (
    add_items,
    fetch_json,
    parse_page,
)
from jobagent_core.discovery.sources.pay import (
    Pay,
    pay_from_description,
    pay_from_summary,
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
    mentions_remote,
    utc_from_epoch,
)

Region = Literal["global", "eu"]
HOSTS: dict[Region, str] = {"global": "https://api.lever.co", "eu": "https://api.eu.lever.co"}
POLICY = HttpPolicy(min_interval=1.0, burst=3)
MAX_PAGES = 20


class _Categories(BaseModel):
    commitment: str | None = None
    department: str | None = None
    location: str | None = None
    team: str | None = None
    allLocations: list[str] = []


class _List(BaseModel):
    text: str = ""
    content: str = ""


class _Salary(BaseModel):
    currency: str | None = None
    interval: str | None = None
    min: float | None = None
    max: float | None = None


class _Posting(BaseModel):
    id: str
    text: str
    hostedUrl: str | None = None
    applyUrl: str | None = None
    createdAt: int | None = None
    categories: _Categories = _Categories()
    description: str = ""
    lists: list[_List] = []
    additional: str = ""
    workplaceType: str | None = None
    country: str | None = None
    salaryRange: _Salary | None = None
    salaryDescription: str | None = None
    salaryDescriptionPlain: str | None = None


class _Page(RootModel[list[object]]):
    pass


class LeverSource:
    """Every open posting on one Lever site, fetched `page_size` at a time."""

    def __init__(
        self,
        site: str,
        *,
        region: Region = "global",
        company: str | None = None,
        page_size: int = 100,
        base_url: str | None = None,
        http: HttpOptions | None = None,
    ) -> None:
        self.site = site
        self.region = region
        self.name = f"lever:eu:{site}" if region == "eu" else f"lever:{site}"
        self.company = company
        self.page_size = page_size
        self.base_url = (base_url or HOSTS[region]).rstrip("/")
        self._http = http or HttpOptions()

    def search(self, query: SearchQuery) -> SourceResult:
        result = SourceResult()
        label = f"Lever site '{self.site}'"
        url = f"{self.base_url}/v0/postings/{quote(self.site, safe='')}"
        with self._http.client(POLICY) as client:
            for page in range(MAX_PAGES):
                params: Params = {
                    "mode": "json",
                    "skip": page * self.page_size,
                    "limit": self.page_size,
                }
                payload = fetch_json(
                    client,
                    url,
                    params,
                    result,
                    label=label,
                    not_found=f"Lever site '{self.site}' not found — check the site name"
                    + ("" if self.region == "eu" else " (or whether it is EU-hosted: lever:eu:…)"),
                )
                parsed = parse_page(_Page, payload, result, label=label)
                if parsed is None:
                    break
                add_items(
                    result,
                    parsed.root,
                    model=_Posting,
                    convert=self._posting,
                    label=label,
                    limit=query.limit,
                )
                if len(parsed.root) < self.page_size or len(result.postings) >= query.limit:
                    break
        return result

    def posting_of(self, raw: object) -> PostingData:
        """One posting as `GET /v0/postings/{site}/{id}` returns it. Raises pydantic's
        ValidationError for a posting of another shape."""
        return self._posting(_Posting.model_validate(raw))

    def _posting(self, item: _Posting) -> PostingData:
        # The `lists` are the role (what you'll do, requirements): a long description
        # never pushes them out of the capped text.
        lists = [f"<h3>{html.escape(b.text)}</h3><ul>{b.content}</ul>" for b in item.lists]
        sections = [item.description, *lists, item.additional]
        raw = "".join(s for s in sections if s)
        text, safe_html = describe_html(raw, keep=lists)
        cats = item.categories
        location = cats.location or ", ".join(cats.allLocations) or None
        salary = item.salaryRange
        pay = Pay()
        if salary is None or not (salary.min or salary.max):
            salary = None
            pay = pay_from_summary(
                strip_tags(item.salaryDescription) or item.salaryDescriptionPlain
            ) or pay_from_description(raw, text)
        return PostingData(
            source=self.name,
            source_id=item.id,
            title=plain(item.text),
            company=self.company or company_from_slug(self.site),
            location=optional(location),
            remote=(item.workplaceType or "").lower() == "remote" or mentions_remote(location),
            employment_type=employment_type(cats.commitment),
            seniority=title_seniority(item.text),
            salary_min=salary.min if salary else pay.min,
            salary_max=salary.max if salary else pay.max,
            salary_currency=salary.currency if salary else pay.currency,
            description_text=text,
            description_html=safe_html,
            url=item.hostedUrl,
            apply_url=item.applyUrl or item.hostedUrl,
            posted_at=utc_from_epoch(item.createdAt, milliseconds=True),
            extra={
                "site": self.site,
                "department": optional(cats.department),
                "team": optional(cats.team),
                "workplace_type": item.workplaceType,
                "country": item.country,
                "salary_period": salary_period(salary.interval) if salary else pay.period,
                "compensation": optional(
                    strip_tags(item.salaryDescription) or item.salaryDescriptionPlain
                ),
            },
        )
