"""The two PostgreSQL roles (docs/architecture.md §4, a contract), provisioned idempotently.

admin (`job_agent_admin`) owns the schema and every table: Alembic and workers use
it. ui (`job_agent_ui`) is what the web app connects as: it reads and writes rows
but may delete only `session` and `verification` rows (Better Auth deletes those on
sign-out, expiry and OAuth callback) and may run no DDL at all.
"""

from __future__ import annotations

from dataclasses import dataclass

import psycopg
from psycopg import sql
from sqlalchemy import make_url

ADMIN_ROLE = "job_agent_admin"
UI_ROLE = "job_agent_ui"
UI_DELETABLE_TABLES = ("session", "verification")
# The ui role may read the migration state (for `doctor`) but never change it.
READ_ONLY_FOR_UI = ("alembic_version",)
SCHEMA = "public"


class ProvisioningError(RuntimeError):
    """Provisioning could not finish; the message says which step and why."""


@dataclass(frozen=True)
class RolePasswords:
    admin: str | None = None
    ui: str | None = None


def libpq_url(url: str) -> str:
    """A SQLAlchemy URL (any PostgreSQL driver) as a plain libpq connection string."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        raise ProvisioningError("Roles exist only on PostgreSQL; DATABASE_URL is not PostgreSQL")
    return parsed.set(drivername="postgresql").render_as_string(hide_password=False)


def _ensure_role(cur: psycopg.Cursor[tuple[object, ...]], name: str, password: str | None) -> None:
    cur.execute(
        "SELECT rolcanlogin AND NOT (rolsuper OR rolcreatedb OR rolcreaterole OR rolreplication"
        " OR rolbypassrls) FROM pg_roles WHERE rolname = %s",
        (name,),
    )
    row = cur.fetchone()
    if row is not None and row[0] and password is None:
        # Already as it should be: no catalog write, so provisioners running at once
        # (several databases on one server) never update the same role row together.
        return
    verb = "ALTER" if row is not None else "CREATE"
    options = sql.SQL("LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS")
    stmt = sql.SQL("{} ROLE {} WITH {}").format(sql.SQL(verb), sql.Identifier(name), options)
    if password is not None:
        stmt = sql.SQL("{} PASSWORD {}").format(stmt, sql.Literal(password))
    try:
        cur.execute(stmt)
    except psycopg.errors.DuplicateObject:  # created concurrently by another provisioner
        _ensure_role(cur, name, password)


def _tables(cur: psycopg.Cursor[tuple[object, ...]]) -> list[tuple[str, str]]:
    cur.execute(
        "SELECT c.relname, pg_get_userbyid(c.relowner) FROM pg_class c "
        "JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = %s AND c.relkind IN ('r', 'p', 'v', 'm', 'S')",
        (SCHEMA,),
    )
    return [(str(name), str(owner)) for name, owner in cur.fetchall()]


def provision_roles(url: str, passwords: RolePasswords = RolePasswords()) -> None:
    """Create or update both roles and their privileges on the database at `url`.

    Connected as a superuser (e.g. `postgres`) this creates the roles, sets their
    passwords, hands the schema and tables to admin and grants the ui role its
    rights. Connected as admin itself (after a superuser created the roles) it
    re-applies the grants only, e.g. after a migration. Safe to run any number of
    times.
    """
    admin, ui, schema = sql.Identifier(ADMIN_ROLE), sql.Identifier(UI_ROLE), sql.Identifier(SCHEMA)
    try:
        with psycopg.connect(libpq_url(url), autocommit=True) as conn, conn.cursor() as cur:
            cur.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
            row = cur.fetchone()
            if row and row[0]:
                _ensure_role(cur, ADMIN_ROLE, passwords.admin)
                _ensure_role(cur, UI_ROLE, passwords.ui)
                with conn.transaction():
                    _own_database(cur, sql.Identifier(conn.info.dbname), schema, admin, ui)
                    _grant_ui(cur, schema, admin, ui)
                return
            cur.execute(
                "SELECT count(*) FROM pg_roles WHERE rolname IN (%s, %s)", (ADMIN_ROLE, UI_ROLE)
            )
            found = cur.fetchone()
            if conn.info.user != ADMIN_ROLE or not found or found[0] != 2:
                raise ProvisioningError(
                    f"Connect as a superuser to create the roles, or as {ADMIN_ROLE} "
                    "to refresh grants once they exist"
                )
            if passwords.admin or passwords.ui:
                raise ProvisioningError("Changing role passwords needs a superuser connection")
            with conn.transaction():
                _grant_ui(cur, schema, admin, ui)
    except psycopg.Error as err:
        raise ProvisioningError(f"Provisioning roles failed: {err}".strip()) from err


def _own_database(
    cur: psycopg.Cursor[tuple[object, ...]],
    database: sql.Identifier,
    schema: sql.Identifier,
    admin: sql.Identifier,
    ui: sql.Identifier,
) -> None:
    for stmt in (
        sql.SQL("REVOKE ALL ON DATABASE {} FROM PUBLIC").format(database),
        sql.SQL("GRANT CONNECT, TEMPORARY ON DATABASE {} TO {}").format(database, admin),
        sql.SQL("REVOKE ALL ON DATABASE {} FROM {}").format(database, ui),
        sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(database, ui),
        sql.SQL("ALTER SCHEMA {} OWNER TO {}").format(schema, admin),
        sql.SQL("REVOKE ALL ON SCHEMA {} FROM PUBLIC").format(schema),
        sql.SQL("REVOKE ALL ON SCHEMA {} FROM {}").format(schema, ui),
        sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(schema, ui),
    ):
        cur.execute(stmt)
    # Tables created before provisioning (e.g. migrated as postgres) move to admin.
    for name, owner in _tables(cur):
        if owner != ADMIN_ROLE:
            cur.execute(
                sql.SQL("ALTER TABLE {}.{} OWNER TO {}").format(schema, sql.Identifier(name), admin)
            )


def _grant_ui(
    cur: psycopg.Cursor[tuple[object, ...]],
    schema: sql.Identifier,
    admin: sql.Identifier,
    ui: sql.Identifier,
) -> None:
    row_rights = sql.SQL("SELECT, INSERT, UPDATE")
    seq_rights = sql.SQL("USAGE, SELECT, UPDATE")
    for stmt in (
        sql.SQL("REVOKE ALL ON ALL TABLES IN SCHEMA {} FROM {}, PUBLIC").format(schema, ui),
        sql.SQL("GRANT {} ON ALL TABLES IN SCHEMA {} TO {}").format(row_rights, schema, ui),
        sql.SQL("GRANT {} ON ALL SEQUENCES IN SCHEMA {} TO {}").format(seq_rights, schema, ui),
        # Tables a later migration creates (as admin) get the same rights at once.
        sql.SQL(
            "ALTER DEFAULT PRIVILEGES FOR ROLE {} IN SCHEMA {} GRANT {} ON TABLES TO {}"
        ).format(admin, schema, row_rights, ui),
        sql.SQL(
            "ALTER DEFAULT PRIVILEGES FOR ROLE {} IN SCHEMA {} GRANT {} ON SEQUENCES TO {}"
        ).format(admin, schema, seq_rights, ui),
    ):
        cur.execute(stmt)
    existing = {name for name, _ in _tables(cur)}
    for table in UI_DELETABLE_TABLES:
        if table in existing:
            cur.execute(
                sql.SQL("GRANT DELETE ON {}.{} TO {}").format(schema, sql.Identifier(table), ui)
            )
    for table in READ_ONLY_FOR_UI:
        if table in existing:
            cur.execute(
                sql.SQL("REVOKE INSERT, UPDATE ON {}.{} FROM {}").format(
                    schema, sql.Identifier(table), ui
                )
            )
