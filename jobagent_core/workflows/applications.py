"""The cover letter and tailored CV for one match: written, checked, rendered to
PDF, DOCX and Markdown, stored, and recorded in one `artifacts` row.

No database transaction is open while the letter is written, rendered or stored:
what the writers need is read in one short transaction, the slow work runs with
no session, and the result is recorded in a second short transaction. (On the
embedded SQLite database a transaction held across an LLM call locks every other
writer out — the run's own progress and warnings included.)
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from jobagent_core.db.engine import admin_engine, session_scope
from jobagent_core.db.enums import StepStatus
from jobagent_core.db.models import Artifact, CompanyResearch, MatchedJob
from jobagent_core.discovery.schema import PostingData
from jobagent_core.llm import LlmClient, LlmError
from jobagent_core.profiling.schemas import Profile
from jobagent_core.storage import FileStore
from jobagent_core.workflows.engine import RunReporter

if TYPE_CHECKING:
    from jobagent_core.fabrication import CoverLetter, TailoredCv

log = logging.getLogger(__name__)

_MAX_REASON = 300


@dataclass(frozen=True)
class _Inputs:
    posting: PostingData
    research_summary: str | None
    skills: list[str]


@dataclass(frozen=True)
class _Written:
    letter: CoverLetter
    cv: TailoredCv
    letter_md: str
    cv_md: str
    keys: dict[str, str]
    writer: str
    flagged: list[str]


def failure_reason(err: BaseException) -> str:
    """`err` in one short line a person can read."""
    detail = " ".join(str(err).split())
    if len(detail) > _MAX_REASON:
        detail = detail[: _MAX_REASON - 1] + "…"
    return f"{type(err).__name__}: {detail}" if detail else type(err).__name__


def _read_inputs(match_id: str, user_id: str) -> _Inputs | None:
    """Count the attempt and read what the writers need, in one short transaction."""
    from jobagent_core.workflows.job_search import stored_posting

    with session_scope(admin_engine()) as db:
        match = db.get(MatchedJob, match_id)
        if match is None or match.user_id != user_id:
            return None
        match.fabrication_attempts += 1
        research = (
            db.get(CompanyResearch, match.company_research_id)
            if match.company_research_id
            else None
        )
        return _Inputs(
            posting=stored_posting(db, match.job_posting_id),
            research_summary=research.summary if research is not None else None,
            skills=list(match.matched_skills or []),
        )


def _write(
    inputs: _Inputs,
    profile: Profile,
    client: LlmClient | None,
    store: FileStore,
    reporter: RunReporter,
) -> _Written:
    """Write, render and store the letter and CV. Runs with no database session open."""
    # Imported here: the renderers (python-docx, reportlab) cost a CLI search that has
    # no letter left to write about 0.3 s to import.
    from jobagent_core.fabrication import (
        render_docx,
        render_markdown,
        render_pdf,
        tailor_cv,
        write_cover_letter_llm,
        write_cover_letter_offline,
    )

    posting, summary, skills = inputs.posting, inputs.research_summary, inputs.skills
    flagged: list[str] = []
    writer = "offline"
    letter = None
    if client is not None:
        try:
            letter, flagged = write_cover_letter_llm(
                client, profile, posting, matched_skills=skills, research_summary=summary
            )
            writer = "llm"
        except LlmError as err:
            log.warning("the LLM could not write the letter for %s: %s", posting.company, err)
            reporter.warn(
                f"The language model could not write a letter ({err}); "
                "letters were written offline instead."
            )
    if letter is None:
        letter = write_cover_letter_offline(
            profile, posting, matched_skills=skills, research_summary=summary
        )
    # With the letter: the CV's notes say which key requirements either names.
    cv = tailor_cv(profile, posting, skills, letter=letter)
    keys = {
        "cover_letter_pdf_key": store.put(render_pdf(letter), ".pdf"),
        "cover_letter_docx_key": store.put(render_docx(letter), ".docx"),
        "cv_pdf_key": store.put(render_pdf(cv), ".pdf"),
        "cv_docx_key": store.put(render_docx(cv), ".docx"),
    }
    return _Written(
        letter=letter,
        cv=cv,
        letter_md=render_markdown(letter),
        cv_md=render_markdown(cv),
        keys=keys,
        writer=writer,
        flagged=flagged,
    )


def _record(match_id: str, user_id: str, written: _Written) -> None:
    """Store the artifact and mark the match written, in one short transaction."""
    with session_scope(admin_engine()) as db:
        match = db.get(MatchedJob, match_id)
        if match is None or match.user_id != user_id:
            return
        artifact = db.scalars(select(Artifact).where(Artifact.matched_job_id == match.id)).first()
        if artifact is None:
            artifact = Artifact(user_id=user_id, matched_job_id=match.id)
            db.add(artifact)
        edited = artifact.cover_letter_md != artifact.generated_cover_letter_md
        artifact.language = written.letter.language
        artifact.cover_letter = written.letter.model_dump(mode="json")
        artifact.generated_cover_letter_md = written.letter_md
        if not edited or not artifact.cover_letter_md:
            artifact.cover_letter_md = written.letter_md
        artifact.cv = written.cv.model_dump(mode="json")
        artifact.cv_md = written.cv_md
        for column, key in written.keys.items():
            setattr(artifact, column, key)
        artifact.writer = written.writer
        artifact.flagged_claims = written.flagged
        match.fabrication_status = StepStatus.DONE
        match.fabrication_error = None


def _record_failure(match_id: str, user_id: str, error: str) -> None:
    with session_scope(admin_engine()) as db:
        match = db.get(MatchedJob, match_id)
        if match is None or match.user_id != user_id:
            return
        match.fabrication_status = StepStatus.FAILED
        match.fabrication_error = error


def write_application(
    match_id: str,
    user_id: str,
    profile: Profile,
    client: LlmClient | None,
    store: FileStore,
    reporter: RunReporter,
) -> None:
    """Write one match's application; a failure is recorded on the match (status and
    reason) and as a warning on the run, and never stops the other matches."""
    inputs = _read_inputs(match_id, user_id)
    if inputs is None:
        return
    try:
        written = _write(inputs, profile, client, store, reporter)
        _record(match_id, user_id, written)
    except Exception as err:  # one letter's failure must not stop the others
        log.exception("writing the application for match %s failed", match_id)
        reason = failure_reason(err)
        _record_failure(match_id, user_id, f"Writing the application failed ({reason}).")
        where = f"{inputs.posting.title} at {inputs.posting.company}"
        reporter.warn(f"The application for {where} could not be written ({reason}).")
