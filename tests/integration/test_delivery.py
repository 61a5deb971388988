"""The e-mail digest over real SMTP: tests/smtp_sink.py runs aiosmtpd on 127.0.0.1
(plain, STARTTLS with login, implicit TLS); the message has text and HTML parts
and the PDFs; a run's digest goes out once however often delivery is attempted;
SMTP_URL options parse; failures read well and never show the password.

With SMTP_TEST_URL set (and SMTP_TEST_TO, unless the URL's user is an address),
the delivery test also runs against that real server; the parametrisation is
built from the environment, so nothing is skipped when it is unset.
"""

from __future__ import annotations

import os
import re
import ssl
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from jobagent_core.db.enums import RunKind
from jobagent_core.db.models import (
    Artifact,
    DigestDelivery,
    DigestStatus,
    JobPosting,
    JobSearch,
    MatchedJob,
    Run,
    User,
)
from jobagent_core.digest import (
    Attachment,
    DeliveryError,
    DigestMatch,
    build_digest,
    deliver_once,
    digest_subject,
    load_digest_matches,
    parse_smtp_url,
    safe_filename,
    send_digest,
    sender_address,
)
from tests.smtp_sink import HOST, SinkFactory, SmtpSink, free_port
from tests.smtp_sink import smtp_sink as smtp_sink
from tests.smtp_sink import smtp_sink_factory as smtp_sink_factory

pytestmark = [
    pytest.mark.integration,
    # aiosmtpd's notice about the test sinks that take a login without STARTTLS.
    pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS"),
]

PASSWORD = "hunter2-Sécret/?#"
SENDER = "jobs@jobagent.example"
LETTER_PDF = b"%PDF-1.7\n% cover letter\n" + bytes(range(256))
CV_PDF = b"%PDF-1.7\n% cv\n" + bytes(range(256))


@dataclass(frozen=True)
class Target:
    url: str
    recipient: str
    ssl_context: ssl.SSLContext | None = None
    sink: SmtpSink | None = None  # None: a real server, whose inbox we cannot read


def _targets() -> list[str]:
    return ["sink", "SMTP_TEST_URL"] if os.environ.get("SMTP_TEST_URL") else ["sink"]


@pytest.fixture(params=_targets())
def target(request: pytest.FixtureRequest, smtp_sink_factory: SinkFactory) -> Target:
    if request.param == "sink":
        sink = smtp_sink_factory(tls="starttls", auth=("mailer", PASSWORD))
        return Target(sink.url, "zoe@example.org", sink.client_context, sink)
    url = os.environ["SMTP_TEST_URL"]
    recipient = os.environ.get("SMTP_TEST_TO") or parse_smtp_url(url).username or ""
    assert "@" in recipient, "set SMTP_TEST_TO to the address the test digest goes to"
    return Target(url, recipient)


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class Seeded:
    run_id: str
    user_email: str
    run_match_ids: frozenset[str]
    other_match_ids: frozenset[str]
    files: dict[str, bytes]


def seed(engine: Engine, recipient: str = "zoe@example.org") -> Seeded:
    """A user with a run of two matches (letters, PDFs), a match from an older run,
    and another user's match wrongly pointing at the same run."""
    files = {"letter-1": LETTER_PDF, "cv-1": CV_PDF, "letter-2": LETTER_PDF, "cv-2": CV_PDF}
    with Session(engine) as db, db.begin():
        user = User(name="Zoë Müller", email=recipient, email_verified=True)
        other = User(name="Other", email="other@example.org", email_verified=True)
        db.add_all([user, other])
        db.flush()
        search = JobSearch(user_id=user.id, title="Data Engineer", location="Berlin")
        db.add(search)
        db.flush()
        run = Run(user_id=user.id, kind=RunKind.JOB_SEARCH, job_search_id=search.id)
        old_run = Run(user_id=user.id, kind=RunKind.JOB_SEARCH, job_search_id=search.id)
        db.add_all([run, old_run])
        db.flush()
        postings = [
            JobPosting(
                source="sample",
                source_id=str(n),
                dedupe_key=f"k{n}",
                title=title,
                company=company,
                company_key=company.lower(),
                location="Berlin, Germany",
                url=f"https://jobs.example/{n}",
            )
            for n, (title, company) in enumerate(
                [
                    ("Data Engineer", "ACME GmbH"),
                    ("Senior Data Engineer <Platform>", "Beta & Söhne"),
                    ("Analyst", "Gamma"),
                    ("Engineer", "Delta"),
                ]
            )
        ]
        db.add_all(postings)
        db.flush()
        first = MatchedJob(
            user_id=user.id,
            job_posting_id=postings[0].id,
            run_id=run.id,
            score=81.6,
            reasons=["Python and SQL match", "Berlin", "Airflow experience", "fourth reason"],
        )
        second = MatchedJob(
            user_id=user.id,
            job_posting_id=postings[1].id,
            run_id=run.id,
            score=92.2,
            reason="Strong platform background",
        )
        older = MatchedJob(
            user_id=user.id, job_posting_id=postings[2].id, run_id=old_run.id, score=70
        )
        foreign = MatchedJob(
            user_id=other.id, job_posting_id=postings[3].id, run_id=run.id, score=99
        )
        db.add_all([first, second, older, foreign])
        db.flush()
        for n, match in enumerate([first, second], 1):
            db.add(
                Artifact(
                    user_id=user.id,
                    matched_job_id=match.id,
                    cover_letter_md=f"Dear hiring team,\n\nLetter **{n}** for you.\n\nZoë",
                    cover_letter_pdf_key=f"letter-{n}",
                    cv_pdf_key=f"cv-{n}",
                )
            )
        return Seeded(
            run_id=run.id,
            user_email=recipient,
            run_match_ids=frozenset({first.id, second.id}),
            other_match_ids=frozenset({older.id, foreign.id}),
            files=files,
        )


def builder(seeded: Seeded, calls: list[int] | None = None) -> Callable[..., EmailMessage]:
    def build(db: Session, matches: Sequence[MatchedJob]) -> EmailMessage:
        if calls is not None:
            calls.append(len(matches))
        items = load_digest_matches(db, matches, read_file=seeded.files.__getitem__)
        return build_digest(
            items,
            sender=SENDER,
            recipient=seeded.user_email,
            search_title="Data Engineer",
            search_location="Berlin",
            app_url="https://jobagent.example/",
        )

    return build


def digest_state(engine: Engine, run_id: str) -> DigestDelivery | None:
    with Session(engine) as db:
        return db.scalars(select(DigestDelivery).filter_by(run_id=run_id)).one_or_none()


def delivered(engine: Engine) -> dict[str, bool]:
    with Session(engine) as db:
        return {m.id: m.delivered_at is not None for m in db.scalars(select(MatchedJob))}


# --------------------------------------------------------------------------- delivery


def test_the_digest_is_delivered_once_per_run(engine: Engine, target: Target) -> None:
    seeded = seed(engine, target.recipient)
    calls: list[int] = []
    build = builder(seeded, calls)

    result = deliver_once(engine, seeded.run_id, build, target.url, ssl_context=target.ssl_context)
    assert result.status == "sent", result.detail
    assert result.detail == f"sent: 2 matches to {target.recipient}"
    assert set(result.match_ids) == seeded.run_match_ids
    marks = delivered(engine)
    assert all(marks[i] for i in seeded.run_match_ids)
    assert not any(marks[i] for i in seeded.other_match_ids)  # older run, other user

    state = digest_state(engine, seeded.run_id)
    assert state is not None
    assert state.status == DigestStatus.SENT
    assert state.sent_at is not None
    assert state.message_id == result.message_id
    assert set(state.match_ids) == seeded.run_match_ids

    again = deliver_once(engine, seeded.run_id, build, target.url, ssl_context=target.ssl_context)
    assert (again.status, again.detail, again.match_ids) == (
        "skipped",
        f"skipped: already sent at {state.sent_at:%Y-%m-%d %H:%M:%S} UTC, "
        f"Message-ID {result.message_id}",
        (),
    )
    assert calls == [2]  # the second attempt built nothing and sent nothing

    if target.sink is not None:
        [received] = target.sink.messages
        assert received.message["Message-ID"] == result.message_id
        assert received.tls
        assert received.login == "mailer"
        assert received.mail_from == SENDER
        assert received.rcpt_tos == (target.recipient,)
        check_digest(received.message, target.recipient)


def check_digest(message: EmailMessage, recipient: str) -> None:
    assert message["Subject"] == "Job Agent: 2 matches for Data Engineer in Berlin"
    assert message["From"] == SENDER
    assert message["To"] == recipient
    assert message["Date"]
    assert message["Message-ID"].endswith("@jobagent.example>")
    assert message.get_content_type() == "multipart/mixed"
    text_part = message.get_body(("plain",))
    html_part = message.get_body(("html",))
    assert text_part is not None
    assert html_part is not None
    text, html = text_part.get_content(), html_part.get_content()
    # Highest score first, each with company, score, its top reasons and its letter.
    assert text.index("Senior Data Engineer <Platform> at Beta & Söhne") < text.index(
        "Data Engineer at ACME GmbH"
    )
    assert "score 92/100" in text
    assert "score 82/100" in text
    assert "- Python and SQL match" in text
    assert "- Strong platform background" in text
    assert "fourth reason" not in text  # the top three reasons only
    assert "Letter 2 for you." in text  # Markdown read as text
    assert "Senior Data Engineer &lt;Platform&gt;" in html
    assert "Beta &amp; Söhne" in html
    assert "<strong>1</strong>" in html
    assert '<a href="https://jobs.example/0">Data Engineer</a>' in html
    # Each match links to its page in the app (letter, CV, tracking).
    pages = re.findall(r"Letter, CV and tracking: (https://jobagent\.example/matches/\S+)", text)
    assert len(pages) == 2
    for page in pages:
        assert f'<a href="{page}">Letter, CV and tracking in Job Agent</a>' in html
    attachments = list(message.iter_attachments())
    names = [part.get_filename() for part in attachments]
    assert names == [
        "Cover letter - Beta _ Söhne - Senior Data Engineer _Platform.pdf",
        "CV - Beta _ Söhne - Senior Data Engineer _Platform.pdf",
        "Cover letter - ACME GmbH - Data Engineer.pdf",
        "CV - ACME GmbH - Data Engineer.pdf",
    ]
    for part in attachments:
        assert part.get_content_type() == "application/pdf"
        assert part.get_content() in (LETTER_PDF, CV_PDF)


def test_concurrent_attempts_send_one_message(engine: Engine, smtp_sink: SmtpSink) -> None:
    seeded = seed(engine)
    barrier = threading.Barrier(3)
    results: list[str] = []

    def attempt() -> None:
        barrier.wait(5)
        results.append(deliver_once(engine, seeded.run_id, builder(seeded), smtp_sink.url).status)

    threads = [threading.Thread(target=attempt) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(results) == ["sent", "skipped", "skipped"]
    assert len(smtp_sink.messages) == 1
    state = digest_state(engine, seeded.run_id)
    assert state is not None
    assert state.status == DigestStatus.SENT
    assert state.message_id == smtp_sink.messages[0].message["Message-ID"]


def test_without_smtp_nothing_is_claimed(engine: Engine) -> None:
    seeded = seed(engine)
    for url in (None, ""):
        result = deliver_once(engine, seeded.run_id, builder(seeded), url)
        assert (result.status, result.detail) == ("off", "off: no SMTP configured")
    assert not any(delivered(engine).values())


def test_a_failed_send_releases_the_matches_for_a_later_attempt(
    engine: Engine,
    smtp_sink: SmtpSink,
) -> None:
    seeded = seed(engine)
    closed = f"smtp://{HOST}:{free_port()}"
    failed = deliver_once(engine, seeded.run_id, builder(seeded), closed, timeout=5)
    assert failed.status == "failed"
    assert failed.retry is True
    assert failed.detail.startswith("not sent: nothing accepts connections at 127.0.0.1:")
    assert not any(delivered(engine).values())
    released = digest_state(engine, seeded.run_id)
    assert released is not None
    assert released.status == DigestStatus.RELEASED
    assert released.error is not None
    assert released.error.startswith("nothing accepts connections")

    sent = deliver_once(engine, seeded.run_id, builder(seeded), smtp_sink.url)
    assert sent.status == "sent"
    assert sent.detail == "sent: 2 matches to zoe@example.org"  # no restart: just a retry
    assert len(smtp_sink.messages) == 1
    state = digest_state(engine, seeded.run_id)
    assert state is not None
    assert (state.status, state.error, state.restarts) == (DigestStatus.SENT, None, 0)


def test_a_builder_error_releases_the_claim(engine: Engine, smtp_sink: SmtpSink) -> None:
    seeded = seed(engine)

    def broken(db: Session, matches: Sequence[MatchedJob]) -> EmailMessage:
        raise FileNotFoundError("storage is gone")

    with pytest.raises(FileNotFoundError):
        deliver_once(engine, seeded.run_id, broken, smtp_sink.url)
    assert not any(delivered(engine).values())
    state = digest_state(engine, seeded.run_id)
    assert state is not None
    assert state.status == DigestStatus.RELEASED
    with pytest.raises(LookupError):
        deliver_once(engine, "no-such-run", broken, smtp_sink.url)
    assert digest_state(engine, "no-such-run") is None


class _HangUpOnData:
    """Receives the whole message, then drops the connection instead of answering."""

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        server.transport.close()
        return "250 never seen"


def test_a_connection_lost_during_data_is_not_retried(engine: Engine) -> None:
    seeded = seed(engine)
    port = free_port()
    controller = Controller(_HangUpOnData(), hostname=HOST, port=port, ready_timeout=10)
    controller.start()
    try:
        result = deliver_once(engine, seeded.run_id, builder(seeded), f"smtp://{HOST}:{port}")
    finally:
        controller.stop()
    assert result.status == "failed"
    assert result.retry is False
    assert "may or may not have been delivered" in result.detail
    assert "never sent twice" in result.detail
    marks = delivered(engine)
    assert all(marks[i] for i in seeded.run_match_ids)  # at most once beats twice
    state = digest_state(engine, seeded.run_id)
    assert state is not None
    assert state.status == DigestStatus.UNCERTAIN
    with SmtpSink() as sink:
        again = deliver_once(engine, seeded.run_id, builder(seeded), sink.url)
        assert sink.messages == []
    assert again.status == "skipped"
    assert "never sent twice" in again.detail


# --------------------------------------------------------------------------- SMTP_URL and TLS


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("smtp://mail.example.org", ("mail.example.org", 587, False, None, None)),
        ("smtp://relay.local:25", ("relay.local", 25, False, None, None)),
        ("smtps://mail.example.org", ("mail.example.org", 465, True, None, None)),
        (
            "smtp://me%40example.org:p%40ss%2F%3Aw%23rd@mail.example.org:2525",
            ("mail.example.org", 2525, False, "me@example.org", "p@ss/:w#rd"),
        ),
        ("SMTPS://apikey:k3y@[2001:db8::1]:465/", ("2001:db8::1", 465, True, "apikey", "k3y")),
    ],
)
def test_smtp_urls_parse(url: str, expected: tuple[Any, ...]) -> None:
    target = parse_smtp_url(url)
    parsed = (target.host, target.port, target.implicit_tls, target.username, target.password)
    assert parsed == expected
    if target.password:
        assert target.password not in repr(target)
        assert target.password not in target.display


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://user:hunter2@mail.example.org", "must start with smtp:// or smtps://"),
        ("smtp://user:hunter2@", "names no host"),
        ("smtp://user:hunter2@mail.example.org:port", "malformed"),
        ("smtp://user:hun/ter2@mail.example.org:25", "malformed"),
        ("smtp://user:hunter2@mail.example.org:25/inbox", "something after the host"),
        ("smtp://user:hunter2@mail.example.org?tls=1", "something after the host"),
        ("smtp://:hunter2@mail.example.org", "a password but no user name"),
    ],
)
def test_bad_smtp_urls_are_refused_without_the_password(url: str, message: str) -> None:
    with pytest.raises(DeliveryError, match=message) as caught:
        parse_smtp_url(url)
    assert "hunter2" not in str(caught.value)
    assert "ter2" not in str(caught.value)
    with pytest.raises(DeliveryError) as caught:
        send_digest(url, EmailMessage())
    assert "hunter2" not in str(caught.value)


def a_digest(recipient: str = "zoe@example.org") -> EmailMessage:
    match = DigestMatch("Data Engineer", "ACME", 80, ["Python"], attachments=[])
    return build_digest([match], sender=SENDER, recipient=recipient, search_title="Data Engineer")


def test_a_wrong_password_reads_well_and_is_not_shown(smtp_sink_factory: SinkFactory) -> None:
    sink = smtp_sink_factory(tls="starttls", auth=("mailer", "right-password"))
    wrong = sink.url.replace("right-password", "hunter2-wrong")
    with pytest.raises(DeliveryError) as caught:
        send_digest(wrong, a_digest(), ssl_context=sink.client_context)
    message = str(caught.value)
    assert message.startswith(f"the SMTP server 127.0.0.1:{sink.port} refused the login for mailer")
    assert "hunter2" not in message
    assert caught.value.transient is False
    assert sink.messages == []


def test_implicit_tls_with_login(smtp_sink_factory: SinkFactory) -> None:
    sink = smtp_sink_factory(tls="implicit", auth=("mailer", PASSWORD))
    assert sink.url.startswith("smtps://")
    assert send_digest(sink.url, a_digest(), ssl_context=sink.client_context) == {}
    [received] = sink.messages
    assert (received.tls, received.login) == (True, "mailer")


def test_starttls_is_used_when_offered_even_without_login(smtp_sink_factory: SinkFactory) -> None:
    sink = smtp_sink_factory(tls="starttls")
    send_digest(sink.url, a_digest(), ssl_context=sink.client_context)
    assert sink.messages[0].tls is True
    assert sink.messages[0].login is None


def test_an_untrusted_certificate_is_refused(smtp_sink_factory: SinkFactory) -> None:
    sink = smtp_sink_factory(tls="implicit")
    with pytest.raises(DeliveryError, match=r"TLS certificate of the SMTP server .* is not valid"):
        send_digest(sink.url, a_digest())  # the system's CAs do not know the test CA
    assert sink.messages == []


def test_the_password_never_travels_unencrypted(smtp_sink_factory: SinkFactory) -> None:
    sink = smtp_sink_factory(auth=("mailer", PASSWORD))  # plain, no STARTTLS
    with pytest.raises(DeliveryError, match="offers no STARTTLS; refusing to send the password"):
        send_digest(sink.url, a_digest())
    assert sink.messages == []


def test_plain_smtp_without_login(smtp_sink: SmtpSink) -> None:
    send_digest(smtp_sink.url, a_digest("Zoë <zoe@example.org>"))
    [received] = smtp_sink.messages
    assert received.tls is False
    assert received.rcpt_tos == ("zoe@example.org",)
    assert received.message["To"] == "Zoë <zoe@example.org>"


def test_sender_address() -> None:
    assert sender_address("smtp://me%40example.org:pw@mail.example.org", None) == "me@example.org"
    assert sender_address("smtp://apikey:pw@mail.example.org", None) == "jobagent@localhost"
    assert sender_address("smtp://me%40example.org:pw@host", "Jobs <jobs@x.org>") == (
        "Jobs <jobs@x.org>"
    )
    assert sender_address(None, None) == "jobagent@localhost"


# --------------------------------------------------------------------------- digest parts


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Cover letter – ACME.pdf", "Cover letter - ACME.pdf"),
        ("../../etc/passwd", "passwd.pdf"),
        ("C:\\Users\\x\\cv.PDF", "cv.PDF"),
        ('evil"\r\nContent-Type: x.pdf', "evil_Content-Type_ x.pdf"),
        ("a/b\\c<script>.pdf", "c_script.pdf"),
        ("Zoë Müller CV", "Zoë Müller CV.pdf"),
        ("...", "document.pdf"),
        ("a" * 300 + ".pdf", "a" * 96 + ".pdf"),
    ],
)
def test_attachment_filenames_are_sanitised(name: str, expected: str) -> None:
    assert safe_filename(name) == expected


def test_subjects() -> None:
    assert digest_subject(7, "Data Engineer", "Berlin") == (
        "Job Agent: 7 matches for Data Engineer in Berlin"
    )
    assert digest_subject(1, "Nurse\r\nBcc: x@evil.example", None) == (
        "Job Agent: 1 match for Nurse Bcc: x@evil.example"
    )


def test_attachments_beyond_the_size_limit_are_left_out() -> None:
    big = Attachment("cv.pdf", b"%PDF" + b"x" * 1000)
    matches = [
        DigestMatch("Role", "ACME", 50, attachments=[big, big]),
        DigestMatch("Role", "Beta", 60, attachments=[big]),
    ]
    message = build_digest(
        matches,
        sender=SENDER,
        recipient="zoe@example.org",
        search_title="Role",
        max_attachment_bytes=2100,
    )
    names = [part.get_filename() for part in message.iter_attachments()]
    assert names == ["cv.pdf", "cv (2).pdf"]
    body = message.get_body(("plain",))
    assert body is not None
    assert "1 file was too large to attach" in body.get_content()
    with pytest.raises(ValueError, match="not an e-mail address"):
        build_digest(matches, sender="nobody", recipient="zoe@example.org", search_title="Role")
