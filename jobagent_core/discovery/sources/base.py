"""The interface every job source implements, and what it reports back."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from jobagent_core.discovery.schema import PostingData


@dataclass(frozen=True)
class SearchQuery:
    """What the person asked for; sources use what they can and ignore the rest."""

    title: str
    location: str | None = None
    remote_only: bool = False
    posted_within_days: int | None = None
    limit: int = 500


@dataclass
class SourceResult:
    """Postings found plus problems met. A source never raises for a bad page or a
    refused request: it records a readable warning and returns what it has."""

    postings: list[PostingData] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class JobSource(Protocol):
    name: str  # e.g. "sample", "greenhouse:stripe"

    def search(self, query: SearchQuery) -> SourceResult: ...
