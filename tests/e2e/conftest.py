"""End-to-end fixtures: production Reflex servers (see servers.py), a local
OpenID Connect provider standing in for Google, and Debian's Chromium.

More servers with extra settings, alive until the end of the session:

    @pytest.fixture(scope="session")
    def worker_server(start_app_server):
        return start_app_server({"STORAGE_DIR": "..."}, name="worker")

or, for a shorter life, `with run_app_server(tmp_path, {...}) as server:`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import ExitStack, contextmanager
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.auth_support import CLIENT_ID, oidc_provider
from tests.cv_fixtures import DATA_ENGINEER
from tests.e2e.helpers import profile_reply
from tests.e2e.servers import AppServer, run_app_server, run_worker, web_builds_dir
from tests.llm_stub import LlmStub, StubReply

# Long enough for the "Extracting profile" step to be seen in progress (the live
# poller reads changed runs about once per second), short enough to keep the test quick.
LLM_DELAY_S = 2.5

CHROMIUM = os.environ.get("JOBAGENT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

expect.set_options(timeout=15_000)  # first paint + websocket + guard on 2 busy cores


@contextmanager
def _server_starter(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Callable[..., AppServer]]:
    """A function that starts a server with extra settings; every server it started
    stops on leaving. The servers share one cache of production bundles: each
    distinct set of compiled pages is bundled once (see jobagent_ui/web_build.py)."""
    web_builds = web_builds_dir(tmp_path_factory)
    with ExitStack() as servers:

        def start(extra_env: Mapping[str, str] | None = None, *, name: str = "app") -> AppServer:
            workdir = tmp_path_factory.mktemp(f"server-{name}")
            return servers.enter_context(run_app_server(workdir, extra_env, web_builds=web_builds))

        yield start


@pytest.fixture(scope="session")
def start_app_server(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Callable[..., AppServer]]:
    """Start a server shared by several modules; it runs until the end of the session."""
    with _server_starter(tmp_path_factory) as start:
        yield start


@pytest.fixture(scope="module")
def start_module_server(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Callable[..., AppServer]]:
    """Start a server with one module's own settings; it stops when that module is
    done, so a process running many modules does not keep every server (each holds
    a PostgreSQL database and a pool of connections to it)."""
    with _server_starter(tmp_path_factory) as start:
        yield start


@pytest.fixture(scope="session")
def oidc_provider_url() -> Iterator[str]:
    """The stand-in for Google: a real OpenID Connect provider in this process."""
    with oidc_provider() as url:
        yield url


@pytest.fixture(scope="session")
def google_server(start_app_server: Callable[..., AppServer], oidc_provider_url: str) -> AppServer:
    """Google sign-in configured, against the local provider."""
    return start_app_server(
        {
            "GOOGLE_CLIENT_ID": CLIENT_ID,
            "GOOGLE_CLIENT_SECRET": "e2e-client-secret",
            "GOOGLE_DISCOVERY_URL": f"{oidc_provider_url}/.well-known/openid-configuration",
        },
        name="google",
    )


@pytest.fixture(scope="session")
def local_server(start_app_server: Callable[..., AppServer]) -> AppServer:
    """No Google: "Continue as local user"; everyone who signs in has access."""
    return start_app_server(name="local")


@pytest.fixture(scope="session")
def allow_list_server(start_app_server: Callable[..., AppServer]) -> AppServer:
    """Local sign-in, but only someone-else.example is let in without a grant."""
    return start_app_server({"ACCESS_ALLOW_LIST": "someone-else.example"}, name="allow-list")


@pytest.fixture(scope="session")
def profiling_llm() -> Iterator[LlmStub]:
    """An OpenAI-compatible stub answering every request, after a pause, with the
    profile of the generated data-engineer CV."""
    reply = profile_reply(DATA_ENGINEER)
    with LlmStub(handler=lambda _body: StubReply(content=reply, delay_s=LLM_DELAY_S)) as stub:
        yield stub


@pytest.fixture(scope="session")
def profiling_server(
    start_app_server: Callable[..., AppServer],
    profiling_llm: LlmStub,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[AppServer]:
    """Local sign-in, plus a Celery worker with the server's settings: its own
    storage and embedded queue folders, and the LLM stub."""
    data = tmp_path_factory.mktemp("profiling-data")
    server = start_app_server(
        {
            "STORAGE_DIR": str(data / "storage"),
            "QUEUE_DIR": str(data / "queue"),
            "LLM_BASE_URL": profiling_llm.base_url,
            "LLM_MODEL": profiling_llm.model,
        },
        name="profiling",
    )
    with run_worker(server, data / "worker.log"):
        yield server


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """Launch Debian's Chromium (Playwright's browser download is unavailable)."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


# -- Dashboard and live status (test_dashboard_live.py) --------------------------------


@pytest.fixture(scope="session")
def dashboard_server(
    start_app_server: Callable[..., AppServer], tmp_path_factory: pytest.TempPathFactory
) -> AppServer:
    """Sign-in by session cookies the tests mint; runs are written by the test
    process through the core RunReporter, exactly as a worker writes them (runs
    the search page starts wait in a queue folder no worker reads)."""
    data = tmp_path_factory.mktemp("dashboard-data")
    return start_app_server(
        {
            "STORAGE_DIR": str(data / "storage"),
            "QUEUE_DIR": str(data / "queue"),
            # The "no worker" hint comes after 4 s instead of 15: tests wait for it.
            "WORKER_HINT_AFTER_S": "4",
        },
        name="dashboard",
    )
