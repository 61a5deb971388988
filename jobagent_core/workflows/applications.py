"""The cover letter and tailored CV for one match: written, checked, rendered to
PDF, DOCX and Markdown, stored, and recorded in one `artifacts` row."""

from __future__ import annotations

import logging

from sqlalchemy import select

from jobagent_core.db.engine import admin_engine, session_scope
from jobagent_core.db.enums import StepStatus
from jobagent_core.db.models import Artifact, CompanyResearch, MatchedJob
from jobagent_core.fabrication import (
    render_docx,
    render_markdown,
    render_pdf,
    tailor_cv,
    write_cover_letter_llm,
    write_cover_letter_offline,
)
from jobagent_core.llm import LlmClient, LlmError
from jobagent_core.profiling.schemas import Profile
from jobagent_core.storage import FileStore
from jobagent_core.workflows.engine import RunReporter

log = logging.getLogger(__name__)


def write_application(
    match_id: str,
    user_id: str,
    profile: Profile,
    client: LlmClient | None,
    store: FileStore,
    reporter: RunReporter,
) -> None:
    from jobagent_core.workflows.job_search import stored_posting

    with session_scope(admin_engine()) as db:
        match = db.get(MatchedJob, match_id)
        if match is None or match.user_id != user_id:
            return
        match.fabrication_attempts += 1
        try:
            with db.begin_nested():
                posting = stored_posting(db, match.job_posting_id)
                research = (
                    db.get(CompanyResearch, match.company_research_id)
                    if match.company_research_id
                    else None
                )
                summary = research.summary if research is not None else None
                skills = list(match.matched_skills or [])
                flagged: list[str] = []
                writer = "offline"
                letter = None
                if client is not None:
                    try:
                        letter, flagged = write_cover_letter_llm(
                            client,
                            profile,
                            posting,
                            matched_skills=skills,
                            research_summary=summary,
                        )
                        writer = "llm"
                    except LlmError as err:
                        reporter.warn(
                            f"The language model could not write a letter ({err}); "
                            "letters were written offline instead."
                        )
                if letter is None:
                    letter = write_cover_letter_offline(
                        profile, posting, matched_skills=skills, research_summary=summary
                    )
                cv = tailor_cv(profile, posting, skills)
                letter_md = render_markdown(letter)
                artifact = db.scalars(
                    select(Artifact).where(Artifact.matched_job_id == match.id)
                ).first()
                if artifact is None:
                    artifact = Artifact(user_id=user_id, matched_job_id=match.id)
                    db.add(artifact)
                edited = artifact.cover_letter_md != artifact.generated_cover_letter_md
                artifact.language = letter.language
                artifact.cover_letter = letter.model_dump(mode="json")
                artifact.generated_cover_letter_md = letter_md
                if not edited or not artifact.cover_letter_md:
                    artifact.cover_letter_md = letter_md
                artifact.cv = cv.model_dump(mode="json")
                artifact.cv_md = render_markdown(cv)
                artifact.cover_letter_pdf_key = store.put(render_pdf(letter), ".pdf")
                artifact.cover_letter_docx_key = store.put(render_docx(letter), ".docx")
                artifact.cv_pdf_key = store.put(render_pdf(cv), ".pdf")
                artifact.cv_docx_key = store.put(render_docx(cv), ".docx")
                artifact.writer = writer
                artifact.flagged_claims = flagged
                db.flush()
        except Exception as err:  # one letter's failure must not stop the others
            log.exception("writing the application for match %s failed", match_id)
            match.fabrication_status = StepStatus.FAILED
            match.fabrication_error = f"Writing the application failed ({type(err).__name__})."
            return
        match.fabrication_status = StepStatus.DONE
        match.fabrication_error = None
