"""Context-window arithmetic: token estimates and what a context-length refusal says.

No tokenizer of the model is at hand, so the sizes are estimates on the safe side;
the client uses them to keep `max_tokens` and a repair's excerpt within the window.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from jobagent_core.llm.request import Message

# Token arithmetic without the model's tokenizer: 3 characters a token over-counts
# most text a little, which is the safe side for fitting a context window.
CHARS_PER_TOKEN = 3
MESSAGE_OVERHEAD = 8  # chat-template tokens around each message
CONTEXT_MARGIN = 16
MIN_COMPLETION = 64
EXCERPT_TOKENS = 400  # at most this much of a bad reply goes back in a repair
MIN_EXCERPT_TOKENS = 60

# How a context-length refusal reads (matched against the error body).
CONTEXT_HINT = re.compile(
    r"context length|context_length|context window|context size|maximum context|\bn_ctx\b|"
    r"exceeds? the (?:available )?context",
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


def estimate_tokens(messages: Sequence[Message]) -> int:
    """An over-estimate of the tokens `messages` take (no tokenizer at hand)."""
    chars = sum(len(m["content"]) for m in messages)
    return chars // CHARS_PER_TOKEN + 1 + MESSAGE_OVERHEAD * len(messages)


def context_figures(text: str) -> tuple[int | None, int | None]:
    """(context window, prompt tokens) as a context-length refusal states them."""

    def first(patterns: tuple[re.Pattern[str], ...]) -> int | None:
        for pattern in patterns:
            if found := pattern.search(text):
                return int(found.group(1))
        return None

    return first(_WINDOW), first(_PROMPT_TOKENS)


def fitting(window: int | None, prompt: int) -> int | None:
    """The `max_tokens` that fits beside a prompt of `prompt` tokens, if a useful one does."""
    if not window:
        return None
    room = window - prompt - CONTEXT_MARGIN
    return room if room >= MIN_COMPLETION else None
