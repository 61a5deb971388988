"""Named API tokens for the HTTP API; only a hash is stored."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from jobagent_core.db.base import Base, created_at_column, id_column


class ApiToken(Base):
    __tablename__ = "api_tokens"

    id: Mapped[str] = id_column()
    user_id: Mapped[str] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    name: Mapped[str]
    # sha256 of the token: tokens are 240 random bits, so a fast hash is enough.
    token_hash: Mapped[str] = mapped_column(unique=True)
    # The first characters, shown in lists so a person can tell tokens apart.
    prefix: Mapped[str]
    created_at: Mapped[datetime] = created_at_column()
    last_used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]
