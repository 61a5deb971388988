"""Discovery's fetching: every source of a search at once, each at its board's pace.

    fetched = fetch_sources(run_id, specs, build, query, filters, reporter)
    fetched.postings   # every source's postings, in the order the sources were given
    fetched.vectors    # embeddings made while slower sources were still answering

Sources are fetched on a small thread pool. Politeness needs nothing more here:
every `BoardHttp` takes its turns from one process-wide, thread-safe limiter keyed
by host (`discovery.http.SHARED_LIMITER`), so two sources on one host (two
Greenhouse boards) still share that host's pace. One source's failure is a warning,
worded as it always was, and the others carry on.

As each source answers, the run's `params["sources"]` gets its counts
(`{"source", "status", "found", "new", "seconds"}`; status "fetching", "done" or
"failed"), in the order the search lists its sources, and its warnings are added
to the run at once. "new" counts the postings that pass the search's filters and
are not stored yet for that source.

While slower sources are still fetching, one background thread embeds the new
postings that already arrived, so matching finds most of their vectors cached
instead of embedding them all after the slowest board. It stops when the last
source has answered; what it did not reach is embedded by matching as before.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray
from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from jobagent_core.db.engine import admin_engine, session_scope
from jobagent_core.db.models import JobPosting, Run
from jobagent_core.discovery.filters import PostingFilters, apply_filters
from jobagent_core.discovery.schema import PostingData
from jobagent_core.discovery.sources.base import JobSource, SearchQuery
from jobagent_core.discovery.sources.file_import import SourceFileError
from jobagent_core.discovery.sources.registry import SourceSpecError, source_spec_label
from jobagent_core.matching.embedder import (
    ModelNotInstalled,
    get_encoder,
    load_sample_embeddings,
    posting_text,
    text_fingerprint,
)
from jobagent_core.matching.schemas import PostingKey, posting_key
from jobagent_core.workflows.engine import RunReporter

log = logging.getLogger(__name__)

# Sources fetched side by side. Each waits mostly on the network (and on its host's
# limiter), so threads are enough; the bound keeps a search with many boards from
# opening dozens of connections at once. 1 fetches one source after another.
PARALLEL_SOURCES = 8
# Whether to embed arrived postings while slower sources are still fetching.
PRE_EMBED = True
# Postings per encode call: the last source's arrival waits for the call under
# way (~1 s at 16 on two cores), and fewer texts per call batch less well by length.
PRE_EMBED_CHUNK = 16
# Rows per IN (...) lookup.
_LOOKUP_CHUNK = 1000

SourceBuilder = Callable[[str], JobSource]
# A pre-made vector and the fingerprint of the text it was made from: a posting
# whose text changed since (dedupe fills in missing fields) is embedded again.
Embedded = tuple[str, NDArray[np.float32]]


@dataclass
class SourceOutcome:
    """What one source gave: its postings and its warnings, already labelled."""

    spec: str
    label: str
    postings: list[PostingData] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    failed: bool = False
    seconds: float = 0.0


@dataclass
class Fetched:
    postings: list[PostingData]  # every source's, in the sources' given order
    vectors: dict[PostingKey, Embedded]
    outcomes: list[SourceOutcome]


def fetch_one(spec: str, build: SourceBuilder, query: SearchQuery) -> SourceOutcome:
    """One source's search; never raises (a source's bug must not sink the others)."""
    label = source_spec_label(spec)
    outcome = SourceOutcome(spec, label)
    start = time.monotonic()
    try:
        result = build(spec).search(query)
    except (SourceSpecError, SourceFileError, FileNotFoundError) as err:
        outcome.failed = True
        outcome.warnings.append(f"{label}: {err}")
    except Exception:
        log.exception("source %s failed", label)
        outcome.failed = True
        outcome.warnings.append(f"{label}: the source failed unexpectedly and was skipped.")
    else:
        outcome.postings = list(result.postings)
        outcome.warnings = [f"{label}: {warning}" for warning in result.warnings]
    outcome.seconds = time.monotonic() - start
    return outcome


def fetch_sources(
    run_id: str,
    specs: Sequence[str],
    build: SourceBuilder,
    query: SearchQuery,
    filters: PostingFilters,
    reporter: RunReporter,
) -> Fetched:
    """Fetch `specs` side by side, reporting each source as it answers."""
    progress = SourceProgress(run_id, [source_spec_label(s) for s in specs])
    embedder = PreEmbedder(enabled=PRE_EMBED and len(specs) > 1)
    outcomes: list[SourceOutcome | None] = [None] * len(specs)
    start = time.monotonic()
    try:
        workers = max(1, min(len(specs), PARALLEL_SOURCES))
        with ThreadPoolExecutor(workers, thread_name_prefix="source") as pool:
            futures = {pool.submit(fetch_one, s, build, query): n for n, s in enumerate(specs)}
            # Arrivals are handled here, in the step's own thread: the run's row is
            # only ever written from one thread of this worker.
            for future in as_completed(futures):
                index, outcome = futures[future], future.result()
                outcomes[index] = outcome
                for warning in outcome.warnings:
                    reporter.warn(warning)
                unseen = new_postings(outcome.postings, filters)
                progress.arrived(index, outcome, new=len(unseen))
                if any(o is None for o in outcomes):
                    embedder.add(unseen)
    finally:
        vectors = embedder.stop()
    done = [o for o in outcomes if o is not None]
    slowest = max(done, key=lambda o: o.seconds, default=None)
    progress.finish(
        {
            "fetch_s": round(time.monotonic() - start, 2),
            "slowest_source": slowest.label if slowest else None,
            "slowest_s": round(slowest.seconds, 2) if slowest else 0.0,
            "parallel": min(len(specs), PARALLEL_SOURCES),
            "pre_embedded": len(vectors),
            "pre_embed_s": round(embedder.seconds, 2),
        }
    )
    return Fetched([p for o in done for p in o.postings], vectors, done)


def new_postings(postings: Sequence[PostingData], filters: PostingFilters) -> list[PostingData]:
    """The postings that pass `filters` and are not stored yet (by source and id)."""
    wanted = apply_filters(postings, filters)
    if not wanted:
        return []
    with session_scope(admin_engine()) as db:
        stored = stored_ids(db, wanted)
    return [p for p in wanted if posting_key(p) not in stored]


def stored_ids(db: DbSession, postings: Sequence[PostingData]) -> dict[PostingKey, str]:
    """The row ids of those `postings` already in job_postings."""
    ids: dict[PostingKey, str] = {}
    by_source: dict[str, list[str]] = {}
    for posting in postings:
        by_source.setdefault(posting.source, []).append(posting.source_id)
    for source, source_ids in by_source.items():
        for n in range(0, len(source_ids), _LOOKUP_CHUNK):
            rows = db.execute(
                select(JobPosting.source_id, JobPosting.id).where(
                    JobPosting.source == source,
                    JobPosting.source_id.in_(source_ids[n : n + _LOOKUP_CHUNK]),
                )
            )
            ids.update({(source, sid): pid for sid, pid in rows})
    return ids


def usable_vector(posting: PostingData, vectors: dict[PostingKey, Embedded]) -> Any:
    """The pre-made vector of `posting` if it was made from its current text, else None."""
    made = vectors.get(posting_key(posting))
    if made is None or made[0] != text_fingerprint(posting_text(posting)):
        return None
    return made[1]


class SourceProgress:
    """Each source's counts on the run (`params["sources"]`), written as they arrive."""

    def __init__(self, run_id: str, labels: Sequence[str]) -> None:
        self.run_id = run_id
        self.entries: list[dict[str, Any]] = [
            {"source": label, "status": "fetching", "found": 0, "new": 0} for label in labels
        ]
        self._write()

    def arrived(self, index: int, outcome: SourceOutcome, *, new: int) -> None:
        self.entries[index] = {
            "source": outcome.label,
            "status": "failed" if outcome.failed else "done",
            "found": len(outcome.postings),
            "new": new,
            "seconds": round(outcome.seconds, 2),
        }
        self._write()

    def finish(self, summary: dict[str, Any]) -> None:
        self._write(discovery=summary)

    def _write(self, **extra: Any) -> None:
        with session_scope(admin_engine()) as db:
            run = db.get(Run, self.run_id)
            if run is not None:
                sources = [dict(entry) for entry in self.entries]
                run.params = {**(run.params or {}), "sources": sources, **extra}


class PreEmbedder:
    """Embeds queued postings in one background thread until `stop()`.

    Quietly does nothing when the embedding model is not installed (matching says
    so) and never fails discovery: whatever it could not embed, matching embeds."""

    def __init__(self, *, enabled: bool = True, chunk: int = PRE_EMBED_CHUNK) -> None:
        self.chunk = max(1, chunk)
        self.seconds = 0.0  # spent encoding
        self._vectors: dict[PostingKey, Embedded] = {}
        self._queue: deque[PostingData] = deque()
        self._wake = threading.Condition()
        self._stopping = False
        self._thread: threading.Thread | None = None
        if enabled:
            self._thread = threading.Thread(target=self._run, name="pre-embed", daemon=True)
            self._thread.start()

    @property
    def made(self) -> int:
        """Vectors made so far."""
        return len(self._vectors)

    def add(self, postings: Sequence[PostingData]) -> None:
        if self._thread is None or not postings:
            return
        # The bundled sample set ships its vectors: nothing to compute for those.
        shipped = load_sample_embeddings(postings)
        with self._wake:
            self._queue.extend(p for p in postings if posting_key(p) not in shipped)
            self._wake.notify()

    def stop(self) -> dict[PostingKey, Embedded]:
        """Stop after the chunk being embedded; returns every vector made."""
        with self._wake:
            self._stopping = True
            self._wake.notify()
        if self._thread is not None:
            self._thread.join()
        return dict(self._vectors)

    def _next_chunk(self) -> list[PostingData]:
        with self._wake:
            while not self._queue and not self._stopping:
                self._wake.wait()
            if self._stopping:
                return []
            return [self._queue.popleft() for _ in range(min(self.chunk, len(self._queue)))]

    def _run(self) -> None:
        try:
            while chunk := self._next_chunk():
                encoder = get_encoder()
                texts = [posting_text(p) for p in chunk]
                start = time.monotonic()
                vectors = encoder.encode(texts)
                self.seconds += time.monotonic() - start
                for posting, text, vector in zip(chunk, texts, vectors, strict=True):
                    self._vectors[posting_key(posting)] = (text_fingerprint(text), vector)
        except ModelNotInstalled:
            return
        except Exception:  # an optimisation must never cost the run
            log.exception("embedding postings during discovery failed; matching will")


__all__ = [
    "PARALLEL_SOURCES",
    "PRE_EMBED",
    "Fetched",
    "PreEmbedder",
    "SourceOutcome",
    "SourceProgress",
    "fetch_one",
    "fetch_sources",
    "new_postings",
    "stored_ids",
    "usable_vector",
]
