"""`jobagent doctor`: is this installation able to do its job?

One line per check, in words: ✓ passed, ✗ failed (with what to do), – skipped
(not configured, or a check it depends on failed). `run_doctor()` returns the
exit code: 0 when nothing failed, 1 otherwise.

Checks: settings; database reachable; migrations at head with no drift from the
models; on PostgreSQL the ui role's privileges (docs/architecture.md §4); storage folder
writable; broker reachable (Redis, or the embedded queue's folders); a worker
answering a control ping and consuming every queue; SMTP (connect, EHLO,
STARTTLS); the LLM endpoint (GET {LLM_BASE_URL}/models); Google sign-in
(discovery document, and the redirect URI to register).

Nothing secret is printed: URLs are shown without passwords, keys never.
"""

from __future__ import annotations

import smtplib
import ssl
import sys
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from jobagent_core.config import Settings, SettingsError, load_settings

if TYPE_CHECKING:
    from sqlalchemy import Engine

DEFAULT_TIMEOUT_S = 5.0
# The worker ping waits this long for answers (it always waits the full time).
PING_TIMEOUT_S = 2.0


class Status(Enum):
    OK = "ok"
    FAIL = "fail"
    SKIP = "skip"


SYMBOLS = {Status.OK: "✓", Status.FAIL: "✗", Status.SKIP: "–"}
ASCII_SYMBOLS = {Status.OK: "ok", Status.FAIL: "FAIL", Status.SKIP: "-"}


@dataclass(frozen=True)
class Check:
    name: str
    status: Status
    detail: str

    def line(self, symbols: dict[Status, str] = SYMBOLS) -> str:
        return f"{symbols[self.status]} {self.name:<11} {self.detail}"


def ok(name: str, detail: str) -> Check:
    return Check(name, Status.OK, detail)


def fail(name: str, detail: str) -> Check:
    return Check(name, Status.FAIL, detail)


def skip(name: str, detail: str) -> Check:
    return Check(name, Status.SKIP, detail)


def one_line(err: BaseException) -> str:
    """An exception as one short line (drivers like to add context lines)."""
    text = " ".join(str(err).split()) or type(err).__name__
    return text if len(text) <= 240 else text[:237] + "..."


def shown_url(url: str) -> str:
    """A database or broker URL without its password."""
    from sqlalchemy import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # not an SQLAlchemy URL (e.g. a broker URL)
        from urllib.parse import urlsplit

        parts = urlsplit(url)
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port else ""
        user = f"{parts.username}:***@" if parts.password else ""
        return f"{parts.scheme}://{user}{host}{port}{parts.path}"


# ---------------------------------------------------------------------- database


@contextmanager
def _engine(url: str, timeout_s: float) -> Iterator[Engine]:
    from sqlalchemy import make_url

    from jobagent_core.db.engine import make_engine

    args: dict[str, object] = {}
    if make_url(url).get_backend_name() == "postgresql":
        args = {"connect_timeout": max(1, round(timeout_s))}
    engine = make_engine(url, connect_args=args)
    try:
        yield engine
    finally:
        engine.dispose()


def check_database(engine: Engine, url: str) -> Check:
    from sqlalchemy import text

    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as err:
        return fail("database", f"cannot connect to {shown_url(url)}: {one_line(err)}")
    return ok("database", f"connected to {shown_url(url)}")


def check_migrations(engine: Engine) -> Check:
    from jobagent_core.db.migrations import schema_state

    try:
        state = schema_state(engine)
    except Exception as err:
        return fail("migrations", f"cannot read the migration state: {one_line(err)}")
    if state.current != state.head:
        return fail(
            "migrations",
            f"database is at revision {state.current or '(none)'}, the code expects "
            f"{state.head}: run `jobagent db upgrade` (then `jobagent db provision-roles`)",
        )
    if state.drift:
        return fail(
            "migrations",
            f"at revision {state.current}, but the database differs from the models in "
            f"{len(state.drift)} place(s), e.g. {state.drift[0]}: see `jobagent db check`",
        )
    return ok("migrations", f"at the latest revision {state.current}; no drift from the models")


def ui_role_problems(engine: Engine) -> tuple[str, list[str]]:
    """Who `engine` connects as, and what is wrong with that role's privileges
    for the web app (empty when it matches docs/architecture.md §4)."""
    from sqlalchemy import text

    from jobagent_core.db.models import Base
    from jobagent_core.db.roles import READ_ONLY_FOR_UI, SCHEMA, UI_DELETABLE_TABLES

    problems: list[str] = []
    with engine.connect() as conn:
        user, superuser = conn.execute(
            text("SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user")
        ).one()
        if superuser:
            problems.append("is a superuser")
        if conn.execute(
            text(
                "SELECT pg_get_userbyid(nspowner) = current_user "
                "FROM pg_namespace WHERE nspname = :s"
            ),
            {"s": SCHEMA},
        ).scalar():
            problems.append(f"owns schema {SCHEMA}")
        if conn.execute(text("SELECT has_schema_privilege(:s, 'CREATE')"), {"s": SCHEMA}).scalar():
            problems.append(f"may CREATE in schema {SCHEMA}")
        owned = conn.execute(
            text(
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = :s AND pg_get_userbyid(c.relowner) = current_user "
                "ORDER BY c.relname"
            ),
            {"s": SCHEMA},
        ).scalars()
        if owned_tables := list(owned):
            problems.append(f"owns {', '.join(owned_tables)}")

        expected: dict[str, dict[str, bool]] = {}
        for table in Base.metadata.sorted_tables:
            deletable = table.name in UI_DELETABLE_TABLES
            expected[table.name] = {
                "SELECT": True,
                "INSERT": True,
                "UPDATE": True,
                "DELETE": deletable,
                "TRUNCATE": False,
            }
        for table_name in READ_ONLY_FOR_UI:
            expected[table_name] = {
                "SELECT": True,
                "INSERT": False,
                "UPDATE": False,
                "DELETE": False,
                "TRUNCATE": False,
            }
        for table_name, rights in expected.items():
            qualified = f'{SCHEMA}."{table_name}"'
            if conn.execute(text("SELECT to_regclass(:t)"), {"t": qualified}).scalar() is None:
                continue  # a missing table is the migrations check's to report
            for right, wanted in rights.items():
                has = conn.execute(
                    text("SELECT has_table_privilege(:t, :p)"), {"t": qualified, "p": right}
                ).scalar()
                if wanted and not has:
                    problems.append(f"lacks {right} on {table_name}")
                elif has and not wanted:
                    problems.append(f"may {right} on {table_name}")
    return str(user), problems


def check_ui_role(settings: Settings, timeout_s: float) -> Check:
    if not settings.uses_postgres:
        return skip("ui role", "SQLite: no roles to check (PostgreSQL only)")
    if not settings.UI_DATABASE_URL:
        return fail(
            "ui role",
            "UI_DATABASE_URL is not set, so the web app connects as DATABASE_URL's role: "
            "set it to the job_agent_ui role",
        )
    url = settings.ui_database_url
    try:
        with _engine(url, timeout_s) as engine:
            user, problems = ui_role_problems(engine)
    except Exception as err:
        return fail("ui role", f"cannot check as {shown_url(url)}: {one_line(err)}")
    if problems:
        shown = problems[:6] + ([f"and {len(problems) - 6} more"] if len(problems) > 6 else [])
        return fail(
            "ui role",
            f"{user} (UI_DATABASE_URL) {'; '.join(shown)}: run `jobagent db provision-roles` "
            "as a superuser or the admin role",
        )
    return ok(
        "ui role",
        f"{user}: reads and writes rows, deletes only session/verification rows, no DDL",
    )


# ------------------------------------------------------------- storage and queue


def _writable(folder: Path) -> str | None:
    """None when a file can be created in `folder` (created if missing), else why not."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".doctor-{uuid.uuid4().hex}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as err:
        return err.strerror or type(err).__name__
    return None


def check_storage(settings: Settings) -> Check:
    folder = settings.STORAGE_DIR.resolve()
    if problem := _writable(folder):
        return fail("storage", f"cannot write to STORAGE_DIR {folder}: {problem}")
    return ok("storage", f"STORAGE_DIR {folder} is writable")


def check_broker(settings: Settings, timeout_s: float) -> Check:
    url = settings.broker_url
    if url is None:
        folder = settings.QUEUE_DIR.resolve()
        for sub in ("messages", "processed", "control"):
            if problem := _writable(folder / sub):
                return fail("broker", f"embedded queue: cannot write to {folder / sub}: {problem}")
        return ok("broker", f"embedded queue in {folder} (no Redis configured); folders writable")
    from jobagent_core.tasks.celery_app import create_celery

    app = create_celery(settings)
    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=timeout_s)
    except Exception as err:
        return fail("broker", f"cannot reach {shown_url(url)}: {one_line(err)}")
    finally:
        app.close()
    return ok("broker", f"reachable at {shown_url(url)}")


def check_worker(settings: Settings) -> Check:
    """A worker answers a control ping (broadcast through the broker; works with
    Redis and with the embedded queue, whose control folder lives in QUEUE_DIR)."""
    from jobagent_core.tasks.celery_app import QUEUES, create_celery

    app = create_celery(settings)
    try:
        replies = app.control.ping(timeout=PING_TIMEOUT_S) or []
        names = sorted(name for reply in replies for name in reply)
        if not names:
            return fail(
                "worker",
                f"no worker answered a ping within {PING_TIMEOUT_S:g} s: start one with "
                "`jobagent worker` (same broker and settings as this process)",
            )
        active = app.control.inspect(timeout=PING_TIMEOUT_S).active_queues() or {}
    except Exception as err:
        return fail("worker", f"cannot ask the workers: {one_line(err)}")
    finally:
        app.close()
    consumed = {queue["name"] for queues in active.values() for queue in queues}
    missing = [queue for queue in QUEUES if queue not in consumed]
    who = f"{len(names)} worker(s) answered ({', '.join(names)})"
    if missing:
        return fail("worker", f"{who}, but none consumes queue(s) {', '.join(missing)}")
    return ok("worker", f"{who}; queues {', '.join(QUEUES)} are consumed")


# ------------------------------------------------------------ outside services


def check_smtp(settings: Settings, timeout_s: float) -> Check:
    if not settings.SMTP_URL:
        return skip("smtp", "not configured (SMTP_URL): digests are not e-mailed")
    from jobagent_core.digest.smtp import DeliveryError, parse_smtp_url

    try:
        target = parse_smtp_url(settings.SMTP_URL)
    except DeliveryError as err:
        return fail("smtp", str(err))
    where = f"{target.host}:{target.port}"
    context = ssl.create_default_context()
    client: smtplib.SMTP | None = None
    try:
        if target.implicit_tls:
            client = smtplib.SMTP_SSL(target.host, target.port, timeout=timeout_s, context=context)
        else:
            client = smtplib.SMTP(target.host, target.port, timeout=timeout_s)
        code, _ = client.ehlo()
        if code != 250:
            return fail("smtp", f"{where} answered EHLO with {code}")
        tls = "implicit TLS" if target.implicit_tls else "no TLS offered"
        if not target.implicit_tls and client.has_extn("starttls"):
            client.starttls(context=context)
            client.ehlo()
            tls = "STARTTLS"
        if target.username and tls == "no TLS offered":
            return fail("smtp", f"{where} offers no TLS: the password would travel in clear")
    except ssl.SSLError as err:
        return fail("smtp", f"TLS with {where} failed: {one_line(err)}")
    except TimeoutError:
        return fail("smtp", f"{where} did not answer within {timeout_s:g} s")
    except (OSError, smtplib.SMTPException) as err:
        return fail("smtp", f"cannot talk to {where}: {one_line(err)}")
    finally:
        if client is not None:
            try:
                client.quit()
            except (OSError, smtplib.SMTPException):
                client.close()
    return ok("smtp", f"{where} answered EHLO ({tls}); login not attempted")


def check_llm(settings: Settings, timeout_s: float) -> Check:
    if not settings.LLM_BASE_URL:
        return skip("llm", "not configured (LLM_BASE_URL): the offline engine writes")
    import httpx

    url = settings.LLM_BASE_URL.rstrip("/") + "/models"
    headers = {"Accept": "application/json"}
    if settings.LLM_API_KEY:
        headers["Authorization"] = f"Bearer {settings.LLM_API_KEY.get_secret_value()}"
    try:
        response = httpx.get(url, headers=headers, timeout=timeout_s)
    except httpx.TimeoutException:
        return fail("llm", f"GET {url} did not answer within {timeout_s:g} s")
    except httpx.HTTPError as err:
        return fail("llm", f"GET {url} failed: {type(err).__name__}")
    if response.status_code in (401, 403):
        return fail("llm", f"GET {url}: HTTP {response.status_code}, LLM_API_KEY was refused")
    if response.status_code != 200:
        return fail("llm", f"GET {url}: HTTP {response.status_code}")
    try:
        models = [str(m.get("id")) for m in response.json().get("data", [])]
    except (ValueError, AttributeError):
        return fail("llm", f"GET {url} did not return an OpenAI-style model list")
    listed = (
        f"model {settings.LLM_MODEL} is listed"
        if settings.LLM_MODEL in models
        else f"model {settings.LLM_MODEL} is not among the {len(models)} listed (some "
        "providers list models under other names)"
    )
    return ok("llm", f"{url} answered; {listed}")


def check_sign_in(settings: Settings, timeout_s: float) -> Check:
    from jobagent_core.api.auth_routes import CALLBACK_PATH

    redirect_uri = settings.BETTER_AUTH_URL + CALLBACK_PATH
    if not settings.google_enabled:
        if settings.local_sign_in_enabled:
            return skip(
                "google",
                "not configured (GOOGLE_CLIENT_ID/SECRET): local sign-in only, for development",
            )
        return fail(
            "google",
            "not configured, and local sign-in is off because BETTER_AUTH_URL is https: "
            f"nobody can sign in. Create an OAuth client with redirect URI {redirect_uri}",
        )
    import httpx

    url = settings.GOOGLE_DISCOVERY_URL
    try:
        response = httpx.get(url, timeout=timeout_s)
        document = response.json() if response.status_code == 200 else {}
    except (httpx.HTTPError, ValueError) as err:
        return fail("google", f"discovery {url} unreachable ({type(err).__name__})")
    if not isinstance(document, dict) or "authorization_endpoint" not in document:
        return fail("google", f"discovery {url}: HTTP {response.status_code}, no OpenID document")
    return ok(
        "google",
        f"discovery reachable; the OAuth client must list the redirect URI {redirect_uri}",
    )


# ------------------------------------------------------------------------ runner


def run_checks(
    settings: Settings | None = None, timeout_s: float = DEFAULT_TIMEOUT_S
) -> list[Check]:
    """Every check, in order; a check that cannot run says why it was skipped."""
    if settings is None:
        try:
            settings = load_settings()
        except SettingsError as err:
            return [fail("settings", str(err)), skip("others", "skipped: fix the settings first")]
    mode = "PostgreSQL" if settings.uses_postgres else "SQLite"
    checks = [ok("settings", f"loaded ({mode}, app at {settings.BETTER_AUTH_URL})")]

    with _engine(settings.DATABASE_URL, timeout_s) as engine:
        database = check_database(engine, settings.DATABASE_URL)
        checks.append(database)
        if database.status is Status.OK:
            checks.append(check_migrations(engine))
        else:
            checks.append(skip("migrations", "skipped: the database is unreachable"))
    checks.append(check_ui_role(settings, timeout_s))
    checks.append(check_storage(settings))
    broker = check_broker(settings, timeout_s)
    checks.append(broker)
    if broker.status is Status.OK:
        checks.append(check_worker(settings))
    else:
        checks.append(skip("worker", "skipped: the broker is unreachable"))
    checks.append(check_smtp(settings, timeout_s))
    checks.append(check_llm(settings, timeout_s))
    checks.append(check_sign_in(settings, timeout_s))
    return checks


def _symbols() -> dict[Status, str]:
    encoding = getattr(sys.stdout, "encoding", None) or "ascii"
    try:
        "".join(SYMBOLS.values()).encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return ASCII_SYMBOLS
    return SYMBOLS


def run_doctor(
    settings: Settings | None = None,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    echo: Callable[[str], None] = print,
) -> int:
    """Print one line per check; 0 when nothing failed, 1 otherwise."""
    symbols = _symbols()
    checks = run_checks(settings, timeout_s)
    for check in checks:
        echo(check.line(symbols))
    failed = [c.name for c in checks if c.status is Status.FAIL]
    echo(f"{len(failed)} check(s) failed: {', '.join(failed)}" if failed else "all checks passed")
    return 1 if failed else 0
