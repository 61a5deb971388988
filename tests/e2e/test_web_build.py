"""A server started from a cached front-end bundle (jobagent_ui/web_build.py, what
scripts/serve_ui.sh runs) talks to its own port, and the bundle is sent compressed."""

from __future__ import annotations

import gzip
import re
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.servers import AppServer, run_app_server, web_builds_dir

pytestmark = pytest.mark.e2e


def fetch(url: str, encoding: str) -> tuple[bytes, str]:
    """(body as sent, Content-Encoding) with this Accept-Encoding."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})  # noqa: S310
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (local http)
        return response.read(), response.headers.get("Content-Encoding", "")


def env_chunk_url(server: AppServer) -> str:
    """The bundle's chunk of env.json (the backend URLs), as the sign-in page loads it."""
    html, _ = fetch(server.url("/sign-in/"), "identity")
    match = re.search(r'"(/assets/reflex-env-[^"]+\.js)"', html.decode())
    assert match, "the sign-in page does not load the reflex-env chunk"
    return server.url(match.group(1))


@pytest.fixture(scope="module")
def second_local_server(
    local_server: AppServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[AppServer]:
    """Same settings as local_server (so the same pages), started after it on
    another port with the session's bundle cache: a cache hit."""
    workdir = tmp_path_factory.mktemp("server-cache-hit")
    web_builds = web_builds_dir(tmp_path_factory)
    with run_app_server(workdir, web_builds=web_builds) as server:
        yield server


def test_a_server_started_from_the_cache_talks_to_its_own_port(
    page: Page, local_server: AppServer, second_local_server: AppServer
) -> None:
    log = Path(second_local_server.log_path).read_text(errors="replace")
    assert "[web build] using cached bundle" in log
    assert "[web build] built" not in log  # nothing was bundled for this server

    for server in (local_server, second_local_server):
        chunk, _ = fetch(env_chunk_url(server), "identity")
        port = server.base_url.rsplit(":", 1)[1]
        assert f"localhost:{port}/_event".encode() in chunk
        assert b"placeholder" not in chunk

    # The websocket and the sign-in form reach this server: signing in works.
    page.goto(second_local_server.url("/sign-in"))
    page.get_by_role("button", name="Continue as local user").click()
    expect(page.get_by_role("banner").get_by_text("Local user")).to_be_visible()
    expect(page.get_by_role("heading", name="Let's build your profile")).to_be_visible()


def test_scripts_are_sent_gzipped_when_the_browser_accepts_it(
    second_local_server: AppServer,
) -> None:
    url = env_chunk_url(second_local_server)  # the one file rewritten per server
    plain, plain_encoding = fetch(url, "identity")
    packed, packed_encoding = fetch(url, "gzip, deflate")

    assert plain_encoding == ""
    assert packed_encoding == "gzip"
    assert gzip.decompress(packed) == plain  # recompressed after the port went in

    html, _ = fetch(second_local_server.url("/sign-in/"), "identity")
    match = re.search(r'"(/assets/entry\.client-[^"]+\.js)"', html.decode())
    assert match, "the sign-in page does not load React's entry chunk"
    react = second_local_server.url(match.group(1))
    body, encoding = fetch(react, "gzip")
    assert encoding == "gzip"
    assert gzip.decompress(body) == fetch(react, "identity")[0]
