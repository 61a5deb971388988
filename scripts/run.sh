#!/usr/bin/env bash
# Install and run Job Agent on embedded defaults: SQLite under var/, migrations
# applied, a worker on the embedded queue, the web app on
# http://localhost:${PORT:-3000}. Settings from the environment or .env override
# the defaults (see .env.example). Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/bootstrap.sh
VENV="${VENV:-.venv}"
"$VENV/bin/jobagent" db upgrade

# Sign-in redirects and same-origin checks need the URL people open.
export BETTER_AUTH_URL="${BETTER_AUTH_URL:-http://localhost:${PORT:-3000}}"
mkdir -p var
"$VENV/bin/jobagent" worker --concurrency "${WORKER_CONCURRENCY:-2}" >>var/worker.log 2>&1 &
worker_pid=$!
trap 'kill "$worker_pid" 2>/dev/null; wait "$worker_pid" 2>/dev/null' EXIT INT TERM
echo "Job Agent: worker started (log: var/worker.log)" >&2
echo "Job Agent: starting on http://localhost:${PORT:-3000} (the first start, and any after the pages change, builds the web app)" >&2
bash scripts/serve_ui.sh "${PORT:-3000}"
