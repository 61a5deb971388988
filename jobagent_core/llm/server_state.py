"""What the process knows about each LLM server, shared by every client in it.

The structured-output form, context window and token field that worked with one
(base URL, model), and the request slots of one base URL (LLM_CONCURRENCY). Module
state on purpose: it outlives any one client, for the life of the process.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, replace
from typing import Any

from jobagent_core.llm.request import Form


@dataclass
class Learned:
    """What worked with one (base URL, model), for the life of the process."""

    form: Form | None = None
    context_tokens: int | None = None  # from a context-length refusal
    tokens_field: str = "max_tokens"  # or max_completion_tokens, when max_tokens is refused


_LEARNED: dict[tuple[str, str], Learned] = {}
_LEARNED_LOCK = threading.Lock()


def learned(base_url: str, model: str) -> Learned:
    """A copy of what is known about `model` at `base_url` (nothing yet: defaults)."""
    with _LEARNED_LOCK:
        return replace(_LEARNED.get((base_url, model)) or Learned())


def learn(base_url: str, model: str, **what: Any) -> None:
    """Remember `what` (fields of `Learned`) about `model` at `base_url`."""
    with _LEARNED_LOCK:
        known = _LEARNED.setdefault((base_url, model), Learned())
        for key, value in what.items():
            setattr(known, key, value)


class Slots:
    """At most `limit` requests in flight to one endpoint from this process."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._busy = 0
        self._free = threading.Condition()

    def acquire(self, timeout: float) -> bool:
        end = time.monotonic() + timeout
        with self._free:
            while self._busy >= self.limit:
                left = end - time.monotonic()
                if left <= 0:
                    return False
                self._free.wait(left)
            self._busy += 1
            return True

    def release(self) -> None:
        with self._free:
            self._busy -= 1
            self._free.notify()

    def set_limit(self, limit: int) -> None:
        with self._free:
            self.limit = limit
            self._free.notify_all()


_SLOTS: dict[str, Slots] = {}


def slots_for(base_url: str, limit: int) -> Slots:
    """The endpoint's slots; the most recently created client's limit applies."""
    with _LEARNED_LOCK:
        slots = _SLOTS.get(base_url)
        if slots is None:
            slots = _SLOTS[base_url] = Slots(limit)
        elif slots.limit != limit:
            slots.set_limit(limit)
        return slots


def forget_learned(base_url: str | None = None) -> None:
    """Forget the structured-output form and context window learned for every model
    at `base_url` (all servers when None): for a server that was reconfigured, or
    a new test server on a port an earlier one used."""
    with _LEARNED_LOCK:
        for key in list(_LEARNED):
            if base_url is None or key[0] == base_url.rstrip("/"):
                del _LEARNED[key]
