"""Which pages may act for the signed-in person (Better Auth's trustedOrigins).

The session cookie is SameSite=Lax, so a browser also sends it with requests
from a *sibling* origin on the same site (another port, another subdomain).
Only the origin of the request tells those apart; these checks are the one
place that reads it, for the HTTP gate and the sign-in routes alike.
"""

from __future__ import annotations

from collections.abc import Mapping

from jobagent_core.config import origin_of

# Sec-Fetch-Site values of requests a page of our own origin (or the person,
# typing or following a bookmark) made.
_OWN_SITE = frozenset({"same-origin", "none"})


def is_trusted_request(headers: Mapping[str, str], trusted: frozenset[str]) -> bool:
    """True when a state-changing request comes from one of the `trusted` origins.

    Browsers send Origin with every cross-origin request and every POST; Referer
    and Sec-Fetch-Site are the fallbacks. A request that carries none of them is
    not from a browser page: such a caller has no business with the session
    cookie and should send an API token instead.
    """
    origin = headers.get("origin")
    if origin is not None:
        return origin.lower() in trusted  # "null" (sandboxed pages, file:) is never trusted
    referer = headers.get("referer")
    if referer:
        return origin_of(referer) in trusted
    return headers.get("sec-fetch-site", "").lower() in _OWN_SITE


def is_foreign_read(headers: Mapping[str, str], trusted: frozenset[str]) -> bool:
    """True for a read (GET) that a page of another origin made in the background.

    A person following a link still gets through (a navigation); what is refused is
    a script, image or frame of another origin reaching the person's data with
    their cookie (the same idea as a Fetch Metadata resource-isolation policy).
    """
    origin = headers.get("origin")
    if origin is not None and origin.lower() not in trusted:
        return True
    site = headers.get("sec-fetch-site", "").lower()
    return site in ("same-site", "cross-site") and headers.get("sec-fetch-mode") != "navigate"
