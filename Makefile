# The README's two commands, and a few helpers. Every target installs what it needs.
.PHONY: run test test-llm lint format migrate

run:  ## install and run the app on embedded defaults (http://localhost:3000)
	bash scripts/run.sh

test:  ## install everything and run the whole suite
	bash scripts/test.sh

test-llm:  ## the LLM path against a real model server (builds it once, ~10 min; not in make test)
	bash scripts/test_llm.sh

lint:
	bash scripts/bootstrap.sh dev
	.venv/bin/ruff check . && .venv/bin/ruff format --check . && .venv/bin/mypy

format:
	.venv/bin/ruff format . && .venv/bin/ruff check --fix .

migrate:
	bash scripts/bootstrap.sh
	.venv/bin/jobagent db upgrade
