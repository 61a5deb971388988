"""A small client for OpenAI-compatible chat completions with structured output.

Works with any `POST {base_url}/chat/completions` service (OpenAI, Gemini's
OpenAI endpoint, Ollama, vLLM, llama.cpp, llama-cpp-python, LM Studio).
Synchronous on purpose: it runs inside Celery workers. One `LlmClient` per
process is enough; it is safe to share between threads.

Structured output is negotiated, because servers accept different forms of
`response_format` (LLM_STRUCTURED_OUTPUT forces one). In order:

    json_schema         {"type": "json_schema", "json_schema": {name, schema, strict}} (OpenAI)
    json_object_schema  {"type": "json_object", "schema": ...}    (llama-cpp-python, llama.cpp)
    json_object         {"type": "json_object"}, the schema in the system prompt
    prompt              no response_format, the schema in the system prompt

The next form is tried, in "auto" mode, when the server refuses one as invalid
(HTTP 400 or 422, or a 500 whose body reads as a refusal: validation, parse,
schema...) and either the body names the format (response_format, json_schema,
schema, grammar...) or, for a 400/422 whatever its body says, no form has worked
yet with that server and model (the first structured exchange: the form is the
one unusual part of the request). A refusal about the context length, an unknown
model or the API key never counts. What worked is remembered per (base URL,
model) for the life of the process, and only ever moves down the list. Whatever
the form, every reply is validated against the pydantic model (and repaired once).

Retries: only transient failures — connection errors and timeouts, HTTP 408,
429, 502, 503, 504, and a 500 that does not read as a refusal — are retried, with
backoff. A reply that does not come within LLM_TIMEOUT_S is not asked for again:
the server may still be generating it, and a resent request would queue behind.
A request the server refused as invalid is never sent again as it was: the client
may send a different one (the next form, fewer `max_tokens` after a context-length
refusal) or raise `LlmRequestError`.

Size: every request carries `max_tokens` — the caller's figure or one sized from
the schema (`reply_token_estimate`), never above the client's `max_tokens`
(LLM_MAX_TOKENS), and lower when the context window is known (`context_tokens`,
or learned from a context-length refusal). A repair sends the prompt with an
excerpt of the bad reply (its head and tail, at most ~400 tokens, less when the
window needs it), never the whole reply; a reply cut off at the limit is
repaired with the full LLM_MAX_TOKENS.

Concurrency: at most LLM_CONCURRENCY requests in flight to one base URL from
the whole process (all clients); `Usage.queue_s` is the time spent waiting for
a slot, `Usage.generation_s` the time spent in requests.

This module negotiates the form and sizes and repairs requests; the HTTP exchange is
in `transport.py`, what the process learned per server in `server_state.py`, the
request forms in `request.py`, reply parsing in `replies.py`, token estimates in
`context_window.py` and usage accounting in `usage.py`.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Generic, TypeVar
from urllib.parse import urlsplit

import httpx
from pydantic import BaseModel

from jobagent_core.llm import server_state
from jobagent_core.llm.context_window import (
    CHARS_PER_TOKEN,
    CONTEXT_HINT,
    CONTEXT_MARGIN,
    EXCERPT_TOKENS,
    MESSAGE_OVERHEAD,
    MIN_COMPLETION,
    MIN_EXCERPT_TOKENS,
    context_figures,
    estimate_tokens,
    fitting,
)
from jobagent_core.llm.errors import LlmError, LlmInvalidReply, LlmNotConfigured, LlmRequestError
from jobagent_core.llm.replies import Reply, excerpt_of, parse_reply
from jobagent_core.llm.request import (
    FORMS,
    Form,
    Message,
    Request,
    StructuredOutput,
    later,
    response_format_for,
    with_schema,
)
from jobagent_core.llm.schemas import reply_token_estimate, strict_json_schema
from jobagent_core.llm.server_state import Learned, slots_for
from jobagent_core.llm.transport import ChatTransport, Refused
from jobagent_core.llm.usage import Call, Usage, UsageMeter

if TYPE_CHECKING:
    from jobagent_core.config import Settings

log = logging.getLogger(__name__)

DEFAULT_MAX_TOKENS = 4096
DEFAULT_CONCURRENCY = 2
_SCHEMA_NAME = re.compile(r"^[A-Za-z0-9_-]{1,64}$")

# How a refusal of the structured-output form reads (matched against the error body).
_FORMAT_HINT = re.compile(
    r"response_format|response format|json_schema|json_object|\bschema\b|\bgrammar\b|"
    r"structured output|guided",
    re.IGNORECASE,
)
_NOT_FORMAT = re.compile(
    r"\bmodel\b[^.]{0,80}(?:does not exist|not found|unknown)|api.?key|max_completion_tokens",
    re.IGNORECASE,
)

T = TypeVar("T", bound=BaseModel)


@dataclass(frozen=True)
class StructuredResult(Generic[T]):
    parsed: T
    raw_text: str  # the reply the object was parsed from
    usage: Usage  # summed over the first call and the repair, if any
    form: Form = "json_schema"  # how the structured output was asked for


class LlmClient(ChatTransport):
    """Structured completions with validation, one repair, retries and a time budget.

    `timeout_s` bounds one HTTP attempt; `max_attempts` and `total_budget_s`
    bound the retries of transient failures; the budget covers a whole
    `complete_structured` call, repair and waiting for a request slot included.
    `backoff_s` is the first retry delay (doubled each time, with jitter) unless
    the service sends Retry-After. `structured_output` is "auto" (negotiate) or
    one form of `FORMS`; `max_tokens` caps every reply; `concurrency` limits the
    requests in flight to this base URL from the whole process; `context_tokens`
    is the model's context window when known (else learned from a refusal).
    """

    def __init__(
        self,
        base_url: str,
        api_key: str | None,
        model: str,
        *,
        timeout_s: float = 30,
        max_attempts: int = 4,
        total_budget_s: float = 90,
        http: httpx.Client | None = None,
        backoff_s: float = 0.5,
        meter: UsageMeter | None = None,
        structured_output: StructuredOutput = "auto",
        max_tokens: int = DEFAULT_MAX_TOKENS,
        concurrency: int = DEFAULT_CONCURRENCY,
        context_tokens: int | None = None,
    ) -> None:
        if max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        if structured_output not in ("auto", *FORMS):
            raise ValueError(f"structured_output {structured_output!r}: use auto or one of {FORMS}")
        if max_tokens < 1 or concurrency < 1:
            raise ValueError("max_tokens and concurrency must be at least 1")
        self.model = model
        self.timeout_s = timeout_s
        self.max_attempts = max_attempts
        self.total_budget_s = total_budget_s
        self.backoff_s = backoff_s
        self.meter = meter or UsageMeter()
        self.structured_output = structured_output
        self.max_tokens = max_tokens
        self.context_tokens = context_tokens
        self._base = base_url.rstrip("/")
        self._url = self._base + "/chat/completions"
        self._slots = slots_for(self._base, concurrency)
        parts = urlsplit(base_url)
        self._host = parts.hostname or base_url  # never the userinfo part
        if parts.port:
            self._host += f":{parts.port}"
        self._api_key = api_key or None
        self._owns_http = http is None
        self._http = http or httpx.Client()

    @classmethod
    def from_settings(
        cls,
        settings: Settings,
        *,
        http: httpx.Client | None = None,
        meter: UsageMeter | None = None,
    ) -> LlmClient:
        """A client for the configured service; `LlmNotConfigured` when there is none."""
        if not settings.LLM_BASE_URL or not settings.LLM_MODEL:
            raise LlmNotConfigured("No LLM configured (LLM_BASE_URL, LLM_MODEL): working offline.")
        key = settings.LLM_API_KEY.get_secret_value() if settings.LLM_API_KEY else None
        return cls(
            settings.LLM_BASE_URL,
            key,
            settings.LLM_MODEL,
            timeout_s=settings.LLM_TIMEOUT_S,
            total_budget_s=settings.LLM_BUDGET_S,
            http=http,
            meter=meter,
            structured_output=settings.LLM_STRUCTURED_OUTPUT,
            max_tokens=settings.LLM_MAX_TOKENS,
            concurrency=settings.LLM_CONCURRENCY,
        )

    def __repr__(self) -> str:
        return f"LlmClient(host={self._host!r}, model={self.model!r})"

    def close(self) -> None:
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> LlmClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def usage_by_stage(self) -> dict[str, Usage]:
        return self.meter.by_stage

    @property
    def learned_form(self) -> Form | None:
        """The structured-output form that worked with this server and model (auto
        mode), or None before the first accepted request."""
        return self._learned().form

    def complete_structured(
        self,
        messages: Sequence[Message],
        output_model: type[T],
        *,
        name: str,
        temperature: float = 0.2,
        stage: str | None = None,
        max_tokens: int | None = None,
    ) -> StructuredResult[T]:
        """Ask for a reply matching `output_model`'s schema and return it validated.

        `name` labels the schema (letters, digits, `_`, `-`); usage is recorded in
        `meter` under `stage` (default: `name`). `max_tokens` caps the reply
        (default: sized from the schema); the client's `max_tokens` caps it in
        any case. Raises `LlmInvalidReply` when the reply is still invalid after
        one repair, `LlmUnavailable` when the service cannot be reached in time,
        `LlmAuthError` / `LlmRequestError` when it refuses the request.
        """
        if not _SCHEMA_NAME.match(name):
            raise ValueError(f"schema name {name!r}: use 1-64 letters, digits, '_' or '-'")
        if max_tokens is not None and max_tokens < 1:
            raise ValueError("max_tokens must be at least 1")
        started = time.monotonic()
        call = Call(deadline=started + self.total_budget_s)
        request = Request(
            messages=list(messages),
            schema=strict_json_schema(output_model),
            name=name,
            temperature=temperature,
            max_tokens=min(self.max_tokens, max_tokens or reply_token_estimate(output_model)),
        )
        repairs = fallbacks = 0
        try:
            reply = self._negotiate(call, request)
            parsed, problem = parse_reply(reply, output_model)
            if parsed is None:
                log.warning("llm reply for %s invalid (%s); asking for a repair", name, problem)
                repairs = 1
                reply = self._negotiate(call, self._repair(request, reply, problem), reply.form)
                parsed, problem = parse_reply(reply, output_model)
            if parsed is None:
                raise LlmInvalidReply(
                    f"The model {self.model!r} gave no valid '{name}' reply after a repair "
                    f"attempt: {problem}",
                    usage=call.total(),
                )
        except LlmError:
            fallbacks = 1
            raise
        finally:
            usage = call.total()
            if usage.calls or fallbacks:
                self.meter.record(
                    stage or name, usage + Usage(repairs=repairs, fallbacks=fallbacks)
                )
        log.info(
            "llm %s done: model=%s form=%s calls=%d tokens=%d/%d in %.2fs (%.2fs waiting)",
            name,
            self.model,
            reply.form,
            usage.calls,
            usage.prompt_tokens,
            usage.completion_tokens,
            time.monotonic() - started,
            usage.queue_s,
        )
        return StructuredResult(
            parsed=parsed, raw_text=reply.text or "", usage=usage, form=reply.form
        )

    # --- negotiation -------------------------------------------------------------------

    def _learned(self) -> Learned:
        return server_state.learned(self._base, self.model)

    def _learn(self, **what: Any) -> None:
        server_state.learn(self._base, self.model, **what)

    def _forms(self, start: Form | None) -> tuple[Form, ...]:
        if self.structured_output != "auto":
            return (self.structured_output,)
        known = self._learned().form
        positions = [FORMS.index(f) for f in (start, known) if f is not None]
        return FORMS[max(positions, default=0) :]

    def _negotiate(self, call: Call, request: Request, start: Form | None = None) -> Reply:
        """One completion of `request`, in the first form the server accepts."""
        forms = self._forms(start)
        index = 0
        shrunk = False  # max_tokens lowered after a context-length refusal (once a form)
        original = request
        while True:
            form = forms[index]
            learned = self._learned()
            messages = self._messages(form, request)
            max_tokens = self._fit(request, messages, learned)
            body: dict[str, Any] = {
                "model": self.model,
                "messages": messages,
                "temperature": request.temperature,
                learned.tokens_field: max_tokens,
            }
            if response_format := response_format_for(form, request):
                body["response_format"] = response_format
            try:
                reply = self._chat(call, body)
            except Refused as refused:
                text = refused.body
                if CONTEXT_HINT.search(text) and not shrunk:
                    window, prompt = context_figures(text)
                    if window:
                        self._learn(context_tokens=window)
                    prompt = prompt or request.prompt_tokens or estimate_tokens(messages)
                    smaller = fitting(window, prompt)
                    if window and smaller is not None and smaller < max_tokens:
                        log.warning(
                            "llm %s model=%s: context window of %d tokens; asking for "
                            "at most %d tokens instead of %d",
                            self._host,
                            self.model,
                            window,
                            smaller,
                            max_tokens,
                        )
                        request = replace(request, max_tokens=smaller, prompt_tokens=prompt)
                        shrunk = True
                        continue
                if learned.tokens_field == "max_tokens" and "max_completion_tokens" in text:
                    self._learn(tokens_field="max_completion_tokens")
                    continue
                if self._is_form_refusal(refused, learned) and index + 1 < len(forms):
                    log.warning(
                        "llm %s model=%s refused structured output as %s (HTTP %d); trying %s",
                        self._host,
                        self.model,
                        form,
                        refused.status,
                        forms[index + 1],
                    )
                    index += 1
                    request = replace(request, prompt_tokens=original.prompt_tokens)
                    shrunk = False
                    continue
                raise self._explained(refused, forms[: index + 1]) from None
            if self.structured_output == "auto" and later(form, learned.form):
                log.info("llm %s model=%s: structured output as %s", self._host, self.model, form)
                self._learn(form=form)
            return replace(reply, form=form)

    def _is_form_refusal(self, refused: Refused, learned: Learned) -> bool:
        if self.structured_output != "auto":
            return False
        if CONTEXT_HINT.search(refused.body) or _NOT_FORMAT.search(refused.body):
            return False
        if _FORMAT_HINT.search(refused.body):
            return True
        # A terse refusal of the very first structured exchange with this server and
        # model: most likely the structured-output form, the one unusual part.
        return learned.form is None and refused.status in (400, 422)

    def _explained(self, refused: Refused, tried: tuple[Form, ...]) -> LlmRequestError:
        error = refused.error
        if not _FORMAT_HINT.search(refused.body) and len(tried) == 1:
            return error
        if self.structured_output != "auto":
            note = (
                f" (LLM_STRUCTURED_OUTPUT={self.structured_output}; 'auto' tries the other forms)"
            )
        else:
            note = f" (structured output tried as {', '.join(tried)})"
        return type(error)(str(error) + note, status=error.status)

    @staticmethod
    def _messages(form: Form, request: Request) -> list[Message]:
        messages = request.messages
        if form in ("json_object", "prompt"):
            messages = with_schema(messages, request.schema)
        return [*messages, *request.tail]

    def _fit(self, request: Request, messages: list[Message], learned: Learned) -> int:
        """`request.max_tokens`, less if the context window is known and too small."""
        window = self.context_tokens or learned.context_tokens
        if not window:
            return request.max_tokens
        prompt = request.prompt_tokens or estimate_tokens(messages)
        room = window - prompt - CONTEXT_MARGIN
        return max(min(request.max_tokens, room), min(request.max_tokens, MIN_COMPLETION))

    def _repair(self, request: Request, reply: Reply, problem: str) -> Request:
        """The request for a repair: the prompt, an excerpt of the bad reply (sized to
        leave room for the answer in the context window, when that is known) and
        what is wrong with it."""
        max_tokens = request.max_tokens
        if reply.finish_reason == "length":
            problem += f" (the reply was cut off at the {max_tokens}-token limit; be brief)"
            max_tokens = max(max_tokens, self.max_tokens)
        correction: Message = {
            "role": "user",
            "content": f"Your previous reply is invalid: {problem}. Reply again with only "
            "the corrected JSON object, matching the schema exactly, and no other text.",
        }
        # The first request as the server counted it, or as we estimate it.
        prompt = reply.usage.prompt_tokens or estimate_tokens(self._messages(reply.form, request))
        fixed = prompt + estimate_tokens([correction]) + MESSAGE_OVERHEAD
        excerpt_tokens = EXCERPT_TOKENS
        window = self.context_tokens or self._learned().context_tokens
        if window:
            room = window - fixed - CONTEXT_MARGIN
            excerpt_tokens = min(EXCERPT_TOKENS, room - max_tokens)
            if excerpt_tokens < MIN_EXCERPT_TOKENS:  # share the room with the answer
                excerpt_tokens = max(0, min(MIN_EXCERPT_TOKENS, room // 4))
                max_tokens = max(MIN_COMPLETION, room - excerpt_tokens)
        excerpt = excerpt_of(reply.text or "", excerpt_tokens * CHARS_PER_TOKEN)
        return replace(
            request,
            tail=(*request.tail, {"role": "assistant", "content": excerpt}, correction),
            max_tokens=max_tokens,
            prompt_tokens=fixed + len(excerpt) // CHARS_PER_TOKEN + 1,
        )
