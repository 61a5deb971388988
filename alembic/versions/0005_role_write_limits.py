"""role write limits: only the table owner grants access; revoked tokens stay revoked

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26

PostgreSQL triggers (see docs/security.md) close what table-level grants cannot: the ui
role (the web app) may UPDATE "user" and api_tokens, but must not turn a user's
`has_access` on or un-revoke a token. Triggers, unlike column-level grants, need no
upkeep when a later migration adds a column. They are invisible to autogenerate, so
`alembic check` is unaffected. No role name is written here: the owner of the table
(job_agent_admin after provisioning) is looked up when the trigger fires.

Also clears the Google access and refresh tokens already stored in `account`: they
are not needed after sign-in and are no longer kept (on every database). A
downgrade cannot bring them back.
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# SECURITY INVOKER (the default): current_user is the role whose statement fired
# the trigger. pg_has_role(owner, 'USAGE') is true for the owner itself, for roles
# holding the owner's privileges (they could disable the trigger anyway) and for
# superusers. search_path is pinned so no object can shadow the catalog names.
USER_ACCESS_GUARD = """
CREATE FUNCTION guard_user_access() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NEW.has_access IS TRUE
       AND (TG_OP = 'INSERT' OR OLD.has_access IS NOT TRUE)
       AND NOT EXISTS (
           SELECT 1 FROM pg_class c
           WHERE c.oid = TG_RELID AND pg_has_role(c.relowner, 'USAGE')
       )
    THEN
        RAISE EXCEPTION 'role % may not grant access (has_access) on table %',
            current_user, TG_TABLE_NAME
            USING ERRCODE = 'insufficient_privilege',
                  HINT = 'Access is granted by the table owner: `jobagent users grant EMAIL`.';
    END IF;
    RETURN NEW;
END
$$
"""

# For every role, the owner included: a revoked token stays revoked, and a token's
# hash and owner never change (a new token is a new row).
REVOCATION_GUARD = """
CREATE FUNCTION guard_api_token() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF OLD.revoked_at IS NOT NULL AND NEW.revoked_at IS DISTINCT FROM OLD.revoked_at THEN
        RAISE EXCEPTION 'API token % is revoked; a revoked token stays revoked', OLD.id
            USING ERRCODE = 'insufficient_privilege',
                  HINT = 'Create a new token instead.';
    END IF;
    IF NEW.token_hash IS DISTINCT FROM OLD.token_hash OR NEW.user_id IS DISTINCT FROM OLD.user_id
    THEN
        RAISE EXCEPTION 'the hash and owner of API token % cannot change', OLD.id
            USING ERRCODE = 'insufficient_privilege',
                  HINT = 'Create a new token instead.';
    END IF;
    RETURN NEW;
END
$$
"""

GOOGLE_TOKEN_COLUMNS = (
    "accessToken",
    "refreshToken",
    "accessTokenExpiresAt",
    "refreshTokenExpiresAt",
)


def upgrade() -> None:
    account = sa.table("account", sa.column("providerId"), *map(sa.column, GOOGLE_TOKEN_COLUMNS))
    op.execute(
        account.update()
        .where(account.c.providerId == "google")
        .values(dict.fromkeys(GOOGLE_TOKEN_COLUMNS))
    )
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(USER_ACCESS_GUARD)
    op.execute(
        'CREATE TRIGGER user_access_guard BEFORE INSERT OR UPDATE ON "user" '
        "FOR EACH ROW EXECUTE FUNCTION guard_user_access()"
    )
    op.execute(REVOCATION_GUARD)
    op.execute(
        "CREATE TRIGGER api_tokens_guard BEFORE UPDATE ON api_tokens "
        "FOR EACH ROW EXECUTE FUNCTION guard_api_token()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS api_tokens_guard ON api_tokens")
    op.execute("DROP FUNCTION IF EXISTS guard_api_token()")
    op.execute('DROP TRIGGER IF EXISTS user_access_guard ON "user"')
    op.execute("DROP FUNCTION IF EXISTS guard_user_access()")
