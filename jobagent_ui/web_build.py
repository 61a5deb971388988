"""Reflex's CLI with a cached production bundle:

    python -m jobagent_ui.web_build run --env prod --frontend-port N --backend-port N

scripts/serve_ui.sh starts the app this way. Everything is Reflex's own
`python -m reflex`, except one step: `reflex run --env prod` compiles the pages,
writes env.json (the backend's URLs, the only file that holds the port) and then
runs the bundler (react-router/vite, several seconds even when nothing changed).
Here the bundler runs only when no identical bundle was built before:

- The key is a hash of the compiled web directory (every file but env.json,
  reflex.json's random project id, node_modules and build output), the Reflex and
  bun versions and the environment the bundler reads. Settings that change a page
  (e.g. the sign-in buttons with or without Google) change the compiled sources
  and so the key: nothing is guessed about which settings matter.
- A bundle is built with env.json's URLs replaced by a placeholder origin and kept
  in $JOBAGENT_WEB_BUILDS/<key>/build (under a per-key file lock, stored by an
  atomic rename, so servers starting at once wait for one build).
- Each start copies the bundle into its own web directory with the placeholder
  replaced by its URLs (the .gz siblings of changed files are recompressed; .br
  and .zst siblings of changed files are dropped, the other encodings serve).
- The newest $JOBAGENT_WEB_BUILDS_KEEP bundles (default 3) are kept, by last use;
  older ones are removed unless another server is using them at that moment.

Without JOBAGENT_WEB_BUILDS (or with it empty) this is plain `python -m reflex`.
"""

from __future__ import annotations

import fcntl
import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

# No Reflex import at module level: tests and the bench import the constants.
CACHE_ENV = "JOBAGENT_WEB_BUILDS"
KEEP_ENV = "JOBAGENT_WEB_BUILDS_KEEP"
DEFAULT_KEEP = 3
# A placeholder backend origin for the cached bundle; no real server uses port 9.
PLACEHOLDER_ORIGIN = "http://jobagent-web-build-placeholder.invalid:9"
# Not inputs of the bundle (or, for env.json, substituted afterwards).
_SKIPPED_DIRS = {"node_modules", "build", ".react-router", ".states", ".vite"}
_SKIPPED_FILES = {"env.json", "reflex.json"}
# Environment the bundler (react-router/vite/bun) may read.
_BUNDLER_ENV_PREFIXES = ("VITE_", "NODE_", "BUN_", "REFLEX_BUN", "REFLEX_NO_", "NPM_CONFIG_")
_TEXT_SUFFIXES = {".html", ".js", ".mjs", ".css", ".json", ".map", ".txt", ".xml", ".webmanifest"}
_KEY_LENGTH = 24
_ENTRY_NAME = re.compile(rf"[0-9a-f]{{{_KEY_LENGTH}}}")
_STAGING_NAME = re.compile(rf"[0-9a-f]{{{_KEY_LENGTH}}}\.tmp-(\d+)")

# Reflex's own build(), kept by main() when it puts cached_build in its place.
_original_build: Callable[[], None] | None = None


def _real_build() -> None:
    if _original_build is None:
        raise RuntimeError("jobagent_ui.web_build.main() has not run")
    _original_build()


def _log(message: str) -> None:
    print(f"[web build] {message}", file=sys.stderr, flush=True)


def _bun_version() -> str:
    from reflex.utils import path_ops

    bun = path_ops.get_bun_path()
    if bun is None:
        return "none"
    try:
        done = subprocess.run(  # noqa: S603 (the configured bun binary)
            [str(bun), "--version"], capture_output=True, text=True, timeout=30, check=False
        )
    except OSError:
        return "unknown"
    return done.stdout.strip() or "unknown"


def fingerprint(web_dir: Path) -> str:
    """The cache key of the compiled pages in `web_dir`."""
    from reflex_base import constants

    digest = hashlib.sha256()
    digest.update(f"reflex {constants.Reflex.VERSION}\nbun {_bun_version()}\n".encode())
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
    return digest.hexdigest()[:_KEY_LENGTH]


def _origins(api_url: str) -> list[tuple[str, str]]:
    """(placeholder, this server's) pairs for the http(s) and ws(s) forms."""
    api_url = api_url.rstrip("/")
    ws_url = api_url.replace("https://", "wss://", 1).replace("http://", "ws://", 1)
    ws_placeholder = PLACEHOLDER_ORIGIN.replace("http://", "ws://", 1)
    return [(PLACEHOLDER_ORIGIN, api_url), (ws_placeholder, ws_url)]


def _api_url_of(env_json: Mapping[str, object]) -> str:
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
    try:
        staging.rename(entry)
    except OSError:
        if not entry.is_dir():
            raise
        # Another server stored the same key meanwhile (same sources, same bundle).
        shutil.rmtree(staging, ignore_errors=True)


def _install_copy(entry: Path, web_dir: Path, api_url: str) -> None:
    """This server's copy of the cached bundle, with its own backend URLs."""
    target = web_dir / "build"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(entry / "build", target, symlinks=True)
    pairs = [(a.encode(), b.encode()) for a, b in _origins(api_url)]
    placeholder_host = PLACEHOLDER_ORIGIN.split("://")[1].encode()
    changed = 0
    leftover: list[str] = []
    for path in target.rglob("*"):
        if not path.is_file() or path.suffix not in _TEXT_SUFFIXES:
            continue
        data = path.read_bytes()
        if placeholder_host not in data:
            continue
        new = data
        for placeholder_url, url in pairs:
            new = new.replace(placeholder_url, url)
        if placeholder_host in new:
            leftover.append(str(path))
            continue
        path.write_bytes(new)
        changed += 1
        compressed = path.with_name(path.name + ".gz")
        if compressed.exists():
            compressed.write_bytes(gzip.compress(new, compresslevel=9, mtime=0))
        for other in (".br", ".zst"):  # not regenerated here: let the others serve
            path.with_name(path.name + other).unlink(missing_ok=True)
    if leftover:
        raise RuntimeError(f"placeholder origin left in {leftover[:5]}")
    _log(f"using cached bundle {entry.name} ({changed} files given {api_url})")


def _keep() -> int:
    raw = os.environ.get(KEEP_ENV, "").strip()
    try:
        return max(1, int(raw)) if raw else DEFAULT_KEEP
    except ValueError:
        _log(f"{KEEP_ENV}={raw!r} is not a number; keeping {DEFAULT_KEEP}")
        return DEFAULT_KEEP


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def prune(cache_dir: Path, keep: int, in_use: str | None = None) -> list[str]:
    """Remove all but the `keep` most recently used bundles (never `in_use`, nor
    one whose lock another server holds); also staging folders of dead builds.
    Returns the removed keys."""
    removed: list[str] = []
    if not cache_dir.is_dir():
        return removed
    entries: list[Path] = []
    for path in cache_dir.iterdir():
        staging = _STAGING_NAME.fullmatch(path.name)
        if staging and not _pid_alive(int(staging.group(1))):
            shutil.rmtree(path, ignore_errors=True)
        elif _ENTRY_NAME.fullmatch(path.name) and path.is_dir():
            entries.append(path)
    entries.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[keep:]:
        if old.name == in_use:
            continue
        lock_path = cache_dir / f"{old.name}.lock"
        with lock_path.open("a") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                continue  # being built or copied by another server right now
            try:
                shutil.rmtree(old, ignore_errors=True)
                lock_path.unlink(missing_ok=True)
                removed.append(old.name)
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
    return removed


def cached_build() -> None:
    """Stands in for reflex.utils.build.build (called by setup_frontend_prod)."""
    from reflex.utils import prerequisites

    cache_dir_raw = os.environ.get(CACHE_ENV, "").strip()
    if not cache_dir_raw:
        _real_build()
        return
    cache_dir = Path(cache_dir_raw).resolve()
    web_dir = prerequisites.get_web_dir().resolve()
    api_url = _api_url_of(json.loads((web_dir / "env.json").read_text()))
    key = fingerprint(web_dir)
    entry = cache_dir / key
    with _locked(cache_dir / f"{key}.lock"):
        if not entry.is_dir():
            _build_into_cache(web_dir, entry, api_url)
        _install_copy(entry, web_dir, api_url)
        os.utime(entry)  # last use, for prune()
    removed = prune(cache_dir, _keep(), in_use=key)
    if removed:
        _log(f"removed older bundles {', '.join(removed)}")


def add_missing_ignores(
    gitignore_file: Path = Path(".gitignore"), files_to_ignore: Iterable[str] = ()
) -> None:
    """Reflex's `initialize_gitignore`, made safe for servers starting at once.

    `reflex run` re-initialises the project whenever its web directory is new (every
    test server, every image start), and Reflex's version rewrites .gitignore each
    time: truncate, then write. A second server reading it in between sees it empty
    and writes back only Reflex's own lines, dropping the project's. Here the file is
    left alone unless an entry is missing, and a missing one is appended."""
    wanted = list(files_to_ignore)
    current: set[str] = set()
    if gitignore_file.exists():
        current = {line.strip() for line in gitignore_file.read_text().splitlines()}
    missing = [entry for entry in wanted if entry not in current]
    if not missing:
        return
    text = gitignore_file.read_text() if gitignore_file.exists() else ""
    with gitignore_file.open("a") as out:
        out.write(("" if not text or text.endswith("\n") else "\n") + "\n".join(missing) + "\n")


def persist_if_changed(source: Path, target: Path) -> bool:
    """Copy `source` over `target` only when their bytes differ, by an atomic rename.

    Reflex copies each web directory's lockfiles back to the project's reflex.lock/
    at every start (truncate, then write). Servers starting at once then read one
    another's half-written lockfile; an empty one fails every later start ("The
    persisted lockfile is out of sync"). Unchanged, nothing is written; changed,
    readers see the old file or the new one, never a part."""
    if not source.exists():
        return False
    data = source.read_bytes()
    if target.exists() and target.read_bytes() == data:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    staging.write_bytes(data)
    os.replace(staging, target)
    return True


def main() -> None:
    from reflex.reflex import cli
    from reflex.utils import build as reflex_build
    from reflex.utils import frontend_skeleton
    from reflex_base import constants

    global _original_build
    _original_build = reflex_build.build
    reflex_build.build = cached_build  # looked up at call time by setup_frontend_prod

    def initialize_gitignore(
        gitignore_file: Path = constants.GitIgnore.FILE,
        files_to_ignore: Iterable[str] = constants.GitIgnore.DEFAULTS,
    ) -> None:
        add_missing_ignores(gitignore_file, files_to_ignore)

    frontend_skeleton.initialize_gitignore = initialize_gitignore

    def sync_web_lockfile_to_root(filename: str) -> None:
        persist_if_changed(
            frontend_skeleton.get_web_lockfile_path(filename),
            frontend_skeleton.get_root_lockfile_path(filename),
        )

    frontend_skeleton.sync_web_lockfile_to_root = sync_web_lockfile_to_root

    cli()


if __name__ == "__main__":
    main()
