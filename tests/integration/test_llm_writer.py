"""The LLM letter writer against a local OpenAI-compatible server (tests/llm_stub.py):
a clean letter is accepted; a letter with an invented employer is caught, the model is
told which claim to drop and its corrected letter accepted; a model that insists has its
letter returned with the claim flagged."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from jobagent_core.fabrication import CoverLetter, write_cover_letter_llm
from jobagent_core.llm import LlmClient, LlmUnavailable
from tests.llm_stub import LlmStub, StubReply, llm_stub  # noqa: F401  (fixture)
from tests.unit.test_fabrication import MATCHED, NAME, RESEARCH, make_posting, make_profile

pytestmark = pytest.mark.integration

CLEAN = [
    "I am writing to apply for the Senior Data Engineer position at Acme Analytics, which "
    "builds forecasting software for European retailers.",
    "As Data Engineer at Initech GmbH I built Airflow pipelines loading 2 TB of events per "
    "day into PostgreSQL and cut dashboard refresh time by 40% with Apache Spark.",
    "With 4 years of experience in Python, Apache Spark and Airflow, I would be glad to "
    "help build your data platform.",
]
INVENTED = "Before that, I led the data team at Globex Corporation."


def reply(paragraphs: list[str], language: str = "en", signature: str = NAME) -> str:
    return json.dumps(
        {
            "language": language,
            "subject": "Application: Senior Data Engineer",
            "greeting": "Dear Acme Analytics team,",
            "paragraphs": paragraphs,
            "closing": "Kind regards,",
            "signature": signature,
            "claims_used": ["Data Engineer at Initech GmbH", "Python"],
        },
        ensure_ascii=False,
    )


@pytest.fixture
def client(llm_stub: LlmStub) -> Iterator[LlmClient]:  # noqa: F811
    with LlmClient(llm_stub.base_url, "sk-test", llm_stub.model, backoff_s=0.01) as llm:
        yield llm


def write(client: LlmClient, language: str = "en") -> tuple[CoverLetter, list[str]]:
    return write_cover_letter_llm(
        client,
        make_profile(),
        make_posting(language),
        matched_skills=MATCHED,
        research_summary=RESEARCH,
    )


def prompt_of(body: Any) -> str:
    return "\n".join(str(m["content"]) for m in body["messages"])


def test_clean_letter_is_accepted(llm_stub: LlmStub, client: LlmClient) -> None:  # noqa: F811
    llm_stub.enqueue(reply(CLEAN))
    letter, flagged = write(client)
    assert flagged == []
    assert letter.paragraphs == CLEAN
    assert letter.sender[0] == NAME
    assert letter.recipient[0] == "Acme Analytics"
    assert len(llm_stub.requests) == 1
    body = llm_stub.requests[0].body
    assert body["response_format"]["json_schema"]["name"] == "cover_letter"
    prompt = prompt_of(body)
    assert "in English" in prompt
    assert "Never invent" in prompt
    assert "Initech GmbH" in prompt
    assert "forecasting software" in prompt
    assert client.usage_by_stage["fabrication"].calls == 1


def test_the_letter_is_signed_with_the_profiles_name_whatever_the_model_wrote(
    llm_stub: LlmStub,  # noqa: F811
    client: LlmClient,
) -> None:
    # (the fact check asks once more about the stranger's name: the same reply again)
    llm_stub.enqueue(reply(CLEAN, signature="John Smith"), reply(CLEAN, signature="John Smith"))
    letter, _ = write(client)
    assert letter.signature == NAME


def test_prompt_asks_for_the_posting_language(llm_stub: LlmStub, client: LlmClient) -> None:  # noqa: F811
    german = [
        "hiermit bewerbe ich mich als Senior Data Engineer bei Acme Analytics.",
        "Derzeit arbeite ich als Data Engineer bei der Initech GmbH.",
    ]
    llm_stub.enqueue(reply(german, "de"))
    letter, flagged = write(client, "de")
    assert flagged == []
    assert letter.language == "de"
    assert "in German (set language to 'de')" in prompt_of(llm_stub.requests[0].body)


def test_invented_employer_is_caught_and_the_corrected_letter_accepted(
    llm_stub: LlmStub,  # noqa: F811
    client: LlmClient,
) -> None:
    llm_stub.enqueue(reply([*CLEAN, INVENTED]), reply(CLEAN))
    letter, flagged = write(client)
    assert flagged == []
    assert INVENTED not in letter.paragraphs
    assert len(llm_stub.requests) == 2
    correction = llm_stub.requests[1].messages[-1]["content"]
    assert "Globex Corporation" in correction
    assert "not supported" in correction
    # The model sees its own first letter before the correction.
    assert "Globex Corporation" in llm_stub.requests[1].messages[-2]["content"]


def test_claim_made_twice_is_flagged(llm_stub: LlmStub, client: LlmClient) -> None:  # noqa: F811
    llm_stub.enqueue(reply([*CLEAN, INVENTED]), reply([*CLEAN, INVENTED, "I hold a PhD."]))
    letter, flagged = write(client)
    # The second letter is worse (two claims): the first one is kept, flagged.
    assert flagged == ["Globex Corporation"]
    assert INVENTED in letter.paragraphs
    assert len(llm_stub.requests) == 2


def test_same_claim_twice_returns_the_second_letter_flagged(
    llm_stub: LlmStub,  # noqa: F811
    client: LlmClient,
) -> None:
    second = [CLEAN[0], INVENTED]
    llm_stub.enqueue(reply([*CLEAN, INVENTED]), reply(second))
    letter, flagged = write(client)
    assert flagged == ["Globex Corporation"]
    assert letter.paragraphs == second
    assert len(llm_stub.requests) == 2  # regenerated once, not more


def test_failed_correction_keeps_the_first_letter_flagged(
    llm_stub: LlmStub,  # noqa: F811
) -> None:
    llm_stub.enqueue(reply([*CLEAN, INVENTED]), StubReply.error(503))
    with LlmClient(llm_stub.base_url, None, llm_stub.model, max_attempts=1) as client:
        letter, flagged = write(client)
    assert flagged == ["Globex Corporation"]
    assert INVENTED in letter.paragraphs


def test_unreachable_service_raises_for_the_offline_fallback(
    llm_stub: LlmStub,  # noqa: F811
) -> None:
    llm_stub.enqueue(StubReply.error(503))
    with (
        LlmClient(llm_stub.base_url, None, llm_stub.model, max_attempts=1) as client,
        pytest.raises(LlmUnavailable),
    ):
        write(client)
