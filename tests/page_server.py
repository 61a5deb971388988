"""A small web site on 127.0.0.1 for tests that add a posting by its link: pages are
set per test (`serve_html`), anything else answers 404. The query string is ignored,
as a site would ignore tracking parameters.

    with PageServer() as site:
        url = site.serve_html("/careers/job-7", "<html>…</html>")
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self
from urllib.parse import urlsplit

import pytest


class PageServer:
    def __init__(self) -> None:
        self.pages: dict[str, tuple[int, str, bytes]] = {}
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self.pages))
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    @property
    def base_url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def serve_html(self, path: str, html: str, status: int = 200) -> str:
        """Serve `html` at `path` from now on; returns its URL."""
        self.pages[path] = (status, "text/html; charset=utf-8", html.encode())
        return self.base_url + path


def jsonld_page(job: dict[str, Any]) -> str:
    """A careers page that publishes `job` as schema.org JSON-LD, and little else."""
    return (
        '<html lang="en"><head><title>Careers</title><script type="application/ld+json">'
        f"{json.dumps(job)}</script></head><body><h1>{job.get('title', 'Careers')}</h1>"
        "<p>Apply below.</p></body></html>"
    )


def _handler(pages: dict[str, tuple[int, str, bytes]]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            status, content_type, body = pages.get(
                urlsplit(self.path).path, (404, "text/html", b"<h1>Not found</h1>")
            )
            try:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up

        def log_message(self, format: str, *args: object) -> None:
            pass  # keep test output clean

    return Handler


@pytest.fixture
def page_server() -> Iterator[PageServer]:
    with PageServer() as server:
        yield server
