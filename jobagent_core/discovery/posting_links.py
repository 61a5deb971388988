"""Links to one job posting: which board's job a link names, and the one canonical
form of a link that "Add a posting" keys the posting by.

    link = board_job_link("https://job-boards.greenhouse.io/acme/jobs/4012345001?gh_src=x")
    link.kind, link.board, link.job_id      # "greenhouse", "acme", "4012345001"
    canonical_url("HTTPS://Acme.com/jobs/7/?utm_source=x#apply")  # "https://acme.com/jobs/7"

Greenhouse, Lever and Ashby job pages are read through the boards' public APIs
(`sources.board_job`); any other link is fetched as a web page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

BoardKind = Literal["greenhouse", "lever", "ashby"]

MAX_URL_CHARS = 2000

_SLUG = r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}"
_GREENHOUSE_HOSTS = frozenset({"boards.greenhouse.io", "job-boards.greenhouse.io"})
_GREENHOUSE_PATH = re.compile(rf"^/(?P<board>{_SLUG})/jobs/(?P<id>\d{{1,20}})/?$")
_LEVER_HOSTS = {"jobs.lever.co": "global", "jobs.eu.lever.co": "eu"}
_UUID = r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}"
_LEVER_PATH = re.compile(rf"^/(?P<board>{_SLUG})/(?P<id>{_UUID})(?:/apply)?/?$")
_ASHBY_HOSTS = frozenset({"jobs.ashbyhq.com"})
_ASHBY_PATH = re.compile(rf"^/(?P<board>{_SLUG})/(?P<id>{_UUID})(?:/application)?/?$")
# Query parameters that only say where a visitor came from: the same posting with or
# without them is one posting.
_TRACKING = re.compile(
    r"^(?:utm_\w+|gclid|fbclid|msclkid|mc_[a-z]+|gh_src|gh_jid_src|lever-source(?:\[\])?"
    r"|lever-origin|ref|referrer|trk|trackingid|refid|source|src)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class BoardJobLink:
    """One job on a Greenhouse, Lever or Ashby board, as its link names it."""

    kind: BoardKind
    board: str  # lower-cased board, site or organisation name
    job_id: str
    region: Literal["global", "eu"] = "global"  # Lever's EU-hosted sites

    @property
    def canonical(self) -> str:
        """The job's public page, written one way whatever link named it."""
        if self.kind == "greenhouse":
            return f"https://boards.greenhouse.io/{self.board}/jobs/{self.job_id}"
        if self.kind == "lever":
            host = "jobs.eu.lever.co" if self.region == "eu" else "jobs.lever.co"
            return f"https://{host}/{self.board}/{self.job_id}"
        return f"https://jobs.ashbyhq.com/{self.board}/{self.job_id}"


def board_job_link(url: str) -> BoardJobLink | None:
    """The board job `url` links to, or None for any other link (or no link)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https"):
        return None
    host = (parts.hostname or "").lower().removeprefix("www.")
    if host in _GREENHOUSE_HOSTS:
        found = _GREENHOUSE_PATH.match(parts.path)
        if found:
            return BoardJobLink("greenhouse", found["board"].lower(), found["id"])
        # The embedded form: boards.greenhouse.io/embed/job_app?for=acme&token=123
        query = dict(parse_qsl(parts.query))
        board, token = query.get("for", ""), query.get("token", "")
        embedded = parts.path.rstrip("/") == "/embed/job_app"
        if embedded and re.fullmatch(_SLUG, board) and re.fullmatch(r"\d{1,20}", token):
            return BoardJobLink("greenhouse", board.lower(), token)
        return None
    if host in _LEVER_HOSTS:
        found = _LEVER_PATH.match(parts.path)
        if found is None:
            return None
        region: Literal["global", "eu"] = "eu" if _LEVER_HOSTS[host] == "eu" else "global"
        return BoardJobLink("lever", found["board"].lower(), found["id"].lower(), region)
    if host in _ASHBY_HOSTS:
        found = _ASHBY_PATH.match(parts.path)
        if found is None:
            return None
        return BoardJobLink("ashby", found["board"].lower(), found["id"].lower())
    return None


def canonical_url(url: str) -> str:
    """`url` written one way: a board job's own page; otherwise scheme and host in
    lower case, no default port, no fragment, no tracking parameters, the others
    sorted, no trailing slash. Used as the added posting's id, so the same posting
    linked twice is stored once."""
    link = board_job_link(url)
    if link is not None:
        return link.canonical
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"
    default = {"http": 80, "https": 443}.get(scheme)
    port = f":{parts.port}" if parts.port and parts.port != default else ""
    path = parts.path.rstrip("/") if parts.path not in ("", "/") else ""
    query = sorted(
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)
    )
    return urlunsplit((scheme, host + port, path, urlencode(query), ""))


def link_problem(url: str) -> str | None:
    """Why `url` is not a link a posting can be read from, in words; None when its
    form is fine. (Whether its host may be fetched is the fetcher's guard's question,
    on the worker.)"""
    text = url.strip()
    if not text:
        return "Paste the link of the posting."
    if len(text) > MAX_URL_CHARS:
        return f"That link is longer than {MAX_URL_CHARS} characters."
    if any(c.isspace() for c in text) or "\x00" in text:
        return "A link has no spaces in it: paste just the posting's address."
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018  (raises for a port that is not a number)
    except ValueError:
        return "That is not a web address: paste a link such as https://example.com/jobs/123."
    if parts.scheme.lower() not in ("http", "https"):
        return "Paste a web link that starts with https:// or http://."
    if not parts.hostname:
        return "That link names no web site."
    if parts.username or parts.password:
        return "Links with a user name or password in them are not read."
    return None
