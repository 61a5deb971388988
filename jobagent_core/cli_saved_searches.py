"""`jobagent searches`: saved searches from the command line (list, add, pause,
resume, run, delete). Errors are one readable line and a non-zero exit code.

Without --email the commands act for the local user, as `jobagent search` does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NoReturn

import click

if TYPE_CHECKING:
    from jobagent_core.services.saved_searches import SavedSearchView

# The pipeline's modules are imported inside the commands: `--help` stays fast.

_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_EMAIL_HELP = "The owner's e-mail address (default: the local user)."


def _fail(message: str) -> NoReturn:
    click.echo(f"error: {message}", err=True)
    raise SystemExit(1)


def _owner(email: str | None) -> str:
    """The id of the user `email` names, or of the local user."""
    from sqlalchemy import func, select

    from jobagent_core.auth.service import local_user
    from jobagent_core.config import SettingsError, get_settings
    from jobagent_core.db.engine import admin_engine, session_scope
    from jobagent_core.db.migrations import upgrade_if_behind
    from jobagent_core.db.models import User

    try:
        upgrade_if_behind(get_settings().DATABASE_URL)
    except SettingsError as err:
        _fail(str(err))
    with session_scope(admin_engine()) as db:
        if email is None:
            return local_user(db).id
        user_id = db.scalars(select(User.id).where(func.lower(User.email) == email.lower())).first()
    if user_id is None:
        _fail(f"no user with e-mail {email} (they must sign in once first)")
    return user_id


def _line(view: SavedSearchView) -> str:
    where = f" in {view.location}" if view.location else ""
    return (
        f"{view.id}  {view.title}{where}\n"
        f"    {view.schedule_text}; next: {view.next_run_text}; last: {view.last_result}"
    )


def _run(action: str, email: str | None, saved_id: str) -> None:
    """pause / resume / run / delete one saved search, with errors in words."""
    from jobagent_core.auth.errors import AccessDenied
    from jobagent_core.db.engine import admin_engine
    from jobagent_core.discovery.sources.registry import SourceSpecError
    from jobagent_core.services import saved_searches as service

    user_id = _owner(email)
    engine = admin_engine()
    try:
        if action == "pause":
            click.echo(_line(service.pause_saved(user_id, saved_id, engine=engine)))
        elif action == "resume":
            click.echo(_line(service.resume_saved(user_id, saved_id, engine=engine)))
        elif action == "delete":
            service.delete_saved(user_id, saved_id, engine=engine)
            click.echo(f"saved search {saved_id} deleted")
        else:
            started = service.run_saved_now(user_id, saved_id, engine=engine)
            if started.queue_refused:
                _fail(f"run {started.run_id} could not be queued: is a worker running?")
            click.echo(f"run {started.run_id} started; `jobagent worker` executes it")
    except (service.SavedSearchNotFound, AccessDenied, SourceSpecError) as err:
        _fail(f"{err} ({saved_id})" if isinstance(err, LookupError) else str(err))


@click.group()
def searches() -> None:
    """Saved searches that run on a schedule (a worker with beat starts them)."""


@searches.command("list")
@click.option("--email", default=None, help=_EMAIL_HELP)
def searches_list(email: str | None) -> None:
    """Every saved search with its schedule, next run and last result."""
    from jobagent_core.db.engine import admin_engine
    from jobagent_core.services.saved_searches import list_saved

    views = list_saved(_owner(email), engine=admin_engine())
    if not views:
        click.echo("no saved searches")
    for view in views:
        click.echo(_line(view))


@searches.command("add")
@click.option("--title", required=True, help='The job title, e.g. "Data Engineer".')
@click.option("--location", default=None, help="City or country to search in.")
@click.option(
    "--remote",
    type=click.Choice(["anywhere", "region", "no"]),
    default="region",
    show_default=True,
    help="Remote roles: open to anywhere, to your region, or none.",
)
@click.option("--remote-only", is_flag=True, help="Only remote jobs.")
@click.option(
    "--source", "sources", default="sample", show_default=True, help="Comma-separated sources."
)
@click.option("--posted-within", type=int, default=None, help="Only postings of the last N days.")
@click.option(
    "--every",
    "schedule",
    type=click.Choice(["daily", "weekdays", "weekly"]),
    required=True,
    help="How often it runs.",
)
@click.option("--at", "time_of_day", required=True, help="Time of day, HH:MM (24-hour clock).")
@click.option("--on", "weekday", type=click.Choice(_WEEKDAYS), help="The weekday (weekly only).")
@click.option(
    "--tz", "time_zone", default="UTC", show_default=True, help='IANA zone, e.g. "Europe/Berlin".'
)
@click.option("--email", default=None, help=_EMAIL_HELP)
def searches_add(
    title: str,
    location: str | None,
    remote: str,
    remote_only: bool,
    sources: str,
    posted_within: int | None,
    schedule: str,
    time_of_day: str,
    weekday: str | None,
    time_zone: str,
    email: str | None,
) -> None:
    """Save a search with a schedule; it first runs at its next slot."""
    from pydantic import ValidationError

    from jobagent_core.db.engine import admin_engine
    from jobagent_core.discovery.sources.registry import SourceSpecError
    from jobagent_core.services.saved_searches import (
        SavedSearchRequest,
        TooManySavedSearches,
        save_search,
    )

    user_id = _owner(email)
    try:
        request = SavedSearchRequest(
            title=title,
            location=location,
            remote=remote,
            remote_only=remote_only,
            sources=[s for s in sources.split(",") if s.strip()],
            filters={"posted_within_days": posted_within},
            schedule=schedule,
            time_of_day=time_of_day,
            weekday=_WEEKDAYS.index(weekday) if weekday else None,
            time_zone=time_zone,
        )
        view = save_search(user_id, request, engine=admin_engine())
    except ValidationError as err:
        _fail("; ".join(_problem(e) for e in err.errors()))
    except (SourceSpecError, TooManySavedSearches) as err:
        _fail(str(err))
    click.echo(_line(view))


def _problem(error: object) -> str:
    assert isinstance(error, dict)
    where = ".".join(str(p) for p in error.get("loc", ()))
    message = str(error.get("msg", "")).removeprefix("Value error, ")
    return f"{where}: {message}" if where else message


@searches.command("pause")
@click.argument("saved_id")
@click.option("--email", default=None, help=_EMAIL_HELP)
def searches_pause(saved_id: str, email: str | None) -> None:
    """Stop SAVED_ID running until it is resumed."""
    _run("pause", email, saved_id)


@searches.command("resume")
@click.argument("saved_id")
@click.option("--email", default=None, help=_EMAIL_HELP)
def searches_resume(saved_id: str, email: str | None) -> None:
    """Run SAVED_ID again from its next slot."""
    _run("resume", email, saved_id)


@searches.command("run")
@click.argument("saved_id")
@click.option("--email", default=None, help=_EMAIL_HELP)
def searches_run(saved_id: str, email: str | None) -> None:
    """Start SAVED_ID now (its schedule stays as it is)."""
    _run("run", email, saved_id)


@searches.command("delete")
@click.argument("saved_id")
@click.option("--email", default=None, help=_EMAIL_HELP)
def searches_delete(saved_id: str, email: str | None) -> None:
    """Delete SAVED_ID (its past runs and matches stay)."""
    _run("delete", email, saved_id)
