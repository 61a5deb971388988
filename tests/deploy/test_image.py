"""The Docker image, built and started without a Docker engine.

Builds the Dockerfile from this checkout with buildah on a debootstrapped Debian
base (tests/deploy/image_build.py; docs/deploy.md, "Building the image without
Docker"), migrates a fresh test database with the image's own migrate script,
starts the web app and a worker from the image against the test PostgreSQL and
Redis (DB 12), signs in as the local user over HTTP, builds a profile from a CV
and runs one sample job search through the HTTP API.

Slow (a first run debootstraps and builds everything: 10-20 minutes; later runs
reuse the cached base image and the build's package layers). Phase timings are
printed and written to test-artifacts/image-build/timings.txt.
"""

from __future__ import annotations

import os
import secrets
import socket
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import redis

from tests import cv_fixtures
from tests.conftest import PostgresDatabase, create_database, drop_database
from tests.deploy import image_build
from tests.deploy.image_build import ARTIFACTS, Container, Timings

pytestmark = [pytest.mark.slow, pytest.mark.integration]

# Database 9: no other test uses it (a worker on a shared one would take their tasks).
REDIS_DB_URL = os.environ.get("TEST_IMAGE_REDIS_URL", "redis://127.0.0.1:6379/9")
# Inside the image: where STORAGE_DIR points (Dockerfile), shared by app and worker.
STORAGE = "/data/storage"
JOBAGENT_UID = 10001


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(
    check: Callable[[], Any], *, timeout: float, what: str, logs: list[Path], every: float = 1
) -> Any:
    """Poll `check` until it returns something truthy; fail with the logs' tails."""
    deadline = time.monotonic() + timeout
    last: Any = None
    while time.monotonic() < deadline:
        try:
            last = check()
        except httpx.HTTPError as err:
            last = err
        else:
            if last:
                return last
        time.sleep(every)
    tails = "\n".join(
        f"--- {log.name} ---\n{log.read_text(errors='replace')[-3000:]}"
        for log in logs
        if log.exists()
    )
    pytest.fail(f"timed out after {timeout:.0f} s waiting for {what} (last: {last!r})\n{tails}")


@pytest.fixture
def fresh_database() -> Iterator[PostgresDatabase]:
    """A new, empty database with the two roles: the image's migrate script does the rest."""
    db = create_database("jobagent_image", migrate=False)
    yield db
    drop_database(db)


@pytest.fixture
def redis_db() -> Iterator[str]:
    client = redis.Redis.from_url(REDIS_DB_URL)
    try:
        client.ping()
    except redis.RedisError as err:
        pytest.fail(f"Redis not reachable at {REDIS_DB_URL}: {err} (scripts/ensure_services.sh)")
    client.flushdb()
    yield REDIS_DB_URL
    client.flushdb()
    client.close()


def poll_run(
    client: httpx.Client, status_url: str, logs: list[Path], timeout: float
) -> dict[str, Any]:
    def finished() -> dict[str, Any] | None:
        body = client.get(status_url).json()
        return body if body.get("status") in ("completed", "failed", "cancelled") else None

    return wait_for(finished, timeout=timeout, what=f"run {status_url}", logs=logs, every=2)  # type: ignore[no-any-return]


def test_image_builds_and_serves_a_search(
    fresh_database: PostgresDatabase, redis_db: str, tmp_path: Path
) -> None:
    timings = Timings()
    started = time.monotonic()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    image_build.ensure_tools()
    with image_build.build_lock():
        base = image_build.ensure_base_image(timings)
        image = image_build.build_app_image(base, timings)

    storage = tmp_path / "storage"
    storage.mkdir()
    os.chown(storage, JOBAGENT_UID, JOBAGENT_UID)
    volumes = [f"{storage}:{STORAGE}"]
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    common = {
        "REDIS_URL": redis_db,
        "BETTER_AUTH_SECRET": secrets.token_urlsafe(32),
        "BETTER_AUTH_URL": base_url,
        "RUN_STALE_AFTER_S": "60",
    }
    app_log = ARTIFACTS / "app.log"
    worker_log = ARTIFACTS / "worker.log"
    logs = [app_log, worker_log]
    suffix = secrets.token_hex(3)

    with (
        image_build.container(image, f"jobagent-image-test-app-{suffix}") as app,
        image_build.container(image, f"jobagent-image-test-worker-{suffix}") as worker,
    ):
        admin = {**common, "DATABASE_URL": fresh_database.admin_url}
        with timings.phase("migrate"):
            worker.call(
                ["docker/migrate.sh"], admin, what="docker/migrate.sh in the image", timeout=300
            )
        with timings.phase("start"):
            worker.start(["jobagent", "worker", "--concurrency", "1"], admin, worker_log, volumes)
            app.start(
                ["bash", "scripts/serve_ui.sh", str(port)],
                {
                    **common,
                    "DATABASE_URL": fresh_database.ui_url,
                    "UI_DATABASE_URL": fresh_database.ui_url,
                    "REFLEX_API_URL": base_url,
                },
                app_log,
                volumes,
            )
            _wait_until_serving(base_url, app, logs)
        with timings.phase("search"), httpx.Client(base_url=base_url, timeout=30) as client:
            _sign_in_profile_and_search(client, base_url, logs)
        _stopped_cleanly(app, worker)

    total = time.monotonic() - started
    summary = f"{timings.report()}; test total {total:.0f} s"
    (ARTIFACTS / "timings.txt").write_text(summary + "\n")
    print(f"\nimage build and run: {summary}")


def _wait_until_serving(base_url: str, app: Container, logs: list[Path]) -> None:
    def serving() -> bool:
        for process in app.processes:
            if process.poll() is not None:
                pytest.fail(
                    f"the app exited with {process.returncode}:\n"
                    + logs[0].read_text(errors="replace")[-4000:]
                )
        health = httpx.get(f"{base_url}/health", timeout=5)
        ping = httpx.get(f"{base_url}/ping", timeout=5)
        return health.status_code == 200 and ping.status_code == 200

    # reflex run --env prod compiles and bundles the front end at every start.
    wait_for(serving, timeout=600, what="/health and /ping", logs=logs, every=2)
    page = httpx.get(f"{base_url}/sign-in", timeout=30, follow_redirects=True)
    assert page.status_code == 200, page.text[:500]


def _sign_in_profile_and_search(client: httpx.Client, base_url: str, logs: list[Path]) -> None:
    own = {"origin": base_url}
    signed_in = client.post("/api/auth/sign-in/local", data={"callbackURL": "/"}, headers=own)
    assert signed_in.status_code == 303, signed_in.text
    session = client.get("/api/auth/get-session")
    assert session.status_code == 200, session.text
    assert session.json()["user"]["email"] == "local@localhost"

    # A search needs a profile: one built by the worker from a sample CV.
    ((name, data),) = cv_fixtures.upload_set([cv_fixtures.DATA_ENGINEER])
    profiling = client.post(
        "/workflow/profiling", files=[("files", (name, data, "application/pdf"))], headers=own
    )
    assert profiling.status_code == 202, profiling.text
    profile_run = poll_run(client, profiling.json()["status_url"], logs, timeout=600)
    assert profile_run["status"] == "completed", profile_run

    search = client.post(
        "/workflow/job-search",
        json={"title": "Data Engineer", "sources": ["sample"]},
        headers=own,
    )
    assert search.status_code == 202, search.text
    run = poll_run(client, search.json()["status_url"], logs, timeout=900)
    assert run["status"] == "completed", run
    assert run["counters"]["matched"] > 0, run


def _stopped_cleanly(*containers: Container) -> None:
    for box in containers:
        for process in box.processes:
            assert process.poll() is None, f"{box.name} exited early ({process.returncode})"
