"""Each worker sweeps for runs whose worker died, at start and then periodically."""

from __future__ import annotations

import logging
import threading
from typing import Any

from celery.signals import worker_ready, worker_shutdown

log = logging.getLogger(__name__)
_stop = threading.Event()


def _sweep_forever() -> None:
    from jobagent_core.config import get_settings
    from jobagent_core.workflows.dispatch import recover_stale_runs

    every_s = get_settings().RUN_SWEEP_EVERY_S
    while True:
        try:
            recover_stale_runs()
        except Exception:
            log.warning("stale-run sweep failed; will try again", exc_info=True)
        if _stop.wait(every_s):
            return


@worker_ready.connect
def _start_sweeper(**_: Any) -> None:
    _stop.clear()
    threading.Thread(target=_sweep_forever, name="stale-run-sweeper", daemon=True).start()


@worker_shutdown.connect
def _stop_sweeper(**_: Any) -> None:
    _stop.set()
