"""The key that signs session cookies."""

from __future__ import annotations

import secrets
from pathlib import Path

from jobagent_core.config import VAR_DIR, Settings

GENERATED_SECRET_FILE = VAR_DIR / "auth-secret"


def auth_secret(settings: Settings, generated_file: Path = GENERATED_SECRET_FILE) -> str:
    """BETTER_AUTH_SECRET, or on plain http a random key generated once and kept
    under var/ so sessions survive restarts and every local process agrees.

    Settings already refuse an https base URL without BETTER_AUTH_SECRET.
    """
    if settings.BETTER_AUTH_SECRET is not None:
        return settings.BETTER_AUTH_SECRET.get_secret_value()
    if generated_file.exists():
        return generated_file.read_text().strip()
    generated_file.parent.mkdir(parents=True, exist_ok=True)
    secret = secrets.token_urlsafe(48)
    # Exclusive create: two processes starting together keep the first one's key.
    try:
        with open(generated_file, "x") as handle:
            generated_file.chmod(0o600)
            handle.write(secret)
    except FileExistsError:
        return generated_file.read_text().strip()
    return secret
