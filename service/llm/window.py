"""The model's context window: the prompt counted, and prompt plus answer budget kept inside
NEWSBRIEF_CONTEXT_TOKENS.

A server fills its context with the prompt first; an answer that runs into the end is cut off
(`finish_reason: length`) whatever max_tokens said, and a larger max_tokens cannot help. So a
request that would not fit is made to: a re-ask's echo of the last answer is shortened first
(it is the only part that may be), then the answer budget is lowered to the room left.

The count is an estimate, not a tokenizer (the server's is unknown here): characters divided
by CHARS_PER_TOKEN, plus a few tokens per message for the chat template. 3.3 is below every
ratio in the recorded traffic (3.41 for a re-ask echoing JSON, up to 4.3 for prose, on
SmolLM2's tokenizer; cassettes/), so the estimate errs towards counting too many tokens: a
request it lets through fits."""

import math

from service.errors import TextTooLarge

CHARS_PER_TOKEN = 3.3
MESSAGE_OVERHEAD = 8  # tokens per message: the chat template's role markers
MIN_ANSWER_TOKENS = 256  # less room than this for an answer is no room
MIN_ECHO_CHARS = 1_000  # an echo shorter than this no longer shows the model its answer
CUT_MARKER_CHARS = 120  # the line a shortened echo ends with ("[cut here: ...]")


def estimate_tokens(messages: list[dict[str, str]]) -> int:
    """The prompt's tokens, estimated from above."""
    return sum(
        math.ceil(len(message["content"]) / CHARS_PER_TOKEN) + MESSAGE_OVERHEAD
        for message in messages
    )


def fits(messages: list[dict[str, str]], budget: int, window: int) -> bool:
    return estimate_tokens(messages) + budget <= window


def echo_room(without_echo: list[dict[str, str]], budget: int, window: int) -> int:
    """The characters of echo that leave `budget` tokens for the answer (at least
    MIN_ECHO_CHARS: below that, the budget gives way instead)."""
    room = window - budget - estimate_tokens(without_echo)
    return max(MIN_ECHO_CHARS, int(room * CHARS_PER_TOKEN) - CUT_MARKER_CHARS)


def answer_budget(messages: list[dict[str, str]], wanted: int, window: int) -> int:
    """The budget to send: `wanted`, or the room the prompt leaves in the window; a prompt
    that leaves too little is too large a text for this server."""
    prompt = estimate_tokens(messages)
    room = window - prompt
    if room >= wanted:
        return wanted
    if room >= MIN_ANSWER_TOKENS:
        return room
    raise TextTooLarge(
        f"The prompt is about {prompt:,} tokens, which leaves no room for an answer in the "
        f"model's context of {window:,} tokens (NEWSBRIEF_CONTEXT_TOKENS): set it to the "
        "server's context if that is larger (llama.cpp's --n_ctx), or brief a shorter text."
    )
