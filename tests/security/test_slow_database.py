"""One slow database call never freezes the server.

The `session` table is locked for ten seconds, so every cookie-authenticated
request waits on the database. Meanwhile /health and a new websocket to the app
(what every open page talks through) must answer about as fast as without the
lock: judged against the same probes on the idle server, and by their finishing
while the lock is still held.
"""

from __future__ import annotations

import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import psycopg
import pytest
from playwright.sync_api import Page
from sqlalchemy import Engine

from jobagent_core.db.roles import libpq_url
from tests.e2e.servers import AppServer
from tests.security.conftest import make_person

pytestmark = pytest.mark.e2e

LOCK_S = 10.0
# Opens a new websocket to the app and resolves with the ms to its first message.
WEBSOCKET_ROUND_TRIP_JS = """
(base) => new Promise((resolve, reject) => {
  const started = performance.now();
  const socket = new WebSocket(base.replace("http", "ws") + "/_event/?EIO=4&transport=websocket");
  socket.onmessage = () => { resolve(performance.now() - started); socket.close(); };
  socket.onerror = () => reject(new Error("websocket refused"));
})
"""


def probe(server: AppServer, page: Page, rounds: int = 5) -> tuple[list[float], list[float]]:
    """(ms per /health, ms per websocket round trip)."""
    health, sockets = [], []
    with httpx.Client(timeout=60) as client:
        for _ in range(rounds):
            started = time.perf_counter()
            assert client.get(server.url("/health")).status_code == 200
            health.append((time.perf_counter() - started) * 1000)
            sockets.append(float(page.evaluate(WEBSOCKET_ROUND_TRIP_JS, server.base_url)))
    return health, sockets


def test_a_locked_session_table_leaves_health_and_websockets_responsive(
    page: Page, security_server: AppServer, security_admin: Engine
) -> None:
    server = security_server
    people = [make_person(security_admin) for _ in range(4)]
    page.goto(server.url("/sign-in"))
    probe(server, page, rounds=2)  # warm up
    idle_health, idle_sockets = probe(server, page)

    locked, release = threading.Event(), threading.Event()

    def hold_lock() -> None:
        with psycopg.connect(libpq_url(server.database.superuser_url)) as conn:
            conn.execute('LOCK TABLE "session" IN ACCESS EXCLUSIVE MODE')
            locked.set()
            release.wait(LOCK_S)
            conn.rollback()

    def cookie_post(cookie: str) -> int:
        response = httpx.post(
            server.url("/workflow/job-search"),
            json={"title": "Data Engineer"},
            headers={"cookie": cookie, "origin": server.base_url},
            timeout=60,
        )
        return response.status_code

    with ThreadPoolExecutor(max_workers=12) as pool:
        holder = pool.submit(hold_lock)
        assert locked.wait(10)
        lock_ends = time.monotonic() + LOCK_S
        posts = [pool.submit(cookie_post, p.cookie_header) for p in people for _ in range(2)]
        time.sleep(0.5)  # let the posts reach the database and wait there
        loaded_health, loaded_sockets = probe(server, page)
        probes_done = time.monotonic()
        release.set()
        holder.result()
        statuses = [post.result() for post in posts]

    assert probes_done < lock_ends, "the probes only finished once the lock was gone"
    assert all(status == 202 for status in statuses), statuses  # they waited, then worked
    ratio_health = statistics.median(loaded_health) / statistics.median(idle_health)
    ratio_sockets = statistics.median(loaded_sockets) / statistics.median(idle_sockets)
    print(
        f"/health idle {statistics.median(idle_health):.1f} ms, locked "
        f"{statistics.median(loaded_health):.1f} ms (×{ratio_health:.1f}); websocket idle "
        f"{statistics.median(idle_sockets):.1f} ms, locked "
        f"{statistics.median(loaded_sockets):.1f} ms (×{ratio_sockets:.1f})"
    )
    assert ratio_health < 20
    assert ratio_sockets < 20
