"""Validation of /v1 request bodies, before anything is forwarded.

Known OpenAI fields are checked as OpenAI checks them: a boolean is not a number, an integer
field takes no decimal (not even ``16.0``), ranges hold, ``tool_choice`` names a tool that was
given, ``stream_options`` needs ``stream``. Every refusal is a 400 in OpenAI's shape whose
``param`` names the field (``messages.0.content`` for a nested one). Unknown fields pass
through, because vLLM accepts useful extensions (``top_k``, ``min_p``, ``repetition_penalty``,
guided decoding).

The checks are plain functions over the parsed JSON rather than a pydantic model: a union
(``stop``, ``prompt``, message content) then fails with one message that names the field,
not one per member of the union, and Python's ``True == 1`` cannot slip through.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, ClassVar

import orjson

from inference.errors import ApiError, bad_request

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
# OpenAI's rule for function and schema names.
NAME = re.compile(r"[A-Za-z0-9_-]{1,64}")
TOKEN_ID = re.compile(r"[0-9]{1,10}")
ROLES = ("system", "developer", "user", "assistant", "tool", "function")
TOOL_CHOICES = ("none", "auto", "required")
RESPONSE_FORMATS = ("text", "json_object", "json_schema")
# Content parts of OpenAI's API, and those vLLM adds for local multimodal models.
PART_TYPES = ("text", "image_url", "input_audio", "file", "refusal", "audio_url", "video_url")


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a decimal number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return "null"


def _path(param: str, key: str | int) -> str:
    return f"{param}.{key}"


def _wrong_type(param: str, expected: str, value: object) -> ApiError:
    return bad_request(
        f"Invalid type for '{param}': expected {expected}, but got {_kind(value)} instead.",
        param=param,
        code="invalid_type",
    )


def _invalid(param: str, why: str) -> ApiError:
    return bad_request(f"Invalid value for '{param}': {why}", param=param, code="invalid_value")


def _missing(param: str) -> ApiError:
    return bad_request(
        f"Missing required parameter: '{param}'.", param=param, code="missing_required_parameter"
    )


def _is_int(value: object) -> bool:
    # bool is a subclass of int in Python; JSON's true is not an integer.
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: object) -> bool:
    return _is_int(value) or isinstance(value, float)


# --- Checkers: each takes the value and the param's name, and raises ApiError or returns. ---

Check = Callable[[Any, str], None]


def integer(minimum: int | None = None, maximum: int | None = None) -> Check:
    def check(value: Any, param: str) -> None:
        if not _is_int(value):
            raise _wrong_type(param, "an integer", value)
        if minimum is not None and value < minimum:
            raise _invalid(param, f"{value} is below the minimum of {minimum}.")
        if maximum is not None and value > maximum:
            raise _invalid(param, f"{value} is above the maximum of {maximum}.")

    return check


def number(minimum: float, maximum: float, *, above_minimum: bool = False) -> Check:
    def check(value: Any, param: str) -> None:
        if not _is_number(value):
            raise _wrong_type(param, "a number", value)
        if value < minimum or (above_minimum and value == minimum):
            bound = "greater than" if above_minimum else "at least"
            raise _invalid(param, f"{value} must be {bound} {minimum} and at most {maximum}.")
        if value > maximum:
            raise _invalid(param, f"{value} is above the maximum of {maximum}.")

    return check


def boolean(value: Any, param: str) -> None:
    if not isinstance(value, bool):
        raise _wrong_type(param, "a boolean", value)


def string(max_length: int | None = None, *, min_length: int = 0) -> Check:
    def check(value: Any, param: str) -> None:
        if not isinstance(value, str):
            raise _wrong_type(param, "a string", value)
        if len(value) < min_length:
            raise _invalid(param, "an empty string is not allowed.")
        if max_length is not None and len(value) > max_length:
            raise _invalid(param, f"the string is longer than {max_length} characters.")

    return check


def obj(value: Any, param: str) -> None:
    if not isinstance(value, dict):
        raise _wrong_type(param, "an object", value)


def one_of(choices: tuple[str, ...]) -> Check:
    def check(value: Any, param: str) -> None:
        if not isinstance(value, str):
            raise _wrong_type(param, "a string", value)
        if value not in choices:
            allowed = ", ".join(f"'{c}'" for c in choices)
            raise _invalid(param, f"'{value[:100]}' is not supported; supported values are {allowed}.")

    return check


def _required(data: dict[str, Any], key: str, param: str) -> Any:
    if data.get(key) is None:
        raise _missing(param)
    return data[key]


def stop(value: Any, param: str) -> None:
    if isinstance(value, str):
        return
    if not isinstance(value, list):
        raise _wrong_type(param, "a string or an array of strings", value)
    for item in value:
        if not isinstance(item, str):
            raise _wrong_type(param, "a string or an array of strings", item)


def logit_bias(value: Any, param: str) -> None:
    obj(value, param)
    for token, bias in value.items():
        if not TOKEN_ID.fullmatch(token):
            raise _invalid(param, f"'{token[:50]}' is not a token id (a whole number).")
        if not _is_number(bias):
            raise _invalid(param, f"the bias of token {token} must be a number, not {_kind(bias)}.")
        if not -100 <= bias <= 100:
            raise _invalid(param, f"the bias of token {token} must be between -100 and 100.")


def stream_options(value: Any, param: str) -> None:
    obj(value, param)
    for name in ("include_usage", "continuous_usage_stats", "include_obfuscation"):
        if value.get(name) is not None:
            boolean(value[name], _path(param, name))


def response_format(value: Any, param: str) -> None:
    obj(value, param)
    kind = _required(value, "type", _path(param, "type"))
    one_of(RESPONSE_FORMATS)(kind, _path(param, "type"))
    if kind != "json_schema":
        return
    where = _path(param, "json_schema")
    spec = _required(value, "json_schema", where)
    obj(spec, where)
    name = _required(spec, "name", _path(where, "name"))
    string()(name, _path(where, "name"))
    if not NAME.fullmatch(name):
        raise _invalid(_path(where, "name"), "use 1 to 64 letters, digits, '_' or '-'.")
    _optional(spec, where, {"schema": obj, "strict": boolean, "description": string()})


def _optional(data: dict[str, Any], param: str, checks: dict[str, Check]) -> None:
    """Check the fields that are present and not null."""
    for key, check in checks.items():
        value = data.get(key)
        if value is not None:
            check(value, _path(param, key) if param else key)


def tools(value: Any, param: str) -> None:
    if not isinstance(value, list):
        raise _wrong_type(param, "an array", value)
    if not value:
        raise _invalid(param, "an empty array; give at least one tool, or leave 'tools' out.")
    for index, tool in enumerate(value):
        where = _path(param, index)
        obj(tool, where)
        one_of(("function",))(_required(tool, "type", _path(where, "type")), _path(where, "type"))
        function = _required(tool, "function", _path(where, "function"))
        _function(function, _path(where, "function"))


def _function(value: Any, param: str) -> None:
    obj(value, param)
    name = _required(value, "name", _path(param, "name"))
    string()(name, _path(param, "name"))
    if not NAME.fullmatch(name):
        raise _invalid(_path(param, "name"), "use 1 to 64 letters, digits, '_' or '-'.")
    _optional(value, param, {"description": string(), "parameters": obj, "strict": boolean})


def _tool_names(data: dict[str, Any]) -> set[str]:
    return {tool["function"]["name"] for tool in data.get("tools") or []}


def tool_choice(value: Any, param: str, data: dict[str, Any]) -> None:
    if not data.get("tools"):
        raise _invalid(param, "'tool_choice' is only allowed when 'tools' are given.")
    if isinstance(value, str):
        one_of(TOOL_CHOICES)(value, param)
        return
    if not isinstance(value, dict):
        raise _wrong_type(param, "a string or an object", value)
    one_of(("function",))(_required(value, "type", _path(param, "type")), _path(param, "type"))
    where = _path(param, "function")
    function = _required(value, "function", where)
    obj(function, where)
    name = _required(function, "name", _path(where, "name"))
    string()(name, _path(where, "name"))
    if name not in _tool_names(data):
        raise _invalid(_path(where, "name"), f"no tool named '{name[:64]}' was given in 'tools'.")


# --- Messages -------------------------------------------------------------------------------


def _content_parts(value: list[Any], param: str, *, text_only: bool) -> None:
    for index, part in enumerate(value):
        where = _path(param, index)
        obj(part, where)
        kind = _required(part, "type", _path(where, "type"))
        one_of(("text",) if text_only else PART_TYPES)(kind, _path(where, "type"))
        if kind == "text":
            string()(_required(part, "text", _path(where, "text")), _path(where, "text"))
        elif kind == "refusal":
            string()(_required(part, "refusal", _path(where, "refusal")), _path(where, "refusal"))
        elif kind in ("image_url", "audio_url", "video_url"):
            ref = _required(part, kind, _path(where, kind))
            obj(ref, _path(where, kind))
            string()(_required(ref, "url", _path(where, f"{kind}.url")), _path(where, f"{kind}.url"))
        else:
            obj(_required(part, kind, _path(where, kind)), _path(where, kind))


def _content(message: dict[str, Any], param: str, *, required: bool, text_only: bool) -> None:
    where = _path(param, "content")
    value = message.get("content")
    if value is None:
        if required:
            raise _missing(where)
        return
    if isinstance(value, str):
        return
    if not isinstance(value, list):
        raise _wrong_type(where, "a string or an array of content parts", value)
    _content_parts(value, where, text_only=text_only)


def _tool_calls(value: Any, param: str) -> None:
    if not isinstance(value, list):
        raise _wrong_type(param, "an array", value)
    for index, call in enumerate(value):
        where = _path(param, index)
        obj(call, where)
        string(min_length=1)(_required(call, "id", _path(where, "id")), _path(where, "id"))
        if call.get("type") is not None:
            one_of(("function",))(call["type"], _path(where, "type"))
        function = _required(call, "function", _path(where, "function"))
        obj(function, _path(where, "function"))
        for key in ("name", "arguments"):
            string()(
                _required(function, key, _path(where, f"function.{key}")), _path(where, f"function.{key}")
            )


def message(value: Any, param: str) -> None:
    obj(value, param)
    role = _required(value, "role", _path(param, "role"))
    one_of(ROLES)(role, _path(param, "role"))
    _optional(value, param, {"name": string()})
    if role in ("system", "developer"):
        _content(value, param, required=True, text_only=True)
    elif role == "user":
        _content(value, param, required=True, text_only=False)
    elif role == "assistant":
        calls = value.get("tool_calls")
        if calls is not None:
            _tool_calls(calls, _path(param, "tool_calls"))
        if value.get("function_call") is not None:
            obj(value["function_call"], _path(param, "function_call"))
        # An assistant turn says something, or calls a tool.
        _content(value, param, required=not calls and value.get("function_call") is None, text_only=False)
    elif role == "tool":
        _content(value, param, required=True, text_only=True)
        string(min_length=1)(
            _required(value, "tool_call_id", _path(param, "tool_call_id")), _path(param, "tool_call_id")
        )
    else:  # function, deprecated by OpenAI but still accepted
        string()(_required(value, "name", _path(param, "name")), _path(param, "name"))
        _content(value, param, required=False, text_only=True)


def messages(value: Any, param: str) -> None:
    if not isinstance(value, list):
        raise _wrong_type(param, "an array of messages", value)
    if not value:
        raise _invalid(param, "an empty array; give at least one message.")
    for index, item in enumerate(value):
        message(item, _path(param, index))


def prompt(value: Any, param: str) -> None:
    expected = "a string, an array of strings, an array of token ids or an array of such arrays"
    if isinstance(value, str):
        return
    if not isinstance(value, list):
        raise _wrong_type(param, expected, value)
    if all(isinstance(item, str) for item in value):
        return
    if all(_is_int(item) for item in value):
        return
    if all(isinstance(item, list) and all(_is_int(token) for token in item) for item in value):
        return
    raise _invalid(param, f"expected {expected}; the array mixes types or holds something else.")


# --- Request bodies -------------------------------------------------------------------------


class _Body:
    """A validated request body: what the request path reads of it (``model``, ``stream``).

    Subclasses list their fields' checks; ``validate`` applies them and the rules that tie
    fields together (``stream_options`` needs ``stream``, and so on).
    """

    FIELDS: ClassVar[dict[str, Check]] = {
        "stream": boolean,
        "stream_options": stream_options,
        "max_tokens": integer(1),
        "temperature": number(0, 2),
        "top_p": number(0, 1, above_minimum=True),
        "n": integer(1, 128),
        "stop": stop,
        "presence_penalty": number(-2, 2),
        "frequency_penalty": number(-2, 2),
        "seed": integer(INT64_MIN, INT64_MAX),
        "user": string(256),
        "logit_bias": logit_bias,
    }

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        model = _required(data, "model", "model")
        string(256, min_length=1)(model, "model")
        self.model: str = model
        _optional(data, "", self.FIELDS)
        self.stream = data.get("stream") is True
        if data.get("stream_options") is not None and not self.stream:
            raise _invalid("stream_options", "'stream_options' is only allowed when 'stream' is true.")
        self.check_together(data)

    def check_together(self, data: dict[str, Any]) -> None:
        """Rules across fields, for a subclass to add to."""


class ChatCompletionRequest(_Body):
    FIELDS: ClassVar[dict[str, Check]] = {
        **_Body.FIELDS,
        "max_completion_tokens": integer(1),
        "response_format": response_format,
        "logprobs": boolean,
        "top_logprobs": integer(0, 20),
        "tools": tools,
        "parallel_tool_calls": boolean,
        "store": boolean,
        "metadata": obj,
        "reasoning_effort": string(),
        "service_tier": string(),
    }

    def check_together(self, data: dict[str, Any]) -> None:
        messages(_required(data, "messages", "messages"), "messages")
        if data.get("tool_choice") is not None:
            tool_choice(data["tool_choice"], "tool_choice", data)
        if data.get("top_logprobs") is not None and data.get("logprobs") is not True:
            raise _invalid("top_logprobs", "'top_logprobs' needs 'logprobs' set to true.")


class CompletionRequest(_Body):
    FIELDS: ClassVar[dict[str, Check]] = {
        **_Body.FIELDS,
        "echo": boolean,
        "logprobs": integer(0, 5),
        "suffix": string(),
        "best_of": integer(1, 128),
    }

    def check_together(self, data: dict[str, Any]) -> None:
        prompt(_required(data, "prompt", "prompt"), "prompt")
        best_of, n = data.get("best_of"), data.get("n")
        if best_of is not None and best_of < (n if n is not None else 1):
            raise _invalid("best_of", f"'best_of' ({best_of}) must be at least 'n' ({n}).")


def embedding_input(value: Any, param: str) -> None:
    """OpenAI's ``input``: a string, strings, token ids or arrays of them; never empty."""
    prompt(value, param)
    if value == "" or value == [] or (isinstance(value, list) and any(item in ("", []) for item in value)):
        raise _invalid(param, "an input must not be empty.")


class EmbeddingRequest(_Body):
    """``/v1/embeddings``: no sampling fields and no streaming, unlike the completion bodies."""

    FIELDS: ClassVar[dict[str, Check]] = {
        "encoding_format": one_of(("float", "base64")),
        "dimensions": integer(1),
        "user": string(256),
        # vLLM's extension: cut inputs longer than the model's context instead of a 400.
        "truncate_prompt_tokens": integer(-1),
    }

    def check_together(self, data: dict[str, Any]) -> None:
        embedding_input(_required(data, "input", "input"), "input")
        if "stream" in data:
            raise _invalid("stream", "/v1/embeddings does not stream; leave 'stream' out.")


def parse(raw: bytes, schema: type[_Body]) -> tuple[dict[str, Any], _Body]:
    """The body as a dict (to forward) and as a validated request (to read), or a 400."""
    if not raw:
        raise bad_request("The request body is empty; send a JSON object.")
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise bad_request(f"The request body is not valid JSON: {exc}.") from None
    if not isinstance(data, dict):
        raise bad_request("The request body must be a JSON object.")
    return data, schema(data)
