"""The cache through /v1 with the official openai client against the stub upstream."""

from __future__ import annotations

import json

import httpx2 as httpx
import orjson
import pytest

from audit.events import Event
from audit.models import AuditRecord
from audit.services import do_erase_subject
from inference.quotas.models import UsageRecord
from semcache import actions
from semcache.models import CacheEntry, CacheHit
from tests.semcache.conftest import Gateway, wait_for, wait_for_entries

QUESTION = "How many days are there in a leap year?"
PARAPHRASE = "How many days does a leap year have?"  # cosine 0.982 under all-MiniLM-L6-v2
TOOLS_A = [{"type": "function", "function": {"name": "get_calendar", "parameters": {"type": "object"}}}]
TOOLS_B = [{"type": "function", "function": {"name": "get_weather", "parameters": {"type": "object"}}}]


def ask(gateway: Gateway, content: str, *, system: str | None = None, **kwargs: object):  # type: ignore[no-untyped-def]
    messages = ([{"role": "system", "content": system}] if system else []) + [
        {"role": "user", "content": content}
    ]
    kwargs.setdefault("temperature", 0)
    return gateway.client().chat.completions.with_raw_response.create(
        model="stub", messages=messages, **kwargs
    )


def upstream_requests(gateway: Gateway) -> int:
    return int(httpx.get(f"{gateway.stub_url}/_stub/state").json()["requests"])


def body_meta(record: AuditRecord) -> dict:
    return orjson.loads(record.body)["meta"]


def test_a_paraphrase_is_answered_from_the_cache_with_its_header_and_audit_record(cached: Gateway) -> None:
    first = ask(cached, QUESTION)
    assert first.headers["x-airlock-cache"] == "miss"
    wait_for_entries(1, application_id=cached.app.pk)
    sent = upstream_requests(cached)

    second = ask(cached, PARAPHRASE)

    assert second.headers["x-airlock-cache"] == "hit"
    assert float(second.headers["x-airlock-cache-similarity"]) >= 0.95
    assert second.parse().choices[0].message.content == first.parse().choices[0].message.content
    assert upstream_requests(cached) == sent  # nothing was forwarded
    entry = CacheEntry.objects.get(application_id=cached.app.pk)
    hit_id = second.headers["x-request-id"]
    wait_for(lambda: AuditRecord.objects.filter(request_id=hit_id, event=Event.INFERENCE_RESPONSE).exists())
    events = {r.event: r for r in AuditRecord.objects.filter(request_id=hit_id)}
    assert {Event.INFERENCE_REQUEST, Event.CACHE_HIT, Event.INFERENCE_RESPONSE} <= set(events)
    hit_record = events[Event.CACHE_HIT]
    assert hit_record.target_type == "cache_entry" and hit_record.target_id == str(entry.pk)
    meta = body_meta(hit_record)
    assert meta["source_request_id"] == first.headers["x-request-id"]
    assert meta["similarity"] >= 0.95 and meta["tokens_saved"] == 26
    assert body_meta(events[Event.INFERENCE_RESPONSE])["served_by"] == f"cache:{entry.pk}"
    # The ledger counts the tokens saved, and no token was used.
    wait_for(lambda: UsageRecord.objects.filter(request_id=hit_id).exists())
    row = UsageRecord.objects.get(request_id=hit_id)
    assert (row.cache_tokens_saved, row.prompt_tokens, row.completion_tokens, row.status) == (26, 0, 0, 200)
    wait_for(lambda: CacheHit.objects.filter(request_id=hit_id).exists())
    figures = actions.stats(cached.app)
    assert figures.hits == 1 and figures.lookups == 2 and figures.tokens_saved == 26


def test_a_streamed_request_gets_a_hit_as_server_sent_events(cached: Gateway) -> None:
    ask(cached, QUESTION)
    wait_for_entries(1)
    stream = cached.client().chat.completions.create(
        model="stub",
        messages=[{"role": "user", "content": PARAPHRASE}],
        temperature=0,
        stream=True,
        stream_options={"include_usage": True},
    )
    chunks = list(stream)
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert text == "".join(f"tok{i} " for i in range(16))
    assert chunks[-1].usage is not None and chunks[-1].usage.total_tokens == 26
    with httpx.stream(
        "POST",
        f"{cached.url}/v1/chat/completions",
        headers={"Authorization": f"Bearer {cached.key}"},
        json={
            "model": "stub",
            "messages": [{"role": "user", "content": PARAPHRASE}],
            "temperature": 0,
            "stream": True,
        },
    ) as response:
        body = response.read().decode()
        assert response.headers["x-airlock-cache"] == "hit"
        assert response.headers["content-type"].startswith("text/event-stream")
    assert body.rstrip().endswith("data: [DONE]")


def test_a_client_can_opt_out_by_field_or_header_and_the_field_is_not_forwarded(cached: Gateway) -> None:
    ask(cached, QUESTION)
    wait_for_entries(1)
    by_field = ask(cached, QUESTION, extra_body={"cache": False})
    assert "x-airlock-cache" not in by_field.headers or by_field.headers["x-airlock-cache"] != "hit"
    forwarded = json.loads(httpx.get(f"{cached.stub_url}/_stub/state").json()["bodies"][-1])
    assert "cache" not in forwarded
    by_header = ask(cached, QUESTION, extra_headers={"x-airlock-cache": "off"})
    assert by_header.headers["x-airlock-cache"] == "skip"
    assert ask(cached, QUESTION).headers["x-airlock-cache"] == "hit"  # the control


def test_a_request_that_is_not_deterministic_is_neither_stored_nor_served(cached: Gateway) -> None:
    first = ask(cached, QUESTION, temperature=0.7)
    assert first.headers["x-airlock-cache"] == "skip"
    assert ask(cached, QUESTION, temperature=0.7).headers["x-airlock-cache"] == "skip"
    ask(cached, QUESTION, temperature=0)
    wait_for_entries(1)
    assert CacheEntry.objects.count() == 1
    # A seed makes a request deterministic too, but it is another sampling parameter: no hit.
    assert ask(cached, QUESTION, temperature=0.7, seed=7).headers["x-airlock-cache"] == "miss"


def test_a_different_system_prompt_or_tool_list_or_earlier_turn_gets_no_hit(cached: Gateway) -> None:
    ask(cached, QUESTION, system="You are a calendar assistant.", tools=TOOLS_A, tool_choice="none")
    wait_for_entries(1)
    assert (
        ask(cached, QUESTION, system="You are a tax adviser.", tools=TOOLS_A, tool_choice="none").headers[
            "x-airlock-cache"
        ]
        == "miss"
    )
    assert (
        ask(
            cached, QUESTION, system="You are a calendar assistant.", tools=TOOLS_B, tool_choice="none"
        ).headers["x-airlock-cache"]
        == "miss"
    )
    assert ask(cached, QUESTION, system="You are a calendar assistant.").headers["x-airlock-cache"] == "miss"
    same = ask(cached, PARAPHRASE, system="You are a calendar assistant.", tools=TOOLS_A, tool_choice="none")
    assert same.headers["x-airlock-cache"] == "hit"  # the control: everything else equal
    turns = [
        {"role": "user", "content": "I live in Paris."},
        {"role": "assistant", "content": "Noted."},
        {"role": "user", "content": QUESTION},
    ]
    client = cached.client()
    client.chat.completions.create(model="stub", messages=turns, temperature=0)
    wait_for_entries(5)  # the first, the three misses and this one
    other = [{**turns[0], "content": "I live in Rome."}, *turns[1:]]
    raw = client.chat.completions.with_raw_response.create(model="stub", messages=other, temperature=0)
    assert raw.headers["x-airlock-cache"] == "miss"
    raw = client.chat.completions.with_raw_response.create(model="stub", messages=turns, temperature=0)
    assert raw.headers["x-airlock-cache"] == "hit"


def test_swapped_units_are_not_served_the_other_question_s_answer(cached: Gateway) -> None:
    ask(cached, "Convert 5 miles to kilometres")
    wait_for_entries(1)
    # all-MiniLM-L6-v2 puts these two at cosine 0.993; the guard on units and their order refuses it.
    assert ask(cached, "Convert 5 kilometres to miles").headers["x-airlock-cache"] == "miss"
    assert ask(cached, "Convert 6 miles to kilometres").headers["x-airlock-cache"] == "miss"


def test_entities_that_changed_places_are_not_served_the_other_question_s_answer(cached: Gateway) -> None:
    ask(cached, "Can the tenant sue the landlord for the deposit?")
    wait_for_entries(1)
    # Cosine 0.99, and the same numbers, names and negations: only the word order differs.
    assert (
        ask(cached, "Can the landlord sue the tenant for the deposit?").headers["x-airlock-cache"] == "miss"
    )
    # The control: the same question reworded a little does hit.
    assert ask(cached, "Can the tenant sue the landlord for a deposit?").headers["x-airlock-cache"] == "hit"


def test_a_wrong_answer_report_by_the_application_evicts_the_entry(cached: Gateway) -> None:
    ask(cached, QUESTION)
    wait_for_entries(1)
    hit = ask(cached, PARAPHRASE)
    assert hit.headers["x-airlock-cache"] == "hit"
    request_id = hit.headers["x-request-id"]
    wait_for(lambda: CacheHit.objects.filter(request_id=request_id).exists())
    feedback = f"{cached.url}/api/cache/feedback/"
    assert httpx.post(feedback, json={"request_id": request_id}).status_code == 401
    from inference import services

    other_app = services.do_create_application("other-app", allowed_models=["stub"])
    other_key = services.do_create_api_key(other_app, name="t").plaintext
    refused = httpx.post(
        feedback, json={"request_id": request_id}, headers={"Authorization": f"Bearer {other_key}"}
    )
    assert refused.status_code == 404  # another application's request is not found
    assert CacheEntry.objects.count() == 1

    answer = httpx.post(
        feedback,
        json={"request_id": request_id, "reason": "wrong year"},
        headers={"Authorization": f"Bearer {cached.key}"},
    )

    assert answer.status_code == 201 and answer.json()["evicted"] is True
    assert CacheEntry.objects.count() == 0
    assert CacheHit.objects.get(request_id=request_id).reported_wrong_at is not None
    record = AuditRecord.objects.get(event=Event.CACHE_WRONG_REPORTED)
    assert record.request_id == request_id and body_meta(record)["reason"] == "wrong year"
    assert ask(cached, PARAPHRASE).headers["x-airlock-cache"] == "miss"


def test_erasing_a_data_subject_removes_their_cache_entries(cached: Gateway, compliance_officer) -> None:  # type: ignore[no-untyped-def]
    ask(cached, QUESTION, user="patient-7")
    ask(cached, QUESTION, user="patient-8")
    wait_for_entries(2)
    # An answer to one end user is not served to another (share_across_users is off).
    assert ask(cached, QUESTION, user="patient-9").headers["x-airlock-cache"] == "miss"
    assert ask(cached, QUESTION, user="patient-7").headers["x-airlock-cache"] == "hit"
    wait_for_entries(3)

    do_erase_subject("patient-7", actor=compliance_officer, reason="Art. 17 request")

    assert CacheEntry.objects.filter(subject__startswith="ps_").count() == 2
    assert ask(cached, QUESTION, user="patient-7").headers["x-airlock-cache"] == "miss"
    assert ask(cached, QUESTION, user="patient-8").headers["x-airlock-cache"] == "hit"


def test_an_application_without_the_cache_gets_no_header_and_stores_nothing(gateway: Gateway) -> None:
    answer = ask(gateway, QUESTION)
    assert "x-airlock-cache" not in answer.headers
    assert CacheEntry.objects.count() == 0


@pytest.mark.parametrize("key", ["wrong", None])
def test_a_hit_never_skips_the_key_check(cached: Gateway, key: str | None) -> None:
    ask(cached, QUESTION)
    wait_for_entries(1)
    headers = {"Authorization": f"Bearer air-{key}"} if key else {}
    answer = httpx.post(
        f"{cached.url}/v1/chat/completions",
        headers=headers,
        json={"model": "stub", "messages": [{"role": "user", "content": QUESTION}], "temperature": 0},
    )
    assert answer.status_code == 401 and "x-airlock-cache" not in answer.headers


def test_a_new_model_version_drops_the_old_version_s_entries_and_answers_afresh(cached: Gateway) -> None:
    import tempfile
    from pathlib import Path

    from inference import services
    from inference.models import Deployment

    ask(cached, QUESTION)
    wait_for_entries(1)
    old = cached.versions["stub"]
    assert CacheEntry.objects.get().model_version == f"local:{old.pk}"
    folder = Path(tempfile.mkdtemp(prefix="weights-"))
    (folder / "model.safetensors.stub").write_bytes(b"stub v2")
    new = services.do_register_model_version("stub", folder)
    services.do_deploy(new, cached.backend, served_name="stub")
    services.do_set_default_version(new)
    services.do_undeploy(Deployment.objects.get(model_version=old))

    answer = ask(cached, QUESTION)

    assert answer.headers["x-airlock-cache"] == "miss"  # the new version answers, not the old cache
    wait_for(lambda: not CacheEntry.objects.filter(model_version=f"local:{old.pk}").exists())
    wait_for_entries(1, model_version=f"local:{new.pk}")
