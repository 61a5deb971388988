"""The job-search workflow: discovery → matching → research → fabrication → delivery.

One match's failure never fails the run: research and writing keep per-match
status, attempts and error, and the counters are recomputed from those rows, so
a run taken over after a worker died resumes without duplicates and its
counters stay right.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, TypeVar

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session as DbSession

from jobagent_core.config import Settings, get_settings
from jobagent_core.db.base import new_id, utcnow
from jobagent_core.db.engine import admin_engine, session_scope
from jobagent_core.db.enums import RunStatus, StepStatus
from jobagent_core.db.models import JobPosting, JobSearch, MatchedJob, Run, User
from jobagent_core.discovery.dedupe import company_key, dedupe, dedupe_key
from jobagent_core.discovery.filters import (
    DEFAULT_REMOTE,
    REMOTE_OPTIONS,
    PostingFilters,
    RemoteOption,
    apply_filters,
)
from jobagent_core.discovery.schema import PostingData
from jobagent_core.discovery.sources.base import JobSource, SearchQuery
from jobagent_core.discovery.sources.file_import import FileSource
from jobagent_core.discovery.sources.file_specs import file_key
from jobagent_core.discovery.sources.registry import (
    build_source,
    parse_source_spec,
    source_spec_label,
)
from jobagent_core.llm import LlmClient, LlmNotConfigured, UsageMeter
from jobagent_core.matching.embedder import (
    EMBEDDING_MODEL_ID,
    from_db_bytes,
    load_sample_embeddings,
    to_db_bytes,
)
from jobagent_core.matching.schemas import (
    PostingKey,
    ScreeningVerdict,
    Stage1Result,
    posting_key,
)
from jobagent_core.matching.screening import screen
from jobagent_core.matching.stage1 import rank_postings
from jobagent_core.matching.term_stats import FEATURES_VERSION, TermStats
from jobagent_core.profiling.schemas import Profile
from jobagent_core.scheduling.saved_searches import NO_NEW_MATCHES, SAVED_SEARCH_PARAM
from jobagent_core.storage import FileStore
from jobagent_core.workflows.applications import write_application
from jobagent_core.workflows.digest_step import deliver
from jobagent_core.workflows.discovery_step import (
    Embedded,
    fetch_sources,
    stored_ids,
    usable_vector,
)
from jobagent_core.workflows.engine import RunReporter, Step, WorkflowError, store_usage
from jobagent_core.workflows.engine import execute as run_steps
from jobagent_core.workflows.match_store import upsert_match
from jobagent_core.workflows.research_step import research_match

log = logging.getLogger(__name__)

# Items are retried within a run up to this many attempts in total.
MAX_ITEM_ATTEMPTS = 2
MAX_POSTINGS_PER_SOURCE = 5000


@dataclass
class SearchContext:
    run_id: str
    user_id: str
    settings: Settings
    search: JobSearch | None = None
    profile: Profile | None = None
    email: str = ""
    postings: list[PostingData] = field(default_factory=list)
    posting_ids: dict[PostingKey, str] = field(default_factory=dict)
    match_ids: list[str] = field(default_factory=list)
    meter: UsageMeter = field(default_factory=UsageMeter)
    # Set for a run a saved search started: it reports only what is new.
    saved_search_id: str | None = None

    def llm(self) -> LlmClient | None:
        try:
            return LlmClient.from_settings(self.settings, meter=self.meter)
        except LlmNotConfigured:
            return None


# -- discovery ---------------------------------------------------------------------


def _source(spec: str, settings: Settings, user_id: str) -> JobSource:
    parsed = parse_source_spec(spec)
    if parsed.is_file:
        key = file_key(user_id, parsed, settings)
        data = FileStore(settings.STORAGE_DIR).read(key)
        return FileSource(data, "the uploaded job file")
    return build_source(parsed, settings=settings)


def _label(spec: str) -> str:
    """How a source is named to people: never a storage key or signature."""
    return source_spec_label(spec)


def discover(ctx: SearchContext, reporter: RunReporter) -> None:
    with session_scope(admin_engine()) as db:
        run = db.get(Run, ctx.run_id)
        search = db.get(JobSearch, run.job_search_id) if run and run.job_search_id else None
        user = db.get(User, ctx.user_id)
        if search is None or user is None:
            raise WorkflowError("This search no longer exists.")
        stored = {k: v for k, v in (user.profile or {}).items() if k in Profile.model_fields}
        if not stored:
            raise WorkflowError("Build your profile from a CV first, then search again.")
        db.expunge(search)
        ctx.search = search
        saved = (run.params or {}).get(SAVED_SEARCH_PARAM) if run else None
        ctx.saved_search_id = saved if isinstance(saved, str) else None
        # Empty when the person turned the e-mail digest off.
        ctx.email = (user.delivery_email or user.email) if user.delivery_enabled else ""
        ctx.profile = Profile.model_validate(stored)

    filters = dict(ctx.search.filters or {})
    query = SearchQuery(
        title=ctx.search.title,
        location=ctx.search.location,
        remote_only=ctx.search.remote_only,
        posted_within_days=filters.get("posted_within_days"),
        limit=MAX_POSTINGS_PER_SOURCE,
    )
    wanted = PostingFilters(
        location=ctx.search.location, remote_only=ctx.search.remote_only, **filters
    )
    # Sources answer side by side; their postings come back in the search's order
    # of sources, so dedupe keeps the same record whichever board answered first.
    fetched = fetch_sources(
        ctx.run_id,
        ctx.search.sources or ["sample"],
        lambda spec: _source(spec, ctx.settings, ctx.user_id),
        query,
        wanted,
        reporter,
    )
    kept = apply_filters(dedupe(fetched.postings), wanted)
    ctx.postings = kept
    ctx.posting_ids = store_postings(kept, fetched.vectors)
    reporter.set(found_count=len(kept))


_T = TypeVar("_T")

# Rows per write transaction. SQLite has one write lock for the whole file: a few
# thousand postings in one transaction would keep the web app's writes waiting.
_INSERT_BATCH = 200


def store_postings(
    postings: list[PostingData], vectors: dict[PostingKey, Embedded] | None = None
) -> dict[PostingKey, str]:
    """Upsert postings by (source, source_id); returns their row ids. New rows keep
    the embeddings made during discovery (`vectors`), so matching finds them cached."""
    with session_scope(admin_engine()) as db:
        ids = stored_ids(db, postings)
    new_rows: list[JobPosting] = []
    for posting in postings:
        key = posting_key(posting)
        if key in ids:
            continue
        vector = usable_vector(posting, vectors or {})
        row = JobPosting(
            id=new_id(),
            dedupe_key=dedupe_key(posting),
            company_key=company_key(posting.company),
            **posting.model_dump(exclude={"extra"}),
            extra=dict(posting.extra),
        )
        if vector is not None:
            row.embedding = to_db_bytes(vector)
            row.embedding_model = EMBEDDING_MODEL_ID
        new_rows.append(row)
        ids[key] = row.id
    for batch in _chunks(new_rows, _INSERT_BATCH):
        with session_scope(admin_engine()) as db:
            db.add_all(batch)
    return ids


def _chunks(items: list[_T], size: int) -> list[list[_T]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


# -- matching ----------------------------------------------------------------------


def _search_profile(ctx: SearchContext) -> Profile:
    """The profile with the searched title first: stage 1 ranks for this search."""
    assert ctx.profile is not None
    assert ctx.search is not None
    titles = [ctx.search.title, *ctx.profile.suggested_job_titles]
    return ctx.profile.model_copy(update={"suggested_job_titles": list(dict.fromkeys(titles))})


def _cached_features(
    ctx: SearchContext,
) -> tuple[dict[PostingKey, Any], dict[PostingKey, TermStats]]:
    """What stage 1 stored for the postings, read in one pass: their vectors (of this
    EMBEDDING_MODEL_ID; the sample set's come with the package) and their term
    statistics (of this FEATURES_VERSION)."""
    vectors: dict[PostingKey, Any] = dict(load_sample_embeddings(ctx.postings))
    stats: dict[PostingKey, TermStats] = {}
    columns = (
        JobPosting.source,
        JobPosting.source_id,
        JobPosting.embedding,
        JobPosting.embedding_model,
        JobPosting.term_stats,
        JobPosting.term_stats_version,
    )
    with session_scope(admin_engine()) as db:
        for chunk in _chunks(list(ctx.posting_ids.values()), 1000):
            for source, source_id, blob, model, terms, version in db.execute(
                select(*columns).where(JobPosting.id.in_(chunk))
            ):
                key = (source, source_id)
                if blob is not None and model == EMBEDDING_MODEL_ID and key not in vectors:
                    vectors[key] = from_db_bytes(blob)
                if terms is not None and version == str(FEATURES_VERSION):
                    try:
                        read = TermStats.from_db_bytes(terms)
                    except ValueError:  # unreadable: computed anew, and stored over
                        read = None
                    if read is not None:
                        stats[key] = read
    return vectors, stats


def _store_features(ctx: SearchContext, stage1: Stage1Result) -> None:
    """Keep what stage 1 computed for the postings (vectors, term statistics), so
    later searches over them neither embed nor re-read them."""
    rows: dict[str, dict[str, Any]] = {}
    for key, vector in stage1.embedded.items():
        rows.setdefault(ctx.posting_ids[key], {}).update(
            embedding=to_db_bytes(vector), embedding_model=EMBEDDING_MODEL_ID
        )
    for key, stats in stage1.term_stats.items():
        rows.setdefault(ctx.posting_ids[key], {}).update(
            term_stats=stats.to_db_bytes(), term_stats_version=str(FEATURES_VERSION)
        )
    # Grouped by the columns they set (one executemany each), in short transactions:
    # SQLite's single write lock must not keep the web app waiting.
    by_columns: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for pid, values in rows.items():
        by_columns.setdefault(tuple(sorted(values)), []).append({"id": pid, **values})
    for batch_rows in by_columns.values():
        for batch in _chunks(batch_rows, _INSERT_BATCH):
            with session_scope(admin_engine()) as db:
                db.execute(update(JobPosting), batch)


def _remote_option(ctx: SearchContext) -> RemoteOption:
    """The search's remote option, kept in its `filters` (older searches: the default)."""
    assert ctx.search is not None
    value = (ctx.search.filters or {}).get("remote")
    return value if value in REMOTE_OPTIONS else DEFAULT_REMOTE


def match(ctx: SearchContext, reporter: RunReporter) -> None:
    assert ctx.search is not None
    profile = _search_profile(ctx)
    # Place, remote option and the profile's years of experience rank the postings.
    place, remote = ctx.search.location, _remote_option(ctx)
    vectors, term_stats = _cached_features(ctx)
    stage1 = rank_postings(
        profile,
        ctx.postings,
        vectors,
        top_k=ctx.settings.MATCH_TOP_K,
        place=place,
        remote=remote,
        cached_terms=term_stats,
    )
    for warning in stage1.warnings:
        reporter.warn(warning)
    _store_features(ctx, stage1)
    client = ctx.llm()
    try:
        top = [r.posting for r in stage1.ranked]
        screened = screen(top, profile, client, place=place, remote=remote)
    finally:
        if client is not None:
            client.close()
    warned: set[str] = set()
    for _, verdict in screened:
        if verdict.warning and verdict.warning not in warned:
            warned.add(verdict.warning)
            reporter.warn(verdict.warning)
    stage1_scores = {posting_key(r.posting): r.score for r in stage1.ranked}
    ctx.match_ids, new_matches = _store_matches(ctx, screened, stage1_scores)
    with session_scope(admin_engine()) as db:
        run = db.get(Run, ctx.run_id)
        if run is not None:
            # The run's matches, including ones earlier runs found first, and how many
            # it found first: "13 matches (2 new)" on the pages.
            run.params = {
                **(run.params or {}),
                "match_ids": ctx.match_ids,
                "new_matches": new_matches,
            }
    reporter.set(screened_count=len(screened), matched_count=len(ctx.match_ids))


def _store_matches(
    ctx: SearchContext,
    screened: list[tuple[PostingData, ScreeningVerdict]],
    stage1_scores: dict[PostingKey, float],
) -> tuple[list[str], int]:
    """Upsert this run's matches; one match per user and job, across runs and sources.
    (the run's match ids, how many of them it created: the rest an earlier run found)."""
    match_ids: list[str] = []
    created = 0
    with session_scope(admin_engine()) as db:
        for posting, verdict in screened:
            if not verdict.is_match:
                continue
            match, new = upsert_match(
                db,
                user_id=ctx.user_id,
                run_id=ctx.run_id,
                posting_id=ctx.posting_ids[posting_key(posting)],
                posting=posting,
                verdict=verdict,
                stage1_score=stage1_scores.get(posting_key(posting)),
            )
            created += new
            if match.id not in match_ids:
                match_ids.append(match.id)
    return match_ids, created


# -- research, fabrication, delivery -------------------------------------------------


def _pending(ctx: SearchContext, status_column: Any, attempts_column: Any) -> list[str]:
    with session_scope(admin_engine()) as db:
        return list(
            db.scalars(
                select(MatchedJob.id).where(
                    MatchedJob.id.in_(ctx.match_ids),
                    MatchedJob.user_id == ctx.user_id,
                    status_column != StepStatus.DONE,
                    attempts_column < MAX_ITEM_ATTEMPTS,
                )
            )
        )


def _count(ctx: SearchContext, status_column: Any) -> dict[str, int]:
    with session_scope(admin_engine()) as db:
        rows = db.execute(
            select(status_column, func.count())
            .where(MatchedJob.id.in_(ctx.match_ids))
            .group_by(status_column)
        ).all()
    return {str(status): int(n) for status, n in rows}


def research(ctx: SearchContext, reporter: RunReporter) -> None:
    client = ctx.llm() if ctx.settings.RESEARCH_ONLINE else None
    try:
        for match_id in _pending(ctx, MatchedJob.research_status, MatchedJob.research_attempts):
            research_match(ctx, match_id, client, reporter)
            counts = _count(ctx, MatchedJob.research_status)
            reporter.set(
                research_done=counts.get(StepStatus.DONE, 0),
                research_failed=counts.get(StepStatus.FAILED, 0),
            )
    finally:
        if client is not None:
            client.close()
    counts = _count(ctx, MatchedJob.research_status)
    reporter.set(
        research_done=counts.get(StepStatus.DONE, 0),
        research_failed=counts.get(StepStatus.FAILED, 0),
    )


def fabricate(ctx: SearchContext, reporter: RunReporter) -> None:
    assert ctx.profile is not None
    client = ctx.llm()
    store = FileStore(ctx.settings.STORAGE_DIR)
    total = len(ctx.match_ids)
    try:
        for match_id in _pending(
            ctx, MatchedJob.fabrication_status, MatchedJob.fabrication_attempts
        ):
            write_application(match_id, ctx.user_id, ctx.profile, client, store, reporter)
            counts = _count(ctx, MatchedJob.fabrication_status)
            done = counts.get(StepStatus.DONE, 0)
            reporter.set(
                fabrication_done=done,
                fabrication_failed=counts.get(StepStatus.FAILED, 0),
                progress_done=done,
                progress_total=total,
            )
    finally:
        if client is not None:
            client.close()
    counts = _count(ctx, MatchedJob.fabrication_status)
    reporter.set(
        fabrication_done=counts.get(StepStatus.DONE, 0),
        fabrication_failed=counts.get(StepStatus.FAILED, 0),
        progress_done=counts.get(StepStatus.DONE, 0),
        progress_total=total,
    )


def deliver_step(ctx: SearchContext, reporter: RunReporter) -> None:
    """Send the digest once; a run taken over after its worker died sends the digest
    that worker claimed but did not send, and says so in the run's log.

    A saved search's run mails only the matches it found first; with none it sends
    nothing and says so in the run's note (no warning: nothing went wrong)."""
    if ctx.saved_search_id is not None and not _new_match_count(ctx):
        _set_note(ctx, NO_NEW_MATCHES)
        return
    result = deliver(ctx)
    if result.status == "sent":
        if result.restarted:
            reporter.warn(f"E-mail digest {result.detail}.")
        return
    if result.status == "off":
        # Off by the person's choice or because the server sends no e-mail: nothing
        # went wrong, so the run carries no warning about it.
        log.info("run %s: e-mail digest %s", ctx.run_id, result.detail)
        return
    reporter.warn(f"E-mail digest {result.detail}; everything is in the app.")


def _new_match_count(ctx: SearchContext) -> int:
    """The run's matches it found first (each match belongs to the run that found it)."""
    with session_scope(admin_engine()) as db:
        count = db.scalar(
            select(func.count())
            .select_from(MatchedJob)
            .where(MatchedJob.run_id == ctx.run_id, MatchedJob.user_id == ctx.user_id)
        )
    return int(count or 0)


def _set_note(ctx: SearchContext, note: str) -> None:
    with session_scope(admin_engine()) as db:
        run = db.get(Run, ctx.run_id)
        if run is not None:
            run.params = {**(run.params or {}), "note": note}


STEPS: list[Step[SearchContext]] = [
    Step("Discovering postings", discover),
    Step("Scoring and screening", match),
    Step("Researching companies", research),
    Step("Writing applications", fabricate),
    Step("Delivering", deliver_step),
]


def execute(
    run_id: str,
    steps: list[Step[Any]] | None = None,
    context: type[SearchContext] = SearchContext,
) -> RunStatus | None:
    """Run `steps` (a job search's, unless given) over a fresh `context` of that kind:
    the posting workflow is a job search over one posting, run the same way."""
    with session_scope(admin_engine()) as db:
        run = db.get(Run, run_id)
        if run is None:
            return None
        ctx = context(run_id=run.id, user_id=run.user_id, settings=get_settings())
    stale_after = timedelta(seconds=ctx.settings.RUN_STALE_AFTER_S)
    status = run_steps(admin_engine(), run_id, steps or STEPS, ctx, stale_after=stale_after)
    store_usage(admin_engine(), run_id, ctx.meter)
    return status


def stored_posting(db: DbSession, posting_id: str) -> PostingData:
    """A stored posting in the normalised shape the writers and research take."""
    row = db.get(JobPosting, posting_id)
    if row is None:
        raise LookupError(posting_id)
    fields = set(PostingData.model_fields)
    data = {name: getattr(row, name) for name in fields if hasattr(row, name)}
    return PostingData.model_validate(data)


__all__ = ["STEPS", "execute", "stored_posting", "utcnow"]
