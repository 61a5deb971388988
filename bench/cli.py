"""Cold start of `jobagent search`: wall time, imports, taxonomy load, peak memory.

    .venv/bin/python bench/cli.py [--runs 5]

Runs `jobagent search --cv cv.pdf --title "Data Engineer" --location Berlin` (the
README's example without --out: the embedded defaults, the bundled sample set, the
offline engine) in a scratch folder, each time in a fresh process. The first run
creates the database, writes the letters and fills the user caches; it is shown on
its own. The figures are the median of `--runs` fresh processes after it: a person's
second and later searches. The user cache directory is a scratch one too
(XDG_CACHE_HOME), so the taxonomy cache starts empty, and so is the bytecode cache
(PYTHONPYCACHEPREFIX, written even under PYTHONDONTWRITEBYTECODE): an installed
Job Agent has its .pyc files, and compiling ~200 modules from source would add
~0.2 s to every figure.

Also: the import time of the CLI entry and of what a search imports before it runs,
`jobagent search --help`, and the taxonomy load from its YAML and from its cache.
Each figure is printed beside its limit (cold search ≤ 1.5 s, peak RSS ≤ 300 MB);
the machine's load skews wall times, so compare runs made back to back. Prints
figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests import cv_fixtures  # noqa: E402

WALL_LIMIT_S = 1.5
RSS_LIMIT_MB = 300
SEARCH = ["search", "--cv", "cv.pdf", "--title", "Data Engineer", "--location", "Berlin"]
# Settings that would point the CLI at servers instead of the embedded defaults.
SERVER_SETTINGS = {"DATABASE_URL", "UI_DATABASE_URL", "REDIS_URL", "SMTP_URL", "LLM_BASE_URL"}

IMPORT_ENTRY = """
import time
start = time.perf_counter()
import jobagent_core.cli
entry = time.perf_counter()
import jobagent_core.cli_search, jobagent_core.workflows.local_run
import jobagent_core.workflows.job_search, jobagent_core.workflows.profiling
print(entry - start, time.perf_counter() - start)
"""
TAXONOMY_LOAD = """
import sys, time
from jobagent_core.profiling.taxonomy import build_taxonomy, prebuilt
start = time.perf_counter()
build_taxonomy(prebuilt.default_cache_dir() if sys.argv[1] == "cache" else None)
print(time.perf_counter() - start)
"""


class Run(NamedTuple):
    wall: float  # s
    cpu: float  # user + system s: what the machine's load skews least
    peak_mb: float
    stdout: str


def run(args: list[str], work: Path, env: dict[str, str]) -> Run:
    """One fresh process, measured; exits with its stderr when it fails."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(args, cwd=work, env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if proc.returncode != 0:
            raise SystemExit(f"{' '.join(args)} failed:\n{err.read().decode()[-2000:]}")
        cpu = usage.ru_utime + usage.ru_stime
        return Run(wall, cpu, usage.ru_maxrss / 1024, out.read().decode())


def figure(name: str, value: float, unit: str, limit: float | None = None) -> None:
    within = (
        "" if limit is None else f"  (limit {limit:g} {unit}: {'ok' if value <= limit else 'OVER'})"
    )
    print(f"  {name:<44} {value:8.2f} {unit}{within}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="fresh processes per figure")
    runs = parser.parse_args().runs
    python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "work"
        cache = Path(tmp) / "cache"
        work.mkdir()
        (work / "cv.pdf").write_bytes(cv_fixtures.render_pdf(cv_fixtures.DATA_ENGINEER))
        env = {
            k: v
            for k, v in os.environ.items()
            if k not in SERVER_SETTINGS and k != "PYTHONDONTWRITEBYTECODE"
        }
        env.update(
            PYTHONPATH=str(ROOT),
            PYTHONPYCACHEPREFIX=str(Path(tmp) / "pycache"),
            COLUMNS="200",
            XDG_CACHE_HOME=str(cache),
        )
        cli = [python, "-m", "jobagent_core.cli"]

        print(f"== jobagent {' '.join(SEARCH)}")
        first = run([*cli, *SEARCH], work, env)
        figure("first run (new database, letters written)", first.wall, "s")
        figure("  its peak RSS", first.peak_mb, "MB")
        results = [run([*cli, *SEARCH], work, env) for _ in range(runs)]
        walls = [r.wall for r in results]
        figure(f"cold search, median of {runs}", statistics.median(walls), "s", WALL_LIMIT_S)
        print(f"  {'':<44} (min {min(walls):.2f} s, max {max(walls):.2f} s)")
        figure("  its CPU time (user + system)", statistics.median(r.cpu for r in results), "s")
        figure("peak RSS, largest of the runs", max(r.peak_mb for r in results), "MB", RSS_LIMIT_MB)

        print("== imports (fresh processes, median)")
        imports = [run([python, "-c", IMPORT_ENTRY], work, env).stdout.split() for _ in range(runs)]
        figure("import jobagent_core.cli", statistics.median(float(e) for e, _ in imports), "s")
        figure(
            "+ what a search imports before it runs",
            statistics.median(float(a) for _, a in imports),
            "s",
        )
        helps = [run([*cli, "search", "--help"], work, env).wall for _ in range(runs)]
        figure("jobagent search --help (wall)", statistics.median(helps), "s")

        print("== taxonomy load (fresh processes, median)")
        for label, where in [("from the YAML files", "yaml"), ("from the user cache", "cache")]:
            loads = [
                float(run([python, "-c", TAXONOMY_LOAD, where], work, env).stdout)
                for _ in range(runs)
            ]
            figure(label, statistics.median(loads), "s")


if __name__ == "__main__":
    main()
