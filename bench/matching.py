"""Matching throughput: stage 1 with cached embeddings, a 10,000-posting search,
stage 1 over 100,000 cached postings (vectors and term statistics) against its
0.5 s limit, a search bringing 1,000 new postings against its 5 s embedding limit
(and its top 10 against embedding them all), embedding speed, profile-query
embedding, and LLM calls per search (local stub).

    .venv/bin/python bench/matching.py [--runs 3] [--embed 64] [--big 100000] [--new 1000]

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
from collections.abc import Callable, Mapping
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

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
from jobagent_core.matching.embed_budget import EMBED_LIMIT
from jobagent_core.matching.lexical import bm25_scores
from jobagent_core.matching.schemas import PostingKey
from jobagent_core.matching.stage1 import profile_query
from jobagent_core.matching.term_stats import TermIndex, posting_terms_text, term_stats
from jobagent_core.profiling.offline import extract_profile
from jobagent_core.profiling.schemas import Profile
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


def large_stage1(
    profile: Profile,
    sample: list[PostingData],
    cached: Mapping[PostingKey, NDArray[np.floating]],
    profile_vector: NDArray[np.float32],
    n: int,
    runs: int,
) -> None:
    """Stage 1 over `n` postings with vectors and term statistics cached, as a search
    over stored postings runs it, split into BM25 and the rest."""
    big = replicate(sample, n)
    vectors = {posting_key(p): cached[(p.source, p.source_id.split("-copy")[0])] for p in big}
    # Copies carry their copy number in the title, so each gets its own statistics,
    # computed once here as a search stores them for the postings it has not seen.
    started = time.perf_counter()
    stats = {posting_key(p): term_stats(p) for p in big}
    computed_s = time.perf_counter() - started
    index = TermIndex.build([stats[posting_key(p)] for p in big])
    query_terms = profile_query(profile)
    texts = {i: posting_terms_text(p) for i, p in enumerate(big)}

    total = median_s(
        lambda: rank_postings(
            profile, big, vectors, profile_vector=profile_vector, cached_terms=stats
        ),
        runs,
    )
    build = median_s(lambda: TermIndex.build([stats[posting_key(p)] for p in big]), runs)
    bm25 = median_s(lambda: index.bm25(query_terms, texts.__getitem__), runs)
    print(
        f"stage 1, {n:,} postings (vectors + term stats cached): {total:.2f} s "
        f"(limit 0.50 s); of which BM25 {bm25:.2f} s + term index {build:.2f} s, "
        f"the rest {max(total - bm25 - build, 0):.2f} s"
    )
    print(f"  term statistics of {n:,} postings, computed once: {computed_s:.1f} s")


def new_postings(
    profile: Profile,
    sample: list[PostingData],
    cached: Mapping[PostingKey, NDArray[np.floating]],
    profile_vector: NDArray[np.float32],
    n: int,
) -> None:
    """A search that brings `n` postings never seen before: what stage 1 spends
    embedding them (the budget of `embed_budget`), and whether its top 10 is the top
    10 of embedding them all (the shipped vectors are those embeddings)."""
    postings = sample[:n]
    full = rank_postings(profile, postings, cached, profile_vector=profile_vector)
    started = time.perf_counter()
    budgeted = rank_postings(profile, postings, {}, profile_vector=profile_vector)
    took = time.perf_counter() - started
    same = len(
        {posting_key(r.posting) for r in full.ranked[:10]}
        & {posting_key(r.posting) for r in budgeted.ranked[:10]}
    )
    print(
        f"stage 1, {n:,} new postings: {took:.2f} s (limit 5 s), "
        f"{len(budgeted.embedded)} embedded (limit {EMBED_LIMIT}); "
        f"top 10 as when all are embedded: {same}/10"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--embed", type=int, default=64, help="postings to embed uncached")
    parser.add_argument("--big", type=int, default=100_000, help="postings of the large stage 1")
    parser.add_argument("--new", type=int, default=1_000, help="new postings of one search")
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
    query_terms = profile_query(profile)
    texts = [posting_terms_text(p) for p in big]
    s = median_s(lambda: bm25_scores(query_terms, texts), args.runs)
    print(f"  of which BM25 from the texts (no term statistics given): {s:.2f} s")
    started = time.perf_counter()
    terms = {posting_key(p): term_stats(p) for p in big}
    each = (time.perf_counter() - started) / len(big)
    s = median_s(
        lambda: rank_postings(profile, big, big_cache, profile_vector=query, cached_terms=terms),
        args.runs,
    )
    print(f"stage 1, 10,000 postings (vectors + term stats cached): {s:.3f} s")
    print(f"  term statistics, computed once per posting: {each * 1e6:.0f} µs per posting")

    large_stage1(profile, sample, cached, query, args.big, args.runs)
    new_postings(profile, sample, cached, query, args.new)

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
