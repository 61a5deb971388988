"""Fixtures for the security tests: one production server (Reflex, PostgreSQL as the
ui role) shared by the tests that need a real one, people with minted session
cookies, and a small page server that plays the attacker's sibling site."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy import Engine

from jobagent_core.auth.cookies import COOKIE_NAME, sign
from jobagent_core.auth.sessions import create_session
from jobagent_core.db.base import new_id
from jobagent_core.db.engine import make_engine, session_scope
from jobagent_core.db.models import User
from tests.e2e.conftest import (  # noqa: F401 (fixtures: Debian's Chromium, servers)
    browser_type_launch_args,
    start_app_server,
    start_module_server,
)
from tests.e2e.servers import E2E_AUTH_SECRET, AppServer


@dataclass(frozen=True)
class Person:
    id: str
    email: str
    cookie_value: str  # the signed session cookie's value

    @property
    def cookie_header(self) -> str:
        return f"{COOKIE_NAME}={self.cookie_value}"


def make_person(engine: Engine, *, has_access: bool = True, name: str = "Victim") -> Person:
    """A user with a live session, as sign-in leaves them."""
    email = f"{name.lower()}-{new_id()[:8]}@example.org"
    with session_scope(engine) as db:
        user = User(name=name, email=email, email_verified=True, has_access=has_access)
        db.add(user)
        db.flush()
        token = create_session(db, user.id).token
        return Person(id=user.id, email=email, cookie_value=sign(token, E2E_AUTH_SECRET))


@pytest.fixture(scope="session")
def security_server(
    start_app_server: Callable[..., AppServer],  # noqa: F811
    tmp_path_factory: pytest.TempPathFactory,
) -> AppServer:
    """A production server whose allow-list lets in only operator-granted people."""
    data = tmp_path_factory.mktemp("security-data")
    return start_app_server(
        {
            "STORAGE_DIR": str(data / "storage"),
            "QUEUE_DIR": str(data / "queue"),
            "ACCESS_ALLOW_LIST": "nobody.example",
        },
        name="security",
    )


@pytest.fixture(scope="session")
def security_admin(security_server: AppServer) -> Iterator[Engine]:
    engine = make_engine(security_server.database.admin_url)
    yield engine
    engine.dispose()


class _PageHandler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = b"<!doctype html><title>Sibling site</title><p>Nothing to see here.</p>"
        self.send_response(200)
        self.send_header("content-type", "text/html")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def sibling_site() -> Iterator[int]:
    """The port of a plain page server on this machine: opened as
    http://localhost:<port> it is the same *site* as the app (another port, so the
    Lax cookie still goes along); as http://127.0.0.1:<port> it is another site."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _PageHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield int(server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()


def process_group_rss_mb(pgid: int) -> float:
    """Resident memory of every process in a process group, in MB (from /proc)."""
    total_kb = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) != pgid:  # fields after the name: state, ppid, pgrp, ...
                continue
            status = (stat.parent / "status").read_text()
        except (OSError, IndexError, ValueError):
            continue  # the process ended while we looked
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total_kb += int(line.split()[1])
    return total_kb / 1024


class PeakRss:
    """Samples a process group's RSS in a thread until stopped; keeps the peak."""

    def __init__(self, pgid: int, interval_s: float = 0.02) -> None:
        self.pgid = pgid
        self.interval_s = interval_s
        self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak_mb = max(self.peak_mb, process_group_rss_mb(self.pgid))
            self._stop.wait(self.interval_s)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()
