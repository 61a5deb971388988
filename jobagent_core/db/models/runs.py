"""Workflow runs and the searches that start them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, false, text
from sqlalchemy.orm import Mapped, mapped_column

from jobagent_core.db.base import Base, JSONType, created_at_column, id_column, updated_at_column
from jobagent_core.db.enums import RunStatus

_ZERO = text("0")


class JobSearch(Base):
    """What a person asked for: a title, a place, sources and filters."""

    __tablename__ = "job_searches"
    __table_args__ = (Index(None, "user_id", "created_at"),)

    id: Mapped[str] = id_column()
    user_id: Mapped[str] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    title: Mapped[str]
    location: Mapped[str | None]
    remote_only: Mapped[bool] = mapped_column(default=False, server_default=false())
    sources: Mapped[list[str]] = mapped_column(JSONType, default=list)
    filters: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    created_at: Mapped[datetime] = created_at_column()
    updated_at: Mapped[datetime] = updated_at_column()


class Run(Base):
    """One execution of a workflow; the only thing the UI reads to show progress."""

    __tablename__ = "runs"
    __table_args__ = (
        Index(None, "user_id", "created_at"),
        # The live poller asks "what changed since my last tick?"
        Index(None, "updated_at"),
        Index(None, "status"),
    )

    id: Mapped[str] = id_column()
    user_id: Mapped[str] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str]
    status: Mapped[str] = mapped_column(default=RunStatus.PENDING)
    task_id: Mapped[str | None] = mapped_column(index=True)
    job_search_id: Mapped[str | None] = mapped_column(
        ForeignKey("job_searches.id", ondelete="SET NULL"), index=True
    )
    params: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    current_step: Mapped[str | None]
    # Every step entered, in order: [{"label": ..., "at": iso time}, ...].
    steps: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)
    progress_done: Mapped[int] = mapped_column(default=0, server_default=_ZERO)
    progress_total: Mapped[int] = mapped_column(default=0, server_default=_ZERO)
    found_count: Mapped[int] = mapped_column(default=0, server_default=_ZERO)
    screened_count: Mapped[int] = mapped_column(default=0, server_default=_ZERO)
    matched_count: Mapped[int] = mapped_column(default=0, server_default=_ZERO)
    research_done: Mapped[int] = mapped_column(default=0, server_default=_ZERO)
    research_failed: Mapped[int] = mapped_column(default=0, server_default=_ZERO)
    fabrication_done: Mapped[int] = mapped_column(default=0, server_default=_ZERO)
    fabrication_failed: Mapped[int] = mapped_column(default=0, server_default=_ZERO)
    warnings: Mapped[list[str]] = mapped_column(JSONType, default=list)
    error_message: Mapped[str | None]
    attempts: Mapped[int] = mapped_column(default=0, server_default=_ZERO)
    created_at: Mapped[datetime] = created_at_column()
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    # Touched every few seconds by the worker executing the run; a running run
    # whose heartbeat stops is taken over by another worker.
    heartbeat_at: Mapped[datetime | None]
    updated_at: Mapped[datetime] = updated_at_column()
