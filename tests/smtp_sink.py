"""A real SMTP server for tests (aiosmtpd) that keeps what it receives.

    def test_mail(smtp_sink: SmtpSink) -> None:
        send_digest(smtp_sink.url, message)
        [received] = smtp_sink.messages
        received.message["Subject"], received.rcpt_tos, received.tls, received.login

    def test_tls(smtp_sink_factory: SinkFactory) -> None:
        sink = smtp_sink_factory(tls="starttls", auth=("mailer", "s3cret"))
        send_digest(sink.url, message, ssl_context=sink.client_context)

`tls`: None (plain), "starttls" (offered, not required) or "implicit" (smtps).
`auth`: a user name and password the server requires before MAIL.
`data_delay_s`: a slow server, which waits this long after the message arrived
before it answers DATA (changeable while it runs). It takes a message only when
it can still answer: one whose client hung up meanwhile goes to `dropped`, not
`messages`. `data_started` counts the messages that arrived. TLS uses a
throw-away CA and a certificate for 127.0.0.1/localhost made per process.
Free ports are reserved before the server starts: aiosmtpd's Controller
cannot bind port 0 (its readiness check needs to know the port).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import email
import email.policy
import functools
import socket
import ssl
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from email.message import EmailMessage
from ipaddress import IPv4Address
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

HOST = "127.0.0.1"
Tls = Literal["starttls", "implicit"] | None


@dataclass(frozen=True)
class ReceivedMessage:
    mail_from: str
    rcpt_tos: tuple[str, ...]
    raw: bytes
    tls: bool  # the message travelled over TLS (implicit or after STARTTLS)
    login: str | None  # the user name it was sent under, if any

    @property
    def message(self) -> EmailMessage:
        parsed = email.message_from_bytes(self.raw, policy=email.policy.default)
        assert isinstance(parsed, EmailMessage)
        return parsed


@dataclass(frozen=True)
class TlsFiles:
    ca_pem: str
    cert_file: Path
    key_file: Path

    def server_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(self.cert_file, self.key_file)
        return context

    def client_context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cadata=self.ca_pem)


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


@functools.cache
def tls_files() -> TlsFiles:
    """A CA and a server certificate for 127.0.0.1 and localhost, valid for a day."""
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(_name("Job Agent test CA"))
        .issuer_name(_name("Job Agent test CA"))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name("localhost"))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(IPv4Address(HOST))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    folder = Path(tempfile.mkdtemp(prefix="jobagent-smtp-tls-"))
    cert_file, key_file = folder / "server.pem", folder / "server.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    ca_pem = ca_cert.public_bytes(serialization.Encoding.PEM).decode()
    return TlsFiles(ca_pem=ca_pem, cert_file=cert_file, key_file=key_file)


def free_port() -> int:
    """A port nothing listens on right now (bound and released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


class _Collector:
    def __init__(self, sink: SmtpSink) -> None:
        self._sink = sink

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        transport = server.transport
        tls = transport is not None and transport.get_extra_info("ssl_object") is not None
        auth = getattr(session, "auth_data", None)
        login = auth.login.decode() if isinstance(auth, LoginPassword) else None
        raw = envelope.original_content or envelope.content or b""
        received = ReceivedMessage(
            mail_from=envelope.mail_from or "",
            rcpt_tos=tuple(envelope.rcpt_tos),
            raw=raw if isinstance(raw, bytes) else raw.encode(),
            tls=tls,
            login=login,
        )
        sink = self._sink
        with sink.lock:
            sink.data_started += 1
            delay = sink.data_delay_s
        if delay > 0:
            try:
                await asyncio.sleep(delay)
            except asyncio.CancelledError:  # aiosmtpd cancels us when the client hangs up
                with sink.lock:
                    sink.dropped.append(received)
                raise
            if server.transport is None or server.transport.is_closing():
                with sink.lock:
                    sink.dropped.append(received)
                return "451 4.3.0 The client went away"
        with sink.lock:
            sink.messages.append(received)
        return "250 2.0.0 Message accepted"


class SmtpSink:
    """An SMTP server on 127.0.0.1 collecting messages; a context manager."""

    def __init__(
        self, *, tls: Tls = None, auth: tuple[str, str] | None = None, data_delay_s: float = 0
    ) -> None:
        self.tls = tls
        self.auth = auth
        self.port = free_port()
        self.data_delay_s = data_delay_s
        self.data_started = 0
        self.messages: list[ReceivedMessage] = []
        self.dropped: list[ReceivedMessage] = []  # arrived, but the client left before the reply
        self.lock = threading.Lock()
        options: dict[str, Any] = {}
        if tls == "starttls":
            options["tls_context"] = tls_files().server_context()
        elif tls == "implicit":
            options["ssl_context"] = tls_files().server_context()
        if auth is not None:
            options |= {
                "authenticator": self._authenticate,
                "auth_required": True,
                # Implicit TLS is TLS from the first byte; aiosmtpd only knows STARTTLS.
                "auth_require_tls": tls == "starttls",
            }
        self._controller = Controller(
            _Collector(self), hostname=HOST, port=self.port, ready_timeout=10, **options
        )

    def _authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
    ) -> AuthResult:
        ok = (
            self.auth is not None
            and isinstance(auth_data, LoginPassword)
            and (auth_data.login.decode(), auth_data.password.decode()) == self.auth
        )
        return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)

    @property
    def url(self) -> str:
        """The SMTP_URL reaching this server, with its credentials if it wants some."""
        scheme = "smtps" if self.tls == "implicit" else "smtp"
        user = ""
        if self.auth is not None:
            user = f"{quote(self.auth[0], safe='')}:{quote(self.auth[1], safe='')}@"
        return f"{scheme}://{user}{HOST}:{self.port}"

    @property
    def client_context(self) -> ssl.SSLContext:
        """A client TLS context that trusts this server's certificate."""
        return tls_files().client_context()

    def start(self) -> SmtpSink:
        self._controller.start()
        return self

    def stop(self) -> None:
        self._controller.stop()

    def __enter__(self) -> SmtpSink:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


SinkFactory = Callable[..., SmtpSink]


@pytest.fixture
def smtp_sink() -> Iterator[SmtpSink]:
    """A plain SMTP server (no TLS, no login), stopped after the test."""
    with SmtpSink() as sink:
        yield sink


@pytest.fixture
def smtp_sink_factory() -> Iterator[SinkFactory]:
    """Makes started sinks with `tls=`, `auth=` and `data_delay_s=` options; stops them
    all afterwards."""
    sinks: list[SmtpSink] = []

    def make(
        *, tls: Tls = None, auth: tuple[str, str] | None = None, data_delay_s: float = 0
    ) -> SmtpSink:
        sink = SmtpSink(tls=tls, auth=auth, data_delay_s=data_delay_s).start()
        sinks.append(sink)
        return sink

    yield make
    for sink in sinks:
        sink.stop()
