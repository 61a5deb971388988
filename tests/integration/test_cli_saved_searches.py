"""`jobagent searches` against the test database: add, list, pause, resume, run,
delete; mistakes as one line and exit code 1; another person's id not found."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine

from jobagent_core.cli import main
from tests.conftest import PostgresDatabase
from tests.saved_search_support import person, runs_of, saved_row
from tests.worker_support import configure

pytestmark = pytest.mark.integration


@pytest.fixture
def cli(
    monkeypatch: pytest.MonkeyPatch,
    pg_database: PostgresDatabase,
    pg_engine: Engine,
    tmp_path: Path,
) -> CliRunner:
    configure(monkeypatch, pg_database, tmp_path)
    return CliRunner()


ADD = [
    "searches", "add", "--title", "Data Engineer", "--location", "Berlin",
    "--every", "weekly", "--on", "mon", "--at", "08:00", "--tz", "Europe/Berlin",
]  # fmt: skip


def test_add_list_pause_resume_run_delete(cli: CliRunner, pg_engine: Engine) -> None:
    person(pg_engine, "ada@example.org")
    added = cli.invoke(main, [*ADD, "--email", "ada@example.org"])
    assert added.exit_code == 0, added.output
    saved_id = added.output.split()[0]
    assert re.fullmatch(r"[A-Za-z0-9]{32}", saved_id)
    assert "Every Monday at 08:00 (Europe/Berlin)" in added.output

    listed = cli.invoke(main, ["searches", "list", "--email", "ada@example.org"])
    assert listed.exit_code == 0
    assert saved_id in listed.output
    assert "last: Not run yet" in listed.output

    paused = cli.invoke(main, ["searches", "pause", saved_id, "--email", "ada@example.org"])
    assert paused.exit_code == 0
    assert "next: Paused" in paused.output
    assert saved_row(pg_engine, saved_id).paused
    resumed = cli.invoke(main, ["searches", "resume", saved_id, "--email", "ada@example.org"])
    assert resumed.exit_code == 0
    assert "next: Mon " in resumed.output

    ran = cli.invoke(main, ["searches", "run", saved_id, "--email", "ada@example.org"])
    assert ran.exit_code == 0, ran.output
    [run] = runs_of(pg_engine, saved_id)
    assert f"run {run.id} started" in ran.output

    deleted = cli.invoke(main, ["searches", "delete", saved_id, "--email", "ada@example.org"])
    assert deleted.exit_code == 0
    assert cli.invoke(main, ["searches", "list", "--email", "ada@example.org"]).output == (
        "no saved searches\n"
    )


def test_the_local_user_is_the_default_owner(cli: CliRunner) -> None:
    added = cli.invoke(main, ADD)
    assert added.exit_code == 0, added.output
    assert added.output.split()[0] in cli.invoke(main, ["searches", "list"]).output


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        (["--tz", "Berlin"], "not a time zone"),
        (["--at", "8am"], "HH:MM"),
        (["--source", "nowhere"], "nowhere"),
    ],
)
def test_mistakes_are_one_line_and_exit_1(
    cli: CliRunner, pg_engine: Engine, changes: list[str], words: str
) -> None:
    person(pg_engine, "ada@example.org")
    result = cli.invoke(main, [*ADD, "--email", "ada@example.org", *changes])
    assert result.exit_code == 1
    assert result.output.startswith("error: ")
    assert result.output.count("\n") == 1
    assert words in result.output


def test_another_persons_saved_search_is_not_found(cli: CliRunner, pg_engine: Engine) -> None:
    person(pg_engine, "ada@example.org")
    person(pg_engine, "bob@example.org")
    saved_id = cli.invoke(main, [*ADD, "--email", "ada@example.org"]).output.split()[0]
    for action in ("pause", "resume", "run", "delete"):
        result = cli.invoke(main, ["searches", action, saved_id, "--email", "bob@example.org"])
        assert result.exit_code == 1
        assert result.output == f"error: No such saved search. ({saved_id})\n"
    assert runs_of(pg_engine, saved_id) == []
    assert saved_row(pg_engine, saved_id).deleted_at is None
    unknown = cli.invoke(main, ["searches", "list", "--email", "nobody@example.org"])
    assert unknown.exit_code == 1
    assert "no user with e-mail" in unknown.output
