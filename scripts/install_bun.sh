#!/usr/bin/env bash
# Install the pinned JavaScript tools (tools/package.json + tools/package-lock.json)
# from the npm registry into tools/node_modules: bun, for Reflex's frontend build,
# and axe-core, which the e2e accessibility tests inject into pages.
# Reflex's own bun installer downloads from the web and cannot work here.
#
# Idempotent: exits at once when tools/node_modules/.bin/bun already reports the
# pinned version and the pinned axe-core is in place. Prints the path of the bun
# binary on its last line.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/tools"
BUN="$TOOLS/node_modules/.bin/bun"
WANT="$(node -p 'require(process.argv[1]).devDependencies.bun' "$TOOLS/package.json")"
AXE_WANT="$(node -p 'require(process.argv[1]).devDependencies["axe-core"]' "$TOOLS/package.json")"
AXE="$TOOLS/node_modules/axe-core"

bun_ok() { [ -x "$1" ] && [ "$("$1" --version 2>/dev/null)" = "$WANT" ]; }

axe_ok() {
    [ -f "$AXE/axe.min.js" ] \
        && [ "$(node -p 'require(process.argv[1]).version' "$AXE/package.json" 2>/dev/null)" = "$AXE_WANT" ]
}

if bun_ok "$BUN" && axe_ok; then
    echo "$BUN"
    exit 0
fi

command -v npm >/dev/null || { echo "install_bun.sh: npm is required" >&2; exit 1; }

echo "install_bun.sh: installing bun $WANT and axe-core $AXE_WANT into tools/node_modules" >&2
(cd "$TOOLS" && npm ci --no-audit --no-fund --loglevel=error >&2)

if ! bun_ok "$BUN"; then
    # bun's postinstall (which moves the platform binary into place) did not run
    # or failed: run it by hand, then fall back to copying the binary shipped by
    # the platform package (@oven/bun-<os>-<arch>, an optional dependency).
    (cd "$TOOLS/node_modules/bun" && node install.js >&2) || true
fi
if ! bun_ok "$BUN"; then
    for candidate in "$TOOLS"/node_modules/@oven/bun-*/bin/bun; do
        if bun_ok "$candidate"; then
            target="$(readlink -f "$BUN")"
            cp -f "$candidate" "$target"
            chmod +x "$target"
            break
        fi
    done
fi

if ! bun_ok "$BUN"; then
    echo "install_bun.sh: no working bun $WANT in tools/node_modules" >&2
    exit 1
fi
if ! axe_ok; then
    echo "install_bun.sh: no axe-core $AXE_WANT in tools/node_modules" >&2
    exit 1
fi
echo "$BUN"
