"""Production Reflex servers for end-to-end tests, each on a fresh PostgreSQL
database as the limited ui role.

A server is started the way scripts/serve_ui.sh starts it (environment from
scripts/reflex_env.sh, this interpreter's Reflex, `reflex run --env prod` with the
same port for pages and backend) on a free port, with its own web directory so
that several can run at once. One step differs: the production bundle comes from
a cache shared by the session's servers, built once per distinct compiled page
set and given each server's URLs (jobagent_ui/web_build.py, as
scripts/serve_ui.sh runs it); the pages are still compiled by each server, from
its own settings.
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import pytest

from jobagent_ui.web_build import CACHE_ENV, KEEP_ENV
from tests.conftest import PostgresDatabase, create_database, drop_database

REPO_ROOT = Path(__file__).resolve().parents[2]
REFLEX_ENV_SCRIPT = REPO_ROOT / "scripts" / "reflex_env.sh"
SERVER_START_TIMEOUT_S = float(os.environ.get("JOBAGENT_E2E_START_TIMEOUT", "300"))
# `python -m` this instead of `reflex`: Reflex's CLI with the bundle cache (as serve_ui.sh).
CACHED_BUILD_MODULE = "jobagent_ui.web_build"
# Signs the session cookies of every e2e server (Better Auth wants 32+ characters).
E2E_AUTH_SECRET = "e2e-better-auth-secret-0123456789abcdef0123456789"
# Settings a developer's shell or .env might carry that would change what a test
# server does; each server starts from these and its own overrides.
_BASE_SETTINGS = {
    "GOOGLE_CLIENT_ID": "",
    "GOOGLE_CLIENT_SECRET": "",
    "ACCESS_ALLOW_LIST": "",
    "REDIS_URL": "",
    "CELERY_BROKER_URL": "",
    "LLM_BASE_URL": "",
    "SMTP_URL": "",
}


@dataclass(frozen=True)
class AppServer:
    base_url: str  # http://localhost:<port>, also the server's BETTER_AUTH_URL
    database: PostgresDatabase
    log_path: Path
    env: Mapping[str, str]  # the server's whole environment (a worker gets the same)
    process_group: int  # every process of the server (Reflex forks workers) is in it

    def url(self, path: str = "/") -> str:
        return f"{self.base_url}{path}"


def web_builds_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The session's bundle cache. Under pytest-xdist each worker has its own base
    directory inside a shared one: the cache goes there, so the workers build each
    bundle once between them (web_build locks per bundle)."""
    base = tmp_path_factory.getbasetemp()
    return (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "web-builds"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def reflex_env() -> dict[str, str]:
    """os.environ plus what scripts/reflex_env.sh exports (one source of truth)."""
    dump = subprocess.run(
        ["bash", "-c", f". {shlex.quote(str(REFLEX_ENV_SCRIPT))} && env -0"],
        check=True,
        capture_output=True,
        cwd=REPO_ROOT,
    ).stdout
    env = dict(item.split("=", 1) for item in dump.decode().split("\0") if "=" in item)
    if "REFLEX_BUN_PATH" not in env:
        pytest.fail("bun is not installed: run scripts/install_bun.sh first")
    pythonpath = env.get("PYTHONPATH")
    env["PYTHONPATH"] = f"{REPO_ROOT}{os.pathsep}{pythonpath}" if pythonpath else str(REPO_ROOT)
    return env


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (local http)
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def _tail(path: Path, lines: int = 60) -> str:
    text = path.read_text(errors="replace") if path.exists() else ""
    return "\n".join(text.splitlines()[-lines:])


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """Kill the server's whole process group (Reflex forks workers). A test server
    has nothing to flush (its database is dropped next), and a graceful Reflex
    shutdown waits on the browser's open websockets for many seconds."""
    if proc.poll() is not None:
        return
    with suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=15)


def _wait_until_serving(proc: subprocess.Popen[bytes], base_url: str, log_path: Path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while not (_answers(f"{base_url}/ping") and _answers(f"{base_url}/sign-in")):
        if proc.poll() is not None:
            pytest.fail(
                f"reflex server exited with code {proc.returncode} before answering "
                f"on {base_url}\n--- {log_path} (tail) ---\n{_tail(log_path)}"
            )
        if time.monotonic() > deadline:
            pytest.fail(
                f"reflex server did not answer on {base_url} within "
                f"{SERVER_START_TIMEOUT_S:.0f} s\n--- {log_path} (tail) ---\n{_tail(log_path)}"
            )
        time.sleep(0.3)


@contextmanager
def run_app_server(
    workdir: Path,
    extra_env: Mapping[str, str] | None = None,
    *,
    web_builds: Path | None = None,
) -> Iterator[AppServer]:
    """`reflex run --env prod` on a free port and a fresh database; stopped and dropped after.

    `extra_env` is added last, so it can override any setting (even the database).
    The web directory lives under `workdir` (removed afterwards: it holds ~150 MB of
    node_modules), so concurrent servers never share compiled pages or ports.
    Production bundles are cached in `web_builds` (default: a `web-builds` folder
    next to `workdir`, i.e. the session's base temp dir for the fixtures' servers).
    """
    database = create_database("jobagent_e2e")
    port = _free_port()
    base_url = f"http://localhost:{port}"
    web_dir = workdir / "web"
    log_path = workdir / "server.log"
    env = {
        **reflex_env(),
        **_BASE_SETTINGS,
        "DATABASE_URL": database.admin_url,
        "UI_DATABASE_URL": database.ui_url,
        "BETTER_AUTH_URL": base_url,
        "BETTER_AUTH_SECRET": E2E_AUTH_SECRET,
        "REFLEX_WEB_WORKDIR": str(web_dir),
        "REFLEX_STATES_WORKDIR": str(workdir / "states"),
        CACHE_ENV: str(web_builds or workdir.parent / "web-builds"),
        # A session compiles several distinct page sets; keep every bundle it builds.
        KEEP_ENV: "100",
        **(extra_env or {}),
    }
    # `python -m reflex`, with the bundle build step cached (jobagent_ui/web_build.py);
    # JOBAGENT_E2E_REBUILD=1 runs plain `python -m reflex` (a full build per server).
    entry = "reflex" if os.environ.get("JOBAGENT_E2E_REBUILD") == "1" else CACHED_BUILD_MODULE
    cmd = [sys.executable, "-m", entry, "run", "--env", "prod"]
    cmd += ["--frontend-port", str(port), "--backend-port", str(port)]
    try:
        with log_path.open("wb") as log:
            proc = subprocess.Popen(
                cmd,
                cwd=REPO_ROOT,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:
            _wait_until_serving(proc, base_url, log_path)
            yield AppServer(
                base_url=base_url,
                database=database,
                log_path=log_path,
                env=env,
                process_group=proc.pid,
            )
        finally:
            _stop(proc)
            shutil.rmtree(web_dir, ignore_errors=True)
    finally:
        drop_database(database)


@contextmanager
def run_worker(server: AppServer, log_path: Path) -> Iterator[subprocess.Popen[bytes]]:
    """`jobagent worker --concurrency 1` with `server`'s environment (same database,
    storage, queue and LLM), until the block ends; its output goes to `log_path`."""
    cmd = [sys.executable, "-m", "jobagent_core.cli", "worker", "--concurrency", "1"]
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            cmd,
            cwd=REPO_ROOT,
            env=dict(server.env),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 60
        while " ready." not in log_path.read_text(errors="replace"):
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"worker did not start\n--- {log_path} (tail) ---\n{_tail(log_path)}")
            time.sleep(0.1)
        yield proc
    finally:
        _stop(proc)
