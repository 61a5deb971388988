"""A local OpenAI-compatible chat-completions server for tests.

A real HTTP server on 127.0.0.1 (free port, own thread) that records every
request and answers from a queue of programmed replies, then from `handler`:

    def test_something(llm_stub: LlmStub) -> None:
        llm_stub.enqueue(StubReply.error(503), '{"score": 80}')   # 503, then a reply
        llm_stub.handler = lambda body: '{"score": 50}'            # every later request
        client = LlmClient(llm_stub.base_url, "sk-test", llm_stub.model)
        ...
        assert llm_stub.requests[0].body["model"] == llm_stub.model

A `str` reply is the assistant message content, wrapped in a proper
`chat.completion` with `usage`. Without a queued reply or handler the stub
answers 501, so a forgotten reply fails fast instead of being retried.

It can also behave like the servers that accept only some forms of structured
output (`flavour`, see `Flavour`), and like one with a small context window
(`context_window`: a request whose prompt, counted as the stub counts usage,
plus `max_tokens` does not fit is refused the way llama-cpp-python does). A
refused request is recorded but does not use up a queued reply:

    llm_stub.flavour = LLAMA_CPP_PYTHON   # json_schema -> HTTP 500 naming response_format
    llm_stub.requests[0].form             # "json_schema"; then "json_object_schema"
    llm_stub.requests[0].max_tokens       # what the client asked for (None: not sent)
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from jobagent_core.llm import forget_learned

Handler = Callable[[dict[str, Any]], "str | StubReply"]

# How a request asks for structured output (`RecordedRequest.form`).
FORMS = ("json_schema", "json_object_schema", "json_object", "none")


def form_of(body: Any) -> str:
    """json_schema, json_object_schema (json_object with a schema), json_object,
    none (no response_format), or the unknown type sent."""
    if not isinstance(body, dict) or body.get("response_format") is None:
        return "none"
    response_format = body["response_format"]
    kind = response_format.get("type") if isinstance(response_format, dict) else None
    if kind == "json_object":
        return "json_object_schema" if "schema" in response_format else "json_object"
    return str(kind)


def prompt_tokens_of(body: Any) -> int:
    """The prompt's size as the stub counts it: characters of the messages / 4."""
    messages = body.get("messages", []) if isinstance(body, dict) else []
    return sum(len(str(m.get("content", ""))) for m in messages) // 4 + 1


@dataclass(frozen=True)
class Flavour:
    """Which forms of structured output a server accepts, and how it refuses the others."""

    name: str
    accepts: frozenset[str]
    status: int = 400
    message: str = "response_format: this form is not supported"

    def refusal(self, form: str) -> StubReply | None:
        if form in self.accepts:
            return None
        error = {"message": self.message.format(form=form), "type": "invalid_request_error"}
        if self.status >= 500:
            error["type"] = "internal_server_error"
        return StubReply(status=self.status, body={"error": error})


# OpenAI, vLLM, recent llama.cpp and Ollama: every form.
OPENAI = Flavour("openai", frozenset(FORMS))
# llama-cpp-python's server: json_schema ends in HTTP 500; json_object (+ schema) works.
LLAMA_CPP_PYTHON = Flavour(
    "llama-cpp-python",
    frozenset({"json_object_schema", "json_object", "none"}),
    status=500,
    message="1 validation error for CreateChatCompletionRequest\nresponse_format.type\n  "
    "Input should be 'text' or 'json_object' [type=literal_error, input_value='{form}']",
)
# A server that wants the schema in json_object mode and nothing else.
JSON_OBJECT_SCHEMA_ONLY = Flavour(
    "json_object_schema_only",
    frozenset({"json_object_schema"}),
    message='response_format must be {{"type": "json_object", "schema": ...}}',
)
# Plain JSON mode only (no schema); a 422 as FastAPI servers send it.
JSON_OBJECT_ONLY = Flavour(
    "json_object_only",
    frozenset({"json_object", "none"}),
    status=422,
    message="response_format: '{form}' is not supported; use json_object without schema",
)
# No structured output at all: any response_format is refused with a bare 400.
NO_RESPONSE_FORMAT = Flavour("no_response_format", frozenset({"none"}), message="Bad Request")
FLAVOURS = (OPENAI, LLAMA_CPP_PYTHON, JSON_OBJECT_SCHEMA_ONLY, JSON_OBJECT_ONLY, NO_RESPONSE_FORMAT)


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str
    headers: dict[str, str]  # names lower-cased
    body: Any  # the parsed JSON body (None if it was not JSON)
    at: float  # time.monotonic() on arrival

    @property
    def messages(self) -> list[dict[str, Any]]:
        return list(self.body.get("messages", [])) if isinstance(self.body, dict) else []

    @property
    def form(self) -> str:
        return form_of(self.body)

    @property
    def response_format(self) -> Any:
        return self.body.get("response_format") if isinstance(self.body, dict) else None

    @property
    def max_tokens(self) -> int | None:
        return self.body.get("max_tokens") if isinstance(self.body, dict) else None

    @property
    def prompt_tokens(self) -> int:
        return prompt_tokens_of(self.body)


@dataclass
class StubReply:
    """One programmed answer. `content` becomes a chat completion; `body` (a JSON
    value, or str/bytes sent as is) replaces the whole response body."""

    content: str | None = None
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: Any = None
    delay_s: float = 0.0
    usage: tuple[int, int] | None = None  # (prompt, completion); estimated if None
    finish_reason: str = "stop"

    @classmethod
    def of_json(cls, value: Any, **options: Any) -> StubReply:
        return cls(content=json.dumps(value), **options)

    @classmethod
    def error(
        cls, status: int, message: str = "stub error", headers: dict[str, str] | None = None
    ) -> StubReply:
        error = {"message": message, "type": "stub_error", "code": status}
        return cls(status=status, headers=headers or {}, body={"error": error})


class LlmStub:
    """The server. Use as a context manager, or through the `llm_stub` fixture."""

    model = "stub-model"

    def __init__(
        self,
        handler: Handler | None = None,
        *,
        flavour: Flavour = OPENAI,
        context_window: int | None = None,
    ) -> None:
        self.handler = handler
        self.flavour = flavour
        self.context_window = context_window
        self.in_flight = 0
        self.max_in_flight = 0  # most requests being answered at the same time
        self.requests: list[RecordedRequest] = []
        self._queue: deque[StubReply | str] = deque()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        """The OpenAI-style base URL (ends in /v1), as LLM_BASE_URL would be."""
        if self._server is None:
            raise RuntimeError("the stub is not running")
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def enqueue(self, *replies: StubReply | str) -> None:
        with self._lock:
            self._queue.extend(replies)

    def start(self) -> LlmStub:
        self._server = _Server(("127.0.0.1", 0), _RequestHandler)
        self._server.stub = self
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        # A client in this process may remember another server that had this port.
        forget_learned(self.base_url)
        return self

    def close(self) -> None:
        self._stopping.set()  # releases replies still sleeping on `delay_s`
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> LlmStub:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _answer(self, request: RecordedRequest) -> tuple[StubReply, Any]:
        """Record `request`; return the reply to send and its JSON (or raw) body."""
        reply: StubReply | str | None = None
        if not request.path.rstrip("/").endswith("/chat/completions"):
            reply = StubReply.error(404, f"llm_stub: no route {request.path}")
        elif not isinstance(request.body, dict):
            reply = StubReply.error(400, "llm_stub: the body is not a JSON object")
        else:
            reply = self.flavour.refusal(request.form) or self._too_long(request)
        with self._lock:
            self.requests.append(request)
            if reply is None and self._queue:
                reply = self._queue.popleft()
        if reply is None and self.handler is not None:
            reply = self.handler(request.body)
        if reply is None:
            reply = StubReply.error(501, "llm_stub: no reply queued and no handler set")
        if isinstance(reply, str):
            reply = StubReply(content=reply)
        if reply.body is not None:
            return reply, reply.body
        if reply.status >= 400:
            return reply, {"error": {"message": f"HTTP {reply.status}", "code": reply.status}}
        return reply, self._completion(request, reply)

    def _too_long(self, request: RecordedRequest) -> StubReply | None:
        """llama-cpp-python's refusal when prompt + max_tokens exceed the window."""
        if self.context_window is None:
            return None
        prompt, completion = request.prompt_tokens, request.max_tokens or 0
        if prompt + completion <= self.context_window:
            return None
        message = (
            f"This model's maximum context length is {self.context_window} tokens. "
            f"However, you requested {prompt + completion} tokens ({prompt} in the messages, "
            f"{completion} in the completion). Please reduce the length of the messages or "
            "completion."
        )
        error = {
            "message": message,
            "type": "invalid_request_error",
            "param": "messages",
            "code": "context_length_exceeded",
        }
        return StubReply(status=400, body={"error": error})

    def _completion(self, request: RecordedRequest, reply: StubReply) -> dict[str, Any]:
        content = reply.content or ""
        if reply.usage is None:
            prompt = request.prompt_tokens
            completion = len(content) // 4 + 1
        else:
            prompt, completion = reply.usage
        return {
            "id": f"chatcmpl-stub-{len(self.requests)}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": request.body.get("model", self.model),
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": reply.content},
                    "finish_reason": reply.finish_reason,
                }
            ],
            "usage": {
                "prompt_tokens": prompt,
                "completion_tokens": completion,
                "total_tokens": prompt + completion,
            },
        }


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    stub: LlmStub


class _RequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as httpx expects from real services
    server: _Server

    def do_POST(self) -> None:
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = None
        request = RecordedRequest(
            method="POST",
            path=self.path,
            headers={k.lower(): v for k, v in self.headers.items()},
            body=body,
            at=time.monotonic(),
        )
        stub = self.server.stub
        with stub._lock:
            stub.in_flight += 1
            stub.max_in_flight = max(stub.max_in_flight, stub.in_flight)
        try:
            reply, payload = stub._answer(request)
            if reply.delay_s and stub._stopping.wait(reply.delay_s):
                return  # the stub is closing
            self._send(reply, payload)
        finally:
            with stub._lock:
                stub.in_flight -= 1

    def do_GET(self) -> None:
        if self.path.rstrip("/").endswith("/models"):
            models = {"object": "list", "data": [{"id": LlmStub.model, "object": "model"}]}
            self._send(StubReply(), models)
        else:
            error = StubReply.error(404, f"llm_stub: no route GET {self.path}")
            self._send(error, error.body)

    def _send(self, reply: StubReply, payload: Any) -> None:
        if isinstance(payload, bytes):
            data, kind = payload, "application/octet-stream"
        elif isinstance(payload, str):
            data, kind = payload.encode(), "text/plain; charset=utf-8"
        else:
            data, kind = json.dumps(payload).encode(), "application/json"
        try:
            self.send_response(reply.status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout test); nothing to answer

    def log_message(self, format: str, *args: Any) -> None:
        pass  # keep test output quiet


@pytest.fixture
def llm_stub() -> Iterator[LlmStub]:
    """A running stub, stopped after the test."""
    with LlmStub() as stub:
        yield stub
