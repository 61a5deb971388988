"""The app behind a real Caddy, as docker-compose.yml deploys it: pages, local
sign-in and the live websocket all pass through the proxy.

The Caddyfile is the repository's own, with the hosts swapped for local ones:
the sites become plain-HTTP addresses on free ports (no certificates here), the
upstreams `app:3000` and `flower:5555` become local ports, and the admin API
is turned off. Every reverse_proxy rule, header and timeout is the real one.
The app gets the proxy's URL as BETTER_AUTH_URL (sign-in redirects and Origin
checks) and REFLEX_API_URL (the websocket address the browser uses), as the
compose file sets them.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, Request, WebSocket, expect

from tests import cv_fixtures
from tests.e2e.helpers import expect_at, sign_in_locally
from tests.e2e.servers import REPO_ROOT, AppServer, run_worker
from tests.llm_stub import LlmStub

pytestmark = pytest.mark.e2e

CADDYFILE = REPO_ROOT / "Caddyfile"
RUN_TIMEOUT_MS = 60_000


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def local_caddyfile(app_port: int) -> str:
    """The repository's Caddyfile, pointed at local ports."""
    text = CADDYFILE.read_text()
    replacements = {
        "app:3000": f"127.0.0.1:{app_port}",
        "flower:5555": f"127.0.0.1:{_free_port()}",
        "{\n\temail {$ACME_EMAIL}": "{\n\tadmin off\n\temail {$ACME_EMAIL}",
    }
    for old, new in replacements.items():
        assert old in text, f"the Caddyfile no longer contains {old!r}: update this test"
        text = text.replace(old, new)
    return text


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (local http)
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


@dataclasses.dataclass(frozen=True)
class Proxied:
    app: AppServer  # the app server itself (base_url: its own port)
    caddy: AppServer  # the same server as seen through Caddy (base_url: Caddy's port)


@pytest.fixture(scope="module")
def behind_caddy(
    start_module_server: Callable[..., AppServer],
    profiling_llm: LlmStub,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Proxied]:
    caddy = shutil.which("caddy")
    if caddy is None:
        pytest.fail("caddy not found: scripts/ensure_services.sh installs Debian's caddy")
    caddy_url = f"http://localhost:{_free_port()}"
    data = tmp_path_factory.mktemp("behind-caddy")
    app = start_module_server(
        {
            "BETTER_AUTH_URL": caddy_url,
            "REFLEX_API_URL": caddy_url,
            "STORAGE_DIR": str(data / "storage"),
            "QUEUE_DIR": str(data / "queue"),
            "LLM_BASE_URL": profiling_llm.base_url,
            "LLM_MODEL": profiling_llm.model,
        },
        name="behind-caddy",
    )
    app_port = int(app.base_url.rsplit(":", 1)[1])
    config = data / "Caddyfile"
    config.write_text(local_caddyfile(app_port))
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(data),
        "XDG_DATA_HOME": str(data / "caddy-data"),
        "XDG_CONFIG_HOME": str(data / "caddy-config"),
        "APP_DOMAIN": caddy_url,
        "FLOWER_DOMAIN": f"http://localhost:{_free_port()}",
        "ACME_EMAIL": "ops@localhost",
    }
    log_path = data / "caddy.log"
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            [caddy, "run", "--config", str(config), "--adapter", "caddyfile"],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 30
        while not _answers(f"{caddy_url}/health"):
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"caddy did not start:\n{log_path.read_text(errors='replace')}")
            time.sleep(0.1)
        with run_worker(app, data / "worker.log"):
            yield Proxied(app=app, caddy=dataclasses.replace(app, base_url=caddy_url))
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=10)


def test_pages_and_api_answer_through_caddy(page: Page, behind_caddy: Proxied) -> None:
    with urllib.request.urlopen(behind_caddy.caddy.url("/health"), timeout=5) as response:  # noqa: S310
        assert response.status == 200
        # Caddy's headers on the app's answer: it really went through the proxy.
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["X-Frame-Options"] == "DENY"
        assert "Server" not in response.headers

    page.goto(behind_caddy.caddy.url("/sign-in"))
    expect(page).to_have_title("Sign in · Job Agent")
    expect(page.get_by_role("button", name="Continue as local user")).to_be_visible()


def step(page: Page, label: str) -> Locator:
    return page.get_by_role("list", name="Steps").get_by_role("listitem").filter(has_text=label)


def test_sign_in_and_a_live_run_through_caddy(
    page: Page, behind_caddy: Proxied, tmp_path: Path
) -> None:
    proxied = behind_caddy.caddy
    websockets: list[str] = []
    direct: list[str] = []
    app_origin = behind_caddy.app.base_url

    def on_websocket(ws: WebSocket) -> None:
        websockets.append(ws.url)

    def on_request(request: Request) -> None:
        if request.url.startswith(app_origin):
            direct.append(request.url)

    page.on("websocket", on_websocket)
    page.on("request", on_request)

    # Local sign-in: the POST's Origin is the proxy's URL, which is BETTER_AUTH_URL.
    sign_in_locally(page, proxied, "/")
    expect_at(page, proxied, "/onboarding")
    expect(page.get_by_role("banner").get_by_text("Local user")).to_be_visible()

    cv = tmp_path / "zoe-cv.pdf"
    cv.write_bytes(cv_fixtures.render_pdf(cv_fixtures.DATA_ENGINEER))
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Choose files").click()
    chooser.value.set_files([cv])
    chosen = page.get_by_role("list", name="Chosen files").get_by_role("listitem")
    expect(chosen).to_have_attribute("data-state", "ready")

    # The worker moves the run on; the page learns each step over the websocket.
    page.get_by_role("button", name="Build my profile").click()
    expect(step(page, "Extracting profile")).to_have_attribute("data-state", "current")
    expect(step(page, "Saving profile")).to_have_attribute(
        "data-state", "done", timeout=RUN_TIMEOUT_MS
    )
    expect(page.get_by_role("progressbar", name="Progress")).to_have_attribute(
        "aria-valuenow", "100"
    )
    expect(page.get_by_role("status").filter(has_text="Your profile is ready.")).to_be_visible()

    caddy_ws = proxied.base_url.replace("http://", "ws://") + "/_event"
    assert websockets, "the page opened no websocket"
    assert all(url.startswith(caddy_ws) for url in websockets), websockets
    assert direct == [], f"the browser bypassed Caddy: {direct[:3]}"
