"""Why a request to another site gave nothing usable: one hierarchy for the job-board
client (`discovery.http`) and the company-site fetcher (`research.fetch`).
`str(err)` is a sentence a person can act on; `status` the HTTP status, if any."""

from __future__ import annotations

__all__ = [
    "BadJson",
    "Blocked",
    "FetchError",
    "NotFound",
    "NotHtml",
    "Refused",
    "Timeout",
    "TooLarge",
    "Unavailable",
]


class FetchError(Exception):
    """A request that produced nothing usable."""

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


class NotFound(FetchError):
    """HTTP 404/410: the board, page or endpoint does not exist."""


class Refused(FetchError):
    """Another 4xx: bad credentials, forbidden, bad request. Retrying will not help."""


class Blocked(Refused):
    """We refused: the URL or an address its host resolves to is not allowed (the
    SSRF guard), or the scheme or port is not one we fetch."""


class Unavailable(FetchError):
    """Unknown or unreachable host, rate limits or server errors that outlasted the
    retries, too many redirects."""


class Timeout(Unavailable):
    """The answer (or the site) took longer than allowed."""


class TooLarge(FetchError):
    """The body is bigger than allowed; it was not read whole."""


class BadJson(FetchError):
    """The body is not JSON."""


class NotHtml(FetchError):
    """The response is not an HTML page."""
