"""Where a run's e-mail digest stands: claimed, then sent, with its Message-ID."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, text
from sqlalchemy.orm import Mapped, mapped_column

from jobagent_core.db.base import Base, JSONType, id_column, updated_at_column

_ZERO = text("0")


class DigestStatus(StrEnum):
    CLAIMED = "claimed"  # an attempt took the matches; sent or not, it has not said yet
    SENT = "sent"  # the SMTP server accepted the message: never sent again
    UNCERTAIN = "uncertain"  # the connection broke during DATA: never sent again
    RELEASED = "released"  # sending failed before the server took it: a later attempt may


class DigestDelivery(Base):
    """One row per run whose digest was claimed (see digest.deliver_once).

    `run_attempt` is the run's `attempts` when this claim was made or taken
    over: a claim left `claimed` by an earlier attempt of the run belongs to a
    worker that died (the workflow engine takes a run over only when its
    heartbeat stopped), so the current attempt sends it, under `message_id`.
    """

    __tablename__ = "digest_deliveries"

    id: Mapped[str] = id_column()
    run_id: Mapped[str] = mapped_column(ForeignKey("runs.id", ondelete="CASCADE"), unique=True)
    status: Mapped[str] = mapped_column(default=DigestStatus.CLAIMED)
    # Set before the message goes out; a resend after a restart reuses it, so a
    # receiving server can recognise the same message.
    message_id: Mapped[str | None]
    # The matches the claim covers (highest score first).
    match_ids: Mapped[list[str]] = mapped_column(JSONType, default=list)
    run_attempt: Mapped[int] = mapped_column(default=0, server_default=_ZERO)
    # How often a later attempt of the run took the claim over after a crash.
    restarts: Mapped[int] = mapped_column(default=0, server_default=_ZERO)
    # Why the last attempt did not send (no password, ever).
    error: Mapped[str | None]
    claimed_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
    updated_at: Mapped[datetime] = updated_at_column()
