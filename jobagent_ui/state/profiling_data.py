"""The blocking calls behind the profiling states, one function per thing a page
needs. States run them with `asyncio.to_thread` and keep only the plain values
they return (no ORM objects in state).

Every function takes the signed-in user's id (from `current_user`, never from the
browser) and reaches rows only through jobagent_core's user-scoped functions, or
the user's own row by that id (core has no profile reader yet).
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from jobagent_core.config import get_settings
from jobagent_core.db.engine import session_scope, ui_engine
from jobagent_core.db.models import Document
from jobagent_core.profiling.documents import ExtractedDocument, read_document
from jobagent_core.profiling.errors import DocumentError, FileTooLarge
from jobagent_core.profiling.service import (
    UploadLimits,
    get_profile,
    latest_profiling_run,
    readable_documents,
    save_documents,
    start_profiling,
    update_profile,
)
from jobagent_core.storage import FileStore
from jobagent_core.workflows.dispatch import QueueUnavailable, queue_run
from jobagent_core.workflows.runs import get_run, run_status

MB = 1024 * 1024

_KIND_LABELS = {
    "application/pdf": "PDF",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word",
    "text/markdown": "Markdown",
    "text/plain": "Text",
}


@dataclass(frozen=True)
class Limits:
    max_bytes: int
    max_files: int

    @classmethod
    def from_settings(cls) -> Limits:
        settings = get_settings()
        return cls(max_bytes=settings.MAX_UPLOAD_MB * MB, max_files=settings.MAX_DOCUMENTS)

    @property
    def upload_limits(self) -> UploadLimits:
        return UploadLimits(max_bytes=self.max_bytes, max_files=self.max_files)

    @property
    def text(self) -> str:
        """E.g. "Up to 5 files, 10 MB each"."""
        files = "1 file" if self.max_files == 1 else f"{self.max_files} files"
        return f"Up to {files}, {human_size(self.max_bytes)} each"


@dataclass(frozen=True)
class Overview:
    """What the profile and onboarding pages show: all of it read in one transaction."""

    profile: dict[str, Any] | None
    documents: list[dict[str, str]]
    latest_run: dict[str, Any] | None  # `run_status` shape


def human_size(size: int) -> str:
    """1536 → "2 KB", 10485760 → "10 MB" (what a person reads, not exact)."""
    if size < 1024:
        return f"{size} bytes"
    if size < MB:
        return f"{round(size / 1024)} KB"
    value = size / MB
    return f"{value:.0f} MB" if value >= 10 or value == int(value) else f"{value:.1f} MB"


def kind_label(media_type: str) -> str:
    return _KIND_LABELS.get(media_type, "Document")


def _date_label(value: datetime | None) -> str:
    return f"{value.day} {value:%b %Y}" if value else ""


def _document_row(document: Document) -> dict[str, str]:
    return {
        "id": document.id,
        "name": document.filename,
        "kind": kind_label(document.media_type),
        "size": human_size(document.size_bytes),
        "uploaded": _date_label(document.created_at),
    }


def load_overview(user_id: str) -> Overview:
    with session_scope(ui_engine()) as db:
        documents = db.scalars(readable_documents(user_id)).all()
        run = latest_profiling_run(db, user_id)
        return Overview(
            profile=get_profile(db, user_id),
            documents=[_document_row(d) for d in documents],
            latest_run=run_status(run) if run is not None else None,
        )


def stored_hashes(user_id: str) -> set[str]:
    """SHA-256 of the CVs `user_id` has stored (one query)."""
    statement = readable_documents(user_id).with_only_columns(Document.sha256)
    with session_scope(ui_engine()) as db:
        return set(db.scalars(statement))


def check_files(
    files: Sequence[tuple[str, bytes | int]], limits: Limits
) -> list[ExtractedDocument | DocumentError]:
    """`read_document` for each (name, bytes); an int instead of bytes is the size
    of a file too large to have been read."""
    results: list[ExtractedDocument | DocumentError] = []
    for name, data in files:
        try:
            if isinstance(data, int):
                raise FileTooLarge(name, data, limits.max_bytes)
            results.append(read_document(name, data, max_bytes=limits.max_bytes))
        except DocumentError as err:
            results.append(err)
    return results


def start_run(
    user_id: str, uploads: Sequence[tuple[str, bytes]], overwrite: bool
) -> dict[str, Any]:
    """Store `uploads` and queue a profiling run over all of the user's CVs.

    Returns the run (`run_status` shape); when the queue is unreachable that run has
    already been marked failed with a message. Raises `UploadRejected`,
    `RunInProgress`, `AccessDenied`, `NoDocuments`.
    """
    settings = get_settings()
    engine = ui_engine()
    with session_scope(engine) as db:
        if uploads:
            store = FileStore(settings.STORAGE_DIR)
            save_documents(db, user_id, uploads, store, Limits.from_settings().upload_limits)
        run = start_profiling(db, user_id, allow_list=settings.allow_list, overwrite=overwrite)
    # An unreachable queue marks the run failed with a message; reading it back shows it.
    with contextlib.suppress(QueueUnavailable):
        queue_run(engine, run)
    view = load_run(user_id, run.id)
    assert view is not None
    return view


def load_run(user_id: str, run_id: str) -> dict[str, Any] | None:
    """The user's run (`run_status` shape), or None: one SELECT."""
    with session_scope(ui_engine()) as db:
        run = get_run(db, user_id, run_id)
        return run_status(run) if run is not None else None


def save_profile(user_id: str, edits: dict[str, Any]) -> dict[str, Any]:
    """Apply the person's edits; returns the stored profile. Raises ValueError
    (pydantic's ValidationError included) for edits that do not fit."""
    with session_scope(ui_engine()) as db:
        return update_profile(db, user_id, edits)
