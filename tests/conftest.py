"""Shared fixtures: a fresh PostgreSQL database per test session (migrated, roles
provisioned, dropped at the end) and SQLite files migrated the same way.

PostgreSQL is reached as a superuser at TEST_POSTGRES_URL (default: the local
server with trust auth). Every test that touches it is marked `integration`.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from psycopg import sql
from sqlalchemy import Engine, make_url, text

from jobagent_core.db.engine import make_engine
from jobagent_core.db.migrations import upgrade
from jobagent_core.db.models import Base
from jobagent_core.db.roles import ADMIN_ROLE, UI_ROLE, libpq_url, provision_roles

SUPERUSER_URL = os.environ.get(
    "TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


# `make test-fast` selects by these: a test with none of them would silently drop out.
TEST_KINDS = ("unit", "integration", "e2e", "contract", "real_llm")


@pytest.hookimpl(tryfirst=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object | None:
    """`--dist loadfile`, with the files that share a session server in one process
    (tests/xdist_groups.py)."""
    if config.getvalue("dist") != "loadfile":
        return None
    from tests.xdist_groups import ServerGroupScheduling

    return ServerGroupScheduling(config, log)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    unmarked = [
        item.nodeid for item in items if not any(item.get_closest_marker(k) for k in TEST_KINDS)
    ]
    if unmarked:
        raise pytest.UsageError(
            f"tests without a kind marker ({', '.join(TEST_KINDS)}): " + ", ".join(unmarked)
        )


@dataclass(frozen=True)
class PostgresDatabase:
    name: str
    superuser_url: str
    admin_url: str
    ui_url: str


def _url_for(base: str, *, user: str, database: str) -> str:
    url = make_url(base).set(drivername="postgresql+psycopg", username=user, database=database)
    return url.render_as_string(hide_password=False)


def create_database(prefix: str = "jobagent_test", *, migrate: bool = True) -> PostgresDatabase:
    """An empty database with both roles provisioned and (unless `migrate` is
    False, as docker/postgres-init leaves it) migrations applied."""
    name = f"{prefix}_{os.getpid()}_{secrets.token_hex(4)}"
    with psycopg.connect(libpq_url(SUPERUSER_URL), autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    superuser = make_url(SUPERUSER_URL).username or "postgres"
    db = PostgresDatabase(
        name=name,
        superuser_url=_url_for(SUPERUSER_URL, user=superuser, database=name),
        admin_url=_url_for(SUPERUSER_URL, user=ADMIN_ROLE, database=name),
        ui_url=_url_for(SUPERUSER_URL, user=UI_ROLE, database=name),
    )
    # The documented order: roles, migrations as admin, grants refreshed.
    provision_roles(db.superuser_url)
    if migrate:
        upgrade(db.admin_url)
        provision_roles(db.admin_url)
    return db


def drop_database(db: PostgresDatabase) -> None:
    with psycopg.connect(libpq_url(SUPERUSER_URL), autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(db.name))
        )


@pytest.fixture(scope="session")
def pg_database() -> Iterator[PostgresDatabase]:
    db = create_database()
    yield db
    drop_database(db)


@pytest.fixture(scope="session")
def pg_admin_engine(pg_database: PostgresDatabase) -> Iterator[Engine]:
    engine = make_engine(pg_database.admin_url)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def pg_ui_engine(pg_database: PostgresDatabase) -> Iterator[Engine]:
    engine = make_engine(pg_database.ui_url)
    yield engine
    engine.dispose()


def truncate_all(engine: Engine) -> None:
    tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text(f"TRUNCATE {tables} CASCADE"))
        else:
            for table in reversed(Base.metadata.sorted_tables):
                conn.execute(table.delete())


@pytest.fixture
def pg_engine(pg_admin_engine: Engine) -> Iterator[Engine]:
    """The admin engine on a database emptied after the test."""
    yield pg_admin_engine
    truncate_all(pg_admin_engine)


@pytest.fixture
def sqlite_engine(tmp_path: Path) -> Iterator[Engine]:
    url = f"sqlite:///{tmp_path / 'jobagent.db'}"
    upgrade(url)
    engine = make_engine(url)
    yield engine
    engine.dispose()


@pytest.fixture(
    params=[
        pytest.param("sqlite", marks=pytest.mark.unit),
        pytest.param("postgresql", marks=pytest.mark.integration),
    ]
)
def engine(request: pytest.FixtureRequest) -> Engine:
    """The same test on both supported databases, each freshly migrated and empty."""
    name = "sqlite_engine" if request.param == "sqlite" else "pg_engine"
    return request.getfixturevalue(name)
