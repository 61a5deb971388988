"""delivery settings and stage history

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "matched_jobs",
        sa.Column(
            "stage_history",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            server_default=sa.text("'[]'"),
            nullable=False,
        ),
    )
    op.add_column(
        "user",
        sa.Column("delivery_enabled", sa.Boolean(), server_default=sa.text("true"), nullable=False),
    )
    op.add_column("user", sa.Column("delivery_email", sa.Text(), nullable=True))


def downgrade() -> None:
    op.drop_column("user", "delivery_email")
    op.drop_column("user", "delivery_enabled")
    op.drop_column("matched_jobs", "stage_history")
