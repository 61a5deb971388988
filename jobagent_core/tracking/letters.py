"""The cover letter of a match: the person's edits, back to what was generated,
or written again. The PDF and DOCX always follow the text."""

from __future__ import annotations

import logging
import secrets

from sqlalchemy.orm import Session as DbSession

from jobagent_core.config import Settings, get_settings
from jobagent_core.db.enums import StepStatus
from jobagent_core.db.models import Artifact, CompanyResearch, JobPosting, User
from jobagent_core.discovery.schema import PostingData
from jobagent_core.fabrication import (
    CoverLetter,
    TailoredCv,
    render_docx,
    render_markdown,
    render_pdf,
    tailor_cv,
    write_cover_letter_llm,
    write_cover_letter_offline,
)
from jobagent_core.profiling.schemas import Profile
from jobagent_core.storage import FileStore
from jobagent_core.tracking.errors import MatchNotFound, NoApplication, NoProfile
from jobagent_core.tracking.letter_text import letter_from_markdown
from jobagent_core.tracking.matches import artifact_for, own_match

log = logging.getLogger(__name__)


def file_store(store: FileStore | None) -> FileStore:
    return store or FileStore(get_settings().STORAGE_DIR)


def _render_letter(artifact: Artifact, letter: CoverLetter, store: FileStore) -> None:
    artifact.cover_letter = letter.model_dump(mode="json")
    artifact.cover_letter_pdf_key = store.put(render_pdf(letter), ".pdf")
    artifact.cover_letter_docx_key = store.put(render_docx(letter), ".docx")


def _editable(db: DbSession, user_id: str, match_id: str) -> Artifact:
    own_match(db, user_id, match_id, lock=True)
    artifact = artifact_for(db, user_id, match_id)
    if artifact is None or not artifact.cover_letter:
        raise NoApplication()
    return artifact


def save_letter(
    db: DbSession, user_id: str, match_id: str, markdown: str, *, store: FileStore | None = None
) -> Artifact:
    """Keep the person's edited letter and re-render its PDF and DOCX from it.

    The generated text stays in `generated_cover_letter_md` (see `revert_letter`).
    Raises `MatchNotFound`, `NoApplication`, `LetterTextError` (empty, too long).
    """
    artifact = _editable(db, user_id, match_id)
    markdown = markdown.replace("\r\n", "\n").strip() + "\n"
    letter = letter_from_markdown(markdown, CoverLetter.model_validate(artifact.cover_letter))
    artifact.cover_letter_md = markdown
    _render_letter(artifact, letter, file_store(store))
    db.flush()
    return artifact


def revert_letter(
    db: DbSession, user_id: str, match_id: str, *, store: FileStore | None = None
) -> Artifact:
    """Back to the letter the writer produced (text, PDF and DOCX)."""
    artifact = _editable(db, user_id, match_id)
    generated = artifact.generated_cover_letter_md
    if not generated.strip():
        raise NoApplication()
    template = CoverLetter.model_validate(artifact.cover_letter)
    artifact.cover_letter_md = generated
    _render_letter(artifact, letter_from_markdown(generated, template), file_store(store))
    db.flush()
    return artifact


def _profile(db: DbSession, user_id: str) -> Profile:
    user = db.get(User, user_id)
    stored = (user.profile if user is not None else None) or {}
    fields = {k: v for k, v in stored.items() if k in Profile.model_fields}
    if not fields:
        raise NoProfile()
    return Profile.model_validate(fields)


def regenerate_letter(
    db: DbSession,
    user_id: str,
    match_id: str,
    *,
    store: FileStore | None = None,
    settings: Settings | None = None,
) -> Artifact:
    """Write the letter again (new wording), replacing the current one and the
    generated one; by the LLM when configured, offline otherwise or when it fails.
    Creates the letter and CV when the match has none yet.

    Raises `MatchNotFound`, `NoProfile`.
    """
    settings = settings or get_settings()
    store = file_store(store)
    match = own_match(db, user_id, match_id, lock=True)
    profile = _profile(db, user_id)
    posting = _posting_data(db, match.job_posting_id)
    research = (
        db.get(CompanyResearch, match.company_research_id) if match.company_research_id else None
    )
    summary = research.summary if research is not None else None
    skills = list(match.matched_skills or [])
    letter, writer, flagged = _write_letter(profile, posting, skills, summary, settings)
    artifact = artifact_for(db, user_id, match.id)
    if artifact is None:
        artifact = Artifact(user_id=user_id, matched_job_id=match.id)
        db.add(artifact)
        cv: TailoredCv = tailor_cv(profile, posting, skills)
        artifact.cv = cv.model_dump(mode="json")
        artifact.cv_md = render_markdown(cv)
        artifact.cv_pdf_key = store.put(render_pdf(cv), ".pdf")
        artifact.cv_docx_key = store.put(render_docx(cv), ".docx")
    letter_md = render_markdown(letter)
    artifact.language = letter.language
    artifact.cover_letter_md = letter_md
    artifact.generated_cover_letter_md = letter_md
    artifact.writer = writer
    artifact.flagged_claims = flagged
    _render_letter(artifact, letter, store)
    match.fabrication_status = StepStatus.DONE
    match.fabrication_error = None
    db.flush()
    return artifact


def _posting_data(db: DbSession, posting_id: str) -> PostingData:
    """The stored posting in the shape the writers take (as the workflow's
    `stored_posting`, without importing the workflow into the web app)."""
    row = db.get(JobPosting, posting_id)
    if row is None:
        raise MatchNotFound()
    fields = {name: getattr(row, name) for name in PostingData.model_fields if hasattr(row, name)}
    return PostingData.model_validate(fields)


def _write_letter(
    profile: Profile,
    posting: PostingData,
    skills: list[str],
    summary: str | None,
    settings: Settings,
) -> tuple[CoverLetter, str, list[str]]:
    if settings.llm_enabled:
        from jobagent_core.llm import LlmClient, LlmError

        try:
            client = LlmClient.from_settings(settings)
            try:
                letter, flagged = write_cover_letter_llm(
                    client, profile, posting, matched_skills=skills, research_summary=summary
                )
            finally:
                client.close()
            return letter, "llm", flagged
        except LlmError:
            log.warning("the LLM could not write a letter; writing it offline", exc_info=True)
    # A fresh seed each time: "regenerate" means other wording.
    seed = f"{posting.source}:{posting.source_id}:{secrets.token_hex(4)}"
    letter = write_cover_letter_offline(
        profile, posting, matched_skills=skills, research_summary=summary, seed=seed
    )
    return letter, "offline", []


def letter_is_edited(artifact: Artifact) -> bool:
    """Whether the letter's text differs from what the writer produced."""
    return artifact.cover_letter_md.strip() != artifact.generated_cover_letter_md.strip()
