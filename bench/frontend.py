"""Front-end figures for the issue: server start to the first 200 on `/` (front-end
build cache miss, cache hit, and with the cache switched off as before), bytes of
JS and CSS of the first page raw and as sent with `Accept-Encoding: gzip`, and the
time to a usable sign-in page in a cold headless Chromium.

    .venv/bin/python bench/frontend.py [--runs 5] [--skip-browser] [--skip-rebuild]

Starts scripts/serve_ui.sh (the way `make run` serves) on a free port on embedded
defaults: SQLite in a temporary directory (migrated first), local sign-in, the
Reflex web directory and the front-end build cache in the same temporary
directory. Needs bun (scripts/install_bun.sh) and /usr/bin/chromium (JOBAGENT_CHROMIUM
overrides). "Usable" = the "Continue as local user" button is visible and
hydrated by React (its DOM node carries React's fiber) and the app's state has
arrived over the websocket. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from jobagent_ui.web_build import CACHE_ENV  # noqa: E402

CHROMIUM = os.environ.get("JOBAGENT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"]
USABLE_LIMIT_S = 1.0
START_TIMEOUT_S = 300.0
BUTTON = "Continue as local user"

# Records, in the page, when the first state update arrives over Reflex's
# websocket (a socket.io event frame, "42[...").
_WS_HOOK = """
(() => {
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => {
        if (window.__stateAt === undefined && typeof event.data === "string"
            && event.data.startsWith("42")) {
          window.__stateAt = performance.now();
        }
      });
    }
  };
})();
"""
# True once the sign-in button is visible, hydrated and the state has arrived.
_USABLE = """
(label) => {
  const button = [...document.querySelectorAll("button")]
    .find((b) => b.textContent.trim() === label);
  if (!button || window.__stateAt === undefined) return false;
  const box = button.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return false;
  return Object.keys(button).some((k) => k.startsWith("__reactFiber"));
}
"""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server_env(work: Path, port: int, cache: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{work / 'jobagent.db'}",
        "UI_DATABASE_URL": "",
        "BETTER_AUTH_URL": f"http://localhost:{port}",
        "BETTER_AUTH_SECRET": "bench-frontend-secret-0123456789abcdef0123456789",
        "GOOGLE_CLIENT_ID": "",
        "GOOGLE_CLIENT_SECRET": "",
        "ACCESS_ALLOW_LIST": "",
        "REDIS_URL": "",
        "CELERY_BROKER_URL": "",
        "LLM_BASE_URL": "",
        "SMTP_URL": "",
        "STORAGE_DIR": str(work / "storage"),
        "QUEUE_DIR": str(work / "queue"),
        "REFLEX_WEB_WORKDIR": str(work / "web"),
        "REFLEX_STATES_WORKDIR": str(work / "states"),
        CACHE_ENV: cache,
    }


def status(url: str, headers: dict[str, str] | None = None) -> tuple[int, bytes, str]:
    """(status, body as sent, Content-Encoding); status 0 when nothing answers."""
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 (local http)
    try:
        with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
            return response.status, response.read(), response.headers.get("Content-Encoding", "")
    except urllib.error.HTTPError as err:
        return err.code, b"", ""
    except (urllib.error.URLError, OSError):
        return 0, b"", ""


@contextmanager
def serve(work: Path, port: int, cache: str, log: Path) -> Iterator[float]:
    """scripts/serve_ui.sh PORT; yields the seconds from its start to the first 200 on /."""
    env = server_env(work, port, cache)
    started = time.perf_counter()
    with log.open("ab") as out:
        proc = subprocess.Popen(
            ["bash", "scripts/serve_ui.sh", str(port)],
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        while status(f"http://localhost:{port}/")[0] != 200:
            if proc.poll() is not None or time.perf_counter() - started > START_TIMEOUT_S:
                tail = "\n".join(log.read_text(errors="replace").splitlines()[-30:])
                raise SystemExit(f"server did not start (log {log}):\n{tail}")
            time.sleep(0.05)
        yield time.perf_counter() - started
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


def asset_bytes(base: str, urls: list[str]) -> dict[str, tuple[int, int, int]]:
    """By kind (js, css): (files, raw bytes, bytes sent with Accept-Encoding: gzip)."""
    totals: dict[str, tuple[int, int, int]] = {"js": (0, 0, 0), "css": (0, 0, 0)}
    gzipped = 0
    for url in sorted(set(urls)):
        kind = "js" if url.split("?")[0].endswith(".js") else "css"
        _, raw, _ = status(url, {"Accept-Encoding": "identity"})
        _, sent, encoding = status(url, {"Accept-Encoding": "gzip"})
        gzipped += encoding == "gzip"
        files, raw_total, sent_total = totals[kind]
        totals[kind] = (files + 1, raw_total + len(raw), sent_total + len(sent))
    print(f"    ({gzipped} of {len(set(urls))} files came with Content-Encoding: gzip)")
    return totals


# JS and CSS the page fetched: [url, bytes received (encoded), bytes decoded].
_ASSETS = """
() => performance.getEntriesByType("resource")
  .filter((e) => /\\.(js|css)(\\?|$)/.test(e.name))
  .map((e) => [e.name, e.encodedBodySize, e.decodedBodySize])
"""


def browser_figures(base: str, runs: int) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for path in ("/", "/sign-in"):
                times: list[float] = []
                assets: list[list[object]] = []
                for _ in range(runs):
                    context = browser.new_context()  # empty cache: a cold page
                    page = context.new_page()
                    page.add_init_script(_WS_HOOK)
                    started = time.perf_counter()
                    page.goto(base + path, wait_until="commit")
                    page.wait_for_function(_USABLE, arg=BUTTON, polling="raf", timeout=30_000)
                    times.append(time.perf_counter() - started)
                    assets = assets or page.evaluate(_ASSETS)
                    context.close()
                print(f"  first page {path} (JS and CSS fetched until the page was usable)")
                totals = asset_bytes(base, [str(a[0]) for a in assets])
                for kind, (files, raw, sent) in totals.items():
                    print(
                        f"    {kind.upper():<3} {files:>3} files  raw {raw / 1024:>7,.0f} KiB  "
                        f"sent with gzip {sent / 1024:>6,.0f} KiB"
                    )
                received = sum(int(str(a[1])) for a in assets)
                decoded = sum(int(str(a[2])) for a in assets)
                print(
                    f"    Chromium received {received / 1024:,.0f} KiB "
                    f"for {decoded / 1024:,.0f} KiB of JS and CSS"
                )
                median = statistics.median(times)
                worst = max(times)
                verdict = "met" if worst <= USABLE_LIMIT_S else "NOT met"
                print(
                    f"    usable page, cold ({runs} runs): median {median:.2f} s, "
                    f"first {times[0]:.2f} s, worst {worst:.2f} s   "
                    f"limit <= {USABLE_LIMIT_S:.1f} s {verdict}"
                )
        finally:
            browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="cold page loads per page")
    parser.add_argument("--skip-browser", action="store_true")
    parser.add_argument("--skip-rebuild", action="store_true", help="no cache-off start")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-frontend-") as tmp:
        work = Path(tmp)
        log = work / "server.log"
        env = server_env(work, 0, "")
        subprocess.run(
            [sys.executable, "-m", "jobagent_core.cli", "db", "upgrade"],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
        cache = str(work / "web-builds")
        print("server start (scripts/serve_ui.sh) to the first 200 on /:")
        port = free_port()
        with serve(work, port, cache, log) as seconds:
            print(f"  cache miss (fresh web dir, bundle built):  {seconds:6.2f} s")
        port = free_port()  # another port: the cached bundle is given this one
        with serve(work, port, cache, log) as seconds:
            print(f"  cache hit (another port):                  {seconds:6.2f} s")
        if not args.skip_rebuild:
            port = free_port()
            with serve(work, port, "", log) as seconds:
                print(f"  cache off ({CACHE_ENV}=, rebuilt as before): {seconds:6.2f} s")
        if args.skip_browser:
            return
        port = free_port()
        with serve(work, port, cache, log) as seconds:
            print(f"front end as served (cache hit, {seconds:.2f} s to start):")
            browser_figures(f"http://localhost:{port}", args.runs)


if __name__ == "__main__":
    main()
