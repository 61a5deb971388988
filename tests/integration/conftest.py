"""Fixtures shared by the integration tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from jobagent_core.config import get_settings
from jobagent_core.db.engine import make_engine
from tests.embedded_support import Embedded
from tests.worker_support import configure_sqlite, reset_caches


@pytest.fixture
def embedded(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Embedded]:
    """DATABASE_URL a migrated SQLite file, no broker URL (the embedded queue)."""
    url = configure_sqlite(monkeypatch, tmp_path)
    assert get_settings().broker_url is None  # the embedded queue, not Redis
    engine = make_engine(url)
    try:
        yield Embedded(engine, tmp_path / "queue", tmp_path / "storage")
    finally:
        engine.dispose()
        reset_caches()
