"""How a drift run reaches a model: through the gateway as an application, or one version's backend.

The drift job is not on the request path and must not reach into it: through the gateway it is
one more client with an internal API key (so its requests are authenticated, counted and
audited like any other); before a version is promoted it asks that version's backend directly,
since the gateway would route to the default version. Both use the official ``openai`` client,
with temperature 0 so that run-to-run noise is as small as the backend makes it.
"""

from __future__ import annotations

from django.conf import settings

from inference.models import Deployment
from inference.providers import keyfile
from quality.drift import NO_JUDGE, Answer, Embed, Judge, openai_embedder

MAX_TOKENS = 512


class NotConfigured(RuntimeError):
    """The drift job has no way to reach the gateway (AIRLOCK_QUALITY_API_KEY is unset)."""


def _answerer(base_url: str, api_key: str, model: str, *, timeout: float) -> Answer:
    import openai

    client = openai.OpenAI(
        base_url=f"{base_url.rstrip('/')}/v1", api_key=api_key, timeout=timeout, max_retries=2
    )

    def answer(prompt: str) -> str:
        reply = client.chat.completions.create(
            model=model,
            messages=[{"role": "user", "content": prompt}],
            temperature=0,
            max_tokens=MAX_TOKENS,
        )
        return reply.choices[0].message.content or ""

    return answer


def gateway_answerer(model: str, *, timeout: float = 120.0) -> Answer:
    """Ask ``model`` through the gateway (``AIRLOCK_QUALITY_GATEWAY_URL``, ``AIRLOCK_QUALITY_API_KEY``)."""
    if not settings.AIRLOCK_QUALITY_API_KEY:
        raise NotConfigured(
            "set AIRLOCK_QUALITY_API_KEY (or _FILE) to an API key allowed the golden sets' models"
        )
    return _answerer(
        settings.AIRLOCK_QUALITY_GATEWAY_URL, settings.AIRLOCK_QUALITY_API_KEY, model, timeout=timeout
    )


def deployment_answerer(deployment: Deployment, *, timeout: float = 120.0) -> Answer:
    """Ask one deployment's backend directly: the way to run a set against a version not yet routed."""
    backend = deployment.backend
    key = keyfile.read(backend.api_key_file) if backend.api_key_file else "unused"
    return _answerer(backend.base_url, key, deployment.served_name, timeout=timeout)


def configured_embedder() -> Embed | None:
    """The embedding scorer of ``AIRLOCK_QUALITY_EMBEDDING_MODEL`` through the gateway, or None."""
    model = settings.AIRLOCK_QUALITY_EMBEDDING_MODEL
    if not model or not settings.AIRLOCK_QUALITY_API_KEY:
        return None
    return openai_embedder(
        base_url=settings.AIRLOCK_QUALITY_GATEWAY_URL, api_key=settings.AIRLOCK_QUALITY_API_KEY, model=model
    )


def configured_judge() -> tuple[Judge | None, str]:
    """The judge scorer of ``AIRLOCK_QUALITY_JUDGE_MODEL`` through the gateway, or None and why not."""
    from quality import judge

    model = settings.AIRLOCK_QUALITY_JUDGE_MODEL
    if not model:
        return None, NO_JUDGE
    if not settings.AIRLOCK_QUALITY_API_KEY:
        return None, "the judge is asked through the gateway: set AIRLOCK_QUALITY_API_KEY (or _FILE)"
    return judge.golden_scorer(judge.gateway_judge(model)), ""
