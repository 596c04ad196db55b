"""Anthropic's Messages API spoken in OpenAI's words, both ways, streaming included.

Applications only know OpenAI's chat format; this adapter turns an (already redacted) chat
request into a Messages API request, and Anthropic's answers — whole or as server-sent
events — back into ``chat.completion`` and ``chat.completion.chunk`` objects. It is pure data
mapping: no I/O, so every byte it produces derives from the ``SafeBody`` it was given.

What maps (OpenAI → Anthropic):

- ``system`` and ``developer`` messages → the top-level ``system`` text (joined in order);
- ``user`` / ``assistant`` messages, with text and image parts; consecutive messages of one
  role are merged, since the Messages API wants the roles to alternate;
- ``assistant.tool_calls`` → ``tool_use`` blocks; ``tool`` messages → ``tool_result`` blocks;
- ``tools`` / ``tool_choice`` / ``parallel_tool_calls`` → ``tools`` / ``tool_choice``;
- ``max_completion_tokens`` or ``max_tokens`` → ``max_tokens`` (required by Anthropic; a default
  is sent when the client gave none), ``temperature``, ``top_p``, ``top_k``, ``stop`` →
  ``stop_sequences``, ``user`` → ``metadata.user_id``.

What cannot be expressed is refused with a 400 naming the field (``n`` > 1, ``logprobs``,
``logit_bias``, JSON ``response_format``, ``temperature`` above 1) rather than silently
changing the request's meaning; parameters with no effect on the answer's content (``seed``,
``stream_options``, ``store``, OpenAI's ``metadata``, penalties) are dropped.
"""

from __future__ import annotations

import time
from typing import Any

import orjson
from django.conf import settings

from inference.errors import bad_request
from inference.providers import headers as extra_headers
from inference.providers.sse import StreamError
from inference.routing import ExternalTarget

API_VERSION_HEADER = "anthropic-version"

FINISH_REASONS = {
    "end_turn": "stop",
    "stop_sequence": "stop",
    "max_tokens": "length",
    "tool_use": "tool_calls",
    "pause_turn": "stop",
    "refusal": "content_filter",
    "model_context_window_exceeded": "length",
}

# Fields of an OpenAI request that change nothing Anthropic could honour; dropped quietly.
_IGNORED = {
    "seed",
    "stream_options",
    "store",
    "metadata",
    "presence_penalty",
    "frequency_penalty",
    "service_tier",
    "prompt_cache_key",
    "safety_identifier",
    "reasoning_effort",
    "modalities",
    "verbosity",
}


def url(target: ExternalTarget, endpoint: str) -> str:
    if endpoint != "chat/completions":
        # Said before anything is redacted or sent (egress checks ``supports`` first).
        raise bad_request(
            f"The model '{target.model}' is served by Anthropic's Messages API, which has no "
            "text-completion endpoint; use /v1/chat/completions.",
            param="model",
            code="unsupported_endpoint",
        )
    base = target.base_url
    return f"{base}/messages" if base.endswith("/v1") else f"{base}/v1/messages"


def supports(endpoint: str) -> bool:
    return endpoint == "chat/completions"


def headers(target: ExternalTarget, api_key: str) -> dict[str, str]:
    found = extra_headers.allowed(target)
    return {
        **found,
        "x-api-key": api_key,
        API_VERSION_HEADER: found.get(API_VERSION_HEADER, settings.AIRLOCK_ANTHROPIC_VERSION),
        "content-type": "application/json",
        "accept": "application/json",
    }


# --- Request: OpenAI chat → Messages API ---


def encode(body: dict[str, Any], target: ExternalTarget, endpoint: str) -> dict[str, Any]:
    """The Messages API request for a redacted OpenAI chat request."""
    url(target, endpoint)  # refuses the legacy endpoint
    _refuse_unsupported(body)
    system: list[str] = []
    turns: list[dict[str, Any]] = []
    for position, message in enumerate(body.get("messages") or []):
        role = message.get("role")
        if role in ("system", "developer"):
            text = _plain_text(message.get("content"), f"messages.{position}.content")
            if text:
                system.append(text)
        elif role == "user":
            _append(turns, "user", _user_blocks(message.get("content"), position))
        elif role == "assistant":
            _append(turns, "assistant", _assistant_blocks(message, position))
        elif role == "tool":
            _append(turns, "user", [_tool_result(message, position)])
        else:
            raise bad_request(
                f"Messages with role '{role}' cannot be sent to an Anthropic model.",
                param=f"messages.{position}.role",
            )
    request: dict[str, Any] = {
        "model": body.get("model") or target.remote_name,
        "messages": turns,
        "max_tokens": body.get("max_completion_tokens")
        or body.get("max_tokens")
        or settings.AIRLOCK_ANTHROPIC_DEFAULT_MAX_TOKENS,
    }
    if system:
        request["system"] = "\n\n".join(system)
    for name in ("temperature", "top_p", "top_k"):
        if body.get(name) is not None:
            request[name] = body[name]
    stop = body.get("stop")
    if stop:
        request["stop_sequences"] = [stop] if isinstance(stop, str) else list(stop)
    if body.get("user"):
        request["metadata"] = {"user_id": body["user"]}
    tools = body.get("tools")
    if tools:
        request["tools"] = [_tool(tool, i) for i, tool in enumerate(tools)]
    choice = _tool_choice(body.get("tool_choice"), body.get("parallel_tool_calls"))
    if choice is not None and tools:
        request["tool_choice"] = choice
    if body.get("stream"):
        request["stream"] = True
    return request


def _refuse_unsupported(body: dict[str, Any]) -> None:
    if (body.get("n") or 1) > 1:
        raise bad_request("Anthropic models return one choice; 'n' must be 1.", param="n")
    if body.get("logprobs") or body.get("top_logprobs"):
        raise bad_request("Anthropic models do not return log probabilities.", param="logprobs")
    if body.get("logit_bias"):
        raise bad_request("Anthropic models do not accept 'logit_bias'.", param="logit_bias")
    response_format = body.get("response_format") or {}
    if isinstance(response_format, dict) and response_format.get("type", "text") != "text":
        raise bad_request(
            "JSON response formats are not available for Anthropic models through Airlock; "
            "describe the format in the prompt or use a tool.",
            param="response_format",
        )
    temperature = body.get("temperature")
    if isinstance(temperature, int | float) and temperature > 1:
        raise bad_request("Anthropic models take a temperature from 0 to 1.", param="temperature")


def _append(turns: list[dict[str, Any]], role: str, blocks: list[dict[str, Any]]) -> None:
    if turns and turns[-1]["role"] == role:
        turns[-1]["content"].extend(blocks)
    else:
        turns.append({"role": role, "content": list(blocks)})


def _plain_text(content: Any, param: str) -> str:
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        parts = []
        for part in content:
            if not isinstance(part, dict) or part.get("type") not in ("text", "refusal"):
                raise bad_request("Only text parts are possible here for an Anthropic model.", param=param)
            parts.append(str(part.get("text") or part.get("refusal") or ""))
        return "\n".join(p for p in parts if p)
    raise bad_request("Message content must be a string or a list of parts.", param=param)


def _user_blocks(content: Any, position: int) -> list[dict[str, Any]]:
    param = f"messages.{position}.content"
    if isinstance(content, str) or content is None:
        return [{"type": "text", "text": content or ""}]
    if not isinstance(content, list):
        raise bad_request("Message content must be a string or a list of parts.", param=param)
    blocks: list[dict[str, Any]] = []
    for i, part in enumerate(content):
        kind = part.get("type") if isinstance(part, dict) else None
        if kind == "text":
            blocks.append({"type": "text", "text": str(part.get("text") or "")})
        elif kind == "image_url":
            blocks.append(_image(part.get("image_url"), f"{param}.{i}"))
        elif kind == "file":
            blocks.append(_document(part.get("file"), f"{param}.{i}"))
        else:
            raise bad_request(
                f"Content parts of type '{kind}' cannot be sent to an Anthropic model.", param=param
            )
    return blocks


def _data_url(value: str) -> tuple[str, str] | None:
    """(media type, base64 data) of a ``data:`` URL, or None for any other URL."""
    if not value.startswith("data:") or ";base64," not in value:
        return None
    head, data = value[len("data:") :].split(";base64,", 1)
    return head, data


def _image(image: Any, param: str) -> dict[str, Any]:
    link = image.get("url") if isinstance(image, dict) else image
    if not isinstance(link, str) or not link:
        raise bad_request("An image part needs a URL.", param=param)
    inline = _data_url(link)
    if inline is not None:
        return {"type": "image", "source": {"type": "base64", "media_type": inline[0], "data": inline[1]}}
    return {"type": "image", "source": {"type": "url", "url": link}}


def _document(file: Any, param: str) -> dict[str, Any]:
    inline = _data_url(str(file.get("file_data") or "")) if isinstance(file, dict) else None
    if inline is None or inline[0] != "application/pdf":
        raise bad_request("Only PDF files given inline as file_data can be sent to Anthropic.", param=param)
    return {"type": "document", "source": {"type": "base64", "media_type": inline[0], "data": inline[1]}}


def _assistant_blocks(message: dict[str, Any], position: int) -> list[dict[str, Any]]:
    blocks: list[dict[str, Any]] = []
    text = _plain_text(message.get("content"), f"messages.{position}.content")
    if text:
        blocks.append({"type": "text", "text": text})
    for i, call in enumerate(message.get("tool_calls") or []):
        function = call.get("function") or {}
        arguments = function.get("arguments") or "{}"
        try:
            parsed = orjson.loads(arguments) if isinstance(arguments, str) else arguments
        except orjson.JSONDecodeError:
            raise bad_request(
                "Tool call arguments must be a JSON object.",
                param=f"messages.{position}.tool_calls.{i}.function.arguments",
            ) from None
        blocks.append(
            {
                "type": "tool_use",
                "id": call.get("id") or f"toolu_{position}_{i}",
                "name": function.get("name") or "",
                "input": parsed if isinstance(parsed, dict) else {"value": parsed},
            }
        )
    if not blocks:
        # An empty assistant turn (a client echoing a blank answer) is not allowed by the API.
        blocks.append({"type": "text", "text": "(no answer)"})
    return blocks


def _tool_result(message: dict[str, Any], position: int) -> dict[str, Any]:
    return {
        "type": "tool_result",
        "tool_use_id": message.get("tool_call_id") or "",
        "content": _plain_text(message.get("content"), f"messages.{position}.content"),
    }


def _tool(tool: dict[str, Any], index: int) -> dict[str, Any]:
    function = tool.get("function") if tool.get("type", "function") == "function" else None
    if not isinstance(function, dict) or not function.get("name"):
        raise bad_request("Only function tools can be given to an Anthropic model.", param=f"tools.{index}")
    out: dict[str, Any] = {
        "name": function["name"],
        "input_schema": function.get("parameters") or {"type": "object", "properties": {}},
    }
    if function.get("description"):
        out["description"] = function["description"]
    return out


def _tool_choice(choice: Any, parallel: Any) -> dict[str, Any] | None:
    mapped: dict[str, Any] | None
    if choice is None or choice == "auto":
        mapped = {"type": "auto"} if parallel is False else None
    elif choice == "required":
        mapped = {"type": "any"}
    elif choice == "none":
        mapped = {"type": "none"}
    elif isinstance(choice, dict) and (choice.get("function") or {}).get("name"):
        mapped = {"type": "tool", "name": choice["function"]["name"]}
    else:
        raise bad_request("tool_choice must be auto, required, none or a function.", param="tool_choice")
    if mapped is not None and parallel is False and mapped["type"] != "none":
        mapped["disable_parallel_tool_use"] = True
    return mapped


# --- Answer: Messages API → OpenAI chat.completion ---


def _usage(usage: dict[str, Any] | None, output_tokens: int | None = None) -> dict[str, int]:
    usage = usage or {}
    prompt = sum(
        int(usage.get(name) or 0)
        for name in ("input_tokens", "cache_creation_input_tokens", "cache_read_input_tokens")
    )
    completion = int(output_tokens if output_tokens is not None else usage.get("output_tokens") or 0)
    return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}


def decode(data: dict[str, Any], target: ExternalTarget, endpoint: str) -> dict[str, Any]:
    """The ``chat.completion`` equivalent of a Messages API answer."""
    if data.get("type") != "message" or not isinstance(data.get("content"), list):
        raise ValueError("the answer is not a Messages API message")
    texts: list[str] = []
    calls: list[dict[str, Any]] = []
    for block in data["content"]:
        if block.get("type") == "text":
            texts.append(str(block.get("text") or ""))
        elif block.get("type") == "tool_use":
            calls.append(
                {
                    "id": block.get("id"),
                    "type": "function",
                    "function": {
                        "name": block.get("name"),
                        "arguments": orjson.dumps(block.get("input") or {}).decode(),
                    },
                }
            )
    message: dict[str, Any] = {"role": "assistant", "content": "".join(texts) if texts or not calls else None}
    if calls:
        message["tool_calls"] = calls
    return {
        "id": data.get("id") or "",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": data.get("model") or target.remote_name,
        "choices": [
            {
                "index": 0,
                "message": message,
                "finish_reason": FINISH_REASONS.get(str(data.get("stop_reason")), "stop"),
                "logprobs": None,
            }
        ],
        "usage": _usage(data.get("usage")),
    }


def error_of(raw: bytes) -> tuple[str, str | None]:
    """(message, Anthropic error type) of an error answer, for the client's error."""
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return raw.decode(errors="replace")[:2000], None
    error = data.get("error") if isinstance(data, dict) else None
    if isinstance(error, dict):
        return str(error.get("message") or "")[:2000], error.get("type")
    return raw.decode(errors="replace")[:2000], None


class StreamDecoder:
    """Messages API events in, ``chat.completion.chunk`` objects out (one choice, index 0)."""

    def __init__(self, target: ExternalTarget) -> None:
        self.target = target
        self.id = ""
        self.model = target.remote_name
        self.created = int(time.time())
        self.input_usage: dict[str, Any] = {}
        self.output_tokens = 0
        self.finished = False
        self._tools: dict[int, int] = {}  # Anthropic block index → OpenAI tool_calls index

    def _chunk(self, delta: dict[str, Any], finish_reason: str | None = None) -> dict[str, Any]:
        return {
            "id": self.id,
            "object": "chat.completion.chunk",
            "created": self.created,
            "model": self.model,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish_reason, "logprobs": None}],
        }

    def feed(self, event: str | None, data: str) -> list[dict[str, Any]]:
        try:
            payload = orjson.loads(data)
        except orjson.JSONDecodeError:
            raise StreamError(f"an event that is not JSON: {data[:200]!r}") from None
        kind = payload.get("type") or event
        if kind == "message_start":
            message = payload.get("message") or {}
            self.id = message.get("id") or self.id
            self.model = message.get("model") or self.model
            self.input_usage = message.get("usage") or {}
            self.output_tokens = int(self.input_usage.get("output_tokens") or 0)
            return [self._chunk({"role": "assistant", "content": ""})]
        if kind == "content_block_start":
            block = payload.get("content_block") or {}
            if block.get("type") == "tool_use":
                slot = self._tools.setdefault(int(payload.get("index", 0)), len(self._tools))
                call = {
                    "index": slot,
                    "id": block.get("id"),
                    "type": "function",
                    "function": {"name": block.get("name"), "arguments": ""},
                }
                return [self._chunk({"tool_calls": [call]})]
            if block.get("type") == "text" and block.get("text"):
                return [self._chunk({"content": block["text"]})]
            return []
        if kind == "content_block_delta":
            delta = payload.get("delta") or {}
            if delta.get("type") == "text_delta":
                return [self._chunk({"content": delta.get("text") or ""})]
            if delta.get("type") == "input_json_delta":
                slot = self._tools.get(int(payload.get("index", 0)), 0)
                piece = {"index": slot, "function": {"arguments": delta.get("partial_json") or ""}}
                return [self._chunk({"tool_calls": [piece]})]
            return []  # thinking and signature deltas are not part of OpenAI's format
        if kind == "message_delta":
            usage = payload.get("usage") or {}
            if usage.get("output_tokens") is not None:
                self.output_tokens = int(usage["output_tokens"])
            reason = (payload.get("delta") or {}).get("stop_reason")
            if reason:
                return [self._chunk({}, FINISH_REASONS.get(reason, "stop"))]
            return []
        if kind == "message_stop":
            self.finished = True
            usage_chunk = self._chunk({})
            usage_chunk["choices"] = []
            usage_chunk["usage"] = _usage(self.input_usage, self.output_tokens)
            return [usage_chunk]
        if kind == "error":
            error = payload.get("error") or {}
            raise StreamError(f"{error.get('type', 'error')}: {error.get('message', '')}")
        return []  # ping, content_block_stop, and event types added after this was written
