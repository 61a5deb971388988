"""Engines and sessions. Two connections by design: admin (migrations, workers, CLI)
and ui (the web app, limited role on PostgreSQL)."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.orm import Session, sessionmaker

from jobagent_core.config import get_settings


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # SQLite leaves foreign keys (and so ON DELETE CASCADE) off unless asked.
    cursor.execute("PRAGMA foreign_keys=ON")
    # WAL lets the web app read while a worker process writes.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for `url`; SQLite files get their folder created and sane pragmas."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, **kwargs)


@functools.cache
def admin_engine() -> Engine:
    return make_engine(get_settings().DATABASE_URL)


@functools.cache
def ui_engine() -> Engine:
    return make_engine(get_settings().ui_database_url)


def dispose_engines() -> None:
    """Drop pooled connections, e.g. in a freshly forked worker process."""
    for factory in (admin_engine, ui_engine):
        if factory.cache_info().currsize:
            factory().dispose(close=False)
        factory.cache_clear()


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """A session that commits when the block succeeds and rolls back when it raises."""
    factory = sessionmaker(engine, expire_on_commit=False)
    with factory.begin() as session:
        yield session
