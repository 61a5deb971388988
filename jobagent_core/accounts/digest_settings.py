"""Where the e-mail digest of a search goes: on or off, and to which address.

The digest goes to the sign-in address unless the person sets another one; it is
a convenience (every file is in the app), so turning it off loses nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from sqlalchemy.orm import Session as DbSession

from jobagent_core.db.models import User

MAX_EMAIL_CHARS: Final = 254
# One address, no display name: local@domain.tld, no spaces, one "@".
_EMAIL = re.compile(r"[^@\s<>,;\"]+@[^@\s<>,;\"]+\.[^@\s<>,;\".]{2,}")


class InvalidDeliveryEmail(ValueError):
    """`str(err)` says what is wrong with the address, for the person."""


class AccountNotFound(LookupError):
    def __init__(self) -> None:
        super().__init__("Your account no longer exists; sign in again.")


@dataclass(frozen=True)
class DeliverySettings:
    enabled: bool
    email: str | None  # the address set for the digest; None means the sign-in address
    account_email: str

    @property
    def address(self) -> str:
        """Where the digest goes."""
        return self.email or self.account_email


def clean_email(value: str) -> str | None:
    """`value` trimmed and checked; None when blank. Raises `InvalidDeliveryEmail`."""
    value = value.strip()
    if not value:
        return None
    if len(value) > MAX_EMAIL_CHARS:
        raise InvalidDeliveryEmail(f"An e-mail address has at most {MAX_EMAIL_CHARS} characters.")
    if not _EMAIL.fullmatch(value):
        raise InvalidDeliveryEmail(
            f"“{value[:80]}” is not an e-mail address; write it like name@example.com."
        )
    local, _, domain = value.rpartition("@")
    return f"{local}@{domain.lower()}"


def _user(db: DbSession, user_id: str) -> User:
    user = db.get(User, user_id)
    if user is None:
        raise AccountNotFound()
    return user


def get_delivery(db: DbSession, user_id: str) -> DeliverySettings:
    user = _user(db, user_id)
    return DeliverySettings(user.delivery_enabled, user.delivery_email, user.email)


def set_delivery(db: DbSession, user_id: str, *, enabled: bool, email: str) -> DeliverySettings:
    """Turn the digest on or off and set its address ("" means the sign-in address).

    Raises `InvalidDeliveryEmail`, `AccountNotFound`.
    """
    address = clean_email(email)
    user = _user(db, user_id)
    user.delivery_enabled = enabled
    user.delivery_email = None if address == user.email else address
    db.flush()
    return DeliverySettings(user.delivery_enabled, user.delivery_email, user.email)
