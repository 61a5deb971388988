"""Postings, the matches a person gets, company research and generated artifacts."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, LargeBinary, UniqueConstraint, false, text
from sqlalchemy.orm import Mapped, mapped_column

from jobagent_core.db.base import Base, JSONType, created_at_column, id_column, updated_at_column
from jobagent_core.db.enums import ApplicationStage, StepStatus

_ZERO = text("0")


class JobPosting(Base):
    """A posting in one normalised shape, whatever the source.

    Postings are public data shared by all users; what a user owns is the match.
    """

    __tablename__ = "job_postings"
    __table_args__ = (
        # Re-fetching a source updates the row instead of duplicating it.
        UniqueConstraint("source", "source_id"),
        Index(None, "dedupe_key"),
        Index(None, "url"),
        Index(None, "posted_at"),
        Index(None, "company_key"),
    )

    id: Mapped[str] = id_column()
    source: Mapped[str]
    source_id: Mapped[str]
    # company + normalised title + location: finds one job listed by several sources.
    dedupe_key: Mapped[str]
    title: Mapped[str]
    company: Mapped[str]
    company_key: Mapped[str]
    location: Mapped[str | None]
    remote: Mapped[bool] = mapped_column(default=False, server_default=false())
    employment_type: Mapped[str | None]
    seniority: Mapped[str | None]
    salary_min: Mapped[float | None]
    salary_max: Mapped[float | None]
    salary_currency: Mapped[str | None]
    language: Mapped[str | None]
    description_text: Mapped[str] = mapped_column(default="")
    description_html: Mapped[str | None]
    url: Mapped[str | None]
    apply_url: Mapped[str | None]
    posted_at: Mapped[datetime | None]
    extra: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    # Stage-1 matching embeds a posting once; the vector and its model are cached here.
    embedding: Mapped[bytes | None] = mapped_column(LargeBinary)
    embedding_model: Mapped[str | None]
    created_at: Mapped[datetime] = created_at_column()
    updated_at: Mapped[datetime] = updated_at_column()
    # Its stems with their counts, length and language flag (stage 1's BM25), likewise
    # computed once. Last: migration 0006 appended them to the table.
    term_stats: Mapped[bytes | None] = mapped_column(LargeBinary)
    term_stats_version: Mapped[str | None]


class CompanyResearch(Base):
    """What we learned about a company; cached and shared across users."""

    __tablename__ = "company_research"

    id: Mapped[str] = id_column()
    company_key: Mapped[str] = mapped_column(unique=True)
    company_name: Mapped[str]
    website: Mapped[str | None]
    summary: Mapped[str] = mapped_column(default="")
    facts: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    citations: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)
    method: Mapped[str] = mapped_column(default="offline")
    researched_at: Mapped[datetime] = created_at_column("researched_at")
    expires_at: Mapped[datetime | None] = mapped_column(index=True)
    created_at: Mapped[datetime] = created_at_column()
    updated_at: Mapped[datetime] = updated_at_column()


class MatchedJob(Base):
    """A posting screened as a match for one user, with its per-step progress."""

    __tablename__ = "matched_jobs"
    __table_args__ = (
        # One match per user and posting, however many runs find it again.
        UniqueConstraint("user_id", "job_posting_id"),
        Index(None, "user_id", "score"),
        Index(None, "user_id", "created_at"),
        Index(None, "user_id", "application_stage"),
    )

    id: Mapped[str] = id_column()
    user_id: Mapped[str] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    job_posting_id: Mapped[str] = mapped_column(
        ForeignKey("job_postings.id", ondelete="CASCADE"), index=True
    )
    run_id: Mapped[str | None] = mapped_column(
        ForeignKey("runs.id", ondelete="SET NULL"), index=True
    )
    company_research_id: Mapped[str | None] = mapped_column(
        ForeignKey("company_research.id", ondelete="SET NULL"), index=True
    )
    score: Mapped[float]
    stage1_score: Mapped[float | None]
    reason: Mapped[str] = mapped_column(default="")
    reasons: Mapped[list[str]] = mapped_column(JSONType, default=list)
    gaps: Mapped[list[str]] = mapped_column(JSONType, default=list)
    matched_skills: Mapped[list[str]] = mapped_column(JSONType, default=list)
    screened_by: Mapped[str] = mapped_column(default="offline")
    research_status: Mapped[str] = mapped_column(default=StepStatus.PENDING)
    research_attempts: Mapped[int] = mapped_column(default=0, server_default=_ZERO)
    research_error: Mapped[str | None]
    fabrication_status: Mapped[str] = mapped_column(default=StepStatus.PENDING)
    fabrication_attempts: Mapped[int] = mapped_column(default=0, server_default=_ZERO)
    fabrication_error: Mapped[str | None]
    delivered_at: Mapped[datetime | None]
    application_stage: Mapped[str] = mapped_column(default=ApplicationStage.NEW)
    stage_changed_at: Mapped[datetime | None]
    # Every stage change: [{"stage": "applied", "at": iso time}, ...].
    stage_history: Mapped[list[dict[str, Any]]] = mapped_column(
        JSONType, default=list, server_default=text("'[]'")
    )
    notes: Mapped[str | None]
    created_at: Mapped[datetime] = created_at_column()
    updated_at: Mapped[datetime] = updated_at_column()


class Artifact(Base):
    """The cover letter and tailored CV written for one match."""

    __tablename__ = "artifacts"

    id: Mapped[str] = id_column()
    user_id: Mapped[str] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    matched_job_id: Mapped[str] = mapped_column(
        ForeignKey("matched_jobs.id", ondelete="CASCADE"), unique=True
    )
    language: Mapped[str] = mapped_column(default="en")
    cover_letter: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    cover_letter_md: Mapped[str] = mapped_column(default="")
    # What the writer produced, kept so "revert to generated" never loses it.
    generated_cover_letter_md: Mapped[str] = mapped_column(default="")
    cv: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    cv_md: Mapped[str] = mapped_column(default="")
    cover_letter_pdf_key: Mapped[str | None]
    cover_letter_docx_key: Mapped[str | None]
    cv_pdf_key: Mapped[str | None]
    cv_docx_key: Mapped[str | None]
    writer: Mapped[str] = mapped_column(default="offline")
    flagged_claims: Mapped[list[str]] = mapped_column(JSONType, default=list)
    created_at: Mapped[datetime] = created_at_column()
    updated_at: Mapped[datetime] = updated_at_column()
