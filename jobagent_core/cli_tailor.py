"""`jobagent tailor`: one posting (a link, or a text, HTML or JSON file) scored against
the CVs, with its letter and tailored CV, in this process.

The posting is added exactly as the web app adds it (a `posting` run of the local
user): a link is read here (a board's API for Greenhouse, Lever and Ashby links,
else the page through the SSRF guard); a file is read here too, before the run.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from jobagent_core.cli_search import fail, read_cvs

if TYPE_CHECKING:
    from jobagent_core.discovery.schema import PostingData

STEP_WEIGHTS = {
    "Reading documents": 2,
    "Extracting profile": 10,
    "Saving profile": 20,
    "Reading the posting": 30,
    "Scoring and screening": 45,
    "Researching the company": 60,
    "Writing the application": 75,
}
MAX_FILE_BYTES = 5 * 1024 * 1024
_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})


def _is_link(job: str) -> bool:
    return job.strip().lower().startswith(("http://", "https://"))


def _posting_from_json(raw: str, name: str, company: str | None) -> PostingData:
    """A JSON file: a schema.org JobPosting, else the first posting of a job file in
    the web app's import format."""
    from jobagent_core.discovery.pasted_posting import text_digest
    from jobagent_core.discovery.posting_page import UnreadablePage, posting_from_json
    from jobagent_core.discovery.posting_reader import ADDED_SOURCE
    from jobagent_core.discovery.sources.file_import import FileSource, SourceFileError

    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        fail(f"{name} is not valid JSON.")
    try:
        return posting_from_json(
            data, source=ADDED_SOURCE, source_id="text:" + text_digest(raw), company=company
        )
    except UnreadablePage:
        pass
    # One posting as an object of its own, or a job file's list of them.
    rows = [data] if isinstance(data, dict) and "jobs" not in data else data
    try:
        postings = FileSource(json.dumps(rows).encode(), name).postings
    except SourceFileError as err:
        fail(f"{name} holds no posting Job Agent could read ({err}).")
    if not postings:
        fail(f"{name} holds neither a schema.org JobPosting nor a posting in the import format.")
    first = postings[0]
    return first.model_copy(
        update={"source": ADDED_SOURCE, "source_id": "text:" + text_digest(first.description_text)}
    )


def posting_params(job: str, title: str | None, company: str | None) -> dict[str, Any]:
    """The `posting` run's parameters for --job: a link (read by the run), or a file
    read now. Exits with the reason when the file holds no posting."""
    from pydantic import ValidationError

    from jobagent_core.discovery.pasted_posting import PastedPostingError, text_digest
    from jobagent_core.discovery.posting_page import UnreadablePage, posting_from_page
    from jobagent_core.discovery.posting_reader import ADDED_SOURCE
    from jobagent_core.workflows.added_posting_start import AddPostingRequest, read_posting_params

    if _is_link(job):
        try:
            return AddPostingRequest(url=job, title=title, company=company).run_params()
        except ValidationError as err:
            fail(str(err.errors()[0]["msg"]).removeprefix("Value error, "))
    path = Path(job).expanduser()
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            fail(f"{path} is larger than {MAX_FILE_BYTES // 1_048_576} MB; it holds no posting.")
        raw = path.read_bytes().decode("utf-8", errors="replace")
    except OSError as err:
        fail(f"cannot read {path}: {err.strerror}")
    suffix = path.suffix.lower()
    try:
        if suffix in _HTML_SUFFIXES or raw.lstrip()[:15].lower().startswith(("<!doctype", "<html")):
            posting = posting_from_page(
                raw,
                None,
                source=ADDED_SOURCE,
                source_id="text:" + text_digest(raw),
                company=company,
            )
        elif suffix == ".json":
            posting = _posting_from_json(raw, path.name, company)
        else:
            return AddPostingRequest(text=raw, title=title, company=company).run_params()
    except UnreadablePage as err:
        fail(f"{path} could not be read as a posting: {err}")
    except (ValidationError, PastedPostingError) as err:
        message = err.errors()[0]["msg"] if isinstance(err, ValidationError) else str(err)
        fail(f"{path}: {str(message).removeprefix('Value error, ')}")
    if title:
        posting = posting.model_copy(update={"title": title})
    return read_posting_params(posting)


def run_tailor(
    cvs: tuple[Path, ...], job: str, title: str | None, company: str | None, out: Path | None
) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from jobagent_core.cli_search import llm_usage_line, save_applications
    from jobagent_core.config import get_settings
    from jobagent_core.profiling.service import UploadRejected
    from jobagent_core.workflows.added_posting_start import NoProfileYet
    from jobagent_core.workflows.engine import WorkflowError
    from jobagent_core.workflows.local_run import add_posting_locally

    settings = get_settings()
    files = read_cvs(cvs)
    params = posting_params(job, title, company)

    console = Console(stderr=True)
    with Progress(
        TextColumn("{task.description:<34}"),
        BarColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task("Starting", total=100)

        def show(status: dict[str, object]) -> None:
            step = str(status.get("current_step") or "Starting")
            progress.update(task, description=step, completed=STEP_WEIGHTS.get(step, 0))

        try:
            result = add_posting_locally(settings, files, params, on_progress=show)
        except (UploadRejected, WorkflowError, NoProfileYet) as err:
            fail(str(err))
        progress.update(task, completed=100)

    run = result.run
    warnings = run.get("warnings")
    for warning in warnings if isinstance(warnings, list) else []:
        console.print(f"[yellow]note:[/yellow] {escape(str(warning))}")
    if not result.matches:
        fail("The posting was read, but no match was stored for it.")
    match = result.matches[0]
    lines = [
        f"{match.title} at {match.company}" + (f" ({match.location})" if match.location else ""),
        f"Score: {match.score:.0f}/100",
    ]
    if match.url:
        lines.append(f"Link: {match.url}")
    lines += ["Why it fits:", *(f"  + {r}" for r in match.reasons or ["(no reasons given)"])]
    lines += ["Gaps:", *(f"  - {g}" for g in match.gaps or ["(none found)"])]
    click.echo("\n".join(lines))
    if out is not None:
        console.print(save_applications([match], out), markup=False, highlight=False)
    used = llm_usage_line([result.profiling, run])
    if used:
        console.print(used, markup=False, highlight=False)
