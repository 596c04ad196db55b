"""What may be cached, and the exact-match part of a cache key (the partition).

A request is compared with cached ones by the meaning of its last user message only;
everything else must be identical for an entry to be a candidate at all. That "everything
else" is hashed into the partition: application, model and the version that would answer,
the end user (unless the application shares answers across its users), the endpoint, the
system prompt and every earlier turn, tools, response format and every sampling parameter.
So a different tenant, system prompt, tool list or temperature cannot even be searched, and a
multi-turn request hits only when its whole earlier context is the same.
"""

from __future__ import annotations

import hashlib
import hmac
import unicodedata
from dataclasses import dataclass
from typing import Any

import orjson

from audit import keyring

CACHEABLE_ENDPOINTS = frozenset({"chat/completions", "completions"})
# Fields that do not change the answer: how it is delivered, who asks (handled by ``subject``),
# and this extension's own switch.
_NOT_IN_KEY = frozenset({"stream", "stream_options", "user", "cache", "metadata", "store", "model"})
OPT_OUT_HEADER = "x-airlock-cache"


@dataclass(frozen=True)
class Question:
    """A cacheable request, split into what is compared by meaning and what must match exactly."""

    text: str  # the normalised last user message (or prompt)
    context: bytes  # canonical JSON of everything else that shapes the answer


def opted_out(body: dict[str, Any], headers: dict[str, str]) -> bool:
    """``"cache": false`` in the body or ``x-airlock-cache: off`` (also ``no``, ``false``, ``0``)."""
    value = headers.get(OPT_OUT_HEADER, "").strip().lower()
    return body.get("cache") is False or value in {"off", "no", "false", "0", "bypass"}


def deterministic(body: dict[str, Any]) -> bool:
    """Temperature 0 or a seed: the same request is meant to get the same answer."""
    seed = body.get("seed")
    if isinstance(seed, int) and not isinstance(seed, bool):
        return True
    temperature = body.get("temperature")
    return isinstance(temperature, int | float) and not isinstance(temperature, bool) and temperature == 0


def normalise(text: str) -> str:
    """NFKC, whitespace collapsed, ends stripped: formatting differences are not differences."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _text_of(content: Any) -> str | None:
    """The text of a message's content, or None when it holds anything but text (images...)."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        parts = []
        for part in content:
            if (
                not isinstance(part, dict)
                or part.get("type") != "text"
                or not isinstance(part.get("text"), str)
            ):
                return None
            parts.append(part["text"])
        return "\n".join(parts)
    return None


def question_of(endpoint: str, body: dict[str, Any]) -> Question | str:
    """The request as a ``Question``, or why it cannot be cached."""
    if endpoint not in CACHEABLE_ENDPOINTS:
        return "endpoint"
    n = body.get("n")
    if n not in (None, 1):
        return "several choices"
    if body.get("logprobs") or body.get("top_logprobs") or body.get("echo"):
        return "log probabilities"
    rest = {k: v for k, v in body.items() if k not in _NOT_IN_KEY}
    if endpoint == "completions":
        prompt = body.get("prompt")
        if not isinstance(prompt, str) or not prompt.strip():
            return "prompt not a single text"
        text = prompt
        rest.pop("prompt", None)
    else:
        messages = body.get("messages")
        if not isinstance(messages, list) or not messages:
            return "no messages"
        for message in messages:
            if not isinstance(message, dict):
                return "malformed message"
            # Tool calls are never cached: their results depend on the world, not the prompt.
            if (
                message.get("role") in ("tool", "function")
                or message.get("tool_calls")
                or message.get("function_call")
            ):
                return "tool calls"
        last = messages[-1]
        found = _text_of(last.get("content")) if last.get("role") == "user" else None
        if found is None or not found.strip():
            return "last message not a user's text"
        text = found
        rest["messages"] = [*messages[:-1], {k: v for k, v in last.items() if k != "content"}]
    return Question(text=normalise(text), context=orjson.dumps(rest, option=orjson.OPT_SORT_KEYS))


def partition_of(
    application_id: int,
    model: str,
    version: str,
    subject: str,
    endpoint: str,
    question: Question,
    space: str = "",
) -> str:
    """SHA-256 (hex) of everything that must match exactly: the search space of a lookup.

    ``space``: the encoder whose vectors the partition holds (float32 and int8 vectors of one
    text differ by about 0.005 in cosine, enough to move a calibrated threshold).
    """
    digest = hashlib.sha256()
    for part in (str(application_id), model, version, subject, endpoint, *((space,) if space else ())):
        encoded = part.encode()
        # Length-prefixed: no two different tuples can produce the same byte string.
        digest.update(len(encoded).to_bytes(4, "big") + encoded)
    digest.update(len(question.context).to_bytes(8, "big") + question.context)
    return digest.hexdigest()


def text_hash(partition: str, text: str) -> str:
    """A keyed hash of the question inside its partition (exact repeats; texts past the model's
    window are matched only this way). Keyed, so a stored hash cannot confirm a guessed text."""
    key = hmac.new(keyring.pseudonym_key(), b"airlock-cache/v1", hashlib.sha256).digest()
    return hmac.new(key, f"{partition}|{text}".encode(), hashlib.sha256).hexdigest()
