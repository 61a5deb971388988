"""Run Alembic from Python: upgrade to head and report drift or pending revisions."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from alembic import command
from jobagent_core.db.engine import make_engine
from jobagent_core.db.models import Base

PROJECT_ROOT = Path(__file__).resolve().parents[2]
ALEMBIC_INI = PROJECT_ROOT / "alembic.ini"


def alembic_config(url: str | None = None) -> Config:
    if not ALEMBIC_INI.exists():
        raise FileNotFoundError(f"alembic.ini not found at {ALEMBIC_INI}; run from a checkout")
    config = Config(str(ALEMBIC_INI))
    config.attributes["configure_logger"] = False
    config.cmd_opts = None
    config.set_main_option("script_location", str(PROJECT_ROOT / "alembic"))
    if url:
        config.attributes["url"] = url
    return config


def upgrade(url: str, revision: str = "head") -> None:
    """Apply migrations up to `revision` on the database at `url`."""
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            config = alembic_config(url)
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    finally:
        engine.dispose()


def downgrade(url: str, revision: str = "base") -> None:
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
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        current = context.get_current_revision()
        drift = [str(diff) for diff in compare_metadata(context, Base.metadata)]
    return SchemaState(current=current, head=head, drift=drift)
