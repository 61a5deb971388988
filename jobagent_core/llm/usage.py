"""Usage accounting for LLM calls: tokens, calls and time, per call and per stage.

Apart from the client because the workflows keep a `UsageMeter` per run and store
its figures, whether or not a client is ever built.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Usage:
    """Tokens as reported by the service, how many completions were made, and time.

    `queue_s` is time spent waiting for a free request slot (LLM_CONCURRENCY),
    `generation_s` time spent in HTTP requests to the service; `repairs` counts
    replies that had to be repaired, `fallbacks` structured requests that gave no
    usable reply (the caller then used its offline path). Only tokens and calls
    take part in comparisons (`==`).
    """

    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0
    calls: int = 0
    queue_s: float = field(default=0.0, compare=False)
    generation_s: float = field(default=0.0, compare=False)
    repairs: int = field(default=0, compare=False)
    fallbacks: int = field(default=0, compare=False)

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            self.prompt_tokens + other.prompt_tokens,
            self.completion_tokens + other.completion_tokens,
            self.total_tokens + other.total_tokens,
            self.calls + other.calls,
            self.queue_s + other.queue_s,
            self.generation_s + other.generation_s,
            self.repairs + other.repairs,
            self.fallbacks + other.fallbacks,
        )

    def as_record(self) -> dict[str, int | float]:
        """The figures as stored on a run (`params["llm_usage"][stage]`)."""
        return {
            "calls": self.calls,
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "total_tokens": self.total_tokens,
            "repairs": self.repairs,
            "fallbacks": self.fallbacks,
            "generation_s": round(self.generation_s, 2),
            "queue_s": round(self.queue_s, 2),
        }


class UsageMeter:
    """Running totals per workflow stage (thread-safe), e.g. to store on a run."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._by_stage: dict[str, Usage] = {}

    def record(self, stage: str, usage: Usage) -> None:
        with self._lock:
            self._by_stage[stage] = self._by_stage.get(stage, Usage()) + usage

    @property
    def by_stage(self) -> dict[str, Usage]:
        with self._lock:
            return dict(self._by_stage)

    @property
    def total(self) -> Usage:
        return sum(self.by_stage.values(), Usage())


@dataclass
class Call:
    """Running totals of one `complete_structured` call (one thread)."""

    deadline: float
    usage: Usage = Usage()
    queue_s: float = 0.0
    generation_s: float = 0.0

    def total(self) -> Usage:
        return replace(self.usage, queue_s=self.queue_s, generation_s=self.generation_s)
