"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "company_research",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("company_key", sa.Text(), nullable=False),
        sa.Column("company_name", sa.Text(), nullable=False),
        sa.Column("website", sa.Text(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column(
            "facts",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "citations",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("method", sa.Text(), nullable=False),
        sa.Column(
            "researched_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
        ),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("company_research_pkey")),
        sa.UniqueConstraint("company_key", name=op.f("company_research_company_key_key")),
    )
    op.create_index(
        op.f("company_research_expires_at_idx"), "company_research", ["expires_at"], unique=False
    )
    op.create_table(
        "job_postings",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("source_id", sa.Text(), nullable=False),
        sa.Column("dedupe_key", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("company", sa.Text(), nullable=False),
        sa.Column("company_key", sa.Text(), nullable=False),
        sa.Column("location", sa.Text(), nullable=True),
        sa.Column("remote", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("employment_type", sa.Text(), nullable=True),
        sa.Column("seniority", sa.Text(), nullable=True),
        sa.Column("salary_min", sa.Double(), nullable=True),
        sa.Column("salary_max", sa.Double(), nullable=True),
        sa.Column("salary_currency", sa.Text(), nullable=True),
        sa.Column("language", sa.Text(), nullable=True),
        sa.Column("description_text", sa.Text(), nullable=False),
        sa.Column("description_html", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("apply_url", sa.Text(), nullable=True),
        sa.Column("posted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "extra",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("embedding", sa.LargeBinary(), nullable=True),
        sa.Column("embedding_model", sa.Text(), nullable=True),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("job_postings_pkey")),
        sa.UniqueConstraint("source", "source_id", name=op.f("job_postings_source_source_id_key")),
    )
    op.create_index(
        op.f("job_postings_company_key_idx"), "job_postings", ["company_key"], unique=False
    )
    op.create_index(
        op.f("job_postings_dedupe_key_idx"), "job_postings", ["dedupe_key"], unique=False
    )
    op.create_index(op.f("job_postings_posted_at_idx"), "job_postings", ["posted_at"], unique=False)
    op.create_index(op.f("job_postings_url_idx"), "job_postings", ["url"], unique=False)
    op.create_table(
        "user",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("email", sa.Text(), nullable=False),
        sa.Column("emailVerified", sa.Boolean(), nullable=False),
        sa.Column("image", sa.Text(), nullable=True),
        sa.Column(
            "createdAt", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column(
            "updatedAt", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column("location", sa.Text(), nullable=True),
        sa.Column("profile_text", sa.Text(), nullable=True),
        sa.Column(
            "profile",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ),
        sa.Column(
            "suggested_job_titles",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ),
        sa.Column(
            "source_pdfs",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ),
        sa.Column(
            "references",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("has_access", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("user_pkey")),
        sa.UniqueConstraint("email", name=op.f("user_email_key")),
    )
    op.create_table(
        "verification",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("identifier", sa.Text(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("expiresAt", sa.DateTime(timezone=True), nullable=False),
        sa.Column(
            "createdAt", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column(
            "updatedAt", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("verification_pkey")),
    )
    op.create_index(
        op.f("verification_identifier_idx"), "verification", ["identifier"], unique=False
    )
    op.create_table(
        "account",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("accountId", sa.Text(), nullable=False),
        sa.Column("providerId", sa.Text(), nullable=False),
        sa.Column("userId", sa.Text(), nullable=False),
        sa.Column("accessToken", sa.Text(), nullable=True),
        sa.Column("refreshToken", sa.Text(), nullable=True),
        sa.Column("idToken", sa.Text(), nullable=True),
        sa.Column("accessTokenExpiresAt", sa.DateTime(timezone=True), nullable=True),
        sa.Column("refreshTokenExpiresAt", sa.DateTime(timezone=True), nullable=True),
        sa.Column("scope", sa.Text(), nullable=True),
        sa.Column("password", sa.Text(), nullable=True),
        sa.Column(
            "createdAt", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column("updatedAt", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["userId"], ["user.id"], name=op.f("account_userId_fkey"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("account_pkey")),
    )
    op.create_index(op.f("account_userId_idx"), "account", ["userId"], unique=False)
    op.create_table(
        "documents",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("user_id", sa.Text(), nullable=False),
        sa.Column("filename", sa.Text(), nullable=False),
        sa.Column("media_type", sa.Text(), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.Text(), nullable=False),
        sa.Column("storage_key", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user.id"], name=op.f("documents_user_id_fkey"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("documents_pkey")),
        sa.UniqueConstraint("user_id", "sha256", name=op.f("documents_user_id_sha256_key")),
    )
    op.create_index(
        op.f("documents_user_id_created_at_idx"),
        "documents",
        ["user_id", "created_at"],
        unique=False,
    )
    op.create_index(op.f("documents_user_id_idx"), "documents", ["user_id"], unique=False)
    op.create_table(
        "job_searches",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("user_id", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("location", sa.Text(), nullable=True),
        sa.Column("remote_only", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column(
            "sources",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "filters",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user.id"], name=op.f("job_searches_user_id_fkey"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("job_searches_pkey")),
    )
    op.create_index(
        op.f("job_searches_user_id_created_at_idx"),
        "job_searches",
        ["user_id", "created_at"],
        unique=False,
    )
    op.create_index(op.f("job_searches_user_id_idx"), "job_searches", ["user_id"], unique=False)
    op.create_table(
        "session",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("expiresAt", sa.DateTime(timezone=True), nullable=False),
        sa.Column("token", sa.Text(), nullable=False),
        sa.Column(
            "createdAt", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column("updatedAt", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ipAddress", sa.Text(), nullable=True),
        sa.Column("userAgent", sa.Text(), nullable=True),
        sa.Column("userId", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["userId"], ["user.id"], name=op.f("session_userId_fkey"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("session_pkey")),
        sa.UniqueConstraint("token", name=op.f("session_token_key")),
    )
    op.create_index(op.f("session_userId_idx"), "session", ["userId"], unique=False)
    op.create_table(
        "runs",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("user_id", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("task_id", sa.Text(), nullable=True),
        sa.Column("job_search_id", sa.Text(), nullable=True),
        sa.Column(
            "params",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("current_step", sa.Text(), nullable=True),
        sa.Column(
            "steps",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("progress_done", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("progress_total", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("found_count", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("screened_count", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("matched_count", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("research_done", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("research_failed", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("fabrication_done", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("fabrication_failed", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column(
            "warnings",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("error_message", sa.Text(), nullable=True),
        sa.Column("attempts", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["job_search_id"],
            ["job_searches.id"],
            name=op.f("runs_job_search_id_fkey"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user.id"], name=op.f("runs_user_id_fkey"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("runs_pkey")),
    )
    op.create_index(op.f("runs_job_search_id_idx"), "runs", ["job_search_id"], unique=False)
    op.create_index(op.f("runs_status_idx"), "runs", ["status"], unique=False)
    op.create_index(op.f("runs_task_id_idx"), "runs", ["task_id"], unique=False)
    op.create_index(op.f("runs_updated_at_idx"), "runs", ["updated_at"], unique=False)
    op.create_index(
        op.f("runs_user_id_created_at_idx"), "runs", ["user_id", "created_at"], unique=False
    )
    op.create_index(op.f("runs_user_id_idx"), "runs", ["user_id"], unique=False)
    op.create_table(
        "matched_jobs",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("user_id", sa.Text(), nullable=False),
        sa.Column("job_posting_id", sa.Text(), nullable=False),
        sa.Column("run_id", sa.Text(), nullable=True),
        sa.Column("company_research_id", sa.Text(), nullable=True),
        sa.Column("score", sa.Double(), nullable=False),
        sa.Column("stage1_score", sa.Double(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column(
            "reasons",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "gaps",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "matched_skills",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("screened_by", sa.Text(), nullable=False),
        sa.Column("research_status", sa.Text(), nullable=False),
        sa.Column("research_attempts", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("research_error", sa.Text(), nullable=True),
        sa.Column("fabrication_status", sa.Text(), nullable=False),
        sa.Column(
            "fabrication_attempts", sa.Integer(), server_default=sa.text("0"), nullable=False
        ),
        sa.Column("fabrication_error", sa.Text(), nullable=True),
        sa.Column("delivered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("application_stage", sa.Text(), nullable=False),
        sa.Column("stage_changed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["company_research_id"],
            ["company_research.id"],
            name=op.f("matched_jobs_company_research_id_fkey"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["job_posting_id"],
            ["job_postings.id"],
            name=op.f("matched_jobs_job_posting_id_fkey"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["run_id"], ["runs.id"], name=op.f("matched_jobs_run_id_fkey"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user.id"], name=op.f("matched_jobs_user_id_fkey"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("matched_jobs_pkey")),
        sa.UniqueConstraint(
            "user_id", "job_posting_id", name=op.f("matched_jobs_user_id_job_posting_id_key")
        ),
    )
    op.create_index(
        op.f("matched_jobs_company_research_id_idx"),
        "matched_jobs",
        ["company_research_id"],
        unique=False,
    )
    op.create_index(
        op.f("matched_jobs_job_posting_id_idx"), "matched_jobs", ["job_posting_id"], unique=False
    )
    op.create_index(op.f("matched_jobs_run_id_idx"), "matched_jobs", ["run_id"], unique=False)
    op.create_index(
        op.f("matched_jobs_user_id_application_stage_idx"),
        "matched_jobs",
        ["user_id", "application_stage"],
        unique=False,
    )
    op.create_index(
        op.f("matched_jobs_user_id_created_at_idx"),
        "matched_jobs",
        ["user_id", "created_at"],
        unique=False,
    )
    op.create_index(op.f("matched_jobs_user_id_idx"), "matched_jobs", ["user_id"], unique=False)
    op.create_index(
        op.f("matched_jobs_user_id_score_idx"), "matched_jobs", ["user_id", "score"], unique=False
    )
    op.create_table(
        "artifacts",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("user_id", sa.Text(), nullable=False),
        sa.Column("matched_job_id", sa.Text(), nullable=False),
        sa.Column("language", sa.Text(), nullable=False),
        sa.Column(
            "cover_letter",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("cover_letter_md", sa.Text(), nullable=False),
        sa.Column("generated_cover_letter_md", sa.Text(), nullable=False),
        sa.Column(
            "cv",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("cv_md", sa.Text(), nullable=False),
        sa.Column("cover_letter_pdf_key", sa.Text(), nullable=True),
        sa.Column("cover_letter_docx_key", sa.Text(), nullable=True),
        sa.Column("cv_pdf_key", sa.Text(), nullable=True),
        sa.Column("cv_docx_key", sa.Text(), nullable=True),
        sa.Column("writer", sa.Text(), nullable=False),
        sa.Column(
            "flagged_claims",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["matched_job_id"],
            ["matched_jobs.id"],
            name=op.f("artifacts_matched_job_id_fkey"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user.id"], name=op.f("artifacts_user_id_fkey"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("artifacts_pkey")),
        sa.UniqueConstraint("matched_job_id", name=op.f("artifacts_matched_job_id_key")),
    )
    op.create_index(op.f("artifacts_user_id_idx"), "artifacts", ["user_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("artifacts_user_id_idx"), table_name="artifacts")
    op.drop_table("artifacts")
    op.drop_index(op.f("matched_jobs_user_id_score_idx"), table_name="matched_jobs")
    op.drop_index(op.f("matched_jobs_user_id_idx"), table_name="matched_jobs")
    op.drop_index(op.f("matched_jobs_user_id_created_at_idx"), table_name="matched_jobs")
    op.drop_index(op.f("matched_jobs_user_id_application_stage_idx"), table_name="matched_jobs")
    op.drop_index(op.f("matched_jobs_run_id_idx"), table_name="matched_jobs")
    op.drop_index(op.f("matched_jobs_job_posting_id_idx"), table_name="matched_jobs")
    op.drop_index(op.f("matched_jobs_company_research_id_idx"), table_name="matched_jobs")
    op.drop_table("matched_jobs")
    op.drop_index(op.f("runs_user_id_idx"), table_name="runs")
    op.drop_index(op.f("runs_user_id_created_at_idx"), table_name="runs")
    op.drop_index(op.f("runs_updated_at_idx"), table_name="runs")
    op.drop_index(op.f("runs_task_id_idx"), table_name="runs")
    op.drop_index(op.f("runs_status_idx"), table_name="runs")
    op.drop_index(op.f("runs_job_search_id_idx"), table_name="runs")
    op.drop_table("runs")
    op.drop_index(op.f("session_userId_idx"), table_name="session")
    op.drop_table("session")
    op.drop_index(op.f("job_searches_user_id_idx"), table_name="job_searches")
    op.drop_index(op.f("job_searches_user_id_created_at_idx"), table_name="job_searches")
    op.drop_table("job_searches")
    op.drop_index(op.f("documents_user_id_idx"), table_name="documents")
    op.drop_index(op.f("documents_user_id_created_at_idx"), table_name="documents")
    op.drop_table("documents")
    op.drop_index(op.f("account_userId_idx"), table_name="account")
    op.drop_table("account")
    op.drop_index(op.f("verification_identifier_idx"), table_name="verification")
    op.drop_table("verification")
    op.drop_table("user")
    op.drop_index(op.f("job_postings_url_idx"), table_name="job_postings")
    op.drop_index(op.f("job_postings_posted_at_idx"), table_name="job_postings")
    op.drop_index(op.f("job_postings_dedupe_key_idx"), table_name="job_postings")
    op.drop_index(op.f("job_postings_company_key_idx"), table_name="job_postings")
    op.drop_table("job_postings")
    op.drop_index(op.f("company_research_expires_at_idx"), table_name="company_research")
    op.drop_table("company_research")
