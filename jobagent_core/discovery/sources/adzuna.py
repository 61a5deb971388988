"""Adzuna job search (needs an app id and key; one country per source).

`GET https://api.adzuna.com/v1/api/jobs/{country}/search/{page}?app_id=...&app_key=...
&what=...&where=...&results_per_page=N` returns `{"count": n, "results": [...]}`,
pages counted from 1. Titles and descriptions carry `<strong>` highlights and the
description is a snippet. Salaries are in the country's currency; predicted ones
(`salary_is_predicted: "1"`) are not the employer's and are left out.
"""

from __future__ import annotations

from urllib.parse import quote

from pydantic import BaseModel

from jobagent_core.discovery.http import HttpOptions, HttpPolicy, Params
from jobagent_core.discovery.schema import PostingData
from jobagent_core.discovery.seniority import title_seniority
from jobagent_core.discovery.sources.base import SearchQuery, SourceResult
from jobagent_core.discovery.sources.fetching import (
    add_items,
    fetch_json,
    parse_page,
)
from jobagent_core.discovery.sources.text import (
    MAX_HTML_CHARS,
    cap_text,
    optional,
    strip_tags,
)
from jobagent_core.discovery.sources.values import (
    bounded_id,
    employment_type,
    mentions_remote,
    utc_from_iso,
)

API = "https://api.adzuna.com"
# The free tier allows 25 requests a minute.
POLICY = HttpPolicy(min_interval=2.5, burst=2)
CURRENCIES = {
    "at": "EUR",
    "au": "AUD",
    "be": "EUR",
    "br": "BRL",
    "ca": "CAD",
    "ch": "CHF",
    "de": "EUR",
    "es": "EUR",
    "fr": "EUR",
    "gb": "GBP",
    "in": "INR",
    "it": "EUR",
    "mx": "MXN",
    "nl": "EUR",
    "nz": "NZD",
    "pl": "PLN",
    "sg": "SGD",
    "us": "USD",
    "za": "ZAR",
}
COUNTRIES = frozenset(CURRENCIES)


class _Named(BaseModel):
    display_name: str | None = None


class _Category(BaseModel):
    label: str | None = None


class _Job(BaseModel):
    id: str
    title: str
    description: str = ""
    created: str | None = None
    redirect_url: str | None = None
    company: _Named = _Named()
    location: _Named = _Named()
    category: _Category = _Category()
    salary_min: float | None = None
    salary_max: float | None = None
    salary_is_predicted: str | int | None = None
    contract_type: str | None = None
    contract_time: str | None = None


class _Page(BaseModel):
    count: int = 0
    results: list[object]


class AdzunaSource:
    """Adzuna results for `query.title` near `query.location` in one country."""

    def __init__(
        self,
        country: str,
        app_id: str,
        app_key: str,
        *,
        page_size: int = 50,
        max_pages: int = 3,
        base_url: str | None = None,
        http: HttpOptions | None = None,
    ) -> None:
        country = country.lower()
        if country not in COUNTRIES:
            raise ValueError(
                f"Adzuna has no job search for country '{country}' — "
                f"use one of {', '.join(sorted(COUNTRIES))}"
            )
        if not (app_id and app_key):
            raise ValueError("Adzuna needs ADZUNA_APP_ID and ADZUNA_APP_KEY")
        self.country = country
        self.name = f"adzuna:{country}"
        self._app_id = app_id
        self._app_key = app_key
        self.page_size = min(page_size, 50)
        self.max_pages = max_pages
        self.base_url = (base_url or API).rstrip("/")
        self._http = http or HttpOptions()

    def __repr__(self) -> str:  # never show the credentials
        return f"AdzunaSource(country={self.country!r}, base_url={self.base_url!r})"

    def search(self, query: SearchQuery) -> SourceResult:
        result = SourceResult()
        secrets = [self._app_id, self._app_key]
        with self._http.client(POLICY, secrets=secrets) as client:
            for page in range(1, self.max_pages + 1):
                label = f"Adzuna ({self.country}) page {page}"
                url = f"{self.base_url}/v1/api/jobs/{quote(self.country)}/search/{page}"
                params: Params = {
                    "app_id": self._app_id,
                    "app_key": self._app_key,
                    "results_per_page": self.page_size,
                    "what": query.title,
                    "where": query.location,
                    "max_days_old": query.posted_within_days,
                }
                payload = fetch_json(
                    client,
                    url,
                    params,
                    result,
                    label=label,
                    not_found=f"Adzuna search for country '{self.country}' not found (HTTP 404)",
                )
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
                done = page * self.page_size >= parsed.count or len(parsed.results) < self.page_size
                if done or len(result.postings) >= query.limit:
                    break
        return result

    def _posting(self, job: _Job) -> PostingData:
        title = strip_tags(job.title)
        location = job.location.display_name
        given = str(job.salary_is_predicted or "0") != "1"
        low = job.salary_min if given else None
        high = job.salary_max if given else None
        return PostingData(
            source=self.name,
            source_id=bounded_id(job.id),
            title=title,
            company=strip_tags(job.company.display_name) or "Unknown company",
            location=optional(location),
            remote=mentions_remote(title, location),
            employment_type=employment_type(job.contract_time)
            or ("contract" if job.contract_type == "contract" else None),
            seniority=title_seniority(title),
            salary_min=low,
            salary_max=high,
            salary_currency=CURRENCIES[self.country] if low or high else None,
            description_text=cap_text(strip_tags(job.description[:MAX_HTML_CHARS])),
            url=job.redirect_url,
            apply_url=job.redirect_url,
            posted_at=utc_from_iso(job.created),
            extra={
                "category": optional(job.category.label),
                "contract_type": job.contract_type,
                "salary_predicted": not given,
                "salary_period": "year" if low or high else None,
            },
        )
