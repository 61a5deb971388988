"""A small client for OpenAI-compatible chat completions with structured output.

Works with any `POST {base_url}/chat/completions` service (OpenAI, Gemini's
OpenAI endpoint, Ollama, vLLM, llama.cpp, LM Studio). Synchronous on purpose:
it runs inside Celery workers. One `LlmClient` per process is enough; it is
safe to share between threads.
"""

from __future__ import annotations

import json
import logging
import random
import re
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any, Generic, Literal, TypedDict, TypeVar
from urllib.parse import urlsplit

import httpx
from pydantic import BaseModel, ValidationError

from jobagent_core import __version__
from jobagent_core.llm.errors import (
    LlmAuthError,
    LlmInvalidReply,
    LlmNotConfigured,
    LlmRequestError,
    LlmUnavailable,
)
from jobagent_core.llm.schemas import strict_json_schema

if TYPE_CHECKING:
    from jobagent_core.config import Settings

log = logging.getLogger(__name__)

USER_AGENT = f"JobAgent/{__version__} (+self-hosted)"
TRANSIENT_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
_MAX_BACKOFF_S = 20.0
_SCHEMA_NAME = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_FENCE = re.compile(r"```(?:json|JSON)?\s*\n?(.*?)```", re.DOTALL)
_THINKING = re.compile(r"^\s*<think>.*?</think>", re.DOTALL)

T = TypeVar("T", bound=BaseModel)


class Message(TypedDict):
    role: Literal["system", "user", "assistant"]
    content: str


@dataclass(frozen=True)
class Usage:
    """Tokens as reported by the service, and how many completions were made."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0
    calls: int = 0

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            self.prompt_tokens + other.prompt_tokens,
            self.completion_tokens + other.completion_tokens,
            self.total_tokens + other.total_tokens,
            self.calls + other.calls,
        )


@dataclass(frozen=True)
class StructuredResult(Generic[T]):
    parsed: T
    raw_text: str  # the reply the object was parsed from
    usage: Usage  # summed over the first call and the repair, if any


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


@dataclass(frozen=True)
class _Reply:
    text: str | None
    refusal: str | None
    usage: Usage


class LlmClient:
    """Structured completions with validation, one repair, retries and a time budget.

    `timeout_s` bounds one HTTP attempt; `max_attempts` and `total_budget_s`
    bound the retries of transient failures; the budget covers a whole
    `complete_structured` call, repair included. `backoff_s` is the first
    retry delay (doubled each time, with jitter) unless the service sends
    Retry-After.
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
    ) -> None:
        if max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        self.model = model
        self.timeout_s = timeout_s
        self.max_attempts = max_attempts
        self.total_budget_s = total_budget_s
        self.backoff_s = backoff_s
        self.meter = meter or UsageMeter()
        self._url = base_url.rstrip("/") + "/chat/completions"
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

    def complete_structured(
        self,
        messages: Sequence[Message],
        output_model: type[T],
        *,
        name: str,
        temperature: float = 0.2,
        stage: str | None = None,
    ) -> StructuredResult[T]:
        """Ask for a reply matching `output_model`'s schema and return it validated.

        `name` labels the schema (letters, digits, `_`, `-`); usage is recorded in
        `meter` under `stage` (default: `name`). Raises `LlmInvalidReply` when the
        reply is still invalid after one repair, `LlmUnavailable` when the service
        cannot be reached in time, `LlmAuthError` / `LlmRequestError` when it
        refuses the request.
        """
        if not _SCHEMA_NAME.match(name):
            raise ValueError(f"schema name {name!r}: use 1-64 letters, digits, '_' or '-'")
        deadline = time.monotonic() + self.total_budget_s
        started = time.monotonic()
        body = self._request_body(messages, output_model, name, temperature)
        usage = Usage()
        try:
            reply = self._chat(body, deadline)
            usage += reply.usage
            parsed, problem = _parse(reply, output_model)
            if parsed is None:
                log.warning("llm reply for %s invalid (%s); asking for a repair", name, problem)
                body["messages"] = [*body["messages"], *_repair_messages(reply.text, problem)]
                reply = self._chat(body, deadline)
                usage += reply.usage
                parsed, problem = _parse(reply, output_model)
            if parsed is None:
                raise LlmInvalidReply(
                    f"The model {self.model!r} gave no valid '{name}' reply after a repair "
                    f"attempt: {problem}",
                    usage=usage,
                )
        finally:
            if usage.calls:
                self.meter.record(stage or name, usage)
        log.info(
            "llm %s done: model=%s calls=%d tokens=%d/%d in %.2fs",
            name,
            self.model,
            usage.calls,
            usage.prompt_tokens,
            usage.completion_tokens,
            time.monotonic() - started,
        )
        return StructuredResult(parsed=parsed, raw_text=reply.text or "", usage=usage)

    def _request_body(
        self, messages: Sequence[Message], output_model: type[BaseModel], name: str, temp: float
    ) -> dict[str, Any]:
        schema = strict_json_schema(output_model)
        return {
            "model": self.model,
            "messages": list(messages),
            "temperature": temp,
            "response_format": {
                "type": "json_schema",
                "json_schema": {"name": name, "schema": schema, "strict": True},
            },
        }

    def _chat(self, body: dict[str, Any], deadline: float) -> _Reply:
        """One completion, retrying transient failures within attempts and budget."""
        started = time.monotonic()
        reason = "no attempt made"
        attempt = 0
        while attempt < self.max_attempts:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            attempt += 1
            t0 = time.monotonic()
            retry_after: float | None = None
            try:
                response = self._http.post(
                    self._url,
                    json=body,
                    headers=self._headers(),
                    timeout=min(self.timeout_s, remaining),
                )
            except httpx.TimeoutException:
                reason = f"timed out after {time.monotonic() - t0:.1f}s"
            except httpx.TransportError as err:
                reason = f"connection failed ({type(err).__name__})"
            else:
                log.debug(
                    "llm call model=%s status=%d attempt=%d elapsed=%.2fs",
                    self.model,
                    response.status_code,
                    attempt,
                    time.monotonic() - t0,
                )
                if response.is_success:
                    return self._read(response)
                if response.status_code not in TRANSIENT_STATUSES:
                    raise self._refusal(response)
                reason = f"HTTP {response.status_code}"
                retry_after = parse_retry_after(response.headers)

            delay = retry_after if retry_after is not None else self._backoff(attempt)
            if attempt >= self.max_attempts:
                break
            if time.monotonic() + delay >= deadline:
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
        return float(
            min(self.backoff_s * 2 ** (attempt - 1), _MAX_BACKOFF_S) * random.uniform(0.5, 1)
        )

    def _read(self, response: httpx.Response) -> _Reply:
        try:
            data = response.json()
            message = data["choices"][0]["message"]
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


def parse_retry_after(headers: httpx.Headers, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from `Retry-After` (seconds or HTTP-date) or `retry-after-ms`."""
    for name, scale in (("retry-after-ms", 0.001), ("retry-after", 1.0)):
        value = headers.get(name)
        if value is None:
            continue
        try:
            return max(0.0, float(value) * scale)
        except ValueError:
            pass
        if scale == 1.0:
            try:
                when = parsedate_to_datetime(value)
            except (TypeError, ValueError):
                return None
            if when.tzinfo is None:
                when = when.replace(tzinfo=UTC)
            return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())
    return None


def extract_json(text: str) -> Any:
    """The JSON value in a model's reply, tolerating ``` fences, a leading
    <think> block and text before or after the object. Raises ValueError."""
    text = _THINKING.sub("", text).strip()
    for candidate in (text, *(m.group(1).strip() for m in _FENCE.finditer(text))):
        try:
            return json.loads(candidate)
        except ValueError:
            pass
    first_error: ValueError | None = None
    decoder = json.JSONDecoder()
    for start in [m.start() for m in re.finditer(r"[{\[]", text)][:20]:
        try:
            return decoder.raw_decode(text, start)[0]
        except ValueError as err:
            first_error = first_error or err
    raise first_error or ValueError("no JSON object in the reply")


def _parse(reply: _Reply, model: type[T]) -> tuple[T | None, str]:
    """The validated object and "", or None and a short description of what is wrong."""
    if reply.refusal:
        return None, f"the model refused: {_shorten(reply.refusal)}"
    if not reply.text or not reply.text.strip():
        return None, "the reply was empty"
    try:
        data = extract_json(reply.text)
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


def _repair_messages(previous: str | None, problem: str) -> list[Message]:
    return [
        {"role": "assistant", "content": previous or ""},
        {
            "role": "user",
            "content": f"Your previous reply is invalid: {problem}. Reply again with only "
            "the corrected JSON object, matching the schema exactly, and no other text.",
        },
    ]


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
