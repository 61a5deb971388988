"""Stage 1's embedding budget: which new postings get a MiniLM vector when a search
brings more than it can embed in time, and that the ranking stays the full one."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from jobagent_core.discovery.sample_data import sample_postings
from jobagent_core.discovery.schema import PostingData
from jobagent_core.matching.embed_budget import postings_to_embed
from jobagent_core.matching.embedder import load_sample_embeddings
from jobagent_core.matching.schemas import PostingKey, posting_key
from jobagent_core.matching.stage1 import rank_postings
from jobagent_core.profiling.offline import extract_profile
from jobagent_core.profiling.schemas import Profile
from tests.cv_fixtures import DATA_ENGINEER, render_txt

pytestmark = pytest.mark.unit


def test_only_postings_that_can_beat_the_bar_are_embedded() -> None:
    pre = np.array([0.9, 0.1, 0.5, 0.3])
    best = np.array([0.95, 0.40, 0.60, 0.45])
    assert postings_to_embed(pre, best, bar=0.44, limit=10).tolist() == [0, 2, 3]
    # A score equal to the bar cannot beat it: ties keep the posting already known.
    assert postings_to_embed(pre, best, bar=0.45, limit=10).tolist() == [0, 2]


def test_the_limit_keeps_the_best_pre_scores_in_input_order() -> None:
    pre = np.array([0.2, 0.8, 0.5, 0.8, 0.1])
    best = np.ones(5)
    assert postings_to_embed(pre, best, bar=0.0, limit=3).tolist() == [1, 2, 3]
    # Equal pre-scores at the cut: the earlier posting wins.
    assert postings_to_embed(pre, best, bar=0.0, limit=1).tolist() == [1]
    assert postings_to_embed(pre, best, bar=0.0, limit=0).tolist() == []


def test_nothing_new_nothing_chosen() -> None:
    empty = np.zeros(0)
    assert postings_to_embed(empty, empty, bar=0.0).tolist() == []


@pytest.fixture(scope="module")
def ranked_in_full() -> tuple[Profile, list[PostingData], dict[PostingKey, Any], list[PostingKey]]:
    """A data engineer's profile, 600 sample postings with their shipped vectors, and
    the full ranking's top 10 (every posting with a vector)."""
    profile = extract_profile(render_txt(DATA_ENGINEER))
    postings = list(sample_postings())[:600]
    vectors = dict(load_sample_embeddings(postings))
    assert len(vectors) == len(postings)
    full = rank_postings(profile, postings, vectors)
    return profile, postings, vectors, [posting_key(r.posting) for r in full.ranked[:10]]


def test_a_search_with_many_new_postings_embeds_the_limit_and_ranks_as_in_full(
    ranked_in_full: tuple[Profile, list[PostingData], dict[PostingKey, Any], list[PostingKey]],
) -> None:
    profile, postings, vectors, full_top = ranked_in_full
    # The best 5 postings and 55 others have no vector yet: 60 new ones, room for 12.
    new = set(full_top[:5]) | {posting_key(p) for p in postings[::10][:55]}
    cached = {key: vector for key, vector in vectors.items() if key not in new}
    result = rank_postings(profile, postings, cached, embed_limit=12)
    assert 0 < len(result.embedded) <= 12
    assert set(result.embedded) <= new
    assert set(full_top[:5]) <= set(result.embedded)  # the ones that matter were chosen
    assert [posting_key(r.posting) for r in result.ranked[:10]] == full_top


def test_new_postings_that_cannot_reach_the_top_are_not_embedded(
    ranked_in_full: tuple[Profile, list[PostingData], dict[PostingKey, Any], list[PostingKey]],
) -> None:
    profile, postings, vectors, full_top = ranked_in_full
    # The 40 weakest postings by words and title, even with a perfect vector, cannot
    # beat the best posting known: a top 1 needs none of them embedded.
    everything = rank_postings(profile, postings, vectors, top_k=len(postings))
    weakest = sorted(everything.ranked, key=lambda r: (r.lexical + r.title, r.score))[:40]
    new = {posting_key(r.posting) for r in weakest}
    cached = {key: vector for key, vector in vectors.items() if key not in new}
    result = rank_postings(profile, postings, cached, top_k=1, embed_limit=5)
    assert result.embedded == {}
    assert [posting_key(r.posting) for r in result.ranked] == full_top[:1]
