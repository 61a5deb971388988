"""The e-mail digest of a run's matches, sent at most once (see digest.deliver_once)."""

from __future__ import annotations

from collections.abc import Sequence
from email.message import EmailMessage
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from jobagent_core.db.engine import admin_engine
from jobagent_core.db.models import MatchedJob
from jobagent_core.digest import (
    DeliveryResult,
    build_digest,
    deliver_once,
    load_digest_matches,
    sender_address,
)
from jobagent_core.storage import FileStore

if TYPE_CHECKING:
    from jobagent_core.workflows.job_search import SearchContext


def deliver(ctx: SearchContext) -> DeliveryResult:
    settings = ctx.settings
    if not ctx.email:
        return DeliveryResult("off", "off: turned off in your settings")
    store = FileStore(settings.STORAGE_DIR)
    assert ctx.search is not None
    search = ctx.search

    def build(db: Session, matches: Sequence[MatchedJob]) -> EmailMessage:
        items = load_digest_matches(db, matches, read_file=store.read)
        return build_digest(
            items,
            sender=sender_address(settings.SMTP_URL, settings.SMTP_FROM),
            recipient=ctx.email,
            search_title=search.title,
            search_location=search.location,
            app_url=settings.BETTER_AUTH_URL,
            # A saved search's run carries only the matches it found first.
            new_only=ctx.saved_search_id is not None,
        )

    return deliver_once(admin_engine(), ctx.run_id, build, settings.SMTP_URL)
