#!/bin/sh
# The one-shot migrate step (docker-compose.yml service `migrate`), run as the
# admin role (DATABASE_URL): migrations first, then the ui role's grants are
# refreshed for any table a migration added. The roles themselves, with their
# passwords, were created by docker/postgres-init/ when the database volume was
# first initialised.
set -eu

jobagent db upgrade
# As admin, provision-roles only refreshes grants; a password setting would ask
# it to change passwords, which needs a superuser: keep them out of its way.
env -u JOB_AGENT_ADMIN_PASSWORD -u JOB_AGENT_UI_PASSWORD jobagent db provision-roles
jobagent db check
