"""Company research, cached in `company_research` and shared by every user.

    row = get_or_research(db, "ACME GmbH", postings, online=settings.RESEARCH_ONLINE,
                          client=llm, max_age_days=settings.RESEARCH_CACHE_DAYS)

One row per normalised company name (`company_key`, unique). A row is reused
until `expires_at`; then (or when online research is now wanted and the row
only holds the postings-only profile) it is researched again. Concurrent
workers researching the same company both write through one atomic
`INSERT ... ON CONFLICT (company_key) DO UPDATE` (SQLite and PostgreSQL), the
newer research winning, so neither fails and no duplicate appears.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from jobagent_core.db.base import new_id, utcnow
from jobagent_core.db.models import CompanyResearch
from jobagent_core.discovery.dedupe import company_key
from jobagent_core.discovery.places import fold
from jobagent_core.discovery.schema import PostingData
from jobagent_core.llm import LlmClient
from jobagent_core.research.offline import research_offline
from jobagent_core.research.online import ResearchResult, SiteFetch, research_online
from jobagent_core.research.schemas import Citation, CompanyProfile

log = logging.getLogger(__name__)

DEFAULT_MAX_AGE_DAYS = 14
# A failed online attempt is retried after this long, not after the full max age.
FALLBACK_MAX_AGE = timedelta(days=1)


def research_key(company_name: str) -> str:
    """The cache key of a company: its normalised name ("ACME GmbH" -> "acme").
    Raises ValueError for a name with nothing to key on."""
    key = company_key(company_name) or " ".join(fold(company_name).split())
    if not key:
        raise ValueError("a company name is needed to research a company")
    return key


def is_fresh(row: CompanyResearch, *, online: bool, now: datetime | None = None) -> bool:
    """Whether `row` can be served as is: not expired, and when online research
    is wanted, made online (or by an online attempt that fell back recently)."""
    now = now or utcnow()
    if row.expires_at is None or row.expires_at <= now:
        return False
    return not (online and row.method == "offline")


def get_or_research(
    db: Session,
    company_name: str,
    postings: Sequence[PostingData],
    *,
    online: bool,
    client: LlmClient | None,
    max_age_days: int = DEFAULT_MAX_AGE_DAYS,
    website: str | None = None,
    fetch: SiteFetch | None = None,
    on_note: Callable[[str], None] | None = None,
) -> CompanyResearch:
    """The cached research on `company_name`, researched now when missing or stale.

    `online` fetches the company's website and summarises it with `client`
    (falling back to the postings-only profile, method "fallback", with the
    reason passed to `on_note`, e.g. a run's warnings). Fresh research expires
    after `max_age_days` (a fallback after at most a day, to retry online
    sooner); an expired online profile whose refresh falls back is kept and
    retried a day later. The write happens in `db`'s transaction; commit soon,
    as PostgreSQL holds the row's lock until then.
    """
    key = research_key(company_name)
    row = db.scalars(select(CompanyResearch).where(CompanyResearch.company_key == key)).first()
    if row is not None and is_fresh(row, online=online):
        return row
    if online:
        result = research_online(
            company_name, postings, client=client, website=website, fetch=fetch
        )
    else:
        result = ResearchResult(research_offline(company_name, postings), "offline")
    if result.note and on_note is not None:
        on_note(f"research on {company_name}: {result.note}")
    return store_research(db, key, result, max_age_days=max_age_days, current=row)


def store_research(
    db: Session,
    key: str,
    result: ResearchResult,
    *,
    max_age_days: int = DEFAULT_MAX_AGE_DAYS,
    current: CompanyResearch | None = None,
) -> CompanyResearch:
    """Write `result` for the company `key` (see `research_key`) in `db`'s transaction.

    Fresh research expires after `max_age_days`, a fallback after at most a day;
    an online profile already stored (`current`, looked up when not given) is kept
    over a fallback and retried a day later. Callers that research with no
    session open (the workflow) read, research, then call this in a short write.
    """
    now = utcnow()
    if result.method == "fallback":
        if current is None:
            current = db.scalars(
                select(CompanyResearch).where(CompanyResearch.company_key == key)
            ).first()
        if current is not None and current.method == "online":
            # Stale research from the website beats fresh research from postings.
            current.expires_at = now + FALLBACK_MAX_AGE
            db.flush()
            return current
        max_age = min(timedelta(days=max_age_days), FALLBACK_MAX_AGE)
    else:
        max_age = timedelta(days=max_age_days)
    return _save(db, key, result, researched_at=now, expires_at=now + max_age)


def profile_from_row(row: CompanyResearch) -> CompanyProfile:
    """The stored research as a `CompanyProfile` (e.g. to hand to the letter writer)."""
    return CompanyProfile(
        company_name=row.company_name,
        website=row.website,
        summary=row.summary or f"No research on {row.company_name} yet.",
        facts=row.facts or {},
        citations=[Citation.model_validate(c) for c in row.citations or []],
    )


def _save(
    db: Session,
    key: str,
    result: ResearchResult,
    *,
    researched_at: datetime,
    expires_at: datetime,
) -> CompanyResearch:
    profile = result.profile
    values: dict[str, Any] = {
        "company_name": profile.company_name,
        "website": profile.website,
        "summary": profile.summary,
        "facts": dict(profile.facts),
        "citations": [c.model_dump() for c in profile.citations],
        "method": result.method,
        "researched_at": researched_at,
        "expires_at": expires_at,
        "updated_at": researched_at,
    }
    dialect = db.get_bind().dialect.name
    if dialect == "postgresql":
        insert: Any = postgresql.insert(CompanyResearch)
    elif dialect == "sqlite":
        insert = sqlite.insert(CompanyResearch)
    else:  # pragma: no cover - the product runs on these two only
        raise NotImplementedError(f"company research cache: unsupported database {dialect}")
    statement = insert.values(
        id=new_id(), company_key=key, created_at=researched_at, **values
    ).on_conflict_do_update(
        index_elements=[CompanyResearch.company_key],
        set_={name: insert.excluded[name] for name in values},
        # A slower worker finishing older research must not overwrite newer.
        where=CompanyResearch.researched_at <= insert.excluded.researched_at,
    )
    db.execute(statement)
    return db.scalars(
        select(CompanyResearch)
        .where(CompanyResearch.company_key == key)
        .execution_options(populate_existing=True)
    ).one()
