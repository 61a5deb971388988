"""Which new postings stage 1 embeds when a search brings more than it can embed in
time.

    chosen = postings_to_embed(pre_score, best_possible, bar=kth_known, limit=100)

MiniLM embeds about 20 posting texts a second on two cores, so a search that brings
1,000 new postings would spend most of a minute on it. Most of them never had a chance:
a posting's stage-1 score is at most what its words, title and fit give plus the full
semantic weight. So new postings are embedded only when

1. that best possible score beats the k-th best score already known (postings with a
   cached vector, scored exactly): the others cannot reach the top k, whatever their
   vector; and, of those left,
2. they are among the `limit` best by their score without the semantic signal (words
   and title, times fit): on the bundled sample set, the top 100 by that score held
   every posting of the full ranking's top 25 for each of seven test profiles.

Postings not chosen keep no vector (a later search embeds them if they matter to it)
and count with a semantic signal of 0.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

__all__ = ["EMBED_LIMIT", "postings_to_embed"]

# New postings embedded per ranking at most: ~4.5 s on two idle cores at 256 tokens.
EMBED_LIMIT = 100


def postings_to_embed(
    pre_score: NDArray[np.floating],
    best_possible: NDArray[np.floating],
    *,
    bar: float,
    limit: int = EMBED_LIMIT,
) -> NDArray[np.intp]:
    """Indices into the new postings to embed, ascending: those whose `best_possible`
    score is above `bar`, at most `limit` of them, highest `pre_score` first (ties:
    the earlier posting)."""
    candidates = np.flatnonzero(np.asarray(best_possible) > bar)
    if len(candidates) > limit:
        best = np.argsort(-np.asarray(pre_score)[candidates], kind="stable")[: max(limit, 0)]
        candidates = candidates[best]
    return np.sort(candidates).astype(np.intp)
