"""The letter workflow: write one match's cover letter again, on a worker.

Steps: read the match, profile and posting (a short transaction) → write the
letter (the configured LLM, or the offline writer; the offline one also when the
LLM fails, with a warning on the run) and render its PDF and DOCX with no
transaction open → store it (a short transaction that locks the match, checks it
is still the person's, and replaces the letter and its generated copy). Queued by
`jobagent_core.services.letters.request_letter`; re-running any step is harmless.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from jobagent_core.config import get_settings
from jobagent_core.db.engine import admin_engine, session_scope
from jobagent_core.db.enums import RunStatus
from jobagent_core.db.models import Run
from jobagent_core.llm import UsageMeter
from jobagent_core.storage import FileStore
from jobagent_core.tracking.errors import MatchNotFound, TrackingError
from jobagent_core.tracking.letters import (
    LetterInputs,
    WrittenLetter,
    read_letter_inputs,
    store_letter,
    write_letter,
)
from jobagent_core.workflows.engine import RunReporter, Step, WorkflowError, store_usage
from jobagent_core.workflows.engine import execute as run_steps

MATCH_GONE = "This match no longer exists, so no letter was written."


@dataclass
class LetterContext:
    run_id: str
    user_id: str
    match_id: str
    inputs: LetterInputs | None = None
    written: WrittenLetter | None = None
    meter: UsageMeter = field(default_factory=UsageMeter)


def read_inputs(ctx: LetterContext, reporter: RunReporter) -> None:
    try:
        with session_scope(admin_engine()) as db:
            ctx.inputs = read_letter_inputs(db, ctx.user_id, ctx.match_id)
    except MatchNotFound as err:
        raise WorkflowError(MATCH_GONE) from err
    except TrackingError as err:  # no profile
        raise WorkflowError(str(err)) from err
    reporter.set(progress_done=1)


def write(ctx: LetterContext, reporter: RunReporter) -> None:
    """The slow part (an LLM call may take minutes): no session is open here."""
    assert ctx.inputs is not None
    settings = get_settings()
    ctx.written = write_letter(
        ctx.inputs, store=FileStore(settings.STORAGE_DIR), settings=settings, meter=ctx.meter
    )
    if ctx.written.fallback:
        reporter.warn(ctx.written.fallback)
    reporter.set(progress_done=2)


def save(ctx: LetterContext, reporter: RunReporter) -> None:
    assert ctx.inputs is not None
    assert ctx.written is not None
    try:
        with session_scope(admin_engine()) as db:
            store_letter(db, ctx.inputs, ctx.written, store=FileStore(get_settings().STORAGE_DIR))
    except MatchNotFound as err:
        raise WorkflowError(MATCH_GONE) from err
    reporter.set(progress_done=3)


STEPS: list[Step[LetterContext]] = [
    Step("Reading the match", read_inputs),
    Step("Writing the letter", write),
    Step("Saving the letter", save),
]


def execute(run_id: str) -> RunStatus | None:
    with session_scope(admin_engine()) as db:
        run = db.get(Run, run_id)
        if run is None:
            return None
        ctx = LetterContext(
            run_id=run.id,
            user_id=run.user_id,
            match_id=str((run.params or {}).get("match_id", "")),
        )
    stale_after = timedelta(seconds=get_settings().RUN_STALE_AFTER_S)
    status = run_steps(admin_engine(), run_id, STEPS, ctx, stale_after=stale_after)
    store_usage(admin_engine(), run_id, ctx.meter)
    return status
