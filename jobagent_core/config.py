"""One settings object for the whole product, read from the environment and `.env`.

Names are part of the contract (docs/architecture.md §9). A missing or malformed value
stops start-up with one line that names the setting and what was expected:
call `get_settings()` and let `SettingsError` reach the face (CLI, app, worker).
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    Field,
    SecretStr,
    ValidationError,
    computed_field,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, SettingsConfigDict

VAR_DIR = Path("var")
DEFAULT_DATABASE_URL = f"sqlite:///{VAR_DIR / 'jobagent.db'}"


class SettingsError(RuntimeError):
    """A setting is missing or malformed; `str(err)` is one line naming it."""


def normalise_database_url(url: str) -> str:
    """Return `url` with the driver we ship (psycopg 3) for PostgreSQL URLs.

    Accepts what operators paste (`postgres://`, `postgresql://`) and SQLite URLs.
    """
    url = url.strip()
    scheme, sep, rest = url.partition("://")
    if not sep:
        raise ValueError("expected a URL such as postgresql://user:pass@host/db or sqlite:///path")
    scheme = scheme.lower()
    if scheme in {"postgres", "postgresql", "postgresql+psycopg", "postgresql+psycopg2"}:
        return f"postgresql+psycopg://{rest}"
    if scheme in {"sqlite", "sqlite+pysqlite"}:
        return f"sqlite://{rest}"
    raise ValueError(f"expected a postgresql:// or sqlite:// URL, got scheme '{scheme}'")


def _url_with_schemes(*schemes: str) -> AfterValidator:
    def check(value: str | None) -> str | None:
        if value is None or value == "":
            return None
        parts = urlsplit(value)
        if parts.scheme not in schemes or not (parts.netloc or parts.path):
            raise ValueError(f"expected a {' or '.join(s + '://' for s in schemes)} URL")
        return value

    return AfterValidator(check)


HttpUrl = Annotated[str | None, _url_with_schemes("http", "https")]
RedisUrl = Annotated[str | None, _url_with_schemes("redis", "rediss")]
SmtpUrl = Annotated[str | None, _url_with_schemes("smtp", "smtps")]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        case_sensitive=True,
        hide_input_in_errors=True,
    )

    DATABASE_URL: str = DEFAULT_DATABASE_URL
    UI_DATABASE_URL: str | None = None
    REDIS_URL: RedisUrl = None
    CELERY_BROKER_URL: str | None = None

    BETTER_AUTH_SECRET: SecretStr | None = None
    BETTER_AUTH_URL: Annotated[str, _url_with_schemes("http", "https")] = "http://localhost:3000"
    GOOGLE_CLIENT_ID: str | None = None
    GOOGLE_CLIENT_SECRET: SecretStr | None = None
    # Any OpenID Connect provider works; tests point this at a local one.
    GOOGLE_DISCOVERY_URL: Annotated[str, _url_with_schemes("http", "https")] = (
        "https://accounts.google.com/.well-known/openid-configuration"
    )
    # Other origins (scheme://host[:port]) whose pages may call this app with the
    # session cookie, besides BETTER_AUTH_URL's own (comma separated; Better Auth's
    # trustedOrigins). Unset: only the app's own origin.
    TRUSTED_ORIGINS: str | None = None
    # Verified e-mails and domains let in without an operator's grant (comma separated,
    # e.g. "ada@example.org, example.com"). Unset: everyone who signs in has access.
    ACCESS_ALLOW_LIST: str | None = None

    LLM_BASE_URL: HttpUrl = None
    LLM_API_KEY: SecretStr | None = None
    LLM_MODEL: str | None = None
    # Seconds for one LLM request, and for one whole call including retries.
    LLM_TIMEOUT_S: Annotated[float, Field(gt=0, le=600)] = 60.0
    LLM_BUDGET_S: Annotated[float, Field(gt=0, le=3600)] = 180.0
    # How replies are held to the JSON schema: auto tries response_format json_schema,
    # then json_object with the schema, then plain JSON mode and the schema in the
    # prompt alone, and remembers what the server accepted; the other values force one.
    LLM_STRUCTURED_OUTPUT: Literal[
        "auto", "json_schema", "json_object_schema", "json_object", "prompt"
    ] = "auto"
    # Most tokens one reply may take (each call asks for what its schema needs, up to this).
    LLM_MAX_TOKENS: Annotated[int, Field(ge=64, le=1_000_000)] = 4096
    # Requests one process sends to the LLM server at once; the others wait their turn.
    LLM_CONCURRENCY: Annotated[int, Field(ge=1, le=64)] = 2

    SMTP_URL: SmtpUrl = None
    # Sender address of the e-mail digest (default: the SMTP user, else jobagent@localhost).
    SMTP_FROM: str | None = None

    # Job search. Postings screened precisely (by the LLM when configured) per run:
    MATCH_TOP_K: Annotated[int, Field(ge=1, le=500)] = 25
    # Fetch company websites for research (off: summaries come from the postings).
    RESEARCH_ONLINE: bool = False
    RESEARCH_CACHE_DAYS: Annotated[int, Field(ge=0, le=365)] = 14
    # Keys for the job boards that need them.
    SERPAPI_API_KEY: SecretStr | None = None
    # Where "Add a posting" reads Greenhouse, Lever and Ashby job links from: their
    # public APIs, unless overridden here ("greenhouse=http://…,lever=…,ashby=…"; a
    # lever entry serves both of Lever's regions). For mirrors and tests.
    BOARD_API_BASE_URLS: str | None = None
    # Tests only: lets the posting reader fetch pages on loopback addresses (any
    # port). Never set it on a server: it opens the SSRF guard to this machine.
    FETCH_ALLOW_LOOPBACK: bool = False
    ADZUNA_APP_ID: str | None = None
    ADZUNA_APP_KEY: SecretStr | None = None
    STORAGE_DIR: Path = VAR_DIR / "storage"
    # Uploads: size of one CV file, and how many CVs one profile holds.
    MAX_UPLOAD_MB: Annotated[int, Field(ge=1, le=100)] = 10
    MAX_DOCUMENTS: Annotated[int, Field(ge=1, le=50)] = 5
    # The embedded task queue (used when neither REDIS_URL nor CELERY_BROKER_URL is set).
    QUEUE_DIR: Path = VAR_DIR / "queue"
    # Seconds a run may go without a heartbeat before another worker takes it over
    # (a running run beats every third of this, at most every 5 s), and how often
    # each worker looks for such runs.
    RUN_STALE_AFTER_S: Annotated[int, Field(ge=3, le=3600)] = 30
    RUN_SWEEP_EVERY_S: Annotated[float, Field(ge=0.5, le=3600)] = 10.0
    # Seconds a page waits on a pending run before saying no worker seems to take it.
    WORKER_HINT_AFTER_S: Annotated[float, Field(ge=1, le=3600)] = 15.0

    # Passwords `jobagent db provision-roles` gives the two PostgreSQL roles.
    JOB_AGENT_ADMIN_PASSWORD: SecretStr | None = None
    JOB_AGENT_UI_PASSWORD: SecretStr | None = None

    @field_validator("DATABASE_URL", "UI_DATABASE_URL")
    @classmethod
    def _database_url(cls, value: str | None) -> str | None:
        return None if value in (None, "") else normalise_database_url(value)

    @field_validator("LLM_STRUCTURED_OUTPUT", mode="before")
    @classmethod
    def _lower_case(cls, value: object) -> object:
        return (value.strip().lower() or "auto") if isinstance(value, str) else value

    @field_validator("BETTER_AUTH_SECRET")
    @classmethod
    def _secret_long_enough(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and len(value.get_secret_value()) < 32:
            raise ValueError("expected at least 32 characters (try: openssl rand -base64 32)")
        return value

    @field_validator("BETTER_AUTH_URL")
    @classmethod
    def _no_trailing_slash(cls, value: str) -> str:
        return value.rstrip("/")

    @field_validator("TRUSTED_ORIGINS")
    @classmethod
    def _origins(cls, value: str | None) -> str | None:
        for entry in _split_list(value):
            if origin_of(entry) != entry.rstrip("/").lower():
                raise ValueError(f"expected origins like https://jobs.example.org, got '{entry}'")
        return value

    @field_validator("BOARD_API_BASE_URLS")
    @classmethod
    def _board_api_urls(cls, value: str | None) -> str | None:
        parse_board_api_urls(value)
        return value or None

    @model_validator(mode="after")
    def _pairs_are_complete(self) -> Settings:
        if bool(self.GOOGLE_CLIENT_ID) != bool(self.GOOGLE_CLIENT_SECRET):
            missing = "GOOGLE_CLIENT_SECRET" if self.GOOGLE_CLIENT_ID else "GOOGLE_CLIENT_ID"
            raise ValueError(f"{missing}: set both GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET")
        if self.LLM_BASE_URL and not self.LLM_MODEL:
            raise ValueError("LLM_MODEL: required when LLM_BASE_URL is set")
        if self.is_https and self.BETTER_AUTH_SECRET is None:
            raise ValueError("BETTER_AUTH_SECRET: required when BETTER_AUTH_URL is https")
        return self

    @computed_field  # type: ignore[prop-decorator]
    @property
    def ui_database_url(self) -> str:
        """The URL the web app connects with (the limited ui role in production)."""
        return self.UI_DATABASE_URL or self.DATABASE_URL

    @property
    def is_https(self) -> bool:
        return self.BETTER_AUTH_URL.startswith("https://")

    @property
    def uses_postgres(self) -> bool:
        return self.DATABASE_URL.startswith("postgresql")

    @property
    def google_enabled(self) -> bool:
        return bool(self.GOOGLE_CLIENT_ID and self.GOOGLE_CLIENT_SECRET)

    @property
    def local_sign_in_enabled(self) -> bool:
        """ "Continue as local user": only without Google and never over https."""
        return not self.google_enabled and not self.is_https

    @property
    def allow_list(self) -> frozenset[str]:
        return frozenset(e.lower().lstrip("@") for e in _split_list(self.ACCESS_ALLOW_LIST))

    @property
    def trusted_origins(self) -> frozenset[str]:
        """Origins whose pages may act with the session cookie: the app's own, its
        loopback aliases when it is served on localhost (the same server on the same
        port, whichever of the names a person types), and TRUSTED_ORIGINS."""
        own = origin_of(self.BETTER_AUTH_URL)
        origins = {own, *(origin_of(entry) for entry in _split_list(self.TRUSTED_ORIGINS))}
        parts = urlsplit(self.BETTER_AUTH_URL)
        if parts.hostname in _LOOPBACK_NAMES:
            port = f":{parts.port}" if parts.port else ""
            origins |= {f"{parts.scheme}://{name}{port}" for name in _LOOPBACK_HOSTS}
        return frozenset(origin for origin in origins if origin)

    @property
    def board_api_urls(self) -> dict[str, str]:
        """BOARD_API_BASE_URLS as {board kind: base URL} (empty: the public APIs)."""
        return parse_board_api_urls(self.BOARD_API_BASE_URLS)

    @property
    def llm_enabled(self) -> bool:
        return bool(self.LLM_BASE_URL)

    @property
    def smtp_enabled(self) -> bool:
        return bool(self.SMTP_URL)

    @property
    def broker_url(self) -> str | None:
        """Redis (or another broker) when configured; None means the embedded broker."""
        return self.CELERY_BROKER_URL or self.REDIS_URL


_LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
_LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "[::1]")


def _split_list(value: str | None) -> list[str]:
    """A setting holding a list: entries separated by commas, semicolons or spaces."""
    entries = (value or "").replace(";", ",").replace(" ", ",").split(",")
    return [e.strip() for e in entries if e.strip()]


BOARD_API_KINDS = ("greenhouse", "lever", "ashby")


def parse_board_api_urls(value: str | None) -> dict[str, str]:
    """ "greenhouse=http://h:1,lever=…" as {kind: URL}; raises ValueError in words."""
    urls: dict[str, str] = {}
    for entry in _split_list(value):
        kind, sep, url = entry.partition("=")
        kind = kind.strip().lower()
        if not sep or kind not in BOARD_API_KINDS:
            raise ValueError(
                f"expected entries like greenhouse=https://host, with one of "
                f"{', '.join(BOARD_API_KINDS)}; got '{entry}'"
            )
        if origin_of(url) is None:
            raise ValueError(f"expected an http(s) URL for {kind}, got '{url}'")
        urls[kind] = url.strip().rstrip("/")
    return urls


def origin_of(url: str) -> str | None:
    """`scheme://host[:port]` of an http(s) URL, lower-cased; None for anything else."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
    default = {"http": 80, "https": 443}[parts.scheme]
    return f"{parts.scheme}://{host}" + (f":{port}" if port and port != default else "")


def _one_line(err: ValidationError) -> str:
    first = err.errors()[0]
    name = ".".join(str(p) for p in first["loc"]) or "settings"
    message = first["msg"].removeprefix("Value error, ")
    if first["type"] == "missing":
        message = "required but not set"
    if ":" in message and message.split(":", 1)[0].isupper():
        # model-level checks already name the setting ("LLM_MODEL: required ...")
        return f"Invalid setting {message}"
    return f"Invalid setting {name}: {message}"


def load_settings(**overrides: object) -> Settings:
    """Build settings from the environment (and `.env`), or raise `SettingsError`."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as err:
        raise SettingsError(_one_line(err)) from None


@functools.cache
def get_settings() -> Settings:
    """The process-wide settings, loaded once."""
    return load_settings()
