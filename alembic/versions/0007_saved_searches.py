"""saved searches: a job search kept with a schedule

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06

A saved search is what to search for (title, place, sources, filters) and when
(daily, weekdays or weekly at a time in the person's zone). The scheduler's tick
starts an ordinary job-search run for each one whose `next_run_at` has passed.
Deleting one sets `deleted_at`: the web app's role may not delete rows.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "saved_searches",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("user_id", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("location", sa.Text(), nullable=True),
        sa.Column("remote_only", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("remote", sa.Text(), nullable=False),
        sa.Column("sources", _JSON, nullable=False),
        sa.Column("filters", _JSON, nullable=False),
        sa.Column("schedule_kind", sa.Text(), nullable=False),
        sa.Column("time_of_day", sa.Text(), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=True),
        sa.Column("time_zone", sa.Text(), nullable=False),
        sa.Column("paused", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("next_run_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_run_id", sa.Text(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["last_run_id"],
            ["runs.id"],
            name=op.f("saved_searches_last_run_id_fkey"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user.id"], name=op.f("saved_searches_user_id_fkey"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("saved_searches_pkey")),
    )
    op.create_index(
        op.f("saved_searches_last_run_id_idx"), "saved_searches", ["last_run_id"], unique=False
    )
    op.create_index(
        op.f("saved_searches_next_run_at_idx"), "saved_searches", ["next_run_at"], unique=False
    )
    op.create_index(
        op.f("saved_searches_user_id_created_at_idx"),
        "saved_searches",
        ["user_id", "created_at"],
        unique=False,
    )
    op.create_index(op.f("saved_searches_user_id_idx"), "saved_searches", ["user_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("saved_searches_user_id_idx"), table_name="saved_searches")
    op.drop_index(op.f("saved_searches_user_id_created_at_idx"), table_name="saved_searches")
    op.drop_index(op.f("saved_searches_next_run_at_idx"), table_name="saved_searches")
    op.drop_index(op.f("saved_searches_last_run_id_idx"), table_name="saved_searches")
    op.drop_table("saved_searches")
