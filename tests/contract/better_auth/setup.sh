#!/usr/bin/env bash
# Installs the pinned Better Auth + Prisma packages and generates the Prisma client
# from the repository's prisma/schema.prisma, for interop.mjs. Idempotent and quick
# when nothing changed:
#   - `npm ci` runs only when node_modules is missing or package*.json changed;
#   - `prisma generate` runs only when schema.prisma (or the install) changed.
# Stamps live in node_modules/.jobagent/, so nothing here needs a .gitignore entry.
#
# Offline: install scripts are skipped (the only ones, prisma's, download engines),
# and Prisma 7's CLI, which otherwise fetches its schema engine before any command,
# is pointed at an existing file via PRISMA_SCHEMA_ENGINE_BINARY; `generate` never
# runs it (the client is built by WebAssembly). Prisma 7 rejects `url` in a
# datasource block (P1012) and a custom generator output would move the client, so
# the schema is copied with its generator/datasource blocks replaced by ours.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
schema="${PRISMA_SCHEMA:-$repo/prisma/schema.prisma}"
state="$here/node_modules/.jobagent"

node_major_minor="$(node -p 'process.versions.node.split(".").slice(0, 2).join(" ")')"
read -r major minor <<<"$node_major_minor"
if ((major < 20 || (major == 20 && minor < 19))); then
  echo "setup.sh: Node >= 20.19 needed (Prisma 7), found $(node --version)" >&2
  exit 1
fi
[[ -f "$schema" ]] || { echo "setup.sh: no Prisma schema at $schema" >&2; exit 1; }

cd "$here"

# One setup at a time (parallel test runs share node_modules).
if command -v flock >/dev/null 2>&1; then
  exec 9>"${TMPDIR:-/tmp}/jobagent-better-auth-setup-$(echo "$here" | sha256sum | cut -c1-12).lock"
  flock 9
fi

digest() { cat "$@" | sha256sum | cut -d' ' -f1; }

install_stamp="$(digest package.json package-lock.json)"
if [[ ! -d node_modules || "$(cat "$state/install.stamp" 2>/dev/null)" != "$install_stamp" ]]; then
  echo "setup.sh: npm ci" >&2
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2
  mkdir -p "$state"
  echo "$install_stamp" >"$state/install.stamp"
fi

generate_stamp="$(digest "$schema" "$state/install.stamp" "$here/setup.sh")"
if [[ ! -f node_modules/.prisma/client/index.js ||
      "$(cat "$state/generate.stamp" 2>/dev/null)" != "$generate_stamp" ]]; then
  echo "setup.sh: prisma generate" >&2
  {
    printf 'generator client {\n  provider = "prisma-client-js"\n}\n\n'
    printf 'datasource db {\n  provider = "postgresql"\n}\n\n'
    awk '
      /^[[:space:]]*(generator|datasource)[[:space:]]+[A-Za-z_][A-Za-z0-9_]*[[:space:]]*\{/ { skip = 1; next }
      skip && /^[[:space:]]*\}/ { skip = 0; next }
      !skip { print }
    ' "$schema"
  } >"$state/schema.prisma"
  CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1 \
    PRISMA_SCHEMA_ENGINE_BINARY="${PRISMA_SCHEMA_ENGINE_BINARY:-$state/schema.prisma}" \
    node_modules/.bin/prisma generate --schema "$state/schema.prisma" >&2
  echo "$generate_stamp" >"$state/generate.stamp"
fi
