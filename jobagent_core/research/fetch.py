"""Fetching a company's own website (homepage, about and careers pages) safely.

    site = fetch_company_site("https://acme.com")      # never raises for a bad site
    site.pages     # FetchedPage(kind, url, title, text) for each page read
    site.problems  # one readable sentence per page that could not be read

Every request goes through the SSRF guard (`url_guard`: http(s) on ports 80/443,
every resolved address public, connections only to checked addresses, see
`guarded_transport`); on top of it, this module:

- follows redirects by hand, at most 3, each hop checked again;
- reads only text/html, at most 2 MB per page (streamed, counted after
  decompression), within a time limit per page and one for the whole site;
- uses no proxies from the environment (they would bypass the address checks).

What is read from a page (links, text, title) is in `pages`.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from types import TracebackType
from typing import Self

import httpx

from jobagent_core import __version__
from jobagent_core.fetch_errors import FetchError, NotHtml, Timeout, TooLarge, Unavailable
from jobagent_core.research.guarded_transport import GuardedTransport
from jobagent_core.research.pages import (
    PageKind,
    decode_html,
    discover_links,
    extract_text,
    page_title,
)
from jobagent_core.research.url_guard import FetchPolicy, Resolver, check_url, system_resolver

USER_AGENT = f"JobAgent/{__version__} (+self-hosted job-search agent; company research)"
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


@dataclass(frozen=True)
class FetchedPage:
    kind: PageKind
    url: str  # after redirects
    title: str
    text: str  # readable main text


@dataclass(frozen=True)
class SiteContent:
    website: str  # the homepage's origin after redirects, e.g. "https://acme.com"
    pages: tuple[FetchedPage, ...]
    problems: tuple[str, ...]


def _origin(url: httpx.URL) -> str:
    default = 443 if url.scheme == "https" else 80
    port = f":{url.port}" if url.port and url.port != default else ""
    host = f"[{url.host}]" if ":" in url.host else url.host
    return f"{url.scheme}://{host}{port}"


def normalise_website(website: str) -> str:
    """`website` as a URL: "acme.com" -> "https://acme.com"."""
    website = website.strip()
    return website if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", website) else f"https://{website}"


class SiteFetcher:
    """One company's site at a time, under `policy`; use it as a context manager."""

    def __init__(
        self, policy: FetchPolicy | None = None, *, resolver: Resolver = system_resolver
    ) -> None:
        self.policy = policy or FetchPolicy()
        self._client = httpx.Client(
            transport=GuardedTransport(self.policy, resolver),
            headers={
                "User-Agent": USER_AGENT,
                "Accept": "text/html, application/xhtml+xml;q=0.9",
                "Accept-Language": "en, de;q=0.8, *;q=0.5",
            },
            follow_redirects=False,  # followed by hand: each hop is checked
            trust_env=False,  # an environment proxy would bypass the address checks
        )

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def fetch_page(self, url: str, kind: PageKind = "home") -> FetchedPage:
        """One page, read within `policy.page_timeout`. Raises a `FetchError`."""
        final, html = self._download(url, time.monotonic() + self.policy.page_timeout)
        return FetchedPage(kind=kind, url=final, title=page_title(html), text=extract_text(html))

    def fetch_html(self, url: str) -> tuple[str, str]:
        """(final URL, HTML) of one page, read within `policy.page_timeout`, for
        callers that read more than the text (a posting's JSON-LD). Raises a
        `FetchError`."""
        return self._download(url, time.monotonic() + self.policy.page_timeout)

    def fetch_site(self, website: str) -> SiteContent:
        """The homepage and the about and careers pages it links to, within
        `policy.total_timeout`. Never raises `FetchError`: a page that cannot be
        read becomes a sentence in `problems` (no homepage means no pages)."""
        policy = self.policy
        site_deadline = time.monotonic() + policy.total_timeout
        home = normalise_website(website)
        try:
            final, html = self._download(home, self._deadline(site_deadline))
        except FetchError as err:
            return SiteContent(website=home, pages=(), problems=(f"homepage: {err}",))
        pages: list[FetchedPage] = []
        problems: list[str] = []
        self._keep(pages, problems, "home", final, html)
        for kind, url in discover_links(html, final).items():
            if len(pages) >= policy.max_pages:
                break
            if time.monotonic() >= site_deadline:
                problems.append(f"{kind} page: not fetched, the site's time limit ran out")
                continue
            try:
                page_url, page_html = self._download(url, self._deadline(site_deadline))
            except FetchError as err:
                problems.append(f"{kind} page: {err}")
                continue
            if any(p.url == page_url for p in pages):
                continue
            self._keep(pages, problems, kind, page_url, page_html)
        return SiteContent(
            website=_origin(httpx.URL(final)), pages=tuple(pages), problems=tuple(problems)
        )

    def _deadline(self, site_deadline: float) -> float:
        return min(site_deadline, time.monotonic() + self.policy.page_timeout)

    @staticmethod
    def _keep(
        pages: list[FetchedPage], problems: list[str], kind: PageKind, url: str, html: str
    ) -> None:
        text = extract_text(html, url)
        if text:
            pages.append(FetchedPage(kind=kind, url=url, title=page_title(html), text=text))
        else:
            problems.append(f"{kind} page: {url} has no readable text")

    def _download(self, url: str, deadline: float) -> tuple[str, str]:
        """(final URL, HTML) of `url`, following up to `max_redirects` checked hops."""
        policy = self.policy
        current = check_url(url, policy)
        for _hop in range(policy.max_redirects + 1):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise Timeout(f"{current.host} did not finish within the time limit")
            timeout = httpx.Timeout(remaining, connect=min(policy.connect_timeout, remaining))
            try:
                with self._client.stream("GET", current, timeout=timeout) as response:
                    if response.has_redirect_location:
                        location = response.headers["Location"]
                        current = check_url(str(current.join(location)), policy)
                        continue
                    return str(response.url), self._read_html(response, deadline)
            except httpx.TimeoutException:
                raise Timeout(f"{current.host} did not answer within {remaining:.1f} s") from None
            except httpx.HTTPError as exc:
                raise Unavailable(f"could not fetch {current.host} ({_describe(exc)})") from None
        raise Unavailable(f"{url[:200]} redirects more than {policy.max_redirects} times")

    def _read_html(self, response: httpx.Response, deadline: float) -> str:
        host = response.url.host
        if response.status_code >= 400:
            raise Unavailable(
                f"{host} answered HTTP {response.status_code} for {response.url.path}",
                status=response.status_code,
            )
        kind = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if kind not in HTML_TYPES:
            raise NotHtml(
                f"{response.url} is {kind or 'of no declared type'}, not an HTML page",
                status=response.status_code,
            )
        limit = self.policy.max_bytes
        too_large = f"{response.url} is larger than {limit / 1_048_576:g} MB; it was not read"
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            raise TooLarge(too_large, status=response.status_code)
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise TooLarge(too_large, status=response.status_code)
            if time.monotonic() > deadline:
                raise Timeout(f"{host} sent the page too slowly; gave up")
            chunks.append(chunk)
        return decode_html(b"".join(chunks), response.charset_encoding)


def _describe(exc: httpx.HTTPError) -> str:
    if isinstance(exc, httpx.ConnectError):
        text = str(exc)
        if "CERTIFICATE_VERIFY_FAILED" in text or "certificate" in text.lower():
            return "its TLS certificate is not valid"
        return "connection failed"
    if isinstance(exc, httpx.RemoteProtocolError):
        return "it broke the HTTP protocol"
    return type(exc).__name__


def fetch_company_site(
    website: str, *, policy: FetchPolicy | None = None, resolver: Resolver = system_resolver
) -> SiteContent:
    """`SiteFetcher(policy, resolver=resolver).fetch_site(website)`, closed afterwards."""
    with SiteFetcher(policy, resolver=resolver) as fetcher:
        return fetcher.fetch_site(website)
