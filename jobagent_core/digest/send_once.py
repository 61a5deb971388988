"""A run's digest goes out once, even when the worker sending it dies.

    result = deliver_once(engine, run_id, build_message, settings.SMTP_URL)

The state lives in `digest_deliveries` (one row per run):

    (none) ──claim──▶ claimed ──server took it──▶ sent        (never sent again)
                         │ ──connection broke in DATA──▶ uncertain (never sent again)
                         │ ──failed before DATA──▶ released ──claim──▶ claimed ...
                         └ worker died: the run's next attempt takes the claim over
                           and sends it, under the Message-ID recorded before the
                           first try, so a receiving server can tell it is the same

A claim records the run's attempt number (`runs.attempts`). The workflow engine
starts a new attempt only after the previous one stopped heart-beating, so a
claim still `claimed` from an earlier attempt belongs to a dead worker; one
from the current attempt is in progress (a concurrent or repeated call), and
is left alone.
"""

from __future__ import annotations

import logging
import ssl
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import make_msgid, parseaddr
from typing import Literal

from sqlalchemy import Engine, func, select, update
from sqlalchemy.orm import Session

from jobagent_core.db.base import utcnow
from jobagent_core.db.models import DigestDelivery, DigestStatus, MatchedJob, Run
from jobagent_core.digest.smtp import (
    DEFAULT_TIMEOUT_S,
    DeliveryError,
    parse_smtp_url,
    send_digest,
)

log = logging.getLogger(__name__)

BuildMessage = Callable[[Session, Sequence[MatchedJob]], EmailMessage]
_TAKEN_OVER = "skipped: taken over by a later attempt of the run"


@dataclass(frozen=True)
class DeliveryResult:
    """What `deliver_once` did. `status`: "sent", "skipped", "failed", or "off" (the
    server sends no e-mail, or the person turned digests off); `detail` a
    sentence for the run's log; `match_ids` the matches this attempt covered;
    `retry`: the matches were released, so a later attempt may send them;
    `message_id` the digest's Message-ID when one was recorded; `restarted`:
    this attempt sent a digest that a worker which died had claimed."""

    status: Literal["sent", "skipped", "failed", "off"]
    detail: str
    match_ids: tuple[str, ...] = ()
    retry: bool = False
    message_id: str | None = None
    restarted: bool = False


@dataclass(frozen=True)
class DigestClaim:
    """A run's digest, claimed by this attempt and ready to go: `send_claimed`."""

    run_id: str
    run_attempt: int
    match_ids: tuple[str, ...]
    message: EmailMessage
    message_id: str
    restarted: bool  # taken over from an earlier attempt whose worker died


def _state(db: Session, run_id: str) -> DigestDelivery | None:
    return db.scalars(select(DigestDelivery).where(DigestDelivery.run_id == run_id)).one_or_none()


def _when(moment: datetime | None) -> str:
    return f"{moment:%Y-%m-%d %H:%M:%S} UTC" if moment else "an unknown time"


def _settled(state: DigestDelivery, attempt: int) -> DeliveryResult | None:
    """The result for a run whose digest is not this attempt's to send; None if it is."""
    mid = f", Message-ID {state.message_id}" if state.message_id else ""
    if state.status == DigestStatus.SENT:
        return DeliveryResult(
            "skipped",
            f"skipped: already sent at {_when(state.sent_at)}{mid}",
            message_id=state.message_id,
        )
    if state.status == DigestStatus.UNCERTAIN:
        return DeliveryResult(
            "skipped",
            f"skipped: the connection broke while it was being sent at "
            f"{_when(state.updated_at)}{mid}; not sent again, so it is never sent twice",
            message_id=state.message_id,
        )
    if state.status == DigestStatus.CLAIMED and state.run_attempt >= attempt:
        return DeliveryResult(
            "skipped",
            f"skipped: already being sent (claimed at {_when(state.claimed_at)})",
            message_id=state.message_id,
        )
    return None


def _reserve(engine: Engine, run_id: str) -> tuple[DigestDelivery, bool] | DeliveryResult:
    """Claim the digest in one transaction: a fresh claim of the run's undelivered
    matches, or a takeover of a claim a dead attempt left unsent (True)."""
    now = utcnow()
    with Session(engine, expire_on_commit=False) as db, db.begin():
        # A write first: it locks the run's row on PostgreSQL and the database on
        # SQLite, so attempts for one run take turns from here to the commit.
        locked = (
            db.connection()
            .execute(update(Run).where(Run.id == run_id).values(updated_at=Run.updated_at))
            .rowcount
        )
        run = db.get(Run, run_id) if locked else None
        if run is None:
            raise LookupError(f"run {run_id} does not exist")
        attempt = run.attempts
        state = _state(db, run_id)
        if state is not None and state.status != DigestStatus.RELEASED:
            settled = _settled(state, attempt)
            if settled is not None:
                return settled
            # Claimed by an earlier attempt of this run, whose worker died.
            state.run_attempt = attempt
            state.restarts += 1
            state.error = None
            return state, True

        claimed = set(
            db.scalars(
                update(MatchedJob)
                .where(
                    MatchedJob.run_id == run_id,
                    MatchedJob.user_id == run.user_id,
                    MatchedJob.delivered_at.is_(None),
                )
                .values(delivered_at=now)
                .returning(MatchedJob.id)
                .execution_options(synchronize_session=False)
            )
        )
        if not claimed:
            total = db.scalar(
                select(func.count()).select_from(MatchedJob).where(MatchedJob.run_id == run_id)
            )
            detail = "skipped: already delivered" if total else "skipped: no matches to deliver"
            return DeliveryResult("skipped", detail)
        ordered = list(
            db.scalars(
                select(MatchedJob.id)
                .where(MatchedJob.id.in_(claimed))
                .order_by(MatchedJob.score.desc(), MatchedJob.id)
            )
        )
        if state is None:
            state = DigestDelivery(run_id=run_id)
            db.add(state)
        # A released claim keeps its Message-ID: nothing went out under it.
        state.status = DigestStatus.CLAIMED
        state.match_ids = ordered
        state.run_attempt = attempt
        state.error = None
        state.claimed_at = now
        state.sent_at = None
        return state, False


def _message_id(message: EmailMessage) -> str:
    """The message's Message-ID, given one (on `message`) if it has none."""
    existing = message.get("Message-ID")
    if existing:
        return str(existing).strip()
    domain = parseaddr(str(message.get("From", "")))[1].rpartition("@")[2]
    message["Message-ID"] = make_msgid("digest", domain=domain or "jobagent.localhost")
    return str(message["Message-ID"])


def claim_digest(
    engine: Engine, run_id: str, build_message: BuildMessage
) -> DigestClaim | DeliveryResult:
    """Claim `run_id`'s digest and build it, recording its Message-ID before anything
    is sent. Returns the claim, or the result when there is nothing to send (already
    sent, being sent, no matches). Raises LookupError for an unknown run; errors of
    `build_message` propagate after the claim is released."""
    reserved = _reserve(engine, run_id)
    if isinstance(reserved, DeliveryResult):
        return reserved
    state, restarted = reserved
    attempt, match_ids = state.run_attempt, tuple(state.match_ids)
    try:
        with Session(engine) as db:
            matches = db.scalars(
                select(MatchedJob)
                .where(MatchedJob.id.in_(match_ids))
                .order_by(MatchedJob.score.desc(), MatchedJob.id)
            ).all()
            message = build_message(db, matches)
    except BaseException as err:
        _release(engine, run_id, attempt, f"the digest could not be built ({type(err).__name__})")
        raise
    if state.message_id:  # the one recorded before the first try: the same message
        del message["Message-ID"]
        message["Message-ID"] = state.message_id
        message_id = state.message_id
    else:
        message_id = _message_id(message)
        with engine.begin() as conn:
            recorded = conn.execute(
                update(DigestDelivery)
                .where(
                    DigestDelivery.run_id == run_id,
                    DigestDelivery.status == DigestStatus.CLAIMED,
                    DigestDelivery.run_attempt == attempt,
                    DigestDelivery.message_id.is_(None),
                )
                .values(message_id=message_id)
            ).rowcount
        if not recorded:  # a later attempt took the run over meanwhile: it sends
            return DeliveryResult("skipped", _TAKEN_OVER)
    return DigestClaim(run_id, attempt, match_ids, message, message_id, restarted)


def send_claimed(
    engine: Engine,
    claim: DigestClaim,
    smtp_url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT_S,
    ssl_context: ssl.SSLContext | None = None,
) -> DeliveryResult:
    """Send a claimed digest and record the outcome: sent; uncertain when the
    connection broke during the hand-over (at most once beats twice); released
    when it failed before the server took it, so a later attempt may send it."""
    mid = claim.message_id
    if not _still_ours(engine, claim):  # a later attempt took the run over: it sends
        return DeliveryResult("skipped", _TAKEN_OVER, message_id=mid)
    try:
        send_digest(smtp_url, claim.message, timeout=timeout, ssl_context=ssl_context)
    except DeliveryError as err:
        if err.maybe_sent:
            log.warning("digest for run %s may or may not have been sent: %s", claim.run_id, err)
            _settle(engine, claim.run_id, DigestStatus.UNCERTAIN, str(err))
            return DeliveryResult(
                "failed",
                f"{err}; not retried, so it is never sent twice",
                claim.match_ids,
                message_id=mid,
            )
        _release(engine, claim.run_id, claim.run_attempt, str(err))
        return DeliveryResult("failed", f"not sent: {err}", (), retry=err.transient)
    _settle(engine, claim.run_id, DigestStatus.SENT)
    count = len(claim.match_ids)
    recipients = ", ".join(str(v) for v in claim.message.get_all("To", []))
    what = f"{count} match{'es' if count != 1 else ''} to {recipients}"
    if claim.restarted:
        log.warning("digest for run %s sent after a restart (Message-ID %s)", claim.run_id, mid)
        detail = f"sent after a restart: {what} (Message-ID {mid})"
    else:
        detail = f"sent: {what}"
    return DeliveryResult(
        "sent", detail, claim.match_ids, message_id=mid, restarted=claim.restarted
    )


def deliver_once(
    engine: Engine,
    run_id: str,
    build_message: BuildMessage,
    smtp_url: str | None,
    *,
    timeout: float = DEFAULT_TIMEOUT_S,
    ssl_context: ssl.SSLContext | None = None,
) -> DeliveryResult:
    """Send the digest of `run_id`'s matches unless it was already sent.

    The first attempt claims the run's undelivered matches (of the run's user)
    by stamping `matched_jobs.delivered_at` and recording the claim in
    `digest_deliveries`, in one committed transaction; `build_message(db,
    matches)` builds the message from them (highest score first) and its
    Message-ID is recorded before it is sent. A repeated or concurrent call
    sends nothing. A claim an earlier attempt of the run left unsent (its
    worker died) is sent once by the current attempt, with the recorded
    Message-ID. When sending fails before the server took the message, the
    claim is released (`retry` tells whether trying later may help); when the
    connection broke during the hand-over it is not: at most once beats twice.
    Without `smtp_url`, nothing is claimed or sent. Raises LookupError for an
    unknown run; errors of `build_message` propagate after the claim is released.
    """
    if not smtp_url:
        return DeliveryResult("off", "off: no SMTP configured")
    try:
        parse_smtp_url(smtp_url)
    except DeliveryError as err:
        return DeliveryResult("failed", f"not sent: {err}")
    claim = claim_digest(engine, run_id, build_message)
    if isinstance(claim, DeliveryResult):
        return claim
    return send_claimed(engine, claim, smtp_url, timeout=timeout, ssl_context=ssl_context)


def _still_ours(engine: Engine, claim: DigestClaim) -> bool:
    with engine.connect() as conn:
        owner = conn.execute(
            select(DigestDelivery.run_attempt).where(
                DigestDelivery.run_id == claim.run_id,
                DigestDelivery.status == DigestStatus.CLAIMED,
            )
        ).scalar_one_or_none()
    return owner == claim.run_attempt


def _settle(engine: Engine, run_id: str, status: DigestStatus, error: str | None = None) -> None:
    """Record how the hand-over ended. Whichever attempt sent it, it was sent."""
    values: dict[str, object] = {"status": status, "error": error}
    if status == DigestStatus.SENT:
        values["sent_at"] = utcnow()
    with engine.begin() as conn:
        conn.execute(
            update(DigestDelivery)
            .where(
                DigestDelivery.run_id == run_id,
                DigestDelivery.status == DigestStatus.CLAIMED,
            )
            .values(**values)
        )


def _release(engine: Engine, run_id: str, attempt: int, error: str) -> None:
    """Undo this attempt's claim (only while it is still ours): a later attempt may
    send the matches."""
    with Session(engine) as db, db.begin():
        released = (
            db.connection()
            .execute(
                update(DigestDelivery)
                .where(
                    DigestDelivery.run_id == run_id,
                    DigestDelivery.status == DigestStatus.CLAIMED,
                    DigestDelivery.run_attempt == attempt,
                )
                .values(status=DigestStatus.RELEASED, error=error[:500])
            )
            .rowcount
        )
        state = _state(db, run_id) if released else None
        if state is None:
            return
        db.execute(
            update(MatchedJob)
            .where(
                MatchedJob.id.in_(state.match_ids),
                MatchedJob.delivered_at == state.claimed_at,
            )
            .values(delivered_at=None)
            .execution_options(synchronize_session=False)
        )
