"""posting term statistics: stage 1's lexical features, stored once per posting

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06

Stage 1 used to re-read and re-stem every description on every search (BM25 was 90 %
of its time). A posting's stems, their counts, its length and its language flag are
now computed once and kept beside the embedding, with the version of their format:
rows of another version are recomputed, never misread.
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("job_postings", sa.Column("term_stats", sa.LargeBinary(), nullable=True))
    op.add_column("job_postings", sa.Column("term_stats_version", sa.Text(), nullable=True))


def downgrade() -> None:
    op.drop_column("job_postings", "term_stats_version")
    op.drop_column("job_postings", "term_stats")
