"""The front-end build cache (jobagent_ui/web_build.py) without running the bundler:
the key, a server's copy of a cached bundle, and the bound on kept bundles."""

from __future__ import annotations

import fcntl
import gzip
import json
import os
from pathlib import Path

import pytest

from jobagent_ui import web_build

pytestmark = pytest.mark.unit

PLACEHOLDER = web_build.PLACEHOLDER_ORIGIN
WS_PLACEHOLDER = PLACEHOLDER.replace("http://", "ws://", 1)


def cached_entry(cache: Path, key: str) -> Path:
    """A cached bundle as _build_into_cache stores it (built for the placeholder)."""
    assets = cache / key / "build" / "client" / "assets"
    assets.mkdir(parents=True)
    env_chunk = f'const e={{"EVENT":"{WS_PLACEHOLDER}/_event","PING":"{PLACEHOLDER}/ping"}};'
    (assets / "reflex-env-abc.js").write_text(env_chunk)
    (assets / "reflex-env-abc.js.gz").write_bytes(gzip.compress(env_chunk.encode()))
    (assets / "reflex-env-abc.js.br").write_bytes(b"stale brotli")
    (assets / "page-def.js").write_text("export const page = 1;")
    (assets / "page-def.js.gz").write_bytes(gzip.compress(b"export const page = 1;"))
    return cache / key


def test_a_cached_bundle_is_given_this_servers_port(tmp_path: Path) -> None:
    entry = cached_entry(tmp_path / "cache", "a" * 24)
    web_dir = tmp_path / "web"
    (web_dir / "build").mkdir(parents=True)
    (web_dir / "build" / "stale.js").write_text("from the last start")

    web_build._install_copy(entry, web_dir, "http://localhost:41234")

    assets = web_dir / "build" / "client" / "assets"
    served = (assets / "reflex-env-abc.js").read_text()
    assert '"PING":"http://localhost:41234/ping"' in served
    assert '"EVENT":"ws://localhost:41234/_event"' in served
    assert "placeholder" not in served
    # The compressed sibling says the same; the one not regenerated is gone.
    assert gzip.decompress((assets / "reflex-env-abc.js.gz").read_bytes()).decode() == served
    assert not (assets / "reflex-env-abc.js.br").exists()
    assert not (web_dir / "build" / "stale.js").exists()
    # The cache itself keeps the placeholder for the next server.
    cached = (entry / "build" / "client" / "assets" / "reflex-env-abc.js").read_text()
    assert PLACEHOLDER in cached


def test_the_port_is_read_from_env_json() -> None:
    env_json = {"PING": "https://jobs.example.org/ping", "EVENT": "wss://jobs.example.org/_event"}
    assert web_build._api_url_of(env_json) == "https://jobs.example.org"
    origins = dict(web_build._origins("https://jobs.example.org"))
    assert origins == {
        PLACEHOLDER: "https://jobs.example.org",
        WS_PLACEHOLDER: "wss://jobs.example.org",
    }


def test_the_key_follows_the_compiled_pages_not_the_port(tmp_path: Path) -> None:
    web_dir = tmp_path / "web"
    (web_dir / "app" / "routes").mkdir(parents=True)
    (web_dir / "app" / "routes" / "sign-in.jsx").write_text("<button>Continue</button>")
    (web_dir / "env.json").write_text(json.dumps({"PING": "http://localhost:3000/ping"}))
    (web_dir / "reflex.json").write_text('{"project_hash": 1}')
    key = web_build.fingerprint(web_dir)

    (web_dir / "env.json").write_text(json.dumps({"PING": "http://localhost:4000/ping"}))
    (web_dir / "reflex.json").write_text('{"project_hash": 2}')
    (web_dir / "node_modules").mkdir()
    (web_dir / "node_modules" / "x.js").write_text("installed")
    (web_dir / "build").mkdir()
    (web_dir / "build" / "out.js").write_text("built")
    assert web_build.fingerprint(web_dir) == key

    (web_dir / "app" / "routes" / "sign-in.jsx").write_text("<a>Continue with Google</a>")
    assert web_build.fingerprint(web_dir) != key


def test_only_the_newest_bundles_are_kept(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    keys = [f"{i:024x}" for i in range(5)]
    for age, key in enumerate(keys):  # keys[0] is the oldest, keys[4] the newest
        entry = cached_entry(cache, key)
        (cache / f"{key}.lock").touch()
        stamp = 1_000_000 + age * 100
        os.utime(entry, (stamp, stamp))
    dead_staging = cache / f"{keys[0]}.tmp-999999999"
    dead_staging.mkdir()

    # keys[0] is the oldest but in use; keys[1] is being copied by another server.
    with (cache / f"{keys[1]}.lock").open("a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        removed = web_build.prune(cache, keep=2, in_use=keys[0])

    assert removed == [keys[2]]
    kept = [keys[0], keys[1], keys[3], keys[4]]
    left = sorted(p.name for p in cache.iterdir())
    assert left == sorted(kept + [f"{key}.lock" for key in kept])
    assert not dead_staging.exists()


def test_the_number_kept_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(web_build.KEEP_ENV, raising=False)
    assert web_build._keep() == web_build.DEFAULT_KEEP
    monkeypatch.setenv(web_build.KEEP_ENV, "7")
    assert web_build._keep() == 7
    monkeypatch.setenv(web_build.KEEP_ENV, "0")
    assert web_build._keep() == 1
    monkeypatch.setenv(web_build.KEEP_ENV, "many")
    assert web_build._keep() == web_build.DEFAULT_KEEP


def test_gitignore_is_left_alone_when_complete_and_only_appended_to(tmp_path: Path) -> None:
    """Reflex rewrote .gitignore at every server start; two at once emptied it."""
    gitignore = tmp_path / ".gitignore"
    ours = "# ours\n.web\n.states\n.venv/\nvar/\n"
    gitignore.write_text(ours)
    before = gitignore.stat().st_mtime_ns
    web_build.add_missing_ignores(gitignore, [".web", ".states"])
    assert gitignore.read_text() == ours
    assert gitignore.stat().st_mtime_ns == before  # not even rewritten

    web_build.add_missing_ignores(gitignore, [".web", "assets/external/"])
    assert gitignore.read_text() == ours + "assets/external/\n"

    fresh = tmp_path / "new" / ".gitignore"
    fresh.parent.mkdir()
    web_build.add_missing_ignores(fresh, [".web", "*.db"])
    assert fresh.read_text() == ".web\n*.db\n"


def test_lockfiles_are_persisted_only_when_changed_and_never_half_written(
    tmp_path: Path,
) -> None:
    """Reflex rewrote reflex.lock/ at every server start; two at once emptied it."""
    web, root = tmp_path / "web" / "bun.lock", tmp_path / "reflex.lock" / "bun.lock"
    web.parent.mkdir()
    web.write_text('{"lockfileVersion": 2}')
    assert web_build.persist_if_changed(web, root)
    assert root.read_text() == '{"lockfileVersion": 2}'
    before = root.stat().st_mtime_ns
    assert not web_build.persist_if_changed(web, root)  # same bytes: not touched
    assert root.stat().st_mtime_ns == before
    web.write_text('{"lockfileVersion": 3}')
    assert web_build.persist_if_changed(web, root)
    assert root.read_text() == '{"lockfileVersion": 3}'
    assert sorted(p.name for p in root.parent.iterdir()) == ["bun.lock"]  # no leftovers
    assert not web_build.persist_if_changed(tmp_path / "missing", root)
