"""Stage-2 screening with an LLM, against the local OpenAI-compatible server
(tests/llm_stub.py): valid verdicts are used, failures fall back to the offline
scorer with a warning, and only the stage-1 top K ever reach the model."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from jobagent_core.discovery.sample_data import sample_postings
from jobagent_core.discovery.schema import PostingData
from jobagent_core.llm import LlmClient
from jobagent_core.matching import (
    load_sample_embeddings,
    match_postings,
    screen,
    screening_usage,
)
from jobagent_core.profiling.offline import extract_profile
from jobagent_core.profiling.schemas import Profile
from tests.cv_fixtures import DATA_ENGINEER, render_txt
from tests.llm_stub import LlmStub, StubReply, llm_stub  # noqa: F401  (fixture)

pytestmark = pytest.mark.integration


def verdict(score: int, **fields: Any) -> str:
    body = {
        "is_match": score >= 60,
        "score": score,
        "reasons": ["7 years as Senior Data Engineer at Nordlicht Logistics GmbH"],
        "gaps": ["no BigQuery"],
        "matched_skills": ["Python", "Apache Kafka"],
        "missing_skills": ["BigQuery"],
    }
    return json.dumps(body | fields)


def posting_title(body: dict[str, Any]) -> str:
    """The title of the posting a request screens (a repair request keeps the first
    user message and appends to it)."""
    user: str = body["messages"][1]["content"]
    return user.split("JOB POSTING\nTitle: ", 1)[1].split("\n", 1)[0]


@pytest.fixture(scope="module")
def profile() -> Profile:
    return extract_profile(render_txt(DATA_ENGINEER))


@pytest.fixture(scope="module")
def postings() -> list[PostingData]:
    """Four data-engineering postings with distinct titles (the stub tells them apart)."""
    by_title: dict[str, PostingData] = {}
    for posting in sample_postings():
        if posting.extra["family"] == "data_engineering":
            by_title.setdefault(posting.title, posting)
    return list(by_title.values())[:4]


@pytest.fixture
def client(llm_stub: LlmStub) -> Iterator[LlmClient]:  # noqa: F811
    with LlmClient(
        llm_stub.base_url, "sk-test", llm_stub.model, timeout_s=2, total_budget_s=10,
        max_attempts=2, backoff_s=0.01,
    ) as client:  # fmt: skip
        yield client


def test_valid_llm_verdicts_are_used(
    llm_stub: LlmStub,  # noqa: F811
    client: LlmClient,
    profile: Profile,
    postings: list[PostingData],
) -> None:
    # The model claims a skill the profile lacks and a match below the threshold.
    llm_stub.handler = lambda body: verdict(
        55, is_match=True, matched_skills=["Python", "COBOL", "apache kafka"]
    )
    screened = screen(postings, profile, client)

    assert [p for p, _ in screened] == postings
    for _, v in screened:
        assert v.screened_by == "llm"
        assert v.warning is None
        assert v.score == 55
        assert not v.is_match  # one threshold for both paths
        assert v.matched_skills == ["Python", "apache kafka"]  # COBOL dropped
        assert v.reasons == ["7 years as Senior Data Engineer at Nordlicht Logistics GmbH"]
    assert len(llm_stub.requests) == len(postings)
    usage = screening_usage(client)
    assert usage.calls == len(postings)
    assert usage.total_tokens > 0

    body = llm_stub.requests[0].body
    assert body["response_format"]["json_schema"]["name"] == "screening"
    assert body["temperature"] == 0.0
    system, user = body["messages"][0]["content"], body["messages"][1]["content"]
    assert "cite a fact from the profile" in system
    assert "Senior Data Engineer at Nordlicht Logistics GmbH (2019-03 – present" in user
    assert "Apache Kafka" in user
    assert {posting_title(r.body) for r in llm_stub.requests} == {p.title for p in postings}


def test_invalid_or_failed_replies_fall_back_offline_with_a_warning(
    llm_stub: LlmStub,  # noqa: F811
    client: LlmClient,
    profile: Profile,
    postings: list[PostingData],
) -> None:
    first, second, third, fourth = postings

    def answer(body: dict[str, Any]) -> str | StubReply:
        title = posting_title(body)
        if title == first.title:
            return verdict(90)
        if title == second.title:
            return '{"score": "high"}'  # invalid, and still invalid after the repair
        if title == third.title:
            return StubReply.error(503)
        return verdict(80, reasons=[])  # no reason cited: invalid

    llm_stub.handler = answer
    screened = {p.source_id: v for p, v in screen(postings, profile, client, concurrency=2)}

    assert screened[first.source_id].screened_by == "llm"
    assert screened[first.source_id].score == 90
    for posting in (second, third, fourth):
        v = screened[posting.source_id]
        assert v.screened_by == "offline"
        assert v.warning is not None
        assert v.warning.startswith("LLM screening failed, scored offline instead: ")
        assert v.reasons  # the offline verdict, with its own reasons
    assert "503" in (screened[third.source_id].warning or "")
    calls = [posting_title(r.body) for r in llm_stub.requests]
    assert calls.count(second.title) == 2  # the reply and one repair
    assert calls.count(third.title) == 2  # two attempts
    assert screening_usage(client).calls >= 5


def test_only_the_top_k_of_100_postings_reach_the_llm(
    llm_stub: LlmStub,  # noqa: F811
    client: LlmClient,
    profile: Profile,
) -> None:
    found = list(sample_postings()[:100])
    llm_stub.handler = lambda body: verdict(70)
    result = match_postings(profile, found, load_sample_embeddings(found), client, top_k=10)

    assert result.stage1.scored == 100
    assert len(result.screened) == 10
    assert len(llm_stub.requests) == 10
    assert screening_usage(client).calls == 10
    assert all(v.screened_by == "llm" for _, v in result.screened)
    assert [p for p, _ in result.screened] == [r.posting for r in result.stage1.ranked]
    # 70 for all, except where the facts cap it (a level or profession far off), with why
    capped = [v for _, v in result.screened if v.score != 70]
    assert all(v.score < 70 and len(v.gaps) > 1 for v in capped)
    assert len(result.matches) == 10 - sum(v.score < 60 for v in capped)


def test_without_a_client_nothing_is_sent(
    llm_stub: LlmStub,  # noqa: F811
    profile: Profile,
    postings: list[PostingData],
) -> None:
    screened = screen(postings, profile, None)
    assert all(v.screened_by == "offline" for _, v in screened)
    assert llm_stub.requests == []


def test_the_llm_cannot_score_a_posting_above_what_the_facts_allow(
    llm_stub: LlmStub,  # noqa: F811
    client: LlmClient,
    profile: Profile,
) -> None:
    # A model that likes everything: 92 for a pharmacist post and for an on-site job
    # on another continent, for a data engineer living in Berlin.
    llm_stub.handler = lambda body: verdict(92, gaps=[])
    base = {"source": "test", "company": "Apotheke am Markt", "remote": False}
    pharmacist = PostingData.model_validate(
        base | {"source_id": "p1", "title": "Apotheker (m/w/d)", "location": "Berlin",
                "description_text": "Ihre Aufgaben\n- Beratung\n- Rezepturen\n- Approbation "
                "als Apotheker erforderlich"}
    )  # fmt: skip
    far = PostingData.model_validate(
        base | {"source_id": "p2", "title": "Senior Data Engineer", "location": "Sydney, NSW",
                "company": "Harbour Data", "description_text": "On-site in Sydney.\n- Python"
                "\n- Apache Kafka\n- Airflow"}
    )  # fmt: skip
    near = far.model_copy(update={"source_id": "p3", "location": "Berlin"})

    found = {p.source_id: v for p, v in screen([pharmacist, far, near], profile, client,
                                               place="Berlin")}  # fmt: skip

    assert found["p3"].score == 92  # the model's verdict stands
    assert found["p3"].is_match
    for key in ("p1", "p2"):
        assert found[key].screened_by == "llm"
        assert found[key].score < 60, found[key]
        assert not found[key].is_match
    assert any("pharmacist" in gap for gap in found["p1"].gaps), found["p1"].gaps
    assert any("Sydney" in gap for gap in found["p2"].gaps), found["p2"].gaps
