"""A run's progress as the dashboard and the search page show it."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from jobagent_core.db.enums import RunStatus
from jobagent_core.tracking.dashboard import RunRow, source_counts

pytestmark = pytest.mark.unit

NOW = datetime(2026, 12, 6, tzinfo=UTC)
ROW = RunRow(
    id="r1", user_id="u1", kind="job_search", status=RunStatus.RUNNING, title="Data Engineer",
    location=None, current_step="Screening", progress_done=0, progress_total=0, found=0,
    screened=0, matched=0, research_done=0, research_failed=0, fabrication_done=0,
    fabrication_failed=0, warnings=(), error_message=None, created_at=NOW, started_at=NOW,
    finished_at=None, updated_at=NOW,
)  # fmt: skip


@pytest.mark.parametrize(
    ("status", "done", "total", "percent"),
    [
        (RunStatus.PENDING, 0, 0, 0),  # no step known yet
        (RunStatus.RUNNING, 1, 3, 33),
        (RunStatus.RUNNING, 2, 3, 67),  # rounded, not cut
        (RunStatus.RUNNING, 7, 5, 100),  # never past 100
        (RunStatus.FAILED, 2, 5, 40),  # a failed run shows how far it got
        (RunStatus.COMPLETED, 3, 5, 100),  # done is done, whatever the counters say
    ],
)
def test_percent(status: RunStatus, done: int, total: int, percent: int) -> None:
    row = replace(ROW, status=status, progress_done=done, progress_total=total)
    assert row.percent == percent


def test_source_counts_read_what_discovery_wrote_and_skip_the_rest() -> None:
    params = {
        "match_ids": ["m1"],
        "sources": [
            {"source": "greenhouse:acme", "status": "done", "found": 12, "new": 10, "seconds": 0.6},
            {"source": "lever:slowco", "status": "fetching", "found": 0, "new": 0},
            {"source": "remoteok", "status": "failed", "found": 0, "new": 0},
            {"status": "done"},  # no label: not shown
            "greenhouse:junk",
        ],
    }
    lines = [count.summary for count in source_counts(params)]
    assert lines == [
        "greenhouse:acme: 12 found, 10 new",
        "lever:slowco: fetching…",
        "remoteok: failed",
    ]
    assert source_counts({}) == () == source_counts(None) == source_counts({"sources": "x"})
    assert replace(ROW, sources=source_counts(params)).sources[0].new == 10
