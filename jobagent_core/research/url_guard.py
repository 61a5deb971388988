"""The SSRF guard for fetching company websites: which addresses may be fetched.

Company websites are arbitrary addresses taken from postings, so every request is
treated as hostile input:

- http and https only, ports 80 and 443 only, no credentials in the URL (`check_url`);
- the host name is resolved by us and EVERY address it resolves to must be a
  public one (no loopback, private, link-local, multicast, reserved, shared or
  unspecified address, nor an IPv6 form embedding one: `address_problem`,
  `resolve_checked`); the connection then goes to an address we checked (see
  `guarded_transport`), so a second DNS answer cannot swap in another (DNS
  rebinding).

`FetchPolicy(allow_loopback=True)` lets loopback addresses on any port through;
it exists for tests that serve a site on 127.0.0.1 and nothing else sets it.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import httpx

from jobagent_core.fetch_errors import Blocked, Timeout, Unavailable

MAX_PAGE_BYTES = 2 * 1024 * 1024
STANDARD_PORTS = frozenset({80, 443})

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
