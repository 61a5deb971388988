"""Who may use the agent: the `has_access` flag plus the ACCESS_ALLOW_LIST setting.

Enforced here, in core, so every face (web app, HTTP API, CLI) gets the same answer.
"""

from __future__ import annotations

from jobagent_core.auth.errors import AccessDenied
from jobagent_core.db.models import User


def has_access(user: User, allow_list: frozenset[str]) -> bool:
    """True when no allow-list is set, the operator granted access, or the user's
    verified e-mail address or its domain is on the allow-list (an unverified
    address proves nothing about who holds it)."""
    if not allow_list or user.has_access:
        return True
    if not user.email_verified:
        return False
    email = user.email.lower()
    return email in allow_list or email.rpartition("@")[2] in allow_list


def require_access(user: User, allow_list: frozenset[str]) -> None:
    """Raise `AccessDenied` unless `user` may start workflows."""
    if not has_access(user, allow_list):
        raise AccessDenied()
