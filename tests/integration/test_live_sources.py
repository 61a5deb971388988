"""Discovery over live sources, fetched side by side from the local stand-in boards
(tests/job_board_server.py) on the embedded defaults (SQLite, no broker): each
source reported as it answers, each host's pace kept, one source's failure
contained, per-source found/new counts, and the postings of early sources
embedded while a slow board is still answering."""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from jobagent_core.config import get_settings
from jobagent_core.db.engine import admin_engine
from jobagent_core.db.models import JobPosting, Run, User
from jobagent_core.discovery.http import HttpOptions, HttpPolicy
from jobagent_core.discovery.schema import PostingData
from jobagent_core.discovery.sources.base import JobSource, SearchQuery, SourceResult
from jobagent_core.discovery.sources.registry import SourceSpecError, build_source
from jobagent_core.matching.embedder import EMBEDDING_MODEL_ID, ModelNotInstalled
from jobagent_core.matching.term_stats import FEATURES_VERSION, term_stats
from jobagent_core.profiling.offline import extract_profile
from jobagent_core.profiling.profile_store import merge_profile
from jobagent_core.workflows import discovery_step, job_search
from jobagent_core.workflows.engine import RunReporter
from jobagent_core.workflows.job_search_start import JobSearchRequest, start_job_search
from tests import cv_fixtures
from tests.embedded_support import Embedded
from tests.job_board_server import JobBoardServer, Reply
from tests.job_board_server import job_board_server as job_board_server

pytestmark = pytest.mark.integration

SLOW_PATH = "/v1/boards/longco/jobs"
SLOW_DELAY_S = 2.0
# No spacing unless a test asks for it: only the pacing test waits on the limiter.
QUICK = HttpPolicy(connect_timeout=2.0, read_timeout=10.0, attempts=1, min_interval=0)


@dataclass
class Events:
    """What discovery did, in the order it did it (recorded from its threads)."""

    items: list[tuple[str, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, what: str) -> None:
        with self.lock:
            self.items.append((kind, what))

    def of(self, kind: str) -> list[str]:
        with self.lock:
            return [what for k, what in self.items if k == kind]

    def index(self, kind: str, what: str) -> int:
        with self.lock:
            return self.items.index((kind, what))


@pytest.fixture
def events(monkeypatch: pytest.MonkeyPatch) -> Events:
    """Records each source's arrival and each batch queued for pre-embedding."""
    recorded = Events()
    arrived = discovery_step.SourceProgress.arrived
    add = discovery_step.PreEmbedder.add

    def spy_arrived(
        self: discovery_step.SourceProgress,
        index: int,
        outcome: discovery_step.SourceOutcome,
        *,
        new: int,
    ) -> None:
        arrived(self, index, outcome, new=new)
        recorded.add("arrived", outcome.label)

    def spy_add(self: discovery_step.PreEmbedder, postings: list[PostingData]) -> None:
        for source in dict.fromkeys(p.source for p in postings):
            recorded.add("pre-embed", source)
        add(self, postings)

    monkeypatch.setattr(discovery_step.SourceProgress, "arrived", spy_arrived)
    monkeypatch.setattr(discovery_step.PreEmbedder, "add", spy_add)
    return recorded


@pytest.fixture
def user_id(embedded: Embedded) -> str:
    profile = extract_profile(cv_fixtures.render_txt(cv_fixtures.DATA_ENGINEER))
    with OrmSession(embedded.engine) as db:
        user = User(name="Zoe", email="zoe@example.org", email_verified=True)
        user.profile = merge_profile(profile, None, overwrite=True)
        db.add(user)
        db.commit()
        return user.id


Builder = Callable[[str], JobSource]


def boards_at(
    server: JobBoardServer,
    policy: HttpPolicy = QUICK,
    overrides: Mapping[str, Builder] | None = None,
) -> Callable[[str, Any, str], JobSource]:
    """What `job_search._source` becomes: specs built against the stand-in, with the
    process-wide limiter (the one real searches use) unless a test says otherwise."""

    def source(spec: str, settings: Any, user_id: str) -> JobSource:
        del settings, user_id
        if overrides and spec in overrides:
            return overrides[spec](spec)
        return build_source(spec, base_url=server.base_url, http=HttpOptions(policy=policy))

    return source


def run_discovery(user_id: str, sources: list[str]) -> tuple[job_search.SearchContext, Run]:
    """A search for `sources`, and its discovery step run in this process."""
    settings = get_settings()
    with OrmSession(admin_engine(), expire_on_commit=False) as db, db.begin():
        run = start_job_search(
            db, user_id, JobSearchRequest(title="Data Engineer", sources=sources), settings
        )
    ctx = job_search.SearchContext(run_id=run.id, user_id=user_id, settings=settings)
    job_search.discover(ctx, RunReporter(admin_engine(), run.id))
    with OrmSession(admin_engine()) as db:
        stored = db.get(Run, run.id)
        assert stored is not None
        db.expunge(stored)
    return ctx, stored


def by_source(run: Run) -> dict[str, dict[str, Any]]:
    return {entry["source"]: entry for entry in run.params["sources"]}


def board_size(server: JobBoardServer, spec: str) -> int:
    source = build_source(spec, base_url=server.base_url, http=HttpOptions(policy=QUICK))
    return len(source.search(SearchQuery(title="")).postings)


# --- (a) side by side, reported as they answer --------------------------------------


def test_a_fast_board_is_reported_before_a_slow_one_finishes(
    job_board_server: JobBoardServer,
    user_id: str,
    events: Events,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    body = job_board_server.fixture("greenhouse/longco_jobs.json")
    job_board_server.serve(
        SLOW_PATH, Reply(200, body, delay=SLOW_DELAY_S), query={"content": "true"}
    )
    monkeypatch.setattr(job_search, "_source", boards_at(job_board_server))

    # The slow board is listed first: one source after another, it would answer first.
    ctx, run = run_discovery(user_id, ["greenhouse:longco", "greenhouse:acme"])

    assert events.of("arrived") == ["greenhouse:acme", "greenhouse:longco"]
    # The early board's new postings went to the embedder before the slow one answered.
    assert events.index("pre-embed", "greenhouse:acme") < events.index(
        "arrived", "greenhouse:longco"
    )
    # The slow board arrived last: nothing was left running to embed its postings.
    assert "greenhouse:longco" not in events.of("pre-embed")
    # Combined in the listed order, whatever the order of arrival.
    assert [p.source for p in ctx.postings] == sorted(
        (p.source for p in ctx.postings), key=["greenhouse:longco", "greenhouse:acme"].index
    )
    assert [e["source"] for e in run.params["sources"]] == ["greenhouse:longco", "greenhouse:acme"]
    assert {e["status"] for e in run.params["sources"]} == {"done"}
    assert run.params["discovery"]["slowest_source"] == "greenhouse:longco"
    assert run.params["discovery"]["slowest_s"] >= SLOW_DELAY_S


def test_postings_that_arrived_early_are_embedded_before_matching(
    job_board_server: JobBoardServer,
    user_id: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The slow board answers only once the early board's postings are embedded (no
    race on timing): those rows are stored with their vectors, matching's cache."""
    embedders: list[discovery_step.PreEmbedder] = []
    real_init = discovery_step.PreEmbedder.__init__

    def capture(self: discovery_step.PreEmbedder, **kwargs: Any) -> None:
        real_init(self, **kwargs)
        embedders.append(self)

    monkeypatch.setattr(discovery_step.PreEmbedder, "__init__", capture)
    early = board_size(job_board_server, "greenhouse:payco")

    class WaitsForTheEmbedder:
        name = "greenhouse:longco"

        def search(self, query: SearchQuery) -> SourceResult:
            deadline = time.monotonic() + 120
            while embedders[0].made < early and time.monotonic() < deadline:
                time.sleep(0.05)
            return build_source(
                "greenhouse:longco",
                base_url=job_board_server.base_url,
                http=HttpOptions(policy=QUICK),
            ).search(query)

    monkeypatch.setattr(
        job_search,
        "_source",
        boards_at(
            job_board_server, overrides={"greenhouse:longco": lambda spec: WaitsForTheEmbedder()}
        ),
    )

    ctx, run = run_discovery(user_id, ["greenhouse:longco", "greenhouse:payco"])

    assert run.params["discovery"]["pre_embedded"] == early
    with OrmSession(admin_engine()) as db:
        rows = db.execute(select(JobPosting.source, JobPosting.embedding_model)).all()
    models: dict[str, set[str | None]] = {}
    for source, model in rows:
        models.setdefault(source, set()).add(model)
    assert models == {"greenhouse:payco": {EMBEDDING_MODEL_ID}, "greenhouse:longco": {None}}
    cached = job_search._cached_features(ctx)[0]
    assert {source for source, _ in cached} == {"greenhouse:payco"}


def test_without_the_embedding_model_discovery_just_skips_pre_embedding(
    job_board_server: JobBoardServer,
    user_id: str,
    events: Events,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def missing() -> Any:
        raise ModelNotInstalled("not here")

    monkeypatch.setattr(discovery_step, "get_encoder", missing)
    body = job_board_server.fixture("greenhouse/longco_jobs.json")
    job_board_server.serve(SLOW_PATH, Reply(200, body, delay=0.5), query={"content": "true"})
    monkeypatch.setattr(job_search, "_source", boards_at(job_board_server))

    ctx, run = run_discovery(user_id, ["greenhouse:longco", "greenhouse:acme"])

    assert events.of("pre-embed") == ["greenhouse:acme"]  # offered, not embedded
    assert run.params["discovery"]["pre_embedded"] == 0
    assert run.warnings == []  # matching says the model is missing, once
    assert len(ctx.postings) == len(ctx.posting_ids) > 0


# --- (b) one host's pace under concurrency -------------------------------------------


def test_two_boards_on_one_host_share_its_pace(
    job_board_server: JobBoardServer, user_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    interval = 0.6
    polite = HttpPolicy(
        connect_timeout=2.0, read_timeout=10.0, attempts=1, min_interval=interval, burst=1
    )
    monkeypatch.setattr(job_search, "_source", boards_at(job_board_server, polite))
    boards = ["greenhouse:acme", "greenhouse:payco", "greenhouse:acmegmbh"]

    run_discovery(user_id, boards)

    times = sorted(r.received_at for r in job_board_server.requests)
    assert len(times) == len(boards)
    gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
    # One request per interval for the host, whichever source sent it (a little
    # slack: the server stamps a request on arrival, not when the client sent it).
    assert min(gaps) >= interval - 0.05, gaps


# --- (c) one source's failure ----------------------------------------------------------


def test_a_failing_source_does_not_sink_the_others(
    job_board_server: JobBoardServer, user_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(spec: str) -> JobSource:
        raise RuntimeError("a bug in the source")

    def unusable(spec: str) -> JobSource:  # e.g. its keys were removed since
        raise SourceSpecError("Adzuna needs ADZUNA_APP_ID and ADZUNA_APP_KEY to be set")

    monkeypatch.setattr(
        job_search,
        "_source",
        boards_at(
            job_board_server, overrides={"greenhouse:broken": broken, "greenhouse:gone": unusable}
        ),
    )
    sources = ["greenhouse:broken", "greenhouse:gone", "greenhouse:nope", "greenhouse:acme"]

    ctx, run = run_discovery(user_id, sources)

    assert sorted(run.warnings) == sorted(
        [
            "greenhouse:broken: the source failed unexpectedly and was skipped.",
            "greenhouse:gone: Adzuna needs ADZUNA_APP_ID and ADZUNA_APP_KEY to be set",
            "greenhouse:nope: Greenhouse board 'nope' not found — check the board name",
        ]
    )
    acme = board_size(job_board_server, "greenhouse:acme")
    assert {p.source for p in ctx.postings} == {"greenhouse:acme"}
    assert run.found_count == len(ctx.postings) == acme
    status = {source: entry["status"] for source, entry in by_source(run).items()}
    assert status == {
        "greenhouse:broken": "failed",
        "greenhouse:gone": "failed",
        "greenhouse:nope": "done",  # it answered (404): a warning, no postings
        "greenhouse:acme": "done",
    }
    assert by_source(run)["greenhouse:nope"]["found"] == 0


# --- (d) found and new per source across runs ---------------------------------------------


def test_found_and_new_per_source_across_two_runs(
    job_board_server: JobBoardServer, user_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(job_search, "_source", boards_at(job_board_server))
    sources = ["greenhouse:acme", "greenhouse:payco"]
    sizes = {spec: board_size(job_board_server, spec) for spec in sources}
    assert all(sizes.values())

    _, first = run_discovery(user_id, sources)
    _, second = run_discovery(user_id, sources)

    counts = {s: (e["found"], e["new"]) for s, e in by_source(first).items()}
    assert counts == {spec: (n, n) for spec, n in sizes.items()}
    counts = {s: (e["found"], e["new"]) for s, e in by_source(second).items()}
    assert counts == {spec: (n, 0) for spec, n in sizes.items()}
    with OrmSession(admin_engine()) as db:
        assert len(db.scalars(select(JobPosting.id)).all()) == sum(sizes.values())


def test_sources_are_listed_as_fetching_until_they_answer(
    job_board_server: JobBoardServer, user_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the run view reads while a board is slow: the others' counts, and
    "fetching" for the one still out."""
    seen: list[list[dict[str, Any]]] = []
    gate = threading.Event()

    class Held:
        name = "greenhouse:longco"

        def search(self, query: SearchQuery) -> SourceResult:
            gate.wait(30)
            return SourceResult()

    real_arrived = discovery_step.SourceProgress.arrived

    def arrived(
        self: discovery_step.SourceProgress,
        index: int,
        outcome: discovery_step.SourceOutcome,
        *,
        new: int,
    ) -> None:
        real_arrived(self, index, outcome, new=new)
        with OrmSession(admin_engine()) as db:  # as another connection sees it
            run = db.get(Run, self.run_id)
            assert run is not None
            seen.append(list(run.params["sources"]))
        gate.set()

    monkeypatch.setattr(discovery_step.SourceProgress, "arrived", arrived)
    monkeypatch.setattr(
        job_search,
        "_source",
        boards_at(job_board_server, overrides={"greenhouse:longco": lambda spec: Held()}),
    )
    acme = board_size(job_board_server, "greenhouse:acme")

    run_discovery(user_id, ["greenhouse:longco", "greenhouse:acme"])

    assert [(e["source"], e["status"], e["found"]) for e in seen[0]] == [
        ("greenhouse:longco", "fetching", 0),
        ("greenhouse:acme", "done", acme),
    ]
    assert [e["status"] for e in seen[1]] == ["done", "done"]


@pytest.fixture(autouse=True)
def _no_leftover_threads() -> Iterator[None]:
    before = {t.name for t in threading.enumerate()}
    yield
    left = {t.name for t in threading.enumerate()} - before
    assert not {n for n in left if n.startswith(("source", "pre-embed"))}, left


# --- what matching keeps for the next search ------------------------------------------


def test_matching_stores_each_postings_term_statistics_once(
    job_board_server: JobBoardServer, user_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(job_search, "_source", boards_at(job_board_server))
    ctx, run = run_discovery(user_id, ["greenhouse:acme", "greenhouse:payco"])
    assert job_search._cached_features(ctx)[1] == {}  # nothing stored yet
    job_search.match(ctx, RunReporter(admin_engine(), run.id))

    with OrmSession(admin_engine()) as db:
        rows = db.execute(
            select(JobPosting.source, JobPosting.source_id, JobPosting.term_stats_version)
        ).all()
    assert {version for *_, version in rows} == {str(FEATURES_VERSION)}
    stored = job_search._cached_features(ctx)[1]
    assert set(stored) == set(ctx.posting_ids)
    for posting in ctx.postings:
        # What the next search reads is what it would compute from the text.
        read, fresh = stored[(posting.source, posting.source_id)], term_stats(posting)
        assert read.to_db_bytes() == fresh.to_db_bytes()
