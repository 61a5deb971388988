"""Auth errors: each carries a message a person can act on."""


class AuthError(Exception):
    """Base class; `str(err)` is safe to show to the person."""


class AccessDenied(AuthError):
    """Signed in, but not (yet) allowed to use the agent."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(
            message
            or "Your account is waiting for access. Ask the operator of this Job Agent to "
            "grant it (jobagent users grant <email>)."
        )


class InvalidTokenName(AuthError):
    pass
