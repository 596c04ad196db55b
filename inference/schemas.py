"""Validation of /v1 request bodies, before anything is forwarded.

Known OpenAI fields are type- and range-checked; unknown fields pass through, because vLLM
accepts useful extensions (``top_k``, ``min_p``, ``repetition_penalty``, guided decoding).
"""

from __future__ import annotations

from typing import Any, Literal

import orjson
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from inference.errors import ApiError, bad_request


class _Body(BaseModel):
    model_config = ConfigDict(extra="allow", strict=False)

    model: str = Field(min_length=1, max_length=256)
    stream: bool | None = None
    stream_options: dict[str, Any] | None = None
    max_tokens: int | None = Field(default=None, ge=1)
    temperature: float | None = Field(default=None, ge=0, le=2)
    top_p: float | None = Field(default=None, gt=0, le=1)
    n: int | None = Field(default=None, ge=1, le=128)
    stop: str | list[str] | None = None
    presence_penalty: float | None = Field(default=None, ge=-2, le=2)
    frequency_penalty: float | None = Field(default=None, ge=-2, le=2)
    seed: int | None = None
    user: str | None = Field(default=None, max_length=256)
    logit_bias: dict[str, float] | None = None

    @field_validator("stream_options")
    @classmethod
    def _stream_options(cls, value: dict[str, Any] | None) -> dict[str, Any] | None:
        if value is not None and not isinstance(value.get("include_usage", False), bool):
            raise ValueError("include_usage must be a boolean")
        return value


class Message(BaseModel):
    model_config = ConfigDict(extra="allow")

    role: Literal["system", "developer", "user", "assistant", "tool", "function"]
    content: str | list[dict[str, Any]] | None = None
    name: str | None = None


class ResponseFormat(BaseModel):
    model_config = ConfigDict(extra="allow")

    type: Literal["text", "json_object", "json_schema"]
    json_schema: dict[str, Any] | None = None


class ChatCompletionRequest(_Body):
    messages: list[Message] = Field(min_length=1)
    max_completion_tokens: int | None = Field(default=None, ge=1)
    response_format: ResponseFormat | None = None
    logprobs: bool | None = None
    top_logprobs: int | None = Field(default=None, ge=0, le=20)
    tools: list[dict[str, Any]] | None = None
    tool_choice: str | dict[str, Any] | None = None


class CompletionRequest(_Body):
    prompt: str | list[str] | list[int] | list[list[int]]
    echo: bool | None = None
    logprobs: int | None = Field(default=None, ge=0, le=5)
    suffix: str | None = None
    best_of: int | None = Field(default=None, ge=1, le=128)


def parse(raw: bytes, schema: type[_Body]) -> tuple[dict[str, Any], _Body]:
    """The body as a dict (to forward) and as a validated model (to read), or a 400."""
    if not raw:
        raise bad_request("The request body is empty; send a JSON object.")
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise bad_request(f"The request body is not valid JSON: {exc}.") from None
    if not isinstance(data, dict):
        raise bad_request("The request body must be a JSON object.")
    try:
        parsed = schema.model_validate(data)
    except ValidationError as exc:
        raise _as_api_error(exc) from None
    return data, parsed


def _as_api_error(exc: ValidationError) -> ApiError:
    first = exc.errors()[0]
    param = ".".join(str(part) for part in first["loc"]) or None
    # Pydantic reports a union failure once per member ("messages.0.content.str"); name the field.
    if param and first["type"] in {"string_type", "list_type", "dict_type"} and len(first["loc"]) > 1:
        tail = str(first["loc"][-1])
        if tail in {"str", "list[str]", "list[int]", "list[dict[str,any]]"} or tail.startswith("list["):
            param = ".".join(str(part) for part in first["loc"][:-1])
    if first["type"] == "missing":
        return bad_request(
            f"Missing required parameter: '{param}'.", param=param, code="missing_required_parameter"
        )
    return bad_request(f"Invalid value for '{param}': {first['msg']}.", param=param, code="invalid_value")
