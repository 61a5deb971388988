"""The e-mail digest survives a worker crash (security issue, item 7).

A worker killed while it hands the digest to the SMTP server used to leave the
run's matches claimed and nothing sent: the run taken over by the next worker
then said "skipped: already delivered", and nobody got the e-mail. Now the
digest's state is kept per run (claimed → sent, with its Message-ID): the next
attempt sends a claimed-but-unsent digest once, under the same Message-ID, and
the run says so; a sent digest is never sent again.

The first test goes through real Celery workers on PostgreSQL and Redis, with a
slow SMTP sink (tests/smtp_sink.py) that holds its answer to DATA long enough to
SIGKILL the worker in the middle of the hand-over. The others walk the state
machine directly on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import timedelta
from email.message import EmailMessage
from pathlib import Path

import pytest
import redis
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from jobagent_core.config import get_settings
from jobagent_core.db.enums import RunKind, RunStatus
from jobagent_core.db.models import (
    DigestDelivery,
    DigestStatus,
    JobPosting,
    JobSearch,
    MatchedJob,
    Run,
    User,
)
from jobagent_core.digest import (
    DigestClaim,
    DigestMatch,
    build_digest,
    claim_digest,
    deliver_once,
    send_claimed,
)
from jobagent_core.profiling.offline import extract_profile
from jobagent_core.profiling.profile_store import merge_profile
from jobagent_core.workflows.dispatch import queue_run
from jobagent_core.workflows.engine import claim_run
from jobagent_core.workflows.job_search_start import JobSearchRequest, start_job_search
from tests import cv_fixtures
from tests.conftest import PostgresDatabase
from tests.smtp_sink import SinkFactory, SmtpSink
from tests.smtp_sink import smtp_sink as smtp_sink
from tests.smtp_sink import smtp_sink_factory as smtp_sink_factory
from tests.worker_support import configure, running_worker, start_worker, wait_for

REDIS_DB = "15"  # each Redis-using test module has its own database (10-15)
RECIPIENT = "zoe@example.org"
# Far longer than it takes to kill the worker once the message has arrived; the
# kill ends the wait (the sink notices the hang-up), so no test waits this long.
SLOW_DATA_S = 60.0


def state_of(engine: Engine, run_id: str) -> DigestDelivery:
    with Session(engine) as db:
        state = db.scalars(select(DigestDelivery).filter_by(run_id=run_id)).one_or_none()
        assert state is not None, "no digest state recorded for the run"
        return state


def load_run(engine: Engine, run_id: str) -> Run:
    with Session(engine) as db:
        run = db.get(Run, run_id)
        assert run is not None
        return run


# --------------------------------------------------------------------------- a real crash


@pytest.fixture
def redis_url() -> Iterator[str]:
    url = f"redis://127.0.0.1:6379/{REDIS_DB}"
    redis.Redis.from_url(url).flushdb()
    yield url
    redis.Redis.from_url(url).flushdb()


def user_with_profile(engine: Engine) -> str:
    profile = extract_profile(cv_fixtures.render_txt(cv_fixtures.DATA_ENGINEER))
    with Session(engine) as db, db.begin():
        user = User(name=cv_fixtures.DATA_ENGINEER.name, email=RECIPIENT, email_verified=True)
        user.profile = merge_profile(profile, None, overwrite=True)
        user.suggested_job_titles = list(profile.suggested_job_titles)
        db.add(user)
        db.flush()
        return user.id


def queue_search(engine: Engine, user_id: str) -> str:
    request = JobSearchRequest(title="Data Engineer", location="Berlin", sources=["sample"])
    with Session(engine, expire_on_commit=False) as db, db.begin():
        run = start_job_search(db, user_id, request, get_settings())
    queue_run(engine, run)
    return run.id


@pytest.mark.integration
def test_a_worker_killed_while_sending_the_digest_leaves_it_to_the_next_one(
    monkeypatch: pytest.MonkeyPatch,
    pg_database: PostgresDatabase,
    pg_engine: Engine,
    redis_url: str,
    smtp_sink_factory: SinkFactory,
    tmp_path: Path,
) -> None:
    sink = smtp_sink_factory(data_delay_s=SLOW_DATA_S)
    configure(
        monkeypatch,
        pg_database,
        tmp_path,
        REDIS_URL=redis_url,
        SMTP_URL=sink.url,
        MATCH_TOP_K="3",
    )
    user_id = user_with_profile(pg_engine)

    first = start_worker(tmp_path / "first.log")
    try:
        run_id = queue_search(pg_engine, user_id)
        wait_for(
            lambda: sink.data_started >= 1,
            timeout_s=120,
            what=f"the first worker to hand the digest over:\n{first.log_text()[-3000:]}",
        )
        assert load_run(pg_engine, run_id).current_step == "Delivering"
    finally:
        first.kill()  # SIGKILL while the server has the message but has not answered
    wait_for(lambda: len(sink.dropped) == 1, timeout_s=30, what="the sink to see the hang-up")
    assert sink.messages == []  # the server never accepted the first hand-over
    claimed = state_of(pg_engine, run_id)
    assert (claimed.status, claimed.run_attempt) == (DigestStatus.CLAIMED, 1)

    sink.data_delay_s = 0.2  # still slow, no longer stuck
    with running_worker(tmp_path / "second.log") as second:
        wait_for(
            lambda: load_run(pg_engine, run_id).status in (RunStatus.COMPLETED, RunStatus.FAILED),
            timeout_s=120,
            what="the second worker to take the run over",
        )
        run = load_run(pg_engine, run_id)
        assert run.status == RunStatus.COMPLETED, (run.error_message, second.log_text()[-3000:])

    # Exactly one e-mail, the same message the killed worker had started to send.
    [received] = sink.messages
    [dropped] = sink.dropped
    message_id = received.message["Message-ID"]
    assert message_id
    assert message_id == dropped.message["Message-ID"] == claimed.message_id
    assert received.rcpt_tos == (RECIPIENT,)
    assert received.message["Subject"] == dropped.message["Subject"]

    assert run.attempts == 2
    state = state_of(pg_engine, run_id)
    assert (state.status, state.restarts, state.run_attempt) == (DigestStatus.SENT, 1, 2)
    assert state.message_id == message_id
    assert state.sent_at is not None
    matches = len(state.match_ids)
    assert matches >= 1
    what = f"{matches} match{'es' if matches != 1 else ''}"
    assert [w for w in run.warnings if "E-mail" in w] == [
        f"E-mail digest sent after a restart: {what} to {RECIPIENT} (Message-ID {message_id})."
    ], run.warnings
    with Session(pg_engine) as db:
        stamped = db.scalars(select(MatchedJob.delivered_at).where(MatchedJob.run_id == run_id))
        assert all(at is not None for at in stamped)


# --------------------------------------------------------------------------- the state machine


def seed_run(engine: Engine) -> str:
    """A pending job-search run with one match."""
    with Session(engine) as db, db.begin():
        user = User(name="Zoë", email=RECIPIENT, email_verified=True)
        db.add(user)
        db.flush()
        search = JobSearch(user_id=user.id, title="Data Engineer", location="Berlin")
        db.add(search)
        db.flush()
        run = Run(user_id=user.id, kind=RunKind.JOB_SEARCH, job_search_id=search.id)
        posting = JobPosting(
            source="sample",
            source_id="1",
            dedupe_key="k1",
            title="Data Engineer",
            company="ACME GmbH",
            company_key="acme",
        )
        db.add_all([run, posting])
        db.flush()
        db.add(MatchedJob(user_id=user.id, job_posting_id=posting.id, run_id=run.id, score=88))
        return run.id


def build(db: Session, matches: Sequence[MatchedJob]) -> EmailMessage:
    items = [DigestMatch("Data Engineer", "ACME GmbH", m.score) for m in matches]
    return build_digest(
        items, sender="jobs@jobagent.example", recipient=RECIPIENT, search_title="Data Engineer"
    )


def take_over(engine: Engine, run_id: str) -> None:
    """What the workflow engine does when a run's worker stopped heart-beating."""
    assert claim_run(engine, run_id, stale_after=timedelta(0))


def test_a_claimed_but_unsent_digest_is_sent_once_by_the_next_attempt(
    engine: Engine, smtp_sink: SmtpSink
) -> None:
    run_id = seed_run(engine)
    take_over(engine, run_id)  # attempt 1 starts

    # Attempt 1 claims and builds the digest, then its worker dies before sending.
    claim = claim_digest(engine, run_id, build)
    assert isinstance(claim, DigestClaim)
    claimed = state_of(engine, run_id)
    assert (claimed.status, claimed.run_attempt) == (DigestStatus.CLAIMED, 1)
    assert claimed.message_id == claim.message_id == claim.message["Message-ID"]

    # While attempt 1 may still be sending, nobody else sends.
    busy = deliver_once(engine, run_id, build, smtp_sink.url)
    assert busy.status == "skipped"
    assert busy.detail.startswith("skipped: already being sent (claimed at ")
    assert smtp_sink.messages == []

    # Attempt 2 (the run taken over) sends it once, under the recorded Message-ID.
    take_over(engine, run_id)
    sent = deliver_once(engine, run_id, build, smtp_sink.url)
    assert (sent.status, sent.restarted, sent.message_id) == ("sent", True, claim.message_id)
    assert sent.detail == (
        f"sent after a restart: 1 match to {RECIPIENT} (Message-ID {claim.message_id})"
    )
    [received] = smtp_sink.messages
    assert received.message["Message-ID"] == claim.message_id
    state = state_of(engine, run_id)
    assert (state.status, state.restarts, state.run_attempt) == (DigestStatus.SENT, 1, 2)
    assert state.sent_at is not None

    # Sent means never again: not by this attempt, a later one, or attempt 1 coming back.
    again = deliver_once(engine, run_id, build, smtp_sink.url)
    take_over(engine, run_id)
    later = deliver_once(engine, run_id, build, smtp_sink.url)
    expected = (
        f"skipped: already sent at {state.sent_at:%Y-%m-%d %H:%M:%S} UTC, "
        f"Message-ID {claim.message_id}"
    )
    assert (again.status, again.detail) == ("skipped", expected)
    assert (later.status, later.detail) == ("skipped", expected)
    zombie = send_claimed(engine, claim, smtp_sink.url)
    assert (zombie.status, zombie.detail) == (
        "skipped",
        "skipped: taken over by a later attempt of the run",
    )
    assert len(smtp_sink.messages) == 1
    assert state_of(engine, run_id).status == DigestStatus.SENT


def test_a_claim_that_outlived_its_attempt_is_not_sent_by_it(
    engine: Engine, smtp_sink: SmtpSink
) -> None:
    """Attempt 1 stalled past the stale limit: attempt 2 sends, attempt 1 then sends nothing."""
    run_id = seed_run(engine)
    take_over(engine, run_id)
    stalled = claim_digest(engine, run_id, build)
    assert isinstance(stalled, DigestClaim)

    take_over(engine, run_id)
    sent = deliver_once(engine, run_id, build, smtp_sink.url)
    assert (sent.status, sent.message_id) == ("sent", stalled.message_id)
    resumed = send_claimed(engine, stalled, smtp_sink.url)
    assert resumed.status == "skipped"
    assert len(smtp_sink.messages) == 1


def test_a_digest_whose_hand_over_broke_is_never_resent(engine: Engine) -> None:
    """A connection lost during DATA may have delivered: a takeover does not resend."""
    import asyncio

    from aiosmtpd.controller import Controller

    from tests.smtp_sink import HOST, free_port

    class HangUpOnData:
        async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
            transport = getattr(server, "transport", None)
            assert isinstance(transport, asyncio.Transport)
            transport.close()
            return "250 never seen"

    run_id = seed_run(engine)
    take_over(engine, run_id)
    port = free_port()
    controller = Controller(HangUpOnData(), hostname=HOST, port=port, ready_timeout=10)
    controller.start()
    try:
        broken = deliver_once(engine, run_id, build, f"smtp://{HOST}:{port}")
    finally:
        controller.stop()
    assert broken.status == "failed"
    assert state_of(engine, run_id).status == DigestStatus.UNCERTAIN

    take_over(engine, run_id)
    with SmtpSink() as sink:
        after = deliver_once(engine, run_id, build, sink.url)
        assert sink.messages == []
    assert after.status == "skipped"
    assert "never sent twice" in after.detail
    assert broken.message_id is not None
    assert broken.message_id in after.detail
