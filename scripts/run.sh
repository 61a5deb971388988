#!/usr/bin/env bash
# Install and run Job Agent on embedded defaults: SQLite under var/, migrations
# applied, the web app on http://localhost:${PORT:-3000}. Settings from the
# environment or .env override the defaults (see .env.example).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/bootstrap.sh
VENV="${VENV:-.venv}"
"$VENV/bin/jobagent" db upgrade
echo "Job Agent: starting on http://localhost:${PORT:-3000} (first start builds the web app)" >&2
exec bash scripts/serve_ui.sh "${PORT:-3000}"
