"""LLM provider: structured completions from any OpenAI-compatible endpoint.

    client = LlmClient.from_settings(get_settings())
    result = client.complete_structured(messages, Screening, name="screening")
    result.parsed, result.usage, client.usage_by_stage

The structured-output form (LLM_STRUCTURED_OUTPUT), `max_tokens` per call and the
limit of concurrent requests per server are explained in `client.py`.
Catch `LlmUnavailable` (and `LlmNotConfigured`) to fall back to the offline provider.
"""

from jobagent_core.llm.client import LlmClient, StructuredResult
from jobagent_core.llm.errors import (
    LlmAuthError,
    LlmError,
    LlmInvalidReply,
    LlmNotConfigured,
    LlmRequestError,
    LlmUnavailable,
    UnsupportedSchema,
)
from jobagent_core.llm.request import FORMS, Message, StructuredOutput
from jobagent_core.llm.schemas import reply_token_estimate, strict_json_schema
from jobagent_core.llm.server_state import forget_learned
from jobagent_core.llm.usage import Usage, UsageMeter

__all__ = [
    "FORMS",
    "LlmAuthError",
    "LlmClient",
    "LlmError",
    "LlmInvalidReply",
    "LlmNotConfigured",
    "LlmRequestError",
    "LlmUnavailable",
    "Message",
    "StructuredOutput",
    "StructuredResult",
    "UnsupportedSchema",
    "Usage",
    "UsageMeter",
    "forget_learned",
    "reply_token_estimate",
    "strict_json_schema",
]
