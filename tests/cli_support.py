"""`jobagent …` for tests, run in this process through Click's test runner.

A subprocess per call cost each call a second of CPU for the interpreter and the
imports (the suite made about fifty); the command's code is the same either way.
The environment is exactly `env` for the call (variables not in it are unset),
the working directory is `cwd`, and the caches that read settings are cleared
before and after, so a call sees what a fresh process would. An exception that
escapes the command shows in stderr as its traceback, as it would from a process.
A few tests still start the real `python -m jobagent_core.cli` process, for the
entry point itself.
"""

from __future__ import annotations

import contextlib
import os
import traceback
from collections.abc import Mapping
from pathlib import Path
from subprocess import CompletedProcess

from click.testing import CliRunner

from jobagent_core.cli import main
from tests.worker_support import reset_caches


def run_cli(
    *args: str, env: Mapping[str, str] | None = None, cwd: Path | None = None
) -> CompletedProcess[str]:
    """`jobagent *args` with `env` (default: this process's) in `cwd`."""
    wanted = dict(os.environ if env is None else env)
    overrides: dict[str, str | None] = {name: None for name in os.environ if name not in wanted}
    overrides.update(wanted)
    reset_caches()
    try:
        with contextlib.chdir(cwd or Path.cwd()):
            result = CliRunner(env=overrides).invoke(main, list(args), catch_exceptions=True)
    finally:
        reset_caches()
    stderr = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        assert result.exc_info is not None
        stderr += "".join(traceback.format_exception(*result.exc_info))
    return CompletedProcess(["jobagent", *args], result.exit_code, result.stdout, stderr)
