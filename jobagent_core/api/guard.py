"""The gate every request passes before any route or Reflex sees it.

Pure ASGI on purpose: it must see websocket handshakes as well as HTTP, and it
must count a request body while it streams in rather than after it was read.

- Cross-origin: a state-changing request that carries the session cookie (and no
  API token) must come from a trusted origin; API reads with the cookie refuse
  background requests from other origins; websockets from other origins are
  closed before the handshake completes.
- Size: a body is refused (413) as soon as it passes its route's limit, from the
  Content-Length up front or counted while it streams — nothing larger is
  buffered.
- NUL bytes in a path or query string get a 422 (PostgreSQL cannot store them).
- A session slid forward during a request gets its cookie re-set on the response
  (routes put the header in `scope["state"]`): one rule for every route.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from starlette.datastructures import Headers
from starlette.middleware import Middleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from jobagent_core.auth.origins import is_foreign_read, is_trusted_request
from jobagent_core.config import Settings

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Paths whose GETs return a person's data (pages and Reflex assets are public).
DATA_PREFIXES = ("/api/", "/workflow/")
# Paths that take files (ours and Reflex's upload endpoint).
UPLOAD_PATHS = frozenset({"/workflow/profiling", "/_upload"})
# Room for multipart boundaries and part headers on top of the files themselves.
MULTIPART_OVERHEAD = 1024 * 1024
# Everything else (JSON API bodies, sign-in forms) is small.
SMALL_BODY_BYTES = 1024 * 1024
# scope["state"] key for a Set-Cookie value a route wants sent (a slid session).
REFRESHED_COOKIE = "refreshed_session_cookie"


class BodyTooLarge(Exception):
    """The request body passed its limit while streaming in."""


def _has_bearer(headers: Headers) -> bool:
    scheme, _, credential = headers.get("authorization", "").partition(" ")
    return scheme.lower() == "bearer" and bool(credential.strip())


@dataclass
class RequestGuard:
    app: ASGIApp
    trusted: frozenset[str]
    upload_body_bytes: int

    @classmethod
    def middleware(cls, settings: Settings) -> Middleware:
        """The guard configured from `settings`, for a Starlette app's middleware list."""
        upload = settings.MAX_UPLOAD_MB * settings.MAX_DOCUMENTS * 1024 * 1024
        return Middleware(
            cls,
            trusted=settings.trusted_origins,
            upload_body_bytes=upload + MULTIPART_OVERHEAD,
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            await self._websocket(scope, receive, send)
        elif scope["type"] == "http":
            await self._http(scope, receive, send)
        else:
            await self.app(scope, receive, send)

    async def _websocket(self, scope: Scope, receive: Receive, send: Send) -> None:
        origin = Headers(scope=scope).get("origin")
        if origin is not None and origin.lower() not in self.trusted:
            await receive()  # websocket.connect
            await send({"type": "websocket.close", "code": 1008})  # → HTTP 403
            return
        await self.app(scope, receive, send)

    async def _http(self, scope: Scope, receive: Receive, send: Send) -> None:
        headers = Headers(scope=scope)
        path: str = scope["path"]
        if "\x00" in path or b"%00" in scope.get("query_string", b"").lower():
            await _json(send, 422, "The address contains a NUL character, which is not allowed.")
            return
        with_cookie = "cookie" in headers and not _has_bearer(headers)
        if with_cookie and scope["method"] not in SAFE_METHODS:
            if not is_trusted_request(headers, self.trusted):
                await _json(
                    send,
                    403,
                    "Cross-site request refused: this request did not come from the app's "
                    "own pages. Automation should send an API token instead of a cookie.",
                )
                return
        elif (
            with_cookie
            and path.startswith(DATA_PREFIXES)
            and is_foreign_read(headers, self.trusted)
        ):
            await _json(send, 403, "Cross-site request refused.")
            return

        limit = self.upload_body_bytes if path in UPLOAD_PATHS else SMALL_BODY_BYTES
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            await _json(send, 413, _too_large(limit))
            return

        received = 0
        started = False

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge
            return message

        state = scope.setdefault("state", {})

        async def send_with_cookie(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                cookie = state.get(REFRESHED_COOKIE)
                if cookie:
                    message = dict(message)
                    message["headers"] = [
                        *message.get("headers", []),
                        (b"set-cookie", cookie.encode("latin-1")),
                    ]
            await send(message)

        try:
            await self.app(scope, counted_receive, send_with_cookie)
        except BodyTooLarge:
            if not started:
                await _json(send, 413, _too_large(limit))


def _too_large(limit: int) -> str:
    return f"The request is too large (over {limit // (1024 * 1024)} MB). Send smaller files."


async def _json(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
