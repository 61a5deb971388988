"""The ui role (what the web app connects as) reads and writes rows, deletes only
session and verification rows, and can run no DDL (docs/architecture.md §4)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import psycopg
import pytest
from psycopg import sql

from jobagent_core.db.base import new_id
from jobagent_core.db.models import Base
from jobagent_core.db.roles import ADMIN_ROLE, UI_ROLE, libpq_url, provision_roles
from tests.conftest import PostgresDatabase

pytestmark = pytest.mark.integration

INSUFFICIENT_PRIVILEGE = "42501"


@pytest.fixture
def ui(pg_database: PostgresDatabase, pg_engine: object) -> Iterator[psycopg.Connection]:
    with psycopg.connect(libpq_url(pg_database.ui_url), autocommit=True) as conn:
        assert conn.info.user == UI_ROLE
        yield conn


@pytest.fixture
def admin(pg_database: PostgresDatabase) -> Iterator[psycopg.Connection]:
    with psycopg.connect(libpq_url(pg_database.admin_url), autocommit=True) as conn:
        yield conn


def expect_refused(conn: psycopg.Connection, statement: str) -> None:
    with pytest.raises(psycopg.Error) as caught:
        conn.execute(statement)  # type: ignore[arg-type]
    assert caught.value.sqlstate == INSUFFICIENT_PRIVILEGE, (statement, caught.value)


def insert_user(conn: psycopg.Connection) -> str:
    user_id = new_id()
    conn.execute(
        'INSERT INTO "user" (id, name, email, "emailVerified", "updatedAt") '
        "VALUES (%s, 'Ada', %s, true, now())",
        (user_id, f"{user_id}@example.org"),
    )
    return user_id


def test_ui_can_select_insert_update_every_table(ui: psycopg.Connection) -> None:
    for table in Base.metadata.sorted_tables:
        ui.execute(sql.SQL("SELECT * FROM {} LIMIT 1").format(sql.Identifier(table.name)))
    user_id = insert_user(ui)
    ui.execute('UPDATE "user" SET name = %s WHERE id = %s', ("Ada L.", user_id))
    # INSERT and UPDATE on each domain table, through real rows.
    posting_id, run_id, match_id = new_id(), new_id(), new_id()
    statements = [
        (
            "INSERT INTO job_searches (id, user_id, title, remote_only, sources, filters) "
            "VALUES (%s, %s, 'Nurse', false, '[]', '{}')",
            (new_id(), user_id),
        ),
        (
            "INSERT INTO runs (id, user_id, kind, status, params, steps, warnings) "
            "VALUES (%s, %s, 'profiling', 'pending', '{}', '[]', '[]')",
            (run_id, user_id),
        ),
        (
            "INSERT INTO job_postings (id, source, source_id, dedupe_key, title, company, "
            "company_key, description_text, extra) "
            "VALUES (%s, 'sample', %s, 'k', 'Nurse', 'Charité', 'charite', '', '{}')",
            (posting_id, posting_id),
        ),
        (
            "INSERT INTO company_research (id, company_key, company_name, summary, facts, "
            "citations, method) VALUES (%s, %s, 'Charité', '', '{}', '[]', 'offline')",
            (new_id(), new_id()),
        ),
        (
            "INSERT INTO matched_jobs (id, user_id, job_posting_id, run_id, score, reason, "
            "reasons, gaps, matched_skills, screened_by, research_status, fabrication_status, "
            "application_stage) VALUES (%s, %s, %s, %s, 90, '', '[]', '[]', '[]', 'offline', "
            "'pending', 'pending', 'new')",
            (match_id, user_id, posting_id, run_id),
        ),
        (
            "INSERT INTO artifacts (id, user_id, matched_job_id, language, cover_letter, "
            "cover_letter_md, generated_cover_letter_md, cv, cv_md, writer, flagged_claims) "
            "VALUES (%s, %s, %s, 'de', '{}', '', '', '{}', '', 'offline', '[]')",
            (new_id(), user_id, match_id),
        ),
        (
            "INSERT INTO digest_deliveries (id, run_id, status, match_ids, claimed_at) "
            "VALUES (%s, %s, 'claimed', '[]', now())",
            (new_id(), run_id),
        ),
        (
            "INSERT INTO documents (id, user_id, filename, media_type, size_bytes, sha256, "
            "storage_key) VALUES (%s, %s, 'cv.pdf', 'application/pdf', 1, 'aa', 'k')",
            (new_id(), user_id),
        ),
        (
            'INSERT INTO account (id, "accountId", "providerId", "userId", "updatedAt") '
            "VALUES (%s, 'sub', 'google', %s, now())",
            (new_id(), user_id),
        ),
        (
            'INSERT INTO session (id, "expiresAt", token, "updatedAt", "userId") '
            "VALUES (%s, now() + interval '1 day', %s, now(), %s)",
            (new_id(), new_id(), user_id),
        ),
        (
            'INSERT INTO verification (id, identifier, value, "expiresAt") '
            "VALUES (%s, 'auth-state:x', '{}', now())",
            (new_id(),),
        ),
        (
            "INSERT INTO api_tokens (id, user_id, name, token_hash, prefix) "
            "VALUES (%s, %s, 'ci', %s, 'ja_abc')",
            (new_id(), user_id, new_id()),
        ),
        (
            "INSERT INTO saved_searches (id, user_id, title, remote, sources, filters, "
            "schedule_kind, time_of_day, time_zone, last_run_id) VALUES (%s, %s, 'Nurse', "
            "'region', '[]', '{}', 'daily', '08:00', 'UTC', %s)",
            (new_id(), user_id, run_id),
        ),
    ]
    for statement, params in statements:
        ui.execute(statement, params)  # type: ignore[arg-type]
    for table in Base.metadata.sorted_tables:
        column = next(iter(table.primary_key.columns)).name
        result = ui.execute(
            sql.SQL("UPDATE {} SET {} = {} WHERE true").format(
                sql.Identifier(table.name), sql.Identifier(column), sql.Identifier(column)
            )
        )
        assert result.rowcount >= 1, f"nothing updated in {table.name}"


def test_ui_can_delete_sessions_and_verifications(ui: psycopg.Connection) -> None:
    user_id = insert_user(ui)
    expires = datetime.now(UTC) + timedelta(days=7)
    ui.execute(
        'INSERT INTO session (id, "expiresAt", token, "updatedAt", "userId") '
        "VALUES (%s, %s, %s, now(), %s)",
        (new_id(), expires, new_id(), user_id),
    )
    ui.execute(
        'INSERT INTO verification (id, identifier, value, "expiresAt") VALUES (%s, %s, %s, %s)',
        (new_id(), "auth-state:abc", "{}", expires),
    )
    assert ui.execute('DELETE FROM session WHERE "userId" = %s', (user_id,)).rowcount == 1
    assert ui.execute("DELETE FROM verification WHERE identifier = 'auth-state:abc'").rowcount == 1


@pytest.mark.parametrize(
    "statement",
    [
        "CREATE TABLE intruder (id int)",
        'ALTER TABLE "user" ADD COLUMN intruder text',
        "ALTER TABLE runs DROP COLUMN error_message",
        "DROP TABLE matched_jobs",
        "CREATE INDEX intruder_idx ON runs (kind)",
        "TRUNCATE session",
        "TRUNCATE runs",
        'DELETE FROM "user"',
        "DELETE FROM runs",
        "DELETE FROM matched_jobs",
        "DELETE FROM artifacts",
        "DELETE FROM account",
        "UPDATE alembic_version SET version_num = version_num",
        "CREATE SCHEMA intruder",
        "CREATE TEMPORARY TABLE intruder (id int)",
    ],
)
def test_ui_is_refused(ui: psycopg.Connection, statement: str) -> None:
    expect_refused(ui, statement)


def test_public_has_no_create_on_schema(admin: psycopg.Connection) -> None:
    rows = admin.execute(
        "SELECT has_schema_privilege('public', 'public', 'CREATE'), "
        "has_schema_privilege(%s, 'public', 'CREATE'), "
        "has_schema_privilege(%s, 'public', 'CREATE')",
        (UI_ROLE, ADMIN_ROLE),
    ).fetchone()
    assert rows == (False, False, True)


def test_a_table_from_a_later_migration_is_usable_by_ui(
    pg_database: PostgresDatabase, admin: psycopg.Connection, ui: psycopg.Connection
) -> None:
    admin.execute("CREATE TABLE later_feature (id serial PRIMARY KEY, note text)")
    try:
        ui.execute("INSERT INTO later_feature (note) VALUES ('hello')")
        ui.execute("UPDATE later_feature SET note = 'hi'")
        assert ui.execute("SELECT note FROM later_feature").fetchall() == [("hi",)]
        expect_refused(ui, "DELETE FROM later_feature")
        expect_refused(ui, "DROP TABLE later_feature")
    finally:
        admin.execute("DROP TABLE later_feature")


def test_provisioning_is_idempotent_and_heals_drifted_grants(
    pg_database: PostgresDatabase, admin: psycopg.Connection, ui: psycopg.Connection
) -> None:
    with psycopg.connect(libpq_url(pg_database.superuser_url), autocommit=True) as su:
        # An operator mistake: the ui role given DDL and DELETE rights.
        su.execute(f"GRANT CREATE ON SCHEMA public TO {UI_ROLE}")
        su.execute(f"GRANT DELETE ON runs TO {UI_ROLE}")
    provision_roles(pg_database.superuser_url)
    provision_roles(pg_database.superuser_url)
    provision_roles(pg_database.admin_url)
    expect_refused(ui, "CREATE TABLE intruder (id int)")
    expect_refused(ui, "DELETE FROM runs")
    ui.execute("DELETE FROM session WHERE false")


def test_admin_owns_every_table(admin: psycopg.Connection) -> None:
    owners = admin.execute(
        "SELECT tablename, tableowner FROM pg_tables WHERE schemaname = 'public'"
    ).fetchall()
    assert owners
    assert {owner for _, owner in owners} == {ADMIN_ROLE}, owners
