"""The API token shown once in Settings is never kept in the app's state store.

Reflex saves every tab's state after each event: to files (one server) or to
Redis (several). A token created in the browser is looked for in all of it, and
state files must be private to the app's user (0600).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import redis
from playwright.sync_api import Browser, expect
from sqlalchemy import Engine

from jobagent_core.auth.cookies import COOKIE_NAME
from tests.e2e.servers import AppServer
from tests.security.conftest import make_person

pytestmark = pytest.mark.e2e

# A Redis database of its own, so the scan sees this server's states only.
STATE_REDIS_URL = "redis://127.0.0.1:6379/10"  # a database no other test uses


@pytest.fixture(scope="module")
def redis_state_server(start_module_server: Callable[..., AppServer]) -> AppServer:
    redis.Redis.from_url(STATE_REDIS_URL).flushdb()
    return start_module_server({"REFLEX_REDIS_URL": STATE_REDIS_URL}, name="redis-state")


def create_token_in_the_browser(browser: Browser, server: AppServer, engine: Engine) -> str:
    person = make_person(engine)
    context = browser.new_context(base_url=server.base_url)
    try:
        context.add_cookies(
            [{"name": COOKIE_NAME, "value": person.cookie_value, "url": server.base_url}]
        )
        page = context.new_page()
        page.goto("/settings")
        page.get_by_label("Token name").fill("state scan")
        page.get_by_role("button", name="Create token").click()
        shown = page.get_by_label("New API token")
        expect(shown).to_have_value(re.compile(r"^ja_"))
        token = shown.input_value()
        # More events, so the state has been saved again since the token appeared.
        page.get_by_label("Token name").fill("after")
        expect(page.get_by_label("Token name")).to_have_value("after")
        time.sleep(1.0)
        return token
    finally:
        context.close()


def test_the_token_is_not_in_the_state_files_and_they_are_private(
    browser: Browser, security_server: AppServer, security_admin: Engine
) -> None:
    token = create_token_in_the_browser(browser, security_server, security_admin)
    states = Path(security_server.env["REFLEX_STATES_WORKDIR"])
    # Reflex writes states to disk after a debounce, later still on a busy machine.
    deadline = time.monotonic() + 30
    files: list[Path] = []
    while not files and time.monotonic() < deadline:
        files = [path for path in states.rglob("*") if path.is_file()]
        time.sleep(0.2)
    assert files, "no state files to scan: the server did not use its disk store"
    for path in files:
        assert token.encode() not in path.read_bytes(), path
        assert path.stat().st_mode & 0o077 == 0, f"{path} is readable by others"


def test_the_token_is_not_in_the_redis_state_store(
    browser: Browser, redis_state_server: AppServer
) -> None:
    from jobagent_core.db.engine import make_engine

    engine = make_engine(redis_state_server.database.admin_url)
    try:
        token = create_token_in_the_browser(browser, redis_state_server, engine)
    finally:
        engine.dispose()
    store = redis.Redis.from_url(STATE_REDIS_URL)
    keys = list(store.scan_iter())
    assert keys, "no states in Redis: the server did not use it"
    for key in keys:
        kind = store.type(key)
        if kind == b"string":
            values = [store.get(key) or b""]
        elif kind == b"hash":
            values = list(store.hgetall(key).values())
        else:
            continue
        assert not any(token.encode() in value for value in values), key
