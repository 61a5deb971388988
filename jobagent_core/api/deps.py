"""What a route needs, read like a sentence: `user = require_user(request)`."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse

from jobagent_core.auth.current_user import Authenticator, CurrentUser


class HttpError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message

    def response(self) -> JSONResponse:
        return JSONResponse({"detail": self.message}, status_code=self.status)


def require_user(request: Request, authenticator: Authenticator) -> CurrentUser:
    """The caller (bearer API token or session cookie), or HttpError(401)."""
    current = authenticator.resolve(
        request.headers.get("cookie"), request.headers.get("authorization")
    )
    if current is None:
        raise HttpError(401, "Sign in, or send an API token as 'Authorization: Bearer <token>'.")
    return current
