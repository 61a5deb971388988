"""A local stand-in for the job boards' APIs: a real HTTP server on 127.0.0.1 that
serves the recorded payloads under tests/fixtures/job_boards and can be told, per
test, to misbehave the way real boards do.

Each board folder has a `routes.json`: `[{"path", "query"?, "status"?, "file"}]`.
A request matches a route when the path is equal and every listed query parameter
has the listed value (other parameters, such as API keys, are ignored); the route
listing the most parameters wins. Scripted replies (`script`, `fail`) are served
first, once each, in order; then the recorded route answers again.

    with JobBoardServer() as boards:
        boards.fail("/v1/boards/acme/jobs", 429, headers={"Retry-After": "2"})
        source = GreenhouseSource("acme", base_url=boards.base_url)

Run `python -m tests.job_board_server` to serve the recordings by hand.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections import deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Self
from urllib.parse import parse_qs, urlsplit

import pytest

FIXTURES = Path(__file__).parent / "fixtures" / "job_boards"


@dataclass
class Reply:
    """One HTTP response. `delay` sleeps before answering (to trip client timeouts);
    `content_length=False` sends the body close-delimited, without a length."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    content_length: bool = True
    content_type: str = "application/json; charset=utf-8"


@dataclass(frozen=True)
class RecordedRequest:
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]  # lower-cased names
    received_at: float


@dataclass
class _Route:
    path: str
    query: dict[str, str]
    replies: deque[Reply] | Reply  # a deque is consumed; a single Reply is recorded

    def matches(self, path: str, query: Mapping[str, list[str]]) -> bool:
        return path == self.path and all(v in query.get(k, []) for k, v in self.query.items())


class JobBoardServer:
    """Serves the recordings; programmable per test; records every request."""

    def __init__(self, fixtures: Path = FIXTURES) -> None:
        self.fixtures = fixtures
        self.requests: list[RecordedRequest] = []
        self._routes: list[_Route] = []
        self._scripts: list[_Route] = []
        self._lock = threading.Lock()
        for manifest in sorted(fixtures.glob("*/routes.json")):
            for entry in json.loads(manifest.read_text(encoding="utf-8")):
                body = (manifest.parent / entry["file"]).read_bytes()
                self.serve(
                    entry["path"], Reply(entry.get("status", 200), body), query=entry.get("query")
                )
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._httpd.daemon_threads = True
        self._httpd.block_on_close = False
        # A short poll keeps `stop()` (shutdown waits for one poll) to milliseconds.
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    # -- lifecycle ---------------------------------------------------------------

    def start(self) -> Self:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    # -- programming ---------------------------------------------------------------

    def fixture(self, relative: str) -> bytes:
        """The bytes of a recorded payload, e.g. `fixture("lever/empty.json")`."""
        return (self.fixtures / relative).read_bytes()

    def serve(self, path: str, reply: Reply, *, query: Mapping[str, str] | None = None) -> None:
        """Answer every matching request with `reply` (replaces nothing: best match wins)."""
        with self._lock:
            self._routes.insert(0, _Route(path, dict(query or {}), reply))

    def script(self, path: str, *replies: Reply, query: Mapping[str, str] | None = None) -> None:
        """Answer the next matching requests with `replies`, once each, in order."""
        with self._lock:
            self._scripts.append(_Route(path, dict(query or {}), deque(replies)))

    def fail(
        self,
        path: str,
        status: int,
        *,
        times: int = 1,
        headers: Mapping[str, str] | None = None,
        body: bytes = b"",
        query: Mapping[str, str] | None = None,
    ) -> None:
        """The next `times` matching requests get `status`."""
        replies = [Reply(status, body, dict(headers or {})) for _ in range(times)]
        self.script(path, *replies, query=query)

    def requests_to(self, path: str) -> list[RecordedRequest]:
        with self._lock:
            return [r for r in self.requests if r.path == path]

    # -- serving -------------------------------------------------------------------

    def _reply_for(self, path: str, query: Mapping[str, list[str]]) -> Reply:
        with self._lock:
            scripted = [r for r in self._scripts if isinstance(r.replies, deque) and r.replies]
            for route in sorted(scripted, key=lambda r: -len(r.query)):
                if route.matches(path, query) and isinstance(route.replies, deque):
                    return route.replies.popleft()
            for route in sorted(self._routes, key=lambda r: -len(r.query)):
                if route.matches(path, query) and isinstance(route.replies, Reply):
                    return route.replies
        body = json.dumps({"error": f"no recorded payload for {path}"}).encode()
        return Reply(404, body)

    def _record(self, request: RecordedRequest) -> None:
        with self._lock:
            self.requests.append(request)


def _handler_for(server: JobBoardServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            query = parse_qs(parts.query, keep_blank_values=True)
            headers = {k.lower(): v for k, v in self.headers.items()}
            server._record(RecordedRequest(parts.path, query, headers, time.monotonic()))
            reply = server._reply_for(parts.path, query)
            if reply.delay:
                time.sleep(reply.delay)
            try:
                self.send_response(reply.status)
                self.send_header("Content-Type", reply.content_type)
                if reply.content_length:
                    self.send_header("Content-Length", str(len(reply.body)))
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(reply.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout test): nothing to tell it

        def log_message(self, format: str, *args: object) -> None:
            pass  # keep test output clean; requests are in `server.requests`

    return Handler


@pytest.fixture
def job_board_server() -> Iterator[JobBoardServer]:
    """A fresh stand-in per test, already listening."""
    with JobBoardServer() as server:
        yield server


if __name__ == "__main__":
    with JobBoardServer() as boards:
        print(f"Serving recorded job-board payloads at {boards.base_url} (Ctrl-C stops)")
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()
