"""The person's hard filters, applied to postings from every source the same way."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from jobagent_core.discovery.dedupe import company_key
from jobagent_core.discovery.places import (
    Places,
    fold,
    place_in_text,
    places_in,
    remote_limits_in,
    words,
)
from jobagent_core.discovery.schema import PostingData, Seniority
from jobagent_core.discovery.seniority import title_seniority

# How the person takes remote roles: from employers anywhere, only when open to
# their country or region, or not at all (on-site and hybrid roles only).
RemoteOption = Literal["anywhere", "region", "no"]
REMOTE_OPTIONS: tuple[RemoteOption, ...] = ("anywhere", "region", "no")
DEFAULT_REMOTE: RemoteOption = "region"

# Words in the wanted location that mean "on site, please": remote postings then
# no longer match every location.
_ON_SITE = re.compile(
    r"\b(?:on[- ]?site|in[- ]office|office only|no remote|not remote|vor ort|prasenz"
    r"|sur site|presentiel|presencial)\b"
)
_REMOTE_WORDS = re.compile(r"\b(?:remote|anywhere|teletravail|homeoffice|home office|wfh)\b")
# A posting's location or title saying the job is partly in the office.
_HYBRID = re.compile(
    r"\b(?:hybrid\w*|hybride|hibrido|teilweise (?:remote|homeoffice|mobil)"
    r"|\d ?(?:tage?|days?) (?:pro woche |a week |per week )?(?:im |in the )?(?:office|buro))\b"
)
# A description saying the whole job is remote ("fully remote", "100% remote").
_FULLY_REMOTE = re.compile(
    r"\b(?:fully|100 ?%|completely|entirely|full|komplett|vollstandig|100 ?% im)[ -]"
    r"(?:remote|homeoffice|home office|mobil)\b|\bremote[- ]first\b|\bwork from anywhere\b"
    r"|\bteletravail (?:complet|total|a 100)"
)
_NOWHERE = Places(frozenset(), frozenset(), frozenset(), False)


@dataclass(frozen=True)
class PostingPlace:
    """Where a posting's job is, as the filters and the ranking read it.

    `source` says where the place came from: the location field, the description
    (the field was empty or named no known place), or nowhere ("location not
    stated"). For remote postings `places` are the areas the role is limited to,
    if any ("Remote (US)", "must be based in the US")."""

    text: str
    places: Places
    remote: bool
    hybrid: bool
    source: Literal["location", "description", "none"]


def posting_place(posting: PostingData) -> PostingPlace:
    """The place of `posting`: its location field; failing that, what its
    description states; hybrid roles count as on-site at their place."""
    return _place_of(
        posting.location or "", posting.title, bool(posting.remote), posting.description_text
    )


# A search asks for each posting's place several times (the filters, then the fit of
# every posting that can reach the top), and reading a description's remote limits is
# regex work: computed once per text. The result is immutable; strings cache their hash.
@lru_cache(maxsize=8192)
def _place_of(location: str, title: str, remote_flag: bool, description: str) -> PostingPlace:
    where = location.strip()
    folded = words(where)
    hybrid = bool(_HYBRID.search(fold(f"{where} {title}")))
    remote = (remote_flag or bool(_REMOTE_WORDS.search(folded))) and not hybrid
    places = places_in(where) if where else _NOWHERE
    source: Literal["location", "description", "none"] = "location" if where else "none"
    if places.known:
        return PostingPlace(where, places, remote, hybrid, source)
    if not where and not remote and _FULLY_REMOTE.search(fold(description[:20_000])):
        remote = True
    if remote:
        limits = remote_limits_in(description)
        if limits.known:
            return PostingPlace(where or "Remote", limits, True, False, "description")
        return PostingPlace(where or "Remote", places, True, False, source)
    if not where:
        stated = place_in_text(description)
        if stated:
            return PostingPlace(stated, places_in(stated), False, hybrid, "description")
    return PostingPlace(where, places, False, hybrid, source)


def infer_seniority(posting: PostingData) -> Seniority:
    """The posting's seniority; else what its title states; else "mid"."""
    return posting.seniority or title_seniority(posting.title) or "mid"


class PostingFilters(BaseModel):
    """Hard filters. Empty lists and None mean "no filter"."""

    model_config = ConfigDict(frozen=True, str_strip_whitespace=True)

    location: str | None = None
    remote_only: bool = False
    remote: RemoteOption = DEFAULT_REMOTE
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
    cities must be in the same metro area; a city and a country only the same country."""
    if a.worldwide or b.worldwide:
        return True
    if a.cities and b.cities:
        return bool(a.metros & b.metros)
    if a.countries and b.countries:
        return bool(a.countries & b.countries)
    return bool(a.regions & b.regions)


def read_wanted(location: str) -> tuple[str, bool, bool]:
    """A wanted location read: (its place as folded words, whether it says "on site",
    whether it says "remote"). "Berlin, on-site" -> ("berlin", True, False)."""
    folded = fold(location)
    cleaned = _ON_SITE.sub(" ", folded)
    text = words(_REMOTE_WORDS.sub(" ", cleaned))
    return text, bool(_ON_SITE.search(folded)), bool(_REMOTE_WORDS.search(cleaned))


class _LocationMatcher:
    def __init__(self, location: str, remote: RemoteOption = DEFAULT_REMOTE) -> None:
        self.text, on_site, self.remote_wanted = read_wanted(location)
        self.on_site = on_site or remote == "no"
        self.remote = remote
        self.places = places_in(self.text)

    def __call__(self, posting: PostingData) -> bool:
        where = posting_place(posting)
        if where.remote and self.on_site:
            return False
        if not self.text:  # "remote" or "on site" alone
            return where.remote or not self.remote_wanted
        offered = where.places
        if where.remote:
            return self._remote_fits(offered)
        if where.source == "none":
            # Location not stated: kept (ranked below known places), unless the
            # posting says nothing at all to go on.
            return bool(posting.description_text.strip())
        if self.places.known and offered.known:
            return _overlap(self.places, offered)
        phrase = rf"(?<![a-z0-9]){re.escape(self.text)}(?![a-z0-9])"
        return re.search(phrase, words(where.text)) is not None

    def _remote_fits(self, offered: Places) -> bool:
        """Remote fits anywhere with remote="anywhere". Otherwise not when the posting
        names only an area that does not contain the wanted place ("Remote (US)",
        "Remote (EST)" for Berlin), nor when its place lies in another region of the
        world altogether (a remote role in Philadelphia for Berlin)."""
        if self.remote == "anywhere" or not (self.places.known and offered.known):
            return True
        if offered.worldwide or not self.places.regions:
            return True
        if not offered.cities:
            return _overlap(self.places, offered)
        return bool(offered.regions & self.places.regions)


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
      anything else matches as whole words of the posting's location; cities
      match their metro area ("Potsdam" is in the Berlin area). Remote postings
      match every location, unless the wanted location says "on site" ("Berlin,
      on-site"), or `remote` says otherwise (below). "Remote" alone keeps remote
      postings only. A posting with no location takes the place its description
      states; one that states none is kept ("location not stated": the ranking
      puts it below known places), unless it has no description either.
    - remote: "anywhere" keeps every remote posting whatever the location;
      "region" (the default) drops, for a known wanted location, remote postings
      limited to an area that does not contain it ("Remote (US)", "Remote (EST)"
      do not match "Berlin") or placed in another region of the world (a remote
      role in Philadelphia); "no" drops remote postings (hybrid ones stay).
    - remote_only: the posting must be remote (not hybrid).
    - posted_within_days: posted no earlier than `now` minus that many days;
      postings without a date are kept (nothing proves them stale).
    - excluded_companies: compared by `company_key` ("ACME GmbH" excludes "Acme").
    - excluded_keywords: whole words, case- and accent-insensitive, in the title
      or description.
    - seniority: `infer_seniority(posting)` must be one of the listed levels.
    """
    match_location = (
        _LocationMatcher(filters.location, filters.remote) if filters.location else None
    )
    cutoff = None
    if filters.posted_within_days is not None:
        cutoff = (now or datetime.now(UTC)) - timedelta(days=filters.posted_within_days)
    excluded = {company_key(c) for c in filters.excluded_companies}
    keywords = _keyword_pattern(filters.excluded_keywords)
    levels = set(filters.seniority)

    kept: list[PostingData] = []
    for posting in postings:
        if filters.remote_only or filters.remote == "no":
            remote = posting_place(posting).remote
            if (filters.remote_only and not remote) or (filters.remote == "no" and remote):
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
