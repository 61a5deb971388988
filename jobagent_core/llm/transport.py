"""The HTTP exchange of one chat completion: request slots, retries, backoff, and
reading or wording what the server sent back.

A base class of `LlmClient` (which sets the attributes declared below), apart from
it because this part knows HTTP and nothing of structured output: the client decides
what to send and what a refusal means for the next request.
"""

from __future__ import annotations

import logging
import re
import time
from typing import Any

import httpx

from jobagent_core import __version__, retry_wait
from jobagent_core.llm.errors import LlmAuthError, LlmRequestError, LlmUnavailable
from jobagent_core.llm.replies import Reply, shorten, text_of
from jobagent_core.llm.server_state import Slots
from jobagent_core.llm.usage import Call, Usage

log = logging.getLogger(__name__)

USER_AGENT = f"JobAgent/{__version__} (+self-hosted)"
# Retried with backoff; a 500 too, unless its body reads as a refusal (_REFUSAL_500).
TRANSIENT_STATUSES = frozenset({408, 429, 502, 503, 504})
_MAX_BACKOFF_S = 20.0

# How refusals read. Matched against the error body (at most _BODY_CHARS of it).
_BODY_CHARS = 4000
_REFUSAL_500 = re.compile(
    r"validat|\bpars(?:e|ed|er|ing)\b|\binvalid\b|response_format|json_schema|\bschema\b|"
    r"\bgrammar\b|not supported|unsupported|unexpected keyword|extra (?:fields|inputs)|"
    r"field required|context length|context window|maximum context",
    re.IGNORECASE,
)


class Refused(Exception):
    """The service refused a request as invalid (400, 422, or a 500 that says so)."""

    def __init__(self, error: LlmRequestError, body: str) -> None:
        super().__init__(str(error))
        self.error = error
        self.status = error.status
        self.body = body


class ChatTransport:
    """One completion over HTTP, retrying transient failures (see `client.py`)."""

    model: str
    timeout_s: float
    max_attempts: int
    backoff_s: float
    _url: str
    _host: str
    _api_key: str | None
    _http: httpx.Client
    _slots: Slots

    def _chat(self, call: Call, body: dict[str, Any]) -> Reply:
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
                    raise Refused(self._refusal(response), text)
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

    def _read(self, response: httpx.Response) -> Reply:
        try:
            data = response.json()
            choice = data["choices"][0]
            message = choice["message"]
            counts = data.get("usage") or {}
            return Reply(
                text=text_of(message.get("content")),
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
        detail = self._redact(error_detail(response))
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


def error_detail(response: httpx.Response) -> str:
    try:
        data: Any = response.json()
    except ValueError:
        return shorten(response.text) or response.reason_phrase
    if isinstance(data, list) and data:  # Gemini wraps errors in a list
        data = data[0]
    error = data.get("error", data) if isinstance(data, dict) else data
    if isinstance(error, dict):
        error = error.get("message") or error
    return shorten(str(error))
