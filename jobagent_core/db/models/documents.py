"""Uploaded CVs."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from jobagent_core.db.base import Base, created_at_column, id_column


class Document(Base):
    """A file a person uploaded, stored under STORAGE_DIR by content hash."""

    __tablename__ = "documents"
    __table_args__ = (
        # Uploading the same file twice yields one row.
        UniqueConstraint("user_id", "sha256"),
        Index(None, "user_id", "created_at"),
    )

    id: Mapped[str] = id_column()
    user_id: Mapped[str] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str]
    media_type: Mapped[str]
    size_bytes: Mapped[int]
    sha256: Mapped[str]
    storage_key: Mapped[str]
    text: Mapped[str | None]
    created_at: Mapped[datetime] = created_at_column()
