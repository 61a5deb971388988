"""Source specs for uploaded job files: "file:<storage key>:<signature>".

The signature binds the spec to the user the file was issued to, so a spec naming
someone else's file, or one made up by a client, is refused.

    spec = file_source(user.id, store.put(data, ".csv"), settings)   # to store
    key = file_key(user.id, spec, settings)   # to read, for that user only
"""

from __future__ import annotations

import hashlib
import hmac

from jobagent_core.auth.secret import auth_secret
from jobagent_core.config import Settings
from jobagent_core.discovery.sources.registry import (
    FILE_KIND,
    FILE_PREFIX,
    INVALID_FILE_SOURCE,
    SourceSpec,
    SourceSpecError,
    parse_source_spec,
)


def _file_signature(user_id: str, key: str, settings: Settings) -> str:
    message = f"{user_id}\n{key}".encode()
    return hmac.new(auth_secret(settings).encode(), message, hashlib.sha256).hexdigest()[:32]


def file_source(user_id: str, key: str, settings: Settings) -> str:
    """The source spec for a job file `user_id` uploaded (stored under `key`).

    Signed for that user: a spec naming someone else's file, or made up by a
    client, is refused by `file_key`."""
    if not key.strip():
        raise ValueError("a job file source needs the file's storage key")
    return f"{FILE_PREFIX}{key}:{_file_signature(user_id, key, settings)}"


def file_key(user_id: str, spec: str | SourceSpec, settings: Settings) -> str:
    """The storage key inside a file source spec, if it was issued to `user_id`.
    Raises `SourceSpecError` for any other spec."""
    parsed = spec if isinstance(spec, SourceSpec) else parse_source_spec(spec)
    if parsed.kind != FILE_KIND:
        raise SourceSpecError(INVALID_FILE_SOURCE)
    key, signature = parsed.args
    if not hmac.compare_digest(signature, _file_signature(user_id, key, settings)):
        raise SourceSpecError(INVALID_FILE_SOURCE)
    return key


__all__ = ["FILE_PREFIX", "file_key", "file_source"]
