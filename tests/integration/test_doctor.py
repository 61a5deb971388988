"""`jobagent doctor` against real services: healthy with a migrated PostgreSQL
database, provisioned roles and a real worker (on the embedded queue and on
Redis); and each broken piece named, with a non-zero exit.

The test server trusts every local connection (pg_hba `trust`), so a wrong
password cannot be shown to fail here. What fails the same way for the doctor
(the connection is refused at start-up with a FATAL error) and can be shown:
a database name that does not exist.

The deployment chain is checked too: docker/postgres-init/ (roles, passwords,
schema owner) then docker/migrate.sh leave a database the doctor calls healthy.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
import redis
from click.testing import CliRunner
from psycopg import sql
from sqlalchemy import make_url

from jobagent_core.config import load_settings
from jobagent_core.db.roles import UI_ROLE, libpq_url
from jobagent_core.doctor import Check, Status, run_checks, run_doctor
from tests.conftest import SUPERUSER_URL, PostgresDatabase, create_database, drop_database
from tests.worker_support import REPO_ROOT, configure, running_worker

pytestmark = pytest.mark.integration

REDIS_DB = "11"


@pytest.fixture(scope="module")
def database() -> Iterator[PostgresDatabase]:
    db = create_database("jobagent_doctor")
    yield db
    drop_database(db)


@pytest.fixture
def redis_url() -> Iterator[str]:
    url = f"redis://127.0.0.1:6379/{REDIS_DB}"
    client = redis.Redis.from_url(url)
    client.flushdb()
    yield url
    client.flushdb()


def by_name(checks: list[Check]) -> dict[str, Check]:
    return {check.name: check for check in checks}


def failed(checks: list[Check]) -> list[str]:
    return [check.name for check in checks if check.status is Status.FAIL]


def superuser_sql(database: str, statement: sql.Composable) -> None:
    url = make_url(SUPERUSER_URL).set(database=database).render_as_string(hide_password=False)
    with psycopg.connect(libpq_url(url), autocommit=True) as conn:
        conn.execute(statement)


@pytest.mark.parametrize("broker", ["embedded", "redis"])
def test_healthy_installation_passes_every_check(
    broker: str,
    database: PostgresDatabase,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    request: pytest.FixtureRequest,
) -> None:
    extra = {"REDIS_URL": request.getfixturevalue("redis_url")} if broker == "redis" else {}
    configure(monkeypatch, database, tmp_path, **extra)
    lines: list[str] = []
    with running_worker(tmp_path / "worker.log"):
        code = run_doctor(echo=lines.append)

    output = "\n".join(lines)
    assert code == 0, output
    assert output.endswith("all checks passed")
    for name in ("settings", "database", "migrations", "ui role", "storage", "broker", "worker"):
        assert f"✓ {name}" in output
    assert "queues profiling, search are consumed" in output
    # Nothing configured beyond the defaults: skipped, not failed.
    for name in ("smtp", "llm", "google"):
        assert f"– {name}" in output


def test_unreachable_database_is_named(
    database: PostgresDatabase, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    missing = make_url(database.admin_url).set(database="jobagent_no_such_database")
    configure(
        monkeypatch,
        database,
        tmp_path,
        DATABASE_URL=missing.render_as_string(hide_password=False),
    )
    lines: list[str] = []
    assert run_doctor(echo=lines.append) == 1
    output = "\n".join(lines)
    assert "✗ database" in output
    assert 'database "jobagent_no_such_database" does not exist' in output
    assert "– migrations  skipped: the database is unreachable" in output


def test_migrations_behind_are_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    name = f"jobagent_doctor_base_{os.getpid()}"
    superuser_sql("postgres", sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        base = make_url(SUPERUSER_URL).set(drivername="postgresql+psycopg", database=name)
        empty = PostgresDatabase(
            name=name,
            superuser_url=base.render_as_string(hide_password=False),
            admin_url=base.set(username="job_agent_admin").render_as_string(hide_password=False),
            ui_url=base.set(username=UI_ROLE).render_as_string(hide_password=False),
        )
        configure(monkeypatch, empty, tmp_path)
        checks = run_checks(load_settings(), timeout_s=2)
    finally:
        superuser_sql(
            "postgres",
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)),
        )
    migrations = by_name(checks)["migrations"]
    assert migrations.status is Status.FAIL
    assert "database is at revision (none)" in migrations.detail
    assert "run `jobagent db upgrade`" in migrations.detail


def test_worker_down_is_named(
    database: PostgresDatabase, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    configure(monkeypatch, database, tmp_path)
    lines: list[str] = []
    assert run_doctor(echo=lines.append) == 1
    assert lines[-1] == "1 check(s) failed: worker"
    assert any(
        line.startswith("✗ worker") and "no worker answered a ping" in line for line in lines
    )


def test_ui_role_with_too_much_power_is_named(
    database: PostgresDatabase, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    configure(monkeypatch, database, tmp_path)
    ui = sql.Identifier(UI_ROLE)
    superuser_sql(database.name, sql.SQL("GRANT CREATE ON SCHEMA public TO {}").format(ui))
    superuser_sql(database.name, sql.SQL("GRANT DELETE ON runs TO {}").format(ui))
    try:
        checks = run_checks(load_settings(), timeout_s=2)
    finally:
        superuser_sql(database.name, sql.SQL("REVOKE CREATE ON SCHEMA public FROM {}").format(ui))
        superuser_sql(database.name, sql.SQL("REVOKE DELETE ON runs FROM {}").format(ui))
    role = by_name(checks)["ui role"]
    assert role.status is Status.FAIL
    assert "may CREATE in schema public" in role.detail
    assert "may DELETE on runs" in role.detail
    assert "jobagent db provision-roles" in role.detail


def test_ui_database_url_left_unset_is_named(
    database: PostgresDatabase, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    configure(monkeypatch, database, tmp_path, UI_DATABASE_URL="")
    role = by_name(run_checks(load_settings(), timeout_s=2))["ui role"]
    assert role.status is Status.FAIL
    assert "UI_DATABASE_URL is not set" in role.detail


def test_compose_database_chain_is_healthy(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """What docker-compose.yml does to a new volume: the postgres image runs
    docker/postgres-init/ as the superuser, then the migrate service runs
    docker/migrate.sh as the admin role. (The roles are cluster-wide: their
    passwords change here, which the test server's trust authentication ignores.)"""
    name = f"jobagent_doctor_compose_{os.getpid()}"
    superuser_sql("postgres", sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        superuser = make_url(SUPERUSER_URL)
        init_env = {
            **os.environ,
            "PGHOST": superuser.host or "127.0.0.1",
            "PGPORT": str(superuser.port or 5432),
            "POSTGRES_USER": superuser.username or "postgres",
            "POSTGRES_DB": name,
            "JOB_AGENT_ADMIN_PASSWORD": "compose-admin-password",
            "JOB_AGENT_UI_PASSWORD": "compose-ui-password",
        }
        if superuser.password:
            init_env["PGPASSWORD"] = superuser.password
        subprocess.run(
            ["sh", "docker/postgres-init/10-jobagent-roles.sh"],
            cwd=REPO_ROOT,
            env=init_env,
            check=True,
            capture_output=True,
        )
        base = superuser.set(drivername="postgresql+psycopg", database=name)
        db = PostgresDatabase(
            name=name,
            superuser_url=base.render_as_string(hide_password=False),
            admin_url=base.set(username="job_agent_admin").render_as_string(hide_password=False),
            ui_url=base.set(username=UI_ROLE).render_as_string(hide_password=False),
        )
        env = configure(monkeypatch, db, tmp_path)
        venv_bin = str(Path(sys.executable).parent)
        migrate = subprocess.run(
            ["sh", "docker/migrate.sh"],
            cwd=REPO_ROOT,
            env={
                **os.environ,
                **env,
                # As in the compose file's .env: must not trip provision-roles.
                "JOB_AGENT_ADMIN_PASSWORD": "compose-admin-password",
                "PATH": f"{venv_bin}{os.pathsep}{os.environ['PATH']}",
            },
            capture_output=True,
            text=True,
        )
        assert migrate.returncode == 0, migrate.stderr
        assert "roles job_agent_admin and job_agent_ui provisioned" in migrate.stdout
        checks = by_name(run_checks(load_settings(), timeout_s=2))
    finally:
        superuser_sql(
            "postgres",
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)),
        )
    for check in ("database", "migrations", "ui role"):
        assert checks[check].status is Status.OK, checks[check]


def test_jobagent_doctor_command(
    database: PostgresDatabase, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The CLI face: `jobagent doctor` prints the lines and exits non-zero on a failure."""
    from jobagent_core.cli import main

    configure(monkeypatch, database, tmp_path)
    result = CliRunner().invoke(main, ["doctor", "--timeout", "2"])
    assert result.exit_code == 1, result.output
    assert "✓ database" in result.output
    assert "✗ worker" in result.output
