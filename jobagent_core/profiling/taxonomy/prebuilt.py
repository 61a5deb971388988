"""The taxonomy's build products, kept between processes.

Building the taxonomy reads three YAML files, turns every alias into a character
trie and compiles those tries into regexes of up to 50,000 characters: ~0.15 s a
process, most of it building and parsing the regexes (the YAML takes 0.02 s with
libyaml, 0.15 s more without). The first process stores what it built in the user's
cache directory (`~/.cache/jobagent/taxonomy.marshal` on Linux): the parsed YAML and the regex
sources. Later processes load that and only compile the regexes. (Caching the
compiled programs too would save ~0.06 s more, but only through CPython's private
regex compiler: not worth a cache that can break with any Python release.)

The file is keyed by a hash of the YAML files, of the taxonomy's code and of the
Python build, so an edited taxonomy or another interpreter never gets a stale entry;
it is written atomically, only ever read from the user's own cache directory, and
holds `marshal` data (plain values, no code or objects). Anything unreadable or stale is
rebuilt from the YAML, never an error.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import sys
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

CACHE_NAME = "taxonomy.marshal"
# Bump when the layout of the cached data changes.
FORMAT = 2


def default_cache_dir() -> Path | None:
    """The user's cache directory for Job Agent (as `platformdirs` names it when
    installed), or None for a user without a home directory."""
    try:
        from platformdirs import user_cache_dir
    except ImportError:
        try:
            base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
        except (RuntimeError, KeyError):
            return None
        return base / "jobagent"
    return Path(user_cache_dir("jobagent"))


def cache_key(sources: Mapping[str, bytes], code: bytes) -> str:
    """What the cache entry was built from: the YAML files, the code, the interpreter."""
    digest = hashlib.sha256(f"{FORMAT}:{sys.version}".encode())
    digest.update(hashlib.sha256(code).digest())
    for name in sorted(sources):
        digest.update(name.encode() + b"\0" + hashlib.sha256(sources[name]).digest())
    return digest.hexdigest()


class Regexes:
    """Builds and compiles the taxonomy's big regexes, from the cache when it has them.

    `compile(role, build, flags)`: `build()` makes the pattern's source; with a cache
    entry neither it runs nor the regex parser does."""

    def __init__(self, cached: Mapping[str, Any] | None = None) -> None:
        self._cached = dict(cached or {})
        self.built: dict[str, tuple[str, int]] = {}

    def compile(self, role: str, build: Callable[[], str], flags: int = 0) -> re.Pattern[str]:
        entry = self._cached.get(role)
        if entry is not None and entry[1] == flags:
            pattern = entry[0]
            self.built[role] = (pattern, flags)
            return re.compile(pattern, flags)
        pattern = build()
        self.built[role] = (pattern, flags)
        return re.compile(pattern, flags)

    def to_cache(self) -> dict[str, Any]:
        return {role: (p, int(f)) for role, (p, f) in self.built.items()}


def read(folder: Path, key: str) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """(YAML data by file name, regexes by role) cached under `key`, or None."""
    try:
        raw = (folder / CACHE_NAME).read_bytes()
        entry = marshal.loads(raw)  # noqa: S302  (the user's own cache, keyed by content)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not isinstance(entry, dict) or entry.get("key") != key:
        return None
    data, regexes = entry.get("data"), entry.get("regexes")
    if not isinstance(data, dict) or not isinstance(regexes, dict):
        return None
    return data, regexes


def write(folder: Path, key: str, data: Mapping[str, Any], regexes: Regexes) -> None:
    """Store the build products under `key`; a cache that cannot be written is skipped."""
    try:
        payload = marshal.dumps({"key": key, "data": dict(data), "regexes": regexes.to_cache()})
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".taxonomy-", dir=folder)
        try:
            with os.fdopen(fd, "wb") as file:
                file.write(payload)
            os.replace(tmp, folder / CACHE_NAME)  # readers see the old file or the new one
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except (OSError, ValueError):
        return
