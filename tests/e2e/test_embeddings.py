"""``/v1/embeddings`` with a real embedding model (all-MiniLM-L6-v2 on vLLM's pooling runner),
through the gateway, with the official openai client and LangChain, as a RAG app would use it."""

from __future__ import annotations

import base64
import json
import math
import struct
import sys
import time

import httpx2 as httpx
import openai
import pytest

from tests.e2e.conftest import EMBEDDING_MODEL, MODEL, Embedder

pytestmark = pytest.mark.e2e

DIMENSIONS = 384
CAT = "The cat sat on the mat."
KITTEN = "A kitten was sitting on the rug."
MARKETS = "Quarterly bond yields rose after the central bank's statement."


def cosine(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True))


def norm(v: list[float]) -> float:
    return math.sqrt(sum(x * x for x in v))


def test_the_openai_client_gets_unit_vectors_that_separate_meaning(embedder: Embedder) -> None:
    answer = embedder.client().embeddings.create(model=EMBEDDING_MODEL, input=[CAT, KITTEN, MARKETS])
    assert answer.model == EMBEDDING_MODEL
    assert [d.index for d in answer.data] == [0, 1, 2]
    cat, kitten, markets = (d.embedding for d in answer.data)
    for vector in (cat, kitten, markets):
        assert len(vector) == DIMENSIONS
        assert abs(norm(vector) - 1.0) < 1e-4
    assert cosine(cat, kitten) > cosine(cat, markets) + 0.2
    assert cosine(cat, kitten) > cosine(kitten, markets) + 0.2
    assert answer.usage.prompt_tokens > 0
    assert answer.usage.total_tokens == answer.usage.prompt_tokens


def test_float_and_base64_encodings_carry_the_same_vector(embedder: Embedder) -> None:
    url = f"{embedder.stack.url}/v1/embeddings"
    headers = {"Authorization": f"Bearer {embedder.key}"}
    floats = httpx.post(
        url, headers=headers, json={"model": EMBEDDING_MODEL, "input": CAT, "encoding_format": "float"}
    )
    packed = httpx.post(
        url, headers=headers, json={"model": EMBEDDING_MODEL, "input": CAT, "encoding_format": "base64"}
    )
    assert floats.status_code == packed.status_code == 200
    as_floats = floats.json()["data"][0]["embedding"]
    raw = base64.b64decode(packed.json()["data"][0]["embedding"])
    as_base64 = list(struct.unpack(f"<{len(raw) // 4}f", raw))
    assert len(as_floats) == len(as_base64) == DIMENSIONS
    assert max(abs(a - b) for a, b in zip(as_floats, as_base64, strict=True)) < 1e-6


def test_the_gateway_returns_what_the_backend_computes(embedder: Embedder) -> None:
    direct = openai.OpenAI(base_url=f"{embedder.vllm_url}/v1", api_key="unused", max_retries=0)
    through = embedder.client().embeddings.create(model=EMBEDDING_MODEL, input=[CAT, MARKETS])
    # The backend's own name for the model is the registered one (`airlock vllm serve`).
    straight = direct.embeddings.create(model=EMBEDDING_MODEL, input=[CAT, MARKETS])
    for a, b in zip(through.data, straight.data, strict=True):
        assert max(abs(x - y) for x, y in zip(a.embedding, b.embedding, strict=True)) < 1e-6


def test_a_batch_of_token_arrays_is_embedded_too(embedder: Embedder) -> None:
    answer = embedder.client().embeddings.create(
        model=EMBEDDING_MODEL, input=[[101, 4937, 102], [101, 3899, 102]]
    )
    assert len(answer.data) == 2
    assert answer.usage.prompt_tokens == 6


def test_langchain_openai_embeddings_work_unchanged(embedder: Embedder) -> None:
    from langchain_openai import OpenAIEmbeddings

    embeddings = OpenAIEmbeddings(
        model=EMBEDDING_MODEL,
        base_url=f"{embedder.stack.url}/v1",
        api_key=embedder.key,  # type: ignore[arg-type]
        max_retries=0,
        # LangChain would otherwise count tokens with tiktoken, which downloads its tables from the
        # internet on first use; the appliance is air-gapped and vLLM counts the tokens anyway.
        check_embedding_ctx_length=False,
    )
    documents = embeddings.embed_documents([CAT, MARKETS])
    query = embeddings.embed_query(KITTEN)
    assert len(query) == DIMENSIONS
    assert cosine(query, documents[0]) > cosine(query, documents[1])


def test_an_embedding_request_is_audited_with_its_input_tokens(embedder: Embedder) -> None:
    raw = embedder.client().embeddings.with_raw_response.create(model=EMBEDDING_MODEL, input=[CAT, KITTEN])
    request_id = raw.headers["x-request-id"]
    tokens = raw.parse().usage.prompt_tokens
    code = (
        "import json; from audit.models import AuditRecord; "
        f"print(json.dumps([[r.event, r.body] for r in AuditRecord.objects.filter(request_id={request_id!r})"
        ".order_by('seq')]))"
    )
    records = json.loads(embedder.stack.airlock("shell", "-c", code).stdout.strip().splitlines()[-1])
    events = [event for event, _ in records]
    assert events == ["inference.request", "inference.response"], events
    response = json.loads(records[1][1])["meta"]
    assert response["endpoint"] == "embeddings"
    assert response["model"] == EMBEDDING_MODEL
    assert response["usage"]["prompt_tokens"] == tokens
    assert response["status"] == 200 and response["outcome"] == "completed"


def test_a_token_quota_counts_the_input_tokens_of_embeddings(embedder: Embedder) -> None:
    stack = embedder.stack
    stack.airlock("apps", "create", "e2e-embed-small", "--models", EMBEDDING_MODEL)
    stack.airlock("usage", "limits", "set", "e2e-embed-small", "--tpm", "40")
    key = stack.airlock("keys", "create", "e2e-embed-small", "--quiet").stdout.strip()
    client = embedder.client(key=key)

    small = client.embeddings.create(model=EMBEDDING_MODEL, input="hello")
    assert small.data
    with pytest.raises(openai.RateLimitError) as caught:
        client.embeddings.create(model=EMBEDDING_MODEL, input=[MARKETS] * 6)
    assert "tokens per minute" in str(caught.value)


def test_the_wrong_kind_of_model_is_refused_clearly(embedder: Embedder) -> None:
    stack = embedder.stack
    stack.airlock("apps", "create", "e2e-both", "--models", f"{MODEL},{EMBEDDING_MODEL}")
    key = stack.airlock("keys", "create", "e2e-both", "--quiet").stdout.strip()
    client = embedder.client(key=key)
    with pytest.raises(openai.BadRequestError) as chat_for_embedding:
        client.chat.completions.create(
            model=EMBEDDING_MODEL, messages=[{"role": "user", "content": "hi"}], max_tokens=5
        )
    assert "embedding" in str(chat_for_embedding.value)
    with pytest.raises(openai.BadRequestError) as embedding_of_chat:
        client.embeddings.create(model=MODEL, input="hi")
    assert "chat" in str(embedding_of_chat.value)


def test_the_gateway_keeps_most_of_the_backends_embedding_throughput(embedder: Embedder) -> None:
    """Batches of 32 texts, alternately through the gateway and straight to vLLM (figures on stderr)."""
    texts = [f"Document {i}: the quarterly report of team {i % 7} mentions {CAT}" for i in range(32)]
    through = embedder.client()
    direct = openai.OpenAI(base_url=f"{embedder.vllm_url}/v1", api_key="unused", max_retries=0)
    spent = {"gateway": 0.0, "direct": 0.0}
    rounds = 8
    for _ in range(rounds):
        for name, client in (("gateway", through), ("direct", direct)):
            started = time.perf_counter()
            answer = client.embeddings.create(model=EMBEDDING_MODEL, input=texts, encoding_format="float")
            spent[name] += time.perf_counter() - started
            assert len(answer.data) == len(texts)
    rate = {name: rounds * len(texts) / seconds for name, seconds in spent.items()}
    sys.stderr.write(
        f"\nembeddings, batches of 32: gateway {rate['gateway']:.0f} texts/s, "
        f"direct {rate['direct']:.0f} texts/s\n"
    )
    assert rate["gateway"] > 0.5 * rate["direct"], rate
