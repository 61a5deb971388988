"""/api/auth/*: Google sign-in, local sign-in, sign-out and session lookup.

Paths and behaviour follow Better Auth's, so one Google OAuth client and one
session cookie serve this app and a future JavaScript client alike. Every
failure ends on the sign-in page with an error code it explains in words.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from urllib.parse import urlencode

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from jobagent_core.api.deps import current_user_sync
from jobagent_core.auth import cookies
from jobagent_core.auth.current_user import Authenticator
from jobagent_core.auth.oidc import OidcClient, OidcError
from jobagent_core.auth.origins import is_trusted_request
from jobagent_core.auth.service import SignInError, safe_callback_path
from jobagent_core.config import Settings
from jobagent_core.services.sign_in import (
    remember_authorization,
    sign_in_identity,
    sign_in_local_user,
    sign_out,
    take_authorization,
)

log = logging.getLogger(__name__)

SIGN_IN_PAGE = "/sign-in"
CALLBACK_PATH = "/api/auth/callback/google"


@dataclass
class AuthRoutes:
    settings: Settings
    authenticator: Authenticator
    _oidc: OidcClient | None = field(default=None, init=False)

    @property
    def oidc(self) -> OidcClient | None:
        client_id, secret = self.settings.GOOGLE_CLIENT_ID, self.settings.GOOGLE_CLIENT_SECRET
        if self._oidc is None and client_id and secret:
            self._oidc = OidcClient(
                discovery_url=self.settings.GOOGLE_DISCOVERY_URL,
                client_id=client_id,
                client_secret=secret.get_secret_value(),
                redirect_uri=self.settings.BETTER_AUTH_URL + CALLBACK_PATH,
            )
        return self._oidc

    def routes(self) -> list[Route]:
        return [
            Route("/api/auth/sign-in/google", self.sign_in_google, methods=["GET"]),
            Route(CALLBACK_PATH, self.callback_google, methods=["GET"]),
            Route("/api/auth/sign-in/local", self.sign_in_local, methods=["POST"]),
            Route("/api/auth/sign-out", self.sign_out, methods=["POST"]),
            Route("/api/auth/get-session", self.get_session, methods=["GET"]),
        ]

    # -- helpers ---------------------------------------------------------------

    def _fail(self, code: str, callback: str | None = None) -> RedirectResponse:
        query = {"error": code}
        if callback and callback != "/":
            query["callbackURL"] = callback
        return RedirectResponse(f"{SIGN_IN_PAGE}?{urlencode(query)}", status_code=302)

    def _signed_in(self, token: str, target: str, status_code: int = 302) -> RedirectResponse:
        response = RedirectResponse(target, status_code=status_code)
        value = cookies.sign(token, self.authenticator.secret)
        response.headers.append(
            "set-cookie", cookies.set_cookie_header(value, https=self.authenticator.https)
        )
        return response

    def _same_origin(self, request: Request) -> bool:
        """Refuse cross-site POSTs (sign-out, local sign-in) as Better Auth does.

        The request guard checks cookie-carrying requests already; local sign-in
        comes without a cookie, and a forged one would sign a victim in as
        someone else (login CSRF).
        """
        return is_trusted_request(request.headers, self.settings.trusted_origins)

    # -- endpoints (sync: Starlette runs them in a thread, off the event loop) --

    def sign_in_google(self, request: Request) -> Response:
        callback = safe_callback_path(request.query_params.get("callbackURL"))
        oidc = self.oidc
        if oidc is None:
            return self._fail("google_not_configured", callback)
        try:
            authorization = oidc.authorization_request()
        except OidcError as err:
            log.warning("Google sign-in unavailable: %s", err.code)
            return self._fail(err.code, callback)
        remember_authorization(authorization, callback, engine=self.authenticator.engine)
        return RedirectResponse(authorization.url, status_code=302)

    def callback_google(self, request: Request) -> Response:
        params = request.query_params
        oidc = self.oidc
        if oidc is None:
            return self._fail("google_not_configured")
        # The state row is consumed (deleted) whatever happens next: commit that
        # even when the state turns out expired or the provider reports an error.
        stored: dict[str, str] | None = None
        failure: str | None = None
        try:
            stored = take_authorization(params.get("state", ""), engine=self.authenticator.engine)
        except SignInError as err:
            failure = err.code
        callback = safe_callback_path(stored["callbackURL"]) if stored else "/"
        if error := params.get("error"):
            # Shown even without a valid state: it creates no session either way.
            reason = "access_denied" if error == "access_denied" else "provider_error"
            return self._fail(reason, callback)
        if stored is None:
            return self._fail(failure or "state_mismatch")
        auth_code = params.get("code")
        if not auth_code:
            return self._fail("provider_error", callback)
        try:
            identity = oidc.finish(
                auth_code, code_verifier=stored["codeVerifier"], nonce=stored["nonce"]
            )
        except OidcError as err:
            log.warning("Google sign-in refused: %s (%s)", err.code, err)
            return self._fail(err.code, callback)
        token = sign_in_identity(
            identity,
            ip_address=_client_ip(request),
            user_agent=request.headers.get("user-agent"),
            engine=self.authenticator.engine,
        )
        return self._signed_in(token, callback)

    async def sign_in_local(self, request: Request) -> Response:
        # Async for the form body; the session is written on a worker thread.
        if not self.settings.local_sign_in_enabled:
            return JSONResponse({"message": "Local sign-in is not enabled"}, status_code=404)
        if not self._same_origin(request):
            return JSONResponse({"message": "Cross-site request refused"}, status_code=403)
        async with request.form(max_fields=5, max_files=0) as form:
            callback = safe_callback_path(str(form.get("callbackURL") or "") or None)
        token = await run_in_threadpool(
            self._local_session, _client_ip(request), request.headers.get("user-agent")
        )
        return self._signed_in(token, callback, status_code=303)

    def _local_session(self, ip_address: str | None, user_agent: str | None) -> str:
        return sign_in_local_user(
            ip_address=ip_address, user_agent=user_agent, engine=self.authenticator.engine
        )

    def sign_out(self, request: Request) -> Response:
        if not self._same_origin(request):
            return JSONResponse({"message": "Cross-site request refused"}, status_code=403)
        token = self.authenticator.session_token(request.headers.get("cookie"))
        if token is not None:
            sign_out(token, engine=self.authenticator.engine)
        wants_page = "application/x-www-form-urlencoded" in request.headers.get("content-type", "")
        response: Response = (
            RedirectResponse(SIGN_IN_PAGE, status_code=303)
            if wants_page
            else JSONResponse({"success": True})
        )
        response.headers.append(
            "set-cookie", cookies.clear_cookie_header(https=self.authenticator.https)
        )
        return response

    def get_session(self, request: Request) -> Response:
        """Better Auth's shape: {session, user} or null. Re-sets a slid cookie."""
        current = current_user_sync(request, self.authenticator)
        if current is None or current.via != "session":
            return JSONResponse(None)
        return JSONResponse(
            {
                "user": {
                    "id": current.id,
                    "name": current.name,
                    "email": current.email,
                    "image": current.image,
                    "hasAccess": current.has_access,
                },
                "session": {"userId": current.id},
            }
        )


def _client_ip(request: Request) -> str | None:
    forwarded = request.headers.get("x-forwarded-for")
    if forwarded:
        return forwarded.split(",")[0].strip() or None
    return request.client.host if request.client else None
