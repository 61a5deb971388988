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
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Generic, Literal, TypedDict, TypeVar, get_args
from urllib.parse import urlsplit

import httpx
from pydantic import BaseModel, ValidationError

from jobagent_core import __version__, retry_wait
from jobagent_core.llm.errors import (
    LlmAuthError,
    LlmError,
    LlmInvalidReply,
    LlmNotConfigured,
    LlmRequestError,
    LlmUnavailable,
)
from jobagent_core.llm.schemas import reply_token_estimate, strict_json_schema

if TYPE_CHECKING:
    from jobagent_core.config import Settings

log = logging.getLogger(__name__)

USER_AGENT = f"JobAgent/{__version__} (+self-hosted)"
StructuredOutput = Literal["auto", "json_schema", "json_object_schema", "json_object", "prompt"]
Form = Literal["json_schema", "json_object_schema", "json_object", "prompt"]
FORMS: tuple[Form, ...] = get_args(Form)
DEFAULT_MAX_TOKENS = 4096
DEFAULT_CONCURRENCY = 2
# Retried with backoff; a 500 too, unless its body reads as a refusal (_REFUSAL_500).
TRANSIENT_STATUSES = frozenset({408, 429, 502, 503, 504})
_MAX_BACKOFF_S = 20.0
_SCHEMA_NAME = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_FENCE = re.compile(r"```(?:json|JSON)?\s*\n?(.*?)```", re.DOTALL)
_THINKING = re.compile(r"^\s*<think>.*?</think>", re.DOTALL)

# How refusals read. Matched against the error body (at most _BODY_CHARS of it).
_BODY_CHARS = 4000
_REFUSAL_500 = re.compile(
    r"validat|\bpars(?:e|ed|er|ing)\b|\binvalid\b|response_format|json_schema|\bschema\b|"
    r"\bgrammar\b|not supported|unsupported|unexpected keyword|extra (?:fields|inputs)|"
    r"field required|context length|context window|maximum context",
    re.IGNORECASE,
)
_FORMAT_HINT = re.compile(
    r"response_format|response format|json_schema|json_object|\bschema\b|\bgrammar\b|"
    r"structured output|guided",
    re.IGNORECASE,
)
_CONTEXT_HINT = re.compile(
    r"context length|context_length|context window|context size|maximum context|\bn_ctx\b|"
    r"exceeds? the (?:available )?context",
    re.IGNORECASE,
)
_NOT_FORMAT = re.compile(
    r"\bmodel\b[^.]{0,80}(?:does not exist|not found|unknown)|api.?key|max_completion_tokens",
    re.IGNORECASE,
)
_WINDOW = (
    re.compile(r"maximum context length is (\d+)", re.IGNORECASE),
    re.compile(r"context window of (\d+)", re.IGNORECASE),
    re.compile(r"\"?n_ctx\"?\s*[:=]\s*(\d+)", re.IGNORECASE),
)
_PROMPT_TOKENS = (
    re.compile(r"\((\d+) in the messages", re.IGNORECASE),
    re.compile(r"\((\d+) in your prompt", re.IGNORECASE),
    re.compile(r"\"?n_prompt_tokens\"?\s*[:=]\s*(\d+)", re.IGNORECASE),
)

# Token arithmetic without the model's tokenizer: 3 characters a token over-counts
# most text a little, which is the safe side for fitting a context window.
_CHARS_PER_TOKEN = 3
_MESSAGE_OVERHEAD = 8  # chat-template tokens around each message
_CONTEXT_MARGIN = 16
_MIN_COMPLETION = 64
_EXCERPT_TOKENS = 400  # at most this much of a bad reply goes back in a repair
_MIN_EXCERPT_TOKENS = 60

T = TypeVar("T", bound=BaseModel)


class Message(TypedDict):
    role: Literal["system", "user", "assistant"]
    content: str


@dataclass(frozen=True)
class Usage:
    """Tokens as reported by the service, how many completions were made, and time.

    `queue_s` is time spent waiting for a free request slot (LLM_CONCURRENCY),
    `generation_s` time spent in HTTP requests to the service; `repairs` counts
    replies that had to be repaired, `fallbacks` structured requests that gave no
    usable reply (the caller then used its offline path). Only tokens and calls
    take part in comparisons (`==`).
    """

    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0
    calls: int = 0
    queue_s: float = field(default=0.0, compare=False)
    generation_s: float = field(default=0.0, compare=False)
    repairs: int = field(default=0, compare=False)
    fallbacks: int = field(default=0, compare=False)

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            self.prompt_tokens + other.prompt_tokens,
            self.completion_tokens + other.completion_tokens,
            self.total_tokens + other.total_tokens,
            self.calls + other.calls,
            self.queue_s + other.queue_s,
            self.generation_s + other.generation_s,
            self.repairs + other.repairs,
            self.fallbacks + other.fallbacks,
        )

    def as_record(self) -> dict[str, int | float]:
        """The figures as stored on a run (`params["llm_usage"][stage]`)."""
        return {
            "calls": self.calls,
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "total_tokens": self.total_tokens,
            "repairs": self.repairs,
            "fallbacks": self.fallbacks,
            "generation_s": round(self.generation_s, 2),
            "queue_s": round(self.queue_s, 2),
        }


@dataclass(frozen=True)
class StructuredResult(Generic[T]):
    parsed: T
    raw_text: str  # the reply the object was parsed from
    usage: Usage  # summed over the first call and the repair, if any
    form: Form = "json_schema"  # how the structured output was asked for


class UsageMeter:
    """Running totals per workflow stage (thread-safe), e.g. to store on a run."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._by_stage: dict[str, Usage] = {}

    def record(self, stage: str, usage: Usage) -> None:
        with self._lock:
            self._by_stage[stage] = self._by_stage.get(stage, Usage()) + usage

    @property
    def by_stage(self) -> dict[str, Usage]:
        with self._lock:
            return dict(self._by_stage)

    @property
    def total(self) -> Usage:
        return sum(self.by_stage.values(), Usage())


# --- what the process knows about each server ------------------------------------------


@dataclass
class _Learned:
    """What worked with one (base URL, model), for the life of the process."""

    form: Form | None = None
    context_tokens: int | None = None  # from a context-length refusal
    tokens_field: str = "max_tokens"  # or max_completion_tokens, when max_tokens is refused


_LEARNED: dict[tuple[str, str], _Learned] = {}
_LEARNED_LOCK = threading.Lock()


class _Slots:
    """At most `limit` requests in flight to one endpoint from this process."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._busy = 0
        self._free = threading.Condition()

    def acquire(self, timeout: float) -> bool:
        end = time.monotonic() + timeout
        with self._free:
            while self._busy >= self.limit:
                left = end - time.monotonic()
                if left <= 0:
                    return False
                self._free.wait(left)
            self._busy += 1
            return True

    def release(self) -> None:
        with self._free:
            self._busy -= 1
            self._free.notify()

    def set_limit(self, limit: int) -> None:
        with self._free:
            self.limit = limit
            self._free.notify_all()


_SLOTS: dict[str, _Slots] = {}


def _slots_for(base_url: str, limit: int) -> _Slots:
    """The endpoint's slots; the most recently created client's limit applies."""
    with _LEARNED_LOCK:
        slots = _SLOTS.get(base_url)
        if slots is None:
            slots = _SLOTS[base_url] = _Slots(limit)
        elif slots.limit != limit:
            slots.set_limit(limit)
        return slots


def forget_learned(base_url: str | None = None) -> None:
    """Forget the structured-output form and context window learned for every model
    at `base_url` (all servers when None): for a server that was reconfigured, or
    a new test server on a port an earlier one used."""
    with _LEARNED_LOCK:
        for key in list(_LEARNED):
            if base_url is None or key[0] == base_url.rstrip("/"):
                del _LEARNED[key]


# --- one call -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Reply:
    text: str | None
    refusal: str | None
    usage: Usage
    finish_reason: str | None = None
    form: Form = "json_schema"


@dataclass(frozen=True)
class _Request:
    """What one completion asks for, whatever the form it is sent in."""

    messages: list[Message]
    schema: dict[str, Any]
    name: str
    temperature: float
    max_tokens: int
    tail: tuple[Message, ...] = ()  # a repair's bad reply and correction, after the prompt
    prompt_tokens: int | None = None  # measured or estimated; None: estimate from messages


@dataclass
class _Call:
    """Running totals of one `complete_structured` call (one thread)."""

    deadline: float
    usage: Usage = Usage()
    queue_s: float = 0.0
    generation_s: float = 0.0

    def total(self) -> Usage:
        return replace(self.usage, queue_s=self.queue_s, generation_s=self.generation_s)


class _Refused(Exception):
    """The service refused a request as invalid (400, 422, or a 500 that says so)."""

    def __init__(self, error: LlmRequestError, body: str) -> None:
        super().__init__(str(error))
        self.error = error
        self.status = error.status
        self.body = body


class LlmClient:
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
        self._slots = _slots_for(self._base, concurrency)
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
        call = _Call(deadline=started + self.total_budget_s)
        request = _Request(
            messages=list(messages),
            schema=strict_json_schema(output_model),
            name=name,
            temperature=temperature,
            max_tokens=min(self.max_tokens, max_tokens or reply_token_estimate(output_model)),
        )
        repairs = fallbacks = 0
        try:
            reply = self._negotiate(call, request)
            parsed, problem = _parse(reply, output_model)
            if parsed is None:
                log.warning("llm reply for %s invalid (%s); asking for a repair", name, problem)
                repairs = 1
                reply = self._negotiate(call, self._repair(request, reply, problem), reply.form)
                parsed, problem = _parse(reply, output_model)
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

    def _learned(self) -> _Learned:
        with _LEARNED_LOCK:
            return replace(_LEARNED.get((self._base, self.model)) or _Learned())

    def _learn(self, **what: Any) -> None:
        with _LEARNED_LOCK:
            learned = _LEARNED.setdefault((self._base, self.model), _Learned())
            for key, value in what.items():
                setattr(learned, key, value)

    def _forms(self, start: Form | None) -> tuple[Form, ...]:
        if self.structured_output != "auto":
            return (self.structured_output,)
        known = self._learned().form
        positions = [FORMS.index(f) for f in (start, known) if f is not None]
        return FORMS[max(positions, default=0) :]

    def _negotiate(self, call: _Call, request: _Request, start: Form | None = None) -> _Reply:
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
            if response_format := _response_format(form, request):
                body["response_format"] = response_format
            try:
                reply = self._chat(call, body)
            except _Refused as refused:
                text = refused.body
                if _CONTEXT_HINT.search(text) and not shrunk:
                    window, prompt = _context_figures(text)
                    if window:
                        self._learn(context_tokens=window)
                    prompt = prompt or request.prompt_tokens or _estimate_tokens(messages)
                    smaller = _fitting(window, prompt)
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
            if self.structured_output == "auto" and _later(form, learned.form):
                log.info("llm %s model=%s: structured output as %s", self._host, self.model, form)
                self._learn(form=form)
            return replace(reply, form=form)

    def _is_form_refusal(self, refused: _Refused, learned: _Learned) -> bool:
        if self.structured_output != "auto":
            return False
        if _CONTEXT_HINT.search(refused.body) or _NOT_FORMAT.search(refused.body):
            return False
        if _FORMAT_HINT.search(refused.body):
            return True
        # A terse refusal of the very first structured exchange with this server and
        # model: most likely the structured-output form, the one unusual part.
        return learned.form is None and refused.status in (400, 422)

    def _explained(self, refused: _Refused, tried: tuple[Form, ...]) -> LlmRequestError:
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
    def _messages(form: Form, request: _Request) -> list[Message]:
        messages = request.messages
        if form in ("json_object", "prompt"):
            messages = _with_schema(messages, request.schema)
        return [*messages, *request.tail]

    def _fit(self, request: _Request, messages: list[Message], learned: _Learned) -> int:
        """`request.max_tokens`, less if the context window is known and too small."""
        window = self.context_tokens or learned.context_tokens
        if not window:
            return request.max_tokens
        prompt = request.prompt_tokens or _estimate_tokens(messages)
        room = window - prompt - _CONTEXT_MARGIN
        return max(min(request.max_tokens, room), min(request.max_tokens, _MIN_COMPLETION))

    def _repair(self, request: _Request, reply: _Reply, problem: str) -> _Request:
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
        prompt = reply.usage.prompt_tokens or _estimate_tokens(self._messages(reply.form, request))
        fixed = prompt + _estimate_tokens([correction]) + _MESSAGE_OVERHEAD
        excerpt_tokens = _EXCERPT_TOKENS
        window = self.context_tokens or self._learned().context_tokens
        if window:
            room = window - fixed - _CONTEXT_MARGIN
            excerpt_tokens = min(_EXCERPT_TOKENS, room - max_tokens)
            if excerpt_tokens < _MIN_EXCERPT_TOKENS:  # share the room with the answer
                excerpt_tokens = max(0, min(_MIN_EXCERPT_TOKENS, room // 4))
                max_tokens = max(_MIN_COMPLETION, room - excerpt_tokens)
        excerpt = _excerpt(reply.text or "", excerpt_tokens * _CHARS_PER_TOKEN)
        return replace(
            request,
            tail=(*request.tail, {"role": "assistant", "content": excerpt}, correction),
            max_tokens=max_tokens,
            prompt_tokens=fixed + len(excerpt) // _CHARS_PER_TOKEN + 1,
        )

    # --- HTTP --------------------------------------------------------------------------

    def _chat(self, call: _Call, body: dict[str, Any]) -> _Reply:
        """One completion, retrying transient failures within attempts and budget."""
        started = time.monotonic()
        reason = "no attempt made"
        attempt = 0
        while attempt < self.max_attempts:
            remaining = call.deadline - time.monotonic()
            if remaining <= 0:
                break
            attempt += 1
            queued = time.monotonic()
            got_slot = self._slots.acquire(remaining)
            t0 = time.monotonic()
            call.queue_s += t0 - queued
            if not got_slot:
                reason = (
                    f"no free request slot in {t0 - queued:.1f}s "
                    f"(LLM_CONCURRENCY={self._slots.limit})"
                )
                break
            response: httpx.Response | None = None
            retry_after: float | None = None
            try:
                response = self._http.post(
                    self._url,
                    json=body,
                    headers=self._headers(),
                    timeout=max(0.001, min(self.timeout_s, call.deadline - t0)),
                )
            except httpx.ReadTimeout:
                # The server took the request and may still be generating: sending it
                # again would queue a duplicate behind the abandoned one.
                reason = (
                    f"timed out after {time.monotonic() - t0:.1f}s waiting for the reply "
                    "(not resent: the server may still be generating it; raise "
                    "LLM_TIMEOUT_S for a slow model)"
                )
                break
            except httpx.TimeoutException:
                reason = f"timed out after {time.monotonic() - t0:.1f}s"
            except httpx.TransportError as err:
                reason = f"connection failed ({type(err).__name__})"
            finally:
                self._slots.release()
                call.generation_s += time.monotonic() - t0
            if response is not None:
                log.debug(
                    "llm call model=%s status=%d attempt=%d elapsed=%.2fs",
                    self.model,
                    response.status_code,
                    attempt,
                    time.monotonic() - t0,
                )
                if response.is_success:
                    reply = self._read(response)
                    call.usage += reply.usage
                    return reply
                status = response.status_code
                text = self._redact(response.text[:_BODY_CHARS])
                if status in (400, 422) or (status == 500 and _REFUSAL_500.search(text)):
                    raise _Refused(self._refusal(response), text)
                if status not in TRANSIENT_STATUSES and status != 500:
                    raise self._refusal(response)
                reason = f"HTTP {status}"
                retry_after = retry_wait.retry_after(response.headers)

            delay = retry_after if retry_after is not None else self._backoff(attempt)
            if attempt >= self.max_attempts:
                break
            if time.monotonic() + delay >= call.deadline:
                reason += f"; next retry in {delay:.1f}s would exceed the time budget"
                break
            log.warning(
                "llm call model=%s attempt %d/%d failed (%s); retrying in %.1fs",
                self.model,
                attempt,
                self.max_attempts,
                reason,
                delay,
            )
            time.sleep(delay)
        raise LlmUnavailable(
            f"The LLM service at {self._host} is unavailable: {attempt} attempt(s) in "
            f"{time.monotonic() - started:.1f}s, last: {reason}."
        )

    def _headers(self) -> dict[str, str]:
        headers = {"User-Agent": USER_AGENT, "Accept": "application/json"}
        if self._api_key:
            headers["Authorization"] = f"Bearer {self._api_key}"
        return headers

    def _backoff(self, attempt: int) -> float:
        return retry_wait.backoff(attempt, self.backoff_s, _MAX_BACKOFF_S)

    def _read(self, response: httpx.Response) -> _Reply:
        try:
            data = response.json()
            choice = data["choices"][0]
            message = choice["message"]
            counts = data.get("usage") or {}
            return _Reply(
                text=_text_of(message.get("content")),
                refusal=message.get("refusal") or None,
                usage=Usage(
                    prompt_tokens=int(counts.get("prompt_tokens") or 0),
                    completion_tokens=int(counts.get("completion_tokens") or 0),
                    total_tokens=int(counts.get("total_tokens") or 0),
                    calls=1,
                ),
                finish_reason=choice.get("finish_reason"),
            )
        except (ValueError, KeyError, IndexError, TypeError, AttributeError):
            raise LlmRequestError(
                f"The LLM service at {self._host} answered HTTP {response.status_code} "
                "without a chat completion; is LLM_BASE_URL the OpenAI-compatible endpoint "
                "(often ending in /v1)?",
                status=response.status_code,
            ) from None

    def _refusal(self, response: httpx.Response) -> LlmRequestError:
        status = response.status_code
        detail = self._redact(_error_detail(response))
        if status in (401, 403):
            what = "refused the API key" if status == 401 else "denied access"
            return LlmAuthError(
                f"The LLM service at {self._host} {what} (HTTP {status}): {detail} "
                "Check LLM_API_KEY.",
                status=status,
            )
        return LlmRequestError(
            f"The LLM service at {self._host} rejected the request for model {self.model!r} "
            f"(HTTP {status}): {detail}",
            status=status,
        )

    def _redact(self, text: str) -> str:
        return text.replace(self._api_key, "[redacted]") if self._api_key else text


def _later(form: Form, than: Form | None) -> bool:
    return than is None or FORMS.index(form) > FORMS.index(than)


def _response_format(form: Form, request: _Request) -> dict[str, Any] | None:
    if form == "json_schema":
        schema = {"name": request.name, "schema": request.schema, "strict": True}
        return {"type": "json_schema", "json_schema": schema}
    if form == "json_object_schema":
        return {"type": "json_object", "schema": request.schema}
    if form == "json_object":
        return {"type": "json_object"}
    return None


def _with_schema(messages: list[Message], schema: dict[str, Any]) -> list[Message]:
    """`messages` with the schema appended to the system message (one is added first
    when there is none: some chat templates refuse a second system message)."""
    note = (
        "Reply with only a JSON object that matches this JSON schema, with no other text:\n"
        + json.dumps(schema, ensure_ascii=False, separators=(",", ":"))
    )
    if messages and messages[0]["role"] == "system":
        first: Message = {"role": "system", "content": f"{messages[0]['content']}\n\n{note}"}
        return [first, *messages[1:]]
    return [{"role": "system", "content": note}, *messages]


def _estimate_tokens(messages: Sequence[Message]) -> int:
    """An over-estimate of the tokens `messages` take (no tokenizer at hand)."""
    chars = sum(len(m["content"]) for m in messages)
    return chars // _CHARS_PER_TOKEN + 1 + _MESSAGE_OVERHEAD * len(messages)


def _context_figures(text: str) -> tuple[int | None, int | None]:
    """(context window, prompt tokens) as a context-length refusal states them."""

    def first(patterns: tuple[re.Pattern[str], ...]) -> int | None:
        for pattern in patterns:
            if found := pattern.search(text):
                return int(found.group(1))
        return None

    return first(_WINDOW), first(_PROMPT_TOKENS)


def _fitting(window: int | None, prompt: int) -> int | None:
    """The `max_tokens` that fits beside a prompt of `prompt` tokens, if a useful one does."""
    if not window:
        return None
    room = window - prompt - _CONTEXT_MARGIN
    return room if room >= _MIN_COMPLETION else None


def _excerpt(text: str, limit: int) -> str:
    """`text` without a leading <think> block, its middle cut to fit `limit` characters."""
    text = _THINKING.sub("", text).strip() if text.lstrip().startswith("<think>") else text
    if len(text) <= limit:
        return text
    if limit < 80:
        return text[: max(0, limit)]
    marker = f"\n[… {len(text) - limit} characters left out …]\n"
    head = (limit - len(marker)) * 2 // 3
    tail = limit - len(marker) - head
    return text[:head] + marker + (text[-tail:] if tail > 0 else "")


def extract_json(text: str) -> Any:
    """The JSON value in a model's reply, tolerating ``` fences, a leading
    <think> block, text before or after the object, and raw line breaks or tabs
    inside strings (small models under a grammar write them). Raises ValueError."""
    text = _THINKING.sub("", text).strip()
    decoder = json.JSONDecoder(strict=False)
    for candidate in (text, *(m.group(1).strip() for m in _FENCE.finditer(text))):
        try:
            return decoder.decode(candidate)
        except ValueError:
            pass
    first_error: ValueError | None = None
    for start in [m.start() for m in re.finditer(r"[{\[]", text)][:20]:
        try:
            return decoder.raw_decode(text, start)[0]
        except ValueError as err:
            first_error = first_error or err
    raise first_error or ValueError("no JSON object in the reply")


# Control characters other than line breaks and tabs, and lone surrogates: no letter
# needs them, PostgreSQL refuses NUL in text and DOCX (XML) refuses all of them.
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def _printable(value: Any) -> Any:
    """`value` (parsed JSON) with unprintable characters removed from every string."""
    if isinstance(value, str):
        return _UNPRINTABLE.sub("", value)
    if isinstance(value, list):
        return [_printable(v) for v in value]
    if isinstance(value, dict):
        return {_printable(k): _printable(v) for k, v in value.items()}
    return value


def _parse(reply: _Reply, model: type[T]) -> tuple[T | None, str]:
    """The validated object and "", or None and a short description of what is wrong."""
    if reply.refusal:
        return None, f"the model refused: {_shorten(reply.refusal)}"
    if not reply.text or not reply.text.strip():
        return None, "the reply was empty"
    try:
        data = _printable(extract_json(reply.text))
    except ValueError as err:
        return None, f"not valid JSON ({_shorten(str(err))})"
    try:
        return model.model_validate(data), ""
    except ValidationError as err:
        return None, describe_validation_error(err)


def describe_validation_error(err: ValidationError, *, limit: int = 3) -> str:
    """A few 'field: problem' lines, without the offending values (they may be
    long document text)."""
    problems = []
    for e in err.errors(include_input=False, include_url=False)[:limit]:
        where = ".".join(str(p) for p in e["loc"]) or "reply"
        problems.append(f"{where}: {e['msg']}")
    more = err.error_count() - limit
    suffix = f"; and {more} more" if more > 0 else ""
    return "does not match the schema (" + "; ".join(problems) + suffix + ")"


def _text_of(content: Any) -> str | None:
    if isinstance(content, list):  # some servers send content parts
        return "".join(p.get("text", "") for p in content if isinstance(p, dict)) or None
    return content if isinstance(content, str) else None


def _error_detail(response: httpx.Response) -> str:
    try:
        data: Any = response.json()
    except ValueError:
        return _shorten(response.text) or response.reason_phrase
    if isinstance(data, list) and data:  # Gemini wraps errors in a list
        data = data[0]
    error = data.get("error", data) if isinstance(data, dict) else data
    if isinstance(error, dict):
        error = error.get("message") or error
    return _shorten(str(error))


def _shorten(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
