"""Run Alembic from Python: upgrade to head and report drift or pending revisions."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError

from jobagent_core.db.engine import make_engine
from jobagent_core.db.models import Base

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic is imported in the functions that use it: its import (mako, pygments) costs
# ~0.1 s, which a CLI search whose database is already at head does not need.

PROJECT_ROOT = Path(__file__).resolve().parents[2]
ALEMBIC_INI = PROJECT_ROOT / "alembic.ini"


def alembic_config(url: str | None = None) -> Config:
    from alembic.config import Config

    if not ALEMBIC_INI.exists():
        raise FileNotFoundError(f"alembic.ini not found at {ALEMBIC_INI}; run from a checkout")
    config = Config(str(ALEMBIC_INI))
    config.attributes["configure_logger"] = False
    config.cmd_opts = None
    config.set_main_option("script_location", str(PROJECT_ROOT / "alembic"))
    if url:
        config.attributes["url"] = url
    return config


def newest_revision() -> str:
    """The newest migration's revision, read from the scripts' file names: they are
    numbered in order ("0006_posting_term_stats.py" is revision "0006") and form one
    line, which tests/unit/test_local_run_schema.py checks against Alembic's own head."""
    versions = PROJECT_ROOT / "alembic" / "versions"
    return max(path.name.split("_", 1)[0] for path in versions.glob("[0-9][0-9][0-9][0-9]_*.py"))


def is_current(url: str) -> bool:
    """Whether the database at `url` is at the newest migration, told without Alembic
    (whose import costs each CLI search ~0.1 s). False when in doubt: Alembic decides."""
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            versions = connection.execute(text("SELECT version_num FROM alembic_version"))
            return list(versions.scalars()) == [newest_revision()]
    except (SQLAlchemyError, ValueError):  # no such table yet; no scripts found
        return False
    finally:
        engine.dispose()


def upgrade_if_behind(url: str) -> None:
    """Apply any migration the database at `url` lacks; skips Alembic when none."""
    if not is_current(url):
        upgrade(url)


def upgrade(url: str, revision: str = "head") -> None:
    """Apply migrations up to `revision` on the database at `url`."""
    from alembic import command

    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            config = alembic_config(url)
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    finally:
        engine.dispose()


def downgrade(url: str, revision: str = "base") -> None:
    from alembic import command

    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            config = alembic_config(url)
            config.attributes["connection"] = connection
            command.downgrade(config, revision)
    finally:
        engine.dispose()


@dataclass(frozen=True)
class SchemaState:
    current: str | None
    head: str | None
    drift: list[str]

    @property
    def ok(self) -> bool:
        return self.current == self.head and not self.drift


def schema_state(engine: Engine) -> SchemaState:
    """Where the database stands: its revision, the code's head, and model drift."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        current = context.get_current_revision()
        drift = [str(diff) for diff in compare_metadata(context, Base.metadata)]
    return SchemaState(current=current, head=head, drift=drift)
