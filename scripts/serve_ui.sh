#!/usr/bin/env bash
# Serve the Job Agent web app in production mode on one port.
#   scripts/serve_ui.sh [PORT]        (default 3000)
# Env: VENV  virtualenv directory (default .venv, relative to the repo root)
#      PYTHON interpreter to run Reflex with (default $VENV/bin/python)
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

export PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}"
exec "$PYTHON" -m reflex run --env prod \
    --frontend-port "$PORT" --backend-port "$PORT"
