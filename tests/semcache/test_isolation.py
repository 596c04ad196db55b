"""No application is ever served another's cached answer: 10,000 identical and near-identical
questions asked by four applications after a fifth cached them, through the real lookup path
(``semcache.service.lookup``: settings, partition, in-memory index, database fetch and
decryption). Only the embedding is replaced by a fast character-trigram one, so the test runs
in seconds; the threshold is set to its lowest (0.5) so that a partition leak could not hide
behind it. The same questions from the owning application hit — the control that shows the
test can see a hit at all.
"""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

import numpy as np
import orjson
import pytest

from inference import routing, services
from inference.auth import authenticate
from inference.views import Exchange
from semcache import actions, guard, keys, service

pytestmark = pytest.mark.django_db(transaction=True)

SUBJECTS = ("invoice", "appointment", "dosage", "contract", "password", "refund", "shipment", "diagnosis")
VERBS = ("When is my", "How do I change my", "Who approved the", "Can you summarise the", "Why was the")


def questions() -> list[str]:
    found = []
    for i in range(500):
        verb = VERBS[i % len(VERBS)]
        subject = SUBJECTS[(i // len(VERBS)) % len(SUBJECTS)]
        found.append(f"{verb} {subject} for case {i} of client Acme?")
    return found


def near(question: str) -> list[str]:
    """Four near-identical forms: case, spacing, punctuation, a filler word."""
    return [
        question[0].lower() + question[1:],
        "  " + question.replace(" ", "  ") + " ",
        question.rstrip("?") + " ?",
        "Please, " + question[0].lower() + question[1:],
    ]


def trigram_vector(text: str) -> np.ndarray:
    vector = np.zeros(384, dtype=np.float32)
    folded = f"  {text.lower()}  "
    for i in range(len(folded) - 2):
        digest = hashlib.blake2b(folded[i : i + 3].encode(), digest_size=4).digest()
        vector[int.from_bytes(digest, "big") % 384] += 1.0
    return vector / max(float(np.linalg.norm(vector)), 1e-9)


async def _lookup(authorization: str, content: str, plan: routing.Plan) -> service.Probe:
    exchange = Exchange(request_id="req_isolation", endpoint="chat/completions")
    exchange.caller = await authenticate(authorization)
    exchange.model = "stub"
    body = {"model": "stub", "messages": [{"role": "user", "content": content}], "temperature": 0}
    exchange.body = body
    return await service.lookup(exchange, body, plan, {})


async def test_no_application_is_served_another_application_s_entries(
    monkeypatch: pytest.MonkeyPatch, stub_upstream: str
) -> None:
    from asgiref.sync import sync_to_async

    monkeypatch.setattr(service, "_embed_one", lambda text: ("trigrams", trigram_vector(text)))
    service.forget_partitions()

    @sync_to_async
    def setup() -> tuple[list[str], routing.Plan]:
        backend = services.do_register_backend("stub", stub_upstream)
        folder = Path(tempfile.mkdtemp(prefix="weights-"))
        (folder / "model.safetensors.stub").write_bytes(b"stub")
        version = services.do_register_model_version("stub", folder)
        deployment = services.do_deploy(version, backend, served_name="stub")
        tokens = []
        for name in ("owner", "tenant-b", "tenant-c", "tenant-d", "tenant-e"):
            app = services.do_create_application(name, allowed_models=["stub"])
            actions.do_set_cache_settings(app, enabled=True, threshold=0.5, share_across_users=True)
            tokens.append("Bearer " + services.do_create_api_key(app, name="k").plaintext)
        target = routing.Target(
            deployment_id=deployment.pk,
            backend_id=backend.pk,
            backend_name=backend.name,
            base_url=backend.base_url,
            served_name="stub",
            model_version_id=version.pk,
            version=version.version,
            weight=1,
            model="stub",
        )
        return tokens, routing.Plan(local=[target])

    tokens, plan = await setup()
    owner, others = tokens[0], tokens[1:]
    owner_caller = await authenticate(owner)

    # The owner's 500 answers, stored as the gateway stores them.
    @sync_to_async
    def store(items: list[str]) -> None:
        for i, text in enumerate(items):
            body = {"model": "stub", "messages": [{"role": "user", "content": text}], "temperature": 0}
            question = keys.question_of("chat/completions", body)
            assert isinstance(question, keys.Question)
            partition = keys.partition_of(
                owner_caller.application_id,
                "stub",
                f"local:{plan.local[0].model_version_id}",
                "",
                "chat/completions",
                question,
                "trigrams",
            )
            service.store_entry(
                {
                    "application_id": owner_caller.application_id,
                    "partition": partition,
                    "model": "stub",
                    "model_version": f"local:{plan.local[0].model_version_id}",
                    "subject": "",
                    "text_hash": keys.text_hash(partition, question.text),
                    "guard": keys.text_hash(partition, "guard|" + guard.signature(question.text)),
                    "vector": trigram_vector(question.text),
                    "plain": orjson.dumps(
                        {
                            "answer": {"choices": [{"message": {"content": f"secret {i}"}}]},
                            "raw": "{}",
                            "order": service.word_order(question.text),
                        }
                    ),
                    "prompt_tokens": 1,
                    "completion_tokens": 1,
                    "source_request_id": f"req_owner_{i}",
                    "ttl_seconds": 3600,
                    "max_entries": 10_000,
                }
            )

    asked = questions()
    await store(asked)

    cross_hits = 0
    looked_up = 0
    for authorization in others:
        for text in asked:
            for variant in [text, *near(text)]:
                probe = await _lookup(authorization, variant, plan)
                assert probe.cacheable, probe.reason  # the search really ran
                looked_up += 1
                cross_hits += probe.hit is not None
    assert looked_up == 10_000
    assert cross_hits == 0

    # The control: the owner's own identical and near-identical questions do hit.
    own_hits = 0
    for text in asked[:100]:
        for variant in [text, *near(text)]:
            probe = await _lookup(owner, variant, plan)
            own_hits += probe.hit is not None
            if probe.hit is not None:
                assert probe.hit.answer["choices"][0]["message"]["content"].startswith("secret")
    assert own_hits == 500
