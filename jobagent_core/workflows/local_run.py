"""Running the whole pipeline in this process, for the CLI: profile the CVs, search,
and hand back the ranked matches with their files. Uses the same workflows, runs
and tables as the web app (the local user owns them), just without a queue."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from jobagent_core.auth.service import local_user
from jobagent_core.config import Settings
from jobagent_core.db.engine import admin_engine, session_scope
from jobagent_core.db.enums import RunStatus
from jobagent_core.db.migrations import upgrade_if_behind
from jobagent_core.db.models import Artifact, JobPosting, MatchedJob, Run
from jobagent_core.profiling.service import UploadLimits, save_documents, start_profiling
from jobagent_core.storage import FileStore
from jobagent_core.workflows import added_posting, job_search, profiling
from jobagent_core.workflows.added_posting_start import start_added_posting
from jobagent_core.workflows.engine import WorkflowError
from jobagent_core.workflows.job_search_start import JobSearchRequest, start_job_search
from jobagent_core.workflows.runs import run_status

Progress = Callable[[dict[str, object]], None]


@dataclass
class MatchResult:
    score: float
    title: str
    company: str
    location: str | None
    reasons: list[str]
    url: str | None
    files: dict[str, bytes] = field(default_factory=dict)  # file name → content
    # Whether the letter and CV were written ("done"), and why not when they failed.
    fabrication_status: str = ""
    fabrication_error: str | None = None
    gaps: list[str] = field(default_factory=list)  # what the posting asks that the CV lacks


@dataclass
class LocalSearchResult:
    run: dict[str, object]
    matches: list[MatchResult]
    profiling: dict[str, object]  # the profiling run's status


def _follow(run_id: str, work: Callable[[], object], on_progress: Progress | None) -> None:
    """Run `work` in a thread while reporting the run row's progress."""
    errors: list[BaseException] = []

    def target() -> None:
        try:
            work()
        except BaseException as err:  # surfaced below, in the caller's thread
            errors.append(err)

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    while thread.is_alive():
        if on_progress is not None:
            on_progress(_status(run_id))
        thread.join(0.2)
    if errors:
        raise errors[0]
    if on_progress is not None:
        on_progress(_status(run_id))


def _status(run_id: str) -> dict[str, object]:
    with session_scope(admin_engine()) as db:
        run = db.get(Run, run_id)
        assert run is not None
        return run_status(run)


def search_locally(
    settings: Settings,
    cvs: Sequence[tuple[str, bytes]],
    request: JobSearchRequest,
    *,
    on_progress: Progress | None = None,
) -> LocalSearchResult:
    """Profile `cvs`, run `request`, return the ranked matches with their files.

    Raises `UploadRejected` for bad CVs and `WorkflowError` when a run fails.
    """
    return _run_after_profiling(
        settings,
        cvs,
        lambda db, user_id: start_job_search(db, user_id, request, settings),
        job_search.execute,
        on_progress,
    )


def _profile_locally(
    settings: Settings,
    cvs: Sequence[tuple[str, bytes]],
    store: FileStore,
    on_progress: Progress | None,
) -> tuple[str, str]:
    """Profile `cvs` for the local user: (the user's id, the profiling run's id)."""
    upgrade_if_behind(settings.DATABASE_URL)
    limits = UploadLimits(settings.MAX_UPLOAD_MB * 1024 * 1024, max(settings.MAX_DOCUMENTS, 50))
    with session_scope(admin_engine()) as db:
        user_id = local_user(db).id
        documents = save_documents(db, user_id, list(cvs), store, limits)
        profiling_run = start_profiling(
            db, user_id, allow_list=frozenset(), document_ids=[d.id for d in documents]
        )
    _follow(profiling_run.id, lambda: profiling.execute(profiling_run.id), on_progress)
    _raise_if_failed(profiling_run.id)
    return user_id, profiling_run.id


def add_posting_locally(
    settings: Settings,
    cvs: Sequence[tuple[str, bytes]],
    params: dict[str, Any],
    *,
    on_progress: Progress | None = None,
) -> LocalSearchResult:
    """Profile `cvs`, then add one posting (`posting` run parameters: a link, text,
    or a posting read from a file) and return its match with its files.

    Raises `UploadRejected` for bad CVs and `WorkflowError` when a run fails."""
    return _run_after_profiling(
        settings,
        cvs,
        lambda db, user_id: start_added_posting(db, user_id, params, settings),
        added_posting.execute,
        on_progress,
    )


def _run_after_profiling(
    settings: Settings,
    cvs: Sequence[tuple[str, bytes]],
    start: Callable[[Session, str], Run],
    execute: Callable[[str], object],
    on_progress: Progress | None,
) -> LocalSearchResult:
    """Profile `cvs`, then start a run for the local user with `start` and carry it
    out here with `execute`; the run's matches with their files."""
    store = FileStore(settings.STORAGE_DIR)
    user_id, profiling_run_id = _profile_locally(settings, cvs, store, on_progress)
    with session_scope(admin_engine()) as db:
        run = start(db, user_id)
    _follow(run.id, lambda: execute(run.id), on_progress)
    _raise_if_failed(run.id)
    return LocalSearchResult(
        run=_status(run.id),
        matches=run_matches(run.id, user_id, store),
        profiling=_status(profiling_run_id),
    )


def _raise_if_failed(run_id: str) -> None:
    status = _status(run_id)
    if status["status"] != RunStatus.COMPLETED:
        raise WorkflowError(str(status["error_message"] or "The run did not complete."))


def run_matches(run_id: str, user_id: str, store: FileStore) -> list[MatchResult]:
    """The run's matches, best first, with the files of each one that was written
    (only files that are in storage)."""
    with session_scope(admin_engine()) as db:
        run = db.get(Run, run_id)
        match_ids = list((run.params or {}).get("match_ids", [])) if run else []
        rows = db.execute(
            select(MatchedJob, JobPosting, Artifact)
            .join(JobPosting, JobPosting.id == MatchedJob.job_posting_id)
            .outerjoin(Artifact, Artifact.matched_job_id == MatchedJob.id)
            .where(MatchedJob.user_id == user_id, MatchedJob.id.in_(match_ids))
            .order_by(MatchedJob.score.desc(), MatchedJob.created_at)
        ).all()
        results = []
        for match, posting, artifact in rows:
            files: dict[str, bytes] = {}
            if artifact is not None:
                files["cover-letter.md"] = artifact.cover_letter_md.encode()
                files["cv.md"] = artifact.cv_md.encode()
                for name, key in (
                    ("cover-letter.pdf", artifact.cover_letter_pdf_key),
                    ("cover-letter.docx", artifact.cover_letter_docx_key),
                    ("cv.pdf", artifact.cv_pdf_key),
                    ("cv.docx", artifact.cv_docx_key),
                ):
                    if key:
                        try:
                            files[name] = store.read(key)
                        except FileNotFoundError:
                            continue
            results.append(
                MatchResult(
                    score=match.score,
                    title=posting.title,
                    company=posting.company,
                    location=posting.location,
                    reasons=list(match.reasons or []),
                    url=posting.apply_url or posting.url,
                    files=files,
                    fabrication_status=str(match.fabrication_status),
                    fabrication_error=match.fabrication_error,
                    gaps=list(match.gaps or []),
                )
            )
        return results


def write_files(matches: Sequence[MatchResult], out: Path) -> list[Path]:
    """Each match's letter and CV under `out/NN-company-title/`; returns the folders."""
    folders = []
    for rank, match in enumerate(matches, start=1):
        slug = "-".join(
            "".join(c if c.isalnum() else " " for c in f"{match.company} {match.title}")
            .lower()
            .split()
        )[:60]
        folder = out / f"{rank:02d}-{slug}"
        folder.mkdir(parents=True, exist_ok=True)
        for name, content in match.files.items():
            (folder / name).write_bytes(content)
        folders.append(folder)
    return folders


__all__ = [
    "LocalSearchResult",
    "MatchResult",
    "add_posting_locally",
    "run_matches",
    "search_locally",
    "write_files",
]
