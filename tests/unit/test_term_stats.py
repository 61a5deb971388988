"""Stored term statistics (matching/term_stats.py) and the stage-1 ranking built on
them: BM25 from the stored statistics equals BM25 from the texts bit for bit, and
`rank_postings` (top K by bounds, title and fit judged only where they can matter)
ranks exactly as scoring every posting did, on the whole bundled sample set."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest
from numpy.typing import NDArray

from jobagent_core.discovery.sample_data import sample_postings
from jobagent_core.discovery.schema import PostingData
from jobagent_core.matching import stage1
from jobagent_core.matching.embedder import (
    EMBEDDING_DIM,
    ModelNotInstalled,
    get_encoder,
    load_sample_embeddings,
    posting_text,
    profile_text,
)
from jobagent_core.matching.fit import FitJudge
from jobagent_core.matching.lexical import LexicalQuery, TitleScorer, bm25_scores, is_english
from jobagent_core.matching.schemas import PostingKey, RankedPosting, posting_key
from jobagent_core.matching.stage1 import (
    LEXICAL_MIN_SCALE,
    SEMANTIC_CEILING,
    SEMANTIC_FLOOR,
    TITLE_AS_SEMANTIC,
    WEIGHTS,
    profile_query,
    profile_titles,
    rank_postings,
)
from jobagent_core.matching.term_stats import (
    FEATURES_VERSION,
    TermIndex,
    TermStats,
    posting_terms_text,
    term_stats,
)
from jobagent_core.profiling.offline import extract_profile
from jobagent_core.profiling.schemas import Profile
from tests.cv_fixtures import PERSONAS, render_txt

pytestmark = pytest.mark.unit

Vectors = dict[PostingKey, NDArray[np.floating]]


@pytest.fixture(scope="module")
def postings() -> list[PostingData]:
    return list(sample_postings())


@pytest.fixture(scope="module")
def cached(postings: list[PostingData]) -> Vectors:
    return dict(load_sample_embeddings(postings))


@pytest.fixture(scope="module")
def profiles() -> dict[str, Profile]:
    return {name: extract_profile(render_txt(cv)) for name, cv in PERSONAS.items()}


@pytest.fixture(scope="module")
def stats(postings: list[PostingData]) -> dict[PostingKey, TermStats]:
    return {posting_key(p): term_stats(p) for p in postings}


def _posting(source_id: str, title: str, text: str, **fields: object) -> PostingData:
    base: dict[str, object] = {
        "source": "test",
        "source_id": source_id,
        "title": title,
        "company": "Acme GmbH",
        "location": "Berlin, Germany",
        "description_text": text,
    }
    return PostingData.model_validate(base | fields)


def _index_bm25(query: LexicalQuery, postings: Sequence[PostingData]) -> NDArray[np.float32]:
    index = TermIndex.build([term_stats(p) for p in postings])
    return index.bm25(query, lambda row: posting_terms_text(postings[row]))


def _reference(
    profile: Profile,
    postings: list[PostingData],
    cached: Vectors,
    top_k: int,
    place: str | None = None,
) -> list[tuple[str, float, float, float, float, float]]:
    """Stage 1 as it was before term statistics: every signal for every posting,
    BM25 from the texts, then a stable sort."""
    try:
        vector = get_encoder().encode([profile_text(profile)])[0]
    except ModelNotInstalled:
        vector = None
    semantic = None
    if vector is not None:
        matrix = np.empty((len(postings), EMBEDDING_DIM), dtype=np.float32)
        for row, posting in enumerate(postings):
            matrix[row] = cached[posting_key(posting)]
        cosine = matrix @ np.asarray(vector, dtype=np.float32)
        scaled = (cosine - SEMANTIC_FLOOR) / (SEMANTIC_CEILING - SEMANTIC_FLOOR)
        semantic = np.clip(scaled, 0, 1).astype(np.float32)
    query = profile_query(profile)
    raw = bm25_scores(query, [f"{p.title}\n{p.description_text}" for p in postings])
    scale = max(float(raw.max(initial=0.0)), LEXICAL_MIN_SCALE * query.ideal, 1e-9)
    lexical = np.clip(raw / scale, 0, 1).astype(np.float32)
    title = TitleScorer(profile_titles(profile)).scores([p.title for p in postings])
    if semantic is not None:
        english_profile = is_english(profile_text(profile))
        other = np.asarray(
            [
                not (english_profile and is_english(p.description_text or p.title, p.language))
                for p in postings
            ]
        )
        floor = (TITLE_AS_SEMANTIC * title).astype(np.float32)
        semantic = np.where(other, np.maximum(semantic, floor), semantic).astype(np.float32)
    w_sem = WEIGHTS.semantic if semantic is not None else 0.0
    total = w_sem + WEIGHTS.lexical + WEIGHTS.title
    score = (WEIGHTS.lexical * lexical + WEIGHTS.title * title) / total
    if semantic is not None:
        score += w_sem * semantic / total
    judge = FitJudge(profile, place=place)
    fit = np.asarray([judge(p, quote=False).factor for p in postings], dtype=np.float64)
    score = score * fit
    order = np.argsort(-score, kind="stable")[: max(top_k, 0)]
    return [
        (
            postings[i].source_id,
            round(float(score[i]), 4),
            round(float(semantic[i]), 4) if semantic is not None else 0.0,
            round(float(lexical[i]), 4),
            round(float(title[i]), 4),
            round(float(fit[i]), 4),
        )
        for i in order
    ]


def _rows(ranked: list[RankedPosting]) -> list[tuple[str, float, float, float, float, float]]:
    return [(r.posting.source_id, r.score, r.semantic, r.lexical, r.title, r.fit) for r in ranked]


# --------------------------------------------------------------------------- BM25


def test_stored_bm25_equals_text_bm25_on_the_sample_set(
    postings: list[PostingData],
    profiles: dict[str, Profile],
    stats: dict[PostingKey, TermStats],
) -> None:
    index = TermIndex.build([stats[posting_key(p)] for p in postings])
    for name, profile in profiles.items():
        query = profile_query(profile)
        texts = [posting_terms_text(p) for p in postings]
        expected = bm25_scores(query, texts)
        got = index.bm25(query, texts.__getitem__)
        assert expected.max() > 0, name
        assert np.array_equal(got, expected), name  # bit for bit


@pytest.mark.parametrize(
    ("phrases", "texts"),
    [
        # Compound tokens: the regex may start after an inner join ("excel" in
        # "d'excel", "js" in "node.js") unless the start before it matched.
        (
            [("Excel", 1.0), ("JS", 1.0), ("Node.js", 2.0)],
            ["d'excel et node.js", "Node.js, js and d'Excel", "excel", "node.jsx b.js"],
        ),
        ([("C++", 1.0), ("C", 1.0), ("R", 1.0)], ["a.c++ and c++; c#", "r&d, o'reilly", "c"]),
        # Stems a token does not begin with ("company" -> "compani") and stop words
        # whose stem is a query stem ("working" is a stop word, "works" is not).
        (
            [("companies", 2.0), ("works", 1.0), ("dying", 1.0)],
            ["Company and companies, working at works", "die dying died", "comp"],
        ),
        # Digits, an empty query word list, underscores and non-Latin letters.
        ([("Python 3", 2.0), ("über_data", 1.0)], ["python3 python 3 3", "über data_über", ""]),
    ],
)
def test_stored_bm25_equals_text_bm25_on_tricky_tokens(
    phrases: list[tuple[str, float]], texts: list[str]
) -> None:
    query = LexicalQuery.build(phrases)
    postings = [_posting(str(i), "Job", text) for i, text in enumerate(texts)]
    expected = bm25_scores(query, [posting_terms_text(p) for p in postings])
    assert np.array_equal(_index_bm25(query, postings), expected)


def _no_text(row: int) -> str:
    raise AssertionError(f"posting {row} was recounted from its text")


def test_compound_tokens_are_counted_from_the_stored_tokens_not_the_text() -> None:
    query = LexicalQuery.build([("Excel", 1.0), ("Analyse", 2.0), ("C++", 1.0)])
    texts = ["Maîtrise d'Excel et de l'analyse", "excel, l'excel-ish d'analyses", "x.c++ y"]
    postings = [_posting(str(i), "Analyste", text) for i, text in enumerate(texts)]
    expected = bm25_scores(query, [posting_terms_text(p) for p in postings])
    assert expected.min() > 0
    index = TermIndex.build([term_stats(p) for p in postings])
    assert np.array_equal(index.bm25(query, _no_text), expected)
    # A query prefix with a join ("node.js") cannot be read against a stored compound
    # token alone: such postings are recounted from their text, still exactly.
    joined = LexicalQuery.build([("Node.js", 1.0), ("Excel", 1.0)])
    seen: list[int] = []

    def text(row: int) -> str:
        seen.append(row)
        return posting_terms_text(postings[row])

    expected = bm25_scores(joined, [posting_terms_text(p) for p in postings])
    assert np.array_equal(index.bm25(joined, text), expected)
    assert seen


def test_a_count_too_large_to_store_is_recounted_from_the_text() -> None:
    query = LexicalQuery.build([("Kafka", 1.0)])
    postings = [
        _posting("1", "Job", "kafka " * 70_000),
        _posting("2", "Job", "kafka " * 3),
        _posting("3", "Job", "spark"),
    ]
    stats = term_stats(postings[0])
    assert stats.meta & 2  # marked for recounting
    expected = bm25_scores(query, [posting_terms_text(p) for p in postings])
    assert np.array_equal(_index_bm25(query, postings), expected)


def test_term_stats_round_trip_through_bytes(postings: list[PostingData]) -> None:
    with_compounds = [p for p in postings if "d'" in p.description_text.lower()]
    for posting in (postings[0], with_compounds[0]):
        stats = term_stats(posting)
        back = TermStats.from_db_bytes(stats.to_db_bytes())
        assert back is not None
        assert np.array_equal(back.entries, stats.entries)
        assert back.compounds == stats.compounds
    assert term_stats(with_compounds[0]).compounds
    stats = term_stats(postings[0])
    blob = stats.to_db_bytes()
    back = TermStats.from_db_bytes(blob)
    assert back is not None
    assert (back.length, back.english, back.meta) == (stats.length, stats.english, stats.meta)
    assert back.length == len(posting_terms_text(postings[0]).lower().split())
    assert blob[4] == FEATURES_VERSION
    stale = blob[:4] + bytes([FEATURES_VERSION + 1]) + blob[5:]
    assert TermStats.from_db_bytes(stale) is None  # another version: computed anew
    with pytest.raises(ValueError, match="bad magic"):
        TermStats.from_db_bytes(b"\x00" * 32)
    with pytest.raises(ValueError, match="wrong size"):
        TermStats.from_db_bytes(blob[:-1])


def test_term_stats_record_the_language() -> None:
    english = _posting("1", "Data Engineer", "You will build our pipelines with the team.")
    german = _posting("2", "Data Engineer", "Wir suchen dich für die Datenplattform und das Team.")
    declared = _posting("3", "Data Engineer", "Wir suchen dich für die Plattform.", language="en")
    assert term_stats(english).english
    assert not term_stats(german).english
    assert term_stats(declared).english


# --------------------------------------------------------------------------- stage 1


@pytest.mark.parametrize(
    ("persona", "top_k", "place"),
    [
        ("data_engineer", 25, None),
        ("icu_nurse", 25, "Berlin"),
        ("electrician", 10, None),
        ("primary_teacher", 25, "London"),
        ("b2b_sales", 300, None),
        ("financial_analyst", 25, "Berlin"),
    ],
)
def test_stage1_ranks_exactly_as_scoring_every_posting(
    postings: list[PostingData],
    cached: Vectors,
    profiles: dict[str, Profile],
    stats: dict[PostingKey, TermStats],
    persona: str,
    top_k: int,
    place: str | None,
) -> None:
    profile = profiles[persona]
    expected = _reference(profile, postings, cached, top_k, place)
    result = rank_postings(profile, postings, cached, top_k=top_k, place=place, cached_terms=stats)
    assert _rows(result.ranked) == expected
    assert result.scored == len(postings)
    assert result.term_stats == {}  # all were cached
    from_texts = rank_postings(profile, postings, cached, top_k=top_k, place=place)
    assert _rows(from_texts.ranked) == expected


def test_stage1_ties_keep_input_order_at_the_cut(
    postings: list[PostingData], cached: Vectors, profiles: dict[str, Profile]
) -> None:
    # Copies of a few postings tie exactly; the cut at K falls inside a run of ties.
    base = postings[:40]
    copies = [
        p.model_copy(update={"source_id": f"{p.source_id}-{n}"}) for n in range(6) for p in base
    ]
    vectors = {posting_key(c): cached[(c.source, c.source_id.rsplit("-", 1)[0])] for c in copies}
    profile = profiles["data_engineer"]
    for top_k in (1, 7, 25, 61, len(copies)):
        expected = _reference(profile, copies, vectors, top_k)
        for terms in (None, {}):
            result = rank_postings(profile, copies, vectors, top_k=top_k, cached_terms=terms)
            assert _rows(result.ranked) == expected


def test_stage1_computes_missing_term_stats_and_returns_them(
    postings: list[PostingData],
    cached: Vectors,
    profiles: dict[str, Profile],
    stats: dict[PostingKey, TermStats],
) -> None:
    some = postings[:300]
    partial = {posting_key(p): stats[posting_key(p)] for p in some[:200]}
    profile = profiles["electrician"]
    result = rank_postings(profile, some, cached, top_k=10, cached_terms=partial)
    assert set(result.term_stats) == {posting_key(p) for p in some[200:]}
    fresh = result.term_stats[posting_key(some[250])]
    assert np.array_equal(fresh.entries, stats[posting_key(some[250])].entries)
    none_stored = rank_postings(profile, some, cached, top_k=10, cached_terms={})
    assert len(none_stored.term_stats) == len(some)
    # Without cached_terms BM25 is read from the texts and nothing is computed.
    from_texts = rank_postings(profile, some, cached, top_k=10)
    assert from_texts.term_stats == {}
    prebuilt = TermIndex.build([stats[posting_key(p)] for p in some])
    with_index = rank_postings(profile, some, cached, top_k=10, term_index=prebuilt)
    assert with_index.term_stats == {}
    rows = _rows(result.ranked)
    assert rows == _rows(none_stored.ranked) == _rows(from_texts.ranked)
    assert rows == _rows(with_index.ranked) == _reference(profile, some, cached, 10)
    with pytest.raises(ValueError, match="term_index has 300 rows for 5 postings"):
        rank_postings(profile, some[:5], cached, term_index=prebuilt)


def test_stage1_top_k_edges(
    postings: list[PostingData], cached: Vectors, profiles: dict[str, Profile]
) -> None:
    some = postings[:50]
    profile = profiles["b2b_sales"]
    assert rank_postings(profile, some, cached, top_k=0).ranked == []
    assert rank_postings(profile, some, cached, top_k=-3).ranked == []
    everything = rank_postings(profile, some, cached, top_k=500).ranked
    assert _rows(everything) == _reference(profile, some, cached, 500)
    assert len(everything) == len(some)


def test_stage1_without_the_model_ranks_as_before(
    postings: list[PostingData], profiles: dict[str, Profile], monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing() -> None:
        raise ModelNotInstalled("not installed in this test")

    monkeypatch.setattr(stage1, "get_encoder", missing)
    profile = profiles["primary_teacher"]
    some = postings[:1500]
    # The reference takes the missing model the same way: no semantic signal.
    import tests.unit.test_term_stats as this

    monkeypatch.setattr(this, "get_encoder", missing)
    expected = _reference(profile, some, {}, 25)
    for terms in (None, {}):
        result = rank_postings(profile, some, {}, top_k=25, cached_terms=terms)
        assert result.warnings
        assert _rows(result.ranked) == expected


def test_posting_text_is_not_the_bm25_text() -> None:
    # BM25 reads the whole description; the embedding text is cut (a guard against
    # mixing the two up when wiring storage).
    posting = _posting("1", "Data Engineer", "word " * 1000)
    assert len(posting_terms_text(posting).split()) == 1002
    assert len(posting_text(posting).split()) < 1002
