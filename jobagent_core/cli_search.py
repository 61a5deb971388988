"""`jobagent search`: the main job in one line, with a progress bar and a ranked table."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from jobagent_core.discovery.sources.registry import FILE_KIND, FILE_PREFIX, split_source_spec

if TYPE_CHECKING:
    from jobagent_core.config import Settings
    from jobagent_core.workflows.local_run import MatchResult

# The pipeline (SQLAlchemy, NumPy, the profiler, rich) is imported inside the functions
# that run it, so `jobagent search --help` and a refused command line stay fast.

# A JSON or CSV file of postings on this machine: read here, by the file importer.
# On the command line `file:` always names such a path; the signed specs of stored
# files ("file:<storage key>:<signature>") are only written, by `file_sources`.
FILE_SPEC = f"{FILE_PREFIX}<path>"

STEP_WEIGHTS = {
    "Reading documents": 2,
    "Extracting profile": 5,
    "Saving profile": 8,
    "Discovering postings": 15,
    "Scoring and screening": 35,
    "Researching companies": 55,
    "Writing applications": 70,
    "Delivering": 97,
}


def fail(message: str) -> NoReturn:
    click.echo(f"error: {message}", err=True)
    sys.exit(1)


def read_cvs(cvs: Sequence[Path]) -> list[tuple[str, bytes]]:
    """Each CV file's name and bytes; a file that cannot be read ends the command."""
    files = []
    for path in cvs:
        try:
            files.append((path.name, path.read_bytes()))
        except OSError as err:
            fail(f"cannot read {path}: {err.strerror}")
    return files


def local_file_path(spec: str) -> str | None:
    """The path a command-line `file:<path>` source names ("" when it names none),
    or None for a source of any other kind."""
    kind, rest = split_source_spec(spec)
    return rest.strip() if kind == FILE_KIND else None


def read_job_file(spec: str) -> tuple[bytes, str]:
    """The bytes of the job file a `file:<path>` source names and how to store them,
    once the file importer has read at least one posting from them (the checks a
    file uploaded in the web app passes). Raises SourceFileError saying why not."""
    from jobagent_core.discovery.sources.file_import import FileSource, SourceFileError, read_file

    where = local_file_path(spec)
    if not where:
        raise SourceFileError(
            f"{FILE_SPEC} needs the path of a JSON or CSV job file, e.g. {FILE_PREFIX}jobs.csv"
        )
    raw = read_file(Path(where).expanduser(), where)
    jobs = FileSource(raw, where)
    if not jobs.postings:
        rows = [w for w in jobs.warnings if w.startswith("row ")]
        why = f" ({'; '.join(rows[:3])})" if rows else ""
        raise SourceFileError(f"{where} has no postings Job Agent could read{why}.")
    count = len(jobs.postings)
    click.echo(f"{where}: {count} {_plural(count, 'posting', 'postings')} read", err=True)
    return raw, ".csv" if where.lower().endswith(".csv") else ".json"


def file_sources(files: list[tuple[bytes, str]], settings: Settings) -> list[str]:
    """Store each job file and sign its source for the local user, who runs the search
    (as the web app signs an uploaded file for the person who uploaded it)."""
    from jobagent_core.auth.service import local_user
    from jobagent_core.db.engine import admin_engine, session_scope
    from jobagent_core.db.migrations import upgrade_if_behind
    from jobagent_core.storage import FileStore
    from jobagent_core.workflows.job_search_start import file_source

    upgrade_if_behind(settings.DATABASE_URL)
    with session_scope(admin_engine()) as db:
        user_id = local_user(db).id
    store = FileStore(settings.STORAGE_DIR)
    return [file_source(user_id, store.put(raw, suffix), settings) for raw, suffix in files]


def run_search(
    cvs: tuple[Path, ...],
    title: str,
    location: str | None,
    remote: str,
    remote_only: bool,
    sources: str,
    posted_within: int | None,
    out: Path | None,
) -> None:
    from pydantic import ValidationError
    from rich.console import Console
    from rich.markup import escape
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
    from rich.table import Table

    from jobagent_core.config import get_settings
    from jobagent_core.discovery.sources.file_import import SourceFileError
    from jobagent_core.discovery.sources.registry import UnknownSource
    from jobagent_core.profiling.service import UploadRejected
    from jobagent_core.workflows.engine import WorkflowError
    from jobagent_core.workflows.job_search_start import (
        JobSearchRequest,
        SourceSpecError,
        check_sources,
    )
    from jobagent_core.workflows.local_run import search_locally

    settings = get_settings()
    files = read_cvs(cvs)
    specs = [s.strip() for s in sources.split(",") if s.strip()]
    paths = [s for s in specs if local_file_path(s) is not None]
    named = [s for s in specs if s not in paths]
    try:
        # The request lower-cases sources: file paths stand in as "file:" until the
        # files are read and stored, then as sources signed for the local user.
        request = JobSearchRequest(
            title=title,
            location=location,
            remote_only=remote_only,
            sources=[*named, *([FILE_PREFIX] if paths else [])],
            remote=remote,
            filters={"posted_within_days": posted_within},
        )
        check_sources([s for s in request.sources if s != FILE_PREFIX], settings, user_id="")
        job_files = [read_job_file(spec) for spec in paths]
    except ValidationError as err:
        fail("; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in err.errors()))
    except UnknownSource as err:
        fail(str(UnknownSource(err.spec, FILE_SPEC)))
    except (SourceSpecError, SourceFileError) as err:
        fail(str(err))
    if job_files:
        request = JobSearchRequest.model_validate(
            {
                **request.model_dump(),
                "sources": [
                    *(s for s in request.sources if s != FILE_PREFIX),
                    *file_sources(job_files, settings),
                ],
            }
        )

    console = Console(stderr=True)
    with Progress(
        TextColumn("{task.description:<34}"),
        BarColumn(),
        TextColumn("{task.fields[counters]}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task("Starting", total=100, counters="")

        def show(status: dict[str, object]) -> None:
            step = str(status.get("current_step") or "Starting")
            counters = status.get("counters") or {}
            assert isinstance(counters, dict)
            text = ", ".join(f"{counters[k]} {k}" for k in ("found", "matched") if counters.get(k))
            progress.update(task, description=step, completed=STEP_WEIGHTS.get(step, 0),
                            counters=text)  # fmt: skip

        try:
            result = search_locally(settings, files, request, on_progress=show)
        except UploadRejected as err:
            fail(str(err))
            return
        except (WorkflowError, SourceSpecError) as err:
            fail(str(err))
            return
        progress.update(task, completed=100)

    run = result.run
    warnings = run.get("warnings")
    for warning in warnings if isinstance(warnings, list) else []:
        console.print(f"[yellow]note:[/yellow] {escape(str(warning))}")
    counters = run["counters"]
    assert isinstance(counters, dict)
    found, matches = counters["found"], len(result.matches)
    console.print(
        f"{found} {_plural(found, 'posting', 'postings')} found, {counters['screened']} "
        f"screened, {matches} {_plural(matches, 'match', 'matches')}"
    )
    table = Table(show_lines=False)
    for column in ("#", "Score", "Title", "Company", "Location", "Why"):
        table.add_column(column, overflow="fold")
    for rank, match in enumerate(result.matches, start=1):
        table.add_row(
            str(rank),
            f"{match.score:.0f}",
            match.title,
            match.company,
            match.location or "",
            "; ".join(match.reasons[:2]),
        )
    Console().print(table)
    if out is not None:
        console.print(save_applications(result.matches, out), markup=False, highlight=False)
    used = llm_usage_line([result.profiling, run])
    if used:
        console.print(used, markup=False, highlight=False)


def llm_usage_line(runs: list[dict[str, object]]) -> str | None:
    """ "LLM: 31 calls, 24,512 tokens, 1 repair, 2 fell back to offline, 95 s generating"
    over the runs' stages; None when no LLM was used."""
    totals: dict[str, float] = {}
    for run in runs:
        usage = run.get("llm_usage")
        for figures in usage.values() if isinstance(usage, dict) else ():
            for key, value in figures.items():
                totals[key] = totals.get(key, 0) + value
    if not totals:
        return None
    calls, repairs, fallbacks = (int(totals.get(k, 0)) for k in ("calls", "repairs", "fallbacks"))
    return (
        f"LLM: {calls} {_plural(calls, 'call', 'calls')}, {int(totals.get('total_tokens', 0)):,} "
        f"tokens, {repairs} {_plural(repairs, 'repair', 'repairs')}, {fallbacks} fell back to "
        f"offline, {totals.get('generation_s', 0):.0f} s generating"
    )


def _written(match: MatchResult) -> bool:
    """Whether this run wrote the match's letter and CV (a failed letter never counts)."""
    return bool(match.files) and match.fabrication_status != "failed"


def save_applications(matches: list[MatchResult], out: Path) -> str:
    """Write the matches' letters and CVs under `out` and say what is on disk: no
    folder is made when there is nothing to put in it, a match counts as written
    only when its files are on disk, and each letter that could not be written is
    named with the reason."""
    ready = [m for m in matches if _written(m)]
    failed = [m for m in matches if not _written(m)]
    reasons = [
        f"  not written: {m.title} at {m.company} — "
        + (m.fabrication_error or "no letter or CV was stored for this match.")
        for m in failed
        if m.fabrication_status == "failed" or m.fabrication_error
    ]
    on_disk: list[int] = []
    if ready:
        # Folders keep the table's ranks; a match without files gets none.
        from jobagent_core.workflows.local_run import write_files

        kept = [m if _written(m) else replace(m, files={}) for m in matches]
        try:
            folders = write_files(kept, out)
        except OSError as err:
            fail(f"cannot write to {out}: {err.strerror}")
        for folder, match in zip(folders, kept, strict=True):
            if match.files:
                on_disk.append(sum((folder / name).is_file() for name in match.files))
            else:
                with suppress(OSError):
                    folder.rmdir()
    written = sum(on_disk)
    saved = sum(1 for count in on_disk if count)
    if not saved:
        if not matches:
            why = "no matches"
        elif reasons:
            why = f"{len(failed)} of {len(matches)} could not be written"
        else:
            why = "no match has a letter or CV"
        return "\n".join([f"No letters or CVs written: {why}.", *reasons])
    some = f"{saved} of {len(matches)}" if saved < len(matches) else f"{saved}"
    lines = [
        f"Letters and CVs for {some} {_plural(len(matches), 'match', 'matches')} written "
        f"to {out}/ ({written} {_plural(written, 'file', 'files')})."
    ]
    if reasons:
        count = len(reasons)
        lines.append(f"{count} {_plural(count, 'application', 'applications')} failed:")
    return "\n".join([*lines, *reasons])


def _plural(count: int, one: str, many: str) -> str:
    return one if count == 1 else many
