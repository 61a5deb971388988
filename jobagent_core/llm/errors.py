"""LLM errors: `str(err)` is one readable line, safe to log or show.

Messages never contain the API key nor the documents sent to the model.
Callers fall back to the offline provider on `LlmUnavailable`; the other
errors mean the configuration or the model needs a person's attention.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jobagent_core.llm.usage import Usage


class LlmError(Exception):
    """Base class of every error the LLM client raises."""


class LlmNotConfigured(LlmError):
    """LLM_BASE_URL / LLM_MODEL are not set: use the offline provider."""


class LlmRequestError(LlmError):
    """The service refused the request (HTTP 400/404/422...); retrying will not help."""

    def __init__(self, message: str, *, status: int) -> None:
        super().__init__(message)
        self.status = status


class LlmAuthError(LlmRequestError):
    """The service refused the API key (HTTP 401) or the access (HTTP 403)."""


class LlmUnavailable(LlmError):
    """The service did not answer in time or kept failing (429/5xx, timeouts,
    connection errors) until the attempts or the time budget ran out."""


class LlmInvalidReply(LlmError):
    """The model's reply was not valid JSON for the requested schema, even after
    one repair attempt. `usage` holds the tokens the failed exchange cost."""

    def __init__(self, message: str, *, usage: Usage) -> None:
        super().__init__(message)
        self.usage = usage


class UnsupportedSchema(TypeError):
    """A pydantic model uses a type strict JSON schema cannot express (a
    programming error: change the model, e.g. a list of items instead of a dict)."""
