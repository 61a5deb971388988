"""The LLM client against servers that differ (tests/llm_stub.py playing them):
which form of structured output each accepts and that the client remembers it,
LLM_STRUCTURED_OUTPUT forcing one, `max_tokens` on every request, what is and is
not retried, repairs that fit a small context window, and the process-wide limit
of concurrent requests to one server.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from pydantic import BaseModel, Field

from jobagent_core.config import load_settings
from jobagent_core.llm import (
    LlmClient,
    LlmRequestError,
    Message,
    StructuredResult,
    Usage,
    reply_token_estimate,
    strict_json_schema,
)
from tests.llm_stub import (  # noqa: F401  (llm_stub: fixture)
    JSON_OBJECT_ONLY,
    JSON_OBJECT_SCHEMA_ONLY,
    LLAMA_CPP_PYTHON,
    NO_RESPONSE_FORMAT,
    OPENAI,
    Flavour,
    LlmStub,
    StubReply,
    llm_stub,
)

pytestmark = pytest.mark.integration


class Capital(BaseModel):
    country: str
    capital: str


class Letter(BaseModel):
    subject: str
    greeting: str
    paragraphs: list[str] = Field(min_length=1)
    closing: str
    claims_used: list[str]


ANSWER = {"country": "France", "capital": "Paris"}
LETTER = {
    "subject": "Data Engineer",
    "greeting": "Dear team,",
    "paragraphs": ["I build pipelines."],
    "closing": "Kind regards,",
    "claims_used": [],
}
MESSAGES: list[Message] = [
    {"role": "system", "content": "You answer geography questions. Reply in JSON."},
    {"role": "user", "content": "What is the capital of France?"},
]
# The stub's name for a request without response_format is "none"; the client's
# form that sends none (the schema goes in the prompt) is "prompt".
CLIENT_FORM = {"none": "prompt"}


def answer(body: dict[str, Any]) -> str:
    """A valid reply for whichever schema the request is about."""
    text = json.dumps(body)
    return json.dumps(LETTER if "paragraphs" in text else ANSWER)


def make_client(stub: LlmStub, **options: Any) -> LlmClient:
    """Small timeouts and backoff: retries take a fraction of a second."""
    options = {"timeout_s": 5, "total_budget_s": 20, "backoff_s": 0.01, **options}
    return LlmClient(stub.base_url, None, stub.model, **options)


@pytest.fixture
def client(llm_stub: LlmStub) -> Iterator[LlmClient]:  # noqa: F811
    llm_stub.handler = answer
    with make_client(llm_stub) as client:
        yield client


def ask(client: LlmClient, **options: Any) -> StructuredResult[Capital]:
    return client.complete_structured(MESSAGES, Capital, name="capital", **options)


def compact(schema: dict[str, Any]) -> str:
    return json.dumps(schema, separators=(",", ":"))


# --- each kind of server, and what the client remembers --------------------------------


@pytest.mark.parametrize(
    ("flavour", "tried"),
    [
        (OPENAI, ["json_schema"]),
        (LLAMA_CPP_PYTHON, ["json_schema", "json_object_schema"]),
        (JSON_OBJECT_SCHEMA_ONLY, ["json_schema", "json_object_schema"]),
        (JSON_OBJECT_ONLY, ["json_schema", "json_object_schema", "json_object"]),
        (NO_RESPONSE_FORMAT, ["json_schema", "json_object_schema", "json_object", "none"]),
    ],
    ids=lambda v: v.name if isinstance(v, Flavour) else None,
)
def test_each_kind_of_server_answers_and_the_working_form_is_remembered(
    llm_stub: LlmStub,  # noqa: F811
    client: LlmClient,
    flavour: Flavour,
    tried: list[str],
) -> None:
    llm_stub.flavour = flavour
    working = tried[-1]

    first = ask(client)
    second = ask(client)  # straight to the form that worked
    with make_client(llm_stub) as other:  # another client of this process knows it too
        third = ask(other)

    assert first.parsed == second.parsed == third.parsed == Capital(**ANSWER)
    assert [r.form for r in llm_stub.requests] == [*tried, working, working]
    assert first.form == second.form == client.learned_form == CLIENT_FORM.get(working, working)
    assert first.usage.calls == 1  # refused requests are not completions
    schema = strict_json_schema(Capital)
    accepted = llm_stub.requests[len(tried) - 1]
    if working in ("json_object", "none"):  # the schema travels in the system prompt
        system = accepted.messages[0]
        assert system["content"].startswith(MESSAGES[0]["content"])
        assert compact(schema) in system["content"]
        assert accepted.messages[1:] == MESSAGES[1:]
    else:
        assert accepted.messages == MESSAGES
    if working == "json_object_schema":
        assert accepted.response_format == {"type": "json_object", "schema": schema}
    assert all(r.max_tokens == reply_token_estimate(Capital) for r in llm_stub.requests)


def test_what_worked_is_remembered_per_server_and_model(
    llm_stub: LlmStub,  # noqa: F811
    client: LlmClient,
) -> None:
    llm_stub.flavour = LLAMA_CPP_PYTHON
    ask(client)
    with make_client(llm_stub) as same, LlmClient(llm_stub.base_url, None, "other-model") as new:
        ask(same)
        ask(new)  # another model on the same server: negotiated afresh
    assert [r.form for r in llm_stub.requests] == [
        "json_schema",
        "json_object_schema",
        "json_object_schema",
        "json_schema",
        "json_object_schema",
    ]


def test_a_repair_is_asked_for_in_the_form_that_worked(
    llm_stub: LlmStub,  # noqa: F811
    client: LlmClient,
) -> None:
    llm_stub.flavour = JSON_OBJECT_ONLY
    llm_stub.enqueue('{"country": "France"}')  # no capital: repaired

    assert ask(client).parsed.capital == "Paris"

    forms = [r.form for r in llm_stub.requests]
    assert forms == ["json_schema", "json_object_schema", "json_object", "json_object"]
    repair = llm_stub.requests[-1]
    assert repair.messages[-2] == {"role": "assistant", "content": '{"country": "France"}'}
    assert "capital: Field required" in repair.messages[-1]["content"]
    assert compact(strict_json_schema(Capital)) in repair.messages[0]["content"]


# --- LLM_STRUCTURED_OUTPUT ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("setting", "sent"),
    [
        ("json_schema", "json_schema"),
        ("json_object_schema", "json_object_schema"),
        ("json_object", "json_object"),
        ("prompt", "none"),
    ],
)
def test_a_forced_form_is_the_only_one_sent(
    llm_stub: LlmStub,  # noqa: F811
    setting: str,
    sent: str,
) -> None:
    llm_stub.handler = answer
    settings = load_settings(
        _env_file=None,
        LLM_BASE_URL=llm_stub.base_url,
        LLM_MODEL=llm_stub.model,
        LLM_STRUCTURED_OUTPUT=setting,
    )
    with LlmClient.from_settings(settings) as client:
        assert ask(client).form == setting
        ask(client)
    assert [r.form for r in llm_stub.requests] == [sent, sent]
    assert all(isinstance(r.max_tokens, int) for r in llm_stub.requests)
    assert client.learned_form is None  # forcing teaches nothing to "auto" clients


def test_a_forced_form_the_server_refuses_is_reported_not_negotiated(
    llm_stub: LlmStub,  # noqa: F811
) -> None:
    llm_stub.flavour = LLAMA_CPP_PYTHON
    llm_stub.handler = answer
    with (
        make_client(llm_stub, structured_output="json_schema") as client,
        pytest.raises(LlmRequestError, match="LLM_STRUCTURED_OUTPUT=json_schema") as caught,
    ):
        ask(client)
    assert caught.value.status == 500
    assert "response_format" in str(caught.value)
    assert [r.form for r in llm_stub.requests] == ["json_schema"]  # neither retried nor varied


# --- max_tokens ------------------------------------------------------------------------


def test_max_tokens_is_always_sent_sized_per_schema_within_the_ceiling(
    llm_stub: LlmStub,  # noqa: F811
) -> None:
    llm_stub.flavour = JSON_OBJECT_ONLY  # negotiation steps send it too
    llm_stub.handler = answer
    llm_stub.enqueue("not JSON at all")  # and so does the repair
    small, large = reply_token_estimate(Capital), reply_token_estimate(Letter)
    assert small < 1000 < large
    with make_client(llm_stub, max_tokens=1000) as client:
        ask(client)
        count = len(llm_stub.requests)
        client.complete_structured(MESSAGES, Letter, name="letter")
        client.complete_structured(MESSAGES, Letter, name="letter", max_tokens=300)
        client.complete_structured(MESSAGES, Letter, name="letter", max_tokens=50_000)

    sent = [r.max_tokens for r in llm_stub.requests]
    assert count == 4  # three forms tried, then the repair
    assert sent == [small] * count + [1000, 300, 1000]


# --- retries -----------------------------------------------------------------------------


def test_a_400_is_not_retried(llm_stub: LlmStub, client: LlmClient) -> None:  # noqa: F811
    llm_stub.enqueue(json.dumps(ANSWER), StubReply.error(400, "temperature: at most 2"))
    ask(client)
    with pytest.raises(LlmRequestError, match="temperature: at most 2") as caught:
        ask(client, temperature=0.1)
    assert caught.value.status == 400
    assert len(llm_stub.requests) == 2


@pytest.mark.parametrize(
    "message",
    [
        "1 validation error for CreateChatCompletionRequest\nmessages.1.role\n  Field required",
        "Failed to parse the request body",
    ],
)
def test_a_500_that_reports_an_invalid_request_is_not_retried(
    llm_stub: LlmStub,  # noqa: F811
    client: LlmClient,
    message: str,
) -> None:
    llm_stub.enqueue(json.dumps(ANSWER), StubReply.error(500, message))
    ask(client)
    with pytest.raises(LlmRequestError) as caught:
        ask(client)
    assert caught.value.status == 500
    assert len(llm_stub.requests) == 2


def test_a_terse_refusal_of_the_first_request_tries_each_form_once(
    llm_stub: LlmStub,  # noqa: F811
    client: LlmClient,
) -> None:
    llm_stub.handler = lambda body: StubReply.error(400, "Bad Request")
    with pytest.raises(LlmRequestError, match=r"tried as json_schema, .*, prompt"):
        ask(client)
    # Four different requests, none sent twice; nothing learned from failures.
    assert [r.form for r in llm_stub.requests] == [
        "json_schema",
        "json_object_schema",
        "json_object",
        "none",
    ]
    assert client.learned_form is None


@pytest.mark.parametrize("status", [503, 500])
def test_a_503_is_retried_in_the_same_form(
    llm_stub: LlmStub,  # noqa: F811
    client: LlmClient,
    status: int,
) -> None:
    # llama-cpp-python while the model loads: the form is not to blame for a 503
    # (nor for a 500 that does not say the request is wrong).
    llm_stub.flavour = LLAMA_CPP_PYTHON
    llm_stub.enqueue(StubReply.error(status, "loading model"), StubReply.error(status))

    result = ask(client)

    assert result.parsed.capital == "Paris"
    assert result.usage.calls == 1
    assert [r.form for r in llm_stub.requests] == ["json_schema"] + ["json_object_schema"] * 3
    assert client.learned_form == "json_object_schema"


# --- context window ----------------------------------------------------------------------


def test_a_repair_stays_within_a_small_context_window(
    llm_stub: LlmStub,  # noqa: F811
) -> None:
    window = 600
    llm_stub.context_window = window  # refuses prompt + max_tokens beyond it
    rambling = "Let me think about which city is the capital of France. " * 150
    llm_stub.enqueue(rambling, json.dumps(ANSWER))
    with make_client(llm_stub, context_tokens=window) as client:
        result = ask(client)

    assert result.parsed.capital == "Paris"
    first, repair = llm_stub.requests  # the repair fitted at once
    assert first.max_tokens is not None
    assert repair.max_tokens is not None
    assert repair.prompt_tokens + repair.max_tokens <= window
    assert repair.messages[: len(MESSAGES)] == MESSAGES
    excerpt = repair.messages[-2]
    assert excerpt["role"] == "assistant"
    assert rambling.startswith(excerpt["content"][:200])
    assert rambling.endswith(excerpt["content"][-100:])
    assert "characters left out" in excerpt["content"]
    assert len(excerpt["content"]) < len(rambling) // 4
    assert "not valid JSON" in repair.messages[-1]["content"]


def test_a_context_length_refusal_lowers_max_tokens_and_the_window_is_remembered(
    llm_stub: LlmStub,  # noqa: F811
    client: LlmClient,
) -> None:
    window = 250
    llm_stub.context_window = window
    ask(client)
    ask(client)  # fits at once: the window was learned from the refusal

    first, smaller, second = llm_stub.requests
    assert first.max_tokens == reply_token_estimate(Capital)
    assert second.max_tokens is not None
    assert first.prompt_tokens + first.max_tokens > window  # refused as too long
    assert smaller.max_tokens == window - first.prompt_tokens - 16
    assert second.prompt_tokens + second.max_tokens <= window
    # A context-length refusal says nothing about the form: json_schema throughout.
    assert [r.form for r in llm_stub.requests] == ["json_schema"] * 3
    assert client.learned_form == "json_schema"


# --- concurrency -------------------------------------------------------------------------


def test_requests_to_one_server_are_limited_process_wide_and_waiting_is_counted(
    llm_stub: LlmStub,  # noqa: F811
) -> None:
    llm_stub.handler = lambda body: StubReply(json.dumps(ANSWER), delay_s=0.4)
    settings = load_settings(
        _env_file=None,
        LLM_BASE_URL=llm_stub.base_url,
        LLM_MODEL=llm_stub.model,
        LLM_CONCURRENCY=2,
    )
    clients = [LlmClient.from_settings(settings) for _ in range(2)]
    with ThreadPoolExecutor(6) as pool:
        results = list(pool.map(lambda i: ask(clients[i % 2]), range(6)))
    for each in clients:
        each.close()

    assert llm_stub.max_in_flight == 2  # two clients, one limit for the server
    assert all(r.parsed.capital == "Paris" for r in results)
    assert all(r.usage.generation_s > 0 for r in results)
    waited = sum((c.meter.total for c in clients), Usage())
    assert waited.calls == 6
    assert waited.queue_s > 0  # four of the six calls waited for a slot
    assert waited.queue_s == pytest.approx(sum(r.usage.queue_s for r in results))


def test_a_reply_cut_off_at_max_tokens_is_repaired_with_the_ceiling(
    llm_stub: LlmStub,  # noqa: F811
    client: LlmClient,
) -> None:
    llm_stub.enqueue(StubReply('{"country": "France", "capi', finish_reason="length"))
    assert ask(client).parsed.capital == "Paris"
    first, repair = llm_stub.requests
    assert first.max_tokens == reply_token_estimate(Capital)
    assert repair.max_tokens == client.max_tokens
    assert "cut off" in repair.messages[-1]["content"]


def test_a_server_that_wants_max_completion_tokens_gets_it(
    llm_stub: LlmStub,  # noqa: F811
    client: LlmClient,
) -> None:
    # OpenAI's reasoning models refuse max_tokens; nothing to do with the form.
    llm_stub.enqueue(
        StubReply.error(
            400,
            "Unsupported parameter: 'max_tokens' is not supported with this model. "
            "Use 'max_completion_tokens' instead.",
        )
    )
    ask(client)
    ask(client)
    refused, accepted, later = (r.body for r in llm_stub.requests)
    assert refused["max_tokens"] == reply_token_estimate(Capital)
    for body in (accepted, later):
        assert "max_tokens" not in body
        assert body["max_completion_tokens"] == reply_token_estimate(Capital)
        assert body["response_format"]["type"] == "json_schema"
