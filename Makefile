# The README's two commands, and a few helpers. Every target installs what it needs.
.PHONY: run test test-fast test-llm test-image lint format migrate lock

run:  ## install and run the app on embedded defaults (http://localhost:3000)
	bash scripts/run.sh

test:  ## install everything and run the whole suite
	bash scripts/test.sh

test-fast:  ## the edit loop: lint and the unit and integration tests (no browser, no Node)
	bash scripts/test.sh -m "(unit or integration) and not slow"

test-image:  ## build the Docker image without Docker (debootstrap + buildah) and run a search in it (~6 min; CI runs it)
	bash scripts/test.sh -m slow tests/deploy

test-llm:  ## the LLM path against a real model server (builds it once, ~10 min; not in make test)
	bash scripts/test_llm.sh

lint:
	bash scripts/bootstrap.sh dev
	.venv/bin/ruff check . && .venv/bin/ruff format --check . && .venv/bin/mypy && .venv/bin/lint-imports

format:
	.venv/bin/ruff format . && .venv/bin/ruff check --fix .

migrate:
	bash scripts/bootstrap.sh
	.venv/bin/jobagent db upgrade

lock:  ## re-pin requirements.lock after a change to pyproject.toml's dependencies
	bash scripts/bootstrap.sh dev
	.venv/bin/python -m pip install --quiet uv
	.venv/bin/uv pip compile pyproject.toml --extra dev --universal --python-version 3.11 \
		--no-header -o requirements.lock
