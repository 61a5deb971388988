"""Google (or any OpenID Connect provider) sign-in: authorization-code flow with
state, nonce and PKCE S256 through Authlib; id_token checked against the
provider's JWKS (signature, issuer, audience, expiry, nonce) with joserfc."""

from __future__ import annotations

import secrets
import threading
import time
import warnings
from dataclasses import dataclass
from typing import Any

# authlib.deprecate installs an "always" warnings filter when imported: import it
# before the quiet block below, or that filter overrides ours.
import authlib.deprecate  # noqa: F401
import httpx
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

with warnings.catch_warnings():
    # Authlib 1.9 points at a renamed httpx package; httpx itself works (measured).
    warnings.simplefilter("ignore")
    from authlib.integrations.httpx_client import OAuth2Client

SCOPES = "openid email profile"
_DISCOVERY_TTL_S = 3600.0
_HTTP_TIMEOUT_S = 10.0
USER_AGENT = "JobAgent/1 (+self-hosted)"


class OidcError(Exception):
    """The provider's answer could not be used; `code` names what went wrong."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(detail or code)
        self.code = code


@dataclass(frozen=True)
class ProviderMetadata:
    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    jwks_uri: str


@dataclass(frozen=True)
class AuthorizationRequest:
    url: str
    state: str
    nonce: str
    code_verifier: str


@dataclass(frozen=True)
class VerifiedIdentity:
    sub: str
    email: str
    email_verified: bool
    name: str | None
    picture: str | None
    id_token: str
    scope: str | None


class OidcClient:
    """One provider, one registered client. Discovery and keys are cached."""

    def __init__(
        self, discovery_url: str, client_id: str, client_secret: str, redirect_uri: str
    ) -> None:
        self.discovery_url = discovery_url
        self.client_id = client_id
        self._client_secret = client_secret
        self.redirect_uri = redirect_uri
        self._lock = threading.Lock()
        self._metadata: tuple[float, ProviderMetadata] | None = None
        self._keys: KeySet | None = None

    def _http(self) -> httpx.Client:
        return httpx.Client(timeout=_HTTP_TIMEOUT_S, headers={"User-Agent": USER_AGENT})

    def metadata(self) -> ProviderMetadata:
        with self._lock:
            if self._metadata and time.monotonic() - self._metadata[0] < _DISCOVERY_TTL_S:
                return self._metadata[1]
        try:
            with self._http() as http:
                document = http.get(self.discovery_url).raise_for_status().json()
            metadata = ProviderMetadata(
                issuer=str(document["issuer"]),
                authorization_endpoint=str(document["authorization_endpoint"]),
                token_endpoint=str(document["token_endpoint"]),
                jwks_uri=str(document["jwks_uri"]),
            )
        except (httpx.HTTPError, ValueError, KeyError, TypeError) as err:
            raise OidcError("provider_unavailable", f"discovery failed: {err}") from err
        with self._lock:
            self._metadata = (time.monotonic(), metadata)
        return metadata

    def _oauth(self) -> OAuth2Client:
        return OAuth2Client(
            client_id=self.client_id,
            client_secret=self._client_secret,
            redirect_uri=self.redirect_uri,
            scope=SCOPES,
            code_challenge_method="S256",
            timeout=_HTTP_TIMEOUT_S,
            headers={"User-Agent": USER_AGENT},
        )

    def authorization_request(self) -> AuthorizationRequest:
        """Where to send the browser, with fresh state, nonce and PKCE verifier."""
        endpoint = self.metadata().authorization_endpoint
        state, nonce = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        verifier = secrets.token_urlsafe(64)
        with self._oauth() as client:
            url, _ = client.create_authorization_url(
                endpoint,
                state=state,
                nonce=nonce,
                code_verifier=verifier,
                prompt="select_account",
            )
        return AuthorizationRequest(url=url, state=state, nonce=nonce, code_verifier=verifier)

    def finish(self, code: str, *, code_verifier: str, nonce: str) -> VerifiedIdentity:
        """Exchange `code` for tokens and verify the id_token."""
        metadata = self.metadata()
        try:
            with self._oauth() as client:
                token: dict[str, Any] = dict(
                    client.fetch_token(
                        metadata.token_endpoint, code=code, code_verifier=code_verifier
                    )
                )
        except Exception as err:  # Authlib raises several types for a refused exchange
            raise OidcError("token_exchange_failed", type(err).__name__) from err
        id_token = token.get("id_token")
        if not isinstance(id_token, str):
            raise OidcError("invalid_id_token", "no id_token in the token response")
        claims = self.verify_id_token(id_token, nonce=nonce, metadata=metadata)
        email = claims.get("email")
        if not isinstance(email, str) or "@" not in email:
            raise OidcError("no_email", "the provider did not share an e-mail address")
        # Google always sends the claim; without a verified address anyone could
        # claim someone else's e-mail and be signed in as them.
        if claims.get("email_verified") is not True:
            raise OidcError("email_not_verified", "the provider has not verified this address")
        return VerifiedIdentity(
            sub=str(claims["sub"]),
            email=email.strip().lower(),
            email_verified=True,
            name=_str_or_none(claims.get("name")),
            picture=_str_or_none(claims.get("picture")),
            id_token=id_token,
            scope=_str_or_none(token.get("scope")),
        )

    def _key_set(self, jwks_uri: str, *, refresh: bool = False) -> KeySet:
        if self._keys is not None and not refresh:
            return self._keys
        try:
            with self._http() as http:
                keys = KeySet.import_key_set(http.get(jwks_uri).raise_for_status().json())
        except (httpx.HTTPError, ValueError, JoseError) as err:
            raise OidcError("provider_unavailable", f"JWKS fetch failed: {err}") from err
        self._keys = keys
        return keys

    def verify_id_token(
        self, id_token: str, *, nonce: str, metadata: ProviderMetadata | None = None
    ) -> dict[str, Any]:
        """The id_token's claims once signature, issuer, audience, expiry and nonce hold."""
        metadata = metadata or self.metadata()
        try:
            try:
                decoded = jwt.decode(id_token, self._key_set(metadata.jwks_uri))
            except ValueError:  # key id not in our cached set: the provider rotated keys
                decoded = jwt.decode(id_token, self._key_set(metadata.jwks_uri, refresh=True))
            jwt.JWTClaimsRegistry(
                leeway=60,
                iss={"essential": True, "value": metadata.issuer},
                aud={"essential": True, "value": self.client_id},
                sub={"essential": True},
                exp={"essential": True},
                nonce={"essential": True, "value": nonce},
            ).validate(decoded.claims)
        except (JoseError, ValueError) as err:
            raise OidcError("invalid_id_token", str(err) or type(err).__name__) from err
        return dict(decoded.claims)


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and value else None
