"""`/settings`: the e-mail digest, API tokens, what this server has switched on,
and deleting the account.

Reads and writes go through `jobagent_core.services.account`, on a worker thread.
Token ids come from the browser (the list's Revoke buttons); `account.revoke` gets
them with the signed-in user's id, so another person's token is "not found".
Deleting the account is queued for a worker (the web app's database role may not
DELETE); once queued, the page signs the person out.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import logging
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any, Final
from urllib.parse import urlsplit

import reflex as rx
from reflex.event import EventSpec

from jobagent_core.config import get_settings
from jobagent_core.discovery.sample_data import sample_size
from jobagent_core.services import account
from jobagent_core.services.account import (
    AccountNotFound,
    InvalidDeliveryEmail,
    InvalidTokenName,
    TokenInfo,
)
from jobagent_ui.state.auth import SIGN_IN_AGAIN, current_member, current_user

log = logging.getLogger(__name__)

CONFIRM_WORD: Final = "DELETE"
SIGN_OUT_FORM_ID: Final = "delete-account-sign-out"
LOAD_FAILED: Final = "Your settings could not be loaded just now. Please try again in a moment."
SAVE_FAILED: Final = "That could not be saved just now. Please try again in a moment."
DELETE_FAILED: Final = (
    "Nothing was deleted: the task queue could not be reached. Check that the Job Agent "
    "worker and its queue are running, then try again."
)


@dataclasses.dataclass
class TokenRow:
    """An API token as the list shows it (display values only)."""

    id: str = ""
    name: str = ""
    prefix: str = ""
    created: str = ""
    last_used: str = ""
    revoked: bool = False


@dataclasses.dataclass
class StatusRow:
    name: str = ""
    active: bool = False
    detail: str = ""


def _when(value: datetime | None) -> str:
    return f"{value.day} {value:%b %Y}" if value else ""


def _token_row(token: TokenInfo) -> TokenRow:
    return TokenRow(
        id=token.id,
        name=token.name,
        prefix=token.prefix + "…",
        created=_when(token.created_at),
        last_used=_when(token.last_used_at) or "never",
        revoked=token.revoked,
    )


def _token_rows(tokens: list[TokenInfo]) -> list[TokenRow]:
    return [_token_row(token) for token in tokens]


def server_status() -> list[StatusRow]:
    """What this installation has switched on, and what to set for the rest."""
    from jobagent_core.discovery.sources.registry import LIVE_SOURCES, configured_live_sources

    settings = get_settings()
    if settings.llm_enabled:
        host = urlsplit(settings.LLM_BASE_URL or "").netloc
        llm = StatusRow("Language model", True, f"{settings.LLM_MODEL} at {host}")
    else:
        llm = StatusRow(
            "Language model",
            False,
            "Offline: rules and templates score matches and write letters. Set LLM_BASE_URL, "
            "LLM_MODEL and LLM_API_KEY to use a model.",
        )
    rows = [
        llm,
        StatusRow(
            "E-mail delivery",
            settings.smtp_enabled,
            "SMTP is configured." if settings.smtp_enabled else "No e-mail is sent: set SMTP_URL.",
        ),
        StatusRow(
            "Company research",
            settings.RESEARCH_ONLINE,
            "Company websites are read."
            if settings.RESEARCH_ONLINE
            else "From the postings only. Set RESEARCH_ONLINE=true to read company websites.",
        ),
        StatusRow("Sample data set", True, f"{sample_size():,} postings, offline."),
        StatusRow("File import", True, "JSON or CSV files of postings, on the Search page."),
    ]
    configured = set(configured_live_sources(settings))
    for kind in LIVE_SOURCES:
        on = kind.kind in configured
        detail = f"Use as {kind.spec}." if on else f"Set {' and '.join(kind.settings)}."
        rows.append(StatusRow(kind.label, on, detail))
    return rows


NEW_TOKEN_INPUT_ID = "new-api-token"  # noqa: S105 (an element id)


def _reveal_token(plaintext: str) -> EventSpec:
    """A one-shot script that puts `plaintext` into the new-token input (waiting up to
    5 s for it to render). It travels to this browser once and is stored nowhere."""
    return rx.call_script(
        "(function fill(tries) {"
        f" const input = document.getElementById({json.dumps(NEW_TOKEN_INPUT_ID)});"
        f" if (input) {{ input.value = {json.dumps(plaintext)}; input.select(); }}"
        " else if (tries > 0) { setTimeout(() => fill(tries - 1), 50); }"
        "})(100)"
    )


def copy_token_script() -> EventSpec:
    """Copies the shown token from the page itself (the server no longer has it)."""
    return rx.call_script(
        f"navigator.clipboard.writeText(document.getElementById({json.dumps(NEW_TOKEN_INPUT_ID)}).value)"
    )


class SettingsState(rx.State):
    loading: bool = True
    load_error: str = ""
    account_email: str = ""
    delivery_enabled: bool = True
    delivery_email: str = ""
    delivery_saving: bool = False
    smtp_enabled: bool = True  # the server can send e-mail at all
    tokens: list[TokenRow] = []
    token_name: str = ""
    token_busy: bool = False
    # The new token's callout is open. The token itself never enters this state
    # (which Reflex persists to disk or Redis): `_reveal_token` writes it straight
    # into the callout's input in the browser, once.
    token_revealed: bool = False
    status: list[StatusRow] = []
    confirm_text: str = ""
    deleting: bool = False

    @rx.var
    def confirm_ok(self) -> bool:
        return self.confirm_text.strip() == CONFIRM_WORD

    @rx.var
    def live_tokens(self) -> int:
        return sum(1 for t in self.tokens if not t.revoked)

    @rx.event
    async def open_page(self) -> AsyncIterator[EventSpec | None]:
        self.loading, self.load_error = True, ""
        self.token_revealed, self.confirm_text, self.token_name = False, "", ""
        yield None
        user = await current_member(self)
        if user is None:
            return
        try:
            view = await asyncio.to_thread(account.load, user.id)
            status = await asyncio.to_thread(server_status)
        except Exception:
            log.exception("loading settings failed")
            self.loading, self.load_error = False, LOAD_FAILED
            return
        self.account_email = view.account_email
        self.delivery_enabled, self.delivery_email = view.delivery_enabled, view.delivery_email
        self.smtp_enabled = view.smtp_enabled
        self.tokens, self.status = _token_rows(view.tokens), status
        self.loading = False

    # -------------------------------------------------------------- delivery

    @rx.event
    def set_delivery_enabled(self, value: bool) -> None:
        self.delivery_enabled = bool(value)

    @rx.event
    def set_delivery_email(self, value: str) -> None:
        self.delivery_email = value

    @rx.event
    async def save_delivery(
        self, _form: dict[str, Any] | None = None
    ) -> AsyncIterator[EventSpec | None]:
        user = await current_member(self)
        if user is None:
            yield rx.toast.error(SIGN_IN_AGAIN)
            return
        self.delivery_saving = True
        yield None
        try:
            enabled, email = await asyncio.to_thread(
                account.save_delivery, user.id, self.delivery_enabled, self.delivery_email
            )
        except (InvalidDeliveryEmail, AccountNotFound) as err:
            yield rx.toast.error(str(err))
            return
        except Exception:
            log.exception("saving delivery settings failed")
            yield rx.toast.error(SAVE_FAILED)
            return
        finally:
            self.delivery_saving = False
        self.delivery_enabled, self.delivery_email = enabled, email
        yield rx.toast.success(
            f"Digests go to {email or self.account_email}."
            if enabled
            else "E-mail digests are off."
        )

    # -------------------------------------------------------------- tokens

    @rx.event
    def set_token_name(self, value: str) -> None:
        self.token_name = value

    @rx.event
    async def create_token(
        self, _form: dict[str, Any] | None = None
    ) -> AsyncIterator[EventSpec | None]:
        user = await current_member(self)
        if user is None:
            yield rx.toast.error(SIGN_IN_AGAIN)
            return
        self.token_busy = True
        yield None
        try:
            plaintext, tokens = await asyncio.to_thread(account.new_token, user.id, self.token_name)
        except InvalidTokenName as err:
            yield rx.toast.error(str(err))
            return
        except Exception:
            log.exception("creating a token failed")
            yield rx.toast.error(SAVE_FAILED)
            return
        finally:
            self.token_busy = False
        self.token_revealed, self.tokens, self.token_name = True, _token_rows(tokens), ""
        yield None  # the callout with its empty input first, then the token into it
        yield _reveal_token(plaintext)

    @rx.event
    def dismiss_token(self) -> None:
        self.token_revealed = False

    @rx.event
    async def revoke_token(self, token_id: str) -> AsyncIterator[EventSpec | None]:
        user = await current_member(self)
        if user is None:
            yield rx.toast.error(SIGN_IN_AGAIN)
            return
        try:
            revoked, tokens = await asyncio.to_thread(account.revoke, user.id, str(token_id))
        except Exception:
            log.exception("revoking a token failed")
            yield rx.toast.error(SAVE_FAILED)
            return
        self.tokens = _token_rows(tokens)
        if revoked:
            yield rx.toast.success("Token revoked: it no longer works.")
        else:
            yield rx.toast.error("That token was already revoked, or is not yours.")

    # -------------------------------------------------------------- deleting

    @rx.event
    def set_confirm_text(self, value: str) -> None:
        self.confirm_text = value

    @rx.event
    def cancel_delete(self) -> None:
        self.confirm_text = ""

    @rx.event
    async def delete_account(self) -> AsyncIterator[EventSpec | None]:
        """Queue the deletion, then sign out (a native POST: the cookie must go)."""
        if not self.confirm_ok:
            yield rx.toast.error(f"Type {CONFIRM_WORD} to confirm.")
            return
        user = await current_user(self)
        if user is None:
            yield rx.toast.error(SIGN_IN_AGAIN)
            return
        self.deleting = True
        yield None
        try:
            await asyncio.to_thread(account.request_deletion, user.id)
        except Exception:
            log.exception("queueing the deletion of an account failed")
            self.deleting = False
            yield rx.toast.error(DELETE_FAILED)
            return
        yield rx.call_script(f"document.getElementById({SIGN_OUT_FORM_ID!r}).requestSubmit()")
