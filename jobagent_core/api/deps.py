"""What a route needs, read like a sentence: `user = await require_user(request, auth)`."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse

from jobagent_core.api.guard import REFRESHED_COOKIE
from jobagent_core.auth.current_user import Authenticator, CurrentUser


class HttpError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message

    def response(self) -> JSONResponse:
        return JSONResponse({"detail": self.message}, status_code=self.status)


def current_user_sync(request: Request, authenticator: Authenticator) -> CurrentUser | None:
    """The caller (bearer API token or session cookie), or None. Blocks on the database:
    call it from a worker thread (sync routes run in one) or use `require_user`.

    A session slid forward here gets its cookie re-set on the response by the
    request guard, whatever the route answers.
    """
    current = authenticator.resolve(
        request.headers.get("cookie"), request.headers.get("authorization")
    )
    if current is not None and current.refreshed_cookie:
        request.scope.setdefault("state", {})[REFRESHED_COOKIE] = current.refreshed_cookie
    return current


def require_user_sync(request: Request, authenticator: Authenticator) -> CurrentUser:
    """`current_user_sync`, or HttpError(401)."""
    current = current_user_sync(request, authenticator)
    if current is None:
        raise HttpError(401, "Sign in, or send an API token as 'Authorization: Bearer <token>'.")
    return current


async def require_user(request: Request, authenticator: Authenticator) -> CurrentUser:
    """The caller or HttpError(401), resolved on a worker thread: the event loop (which
    also serves every open page's websocket) never waits on the database."""
    return await run_in_threadpool(require_user_sync, request, authenticator)
