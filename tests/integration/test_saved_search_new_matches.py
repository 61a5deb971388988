"""A saved search's runs report and mail only what is new since its last run: the
same postings again give no e-mail and a note saying so; postings that appear
later are the only ones in the next digest, whose subject counts them."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session as OrmSession

from jobagent_core.config import get_settings
from jobagent_core.db.enums import RunStatus
from jobagent_core.db.models import JobPosting, MatchedJob, Run
from jobagent_core.discovery.sources.base import SearchQuery
from jobagent_core.discovery.sources.sample import SampleSource
from jobagent_core.services.runs import load_run
from jobagent_core.services.saved_searches import (
    SavedSearchRequest,
    edit_saved,
    get_saved,
    save_search,
)
from jobagent_core.storage import FileStore
from jobagent_core.workflows.dispatch import execute_run
from jobagent_core.workflows.job_search_start import file_source
from jobagent_core.workflows.saved_search_tick import tick_saved_searches
from tests.conftest import PostgresDatabase
from tests.saved_search_support import person
from tests.smtp_sink import SmtpSink
from tests.smtp_sink import smtp_sink as smtp_sink
from tests.worker_support import configure

pytestmark = pytest.mark.integration

SUNDAY = datetime(2026, 12, 6, 12, 0, tzinfo=UTC)


def job_rows(count: int) -> list[dict[str, Any]]:
    """Sample postings for a data engineer in Berlin, as rows of a job file."""
    found = SampleSource().search(
        SearchQuery(title="Data Engineer", location="Berlin", limit=count)
    )
    return [
        {
            "title": p.title,
            "company": p.company,
            "location": p.location,
            "description": p.description_text,
            "url": p.url or f"https://jobs.example.org/{n}",
        }
        for n, p in enumerate(found.postings[:count])
    ]


def stored_file(user_id: str, rows: list[dict[str, Any]]) -> str:
    settings = get_settings()
    key = FileStore(settings.STORAGE_DIR).put(json.dumps(rows).encode(), ".json")
    return file_source(user_id, key, settings)


def request_for(source: str) -> SavedSearchRequest:
    return SavedSearchRequest(
        title="Data Engineer",
        location="Berlin",
        sources=[source],
        schedule="daily",
        time_of_day="08:00",
        time_zone="Europe/Berlin",
    )


def run_due(engine: Engine, at: datetime) -> Run:
    """Tick at `at` and execute the one run it starts here, as a worker would."""
    [run_id] = tick_saved_searches(engine, at).started
    assert execute_run(run_id) == RunStatus.COMPLETED
    with OrmSession(engine) as db:
        run = db.get(Run, run_id)
        assert run is not None
        return run


def new_companies(engine: Engine, run_id: str) -> set[str]:
    with OrmSession(engine) as db:
        return set(
            db.scalars(
                select(JobPosting.company)
                .join(MatchedJob, MatchedJob.job_posting_id == JobPosting.id)
                .where(MatchedJob.run_id == run_id)
            )
        )


def test_only_new_matches_are_reported_and_mailed(
    monkeypatch: pytest.MonkeyPatch,
    pg_database: PostgresDatabase,
    pg_engine: Engine,
    smtp_sink: SmtpSink,
    tmp_path: Path,
) -> None:
    configure(monkeypatch, pg_database, tmp_path, SMTP_URL=smtp_sink.url, MATCH_TOP_K="40")
    user_id = person(pg_engine, "zoe@example.org")
    rows = job_rows(24)
    first_rows, extra = rows[0::2], rows[1::2]  # the others appear on the third day
    saved = save_search(
        user_id, request_for(stored_file(user_id, first_rows)), engine=pg_engine, now=SUNDAY
    )
    monday = datetime(2026, 12, 7, 7, 0, 30, tzinfo=UTC)

    first = run_due(pg_engine, monday)
    found_first = first.params["new_matches"]
    assert found_first > 0, "the data engineer should match sample postings in Berlin"
    [mail] = smtp_sink.messages
    noun = "match" if found_first == 1 else "matches"
    assert mail.message["Subject"] == (
        f"Job Agent: {found_first} new {noun} for Data Engineer in Berlin"
    )
    assert get_saved(user_id, saved.id, engine=pg_engine).last_result == (
        f"{found_first} new {noun}"
    )

    # The next day, the same postings: nothing new, no e-mail, and the run says so.
    second = run_due(pg_engine, monday + timedelta(days=1))
    assert second.params["new_matches"] == 0
    assert second.matched_count == first.matched_count  # still matches, just not new
    assert second.params["note"] == "No new matches since the last run."
    status = load_run(user_id, second.id, engine=pg_engine)  # GET /workflow/status/{id}
    assert status is not None
    assert (status["note"], status["saved_search_id"]) == (second.params["note"], saved.id)
    assert second.warnings == []
    assert len(smtp_sink.messages) == 1
    assert get_saved(user_id, saved.id, engine=pg_engine).last_result == (
        "No new matches since the last run"
    )

    # New postings appear: only they count.
    edit_saved(
        user_id,
        saved.id,
        request_for(stored_file(user_id, first_rows + extra)),
        engine=pg_engine,
        now=monday + timedelta(days=1, hours=1),
    )
    third = run_due(pg_engine, monday + timedelta(days=2))
    found_third = third.params["new_matches"]
    assert found_third > 0
    assert new_companies(pg_engine, third.id) <= {row["company"] for row in extra}
    assert len(smtp_sink.messages) == 2
    latest = smtp_sink.messages[-1].message
    noun = "match" if found_third == 1 else "matches"
    assert latest["Subject"] == f"Job Agent: {found_third} new {noun} for Data Engineer in Berlin"
    body = latest.get_body(("plain",))
    assert body is not None
    text = body.get_content()
    listed = [line for line in text.splitlines() if re.match(r"^\d+\. ", line)]
    assert len(listed) == found_third  # one numbered entry per new match, no others
    assert "note" not in third.params
