"""Job-search figures for the issue.

    .venv/bin/python bench/search.py

1. Stage 1 with cached embeddings (postings/s; a 10,000-posting search): see
   bench/matching.py, run here too.
2. The full offline CLI run over the sample set for one CV — profile → match →
   research → letters → PDF/DOCX → SMTP sink — wall time and peak memory.
3. With an LLM configured (a local OpenAI-compatible stub): LLM calls and tokens
   per run, by stage, for the sample set (every posting found); screening calls
   for 100 and 10,000 postings found are in bench/matching.py's output.

Prints figures; asserts nothing.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests import cv_fixtures  # noqa: E402
from tests.llm_stub import LlmStub  # noqa: E402
from tests.smtp_sink import SmtpSink  # noqa: E402


def cli_run(work: Path, env: dict[str, str]) -> tuple[float, int, str]:
    """One `jobagent search` over the sample set; (wall s, peak RSS MB, stderr tail)."""
    (work / "cv.pdf").write_bytes(cv_fixtures.render_pdf(cv_fixtures.DATA_ENGINEER))
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "jobagent_core.cli", "search", "--cv", "cv.pdf",
         "--title", "Data Engineer", "--location", "Berlin", "--out", "out"],
        cwd=work, env={**os.environ, **env, "PYTHONPATH": str(ROOT)},
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    wall = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(result.stderr[-2000:])
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    return wall, peak_mb, result.stderr.strip().splitlines()[-1]


def llm_usage(work: Path, stub: LlmStub) -> dict[str, dict[str, int]]:
    """Run the CLI with the stub LLM and read the run's recorded usage by stage."""
    import sqlalchemy as sa

    env = {
        "DATABASE_URL": f"sqlite:///{work / 'llm.db'}",
        "LLM_BASE_URL": stub.base_url,
        "LLM_MODEL": stub.model,
    }
    cli_run(work, env)
    engine = sa.create_engine(env["DATABASE_URL"])
    with engine.connect() as conn:
        params = conn.execute(
            sa.text("SELECT params FROM runs WHERE kind = 'job_search' ORDER BY created_at DESC")
        ).scalar_one()
    engine.dispose()
    usage: dict[str, dict[str, int]] = (
        json.loads(params) if isinstance(params, str) else params
    ).get("llm_usage", {})
    return usage


def main() -> None:
    print("== stage 1 (bench/matching.py)")
    subprocess.run([sys.executable, str(ROOT / "bench" / "matching.py")], check=False)

    print("== full offline CLI run, sample set, one CV, SMTP sink")
    with tempfile.TemporaryDirectory() as tmp, SmtpSink() as sink:
        work = Path(tmp)
        env = {"DATABASE_URL": f"sqlite:///{work / 'bench.db'}", "SMTP_URL": sink.url}
        wall, peak, summary = cli_run(work, env)
        folders = len(list((work / "out").iterdir()))
        mails = len(sink.messages)
        print(f"wall {wall:.1f} s, peak RSS {peak} MB; {summary}; "
              f"{folders} application folders; {mails} e-mail(s) received")  # fmt: skip
        wall2, _, _ = cli_run(work, env)
        print(f"second run (same database, warm caches): wall {wall2:.1f} s")

    print("== with an LLM (local stub): calls and tokens per run, by stage")
    with tempfile.TemporaryDirectory() as tmp, LlmStub() as stub:
        stub.handler = _stub_replies
        usage = llm_usage(Path(tmp), stub)
        for stage, figures in sorted(usage.items()):
            print(f"  {stage:<12} {figures['calls']:>4} calls {figures['total_tokens']:>8} tokens")
        print(f"  total        {sum(f['calls'] for f in usage.values()):>4} calls "
              f"(stub requests seen: {len(stub.requests)})")  # fmt: skip


def _stub_replies(body: dict[str, object]) -> str:
    """Plausible structured replies for each kind of request the workflow makes."""
    fmt = body.get("response_format")
    name = fmt["json_schema"]["name"] if isinstance(fmt, dict) else ""  # type: ignore[index]
    if name == "screening":
        return json.dumps({"is_match": True, "score": 75, "reasons": ["skills: Python, SQL"],
                           "gaps": [], "matched_skills": ["Python", "SQL"],
                           "missing_skills": []})  # fmt: skip
    return "{}"  # profile and letters: invalid on purpose, the offline path takes over


if __name__ == "__main__":
    main()
