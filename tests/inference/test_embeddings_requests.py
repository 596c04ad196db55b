"""``/v1/embeddings`` bodies are checked before anything is forwarded, and the endpoints the
gateway does not serve (``/v1/responses`` first) are refused in OpenAI's error shape.

The answers themselves come from a real embedding model on vLLM: tests/e2e/test_embeddings.py.
"""

from __future__ import annotations

from typing import Any

import httpx2 as httpx
import openai
import pytest

from inference import epoch
from inference.models import Model
from tests.inference.conftest import Gateway


def stub_requests(gateway: Gateway) -> int:
    return int(httpx.get(f"{gateway.stub_url}/_stub/state").json()["requests"])


INVALID = [
    ({"model": "stub"}, "input"),
    ({"model": "stub", "input": ""}, "input"),
    ({"model": "stub", "input": []}, "input"),
    ({"model": "stub", "input": ["a", ""]}, "input"),
    ({"model": "stub", "input": ["a", 3]}, "input"),
    ({"model": "stub", "input": {"text": "a"}}, "input"),
    ({"model": "stub", "input": "a", "encoding_format": "int8"}, "encoding_format"),
    ({"model": "stub", "input": "a", "dimensions": 0}, "dimensions"),
    ({"model": "stub", "input": "a", "dimensions": "384"}, "dimensions"),
    ({"model": "stub", "input": "a", "user": 7}, "user"),
    ({"model": "stub", "input": "a", "stream": True}, "stream"),
    ({"input": "a"}, "model"),
]


@pytest.mark.parametrize(("body", "param"), INVALID)
def test_an_invalid_embeddings_body_is_refused_naming_the_parameter(
    gateway: Gateway, body: dict[str, Any], param: str
) -> None:
    before = stub_requests(gateway)
    answer = httpx.post(
        f"{gateway.url}/v1/embeddings", headers={"Authorization": f"Bearer {gateway.key}"}, json=body
    )
    assert answer.status_code == 400, answer.text
    error = answer.json()["error"]
    assert error["param"] == param, error
    assert error["type"] == "invalid_request_error"
    assert stub_requests(gateway) == before, "nothing is forwarded before the body is valid"


def test_embeddings_need_a_key_like_every_other_endpoint(gateway: Gateway) -> None:
    with pytest.raises(openai.AuthenticationError):
        gateway.client(key="air-nope").embeddings.create(model="stub", input="hello")


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("POST", "/v1/responses"),
        ("GET", "/v1/responses/resp_123"),
        ("POST", "/v1/files"),
        ("POST", "/v1/batches"),
    ],
)
def test_endpoints_it_does_not_serve_are_refused_saying_what_is_supported(
    gateway: Gateway, method: str, path: str
) -> None:
    answer = httpx.request(
        method,
        f"{gateway.url}{path}",
        headers={"Authorization": f"Bearer {gateway.key}"},
        json={"model": "stub", "input": "Say hello"},
    )
    assert answer.status_code == 404
    error = answer.json()["error"]
    assert error["code"] == "unsupported_endpoint"
    assert error["type"] == "invalid_request_error"
    assert "/v1/chat/completions" in error["message"] and "/v1/embeddings" in error["message"]


def test_the_openai_client_sees_the_responses_refusal_as_not_found(gateway: Gateway) -> None:
    with pytest.raises(openai.NotFoundError) as caught:
        gateway.client().responses.create(model="stub", input="Say hello")
    assert caught.value.body["code"] == "unsupported_endpoint"  # type: ignore[index]


def test_an_embeddings_request_for_a_chat_model_is_refused_before_it_is_forwarded(gateway: Gateway) -> None:
    before = stub_requests(gateway)
    with pytest.raises(openai.BadRequestError) as caught:
        gateway.client().embeddings.create(model="stub", input="hello")
    assert caught.value.body["code"] == "wrong_model_kind"  # type: ignore[index]
    assert "chat model" in caught.value.message
    assert stub_requests(gateway) == before


def test_a_chat_request_for_an_embedding_model_is_refused_before_it_is_forwarded(gateway: Gateway) -> None:
    Model.objects.filter(name="stub").update(kind=Model.Kind.EMBEDDING)
    epoch.bump()
    before = stub_requests(gateway)
    with pytest.raises(openai.BadRequestError) as caught:
        gateway.client().chat.completions.create(model="stub", messages=[{"role": "user", "content": "hi"}])
    assert caught.value.body["code"] == "wrong_model_kind"  # type: ignore[index]
    assert "/v1/embeddings" in caught.value.message
    assert stub_requests(gateway) == before
