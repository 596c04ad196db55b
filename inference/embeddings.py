"""Which endpoint a local model answers: a chat model /v1/chat/completions and /v1/completions,
an embedding model /v1/embeddings (``Model.kind``).

vLLM runs one runner per process, so sending a chat request to an embedding model (or the other
way round) would reach a backend that cannot answer it and come back as an obscure error (vLLM
answers 404 for an endpoint its runner does not serve, which the gateway must report as a bad
gateway). Refusing it here with a 400 that says what the model is for is what a client needs.
"""

from __future__ import annotations

from inference import database
from inference.errors import ApiError
from inference.hotcache import HotCache
from inference.models import Model

EMBEDDING_ENDPOINTS = frozenset({"embeddings"})

_cache: HotCache[frozenset[str]] = HotCache(max_entries=1)


async def _load() -> frozenset[str]:
    names = Model.objects.filter(kind=Model.Kind.EMBEDDING).values_list("name", flat=True)
    return frozenset([name async for name in names])


async def embedding_models() -> frozenset[str]:
    """Names of the embedding models, cached like the routing table (dropped when the epoch moves)."""
    current = _cache.get("embedding")
    if current is None:
        current = await database.retrying(_load)
        _cache.put("embedding", current)
    return current


def check_kind(endpoint: str, model: str, embedding: frozenset[str]) -> None:
    """Raise the 400 for a request the model's kind cannot answer."""
    if endpoint in EMBEDDING_ENDPOINTS and model not in embedding:
        raise ApiError(
            400,
            f"The model '{model}' is a chat model; /v1/embeddings needs an embedding model.",
            param="model",
            code="wrong_model_kind",
        )
    if endpoint not in EMBEDDING_ENDPOINTS and model in embedding:
        raise ApiError(
            400,
            f"The model '{model}' is an embedding model; use it with /v1/embeddings.",
            param="model",
            code="wrong_model_kind",
        )
