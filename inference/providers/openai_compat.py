"""Any OpenAI-compatible endpoint (OpenAI, Azure OpenAI's v1 API, Mistral, Groq, vLLM elsewhere…).

The request is already in the provider's format, so this adapter only places it: the URL
(``base_url`` includes the version, as in OpenAI's own clients: ``https://api.openai.com/v1``),
the headers, and a check that what comes back is a completion.
"""

from __future__ import annotations

from typing import Any

import orjson

from inference.providers import headers as extra_headers
from inference.providers.sse import StreamError
from inference.routing import ExternalTarget


def supports(endpoint: str) -> bool:
    return endpoint in ("chat/completions", "completions")


def url(target: ExternalTarget, endpoint: str) -> str:
    return f"{target.base_url}/{endpoint}"


def headers(target: ExternalTarget, api_key: str) -> dict[str, str]:
    found = extra_headers.allowed(target)
    out = {**found, "content-type": "application/json", "accept": "application/json"}
    if api_key:
        out["authorization"] = f"Bearer {api_key}"
    return out


def encode(body: dict[str, Any], target: ExternalTarget, endpoint: str) -> dict[str, Any]:
    return body


def decode(data: dict[str, Any], target: ExternalTarget, endpoint: str) -> dict[str, Any]:
    if not isinstance(data.get("choices"), list):
        raise ValueError("the answer has no 'choices'")
    return data


def error_of(raw: bytes) -> tuple[str, str | None]:
    """(message, error type) of an error answer in OpenAI's shape (or whatever came)."""
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return raw.decode(errors="replace")[:2000], None
    error = data.get("error", data) if isinstance(data, dict) else None
    if isinstance(error, dict):
        return str(error.get("message") or "")[:2000], error.get("type") or error.get("code")
    if isinstance(error, str):
        return error[:2000], None
    return raw.decode(errors="replace")[:2000], None


class StreamDecoder:
    """OpenAI's chunks are already what the client wants: parse them, notice ``[DONE]``."""

    def __init__(self, target: ExternalTarget) -> None:
        self.finished = False

    def feed(self, event: str | None, data: str) -> list[dict[str, Any]]:
        if data.strip() == "[DONE]":
            self.finished = True
            return []
        try:
            chunk = orjson.loads(data)
        except orjson.JSONDecodeError:
            raise StreamError(f"an event that is not JSON: {data[:200]!r}") from None
        if not isinstance(chunk, dict):
            raise StreamError("an event that is not a JSON object")
        if "error" in chunk and "choices" not in chunk:
            message, kind = error_of(data.encode())
            raise StreamError(f"{kind or 'error'}: {message}")
        return [chunk]
