"""The four Better Auth tables, column for column (docs/architecture.md §3, a contract).

Column names are Better Auth's camelCase; Python attributes are snake_case. Extra
columns Better Auth ignores are snake_case in the database too. Better Auth's own
DDL has no database default for `updatedAt` on session/account nor for
`emailVerified`, so we always fill those from Python.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, false, true
from sqlalchemy.orm import Mapped, mapped_column

from jobagent_core.db.base import (
    Base,
    JSONType,
    created_at_column,
    id_column,
    updated_at_column,
)


class User(Base):
    __tablename__ = "user"

    id: Mapped[str] = id_column()
    name: Mapped[str]
    email: Mapped[str] = mapped_column(unique=True)
    email_verified: Mapped[bool] = mapped_column("emailVerified", default=False)
    image: Mapped[str | None]
    created_at: Mapped[datetime] = created_at_column("createdAt")
    updated_at: Mapped[datetime] = updated_at_column("updatedAt")

    # Job Agent's own columns (Better Auth ignores them).
    location: Mapped[str | None]
    profile_text: Mapped[str | None]
    profile: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    suggested_job_titles: Mapped[list[str] | None] = mapped_column(JSONType)
    source_pdfs: Mapped[list[str] | None] = mapped_column(JSONType)
    references: Mapped[list[dict[str, Any]] | None] = mapped_column(JSONType)
    last_used_at: Mapped[datetime | None]
    has_access: Mapped[bool] = mapped_column(default=False, server_default=false())
    # The e-mail digest: on unless turned off; sent to `email` unless another address is set.
    delivery_enabled: Mapped[bool] = mapped_column(default=True, server_default=true())
    delivery_email: Mapped[str | None]


class Session(Base):
    __tablename__ = "session"

    id: Mapped[str] = id_column()
    expires_at: Mapped[datetime] = mapped_column("expiresAt")
    token: Mapped[str] = mapped_column(unique=True)
    created_at: Mapped[datetime] = created_at_column("createdAt")
    updated_at: Mapped[datetime] = updated_at_column("updatedAt", server_default=False)
    ip_address: Mapped[str | None] = mapped_column("ipAddress")
    user_agent: Mapped[str | None] = mapped_column("userAgent")
    user_id: Mapped[str] = mapped_column(
        "userId", ForeignKey("user.id", ondelete="CASCADE"), index=True
    )


class Account(Base):
    __tablename__ = "account"

    id: Mapped[str] = id_column()
    account_id: Mapped[str] = mapped_column("accountId")
    provider_id: Mapped[str] = mapped_column("providerId")
    user_id: Mapped[str] = mapped_column(
        "userId", ForeignKey("user.id", ondelete="CASCADE"), index=True
    )
    access_token: Mapped[str | None] = mapped_column("accessToken")
    refresh_token: Mapped[str | None] = mapped_column("refreshToken")
    id_token: Mapped[str | None] = mapped_column("idToken")
    access_token_expires_at: Mapped[datetime | None] = mapped_column("accessTokenExpiresAt")
    refresh_token_expires_at: Mapped[datetime | None] = mapped_column("refreshTokenExpiresAt")
    scope: Mapped[str | None]
    password: Mapped[str | None]
    created_at: Mapped[datetime] = created_at_column("createdAt")
    updated_at: Mapped[datetime] = updated_at_column("updatedAt", server_default=False)


class Verification(Base):
    __tablename__ = "verification"

    id: Mapped[str] = id_column()
    identifier: Mapped[str] = mapped_column(index=True)
    value: Mapped[str]
    expires_at: Mapped[datetime] = mapped_column("expiresAt")
    created_at: Mapped[datetime] = created_at_column("createdAt")
    updated_at: Mapped[datetime] = updated_at_column("updatedAt")


__all__ = ["Account", "Session", "User", "Verification"]
