"""Fetching a company's own website (homepage, about and careers pages) safely.

    site = fetch_company_site("https://acme.com")      # never raises for a bad site
    site.pages     # FetchedPage(kind, url, title, text) for each page read
    site.problems  # one readable sentence per page that could not be read

Company websites are arbitrary addresses taken from postings, so every request is
treated as hostile input:

- http and https only, ports 80 and 443 only, no credentials in the URL;
- the host name is resolved by us and EVERY address it resolves to must be a
  public one (no loopback, private, link-local, multicast, reserved, shared or
  unspecified address, nor an IPv6 form embedding one); the connection then goes
  to an address we checked, so a second DNS answer cannot swap in another
  (DNS rebinding);
- redirects are followed by hand, at most 3, each hop checked again;
- only text/html is read, at most 2 MB per page (streamed, counted after
  decompression), within a time limit per page and one for the whole site;
- no proxies from the environment (they would bypass the address checks).

`FetchPolicy(allow_loopback=True)` lets loopback addresses on any port through;
it exists for tests that serve a site on 127.0.0.1 and nothing else sets it.
"""

from __future__ import annotations

import codecs
import ipaddress
import logging
import re
import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Literal, Self
from urllib.parse import unquote

import httpcore
import httpx
from selectolax.lexbor import LexborHTMLParser

from jobagent_core import __version__
from jobagent_core.discovery.html import html_to_text
from jobagent_core.discovery.places import words
from jobagent_core.fetch_errors import (
    Blocked,
    FetchError,
    NotHtml,
    Timeout,
    TooLarge,
    Unavailable,
)

log = logging.getLogger(__name__)

USER_AGENT = f"JobAgent/{__version__} (+self-hosted job-search agent; company research)"
MAX_PAGE_BYTES = 2 * 1024 * 1024
MAX_TEXT_CHARS = 20_000  # of readable text kept per page
STANDARD_PORTS = frozenset({80, 443})
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})

PageKind = Literal["home", "about", "careers"]
# host, port -> the addresses the name resolves to (IP literals resolve to themselves).
Resolver = Callable[[str, int], Sequence[str]]


@dataclass(frozen=True)
class FetchPolicy:
    """Limits for fetching one company's site."""

    max_bytes: int = MAX_PAGE_BYTES
    connect_timeout: float = 5.0  # DNS lookup and TCP/TLS connect, each
    page_timeout: float = 10.0  # one page, redirects included, wall clock
    total_timeout: float = 25.0  # the whole site
    max_redirects: int = 3
    max_pages: int = 3  # homepage, about, careers
    # Tests only: loopback addresses (127.0.0.0/8, ::1) on any port are allowed.
    allow_loopback: bool = False


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


# --------------------------------------------------------------------------- address checks


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries (mapped, 6to4, Teredo, NAT64)."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    if ip in ipaddress.IPv6Network("64:ff9b::/96"):
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def address_problem(address: str, *, allow_loopback: bool = False) -> str | None:
    """Why `address` must not be fetched from ("a private address"), or None when
    it is a public unicast address. Loopback passes only with `allow_loopback`."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone id
    except ValueError:
        return "not an IP address"
    if isinstance(ip, ipaddress.IPv6Address):
        inner = _embedded_ipv4(ip)
        if inner is not None:
            problem = address_problem(str(inner), allow_loopback=allow_loopback)
            return f"an IPv6 form of {inner}, {problem}" if problem else None
    checks = (
        (ip.is_loopback, "a loopback address"),
        (ip.is_link_local, "a link-local address"),
        (ip.is_multicast, "a multicast address"),
        (ip.is_unspecified, "the unspecified address"),
        (ip.is_reserved, "a reserved address"),
        (isinstance(ip, ipaddress.IPv6Address) and ip.is_site_local, "a site-local address"),
        (ip.is_private, "a private address"),
        (not ip.is_global, "not a public address"),
    )
    for failed, problem in checks:
        if failed:
            if allow_loopback and ip.is_loopback:
                return None
            return problem
    return None


def check_url(url: str, policy: FetchPolicy) -> httpx.URL:
    """`url` parsed, if its form is allowed: http(s), no credentials, a host, and
    port 80/443 (any port only with `allow_loopback`, whose addresses are then
    checked to be loopback at connect time). Raises `Blocked`."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError):
        raise Blocked(f"'{url[:200]}' is not a web address we can fetch") from None
    if parsed.scheme not in ("http", "https"):
        raise Blocked(f"only http and https pages are fetched, not '{parsed.scheme}:'")
    if not parsed.host:
        raise Blocked(f"'{url[:200]}' has no host name")
    if parsed.userinfo:
        raise Blocked(f"web addresses with credentials are not fetched ({parsed.host})")
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    if port not in STANDARD_PORTS and not policy.allow_loopback:
        raise Blocked(f"{parsed.host}:{port} uses a non-standard port; only 80 and 443 are fetched")
    return parsed


def system_resolver(host: str, port: int) -> list[str]:
    """Every address `host` resolves to, through the system resolver."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def _resolve_in_time(resolver: Resolver, host: str, port: int, timeout: float) -> list[str]:
    """`resolver(host, port)` with a time limit (getaddrinfo has none of its own)."""
    outcome: list[Sequence[str] | BaseException] = []

    def run() -> None:
        try:
            outcome.append(resolver(host, port))
        except BaseException as exc:  # handed to the caller's thread below
            outcome.append(exc)

    worker = threading.Thread(target=run, name=f"resolve {host}", daemon=True)
    worker.start()
    worker.join(timeout)
    if not outcome:
        raise Timeout(f"looking up {host} took longer than {timeout:g} s")
    result = outcome[0]
    if isinstance(result, OSError):
        raise Unavailable(f"could not find the host {host} (DNS lookup failed)")
    if isinstance(result, BaseException):
        raise result
    return list(result)


def resolve_checked(
    host: str,
    port: int,
    policy: FetchPolicy,
    *,
    resolver: Resolver = system_resolver,
    timeout: float | None = None,
) -> list[str]:
    """The addresses of `host` to connect to, after checking every one of them.

    Raises `Blocked` when any address is not public (loopback allowed only with
    `policy.allow_loopback`), or when the port is not 80/443 and the addresses are
    not all loopback; `Unavailable` when the name does not resolve.
    """
    wait = policy.connect_timeout if timeout is None else timeout
    addresses = _resolve_in_time(resolver, host, port, wait)
    if not addresses:
        raise Unavailable(f"could not find the host {host} (no addresses)")
    for address in addresses:
        problem = address_problem(address, allow_loopback=policy.allow_loopback)
        if problem:
            shown = f"{host} is" if host == address else f"{host} resolves to {address}, which is"
            raise Blocked(f"{shown} {problem}; only public web sites are fetched")
    if port not in STANDARD_PORTS and not all(
        ipaddress.ip_address(a.split("%", 1)[0]).is_loopback for a in addresses
    ):
        raise Blocked(f"{host}:{port} uses a non-standard port; only 80 and 443 are fetched")
    return addresses


# --------------------------------------------------------------------------- transport


class _GuardedBackend(httpcore.NetworkBackend):
    """Resolves and checks the host itself, then connects to a checked address.

    TLS still verifies the certificate against the host name: httpcore passes the
    request's host as `server_hostname` whatever address the socket went to.
    """

    def __init__(self, policy: FetchPolicy, resolver: Resolver) -> None:
        self._policy = policy
        self._resolver = resolver
        self._tcp = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = resolve_checked(
            host, port, self._policy, resolver=self._resolver, timeout=timeout
        )
        failure: Exception | None = None
        for address in addresses:
            try:
                return self._tcp.connect_tcp(
                    address, port, timeout, local_address, socket_options=socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failure = exc
        assert failure is not None  # addresses is never empty
        raise failure

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        raise Blocked("unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


_HTTPCORE_ERRORS = (
    httpcore.TimeoutException,
    httpcore.NetworkError,
    httpcore.ProtocolError,
    httpcore.UnsupportedProtocol,
    httpcore.ProxyError,
)


def _as_httpx(exc: Exception) -> httpx.TransportError:
    """httpcore's exception as the httpx exception of the same name."""
    kind = getattr(httpx, type(exc).__name__, None)
    if isinstance(kind, type) and issubclass(kind, httpx.TransportError):
        return kind(str(exc))
    return httpx.TransportError(str(exc))


class _ResponseStream(httpx.SyncByteStream):
    def __init__(self, stream: Iterable[bytes]) -> None:
        self._stream = stream

    def __iter__(self) -> Iterator[bytes]:
        try:
            yield from self._stream
        except _HTTPCORE_ERRORS as exc:
            raise _as_httpx(exc) from exc

    def close(self) -> None:
        close = getattr(self._stream, "close", None)
        if callable(close):
            close()


class _GuardedTransport(httpx.BaseTransport):
    """httpx's default transport, rebuilt on the guarded network backend."""

    def __init__(self, policy: FetchPolicy, resolver: Resolver) -> None:
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(),
            max_connections=4,
            max_keepalive_connections=2,
            keepalive_expiry=5.0,
            network_backend=_GuardedBackend(policy, resolver),
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        core_request = httpcore.Request(
            method=request.method,
            url=httpcore.URL(
                scheme=request.url.raw_scheme,
                host=request.url.raw_host,
                port=request.url.port,
                target=request.url.raw_path,
            ),
            headers=request.headers.raw,
            content=request.stream,
            extensions=request.extensions,
        )
        try:
            response = self._pool.handle_request(core_request)
        except _HTTPCORE_ERRORS as exc:
            raise _as_httpx(exc) from exc
        assert isinstance(response.stream, Iterable)
        return httpx.Response(
            status_code=response.status,
            headers=response.headers,
            stream=_ResponseStream(response.stream),
            extensions=response.extensions,
        )

    def close(self) -> None:
        self._pool.close()


# --------------------------------------------------------------------------- pages

# Words naming a page outright, and broader ones that only point towards it.
_LINK_WORDS: tuple[tuple[PageKind, re.Pattern[str], re.Pattern[str]], ...] = (
    (
        "about",
        re.compile(
            r"\b(?:about|about us|uber uns|ueber uns|who we are|wer wir sind|das sind wir"
            r"|a propos|qui sommes nous|sobre nosotros|quienes somos|chi siamo|over ons)\b"
        ),
        re.compile(r"\b(?:company|unternehmen|our story|mission|entreprise|empresa)\b"),
    ),
    (
        "careers",
        re.compile(
            r"\b(?:careers?|karriere|jobs?|stellen\w*|join us|join our team|work with us"
            r"|carrieres?|emplois?|empleo|trabaja con nosotros|lavora con noi|vacatures"
            r"|werken bij|open positions)\b"
        ),
        re.compile(r"\b(?:hiring|join|team|talent|recruiting)\b"),
    ),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def _same_site(host: str, site: str) -> bool:
    return host == site or host.endswith("." + site)


def _link_score(text: str, path: str, strong: re.Pattern[str], weak: re.Pattern[str]) -> int:
    if strong.search(text):
        return 4
    if weak.search(text):
        return 3
    if strong.search(path):
        return 2
    return 1 if weak.search(path) else 0


def discover_links(html: str, base_url: str) -> dict[PageKind, str]:
    """The homepage's links to its "about" and "careers" pages (same site only).

    A link whose text names the page ("Über uns", "Careers") wins over one whose
    text only points towards it ("Company"), which wins over one whose path does
    ("/ueber-uns", "/team"); the first such link wins a tie.
    """
    base = httpx.URL(base_url)
    site = base.host.removeprefix("www.")
    best: dict[PageKind, tuple[int, str]] = {}
    for anchor in LexborHTMLParser(html).css("a[href]"):
        href = (anchor.attributes.get("href") or "").strip()
        if not href or href.startswith(("#", "mailto:", "tel:", "javascript:", "data:")):
            continue
        try:
            target = base.join(href).copy_with(fragment=None)
        except (httpx.InvalidURL, ValueError):
            continue
        if target.scheme not in ("http", "https") or not _same_site(target.host, site):
            continue
        if target.path.rstrip("/") == base.path.rstrip("/") and target.host == base.host:
            continue
        text = words(anchor.text(deep=True) or "")
        path = words(unquote(target.path).replace("-", " ").replace("_", " "))
        for kind, strong, weak in _LINK_WORDS:
            score = _link_score(text, path, strong, weak)
            if score > best.get(kind, (0, ""))[0]:
                best[kind] = (score, str(target))
    links = {kind: url for kind, (_, url) in best.items()}
    if links.get("about") and links.get("about") == links.get("careers"):
        del links["careers"]
    return links


def extract_text(html: str, url: str | None = None) -> str:
    """The page's main readable text: trafilatura's extraction, or all visible text
    (selectolax) when trafilatura finds little or fails on the markup."""
    text: str | None = None
    try:
        import trafilatura  # imported here: ~120 ms, and only online research needs it

        text = trafilatura.extract(
            html, url=url, include_comments=False, include_tables=True, favor_recall=True
        )
    except Exception:  # a parser crash on odd markup must not lose the page
        log.warning("trafilatura failed on %s; using plain text", url, exc_info=True)
    if not text or len(text) < 80:
        text = html_to_text(html)
    return text[:MAX_TEXT_CHARS].strip()


def page_title(html: str) -> str:
    """The page's <title> (or first <h1>), whitespace collapsed; "" when it has none."""
    parser = LexborHTMLParser(html)
    for selector in ("title", "h1"):
        node = parser.css_first(selector)
        if node is not None:
            title = " ".join((node.text(deep=True) or "").split())
            if title:
                return title[:300]
    return ""


def _decode(body: bytes, header_charset: str | None) -> str:
    for candidate in (header_charset, _sniff_charset(body)):
        if candidate:
            try:
                return body.decode(codecs.lookup(candidate).name, errors="replace")
            except LookupError:
                continue
    return body.decode("utf-8", errors="replace")


def _sniff_charset(body: bytes) -> str | None:
    found = _META_CHARSET.search(body[:4096])
    return found.group(1).decode("ascii") if found else None


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
            transport=_GuardedTransport(self.policy, resolver),
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
        return _decode(b"".join(chunks), response.charset_encoding)


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
