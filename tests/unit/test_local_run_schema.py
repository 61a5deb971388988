"""`jobagent search` migrates its database only when it is not at the newest
migration, told without Alembic: the answer must be "not current" whenever Alembic
would act."""

from __future__ import annotations

from pathlib import Path

import pytest

from jobagent_core.db.migrations import (
    alembic_config,
    downgrade,
    is_current,
    newest_revision,
    upgrade,
)

pytestmark = pytest.mark.unit


def test_the_newest_script_by_name_is_alembics_single_head() -> None:
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(alembic_config())
    assert scripts.get_heads() == [newest_revision()]
    # One line: each script builds on the one numbered before it.
    revisions = [script.revision for script in scripts.walk_revisions()]
    assert revisions == sorted(revisions, reverse=True)
    assert [s.down_revision for s in scripts.walk_revisions()] == [*revisions[1:], None]


def test_is_current_follows_the_database(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'jobagent.db'}"
    assert not is_current(url)  # no alembic_version table yet
    upgrade(url)
    assert is_current(url)
    previous = f"{int(newest_revision()) - 1:04d}"
    downgrade(url, previous)
    assert not is_current(url)
    upgrade(url)
    assert is_current(url)
    assert not is_current(f"sqlite:///{tmp_path / 'missing' / 'jobagent.db'}")
