"""The LLM path against a real OpenAI-compatible server, end to end (`make test-llm`).

Every other LLM test talks to tests/llm_stub.py. These talk to a real server (see
conftest.py): the structured-output form is negotiated with it, and `jobagent search`
profiles a CV and runs a whole job search through it — profile, screening, letters.
A 135M model writes poor letters and may give up on a schema: what is checked is the
protocol path (no request the server refuses, replies validated, failures fall back
to the offline path and are counted) and that nothing is lost. The figures (calls,
tokens, repairs, fallbacks, time) are written to test-artifacts/llm-usage.json.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pydantic import BaseModel, Field

from jobagent_core.config import load_settings
from jobagent_core.llm import LlmClient
from jobagent_core.llm.request import FORMS
from tests import cv_fixtures
from tests.real_llm.conftest import LlmService

pytestmark = pytest.mark.real_llm

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


class Capital(BaseModel):
    country: str = Field(max_length=60)
    capital: str = Field(max_length=60)


def test_structured_output_is_negotiated_with_the_server(llm_service: LlmService) -> None:
    settings = load_settings(
        LLM_BASE_URL=llm_service.base_url,
        LLM_MODEL=llm_service.model,
        LLM_API_KEY=llm_service.api_key,
        LLM_TIMEOUT_S=300,
    )
    with LlmClient.from_settings(settings) as client:
        result = client.complete_structured(
            [
                {"role": "system", "content": "Answer with JSON."},
                {"role": "user", "content": "What is the capital of France?"},
            ],
            Capital,
            name="capital",
        )
        again = client.complete_structured(
            [{"role": "user", "content": "What is the capital of Italy? Answer with JSON."}],
            Capital,
            name="capital",
        )
    assert isinstance(result.parsed, Capital)
    assert isinstance(again.parsed, Capital)
    assert result.form in FORMS
    # What worked is remembered: the second request goes straight to that form.
    assert again.form == result.form
    assert again.usage.calls == 1 + again.usage.repairs
    if llm_service.log is not None:
        # llama-cpp-python refuses OpenAI's json_schema form; its own form works.
        assert result.form == "json_object_schema", result


def test_profiling_and_a_job_search_run_through_the_server(
    llm_service: LlmService, tmp_path: Path
) -> None:
    (tmp_path / "cv.pdf").write_bytes(cv_fixtures.render_pdf(cv_fixtures.DATA_ENGINEER))
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"DATABASE_URL", "UI_DATABASE_URL", "REDIS_URL", "SMTP_URL"}
        and not name.startswith("LLM_")
    }
    env |= llm_service.env() | {"COLUMNS": "200", "MATCH_TOP_K": "5"}
    # One slot on a 2-core machine: one request at a time, and time to generate.
    env |= {"LLM_CONCURRENCY": "1", "LLM_TIMEOUT_S": "300", "LLM_BUDGET_S": "900"}
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "jobagent_core.cli", "search", "--cv", "cv.pdf",
         "--title", "Data Engineer", "--location", "Berlin", "--out", "out"],
        capture_output=True, text=True, cwd=tmp_path, env=env, check=False, timeout=3000,
    )  # fmt: skip
    seconds = time.monotonic() - started
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr

    # Every stage asked the server; the usage line adds up what each run recorded.
    usage, matched = _run_usage(tmp_path)
    # Letters are asked for only when the model found a match (see the next test).
    wanted = {"profiling", "screening"} | ({"fabrication"} if matched else set())
    assert wanted <= set(usage), usage
    for stage, figures in usage.items():
        # a completion, or a request that gave nothing usable and fell back offline
        assert figures["calls"] + figures["fallbacks"] >= 1, (stage, figures)
        assert (figures["total_tokens"] > 0) == (figures["calls"] > 0), (stage, figures)
    assert sum(f["calls"] for f in usage.values()) >= 1, usage
    line = re.search(r"LLM: (\d+) calls?, ([\d,]+) tokens", result.stderr)
    assert line, result.stderr[-2000:]
    assert int(line.group(1)) == sum(f["calls"] for f in usage.values())

    # Nothing is lost: every match shown has its letter and CV on disk, written by
    # the model or, where it gave no usable letter, offline (and counted).
    folders = sorted((tmp_path / "out").iterdir()) if matched else []
    assert len(folders) == matched, result.stdout
    for folder in folders:
        letter = (folder / "cover-letter.md").read_text()
        assert cv_fixtures.DATA_ENGINEER.name in letter
        assert (folder / "cv.pdf").stat().st_size > 0

    ARTIFACTS.mkdir(exist_ok=True)
    report = {
        "server": "local llama-cpp-python" if llm_service.log else llm_service.base_url,
        "model": Path(llm_service.model).name,
        "seconds": round(seconds, 1),
        "matches_written": len(folders),
        "usage": usage,
    }
    (ARTIFACTS / "llm-usage.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


def _run_usage(workdir: Path) -> tuple[dict[str, dict[str, float]], int]:
    """LLM usage by stage summed over the runs in the CLI's embedded database, and
    the number of matches the search kept."""
    import sqlite3

    with sqlite3.connect(workdir / "var" / "jobagent.db") as db:
        rows = db.execute("SELECT params FROM runs").fetchall()
    totals: dict[str, dict[str, float]] = {}
    matched = 0
    for (text,) in rows:
        params = json.loads(text or "{}")
        matched += len(params.get("match_ids") or [])
        for stage, figures in (params.get("llm_usage") or {}).items():
            into = totals.setdefault(stage, {})
            for key, value in figures.items():
                into[key] = into.get(key, 0) + value
    return totals, matched


def test_a_letter_is_asked_for_checked_and_kept_or_refused_in_words(
    llm_service: LlmService,
) -> None:
    """The letter path on its own, whatever the search above matched: the request
    fits the server's window (never refused), the reply is validated and fact-checked,
    and a model that cannot write one raises the error the workflow falls back on."""
    from jobagent_core.discovery.sample_data import sample_postings
    from jobagent_core.fabrication.llm_writer import write_cover_letter_llm
    from jobagent_core.llm import LlmInvalidReply
    from jobagent_core.profiling.offline import extract_profile

    profile = extract_profile(cv_fixtures.render_txt(cv_fixtures.DATA_ENGINEER))
    posting = next(p for p in sample_postings() if p.title.startswith("Data Engineer"))
    settings = load_settings(
        LLM_BASE_URL=llm_service.base_url,
        LLM_MODEL=llm_service.model,
        LLM_API_KEY=llm_service.api_key,
        LLM_TIMEOUT_S=300,
        LLM_BUDGET_S=900,
    )
    with LlmClient.from_settings(settings) as client:
        refusal = None
        try:
            letter, flagged = write_cover_letter_llm(
                client, profile, posting, matched_skills=profile.skills[:4]
            )
        except LlmInvalidReply as err:
            # The offline writer takes over in the workflow; the reason is in words.
            refusal = str(err)
        usage = client.usage_by_stage["fabrication"]
    if refusal is None:
        assert letter.paragraphs
        assert letter.signature == profile.name
        assert isinstance(flagged, list)
    else:
        assert "cover_letter" in refusal
    assert usage.calls >= 1
    assert usage.total_tokens > 0
