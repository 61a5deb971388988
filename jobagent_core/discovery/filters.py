"""The person's hard filters, applied to postings from every source the same way."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from pydantic import BaseModel, ConfigDict, Field, field_validator

from jobagent_core.discovery.dedupe import company_key
from jobagent_core.discovery.places import Places, fold, places_in, words
from jobagent_core.discovery.schema import PostingData, Seniority
from jobagent_core.discovery.seniority import title_seniority

# Words in the wanted location that mean "on site, please": remote postings then
# no longer match every location.
_ON_SITE = re.compile(
    r"\b(?:on[- ]?site|in[- ]office|office only|no remote|not remote|vor ort|prasenz"
    r"|sur site|presentiel|presencial)\b"
)
_REMOTE_WORDS = re.compile(r"\b(?:remote|anywhere|teletravail|homeoffice|home office|wfh)\b")


def infer_seniority(posting: PostingData) -> Seniority:
    """The posting's seniority; else what its title states; else "mid"."""
    return posting.seniority or title_seniority(posting.title) or "mid"


class PostingFilters(BaseModel):
    """Hard filters. Empty lists and None mean "no filter"."""

    model_config = ConfigDict(frozen=True, str_strip_whitespace=True)

    location: str | None = None
    remote_only: bool = False
    posted_within_days: int | None = Field(default=None, ge=1, le=365)
    excluded_companies: list[str] = Field(default_factory=list)
    excluded_keywords: list[str] = Field(default_factory=list)
    seniority: list[Seniority] = Field(default_factory=list)

    @field_validator("location")
    @classmethod
    def _blank_is_none(cls, value: str | None) -> str | None:
        return value or None

    @field_validator("excluded_companies", "excluded_keywords")
    @classmethod
    def _drop_blank(cls, values: list[str]) -> list[str]:
        return [v.strip() for v in values if v and v.strip()]


def _overlap(a: Places, b: Places) -> bool:
    """Whether two named areas overlap, compared at the finest level both name: two
    cities must be the same city; a city and a country only the same country."""
    if a.worldwide or b.worldwide:
        return True
    if a.cities and b.cities:
        return bool(a.cities & b.cities)
    if a.countries and b.countries:
        return bool(a.countries & b.countries)
    return bool(a.regions & b.regions)


class _LocationMatcher:
    def __init__(self, location: str) -> None:
        folded = fold(location)
        self.on_site = bool(_ON_SITE.search(folded))
        cleaned = _ON_SITE.sub(" ", folded)
        self.remote_wanted = bool(_REMOTE_WORDS.search(cleaned))
        self.text = words(_REMOTE_WORDS.sub(" ", cleaned))
        self.places = places_in(self.text)

    def __call__(self, posting: PostingData) -> bool:
        if posting.remote and self.on_site:
            return False
        if not self.text:  # "remote" or "on site" alone
            return posting.remote or not self.remote_wanted
        offered = places_in(posting.location or "")
        if posting.remote:
            # Remote fits anywhere, unless the posting names only an area
            # ("Remote (US)", "Remote – Europe"): then the wanted place must be in it.
            limited = bool(offered.countries or offered.regions) and not offered.cities
            return not (limited and self.places.known) or _overlap(self.places, offered)
        if self.places.known and offered.known:
            return _overlap(self.places, offered)
        phrase = rf"(?<![a-z0-9]){re.escape(self.text)}(?![a-z0-9])"
        return re.search(phrase, words(posting.location or "")) is not None


def _keyword_pattern(keywords: Iterable[str]) -> re.Pattern[str] | None:
    alternatives = [re.escape(fold(k)) for k in keywords]
    if not alternatives:
        return None
    return re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)")


def apply_filters(
    postings: Iterable[PostingData], filters: PostingFilters, *, now: datetime | None = None
) -> list[PostingData]:
    """The postings that pass every filter, in their original order.

    - location: case- and accent-insensitive; known cities and countries match
      across languages ("München" = "Munich", "Deutschland" finds "Berlin"),
      anything else matches as whole words of the posting's location. Remote
      postings match every location, unless the wanted location says "on site"
      ("Berlin, on-site") or the posting is limited to an area that does not
      contain it ("Remote (US)" does not match "Berlin"). "Remote" alone keeps
      remote postings only.
    - remote_only: `posting.remote` must be true.
    - posted_within_days: posted no earlier than `now` minus that many days;
      postings without a date are kept (nothing proves them stale).
    - excluded_companies: compared by `company_key` ("ACME GmbH" excludes "Acme").
    - excluded_keywords: whole words, case- and accent-insensitive, in the title
      or description.
    - seniority: `infer_seniority(posting)` must be one of the listed levels.
    """
    match_location = _LocationMatcher(filters.location) if filters.location else None
    cutoff = None
    if filters.posted_within_days is not None:
        cutoff = (now or datetime.now(UTC)) - timedelta(days=filters.posted_within_days)
    excluded = {company_key(c) for c in filters.excluded_companies}
    keywords = _keyword_pattern(filters.excluded_keywords)
    levels = set(filters.seniority)

    kept: list[PostingData] = []
    for posting in postings:
        if filters.remote_only and not posting.remote:
            continue
        if match_location is not None and not match_location(posting):
            continue
        if cutoff is not None and posting.posted_at is not None and posting.posted_at < cutoff:
            continue
        if excluded and company_key(posting.company) in excluded:
            continue
        if keywords is not None and keywords.search(
            fold(f"{posting.title}\n{posting.description_text}")
        ):
            continue
        if levels and infer_seniority(posting) not in levels:
            continue
        kept.append(posting)
    return kept
