"""How long to wait before asking a server again, for every HTTP client we have
(job boards, the LLM service): the server's own `Retry-After`, else exponential
backoff with jitter."""

from __future__ import annotations

import random
from collections.abc import Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

__all__ = ["backoff", "retry_after"]


def retry_after(headers: Mapping[str, str], *, now: datetime | None = None) -> float | None:
    """Seconds to wait from `retry-after-ms` (OpenAI's) or `Retry-After` (seconds or
    an HTTP-date); None when neither is there or readable. `headers` is looked up
    with lower-case names (httpx's headers are case-insensitive)."""
    for name, scale in (("retry-after-ms", 0.001), ("retry-after", 1.0)):
        value = headers.get(name)
        if not value:
            continue
        value = value.strip()
        try:
            return max(0.0, float(value) * scale)
        except ValueError:
            pass
        if scale == 1.0:
            try:
                when = parsedate_to_datetime(value)
            except (TypeError, ValueError, IndexError):
                return None
            if when.tzinfo is None:
                when = when.replace(tzinfo=UTC)
            return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())
    return None


def backoff(attempt: int, base: float, cap: float) -> float:
    """The pause after failed attempt `attempt` (1, 2, ...): `base` doubled each time
    up to `cap`, then a random share of it between a half and all of it, so clients
    that failed together do not come back together."""
    ceiling = min(cap, base * 2 ** (attempt - 1))
    return random.uniform(ceiling / 2, ceiling)
