"""The `jobagent` command. Errors reach the terminal as one readable line and a
non-zero exit code, never a traceback."""

from __future__ import annotations

import atexit
import gc
import json
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from jobagent_core import __version__
from jobagent_core.cli_saved_searches import searches
from jobagent_core.config import SettingsError, get_settings

if TYPE_CHECKING:
    from jobagent_core.profiling.documents import ExtractedDocument
    from jobagent_core.profiling.errors import DocumentError
    from jobagent_core.profiling.schemas import Profile

F = TypeVar("F", bound=Callable[..., Any])

EXIT_SETTINGS = 2
EXIT_FAILED = 1


def readable_errors(func: F) -> F:
    """Turn the errors a person can act on into a message and an exit code."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except SettingsError as err:
            click.echo(f"error: {err}", err=True)
            sys.exit(EXIT_SETTINGS)
        except Exception as err:
            # Imported only on failure: db.roles (psycopg) costs every command ~150 ms.
            from jobagent_core.db.roles import ProvisioningError

            if not isinstance(err, ProvisioningError):
                raise
            click.echo(f"error: {err}", err=True)
            sys.exit(EXIT_FAILED)

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="jobagent")
def main() -> None:
    """Job Agent: a self-hostable AI job-search agent."""


@main.group()
def db() -> None:
    """Database: migrate, check, provision the PostgreSQL roles."""


@db.command("upgrade")
@click.option("--url", help="Database URL (default: DATABASE_URL, the admin role).")
@readable_errors
def db_upgrade(url: str | None) -> None:
    """Apply all migrations (alembic upgrade head)."""
    from jobagent_core.db.migrations import upgrade

    target = url or get_settings().DATABASE_URL
    upgrade(target)
    click.echo("database is at the latest revision")


@db.command("check")
@click.option("--url", help="Database URL (default: DATABASE_URL).")
@readable_errors
def db_check(url: str | None) -> None:
    """Exit 0 when the database is at the head revision and matches the models."""
    from jobagent_core.db.engine import make_engine
    from jobagent_core.db.migrations import schema_state

    engine = make_engine(url or get_settings().DATABASE_URL)
    try:
        state = schema_state(engine)
    finally:
        engine.dispose()
    if state.current != state.head:
        click.echo(
            f"error: database is at revision {state.current or '(none)'}, code expects "
            f"{state.head}: run `jobagent db upgrade`",
            err=True,
        )
        sys.exit(EXIT_FAILED)
    if state.drift:
        click.echo("error: the database differs from the models:", err=True)
        for line in state.drift:
            click.echo(f"  {line}", err=True)
        sys.exit(EXIT_FAILED)
    click.echo(f"database at revision {state.current}; no drift")


@db.command("provision-roles")
@click.option(
    "--url",
    envvar="POSTGRES_SUPERUSER_URL",
    help="Connect as this role (a superuser to create roles; admin to refresh grants). "
    "Default: POSTGRES_SUPERUSER_URL, then DATABASE_URL.",
)
@click.option("--admin-password", help="Password for job_agent_admin (default: setting).")
@click.option("--ui-password", help="Password for job_agent_ui (default: setting).")
@readable_errors
def db_provision_roles(
    url: str | None, admin_password: str | None, ui_password: str | None
) -> None:
    """Create or update job_agent_admin and job_agent_ui with their privileges."""
    from jobagent_core.db.roles import ADMIN_ROLE, UI_ROLE, RolePasswords, provision_roles

    settings = get_settings()

    def secret(value: str | None, fallback: Any) -> str | None:
        return value or (fallback.get_secret_value() if fallback else None)

    provision_roles(
        url or settings.DATABASE_URL,
        RolePasswords(
            admin=secret(admin_password, settings.JOB_AGENT_ADMIN_PASSWORD),
            ui=secret(ui_password, settings.JOB_AGENT_UI_PASSWORD),
        ),
    )
    click.echo(f"roles {ADMIN_ROLE} and {UI_ROLE} provisioned")


@main.command()
@click.option(
    "--concurrency", "-c", type=int, default=None, help="Worker processes (default: CPU count)."
)
@click.option("--loglevel", default="INFO", show_default=True)
@click.option(
    "--beat/--no-beat",
    default=None,
    help="Also run the scheduler (Celery beat) for saved searches. Default: on with the "
    "embedded queue; with Redis run one `jobagent beat` per deployment instead.",
)
@readable_errors
def worker(concurrency: int | None, loglevel: str, beat: bool | None) -> None:
    """Run a Celery worker for every queue (profiling, search)."""
    from jobagent_core.tasks.celery_app import QUEUES, get_celery

    settings = get_settings()
    where = "Redis" if settings.broker_url else f"the embedded queue in {settings.QUEUE_DIR}"
    click.echo(f"worker: consuming {', '.join(QUEUES)} from {where}", err=True)
    argv = ["worker", "--queues", ",".join(QUEUES), "--loglevel", loglevel, "--without-gossip"]
    if concurrency:
        argv += ["--concurrency", str(concurrency)]
    if beat if beat is not None else not settings.broker_url:
        app = get_celery()
        schedule = Path(app.conf.beat_schedule_filename)
        schedule.parent.mkdir(parents=True, exist_ok=True)
        argv += ["--beat", "--schedule", str(schedule)]
        click.echo("worker: running the saved-search scheduler (beat) too", err=True)
    get_celery().worker_main(argv)


@main.command()
@click.option("--loglevel", default="INFO", show_default=True)
@readable_errors
def beat(loglevel: str) -> None:
    """Run the scheduler (Celery beat) that starts saved searches: one per deployment."""
    from jobagent_core.tasks.celery_app import get_celery

    app = get_celery()
    schedule = Path(app.conf.beat_schedule_filename)
    schedule.parent.mkdir(parents=True, exist_ok=True)
    click.echo(f"beat: saved-search tick every minute; state in {schedule}", err=True)
    app.start(["beat", "--loglevel", loglevel, "--schedule", str(schedule)])


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the profile as JSON.")
@readable_errors
def profile(files: tuple[Path, ...], as_json: bool) -> None:
    """Extract a profile from CV FILES (PDF, DOCX, TXT, Markdown), offline."""
    from jobagent_core.profiling.documents import read_document
    from jobagent_core.profiling.errors import DocumentError
    from jobagent_core.profiling.offline import extract_profile, merge_profiles
    from jobagent_core.profiling.render import profile_to_markdown

    profiles = []
    for path in files:
        try:
            data = path.read_bytes()
        except OSError as err:
            click.echo(f"error: cannot read {path}: {err.strerror}", err=True)
            sys.exit(EXIT_FAILED)
        try:
            document = read_document(path.name, data)
            found = extract_profile(document.text)
            refusal = _not_a_cv(path, data, document, found)
            if refusal is not None:
                raise refusal
        except DocumentError as err:
            click.echo(f"error: {err}", err=True)
            sys.exit(EXIT_FAILED)
        profiles.append(found)
    extracted = merge_profiles(profiles)
    if as_json:
        click.echo(extracted.model_dump_json(indent=2))
    else:
        click.echo(profile_to_markdown(extracted))


def _not_a_cv(
    path: Path, data: bytes, document: ExtractedDocument, found: Profile
) -> DocumentError | None:
    """Why a file the intake reads is still no CV, in the words of its errors: job
    postings (what `search --source file:` reads), other JSON data, or text in which
    nothing a CV states (a name, skills, experience) is found: `found` is the profile
    extracted from its text. None for a CV."""
    from jobagent_core.discovery.sources.file_import import FileSource, SourceFileError
    from jobagent_core.profiling.documents import DocumentKind
    from jobagent_core.profiling.errors import EmptyFile, UnsupportedDocument

    is_text = document.kind is DocumentKind.TEXT
    try:
        is_json = is_text and isinstance(json.loads(data), (dict, list))
    except (ValueError, RecursionError):  # not JSON, or nested past what we parse
        is_json = False
    if is_text and (is_json or not (found.name or found.experience)):
        try:
            postings = FileSource(data, path.name).postings
        except (SourceFileError, RecursionError):
            postings = []
        if postings:
            advice = (
                "Choose the file that holds your CV; to search these postings, run "
                f"`jobagent search --source file:{path}`."
            )
            return UnsupportedDocument(
                path.name, "a file of job postings", advice=advice, contradicts_name=False
            )
    if is_json:
        return UnsupportedDocument(path.name, "JSON data", contradicts_name=False)
    if found.name or found.skills or found.experience:  # what the profiling workflow asks
        return None
    scan = (
        "; a scanned PDF holds only pictures of text" if document.kind is DocumentKind.PDF else ""
    )
    return EmptyFile(
        path.name,
        detail=f"has no CV content we could recognise (no name, skills or experience{scan})",
    )


class _SourcesOption(click.Option):
    """--source, whose help lists every source from the registry when it is shown."""

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        from jobagent_core.cli_search import FILE_SPEC
        from jobagent_core.discovery.sources.registry import source_specs

        self.help = (
            f"Comma-separated: {', '.join(source_specs(FILE_SPEC))}. A {FILE_SPEC} is a "
            "JSON or CSV file of job postings on this machine."
        )
        return super().get_help_record(ctx)


# `search` and `tailor` take CVs the same way.
_cv_option = click.option(
    "--cv",
    "cvs",
    multiple=True,
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="A CV (PDF, DOCX, TXT, Markdown); repeat for several.",
)


@main.command()
@_cv_option
@click.option("--title", required=True, help='The job title to search for, e.g. "Data Engineer".')
@click.option("--location", default=None, help="City or country to search in.")
@click.option(
    "--remote",
    type=click.Choice(["anywhere", "region", "no"]),  # discovery.filters.REMOTE_OPTIONS
    default="region",
    show_default=True,
    help="Remote roles: open to anywhere, only those open to your country or region, "
    "or none (on-site and hybrid only).",
)
@click.option("--remote-only", is_flag=True, help="Only remote jobs.")
@click.option(
    "--source",
    "sources",
    cls=_SourcesOption,
    default="sample",
    show_default=True,
)
@click.option("--posted-within", type=int, default=None, help="Only postings of the last N days.")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Write each match's cover letter and CV (PDF, DOCX, Markdown) here.",
)
@readable_errors
def search(
    cvs: tuple[Path, ...],
    title: str,
    location: str | None,
    remote: str,
    remote_only: bool,
    sources: str,
    posted_within: int | None,
    out: Path | None,
) -> None:
    """Profile CVs and run the whole job search: ranked matches, letters and CVs."""
    from jobagent_core.cli_search import run_search

    # When the process ends, the collector's last passes over everything a search
    # leaves (~150,000 objects, several passes while modules are torn down) took
    # ~0.35 s of a ~1.8 s run; frozen objects are skipped, and the operating system
    # takes the memory back anyway. Nothing here relies on a collection at exit.
    atexit.register(gc.freeze)
    run_search(cvs, title, location, remote, remote_only, sources, posted_within, out)


@main.command()
@_cv_option
@click.option(
    "--job",
    required=True,
    help="The posting: its link (https://…), or a text, HTML or JSON file holding it.",
)
@click.option("--title", default=None, help="The job's title, when the posting does not say.")
@click.option("--company", default=None, help="The company, when the posting does not say.")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Write the cover letter and tailored CV (PDF, DOCX, Markdown) here.",
)
@readable_errors
def tailor(
    cvs: tuple[Path, ...], job: str, title: str | None, company: str | None, out: Path | None
) -> None:
    """Score one posting against CVs and write its letter and tailored CV."""
    from jobagent_core.cli_tailor import run_tailor

    run_tailor(cvs, job, title, company, out)


@main.group()
def users() -> None:
    """People who signed in, and their access."""


@users.command("list")
@readable_errors
def users_list() -> None:
    """Every user with their access and sign-in dates."""
    from sqlalchemy import select

    from jobagent_core.auth.access import has_access
    from jobagent_core.db.engine import admin_engine, session_scope
    from jobagent_core.db.models import User

    allow_list = get_settings().allow_list
    with session_scope(admin_engine()) as db:
        rows = db.scalars(select(User).order_by(User.created_at)).all()
        if not rows:
            click.echo("no users yet")
        for user in rows:
            access = "access" if has_access(user, allow_list) else "pending"
            last = user.last_used_at.strftime("%Y-%m-%d %H:%M") if user.last_used_at else "-"
            click.echo(f"{user.email:<40} {access:<8} last sign-in {last}  {user.name}")


def _set_access(email: str, value: bool) -> None:
    from sqlalchemy import func, select

    from jobagent_core.auth.access import has_access
    from jobagent_core.db.engine import admin_engine, session_scope
    from jobagent_core.db.models import User

    with session_scope(admin_engine()) as db:
        user = db.scalars(select(User).where(func.lower(User.email) == email.lower())).first()
        if user is None:
            click.echo(
                f"error: no user with e-mail {email} (they must sign in once first)", err=True
            )
            sys.exit(EXIT_FAILED)
        user.has_access = value
        allowed = has_access(user, get_settings().allow_list)
    click.echo(f"{email}: {'access granted' if value else 'access revoked'}")
    if not value and allowed:
        click.echo("note: ACCESS_ALLOW_LIST still lets this address in", err=True)


@users.command("grant")
@click.argument("email")
@readable_errors
def users_grant(email: str) -> None:
    """Let EMAIL use the agent."""
    _set_access(email, True)


@users.command("revoke")
@click.argument("email")
@readable_errors
def users_revoke(email: str) -> None:
    """Stop EMAIL from starting workflows."""
    _set_access(email, False)


@main.group()
def tokens() -> None:
    """API tokens for the HTTP API (Authorization: Bearer <token>)."""


def _user_id(email: str) -> str:
    from sqlalchemy import func, select

    from jobagent_core.db.engine import admin_engine, session_scope
    from jobagent_core.db.models import User

    with session_scope(admin_engine()) as db:
        user_id = db.scalars(select(User.id).where(func.lower(User.email) == email.lower())).first()
    if user_id is None:
        click.echo(f"error: no user with e-mail {email} (they must sign in once first)", err=True)
        sys.exit(EXIT_FAILED)
    return user_id


@tokens.command("create")
@click.option("--user", "email", required=True, help="The owner's e-mail address.")
@click.argument("name")
@readable_errors
def tokens_create(email: str, name: str) -> None:
    """Create a token called NAME; it is printed once and stored only as a hash."""
    from jobagent_core.auth.api_tokens import create_token
    from jobagent_core.auth.errors import InvalidTokenName
    from jobagent_core.db.engine import admin_engine, session_scope

    user_id = _user_id(email)
    try:
        with session_scope(admin_engine()) as db:
            row, plaintext = create_token(db, user_id, name)
            token_id = row.id
    except InvalidTokenName as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(EXIT_FAILED)
    click.echo(plaintext)
    click.echo(f"token {token_id} created; copy it now, it is not shown again", err=True)


@tokens.command("list")
@click.option("--user", "email", required=True, help="The owner's e-mail address.")
@readable_errors
def tokens_list(email: str) -> None:
    """A user's tokens (never the secrets)."""
    from jobagent_core.auth.api_tokens import list_tokens
    from jobagent_core.db.engine import admin_engine, session_scope

    user_id = _user_id(email)
    with session_scope(admin_engine()) as db:
        rows = list_tokens(db, user_id)
        if not rows:
            click.echo("no tokens")
        for row in rows:
            state = "revoked" if row.revoked_at else "active"
            used = row.last_used_at.strftime("%Y-%m-%d") if row.last_used_at else "never used"
            click.echo(f"{row.id}  {row.prefix}…  {state:<8} {used:<10}  {row.name}")


@tokens.command("revoke")
@click.option("--user", "email", required=True, help="The owner's e-mail address.")
@click.argument("token_id")
@readable_errors
def tokens_revoke(email: str, token_id: str) -> None:
    """Revoke one of the user's tokens by its id (see `tokens list`)."""
    from jobagent_core.auth.api_tokens import revoke_token
    from jobagent_core.db.engine import admin_engine, session_scope

    user_id = _user_id(email)
    with session_scope(admin_engine()) as db:
        revoked = revoke_token(db, user_id, token_id)
    if not revoked:
        click.echo(f"error: {email} has no active token {token_id}", err=True)
        sys.exit(EXIT_FAILED)
    click.echo(f"token {token_id} revoked")


@main.command()
@click.option(
    "--timeout",
    type=float,
    default=5.0,
    show_default=True,
    help="Seconds allowed for each network check.",
)
def doctor(timeout: float) -> None:
    """Check settings, database, roles, queue, worker, mail, LLM and sign-in.

    One line per check (✓ passed, ✗ failed, – skipped); exits 1 if any failed.
    """
    from jobagent_core.doctor import run_doctor

    sys.exit(run_doctor(timeout_s=timeout, echo=click.echo))


main.add_command(searches)


if __name__ == "__main__":
    main()
