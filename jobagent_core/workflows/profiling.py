"""The profiling workflow: CV documents → one structured profile on the user row.

Steps: read the documents (first deleting any the person removed: the profile is
then rebuilt from the others) → extract the profile (the configured LLM, or the
offline extractor; the offline one also when the LLM fails, with a warning on
the run) → save it, keeping the fields the person edited unless they asked to
overwrite them. Re-running any step is harmless.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from sqlalchemy import delete, select

from jobagent_core.accounts.deletion import owned_file_keys, used_by_others
from jobagent_core.config import get_settings
from jobagent_core.db.engine import admin_engine, session_scope
from jobagent_core.db.enums import RunStatus
from jobagent_core.db.models import Document, Run, User
from jobagent_core.llm import LlmClient, LlmError, LlmNotConfigured, Usage, UsageMeter
from jobagent_core.profiling.documents import read_document
from jobagent_core.profiling.errors import DocumentError
from jobagent_core.profiling.offline import extract_profile_from_documents
from jobagent_core.profiling.profile_store import merge_profile
from jobagent_core.profiling.prompts import profile_messages
from jobagent_core.profiling.render import profile_to_markdown
from jobagent_core.profiling.schemas import Profile
from jobagent_core.storage import FileStore, InvalidStorageKey
from jobagent_core.workflows.engine import RunReporter, Step, WorkflowError, store_usage
from jobagent_core.workflows.engine import execute as run_steps

log = logging.getLogger(__name__)


@dataclass
class ProfilingContext:
    run_id: str
    user_id: str
    document_ids: list[str]
    overwrite: bool
    remove_document_ids: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    filenames: list[str] = field(default_factory=list)
    storage_keys: list[str] = field(default_factory=list)
    profile: Profile | None = None
    meter: UsageMeter = field(default_factory=UsageMeter)


def read_documents(ctx: ProfilingContext, reporter: RunReporter) -> None:
    """Read the chosen CVs' text. Parsing a file runs with no transaction open; the
    texts read are stored afterwards, in a short transaction of their own."""
    store = FileStore(get_settings().STORAGE_DIR)
    _remove_documents(ctx)
    with session_scope(admin_engine()) as db:
        documents = db.scalars(
            select(Document).where(
                Document.user_id == ctx.user_id, Document.id.in_(ctx.document_ids)
            )
        ).all()
        by_id = {d.id: (d.filename, d.storage_key, d.text) for d in documents}
    if len(by_id) != len(ctx.document_ids):
        raise WorkflowError("Some of the chosen CVs were deleted; upload them again.")
    ctx.texts, ctx.filenames, ctx.storage_keys = [], [], []
    parsed: dict[str, str] = {}
    for done, document_id in enumerate(ctx.document_ids, start=1):
        filename, storage_key, text = by_id[document_id]
        if not text:
            try:
                text = read_document(filename, store.read(storage_key)).text
            except (DocumentError, FileNotFoundError) as err:
                raise WorkflowError(str(err)) from err
            parsed[document_id] = text
        ctx.texts.append(text)
        ctx.filenames.append(filename)
        ctx.storage_keys.append(storage_key)
        reporter.set(progress_done=done)
    if parsed:
        with session_scope(admin_engine()) as db:
            for document_id, text in parsed.items():
                document = db.get(Document, document_id)
                if document is not None:
                    document.text = text


def _remove_documents(ctx: ProfilingContext) -> None:
    """Delete the CVs the person removed (the profile is rebuilt from the others),
    then their files, unless another row still names them (files are stored by
    content, so a file can be shared). Deleting again on a re-run finds nothing."""
    if not ctx.remove_document_ids:
        return
    removed = Document.user_id == ctx.user_id, Document.id.in_(ctx.remove_document_ids)
    with session_scope(admin_engine()) as db:
        keys = set(db.scalars(select(Document.storage_key).where(*removed)))
        db.execute(delete(Document).where(*removed))
        user = db.get(User, ctx.user_id)
        if user is not None:
            user.source_pdfs = [k for k in user.source_pdfs or [] if k not in keys]
        db.flush()
        in_use = owned_file_keys(db, ctx.user_id)
        unused = {k for k in keys - in_use if not used_by_others(db, ctx.user_id, k)}
    store = FileStore(get_settings().STORAGE_DIR)
    for key in unused:  # after the commit: at worst a file outlives its row
        try:
            store.path(key).unlink(missing_ok=True)
        except (InvalidStorageKey, OSError) as err:
            log.warning("run %s: removed CV file %s not deleted (%s)", ctx.run_id, key, err)


def extract(ctx: ProfilingContext, reporter: RunReporter) -> None:
    settings = get_settings()
    try:
        client = LlmClient.from_settings(settings, meter=ctx.meter)
    except LlmNotConfigured:
        client = None
    if client is not None:
        with client:
            try:
                result = client.complete_structured(
                    profile_messages(ctx.texts), Profile, name="profile", stage="profiling"
                )
                if _is_empty(result.parsed):
                    ctx.meter.record("profiling", Usage(fallbacks=1))
                    reporter.warn(
                        "The language model returned an empty profile; "
                        "the profile was built by the offline extractor instead."
                    )
                else:
                    ctx.profile = result.parsed
            except LlmError as err:
                log.warning("run %s: LLM profiling failed (%s); using offline", ctx.run_id, err)
                reporter.warn(
                    f"The language model could not be used ({err}); "
                    "the profile was built by the offline extractor instead."
                )
    if ctx.profile is None:
        ctx.profile = extract_profile_from_documents(ctx.texts)
    if _is_empty(ctx.profile):
        raise WorkflowError(
            "No CV content was recognised in "
            + ", ".join(ctx.filenames)
            + ". Check that the files are CVs with selectable text."
        )
    reporter.set(progress_done=len(ctx.document_ids) + 1)


def _is_empty(profile: Profile) -> bool:
    return not profile.name and not profile.skills and not profile.experience


def save(ctx: ProfilingContext, reporter: RunReporter) -> None:
    assert ctx.profile is not None
    with session_scope(admin_engine()) as db:
        user = db.get(User, ctx.user_id, with_for_update=True)
        if user is None:
            raise WorkflowError("Your account no longer exists.")
        stored: dict[str, Any] = merge_profile(ctx.profile, user.profile, overwrite=ctx.overwrite)
        merged = Profile.model_validate(
            {k: v for k, v in stored.items() if k in Profile.model_fields}
        )
        user.profile = stored
        user.profile_text = profile_to_markdown(merged)
        user.suggested_job_titles = list(merged.suggested_job_titles)
        user.location = merged.location or user.location
        user.source_pdfs = list(dict.fromkeys(ctx.storage_keys))
        if not user.name or user.name == user.email.split("@")[0]:
            user.name = merged.name or user.name
    reporter.set(progress_done=len(ctx.document_ids) + 2)


STEPS: list[Step[ProfilingContext]] = [
    Step("Reading documents", read_documents),
    Step("Extracting profile", extract),
    Step("Saving profile", save),
]


def execute(run_id: str) -> RunStatus | None:
    with session_scope(admin_engine()) as db:
        run = db.get(Run, run_id)
        if run is None:
            return None
        params = dict(run.params or {})
        ctx = ProfilingContext(
            run_id=run.id,
            user_id=run.user_id,
            document_ids=[str(d) for d in params.get("document_ids", [])],
            overwrite=bool(params.get("overwrite", False)),
            remove_document_ids=[str(d) for d in params.get("remove_document_ids", [])],
        )
    stale_after = timedelta(seconds=get_settings().RUN_STALE_AFTER_S)
    status = run_steps(admin_engine(), run_id, STEPS, ctx, stale_after=stale_after)
    store_usage(admin_engine(), run_id, ctx.meter)
    return status
