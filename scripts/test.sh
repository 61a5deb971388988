#!/usr/bin/env bash
# Install everything and run the whole suite: lint, types, import layering, then every test
# (unit, integration on real PostgreSQL and Redis, e2e in Debian's Chromium).
# Extra arguments go to pytest (e.g. `scripts/test.sh -k roles`).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/bootstrap.sh dev
# Python's default: byte-code caches (gitignored). Some machines switch them off, and
# then every server, worker and CLI process the suite starts compiles the project again
# and pytest rewrites every test module again in each process.
unset PYTHONDONTWRITEBYTECODE
VENV="${VENV:-.venv}"
bash scripts/ensure_services.sh

"$VENV/bin/ruff" check .
"$VENV/bin/ruff" format --check .
"$VENV/bin/mypy"
"$VENV/bin/lint-imports"

mkdir -p test-artifacts
status=0
# Test files run side by side in TEST_WORKERS processes (pytest-xdist; a file stays in
# one process, so its module fixtures start once and the Redis database it owns is used
# by one process at a time; files sharing a session server stay together, see
# tests/xdist_groups.py). Much of the suite waits on servers, workers and the browser,
# so one process more than the two cores pays off.
"$VENV/bin/python" -m pytest -p no:cacheprovider -n "${TEST_WORKERS:-3}" --dist loadfile "$@" || status=$?
if [ "$status" -eq 5 ]; then
    echo "test: pytest collected no tests; that is a failure" >&2
    exit 1
fi
exit "$status"
