"""The bundled sample data set as a job source: offline, instant, always there."""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache

from jobagent_core.discovery.filters import PostingFilters, apply_filters
from jobagent_core.discovery.places import fold
from jobagent_core.discovery.sample_data import sample_postings
from jobagent_core.discovery.schema import PostingData
from jobagent_core.discovery.sources.base import SearchQuery, SourceResult

_WORD = re.compile(r"[a-z0-9+#]{2,}")


@lru_cache(maxsize=8192)
def _words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(fold(text)))


def _relevance(query: frozenset[str], posting: PostingData) -> int:
    """A cheap keyword score, only used to decide what to keep when the query's
    limit is smaller than the matches: title words count three times."""
    title = _words(posting.title)
    prefixes = {w[:5] for w in title}
    score = sum(3 for w in query if w in title or w[:5] in prefixes)
    return score + len(query & _words(posting.description_text[:600]))


class SampleSource:
    """`JobSource` over the bundled sample set (name "sample").

    Applies the query's location, remote_only and posted_within_days with the
    same `apply_filters` the pipeline uses (so semantics cannot drift), but not
    the title: ranking by fit is the matching stage's job. When more postings
    pass than `query.limit`, the ones whose title and opening words share most
    words with `query.title` are kept, in their original order.
    """

    name = "sample"

    def __init__(self, now: datetime | None = None) -> None:
        self._now = now  # fixed "now" for tests; the real clock otherwise

    def search(self, query: SearchQuery) -> SourceResult:
        days = query.posted_within_days
        filters = PostingFilters(
            location=query.location,
            remote_only=query.remote_only,
            posted_within_days=min(max(days, 1), 365) if days is not None else None,
        )
        postings = apply_filters(sample_postings(self._now), filters, now=self._now)
        if len(postings) > query.limit:
            words = _words(query.title)
            ranked = sorted(range(len(postings)), key=lambda i: -_relevance(words, postings[i]))
            keep = sorted(ranked[: max(query.limit, 0)])
            postings = [postings[i] for i in keep]
        return SourceResult(postings=list(postings))
