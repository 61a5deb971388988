"""Matching throughput: stage 1 with cached embeddings, a 10,000-posting search,
embedding speed, profile-query embedding, and LLM calls per search (local stub).

    .venv/bin/python bench/matching.py [--runs 3] [--embed 64]

10,000 postings are the bundled sample set replicated with varied ids (and titles
suffixed with the copy number, so title caches do not make copies free). Figures are
the median of `--runs` after a warm-up; the machine's load skews them, so compare
runs made back to back.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for tests.*

from jobagent_core.discovery.sample_data import sample_postings
from jobagent_core.discovery.schema import PostingData
from jobagent_core.llm import LlmClient
from jobagent_core.matching import (
    DEFAULT_TOP_K,
    get_encoder,
    load_sample_embeddings,
    match_postings,
    posting_key,
    posting_text,
    profile_text,
    rank_postings,
    screening_usage,
)
from jobagent_core.profiling.offline import extract_profile
from tests.cv_fixtures import DATA_ENGINEER, render_txt
from tests.llm_stub import LlmStub

VERDICT = (
    '{"is_match": true, "score": 72, "reasons": ["7 years as Senior Data Engineer"], '
    '"gaps": [], "matched_skills": ["Python"], "missing_skills": []}'
)


def median_s(run: Callable[[], object], runs: int) -> float:
    run()  # warm-up: taxonomy, stemmer and title caches, BLAS threads
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def replicate(postings: list[PostingData], n: int) -> list[PostingData]:
    out = []
    for i in range(n):
        base = postings[i % len(postings)]
        copy = i // len(postings)
        if copy == 0:
            out.append(base)
        else:
            update = {"source_id": f"{base.source_id}-copy{copy}", "title": f"{base.title} {copy}"}
            out.append(base.model_copy(update=update))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--embed", type=int, default=64, help="postings to embed uncached")
    args = parser.parse_args()

    profile = extract_profile(render_txt(DATA_ENGINEER))
    sample = list(sample_postings())
    started = time.perf_counter()
    encoder = get_encoder()
    load_s = time.perf_counter() - started
    cached = load_sample_embeddings(sample)
    query = encoder.encode([profile_text(profile)])[0]
    print(f"sample set: {len(sample)} postings, {len(cached)} cached embeddings")
    print(f"encoder load: {load_s:.2f} s")

    query_s = median_s(lambda: encoder.encode([profile_text(profile)]), args.runs)
    print(f"profile query embedding: {query_s * 1000:.0f} ms")

    s = median_s(lambda: rank_postings(profile, sample, cached, profile_vector=query), args.runs)
    print(f"stage 1, cached embeddings: {len(sample) / s:,.0f} postings/s ({s:.3f} s)")

    big = replicate(sample, 10_000)
    big_cache = {posting_key(p): cached[(p.source, p.source_id.split("-copy")[0])] for p in big}
    s = median_s(lambda: rank_postings(profile, big, big_cache, profile_vector=query), args.runs)
    print(f"stage 1, 10,000 postings (cached, profile embedded): {s:.2f} s")
    s = median_s(lambda: rank_postings(profile, big, big_cache), args.runs)
    print(f"stage 1, 10,000 postings incl. profile embedding: {s:.2f} s")

    texts = [posting_text(p) for p in sample[: args.embed]]
    tokens = np.mean(encoder.token_counts(texts))
    s = median_s(lambda: encoder.encode(texts), max(1, args.runs - 2))
    print(
        f"embedding, uncached: {len(texts) / s:.1f} postings/s "
        f"({len(texts)} postings, {tokens:.0f} tokens on average, {encoder.workers} workers)"
    )

    with LlmStub(handler=lambda body: VERDICT) as stub:
        for found in (100, 10_000):
            postings = big[:found]
            with LlmClient(stub.base_url, None, stub.model) as client:
                started = time.perf_counter()
                match_postings(profile, postings, big_cache, client, top_k=DEFAULT_TOP_K)
                took = time.perf_counter() - started
                usage = screening_usage(client)
            print(
                f"LLM screening, {found:,} postings found: {usage.calls} calls, "
                f"{usage.total_tokens:,} tokens (stub estimate), {took:.2f} s end to end"
            )


if __name__ == "__main__":
    main()
