"""The e-mail digest of a job search, sent over SMTP once per run.

    def build(db, matches):
        items = load_digest_matches(db, matches, read_file=store.read)
        return build_digest(items, sender=sender_address(settings.SMTP_URL, settings.SMTP_FROM),
                            recipient=user.email, search_title="Data Engineer",
                            search_location="Berlin")

    result = deliver_once(engine, run_id, build, settings.SMTP_URL)
    result.status  # "sent" | "skipped" | "failed" | "off"; result.detail for the run's log

The files are always in the app; e-mail is a convenience, so delivery reports
failures in its result instead of failing the run. The digest's state per run
(claimed → sent, with its Message-ID) is in `digest_deliveries`: a run taken
over after its worker died sends a claimed-but-unsent digest once, under the
same Message-ID (see digest.send_once).
"""

from jobagent_core.digest.compose import (
    Attachment,
    DigestMatch,
    build_digest,
    digest_subject,
    load_digest_matches,
    safe_filename,
)
from jobagent_core.digest.send_once import (
    BuildMessage,
    DeliveryResult,
    DigestClaim,
    claim_digest,
    deliver_once,
    send_claimed,
)
from jobagent_core.digest.smtp import (
    DeliveryError,
    SmtpTarget,
    parse_smtp_url,
    send_digest,
    sender_address,
)

__all__ = [
    "Attachment",
    "BuildMessage",
    "DeliveryError",
    "DeliveryResult",
    "DigestClaim",
    "DigestMatch",
    "SmtpTarget",
    "build_digest",
    "claim_digest",
    "deliver_once",
    "digest_subject",
    "load_digest_matches",
    "parse_smtp_url",
    "safe_filename",
    "send_claimed",
    "send_digest",
    "sender_address",
]
