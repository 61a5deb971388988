"""Declarative base, portable column types and id generation shared by every model."""

from __future__ import annotations

import secrets
import string
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Dialect, MetaData, Text, func
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

# Constraint names follow PostgreSQL's and Prisma's own conventions, so `prisma db
# pull` yields no `map:` arguments and Better Auth's DDL and ours name things alike.
NAMING_CONVENTION = {
    "pk": "%(table_name)s_pkey",
    "ix": "%(table_name)s_%(column_0_N_name)s_idx",
    "uq": "%(table_name)s_%(column_0_N_name)s_key",
    "fk": "%(table_name)s_%(column_0_N_name)s_fkey",
    "ck": "%(table_name)s_%(constraint_name)s_check",
}

_ID_ALPHABET = string.ascii_letters + string.digits


def new_id() -> str:
    """A 32-character alphanumeric id, the shape Better Auth generates."""
    return "".join(secrets.choice(_ID_ALPHABET) for _ in range(32))


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """`timestamptz` on PostgreSQL; on SQLite (which has no zones) UTC stored naive.

    Values written must be timezone-aware; values read are always aware UTC.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; write timezone-aware UTC")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


# JSONB where it exists (indexable, compact), plain JSON elsewhere.
JSONType = JSON().with_variant(JSONB(), "postgresql")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: dict[Any, Any] = {datetime: UTCDateTime(), str: Text()}


def id_column() -> Mapped[str]:
    return mapped_column(primary_key=True, default=new_id)


def created_at_column(name: str = "created_at") -> Mapped[datetime]:
    return mapped_column(name, default=utcnow, server_default=func.now())


def updated_at_column(name: str = "updated_at", *, server_default: bool = True) -> Mapped[datetime]:
    return mapped_column(
        name,
        default=utcnow,
        onupdate=utcnow,
        server_default=func.now() if server_default else None,
    )
