"""Builds the precomputed embeddings of the bundled sample postings.

    python -m jobagent_core.matching.build_sample_embeddings           # (re)write the file
    python -m jobagent_core.matching.build_sample_embeddings --check   # verify, write nothing

Writes `jobagent_core/discovery/sample_data/embeddings.npz`: for every sample posting
its source_id, a fingerprint of `posting_text(posting)` and its MiniLM vector as
float16, plus the model id. Run it whenever the sample set is regenerated (the unit
tests fail while a fingerprint is stale). Takes about two minutes on two cores.
Reproducible: the same postings and model give the same ids and fingerprints, and
vectors equal up to float16 rounding (BLAS kernels differ by CPU in the last bits),
which is what `--check` verifies (cosine ≥ 0.999 per posting).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import numpy as np

from jobagent_core.discovery.sample_data import sample_anchor, sample_postings
from jobagent_core.discovery.schema import PostingData
from jobagent_core.matching.embedder import (
    EMBEDDING_MODEL_ID,
    SAMPLE_FILE,
    SAMPLE_PACKAGE,
    SampleEmbeddings,
    get_encoder,
    posting_text,
    read_sample_embeddings,
    text_fingerprint,
)

CHECK_MIN_COSINE = 0.999


def output_path() -> Path:
    return Path(str(resources.files(SAMPLE_PACKAGE))) / SAMPLE_FILE


def build(postings: Sequence[PostingData]) -> SampleEmbeddings:
    """Embeddings of `postings`, sorted by source_id."""
    ordered = sorted(postings, key=lambda p: p.source_id)
    texts = [posting_text(p) for p in ordered]
    vectors = get_encoder().encode(texts)
    return SampleEmbeddings(
        model=EMBEDDING_MODEL_ID,
        source_ids=tuple(p.source_id for p in ordered),
        fingerprints=tuple(text_fingerprint(t) for t in texts),
        vectors=vectors.astype(np.float16),
    )


def write(embeddings: SampleEmbeddings, path: Path) -> None:
    # savez_compressed stamps no time into its zip members: same arrays, same bytes.
    np.savez_compressed(
        path,
        model=np.array(embeddings.model),
        source_ids=np.array(embeddings.source_ids),
        fingerprints=np.array(embeddings.fingerprints),
        vectors=embeddings.vectors,
    )


def differences(stored: SampleEmbeddings | None, fresh: SampleEmbeddings) -> list[str]:
    """What differs between the stored file and a fresh build (empty: up to date)."""
    if stored is None:
        return ["the file is missing or unreadable"]
    problems = []
    if stored.model != fresh.model:
        problems.append(f"model {stored.model!r}, expected {fresh.model!r}")
    if stored.source_ids != fresh.source_ids:
        problems.append("the set of postings differs")
    elif stored.fingerprints != fresh.fingerprints:
        stale = sum(a != b for a, b in zip(stored.fingerprints, fresh.fingerprints, strict=True))
        problems.append(f"{stale} posting texts changed")
    else:
        a = stored.vectors.astype(np.float32)
        b = fresh.vectors.astype(np.float32)
        cosine = (a * b).sum(axis=1) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1))
        if float(cosine.min()) < CHECK_MIN_COSINE:
            problems.append(f"vectors differ (lowest cosine {cosine.min():.5f})")
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify the file, write nothing")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    postings = sample_postings(sample_anchor())  # dates do not enter the text
    fresh = build(postings)
    seconds = time.perf_counter() - started
    path = output_path()
    if args.check:
        problems = differences(read_sample_embeddings(path), fresh)
        for problem in problems:
            print(f"{path}: {problem}", file=sys.stderr)
        return 1 if problems else 0
    write(fresh, path)
    print(
        f"wrote {path} ({len(postings)} postings, {seconds:.0f} s, {len(postings) / seconds:.1f}/s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
