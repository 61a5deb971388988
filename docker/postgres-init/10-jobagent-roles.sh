#!/bin/sh
# Runs once, when the postgres container initialises an empty data volume
# (/docker-entrypoint-initdb.d). Creates Job Agent's two roles with the
# passwords from .env and hands the database's public schema to the admin role,
# as `jobagent db provision-roles` does when run as a superuser (jobagent_core/db/roles.py).
# The migrate service then applies migrations as admin and grants the ui role
# its row rights on the tables they create.
#
# To change a password later: docs/deploy.md ("Changing the database passwords").
set -eu

: "${POSTGRES_USER:=postgres}"
: "${POSTGRES_DB:=$POSTGRES_USER}"
: "${JOB_AGENT_ADMIN_PASSWORD:?set JOB_AGENT_ADMIN_PASSWORD in .env}"
: "${JOB_AGENT_UI_PASSWORD:?set JOB_AGENT_UI_PASSWORD in .env}"

psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v admin_password="$JOB_AGENT_ADMIN_PASSWORD" \
    -v ui_password="$JOB_AGENT_UI_PASSWORD" \
    -v dbname="$POSTGRES_DB" <<'SQL'
SELECT 'CREATE ROLE job_agent_admin'
    WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'job_agent_admin') \gexec
SELECT 'CREATE ROLE job_agent_ui'
    WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'job_agent_ui') \gexec
ALTER ROLE job_agent_admin WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION
    NOBYPASSRLS PASSWORD :'admin_password';
ALTER ROLE job_agent_ui WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION
    NOBYPASSRLS PASSWORD :'ui_password';

REVOKE ALL ON DATABASE :"dbname" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"dbname" TO job_agent_admin;
REVOKE ALL ON DATABASE :"dbname" FROM job_agent_ui;
GRANT CONNECT ON DATABASE :"dbname" TO job_agent_ui;
ALTER SCHEMA public OWNER TO job_agent_admin;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
REVOKE ALL ON SCHEMA public FROM job_agent_ui;
GRANT USAGE ON SCHEMA public TO job_agent_ui;
SQL
