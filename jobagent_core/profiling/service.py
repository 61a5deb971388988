"""Uploading CVs and starting profiling runs. Callers own the transaction; a run
they start is queued after the commit (`jobagent_core.services.unit_of_work`)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session as DbSession

from jobagent_core.auth.access import require_access
from jobagent_core.auth.errors import AccessDenied
from jobagent_core.db.enums import RunKind, RunStatus
from jobagent_core.db.models import Document, Run, User
from jobagent_core.profiling.documents import ExtractedDocument, read_document
from jobagent_core.profiling.errors import DocumentError, TooManyFiles
from jobagent_core.profiling.profile_store import apply_edits
from jobagent_core.profiling.render import profile_to_markdown
from jobagent_core.profiling.schemas import Profile
from jobagent_core.storage import FileStore
from jobagent_core.workflows.dispatch import new_task_id
from jobagent_core.workflows.runs import create_run, readable_runs

log = logging.getLogger(__name__)


class UploadRejected(ValueError):
    """One or more files were refused; nothing was stored. `errors` says why, per file."""

    def __init__(self, errors: Sequence[DocumentError]) -> None:
        super().__init__(" ".join(str(e) for e in errors))
        self.errors = list(errors)


class NoDocuments(ValueError):
    def __init__(self) -> None:
        super().__init__("Upload at least one CV (PDF, DOCX, TXT or Markdown) first.")


class RunInProgress(ValueError):
    def __init__(self) -> None:
        super().__init__("Your profile is already being built; wait for that run to finish.")


class UnknownDocument(LookupError):
    def __init__(self) -> None:
        super().__init__("One of the chosen documents does not exist.")


@dataclass(frozen=True)
class UploadLimits:
    max_bytes: int
    max_files: int


def readable_documents(user_id: str) -> Select[Document]:
    """`user_id`'s documents, newest first."""
    return select(Document).where(Document.user_id == user_id).order_by(Document.created_at.desc())


def save_documents(
    db: DbSession,
    user_id: str,
    uploads: Sequence[tuple[str, bytes]],
    store: FileStore,
    limits: UploadLimits,
) -> list[Document]:
    """Validate every file, then store them all — or none, raising `UploadRejected`.

    The same file uploaded again is the same document (no duplicate row).
    """
    existing = {
        doc.sha256: doc for doc in db.scalars(select(Document).where(Document.user_id == user_id))
    }
    errors: list[DocumentError] = []
    accepted: list[tuple[ExtractedDocument, bytes]] = []
    slots = limits.max_files - len(existing)
    for filename, data in uploads:
        try:
            extracted = read_document(filename, data, max_bytes=limits.max_bytes)
        except DocumentError as err:
            errors.append(err)
            continue
        is_new = extracted.sha256 not in existing and all(
            extracted.sha256 != seen.sha256 for seen, _ in accepted
        )
        if is_new:
            if slots <= 0:
                errors.append(TooManyFiles(filename, limits.max_files))
                continue
            slots -= 1
        accepted.append((extracted, data))
    if errors:
        raise UploadRejected(errors)

    documents: list[Document] = []
    for extracted, data in accepted:
        document = existing.get(extracted.sha256)
        if document is None:
            key = store.put(data, extracted.suffix)
            document = Document(
                user_id=user_id,
                filename=extracted.filename,
                media_type=extracted.media_type,
                size_bytes=extracted.size,
                sha256=extracted.sha256,
                storage_key=key,
                text=extracted.text,
            )
            db.add(document)
            existing[extracted.sha256] = document
        documents.append(document)
    db.flush()
    return documents


def start_profiling(
    db: DbSession,
    user_id: str,
    *,
    allow_list: frozenset[str],
    document_ids: Sequence[str] | None = None,
    overwrite: bool = False,
) -> Run:
    """A pending profiling run over the chosen documents (default: all of the user's).

    Raises `AccessDenied`, `RunInProgress`, `NoDocuments` or `UnknownDocument`.
    """
    # Locking the user row serialises concurrent starts for one person.
    user = db.get(User, user_id, with_for_update=db.get_bind().dialect.name != "sqlite")
    if user is None:
        raise AccessDenied("Your account no longer exists; sign in again.")
    require_access(user, allow_list)
    active = db.scalars(
        readable_runs(user_id).where(
            Run.kind == RunKind.PROFILING,
            Run.status.in_([RunStatus.PENDING, RunStatus.RUNNING]),
        )
    ).first()
    if active is not None:
        raise RunInProgress()
    owned = db.scalars(
        select(Document.id).where(Document.user_id == user_id).order_by(Document.created_at)
    ).all()
    if document_ids is None:
        chosen = list(owned)
    else:
        chosen = list(dict.fromkeys(document_ids))
        if not set(chosen) <= set(owned):
            raise UnknownDocument()
    if not chosen:
        raise NoDocuments()
    run = create_run(
        db,
        user_id,
        RunKind.PROFILING,
        allow_list=allow_list,
        params={"document_ids": chosen, "overwrite": overwrite},
    )
    run.task_id = new_task_id()
    run.progress_total = len(chosen) + 2
    db.flush()
    return run


class LastDocument(ValueError):
    def __init__(self) -> None:
        super().__init__(
            "This is your only CV: add another one first, so your profile can be rebuilt."
        )


def start_rebuild_without(
    db: DbSession, user_id: str, document_id: str, *, allow_list: frozenset[str]
) -> Run:
    """A profiling run that removes one of `user_id`'s CVs and rebuilds the profile
    from the others, keeping the person's edits.

    The worker deletes the CV (the web app's database role may not delete rows);
    until then `pending_removals` tells the pages to leave it out. Raises
    `UnknownDocument` (not theirs, or gone), `LastDocument`, and what
    `start_profiling` raises.
    """
    owned = db.scalars(
        select(Document.id).where(Document.user_id == user_id).order_by(Document.created_at)
    ).all()
    if document_id not in owned:
        raise UnknownDocument()
    remaining = [d for d in owned if d != document_id]
    if not remaining:
        raise LastDocument()
    run = start_profiling(db, user_id, allow_list=allow_list, document_ids=remaining)
    run.params = {**(run.params or {}), "remove_document_ids": [document_id]}
    db.flush()
    return run


def pending_removals(run: Run | None) -> set[str]:
    """The CVs an unfinished profiling run is about to delete."""
    if run is None or run.status not in (RunStatus.PENDING, RunStatus.RUNNING):
        return set()
    return {str(d) for d in (run.params or {}).get("remove_document_ids", [])}


def update_profile(db: DbSession, user_id: str, edits: dict[str, Any]) -> dict[str, Any]:
    """Apply the person's edits to their profile and remember which fields they
    edited (profiling again keeps them). Raises ValueError / ValidationError for
    edits that do not fit the profile."""
    user = db.get(User, user_id, with_for_update=db.get_bind().dialect.name != "sqlite")
    if user is None:
        raise LookupError("No such user.")
    stored = apply_edits(user.profile, edits)
    profile = Profile.model_validate({k: v for k, v in stored.items() if k in Profile.model_fields})
    user.profile = stored
    user.profile_text = profile_to_markdown(profile)
    user.suggested_job_titles = list(profile.suggested_job_titles)
    user.location = profile.location
    db.flush()
    return stored


def get_profile(db: DbSession, user_id: str) -> dict[str, Any] | None:
    """The stored profile JSON of `user_id` (None before the first profiling)."""
    user = db.get(User, user_id)
    return dict(user.profile) if user is not None and user.profile else None


def latest_profiling_run(db: DbSession, user_id: str) -> Run | None:
    return db.scalars(readable_runs(user_id).where(Run.kind == RunKind.PROFILING).limit(1)).first()
