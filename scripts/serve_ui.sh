#!/usr/bin/env bash
# Serve the Job Agent web app in production mode on one port.
#   scripts/serve_ui.sh [PORT]        (default 3000)
# Env: VENV  virtualenv directory (default .venv, relative to the repo root)
#      PYTHON interpreter to run Reflex with (default $VENV/bin/python)
#      JOBAGENT_WEB_BUILDS  cache of built front ends (default var/web-builds; empty:
#                           rebuild at every start, as plain `reflex run` does)
#      JOBAGENT_WEB_BUILDS_KEEP  how many built front ends to keep (default 3)
# Needs bun from scripts/install_bun.sh. Extra Reflex env vars pass through.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

PORT="${1:-3000}"
VENV="${VENV:-.venv}"
PYTHON="${PYTHON:-$VENV/bin/python}"

# shellcheck source=scripts/reflex_env.sh
. "$ROOT/scripts/reflex_env.sh"

if [ -z "${REFLEX_BUN_PATH:-}" ]; then
    echo "serve_ui.sh: bun missing; run scripts/install_bun.sh first" >&2
    exit 1
fi

# Reflex's CLI, except that the front-end bundle is reused when the compiled
# pages did not change (jobagent_ui/web_build.py).
export JOBAGENT_WEB_BUILDS="${JOBAGENT_WEB_BUILDS-$ROOT/var/web-builds}"
export PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}"
exec "$PYTHON" -m jobagent_ui.web_build run --env prod \
    --frontend-port "$PORT" --backend-port "$PORT"
