"""`python -m tests.e2e.reflex_prebuilt run --env prod ...`: Reflex's own CLI
(`python -m reflex`), with one step changed, the production bundle build.

`reflex run --env prod` compiles the pages into its web directory, writes env.json
(the backend's URLs: the only place the port goes) and runs `react-router build`
(vite: tens of seconds on two cores), then serves the bundle from the backend on
the same port. Here everything runs as Reflex does it, except that the bundle is
taken from a cache when an identical one was built before:

- The cache key is a hash of the compiled sources (every file of the web
  directory but env.json, reflex.json's random project id, node_modules and build
  output) plus the Reflex and bun versions and the environment the bundler reads.
  Pages that depend on settings (e.g. the sign-in buttons) compile differently, so
  they get their own bundle; nothing is guessed about which settings matter.
- A bundle is built once, with env.json's URLs replaced by a placeholder origin,
  and stored under JOBAGENT_E2E_WEB_BUILDS/<key>/client (built under a file lock,
  stored by an atomic rename: servers starting at once wait for one build).
- Each server gets its own copy in its own web directory, with the placeholder
  replaced by its URLs (and the .gz siblings of changed files recompressed).
"""

from __future__ import annotations

import fcntl
import gzip
import hashlib
import json
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

# No Reflex import at module level: the test process imports this for CACHE_ENV.
CACHE_ENV = "JOBAGENT_E2E_WEB_BUILDS"
# A placeholder backend origin for the cached bundle; no real server uses port 9.
PLACEHOLDER_ORIGIN = "http://jobagent-e2e-placeholder.invalid:9"
# Not inputs of the bundle (or, for env.json, substituted afterwards).
_SKIPPED_DIRS = {"node_modules", "build", ".react-router", ".states", ".vite"}
_SKIPPED_FILES = {"env.json", "reflex.json"}
# Environment the bundler (react-router/vite/bun) may read.
_BUNDLER_ENV_PREFIXES = ("VITE_", "NODE_", "BUN_", "REFLEX_BUN", "REFLEX_NO_", "NPM_CONFIG_")
_TEXT_SUFFIXES = {".html", ".js", ".mjs", ".css", ".json", ".map", ".txt", ".xml", ".webmanifest"}

# Reflex's own build(), kept by main() when it puts cached_build in its place.
_original_build: Callable[[], None] | None = None


def _real_build() -> None:
    if _original_build is None:
        raise RuntimeError("reflex_prebuilt.main() has not run")
    _original_build()


def _log(message: str) -> None:
    print(f"[e2e web build] {message}", file=sys.stderr, flush=True)


def _fingerprint(web_dir: Path) -> str:
    from reflex_base import constants

    digest = hashlib.sha256()
    digest.update(f"reflex {constants.Reflex.VERSION}\n".encode())
    for name in sorted(os.environ):
        if name.startswith(_BUNDLER_ENV_PREFIXES):
            digest.update(f"env {name}={os.environ[name]}\n".encode())
    for root, dirs, files in os.walk(web_dir):
        dirs[:] = sorted(d for d in dirs if d not in _SKIPPED_DIRS)
        for name in sorted(files):
            path = Path(root, name)
            rel = path.relative_to(web_dir).as_posix()
            if rel in _SKIPPED_FILES:
                continue
            digest.update(f"file {rel}\n".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:24]


def _origins(api_url: str) -> list[tuple[str, str]]:
    """(placeholder, this server's) pairs for the http(s) and ws(s) forms."""
    api_url = api_url.rstrip("/")
    ws_url = api_url.replace("https://", "wss://", 1).replace("http://", "ws://", 1)
    ws_placeholder = PLACEHOLDER_ORIGIN.replace("http://", "ws://", 1)
    return [(PLACEHOLDER_ORIGIN, api_url), (ws_placeholder, ws_url)]


def _api_url_of(env_json: dict[str, object]) -> str:
    ping = str(env_json["PING"])
    suffix = "/ping"
    if not ping.endswith(suffix):
        raise RuntimeError(f"unexpected PING URL in env.json: {ping!r}")
    return ping[: -len(suffix)]


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _build_into_cache(web_dir: Path, entry: Path, api_url: str) -> None:
    """Reflex's own build, with the placeholder origin in env.json; stored in `entry`."""
    env_path = web_dir / "env.json"
    real = env_path.read_text()
    placeholder = real
    for placeholder_url, url in _origins(api_url):
        placeholder = placeholder.replace(url, placeholder_url)
    env_path.write_text(placeholder)
    try:
        started = time.monotonic()
        _real_build()
        _log(f"built {entry.name} in {time.monotonic() - started:.1f} s")
    finally:
        env_path.write_text(real)
    staging = entry.with_name(f"{entry.name}.tmp-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(web_dir / "build", staging / "build", symlinks=True)
    staging.rename(entry)


def _install_copy(entry: Path, web_dir: Path, api_url: str) -> None:
    """This server's copy of the cached bundle, with its own backend URLs."""
    target = web_dir / "build"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(entry / "build", target, symlinks=True)
    pairs = [(a.encode(), b.encode()) for a, b in _origins(api_url)]
    changed = 0
    for path in target.rglob("*"):
        if not path.is_file() or path.suffix not in _TEXT_SUFFIXES:
            continue
        data = path.read_bytes()
        new = data
        for placeholder_url, url in pairs:
            new = new.replace(placeholder_url, url)
        if new == data:
            continue
        path.write_bytes(new)
        changed += 1
        compressed = path.with_name(path.name + ".gz")
        if compressed.exists():
            compressed.write_bytes(gzip.compress(new, mtime=0))
        for other in (".br", ".zst"):  # not regenerated here: let the plain file serve
            path.with_name(path.name + other).unlink(missing_ok=True)
    leftover = [
        str(p)
        for p in target.rglob("*")
        if p.is_file() and PLACEHOLDER_ORIGIN.split("://")[1].encode() in p.read_bytes()
    ]
    if leftover:
        raise RuntimeError(f"placeholder origin left in {leftover[:5]}")
    _log(f"using cached bundle {entry.name} ({changed} files given {api_url})")


def cached_build() -> None:
    """Stands in for reflex.utils.build.build (called by setup_frontend_prod)."""
    from reflex.utils import prerequisites

    cache_dir = os.environ.get(CACHE_ENV)
    web_dir = prerequisites.get_web_dir().resolve()
    if not cache_dir:
        _real_build()
        return
    api_url = _api_url_of(json.loads((web_dir / "env.json").read_text()))
    key = _fingerprint(web_dir)
    entry = Path(cache_dir) / key
    with _locked(Path(cache_dir) / f"{key}.lock"):
        if not entry.is_dir():
            _build_into_cache(web_dir, entry, api_url)
    _install_copy(entry, web_dir, api_url)


def main() -> None:
    from reflex.reflex import cli
    from reflex.utils import build as reflex_build

    global _original_build
    _original_build = reflex_build.build
    reflex_build.build = cached_build  # looked up at call time by setup_frontend_prod

    cli()


if __name__ == "__main__":
    main()
