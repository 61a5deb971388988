"""Saved searches: a job search kept with a schedule, run by the scheduler's tick."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, false
from sqlalchemy.orm import Mapped, mapped_column

from jobagent_core.db.base import Base, JSONType, created_at_column, id_column, updated_at_column


class SavedSearch(Base):
    """What to search for (as a job search) and when (scheduling/slots.py).

    The web app's database role may not delete rows, so deleting one sets
    `deleted_at`; every read skips those.
    """

    __tablename__ = "saved_searches"
    __table_args__ = (
        Index(None, "user_id", "created_at"),
        # The tick asks "which are due?" every minute.
        Index(None, "next_run_at"),
    )

    id: Mapped[str] = id_column()
    user_id: Mapped[str] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    title: Mapped[str]
    location: Mapped[str | None]
    remote_only: Mapped[bool] = mapped_column(default=False, server_default=false())
    remote: Mapped[str]  # discovery.filters.REMOTE_OPTIONS
    sources: Mapped[list[str]] = mapped_column(JSONType, default=list)
    filters: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    schedule_kind: Mapped[str]  # "daily", "weekdays", "weekly"
    time_of_day: Mapped[str]  # "HH:MM" in `time_zone`
    weekday: Mapped[int | None]  # 0 = Monday; weekly schedules only
    time_zone: Mapped[str]  # IANA name
    paused: Mapped[bool] = mapped_column(default=False, server_default=false())
    # When the tick next starts it (None while paused or deleted).
    next_run_at: Mapped[datetime | None]
    last_run_id: Mapped[str | None] = mapped_column(
        ForeignKey("runs.id", ondelete="SET NULL"), index=True
    )
    # Why the last scheduled start made no run (access revoked, a source gone).
    last_error: Mapped[str | None]
    created_at: Mapped[datetime] = created_at_column()
    updated_at: Mapped[datetime] = updated_at_column()
    deleted_at: Mapped[datetime | None]
