"""Sending the digest over SMTP (once per run: see digest.send_once).

    send_digest("smtp://user:pass@mail.example.org:587", message, timeout=30)

SMTP_URL: `smtp://[user:pass@]host[:port]` (default port 587; STARTTLS whenever
the server offers it) or `smtps://[user:pass@]host[:port]` (implicit TLS,
default port 465). Special characters in the user or password are
percent-encoded (`/` as `%2F`, `@` as `%40`). Credentials are only sent over an
encrypted connection, and never appear in an error message.
"""

from __future__ import annotations

import base64
import email.policy
import logging
import smtplib
import socket
import ssl
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import getaddresses, parseaddr
from urllib.parse import unquote, urlsplit

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT_S = 30.0
_URL_FORM = "smtp://user:password@host:port or smtps://..."


class DeliveryError(Exception):
    """The digest was not delivered. `str(err)` is a readable sentence (never with
    the password). `transient`: trying again later may work. `maybe_sent`: the
    connection broke while the message was being handed over, so it may have
    been delivered after all."""

    def __init__(self, message: str, *, transient: bool = False, maybe_sent: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.transient = transient
        self.maybe_sent = maybe_sent


@dataclass(frozen=True)
class SmtpTarget:
    """A parsed SMTP_URL. `repr()` and `display` leave the password out."""

    host: str
    port: int
    implicit_tls: bool
    username: str | None = None
    password: str | None = field(default=None, repr=False)

    @property
    def display(self) -> str:
        scheme = "smtps" if self.implicit_tls else "smtp"
        user = f"{self.username}@" if self.username else ""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{scheme}://{user}{host}:{self.port}"


def parse_smtp_url(url: str) -> SmtpTarget:
    """The parts of an SMTP_URL. Raises `DeliveryError` naming what is wrong
    (never repeating the URL, which holds the password)."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        raise DeliveryError(
            f"SMTP_URL is malformed (expected {_URL_FORM}; percent-encode special "
            "characters in the password, e.g. '/' as %2F)"
        ) from None
    scheme = parts.scheme.lower()
    if scheme not in ("smtp", "smtps"):
        raise DeliveryError(f"SMTP_URL must start with smtp:// or smtps://, not '{scheme[:10]}:'")
    if not parts.hostname:
        raise DeliveryError(f"SMTP_URL names no host (expected {_URL_FORM})")
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise DeliveryError(
            f"SMTP_URL has something after the host (expected {_URL_FORM}; percent-encode "
            "'/', '?' and '#' in the password)"
        )
    username = unquote(parts.username) if parts.username else None
    password = unquote(parts.password) if parts.password else None
    if password and not username:
        raise DeliveryError("SMTP_URL has a password but no user name")
    implicit = scheme == "smtps"
    return SmtpTarget(
        host=parts.hostname,
        port=port or (465 if implicit else 587),
        implicit_tls=implicit,
        username=username,
        password=password,
    )


def sender_address(smtp_url: str | None, configured: str | None = None) -> str:
    """The digest's From address: `configured` (SMTP_FROM), else the SMTP user
    when it is an e-mail address, else jobagent@localhost."""
    if configured and configured.strip():
        return configured.strip()
    if smtp_url:
        try:
            user = parse_smtp_url(smtp_url).username
        except DeliveryError:
            user = None
        if user and "@" in user:
            return user
    return "jobagent@localhost"


def _redact(text: str, target: SmtpTarget) -> str:
    """`text` without the password, in clear or as the AUTH exchanges encode it."""
    secret = target.password
    if not secret:
        return text
    user = target.username or ""
    forms = {
        secret,
        base64.b64encode(secret.encode()).decode(),
        base64.b64encode(f"\0{user}\0{secret}".encode()).decode(),
    }
    for form in sorted(forms, key=len, reverse=True):
        text = text.replace(form, "***")
    return text


def _reply(code: int, text: bytes | str) -> str:
    shown = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
    return f"{code} {' '.join(shown.split())}"[:300]


def _failure(exc: BaseException, target: SmtpTarget, timeout: float) -> DeliveryError:
    where = f"the SMTP server {target.host}:{target.port}"
    transient = True
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        reply = _reply(exc.smtp_code, exc.smtp_error)
        message = f"{where} refused the login for {target.username} ({reply})"
        transient = False
    elif isinstance(exc, smtplib.SMTPConnectError):
        message = f"{where} refused the connection ({_reply(exc.smtp_code, exc.smtp_error)})"
    elif isinstance(exc, smtplib.SMTPServerDisconnected):
        message = f"{where} closed the connection unexpectedly"
    elif isinstance(exc, smtplib.SMTPResponseException):
        message = f"{where} answered {_reply(exc.smtp_code, exc.smtp_error)}"
        transient = 400 <= exc.smtp_code < 500
    elif isinstance(exc, smtplib.SMTPNotSupportedError):
        message = f"{where} does not support what was asked: {exc}"
        transient = False
    elif isinstance(exc, ssl.SSLCertVerificationError):
        message = f"the TLS certificate of {where} is not valid ({exc.verify_message})"
        transient = False
    elif isinstance(exc, ssl.SSLError):
        hint = "smtp:// (STARTTLS)" if target.implicit_tls else "smtps:// (implicit TLS)"
        message = f"TLS with {where} failed ({exc.reason or exc}); does the port need {hint}?"
        transient = False
    elif isinstance(exc, socket.gaierror | UnicodeError):
        message = f"cannot find the SMTP host {target.host} (DNS lookup failed)"
    elif isinstance(exc, ConnectionRefusedError):
        message = f"nothing accepts connections at {target.host}:{target.port}"
    elif isinstance(exc, TimeoutError):
        message = f"{where} did not answer within {timeout:g} s"
    elif isinstance(exc, OSError):
        message = f"could not talk to {where} ({exc.strerror or type(exc).__name__})"
    else:
        message = f"sending through {where} failed ({type(exc).__name__})"
        transient = False
    return DeliveryError(_redact(message, target), transient=transient)


def _close(client: smtplib.SMTP) -> None:
    """QUIT, ignoring failures: by now the message's fate is known either way."""
    try:
        client.quit()
    except (smtplib.SMTPException, OSError):
        client.close()


def _envelope(message: EmailMessage) -> tuple[str, list[str]]:
    sender = parseaddr(str(message.get("From", "")))[1]
    recipients = [
        address
        for _, address in getaddresses([str(v) for v in message.get_all("To", [])])
        + getaddresses([str(v) for v in message.get_all("Cc", [])])
        if address
    ]
    if not sender or not recipients:
        raise DeliveryError("the message needs a From and a To address")
    return sender, list(dict.fromkeys(recipients))


def _connect(target: SmtpTarget, timeout: float, context: ssl.SSLContext) -> smtplib.SMTP:
    if target.implicit_tls:
        return smtplib.SMTP_SSL(target.host, target.port, timeout=timeout, context=context)
    return smtplib.SMTP(target.host, target.port, timeout=timeout)


def _secure_and_login(client: smtplib.SMTP, target: SmtpTarget, context: ssl.SSLContext) -> None:
    client.ehlo()
    encrypted = target.implicit_tls
    if not encrypted and client.has_extn("starttls"):
        client.starttls(context=context)
        client.ehlo()
        encrypted = True
    if target.username is None:
        return
    if not encrypted:
        raise DeliveryError(
            f"the SMTP server {target.host}:{target.port} offers no STARTTLS; refusing to "
            "send the password unencrypted (use smtps:// or a server with STARTTLS)"
        )
    if not client.has_extn("auth"):
        raise DeliveryError(
            f"the SMTP server {target.host}:{target.port} offers no login (AUTH); "
            "remove the user and password from SMTP_URL if it needs none"
        )
    user, password = target.username, target.password or ""
    if (user + password).isascii():
        client.login(user, password)
        return
    # smtplib encodes credentials as ASCII; AUTH PLAIN is defined over UTF-8 (RFC 4616).
    if "PLAIN" not in client.esmtp_features.get("auth", "").upper().split():
        raise DeliveryError(
            f"the SMTP server {target.host}:{target.port} offers no AUTH PLAIN, which a "
            "user name or password with non-ASCII characters needs"
        )
    token = base64.b64encode(f"\0{user}\0{password}".encode()).decode("ascii")
    code, text = client.docmd("AUTH", f"PLAIN {token}")
    if code not in (235, 503):  # 503: already authenticated
        raise smtplib.SMTPAuthenticationError(code, text)


def _hand_over(client: smtplib.SMTP, message: EmailMessage) -> dict[str, str]:
    """MAIL, RCPT, DATA. Returns the refused recipients when others were accepted.
    Everything before DATA fails cleanly; a break during DATA may have delivered."""
    sender, recipients = _envelope(message)
    international = not all(a.isascii() for a in (sender, *recipients))
    options: list[str] = []
    if international:
        if not client.has_extn("smtputf8"):
            raise DeliveryError("the SMTP server cannot send to or from non-ASCII addresses")
        options = ["SMTPUTF8", "BODY=8BITMIME"]
    payload = message.as_bytes(policy=email.policy.SMTPUTF8 if international else email.policy.SMTP)
    code, text = client.mail(sender, options)
    if code != 250:
        client.rset()
        raise DeliveryError(
            f"the SMTP server refused the sender {sender} ({_reply(code, text)})",
            transient=400 <= code < 500,
        )
    refused: dict[str, str] = {}
    for recipient in recipients:
        code, text = client.rcpt(recipient)
        if code not in (250, 251):
            refused[recipient] = _reply(code, text)
    if len(refused) == len(recipients):
        client.rset()
        detail = "; ".join(f"{r}: {why}" for r, why in refused.items())
        raise DeliveryError(
            f"the SMTP server refused every recipient ({detail})",
            transient=all(why.startswith("4") for why in refused.values()),
        )
    try:
        code, text = client.data(payload)
    except smtplib.SMTPDataError as exc:  # refused before the message was sent
        raise DeliveryError(
            f"the SMTP server refused the message ({_reply(exc.smtp_code, exc.smtp_error)})",
            transient=400 <= exc.smtp_code < 500,
        ) from None
    except (smtplib.SMTPServerDisconnected, OSError):
        raise DeliveryError(
            "the connection broke while the message was being sent; it may or may not "
            "have been delivered",
            maybe_sent=True,
        ) from None
    if code != 250:
        raise DeliveryError(
            f"the SMTP server did not accept the message ({_reply(code, text)})",
            transient=400 <= code < 500,
        )
    return refused


def send_digest(
    smtp_url: str,
    message: EmailMessage,
    *,
    timeout: float = DEFAULT_TIMEOUT_S,
    ssl_context: ssl.SSLContext | None = None,
) -> dict[str, str]:
    """Send `message` to its To/Cc addresses through `smtp_url`.

    Returns the recipients the server refused while it accepted others (normally
    empty). Raises `DeliveryError` with a readable reason otherwise. `ssl_context`
    replaces the default certificate checks (e.g. a private CA).
    """
    target = parse_smtp_url(smtp_url)
    context = ssl_context or ssl.create_default_context()
    try:
        client = _connect(target, timeout, context)
    except (smtplib.SMTPException, OSError, UnicodeError) as exc:
        raise _failure(exc, target, timeout) from None
    try:
        _secure_and_login(client, target, context)
        refused = _hand_over(client, message)
    except DeliveryError as err:
        err.message = _redact(err.message, target)
        err.args = (err.message,)
        raise
    except (smtplib.SMTPException, OSError, UnicodeError) as exc:
        raise _failure(exc, target, timeout) from None
    finally:
        _close(client)
    if refused:
        log.warning("digest: some recipients were refused: %s", _redact(str(refused), target))
    log.info("digest sent via %s", target.display)
    return refused
