"""The /v1 API as an internal app sees it: the official openai client against the live gateway."""

from __future__ import annotations

import json
import time
from datetime import timedelta

import httpx2 as httpx
import openai
import pytest
from django.utils import timezone

from inference import epoch, services
from inference.models import ApiKey
from tests.conftest import free_port
from tests.inference.conftest import Gateway, register

HELLO = [{"role": "user", "content": "Say hello"}]


def stub_state(gateway: Gateway) -> dict:
    return httpx.get(f"{gateway.stub_url}/_stub/state").json()


def test_it_lists_only_the_models_the_key_may_use(gateway: Gateway) -> None:
    ids = {model.id for model in gateway.client().models.list()}
    assert "stub" in ids
    assert "forbidden" not in ids


def test_it_retrieves_an_allowed_model_and_hides_the_others(gateway: Gateway) -> None:
    assert gateway.client().models.retrieve("stub").id == "stub"
    with pytest.raises(openai.NotFoundError):
        gateway.client().models.retrieve("forbidden")


def test_it_answers_a_chat_completion_with_usage_and_a_request_id(gateway: Gateway) -> None:
    raw = gateway.client().chat.completions.with_raw_response.create(model="stub", messages=HELLO)
    completion = raw.parse()
    assert completion.choices[0].message.content.startswith("tok0 tok1")
    assert completion.usage is not None and completion.usage.total_tokens == 26
    assert raw.headers["x-request-id"].startswith("req_")


def test_it_streams_chat_exactly_as_openai_does(gateway: Gateway) -> None:
    chunks = list(gateway.client().chat.completions.create(model="stub", messages=HELLO, stream=True))
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert text.startswith("tok0 tok1 tok2")
    # Usage was not asked for, so the usage-only chunk (which Airlock requests for metering) is not shown.
    assert all(c.choices for c in chunks)


def test_it_sends_the_usage_chunk_when_the_client_asks_for_it(gateway: Gateway) -> None:
    chunks = list(
        gateway.client().chat.completions.create(
            model="stub", messages=HELLO, stream=True, stream_options={"include_usage": True}
        )
    )
    assert chunks[-1].choices == []
    assert chunks[-1].usage is not None and chunks[-1].usage.completion_tokens == 16


def test_it_serves_text_completions_streamed_and_not(gateway: Gateway) -> None:
    client = gateway.client()
    assert client.completions.create(model="stub", prompt="Once").choices[0].text.startswith("tok0")
    streamed = "".join(
        c.choices[0].text for c in client.completions.create(model="stub", prompt="x", stream=True)
    )
    assert streamed.startswith("tok0 tok1")


def test_it_forwards_sampling_parameters_response_format_and_user(gateway: Gateway) -> None:
    schema = {"name": "answer", "schema": {"type": "object", "properties": {"a": {"type": "string"}}}}
    gateway.client().chat.completions.create(
        model="stub",
        messages=HELLO,
        temperature=0.2,
        top_p=0.9,
        max_tokens=7,
        seed=3,
        user="user-42",
        response_format={"type": "json_schema", "json_schema": schema},
        extra_body={"top_k": 5},
    )
    sent = json.loads(stub_state(gateway)["bodies"][-1])
    assert sent["response_format"]["json_schema"] == schema
    assert (sent["temperature"], sent["top_p"], sent["max_tokens"], sent["seed"]) == (0.2, 0.9, 7, 3)
    assert sent["user"] == "user-42" and sent["top_k"] == 5


def test_it_refuses_a_missing_key(gateway: Gateway) -> None:
    response = httpx.post(f"{gateway.url}/v1/chat/completions", json={"model": "stub", "messages": HELLO})
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "missing_api_key"


def test_it_refuses_a_wrong_or_malformed_key(gateway: Gateway) -> None:
    forged = gateway.key[:-4] + ("AAAA" if not gateway.key.endswith("AAAA") else "BBBB")
    for bad in (forged, "sk-not-ours", "air-zzzzzzzz-" + "x" * 43):
        with pytest.raises(openai.AuthenticationError) as caught:
            gateway.client(key=bad).chat.completions.create(model="stub", messages=HELLO)
        assert caught.value.body["code"] == "invalid_api_key"  # type: ignore[index]


def test_it_refuses_a_revoked_key_at_once(gateway: Gateway) -> None:
    client = gateway.client()
    client.chat.completions.create(model="stub", messages=HELLO)  # warm the key cache
    services.do_revoke_api_key(ApiKey.objects.get(application=gateway.app))
    with pytest.raises(openai.AuthenticationError) as caught:
        client.chat.completions.create(model="stub", messages=HELLO)
    assert caught.value.body["code"] == "revoked_api_key"  # type: ignore[index]


def test_it_refuses_an_expired_key(gateway: Gateway) -> None:
    created = services.do_create_api_key(gateway.app, expires_in=timedelta(seconds=1))
    # Time passes: move the expiry into the past and let the gateway's caches see it.
    ApiKey.objects.filter(pk=created.key.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    epoch.bump()
    with pytest.raises(openai.AuthenticationError) as caught:
        gateway.client(key=created.plaintext).chat.completions.create(model="stub", messages=HELLO)
    assert caught.value.body["code"] == "expired_api_key"  # type: ignore[index]


def test_it_refuses_a_model_the_application_may_not_use(gateway: Gateway) -> None:
    with pytest.raises(openai.PermissionDeniedError) as caught:
        gateway.client().chat.completions.create(model="forbidden", messages=HELLO)
    assert caught.value.body["param"] == "model"  # type: ignore[index]


def test_it_says_an_unknown_model_does_not_exist(gateway: Gateway) -> None:
    with pytest.raises(openai.NotFoundError) as caught:
        gateway.client().chat.completions.create(model="gpt-17", messages=HELLO)
    assert caught.value.body["code"] == "model_not_found"  # type: ignore[index]


def test_it_answers_unknown_endpoints_and_wrong_methods_in_openai_shape(gateway: Gateway) -> None:
    headers = {"Authorization": f"Bearer {gateway.key}"}
    missing = httpx.post(f"{gateway.url}/v1/embeddingz", headers=headers, json={})
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "unknown_url"
    wrong = httpx.get(f"{gateway.url}/v1/chat/completions", headers=headers)
    assert wrong.status_code == 405 and wrong.headers["allow"] == "POST"


@pytest.mark.parametrize(
    ("body", "param"),
    [
        ({"model": "stub"}, "messages"),
        ({"model": "stub", "messages": []}, "messages"),
        ({"model": "stub", "messages": HELLO, "temperature": 5}, "temperature"),
        ({"model": "stub", "messages": [{"role": "robot", "content": "x"}]}, "messages.0.role"),
        ({"model": "stub", "messages": HELLO, "max_tokens": 0}, "max_tokens"),
        ({"messages": HELLO}, "model"),
    ],
)
def test_it_rejects_an_invalid_body_naming_the_field(gateway: Gateway, body: dict, param: str) -> None:
    before = stub_state(gateway)["requests"]
    response = httpx.post(
        f"{gateway.url}/v1/chat/completions", headers={"Authorization": f"Bearer {gateway.key}"}, json=body
    )
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["param"] == param and param in error["message"]
    assert stub_state(gateway)["requests"] == before, "nothing is forwarded before the body is valid"


def test_it_rejects_a_body_that_is_not_json(gateway: Gateway) -> None:
    response = httpx.post(
        f"{gateway.url}/v1/chat/completions",
        headers={"Authorization": f"Bearer {gateway.key}", "Content-Type": "application/json"},
        content=b"{not json",
    )
    assert response.status_code == 400 and "not valid JSON" in response.json()["error"]["message"]


def test_it_refuses_a_body_that_is_too_large(gateway: Gateway, settings) -> None:  # type: ignore[no-untyped-def]
    settings.AIRLOCK_MAX_BODY_BYTES = 2048
    huge = [{"role": "user", "content": "x" * 5000}]
    with pytest.raises(openai.APIStatusError) as caught:
        gateway.client().chat.completions.create(model="stub", messages=huge)
    assert caught.value.status_code == 413


def test_it_answers_503_with_retry_after_when_no_backend_is_up(gateway: Gateway) -> None:
    dead = services.do_register_backend("dead", f"http://127.0.0.1:{free_port()}")
    register("lonely", dead)
    services.do_set_allowed_models(gateway.app, models=["stub", "lonely"])
    with pytest.raises(openai.InternalServerError) as caught:
        gateway.client().chat.completions.create(model="lonely", messages=HELLO)
    assert caught.value.status_code == 503
    assert int(caught.value.response.headers["retry-after"]) > 0


def test_it_falls_back_to_another_backend_when_one_refuses(gateway: Gateway) -> None:
    dead = services.do_register_backend("dead-twin", f"http://127.0.0.1:{free_port()}")
    services.do_deploy(gateway.versions["stub"], dead, served_name="stub", weight=1000)
    for _ in range(3):
        assert gateway.client().chat.completions.create(model="stub", messages=HELLO).choices


def test_it_answers_504_when_the_backend_is_too_slow(gateway: Gateway, settings) -> None:  # type: ignore[no-untyped-def]
    settings.AIRLOCK_UPSTREAM_READ_TIMEOUT = 0.5
    with pytest.raises(openai.APIStatusError) as caught:
        gateway.client().chat.completions.create(model="stub-slow", messages=HELLO)
    assert caught.value.status_code == 504


@pytest.mark.parametrize("model", ["stub-malformed", "stub-nochoices", "stub-500"])
def test_it_turns_a_broken_upstream_answer_into_a_clean_502(gateway: Gateway, model: str) -> None:
    with pytest.raises(openai.APIStatusError) as caught:
        gateway.client().chat.completions.create(model=model, messages=HELLO)
    assert caught.value.status_code == 502
    assert caught.value.body["type"] == "server_error"  # type: ignore[index]


def test_it_passes_the_backends_own_rejection_through(gateway: Gateway) -> None:
    with pytest.raises(openai.BadRequestError) as caught:
        gateway.client().chat.completions.create(model="stub-400", messages=HELLO)
    assert "stub says 400" in str(caught.value)


def test_a_client_that_disconnects_cancels_the_upstream_request(gateway: Gateway) -> None:
    before = stub_state(gateway)["cancelled"]
    stream = gateway.client().chat.completions.create(model="stub-slowstream", messages=HELLO, stream=True)
    next(iter(stream))
    stream.close()
    deadline = time.monotonic() + 5
    while stub_state(gateway)["cancelled"] == before and time.monotonic() < deadline:
        time.sleep(0.1)
    assert stub_state(gateway)["cancelled"] == before + 1
