"""Errors in OpenAI's shape, with the status codes the ``openai`` client maps to its exceptions."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import orjson


@dataclass
class Reply:
    """What the gateway writes back: a whole body, or a stream of server-sent events."""

    status: int
    body: bytes
    content_type: bytes = b"application/json"
    headers: list[tuple[bytes, bytes]] = field(default_factory=list)
    request_id: str | None = None
    stream: AsyncIterator[bytes] | None = None

    @classmethod
    def json(cls, data: object, status: int = 200, request_id: str | None = None) -> Reply:
        return cls(status, orjson.dumps(data), request_id=request_id)


class ApiError(Exception):
    """Raised anywhere on the request path; rendered once, by the view, as OpenAI would."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        type: str = "invalid_request_error",
        code: str | None = None,
        param: str | None = None,
        headers: dict[str, str] | None = None,
        detail: str | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.type = type
        self.code = code
        self.param = param
        self.headers = headers or {}
        # For the audit log only, never the client: e.g. what a provider answered, or why its
        # address was refused (a caller must not learn about services behind the appliance).
        self.detail = detail

    def body(self) -> dict[str, object]:
        return {"error": {"message": self.message, "type": self.type, "param": self.param, "code": self.code}}

    def reply(self, request_id: str | None = None) -> Reply:
        headers = [(name.lower().encode(), value.encode()) for name, value in self.headers.items()]
        return Reply(self.status, orjson.dumps(self.body()), headers=headers, request_id=request_id)


def unauthorized(message: str, code: str = "invalid_api_key") -> ApiError:
    return ApiError(401, message, code=code)


def bad_request(message: str, *, param: str | None = None, code: str | None = None) -> ApiError:
    return ApiError(400, message, param=param, code=code)


def no_backend(model: str, retry_after: int) -> ApiError:
    return ApiError(
        503,
        f"No healthy backend is serving '{model}' right now; retry in {retry_after} s.",
        type="server_error",
        code="no_healthy_backend",
        headers={"Retry-After": str(retry_after)},
    )
