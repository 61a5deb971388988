"""LLM provider: structured completions from any OpenAI-compatible endpoint.

    client = LlmClient.from_settings(get_settings())
    result = client.complete_structured(messages, Screening, name="screening")
    result.parsed, result.usage, client.usage_by_stage

Catch `LlmUnavailable` (and `LlmNotConfigured`) to fall back to the offline provider.
"""

from jobagent_core.llm.client import (
    LlmClient,
    Message,
    StructuredResult,
    Usage,
    UsageMeter,
)
from jobagent_core.llm.errors import (
    LlmAuthError,
    LlmError,
    LlmInvalidReply,
    LlmNotConfigured,
    LlmRequestError,
    LlmUnavailable,
    UnsupportedSchema,
)
from jobagent_core.llm.schemas import strict_json_schema

__all__ = [
    "LlmAuthError",
    "LlmClient",
    "LlmError",
    "LlmInvalidReply",
    "LlmNotConfigured",
    "LlmRequestError",
    "LlmUnavailable",
    "Message",
    "StructuredResult",
    "UnsupportedSchema",
    "Usage",
    "UsageMeter",
    "strict_json_schema",
]
