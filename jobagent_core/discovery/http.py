"""The HTTP layer every live job source shares.

    with BoardHttp(HttpPolicy(min_interval=1.0)) as http:
        payload = http.get_json("https://boards-api.greenhouse.io/v1/boards/acme/jobs")

It identifies Job Agent with a User-Agent, spaces requests to one host (token
bucket, shared by every client in the process), retries 429/5xx/timeouts with
exponential backoff and jitter while honouring `Retry-After`, refuses bodies
larger than a cap without reading them whole, and turns every failure into a
`FetchError` whose message a person can act on. Sources catch `FetchError` and
record it as a warning; they never let it escape.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Self
from urllib.parse import urlsplit

import httpx

from jobagent_core import __version__, retry_wait
from jobagent_core.fetch_errors import BadJson, NotFound, Refused, TooLarge, Unavailable

USER_AGENT = f"JobAgent/{__version__} (+self-hosted job-search agent)"
MAX_BODY_BYTES = 10 * 1024 * 1024
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
# Query parameters whose values are credentials; never shown in logs or messages.
SECRET_PARAMS = ("api_key", "app_key", "app_id", "access_token", "token", "key")

QueryValue = str | int | float | bool | Sequence[str]
Params = Mapping[str, QueryValue | None]
QueryPairs = list[tuple[str, str | int | float | bool | None]]


@dataclass(frozen=True)
class HttpPolicy:
    """How politely and how patiently one source talks to its host."""

    connect_timeout: float = 5.0
    read_timeout: float = 20.0
    attempts: int = 3  # total tries per request, the first included
    backoff_base: float = 1.0  # first retry waits ~base s, then 2x, 4x ... (with jitter)
    backoff_max: float = 30.0
    max_retry_after: float = 120.0  # a server asking for a longer pause makes us give up
    max_bytes: int = MAX_BODY_BYTES
    min_interval: float = 1.0  # steady-state seconds between requests to one host
    burst: int = 2  # requests allowed back to back before spacing applies


class HostRateLimiter:
    """Token buckets keyed by host: `burst` requests at once, then one per `min_interval`.

    Thread-safe. A caller reserves its slot under the lock and sleeps outside it, so
    concurrent callers queue fairly. Two policies for one host: the slower one wins.
    """

    def __init__(
        self,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._buckets: dict[str, _Bucket] = {}

    def acquire(self, host: str, *, min_interval: float, burst: int) -> float:
        """Wait for a slot to `host`; returns the seconds waited."""
        if min_interval <= 0:
            return 0.0
        with self._lock:
            now = self._clock()
            capacity = float(max(burst, 1))
            bucket = self._buckets.setdefault(host, _Bucket(capacity, now, capacity))
            bucket.interval = max(bucket.interval, min_interval)
            bucket.capacity = min(bucket.capacity, capacity)
            bucket.refill(now)
            bucket.tokens -= 1.0
            wait = 0.0 if bucket.tokens >= 0 else -bucket.tokens * bucket.interval
        if wait > 0:
            self._sleep(wait)
        return wait


@dataclass
class _Bucket:
    tokens: float
    updated: float
    capacity: float
    interval: float = 0.0

    def refill(self, now: float) -> None:
        if self.interval > 0:
            self.tokens = min(self.capacity, self.tokens + (now - self.updated) / self.interval)
        self.updated = now


SHARED_LIMITER = HostRateLimiter()


@dataclass(frozen=True)
class HttpOptions:
    """How a source builds its client. Sources bring their own polite `HttpPolicy`;
    tests (and operators) may replace it, the limiter or the sleep."""

    policy: HttpPolicy | None = None
    limiter: HostRateLimiter | None = None
    sleep: Callable[[float], None] = time.sleep

    def client(self, default: HttpPolicy, *, secrets: Sequence[str] = ()) -> BoardHttp:
        return BoardHttp(
            self.policy or default, limiter=self.limiter, sleep=self.sleep, secrets=secrets
        )


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """`text` with credential query parameters and the given secret values masked."""
    names = "|".join(SECRET_PARAMS)
    text = re.sub(rf"(?i)\b({names})=[^&\s\"'#]*", r"\1=***", text)
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    return text


class _RedactCredentials(logging.Filter):
    """httpx logs every request URL at INFO; SerpAPI and Adzuna keys ride in it."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # a malformed record is logging's problem, not ours
            return True
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


_httpx_logger = logging.getLogger("httpx")  # httpcore's own logs carry no URLs
if not any(isinstance(f, _RedactCredentials) for f in _httpx_logger.filters):
    _httpx_logger.addFilter(_RedactCredentials())

log = logging.getLogger(__name__)


class BoardHttp:
    """One connection pool for one source's search; use it as a context manager."""

    def __init__(
        self,
        policy: HttpPolicy | None = None,
        *,
        limiter: HostRateLimiter | None = None,
        sleep: Callable[[float], None] = time.sleep,
        secrets: Sequence[str] = (),
        headers: Mapping[str, str] | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.policy = policy or HttpPolicy()
        self._limiter = limiter or SHARED_LIMITER
        self._sleep = sleep
        self._secrets = tuple(s for s in secrets if s)
        timeout = httpx.Timeout(
            connect=self.policy.connect_timeout,
            read=self.policy.read_timeout,
            write=self.policy.read_timeout,
            pool=self.policy.connect_timeout,
        )
        self._client = httpx.Client(
            timeout=timeout,
            headers={"User-Agent": USER_AGENT, "Accept": "application/json", **(headers or {})},
            follow_redirects=True,
            max_redirects=3,
            transport=transport,
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

    def get_json(self, url: str, params: Params | None = None) -> object:
        """The parsed JSON body of `GET url?params`.

        Raises `NotFound` (404/410), `Refused` (other 4xx), `Unavailable` (429/5xx,
        timeouts or network errors after the retries), `TooLarge` or `BadJson`.
        """
        return self._parse(self.get_bytes(url, params), url)

    def get_bytes(self, url: str, params: Params | None = None) -> bytes:
        """The raw body of `GET url?params`, retried and size-capped like `get_json`."""
        host = urlsplit(url).netloc or url
        query = _clean_params(params)
        policy = self.policy
        attempts = max(1, policy.attempts)
        for attempt in range(1, attempts + 1):
            self._limiter.acquire(host, min_interval=policy.min_interval, burst=policy.burst)
            try:
                status, body, retry_after = self._once(url, query, host)
            except httpx.TransportError as exc:  # timeouts, refused connections, resets
                problem = _describe_transport_error(exc, host, policy)
                if attempt == attempts:
                    raise Unavailable(f"{problem} after {attempt} attempts") from None
                self._pause(attempt, None, host, problem)
                continue
            except httpx.HTTPError as exc:  # redirect loops, undecodable bodies: final
                raise Unavailable(f"the request to {host} failed ({type(exc).__name__})") from None
            except httpx.InvalidURL:
                raise Refused(f"'{self._redact(url)}' is not a URL we can fetch") from None
            if status < 400:
                return body
            if status in RETRY_STATUSES:
                problem = _status_problem(status, host)
                if retry_after is not None and retry_after > policy.max_retry_after:
                    raise Unavailable(
                        f"{problem}; it asked us to wait {retry_after:.0f} s, longer than the "
                        f"{policy.max_retry_after:.0f} s we allow — try again later",
                        status=status,
                    )
                if attempt == attempts:
                    raise Unavailable(f"{problem} after {attempt} attempts", status=status)
                self._pause(attempt, retry_after, host, problem)
                continue
            detail = self._redact(_error_detail(body))
            suffix = f": {detail}" if detail else ""
            if status in (404, 410):
                raise NotFound(f"{host} answered HTTP {status} (not found){suffix}", status=status)
            raise Refused(f"{host} refused the request (HTTP {status}){suffix}", status=status)
        raise AssertionError("unreachable: the loop returns or raises")  # pragma: no cover

    def _once(self, url: str, query: QueryPairs, host: str) -> tuple[int, bytes, float | None]:
        with self._client.stream("GET", url, params=query) as response:
            status = response.status_code
            retry_after = retry_wait.retry_after(response.headers)
            # Error bodies are only read for a short message.
            limit = self.policy.max_bytes if status < 400 else 64 * 1024
            declared = response.headers.get("Content-Length", "")
            if status < 400 and declared.isdigit() and int(declared) > limit:
                raise TooLarge(_too_large(host, limit), status=status)
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > limit:
                    if status < 400:
                        raise TooLarge(_too_large(host, limit), status=status)
                    break
                chunks.append(chunk)
            return status, b"".join(chunks), retry_after

    def _pause(self, attempt: int, retry_after: float | None, host: str, problem: str) -> None:
        policy = self.policy
        if retry_after is not None:
            delay = retry_after
        else:
            delay = retry_wait.backoff(attempt, policy.backoff_base, policy.backoff_max)
        log.info("%s; retrying in %.1f s (attempt %d)", problem, delay, attempt + 1)
        self._sleep(delay)

    def _parse(self, body: bytes, url: str) -> object:
        try:
            return json.loads(body)
        except json.JSONDecodeError as exc:
            host = urlsplit(url).netloc or url
            raise BadJson(
                f"{host} returned malformed JSON ({exc.msg} at line {exc.lineno}, "
                f"column {exc.colno})"
            ) from None
        except UnicodeDecodeError:
            host = urlsplit(url).netloc or url
            raise BadJson(f"{host} returned a body that is not UTF-8 JSON") from None

    def _redact(self, text: str) -> str:
        return redact(text, self._secrets)


def _clean_params(params: Params | None) -> QueryPairs:
    pairs: QueryPairs = []
    for name, value in (params or {}).items():
        if value is None:
            continue
        if isinstance(value, bool):
            pairs.append((name, "true" if value else "false"))
        elif isinstance(value, str | int | float):
            pairs.append((name, str(value)))
        else:
            pairs.extend((name, item) for item in value)
    return pairs


def _status_problem(status: int, host: str) -> str:
    if status == 429:
        return f"{host} is rate-limiting us (HTTP 429)"
    return f"{host} had a server error (HTTP {status})"


def _describe_transport_error(exc: Exception, host: str, policy: HttpPolicy) -> str:
    if isinstance(exc, httpx.ConnectTimeout):
        return f"{host} did not accept a connection within {policy.connect_timeout:g} s"
    if isinstance(exc, httpx.TimeoutException):
        return f"{host} did not answer within {policy.read_timeout:g} s"
    if isinstance(exc, httpx.ConnectError):
        return f"could not connect to {host}"
    return f"the connection to {host} failed ({type(exc).__name__})"


def _too_large(host: str, limit: int) -> str:
    return f"{host} sent more than {limit / 1_048_576:g} MB; the response was not read"


def _error_detail(body: bytes) -> str:
    """A short human message from an error body: its JSON `error`/`message`, or text."""
    text = body[:2000].decode("utf-8", "replace").strip()
    try:
        payload = json.loads(text)
    except ValueError:
        return "" if text.startswith("<") else text[:200]
    if isinstance(payload, dict):
        for key in ("error", "message", "display", "detail"):
            value = payload.get(key)
            if isinstance(value, str) and value:
                return value[:200]
    return ""
