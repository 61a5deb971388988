"""Alembic is the only DDL path: head on empty SQLite and PostgreSQL, no drift,
downgrade to base, and the `jobagent db` commands report the state in words."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from jobagent_core.db.engine import make_engine
from jobagent_core.db.migrations import downgrade, schema_state, upgrade
from jobagent_core.db.models import Base
from tests.cli_support import run_cli
from tests.conftest import PostgresDatabase, create_database, drop_database

MODEL_TABLES = {t.name for t in Base.metadata.sorted_tables}


@pytest.fixture
def scratch_pg() -> Iterator[PostgresDatabase]:
    db = create_database("jobagent_mig")
    yield db
    drop_database(db)


def jobagent(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, env=env)


@pytest.mark.integration
def test_postgres_head_has_no_drift_and_downgrades_to_base(scratch_pg: PostgresDatabase) -> None:
    engine = make_engine(scratch_pg.admin_url)
    try:
        state = schema_state(engine)
        assert state.ok, state
        assert MODEL_TABLES <= set(inspect(engine).get_table_names())

        downgrade(scratch_pg.admin_url, "base")
        assert set(inspect(engine).get_table_names()) == {"alembic_version"}
        assert schema_state(engine).current is None

        upgrade(scratch_pg.admin_url)
        assert schema_state(engine).ok
    finally:
        engine.dispose()


@pytest.mark.unit
def test_sqlite_empty_file_upgrades_to_head_without_drift(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'nested' / 'fresh.db'}"
    upgrade(url)
    engine = make_engine(url)
    try:
        state = schema_state(engine)
        assert state.ok, state
        assert state.current == state.head
        assert set(inspect(engine).get_table_names()) == MODEL_TABLES | {"alembic_version"}
    finally:
        engine.dispose()


@pytest.mark.unit
def test_db_commands_report_state_in_words(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    behind = jobagent("db", "check", "--url", url)
    assert behind.returncode == 1
    assert "run `jobagent db upgrade`" in behind.stderr
    assert "Traceback" not in behind.stderr

    upgraded = jobagent("db", "upgrade", "--url", url)
    assert upgraded.returncode == 0, upgraded.stderr
    assert "latest revision" in upgraded.stdout

    ok = jobagent("db", "check", "--url", url)
    assert ok.returncode == 0, ok.stderr
    assert "no drift" in ok.stdout


@pytest.mark.unit
def test_db_check_names_drift(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'drift.db'}"
    upgrade(url)
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text("ALTER TABLE runs ADD COLUMN hand_made TEXT"))
    engine.dispose()
    result = jobagent("db", "check", "--url", url)
    assert result.returncode == 1
    assert "hand_made" in result.stderr


@pytest.mark.integration
def test_provision_roles_command(scratch_pg: PostgresDatabase) -> None:
    result = jobagent("db", "provision-roles", "--url", scratch_pg.superuser_url)
    assert result.returncode == 0, result.stderr
    assert "provisioned" in result.stdout
    refused = jobagent("db", "provision-roles", "--url", scratch_pg.ui_url)
    assert refused.returncode == 1
    assert "Connect as a superuser" in refused.stderr
    assert "Traceback" not in refused.stderr


@pytest.mark.unit
def test_bad_setting_stops_the_cli_with_one_line(tmp_path: Path) -> None:
    import os

    env = {**os.environ, "DATABASE_URL": "mysql://nope/x"}
    result = jobagent("db", "upgrade", env=env)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "error: Invalid setting DATABASE_URL: expected a postgresql:// or sqlite:// URL, "
        "got scheme 'mysql'"
    )
