"""End-to-end fixtures: the production Reflex server plus Debian's Chromium.

The server is started the way scripts/serve_ui.sh starts it (same environment,
from scripts/reflex_env.sh), with this interpreter's Reflex, on a free port.
"""

from __future__ import annotations

import os
import shlex
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
REFLEX_ENV_SCRIPT = REPO_ROOT / "scripts" / "reflex_env.sh"
SERVER_START_TIMEOUT_S = float(os.environ.get("JOBAGENT_E2E_START_TIMEOUT", "300"))
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
    """Terminate the server's whole process group (Reflex forks workers)."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=15)
    except ProcessLookupError:
        pass


@pytest.fixture(scope="session")
def app_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Run `reflex run --env prod` on a free port; yield its base URL."""
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"
    log_path = tmp_path_factory.mktemp("reflex") / "server.log"
    cmd = [
        sys.executable,
        "-m",
        "reflex",
        "run",
        "--env",
        "prod",
        "--frontend-port",
        str(port),
        "--backend-port",
        str(port),
    ]
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            cmd,
            cwd=REPO_ROOT,
            env=reflex_env(),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT_S
        while not (_answers(f"{base_url}/ping") and _answers(f"{base_url}/")):
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
            time.sleep(0.5)
        yield base_url
    finally:
        _stop(proc)


@pytest.fixture(scope="session")
def base_url(app_server: str) -> str:
    """pytest-playwright's base_url: relative page.goto("/") hits the app server."""
    return app_server


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """Launch Debian's Chromium (Playwright's browser download is unavailable)."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}
