"""`jobagent search`: the main job in one line, with a progress bar and a ranked table."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from pydantic import ValidationError
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from jobagent_core.config import get_settings
from jobagent_core.profiling.service import UploadRejected
from jobagent_core.workflows.engine import WorkflowError
from jobagent_core.workflows.job_search_start import (
    JobSearchRequest,
    SourceSpecError,
    check_sources,
)
from jobagent_core.workflows.local_run import search_locally, write_files

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


def fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(1)


def run_search(
    cvs: tuple[Path, ...],
    title: str,
    location: str | None,
    remote_only: bool,
    sources: str,
    posted_within: int | None,
    out: Path | None,
) -> None:
    settings = get_settings()
    files = []
    for path in cvs:
        try:
            files.append((path.name, path.read_bytes()))
        except OSError as err:
            fail(f"cannot read {path}: {err.strerror}")
    try:
        request = JobSearchRequest(
            title=title,
            location=location,
            remote_only=remote_only,
            sources=[s for s in sources.split(",") if s.strip()],
            filters={"posted_within_days": posted_within},
        )
    except ValidationError as err:
        fail("; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in err.errors()))
        return
    try:
        if any(s.startswith("file:") for s in request.sources):
            raise SourceSpecError("--source file:… is not supported here; use the web app.")
        check_sources(request.sources, settings, user_id="")
    except SourceSpecError as err:
        fail(str(err))

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
        console.print(f"[yellow]note:[/yellow] {warning}")
    counters = run["counters"]
    assert isinstance(counters, dict)
    console.print(
        f"{counters['found']} postings found, {counters['screened']} screened, "
        f"{len(result.matches)} matches"
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
        folders = write_files(result.matches, out)
        console.print(f"Letters and CVs for {len(folders)} matches written to {out}/")
