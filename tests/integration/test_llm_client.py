"""The LLM client against a local server speaking the OpenAI chat-completions
protocol (tests/llm_stub.py): structured output, repair, retries, budget, errors,
usage, and that neither the key nor the documents reach the logs.

Set LLM_TEST_BASE_URL and LLM_TEST_MODEL (and LLM_TEST_API_KEY if the service
needs one) to also run the structured-reply case against a real service.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

import pytest
from pydantic import BaseModel, Field

from jobagent_core.config import load_settings
from jobagent_core.llm import (
    LlmAuthError,
    LlmClient,
    LlmInvalidReply,
    LlmNotConfigured,
    LlmRequestError,
    LlmUnavailable,
    Message,
    UnsupportedSchema,
    Usage,
    reply_token_estimate,
    strict_json_schema,
)
from jobagent_core.llm.replies import extract_json
from tests.llm_stub import LlmStub, StubReply, llm_stub  # noqa: F401  (fixture)

integration = pytest.mark.integration
unit = pytest.mark.unit

API_KEY = "sk-test-SECRET-0123456789"
# Stands for a CV: it goes to the model but must never reach a log line or an error.
DOCUMENT = "Ada Lovelace, 12 Analytical Engine Street, ada@example.org, worked on Bernoulli"


class Evidence(BaseModel):
    skill: str
    quote: str | None = None


class Screening(BaseModel):
    score: int = Field(ge=0, le=100)
    seniority: Literal["junior", "mid", "senior"]
    evidence: list[Evidence] = []
    summary: str = Field(default="", max_length=400)


VALID = {
    "score": 82,
    "seniority": "senior",
    "evidence": [{"skill": "Python", "quote": None}],
    "summary": "Strong match.",
}
MESSAGES: list[Message] = [
    {"role": "system", "content": "You screen job candidates. Reply in JSON."},
    {"role": "user", "content": f"CV:\n{DOCUMENT}"},
]


@pytest.fixture
def client(llm_stub: LlmStub) -> Iterator[LlmClient]:  # noqa: F811
    """Small timeouts and backoff so retry tests take a fraction of a second."""
    with LlmClient(
        llm_stub.base_url,
        API_KEY,
        llm_stub.model,
        timeout_s=2,
        total_budget_s=10,
        backoff_s=0.05,
    ) as client:
        yield client


# --- structured output -------------------------------------------------------------


@integration
def test_valid_reply_is_parsed_and_the_request_is_strict_json_schema(
    client: LlmClient,
    llm_stub: LlmStub,  # noqa: F811
) -> None:
    llm_stub.enqueue(StubReply.of_json(VALID, usage=(120, 30)))

    result = client.complete_structured(MESSAGES, Screening, name="screening", temperature=0)

    assert result.parsed == Screening.model_validate(VALID)
    assert json.loads(result.raw_text) == VALID
    assert result.usage == Usage(prompt_tokens=120, completion_tokens=30, total_tokens=150, calls=1)
    [request] = llm_stub.requests
    assert request.path == "/v1/chat/completions"
    assert request.headers["authorization"] == f"Bearer {API_KEY}"
    assert request.headers["user-agent"].startswith("JobAgent/")
    assert request.body["model"] == llm_stub.model
    assert request.body["messages"] == MESSAGES
    assert request.body["temperature"] == 0
    assert request.body["max_tokens"] == reply_token_estimate(Screening) <= client.max_tokens
    assert result.form == "json_schema"
    assert request.body["response_format"] == {
        "type": "json_schema",
        "json_schema": {
            "name": "screening",
            "schema": strict_json_schema(Screening),
            "strict": True,
        },
    }
    schema = request.body["response_format"]["json_schema"]["schema"]
    assert schema["additionalProperties"] is False
    assert schema["required"] == ["score", "seniority", "evidence", "summary"]


@integration
def test_no_authorization_header_without_a_key(llm_stub: LlmStub) -> None:  # noqa: F811
    llm_stub.enqueue(StubReply.of_json(VALID))
    with LlmClient(llm_stub.base_url, None, llm_stub.model) as client:
        client.complete_structured(MESSAGES, Screening, name="screening")
    assert "authorization" not in llm_stub.requests[0].headers


@integration
def test_invalid_json_gets_one_repair_that_carries_the_error(
    client: LlmClient,
    llm_stub: LlmStub,  # noqa: F811
) -> None:
    broken = 'Sure! Here it is: {"score": 82, "seniority": "senior",'
    repaired = f"Here is the corrected JSON:\n```json\n{json.dumps(VALID)}\n```"
    llm_stub.enqueue(StubReply(broken, usage=(100, 20)), StubReply(repaired, usage=(130, 25)))

    result = client.complete_structured(MESSAGES, Screening, name="screening")

    assert result.parsed.score == 82
    assert result.raw_text == repaired
    assert result.usage == Usage(prompt_tokens=230, completion_tokens=45, total_tokens=275, calls=2)
    first, repair = llm_stub.requests
    assert repair.messages[: len(MESSAGES)] == MESSAGES
    assert repair.messages[-2] == {"role": "assistant", "content": broken}
    assert repair.messages[-1]["role"] == "user"
    assert "not valid JSON" in repair.messages[-1]["content"]
    assert "Expecting property name" in repair.messages[-1]["content"]
    assert repair.body["response_format"] == first.body["response_format"]
    counted = client.usage_by_stage["screening"]
    assert (counted.repairs, counted.fallbacks) == (1, 0)


@integration
def test_schema_invalid_twice_raises_invalid_reply(
    client: LlmClient,
    llm_stub: LlmStub,  # noqa: F811
) -> None:
    wrong = {"score": 250, "seniority": "guru", "summary": DOCUMENT}
    llm_stub.enqueue(StubReply.of_json(wrong), StubReply.of_json(wrong))

    with pytest.raises(LlmInvalidReply) as caught:
        client.complete_structured(MESSAGES, Screening, name="screening")

    assert len(llm_stub.requests) == 2
    repair_prompt = llm_stub.requests[1].messages[-1]["content"]
    assert "score: Input should be less than or equal to 100" in repair_prompt
    message = str(caught.value)
    assert "screening" in message
    assert "score" in message
    assert DOCUMENT not in message
    assert len(message) < 400
    assert caught.value.usage.calls == 2
    assert client.usage_by_stage["screening"].calls == 2  # failed calls still cost tokens
    assert client.usage_by_stage["screening"].repairs == 1
    assert client.usage_by_stage["screening"].fallbacks == 1


@integration
def test_empty_content_is_repaired(
    client: LlmClient,
    llm_stub: LlmStub,  # noqa: F811
) -> None:
    llm_stub.enqueue(StubReply(content=None), StubReply.of_json(VALID))
    assert client.complete_structured(MESSAGES, Screening, name="screening").parsed.score == 82
    assert "empty" in llm_stub.requests[1].messages[-1]["content"]


# --- retries, budget, errors ---------------------------------------------------------


@integration
def test_429_waits_for_retry_after(client: LlmClient, llm_stub: LlmStub) -> None:  # noqa: F811
    llm_stub.enqueue(StubReply.error(429, "slow down", {"Retry-After": "1"}), json.dumps(VALID))

    result = client.complete_structured(MESSAGES, Screening, name="screening")

    assert result.parsed.score == 82
    first, second = llm_stub.requests
    assert second.at - first.at >= 0.9
    assert result.usage.calls == 1


@integration
@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_server_errors_are_retried(
    client: LlmClient,
    llm_stub: LlmStub,  # noqa: F811
    status: int,
) -> None:
    llm_stub.enqueue(StubReply.error(status), StubReply.error(status), json.dumps(VALID))
    assert client.complete_structured(MESSAGES, Screening, name="screening").parsed.score == 82
    assert len(llm_stub.requests) == 3


@integration
def test_attempts_are_bounded(client: LlmClient, llm_stub: LlmStub) -> None:  # noqa: F811
    llm_stub.handler = lambda body: StubReply.error(503, "overloaded")
    with pytest.raises(LlmUnavailable, match=r"4 attempt\(s\).*HTTP 503"):
        client.complete_structured(MESSAGES, Screening, name="screening")
    assert len(llm_stub.requests) == client.max_attempts == 4


@integration
def test_a_reply_that_does_not_come_in_time_is_not_asked_for_again(
    llm_stub: LlmStub,  # noqa: F811
) -> None:
    # The server is still generating the first reply: a resent request would queue
    # behind it (on a one-slot local server, for minutes).
    llm_stub.handler = lambda body: StubReply(json.dumps(VALID), delay_s=10)
    client = LlmClient(
        llm_stub.base_url,
        API_KEY,
        llm_stub.model,
        timeout_s=0.3,
        max_attempts=20,
        total_budget_s=5.0,
        backoff_s=0.05,
    )
    started = time.monotonic()
    with client, pytest.raises(LlmUnavailable, match="not resent") as caught:
        client.complete_structured(MESSAGES, Screening, name="screening")
    assert time.monotonic() - started < 2.5
    assert len(llm_stub.requests) == 1
    assert "LLM_TIMEOUT_S" in str(caught.value)
    assert API_KEY not in str(caught.value)
    usage = client.usage_by_stage["screening"]
    assert usage.fallbacks == 1
    assert usage.calls == 0


@integration
def test_retry_after_beyond_the_budget_gives_up_at_once(
    client: LlmClient,
    llm_stub: LlmStub,  # noqa: F811
) -> None:
    llm_stub.enqueue(StubReply.error(429, headers={"Retry-After": "3600"}))
    started = time.monotonic()
    with pytest.raises(LlmUnavailable, match="time budget"):
        client.complete_structured(MESSAGES, Screening, name="screening")
    assert time.monotonic() - started < 1
    assert len(llm_stub.requests) == 1


@integration
def test_connection_refused_raises_unavailable() -> None:
    with socket.socket() as sock:  # a port nobody listens on once closed
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    client = LlmClient(f"http://127.0.0.1:{port}/v1", API_KEY, "m", max_attempts=2, backoff_s=0)
    with client, pytest.raises(LlmUnavailable, match=r"2 attempt\(s\).*connection failed"):
        client.complete_structured(MESSAGES, Screening, name="screening")


@integration
@pytest.mark.parametrize("status", [401, 403])
def test_auth_errors_raise_at_once_without_the_key(
    client: LlmClient,
    llm_stub: LlmStub,  # noqa: F811
    status: int,
) -> None:
    # OpenAI echoes (part of) the key it refused: the client must not pass it on.
    llm_stub.enqueue(StubReply.error(status, f"Incorrect API key provided: {API_KEY}."))

    with pytest.raises(LlmAuthError) as caught:
        client.complete_structured(MESSAGES, Screening, name="screening")

    assert len(llm_stub.requests) == 1
    assert caught.value.status == status
    assert API_KEY not in str(caught.value)
    assert "LLM_API_KEY" in str(caught.value)
    # no completion, no tokens; one request the caller must do without
    assert client.usage_by_stage["screening"] == Usage()
    assert client.usage_by_stage["screening"].fallbacks == 1


@integration
@pytest.mark.parametrize("status", [400, 404, 422])
def test_request_errors_raise_at_once_with_the_service_message(
    client: LlmClient,
    llm_stub: LlmStub,  # noqa: F811
    status: int,
) -> None:
    # Once a form of structured output has worked with this server, a refusal is the
    # request's own fault: raised as it is, never sent again (negotiation: see
    # test_llm_negotiation.py).
    llm_stub.enqueue(StubReply.of_json(VALID), StubReply.error(status, "messages: too many"))
    client.complete_structured(MESSAGES, Screening, name="screening")
    with pytest.raises(LlmRequestError, match="messages: too many") as caught:
        client.complete_structured(MESSAGES, Screening, name="screening")
    assert not isinstance(caught.value, LlmAuthError)
    assert caught.value.status == status
    assert len(llm_stub.requests) == 2


@integration
def test_a_200_that_is_not_a_completion_is_a_request_error(
    client: LlmClient,
    llm_stub: LlmStub,  # noqa: F811
) -> None:
    llm_stub.enqueue(StubReply(body="<html>Welcome to nginx</html>"))
    with pytest.raises(LlmRequestError, match="/v1"):
        client.complete_structured(MESSAGES, Screening, name="screening")


# --- usage and logs ------------------------------------------------------------------


@integration
def test_usage_is_summed_per_stage(client: LlmClient, llm_stub: LlmStub) -> None:  # noqa: F811
    llm_stub.enqueue(
        StubReply.of_json(VALID, usage=(100, 10)),
        StubReply("not json", usage=(50, 5)),
        StubReply.of_json(VALID, usage=(60, 6)),
        StubReply.of_json(VALID, usage=(7, 3)),
    )
    client.complete_structured(MESSAGES, Screening, name="screening")
    client.complete_structured(MESSAGES, Screening, name="screening")  # repaired: 2 calls
    client.complete_structured(MESSAGES, Screening, name="screening", stage="writing")

    assert client.usage_by_stage == {
        "screening": Usage(prompt_tokens=210, completion_tokens=21, total_tokens=231, calls=3),
        "writing": Usage(prompt_tokens=7, completion_tokens=3, total_tokens=10, calls=1),
    }
    assert client.meter.total == Usage(217, 24, 241, 4)


@integration
def test_logs_never_hold_the_key_or_the_document(
    client: LlmClient,
    llm_stub: LlmStub,  # noqa: F811
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    llm_stub.enqueue(
        StubReply.error(429, f"rate limited for key {API_KEY}", {"Retry-After": "0"}),
        StubReply.error(503),
        StubReply.of_json({"score": "high", "seniority": "senior", "summary": DOCUMENT}),
        StubReply.of_json(VALID),
        StubReply.error(401, f"Incorrect API key provided: {API_KEY}"),
    )
    client.complete_structured(MESSAGES, Screening, name="screening")
    with pytest.raises(LlmAuthError) as caught:
        client.complete_structured(MESSAGES, Screening, name="screening")
    logging.getLogger("test").error("caught: %s", caught.value)

    assert "retrying" in caplog.text
    assert "repair" in caplog.text
    assert API_KEY not in caplog.text
    assert DOCUMENT not in caplog.text


# --- the same structured call against a real service, when one is configured ----------


@dataclass(frozen=True)
class Endpoint:
    base_url: str
    model: str
    api_key: str | None


class Capital(BaseModel):
    country: str
    capital: str


def _endpoints() -> list[Any]:
    """The stub always; a real service too when LLM_TEST_BASE_URL/LLM_TEST_MODEL are set
    (generated here, so nothing shows as skipped when they are not)."""
    params = [pytest.param(None, id="stub")]
    base_url, model = os.environ.get("LLM_TEST_BASE_URL"), os.environ.get("LLM_TEST_MODEL")
    if base_url and model:
        real = Endpoint(base_url, model, os.environ.get("LLM_TEST_API_KEY") or None)
        params.append(pytest.param(real, id="real"))
    return params


@integration
@pytest.mark.parametrize("endpoint", _endpoints())
def test_structured_reply_end_to_end(endpoint: Endpoint | None, llm_stub: LlmStub) -> None:  # noqa: F811
    llm_stub.handler = lambda body: json.dumps({"country": "France", "capital": "Paris"})
    if endpoint is None:
        endpoint = Endpoint(llm_stub.base_url, llm_stub.model, API_KEY)
    messages: list[Message] = [
        {"role": "system", "content": "Answer with a JSON object."},
        {"role": "user", "content": "What is the capital of France?"},
    ]
    with LlmClient(
        endpoint.base_url, endpoint.api_key, endpoint.model, timeout_s=120, total_budget_s=300
    ) as client:
        result = client.complete_structured(messages, Capital, name="capital", temperature=0)
    assert "paris" in result.parsed.capital.lower()
    assert result.usage.calls in (1, 2)


# --- pure helpers (no server) --------------------------------------------------------


@unit
def test_from_settings() -> None:
    settings = load_settings(
        _env_file=None,
        LLM_BASE_URL="http://localhost:11434/v1/",
        LLM_MODEL="qwen3",
        LLM_API_KEY=API_KEY,
    )
    with LlmClient.from_settings(settings) as client:
        assert client.model == "qwen3"
        assert API_KEY not in repr(client)
        assert client.structured_output == "auto"
        assert client.max_tokens == 4096
    tuned = load_settings(
        _env_file=None,
        LLM_BASE_URL="http://localhost:8000/v1",
        LLM_MODEL="qwen3",
        LLM_STRUCTURED_OUTPUT="JSON_Object_Schema",
        LLM_MAX_TOKENS="1000",
        LLM_CONCURRENCY="3",
    )
    with LlmClient.from_settings(tuned) as client:
        assert client.structured_output == "json_object_schema"
        assert client.max_tokens == 1000
    with pytest.raises(LlmNotConfigured):
        LlmClient.from_settings(load_settings(_env_file=None, LLM_BASE_URL="", LLM_MODEL=""))


class Node(BaseModel):
    label: str
    children: list[Node] = []


class WithMapping(BaseModel):
    counts: dict[str, int]


class Untyped(BaseModel):
    anything: Any


@unit
def test_strict_schema_closes_objects_inlines_refs_and_drops_constraints() -> None:
    schema = strict_json_schema(Screening)
    assert "$defs" not in schema
    evidence = schema["properties"]["evidence"]["items"]
    assert evidence["additionalProperties"] is False
    assert evidence["required"] == ["skill", "quote"]
    assert evidence["properties"]["quote"] == {
        "anyOf": [{"type": "string"}, {"type": "null"}],
        "title": "Quote",
    }
    assert schema["properties"]["score"] == {"type": "integer", "title": "Score"}
    assert schema["properties"]["seniority"]["enum"] == ["junior", "mid", "senior"]
    assert "maxLength" not in schema["properties"]["summary"]
    assert "default" not in json.dumps(schema)


@unit
def test_strict_schema_keeps_recursive_definitions() -> None:
    schema = strict_json_schema(Node)
    assert schema["properties"]["children"]["items"] == {"$ref": "#/$defs/Node"}
    assert schema["$defs"]["Node"]["additionalProperties"] is False
    assert schema["$defs"]["Node"]["required"] == ["label", "children"]


@unit
@pytest.mark.parametrize(("model", "hint"), [(WithMapping, "mapping"), (Untyped, "no type")])
def test_strict_schema_refuses_what_strict_mode_cannot_express(
    model: type[BaseModel], hint: str
) -> None:
    with pytest.raises(UnsupportedSchema, match=hint):
        strict_json_schema(model)


@unit
@pytest.mark.parametrize(
    "text",
    [
        '{"a": 1}',
        '```json\n{"a": 1}\n```',
        'Here you go:\n```\n{"a": 1}\n```\nAnything else?',
        'Sure! {"a": 1} Hope that helps.',
        '<think>maybe {"a": 0}?</think>\n{"a": 1}',
    ],
)
def test_extract_json_tolerates_fences_and_surrounding_text(text: str) -> None:
    assert extract_json(text) == {"a": 1}


@integration
def test_raw_line_breaks_are_read_and_control_characters_dropped(
    client: LlmClient,
    llm_stub: LlmStub,  # noqa: F811
) -> None:
    # What a small model under llama.cpp's JSON grammar writes: a raw line break
    # inside a string, and control characters PostgreSQL and DOCX would refuse.
    raw = (
        '{"score": 82, "seniority": "senior", "evidence": [], '
        '"summary": "Builds\n pipe\\u0000lines\x0b"}'
    )
    llm_stub.enqueue(StubReply(raw))

    result = client.complete_structured(MESSAGES, Screening, name="screening")

    assert result.parsed.summary == "Builds\n pipelines"
    assert len(llm_stub.requests) == 1  # no repair needed
