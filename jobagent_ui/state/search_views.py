"""What the search page shows besides its state: its fixed choices, the source
options this server offers, and a run as a card (display values only)."""

from __future__ import annotations

import dataclasses
from typing import Final

from pydantic import ValidationError

from jobagent_core.config import get_settings
from jobagent_core.discovery.sources.registry import LIVE_SOURCES, configured_live_sources
from jobagent_core.services.searches import RunRow, new_suffix
from jobagent_ui import routes
from jobagent_ui.labels import RUN_STATUS_LABELS

FILE_UPLOAD_ID: Final = "jobs-file"
MAX_JOBS_FILE_BYTES: Final = 10 * 1024 * 1024
SHOWN_RUNS: Final = 10
BOARD_KINDS: Final = ("greenhouse", "lever", "ashby")
OPEN_KINDS: Final = ("arbeitnow", "remoteok", "themuse", "serpapi")
POSTED_WITHIN: Final = [
    ("any", "Any time"),
    ("1", "Last 24 hours"),
    ("3", "Last 3 days"),
    ("7", "Last week"),
    ("14", "Last 2 weeks"),
    ("30", "Last month"),
]
# How remote roles count (the request's `remote`): value, label.
REMOTE_CHOICES: Final = [
    ("region", "Remote only if open to my country or region"),
    ("anywhere", "Remote from anywhere is fine"),
    ("no", "No remote: on-site or hybrid only"),
]
SENIORITY: Final = [
    ("intern", "Intern"),
    ("junior", "Junior"),
    ("mid", "Mid-level"),
    ("senior", "Senior"),
    ("lead", "Lead"),
    ("principal", "Principal"),
    ("executive", "Executive"),
]


@dataclasses.dataclass
class SourceOption:
    kind: str
    label: str
    configured: bool
    needs: str  # what to configure, in words ("" when nothing)


@dataclasses.dataclass
class RunCard:
    id: str = ""
    title: str = ""
    status: str = ""
    status_label: str = ""
    current_step: str = ""
    percent: int = 0
    found: int = 0
    matched: int = 0
    matches_text: str = ""  # "13 matches (2 new)"
    matches_label: str = ""  # the same without the number: "matches (2 new)"
    written: int = 0
    error: str = ""
    warnings: list[str] = dataclasses.field(default_factory=list)
    # One line per source as it answers: "greenhouse:acme: 12 found, 10 new".
    sources: list[str] = dataclasses.field(default_factory=list)
    active: bool = False
    matches_url: str = ""
    no_worker_yet: bool = False  # still waiting after WORKER_HINT_AFTER_S
    dom_id: str = ""  # the card's element id: a started search is scrolled to it


def run_dom_id(run_id: str) -> str:
    return f"run-{run_id}"


def run_card(run: RunRow) -> RunCard:
    return RunCard(
        id=run.id,
        title=run.title or "Job search",
        status=run.status,
        status_label=RUN_STATUS_LABELS.get(run.status, run.status),
        current_step=run.current_step or "",
        percent=run.percent,
        found=run.found,
        matched=run.matched,
        matches_text=run.matches_summary,
        matches_label=("match" if run.matched == 1 else "matches")
        + new_suffix(run.matched, run.new_matches),
        written=run.fabrication_done,
        error=run.error_message or "",
        warnings=list(run.warnings[:5]),
        sources=[source.summary for source in run.sources],
        active=run.active,
        matches_url=f"{routes.MATCHES}?run={run.id}",
        dom_id=run_dom_id(run.id),
    )


def source_options() -> list[SourceOption]:
    settings = get_settings()
    configured = set(configured_live_sources(settings))
    return [
        SourceOption(
            kind=k.kind,
            label=k.label,
            configured=k.kind in configured,
            needs="" if k.kind in configured else f"Set {' and '.join(k.settings)} to use it.",
        )
        for k in LIVE_SOURCES
    ]


def validation_message(err: ValidationError) -> str:
    first = err.errors()[0]
    where = " › ".join(str(p) for p in first["loc"] if not isinstance(p, int)) or "Search"
    return f"{where.replace('_', ' ').capitalize()}: {first['msg']}."
