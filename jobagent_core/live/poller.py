"""One process-wide poller of run changes.

`RunChangeReader.read` is the only database work: ONE statement over the runs
(updated_at) index — "runs of the listening users changed since my cursor" —
whatever the number of connected browsers. `LivePoller.run` decides when to call
it:

- nobody listening (no connected client): no query at all; it sleeps until
  `wake()` and then starts from "now" (a page loads its own snapshot first);
- a run known to be pending or running, or a client arrived in the last minute
  (it may be about to start one): every `fast_s` (1 s);
- otherwise every `slow_s` (5 s), enough to notice runs started elsewhere
  (CLI, API, another server).

"Known active" comes from the poller's own reads plus what pages report when
they load (`RunChangeReader.expect`), and a run that has not changed for
`stale_after` stops counting (its worker probably died; recovery takes it over).

Cursor: the largest `updated_at` read so far. Writers stamp `updated_at` before
they commit, so a slow transaction can commit a stamp older than the cursor; each
read therefore looks back `overlap` seconds and drops rows it already delivered
(same id and stamp). A full batch is continued by (updated_at, id) keyset without
the look-back, so a burst of changes is read in bounded slices.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import time
from collections.abc import Awaitable, Callable, Collection, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from sqlalchemy import Engine

from jobagent_core.db.base import utcnow
from jobagent_core.db.engine import session_scope
from jobagent_core.db.enums import RunStatus
from jobagent_core.tracking.dashboard import ACTIVE_STATUSES, RunRow, changed_runs

log = logging.getLogger(__name__)

OVERLAP: Final = timedelta(seconds=3)
STALE_AFTER: Final = timedelta(minutes=15)
BATCH: Final = 500


@dataclass(frozen=True)
class RunChange:
    """A run as it is now, and its status as the poller last knew it."""

    run: RunRow
    previous_status: str | None  # None: not known to be active before this read

    @property
    def user_id(self) -> str:
        return self.run.user_id

    @property
    def finished(self) -> bool:
        """It was pending or running, and now it is not (completed, failed, cancelled)."""
        return self.previous_status in ACTIVE_STATUSES and not self.run.active

    @property
    def status_changed(self) -> bool:
        return self.previous_status != self.run.status


class RunChangeReader:
    """Reads changed runs; remembers the cursor and which runs are active.

    Thread-safe: `read` runs on a worker thread while pages call `expect` from the
    event loop.
    """

    def __init__(
        self,
        engine: Engine,
        *,
        overlap: timedelta = OVERLAP,
        batch: int = BATCH,
        stale_after: timedelta = STALE_AFTER,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.engine = engine
        self.overlap = overlap
        self.batch = batch
        self.stale_after = stale_after
        self.clock = clock
        self._lock = threading.Lock()
        self._cursor: datetime | None = None
        self._cursor_id = ""
        self._watching_since: datetime | None = None  # when the first read began
        self._behind = False  # the last read filled a batch: more is waiting
        self._delivered: dict[str, datetime] = {}  # run id → stamp already delivered
        self._active: dict[str, tuple[str, datetime]] = {}  # run id → (status, last change)

    # ------------------------------------------------------------------ state

    def reset(self) -> None:
        """Forget the cursor (nobody listens any more); the next read starts at now."""
        with self._lock:
            self._cursor = None
            self._cursor_id = ""
            self._watching_since = None
            self._behind = False
            self._delivered.clear()
            self._active.clear()

    def expect(self, runs: Iterable[RunRow]) -> None:
        """Note the active runs a page has just shown, so their end is recognised."""
        with self._lock:
            for run in runs:
                if run.active:
                    self._active[run.id] = (run.status, run.updated_at)

    @property
    def behind(self) -> bool:
        return self._behind

    def has_active(self) -> bool:
        """Whether some run is known to be pending or running (and not stale)."""
        with self._lock:
            cutoff = self.clock() - self.stale_after
            for run_id, (_status, changed) in list(self._active.items()):
                if changed < cutoff:
                    del self._active[run_id]
            return bool(self._active)

    # ------------------------------------------------------------------ reading

    def read(self, user_ids: Collection[str]) -> list[RunChange]:
        """Runs of `user_ids` changed since the last read: one SELECT (none when
        `user_ids` is empty)."""
        if not user_ids:
            return []
        with self._lock:
            if self._cursor is None:
                self._cursor, self._cursor_id = self.clock(), ""
                self._watching_since = self._cursor
            if self._behind:
                since, after_id = self._cursor, self._cursor_id
            else:
                since, after_id = self._cursor - self.overlap, None
        with session_scope(self.engine) as db:
            rows = changed_runs(db, user_ids, since=since, after_id=after_id, limit=self.batch)
        with self._lock:
            return self._absorb(rows)

    def _absorb(self, rows: list[RunRow]) -> list[RunChange]:
        changes = []
        for row in rows:
            if self._delivered.get(row.id) == row.updated_at:
                continue  # read again in the look-back window, already delivered
            self._delivered[row.id] = row.updated_at
            known = self._active.get(row.id)
            previous = known[0] if known else None
            if previous is None and not row.active and self._born_while_watching(row):
                # Created and ended between two reads: it was running, briefly.
                previous = RunStatus.PENDING
            changes.append(RunChange(row, previous))
            if row.active:
                self._active[row.id] = (row.status, row.updated_at)
            else:
                self._active.pop(row.id, None)
        if rows:
            last = rows[-1]
            assert self._cursor is not None
            if last.updated_at >= self._cursor:
                self._cursor, self._cursor_id = last.updated_at, last.id
        self._behind = len(rows) >= self.batch
        assert self._cursor is not None
        horizon = self._cursor - self.overlap
        for run_id, stamp in list(self._delivered.items()):
            if stamp < horizon:
                del self._delivered[run_id]
        return changes

    def _born_while_watching(self, row: RunRow) -> bool:
        return self._watching_since is not None and row.created_at > self._watching_since


Listeners = Callable[[], Collection[str]]
Deliver = Callable[[list[RunChange]], Awaitable[None]]


class LivePoller:
    """Calls `reader.read` on a schedule and hands what changed to `deliver`."""

    def __init__(
        self,
        reader: RunChangeReader,
        *,
        fast_s: float = 1.0,
        slow_s: float = 5.0,
        interest_s: float = 60.0,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.reader = reader
        self.fast_s = fast_s
        self.slow_s = slow_s
        self.interest_s = interest_s
        self.monotonic = monotonic
        self.ticks = 0  # reads done (each is one SELECT)
        self._wake = asyncio.Event()
        self._interest_until = 0.0

    def wake(self) -> None:
        """A client arrived or a run was started: read soon, and often for a while."""
        self._interest_until = self.monotonic() + self.interest_s
        self._wake.set()

    def interval(self) -> float:
        """Seconds until the next read while someone listens."""
        if self.monotonic() < self._interest_until or self.reader.has_active():
            return self.fast_s
        return self.slow_s

    async def run(self, listeners: Listeners, deliver: Deliver) -> None:
        """Poll until cancelled. `listeners()` gives the users with connected clients
        (called every tick, after it has dropped disconnected ones)."""
        idle = True
        while True:
            users = listeners()
            if not users:
                if not idle:
                    self.reader.reset()
                    idle = True
                self._wake.clear()
                await self._wake.wait()
                continue
            idle = False
            delay = await self.tick(users, deliver)
            if delay > 0:
                await self._sleep(delay)

    async def tick(self, users: Collection[str], deliver: Deliver) -> float:
        """One read and its delivery; returns how long to wait before the next."""
        self.ticks += 1
        try:
            changes = await asyncio.to_thread(self.reader.read, users)
        except Exception:
            log.warning("reading run changes failed; trying again later", exc_info=True)
            return self.slow_s
        if changes:
            try:
                await deliver(changes)
            except Exception:
                log.exception("delivering %d run changes failed", len(changes))
        return 0.0 if self.reader.behind else self.interval()

    async def _sleep(self, seconds: float) -> None:
        self._wake.clear()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), timeout=seconds)


__all__ = ["LivePoller", "RunChange", "RunChangeReader"]
