"""The cover letter of a match: the person's edits, back to what was generated,
or written again (on a worker: `start_letter` creates the `letter` run that
`jobagent_core.services.letters.request_letter` queues). The PDF and DOCX always
follow the text."""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from sqlalchemy.orm import Session as DbSession

from jobagent_core.config import Settings, get_settings
from jobagent_core.db.enums import RunKind, RunStatus, StepStatus
from jobagent_core.db.models import Artifact, CompanyResearch, JobPosting, Run, User
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
from jobagent_core.tracking.errors import MatchNotFound, NoApplication, NoProfile, TrackingError
from jobagent_core.tracking.letter_text import letter_from_markdown
from jobagent_core.tracking.matches import artifact_for, own_match
from jobagent_core.workflows.dispatch import new_task_id
from jobagent_core.workflows.runs import create_run, readable_runs

if TYPE_CHECKING:
    from jobagent_core.llm import UsageMeter

log = logging.getLogger(__name__)

# Reading the match, writing the letter, saving it (the `letter` workflow's steps).
LETTER_STEPS: Final = 3


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


@dataclass(frozen=True)
class LetterInputs:
    """What a letter is written from, read in one short transaction."""

    user_id: str
    match_id: str
    profile: Profile
    posting: PostingData
    skills: list[str]
    summary: str | None
    has_application: bool  # a letter and CV exist already (else the CV is written too)


@dataclass(frozen=True)
class WrittenCv:
    cv: dict[str, Any]
    cv_md: str
    pdf_key: str
    docx_key: str


@dataclass(frozen=True)
class WrittenLetter:
    """A letter written and rendered (its files stored), not yet on any row."""

    letter: CoverLetter
    letter_md: str
    writer: str  # "llm" | "offline"
    flagged: list[str]
    pdf_key: str
    docx_key: str
    cv: WrittenCv | None  # only when the match had no application yet
    fallback: str | None = None  # why the LLM's letter was not used, when it was not


def read_letter_inputs(db: DbSession, user_id: str, match_id: str) -> LetterInputs:
    """The inputs of `user_id`'s match `match_id` (no lock). Raises `MatchNotFound`,
    `NoProfile`."""
    match = own_match(db, user_id, match_id)
    profile = _profile(db, user_id)
    posting = _posting_data(db, match.job_posting_id)
    research = (
        db.get(CompanyResearch, match.company_research_id) if match.company_research_id else None
    )
    artifact = artifact_for(db, user_id, match.id)
    return LetterInputs(
        user_id=user_id,
        match_id=match.id,
        profile=profile,
        posting=posting,
        skills=list(match.matched_skills or []),
        summary=research.summary if research is not None else None,
        has_application=artifact is not None,
    )


def _write_cv(
    inputs: LetterInputs, store: FileStore, letter: CoverLetter | None = None
) -> WrittenCv:
    cv: TailoredCv = tailor_cv(inputs.profile, inputs.posting, inputs.skills, letter=letter)
    return WrittenCv(
        cv=cv.model_dump(mode="json"),
        cv_md=render_markdown(cv),
        pdf_key=store.put(render_pdf(cv), ".pdf"),
        docx_key=store.put(render_docx(cv), ".docx"),
    )


def write_letter(
    inputs: LetterInputs,
    *,
    store: FileStore | None = None,
    settings: Settings | None = None,
    meter: UsageMeter | None = None,
) -> WrittenLetter:
    """Write the letter (new wording) and store its PDF and DOCX: by the LLM when
    configured, offline otherwise or when it fails. Touches no database: call it
    with no transaction open (an LLM call may take minutes)."""
    settings = settings or get_settings()
    store = file_store(store)
    letter, writer, flagged, fallback = _write_letter(
        inputs.profile, inputs.posting, inputs.skills, inputs.summary, settings, meter
    )
    return WrittenLetter(
        letter=letter,
        letter_md=render_markdown(letter),
        writer=writer,
        flagged=flagged,
        pdf_key=store.put(render_pdf(letter), ".pdf"),
        docx_key=store.put(render_docx(letter), ".docx"),
        cv=None if inputs.has_application else _write_cv(inputs, store, letter),
        fallback=fallback,
    )


def store_letter(
    db: DbSession,
    inputs: LetterInputs,
    written: WrittenLetter,
    *,
    store: FileStore | None = None,
) -> Artifact:
    """Put a written letter on its match, replacing the current letter and the
    generated one (the person's edits go: that is what "regenerate" means). A short
    transaction: the match is locked, checked to be still the user's, and updated.
    Raises `MatchNotFound` when the match went away meanwhile."""
    match = own_match(db, inputs.user_id, inputs.match_id, lock=True)
    artifact = artifact_for(db, inputs.user_id, match.id)
    if artifact is None:
        # Written without a CV because one existed when the inputs were read; it
        # has gone since (rare): write the CV now rather than store half an application.
        cv = written.cv or _write_cv(inputs, file_store(store), written.letter)
        artifact = Artifact(user_id=inputs.user_id, matched_job_id=match.id)
        db.add(artifact)
        artifact.cv = cv.cv
        artifact.cv_md = cv.cv_md
        artifact.cv_pdf_key = cv.pdf_key
        artifact.cv_docx_key = cv.docx_key
    artifact.language = written.letter.language
    artifact.cover_letter = written.letter.model_dump(mode="json")
    artifact.cover_letter_md = written.letter_md
    artifact.generated_cover_letter_md = written.letter_md
    artifact.cover_letter_pdf_key = written.pdf_key
    artifact.cover_letter_docx_key = written.docx_key
    artifact.writer = written.writer
    artifact.flagged_claims = written.flagged
    match.fabrication_status = StepStatus.DONE
    match.fabrication_error = None
    db.flush()
    return artifact


def regenerate_letter(
    db: DbSession,
    user_id: str,
    match_id: str,
    *,
    store: FileStore | None = None,
    settings: Settings | None = None,
) -> Artifact:
    """Write the letter again in the caller's session, for scripts and tests: the
    web app queues a `letter` run instead (`services.letters.request_letter`), so a
    worker writes it (an LLM call may take minutes). The match is locked only to
    store the result.

    Raises `MatchNotFound`, `NoProfile`.
    """
    inputs = read_letter_inputs(db, user_id, match_id)
    written = write_letter(inputs, store=store, settings=settings)
    return store_letter(db, inputs, written, store=store)


# -- on a worker: start_letter creates the run, the `letter` workflow writes it --------


class LetterInProgress(TrackingError):
    def __init__(self) -> None:
        super().__init__(
            "A new letter for this match is already being written; wait for it to finish."
        )


def active_letter_run(db: DbSession, user_id: str, match_id: str) -> Run | None:
    """`user_id`'s pending or running letter run for `match_id`, if any."""
    runs = db.scalars(
        readable_runs(user_id).where(
            Run.kind == RunKind.LETTER,
            Run.status.in_([RunStatus.PENDING, RunStatus.RUNNING]),
        )
    )
    # Few at a time; compared here rather than in a JSON expression per dialect.
    return next((run for run in runs if (run.params or {}).get("match_id") == match_id), None)


def start_letter(db: DbSession, user_id: str, match_id: str, *, allow_list: frozenset[str]) -> Run:
    """A pending letter run for `user_id`'s match, to queue once committed
    (`queue_after_commit`, as `services.letters.request_letter` does).

    Raises `MatchNotFound`, `NoProfile`, `LetterInProgress`, `AccessDenied`.
    """
    # Locked for this short transaction only: two starts for one match queue one run.
    match = own_match(db, user_id, match_id, lock=True)
    _profile(db, user_id)
    if active_letter_run(db, user_id, match.id) is not None:
        raise LetterInProgress()
    run = create_run(
        db, user_id, RunKind.LETTER, allow_list=allow_list, params={"match_id": match.id}
    )
    run.task_id = new_task_id()
    run.progress_total = LETTER_STEPS
    db.flush()
    return run


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
    meter: UsageMeter | None = None,
) -> tuple[CoverLetter, str, list[str], str | None]:
    """(letter, writer, flagged claims, why the LLM was not used or None)."""
    fallback = None
    if settings.llm_enabled:
        from jobagent_core.llm import LlmClient, LlmError

        try:
            client = LlmClient.from_settings(settings, meter=meter)
            try:
                letter, flagged = write_cover_letter_llm(
                    client, profile, posting, matched_skills=skills, research_summary=summary
                )
            finally:
                client.close()
            return letter, "llm", flagged, None
        except LlmError as err:
            log.warning("the LLM could not write a letter; writing it offline", exc_info=True)
            fallback = (
                f"The language model could not write the letter ({err}); "
                "it was written offline instead."
            )
    # A fresh seed each time: "regenerate" means other wording.
    seed = f"{posting.source}:{posting.source_id}:{secrets.token_hex(4)}"
    letter = write_cover_letter_offline(
        profile, posting, matched_skills=skills, research_summary=summary, seed=seed
    )
    return letter, "offline", [], fallback


def letter_is_edited(artifact: Artifact) -> bool:
    """Whether the letter's text differs from what the writer produced."""
    return artifact.cover_letter_md.strip() != artifact.generated_cover_letter_md.strip()
