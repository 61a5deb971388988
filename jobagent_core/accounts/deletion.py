"""Deleting an account and everything its owner has: "delete my account and data".

The web app may not DELETE (its database role cannot), so it queues
`request_deletion(user_id)`; a worker, on the admin role, runs `delete_account`:
the `user` row goes, and with it (ON DELETE CASCADE) sessions, accounts, API
tokens, CVs, searches, runs, matches and artifacts. Then the stored files only
this person referenced go too. Postings found on job boards and company research
are public data shared by everyone and stay; a posting the person added (pasted
text, or a page they linked) goes unless someone else's match still holds it.

Storage is content-addressed, so two people who uploaded the same CV share one
file: a file is removed only when no one else's rows still name it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Engine, String, cast, delete, exists, or_, select
from sqlalchemy.orm import Session as DbSession

from jobagent_core.db.engine import session_scope
from jobagent_core.db.enums import RunKind
from jobagent_core.db.models import (
    Artifact,
    Document,
    JobPosting,
    JobSearch,
    MatchedJob,
    Run,
    SavedSearch,
    User,
)
from jobagent_core.discovery.posting_reader import ADDED_SOURCE
from jobagent_core.discovery.sources.registry import SourceSpecError, parse_source_spec
from jobagent_core.storage import FileStore, InvalidStorageKey

log = logging.getLogger(__name__)

TASK_NAME = "jobagent.delete_account"
_ARTIFACT_KEYS = (
    Artifact.cover_letter_pdf_key,
    Artifact.cover_letter_docx_key,
    Artifact.cv_pdf_key,
    Artifact.cv_docx_key,
)


@dataclass(frozen=True)
class DeletionReport:
    deleted: bool  # False when the account was already gone
    files_removed: int = 0
    files_kept: int = 0  # still used by someone else


def owned_file_keys(db: DbSession, user_id: str) -> set[str]:
    """Every storage key `user_id`'s rows name: CVs, letters and CVs written for
    them, uploaded job files, and the profile's source files."""
    keys: set[str] = set(
        db.scalars(select(Document.storage_key).where(Document.user_id == user_id))
    )
    for row in db.execute(select(*_ARTIFACT_KEYS).where(Artifact.user_id == user_id)):
        keys.update(key for key in row if key)
    for model in (JobSearch, SavedSearch):  # a saved search may name a file no run used yet
        for sources in db.scalars(select(model.sources).where(model.user_id == user_id)):
            keys.update(_file_keys(sources or []))
    user = db.get(User, user_id)
    if user is not None:
        keys.update(str(k) for k in user.source_pdfs or [] if k)
    return keys


def _file_keys(sources: Iterable[object]) -> set[str]:
    """The storage keys of the uploaded job files among a search's source specs."""
    keys: set[str] = set()
    for spec in sources:
        try:
            parsed = parse_source_spec(str(spec))
        except SourceSpecError:
            continue  # not a source this version can read: it names no file of ours
        if parsed.is_file:
            keys.add(parsed.args[0])
    return keys


def added_posting_ids(db: DbSession, user_id: str) -> set[str]:
    """The postings `user_id` added themself: their matches' and their posting runs'."""
    ids = set(
        db.scalars(
            select(JobPosting.id)
            .join(MatchedJob, MatchedJob.job_posting_id == JobPosting.id)
            .where(MatchedJob.user_id == user_id, JobPosting.source == ADDED_SOURCE)
        )
    )
    runs = select(Run.params).where(Run.user_id == user_id, Run.kind == RunKind.POSTING)
    named = {str(p["posting_id"]) for p in db.scalars(runs) if p and p.get("posting_id")}
    if named:
        ids |= set(
            db.scalars(
                select(JobPosting.id).where(
                    JobPosting.id.in_(named), JobPosting.source == ADDED_SOURCE
                )
            )
        )
    return ids


def used_by_others(db: DbSession, user_id: str, key: str) -> bool:
    """Whether any other user's rows name storage key `key`."""
    document = select(Document.id).where(Document.user_id != user_id, Document.storage_key == key)
    artifact = select(Artifact.id).where(
        Artifact.user_id != user_id, or_(*(column == key for column in _ARTIFACT_KEYS))
    )
    if db.execute(document.limit(1)).first() or db.execute(artifact.limit(1)).first():
        return True
    # JSON lists: a text match finds the candidates, the exact test is made here.
    for model in (JobSearch, SavedSearch):
        searches = select(model.sources).where(
            model.user_id != user_id, cast(model.sources, String).contains(key)
        )
        if any(key in _file_keys(sources or []) for sources in db.scalars(searches)):
            return True
    profiles = select(User.source_pdfs).where(
        User.id != user_id, cast(User.source_pdfs, String).contains(key)
    )
    return any(key in (keys or []) for keys in db.scalars(profiles))


def delete_account(engine: Engine, user_id: str, store: FileStore) -> DeletionReport:
    """Delete `user_id` and all they own (run by a worker on the admin role).

    Idempotent: an account already gone reports `deleted=False`. Files are removed
    after the rows are committed, so a failure leaves at worst an unreferenced
    file, never a row pointing at a missing one.
    """
    with session_scope(engine) as db:
        # Lock the row: a second deletion request waits, then finds nothing.
        lock = db.get_bind().dialect.name != "sqlite"
        user = db.get(User, user_id, with_for_update=lock)
        if user is None:
            return DeletionReport(deleted=False)
        keys = owned_file_keys(db, user_id)
        shared = {key for key in keys if used_by_others(db, user_id, key)}
        added = added_posting_ids(db, user_id)
        db.delete(user)
        db.flush()
        if added:  # the person's matches are gone now: what no one else holds goes too
            db.execute(
                delete(JobPosting).where(
                    JobPosting.id.in_(added),
                    ~exists().where(MatchedJob.job_posting_id == JobPosting.id),
                )
            )
    removed = 0
    for key in sorted(keys - shared):
        try:
            path = store.path(key)
        except InvalidStorageKey:
            log.warning("account %s named an invalid storage key; skipped", user_id)
            continue
        try:
            path.unlink()
            removed += 1
        except FileNotFoundError:
            pass
    log.info("deleted account %s: %d files removed, %d shared kept", user_id, removed, len(shared))
    return DeletionReport(deleted=True, files_removed=removed, files_kept=len(shared))


def request_deletion(user_id: str) -> None:
    """Queue the deletion of `user_id` (the web app's side; a worker does it).

    Raises whatever the broker raises when it cannot be reached: the caller tells
    the person nothing was deleted.
    """
    from jobagent_core.tasks.celery_app import get_celery

    celery = get_celery()
    celery.send_task(TASK_NAME, args=[user_id], queue=celery.conf.task_default_queue)
