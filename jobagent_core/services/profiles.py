"""Profiles: what the onboarding and profile pages read, the CVs they store, the
profiling runs they start and follow, and the edits they save.

Every function opens its own session (the web app's database role unless an
engine is passed), reaches only the rows of the user id it is given, and returns
plain values; a run is sent to the workers only after the transaction that
created it has committed. The rules themselves live in
`jobagent_core.profiling.service`: these functions only give each use case its
transaction.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Final

from pypdf import PdfReader
from sqlalchemy import Engine

from jobagent_core.config import Settings, get_settings
from jobagent_core.db.models import Document
from jobagent_core.profiling.offline import extract_profile
from jobagent_core.profiling.profile_store import other_person
from jobagent_core.profiling.service import (
    LastDocument,
    NoDocuments,
    RunInProgress,
    UnknownDocument,
    UploadLimits,
    UploadRejected,
    get_profile,
    latest_profiling_run,
    pending_removals,
    readable_documents,
    save_documents,
    start_profiling,
    start_rebuild_without,
    update_profile,
)
from jobagent_core.services.runs import StartedRun, load_run
from jobagent_core.services.unit_of_work import queue_after_commit, unit_of_work
from jobagent_core.storage import FileStore
from jobagent_core.workflows.dispatch import QueueUnavailable
from jobagent_core.workflows.profiling import STEPS
from jobagent_core.workflows.runs import run_status

log = logging.getLogger(__name__)

MB: Final = 1024 * 1024

# The steps of a profiling run, in order: the names `current_step` takes.
STEP_LABELS: Final = tuple(step.label for step in STEPS)


@dataclass(frozen=True)
class DocumentSummary:
    """A stored CV as the pages list it (its text and storage key stay behind)."""

    id: str
    filename: str
    media_type: str
    size_bytes: int
    uploaded_at: datetime | None
    pages: int | None = None  # known for PDFs

    @classmethod
    def of(cls, document: Document) -> DocumentSummary:
        return cls(
            id=document.id,
            filename=document.filename,
            media_type=document.media_type,
            size_bytes=document.size_bytes,
            uploaded_at=document.created_at,
        )


@functools.lru_cache(maxsize=256)
def _pdf_pages(root: str, key: str) -> int | None:
    """Pages of a stored PDF (None when it cannot be read). Files are stored by
    content, so a key always names the same bytes and the count can be kept."""
    try:
        with FileStore(Path(root)).open(key) as file:
            return len(PdfReader(file).pages)
    except Exception:  # an unreadable file just has no page count to show
        log.info("counting the pages of %s failed", key, exc_info=True)
        return None


def _with_pages(document: Document) -> DocumentSummary:
    summary = DocumentSummary.of(document)
    if document.media_type != "application/pdf":
        return summary
    pages = _pdf_pages(str(get_settings().STORAGE_DIR), document.storage_key)
    return dataclasses.replace(summary, pages=pages)


@dataclass(frozen=True)
class ProfileOverview:
    """What the profile and onboarding pages show: all of it read in one transaction,
    so the CV list, the profile and the latest run agree with each other."""

    profile: dict[str, Any] | None
    documents: list[DocumentSummary]  # newest first
    latest_run: dict[str, Any] | None  # `run_status` shape


def upload_limits(settings: Settings | None = None) -> UploadLimits:
    """The per-file size and number of stored CVs a person may have (MAX_UPLOAD_MB,
    MAX_DOCUMENTS)."""
    settings = settings or get_settings()
    return UploadLimits(max_bytes=settings.MAX_UPLOAD_MB * MB, max_files=settings.MAX_DOCUMENTS)


def load_overview(user_id: str) -> ProfileOverview:
    """`user_id`'s profile, CVs and latest profiling run (one transaction)."""
    with unit_of_work() as db:
        documents = db.scalars(readable_documents(user_id)).all()
        run = latest_profiling_run(db, user_id)
        removing = pending_removals(run)  # shown as gone while the worker deletes them
        return ProfileOverview(
            profile=get_profile(db, user_id),
            documents=[_with_pages(d) for d in documents if d.id not in removing],
            latest_run=run_status(run) if run is not None else None,
        )


def stored_hashes(user_id: str) -> set[str]:
    """SHA-256 of the CVs `user_id` has stored (one query), so a file chosen again
    can be recognised before anything is uploaded."""
    statement = readable_documents(user_id).with_only_columns(Document.sha256)
    with unit_of_work() as db:
        return set(db.scalars(statement))


def save_uploaded_documents(
    user_id: str,
    uploads: Sequence[tuple[str, bytes]],
    *,
    limits: UploadLimits | None = None,
    engine: Engine | None = None,
) -> list[DocumentSummary]:
    """Store `uploads` (name, bytes) as `user_id`'s CVs — all of them or, raising
    `UploadRejected` with the reason per file, none. A file stored before is the
    same document again."""
    store = FileStore(get_settings().STORAGE_DIR)
    with unit_of_work(engine) as db:
        documents = save_documents(db, user_id, uploads, store, limits or upload_limits())
        return [DocumentSummary.of(d) for d in documents]


def start_profiling_run(
    user_id: str,
    *,
    uploads: Sequence[tuple[str, bytes]] = (),
    document_ids: Sequence[str] | None = None,
    overwrite: bool = False,
    allow_list: frozenset[str] | None = None,
    engine: Engine | None = None,
) -> StartedRun:
    """Store `uploads`, create a profiling run over `document_ids` (default: all of
    the user's CVs), commit, then queue it.

    The uploads and the run are one transaction: a run that cannot start stores no
    file. A queue that cannot be reached is not raised: the run stays committed,
    marked failed, and `queue_refused` says so. Raises `UploadRejected`,
    `AccessDenied`, `RunInProgress`, `NoDocuments`, `UnknownDocument` (another
    person's document ids included); nothing is stored or queued then.
    """
    settings = get_settings()
    allowed = settings.allow_list if allow_list is None else allow_list
    run_id = ""
    task_id: str | None = None
    queue_refused = False
    try:
        with unit_of_work(engine) as db:
            if uploads:
                store = FileStore(settings.STORAGE_DIR)
                save_documents(db, user_id, uploads, store, upload_limits(settings))
            run = start_profiling(
                db, user_id, allow_list=allowed, document_ids=document_ids, overwrite=overwrite
            )
            queue_after_commit(db, run)
            run_id, task_id = run.id, run.task_id
    except QueueUnavailable:
        # Raised only after the commit: the run exists, marked failed.
        queue_refused = True
    return StartedRun(run_id=run_id, task_id=task_id, queue_refused=queue_refused)


def start_run(
    user_id: str, uploads: Sequence[tuple[str, bytes]], overwrite: bool
) -> dict[str, Any]:
    """Store `uploads` and queue a profiling run over all of the user's CVs (the
    pages' "Build my profile" and "Re-run profiling").

    Returns the run (`run_status` shape); when the queue is unreachable that run has
    already been marked failed with a message, which the page shows. Raises what
    `start_profiling_run` raises.
    """
    started = start_profiling_run(user_id, uploads=uploads, overwrite=overwrite)
    view = load_run(user_id, started.run_id)
    assert view is not None  # committed above, and the user's own
    return view


def remove_cv(
    user_id: str, document_id: str, *, allow_list: frozenset[str] | None = None
) -> dict[str, Any]:
    """Remove one CV and queue the run that rebuilds the profile from the others
    (the person's edits kept); returns that run (`run_status` shape, already marked
    failed when the queue is unreachable). Raises `UnknownDocument`,
    `LastDocument`, `RunInProgress`, `AccessDenied`."""
    allowed = get_settings().allow_list if allow_list is None else allow_list
    run_id = ""
    try:
        with unit_of_work() as db:
            run = start_rebuild_without(db, user_id, document_id, allow_list=allowed)
            queue_after_commit(db, run)
            run_id = run.id
    except QueueUnavailable:
        pass  # raised after the commit: the run exists, marked failed with a message
    view = load_run(user_id, run_id)
    assert view is not None  # committed above, and the user's own
    return view


def other_person_cvs(user_id: str, texts: Sequence[str]) -> list[str | None]:
    """For each CV text: how it names someone other than the person whose profile
    is stored ("name on the CV: …"), or None. Read by the offline extractor, so no
    model is asked before the person agrees to use the CV."""
    with unit_of_work() as db:
        stored = get_profile(db, user_id)
    if not stored:
        return [None for _ in texts]
    return [other_person(stored, extract_profile(text)) if text else None for text in texts]


def save_profile(user_id: str, edits: dict[str, Any]) -> dict[str, Any]:
    """Apply the person's edits; returns the stored profile. Raises ValueError
    (pydantic's ValidationError included) for edits that do not fit, LookupError
    when the user no longer exists."""
    with unit_of_work() as db:
        return update_profile(db, user_id, edits)


__all__ = [
    "STEP_LABELS",
    "DocumentSummary",
    "LastDocument",
    "NoDocuments",
    "ProfileOverview",
    "RunInProgress",
    "StartedRun",
    "UnknownDocument",
    "UploadLimits",
    "UploadRejected",
    "load_overview",
    "load_run",
    "other_person_cvs",
    "remove_cv",
    "save_profile",
    "save_uploaded_documents",
    "start_profiling_run",
    "start_run",
    "stored_hashes",
]
