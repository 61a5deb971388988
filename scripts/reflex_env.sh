# shellcheck shell=bash
# Environment for running Reflex offline (sourced, not executed):
#   . scripts/reflex_env.sh
# Stops Reflex phoning home (version check, telemetry), points its frontend
# package installs at the configured npm registry, and makes it use the pinned
# bun from tools/ (installed by scripts/install_bun.sh).

_jobagent_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

export REFLEX_CHECK_LATEST_VERSION=0
export REFLEX_TELEMETRY_ENABLED=false
export REFLEX_HTTP_CLIENT_BIND_ADDRESS=0.0.0.0
# Per-session state files of Reflex's disk state manager (reset at each start):
# keep them inside the (gitignored) .web build dir instead of ./.states.
export REFLEX_STATES_WORKDIR="${REFLEX_STATES_WORKDIR:-$_jobagent_root/.web/.states}"
# Without this, Reflex times candidate registries/mirrors before installing.
if [ -z "${NPM_CONFIG_REGISTRY:-}" ] && command -v npm >/dev/null 2>&1; then
    NPM_CONFIG_REGISTRY="$(npm config get registry 2>/dev/null || true)"
fi
export NPM_CONFIG_REGISTRY

# Reflex takes bun from REFLEX_BUN_PATH (config field bun_path; Reflex refuses
# to start if that path does not exist) and otherwise from `bun` on PATH.
if [ -x "$_jobagent_root/tools/node_modules/.bin/bun" ]; then
    export REFLEX_BUN_PATH="$_jobagent_root/tools/node_modules/.bin/bun"
fi
case ":$PATH:" in
    *":$_jobagent_root/tools/node_modules/.bin:"*) ;;
    *) export PATH="$_jobagent_root/tools/node_modules/.bin:$PATH" ;;
esac
unset _jobagent_root
