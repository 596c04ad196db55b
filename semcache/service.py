"""Step 3 of the request path: look a request up in its application's cache, serve a hit, and
remember a fresh answer.

``lookup`` runs after the key, the model permission and the quota reservation (steps 1-2), so a
hit never skips them; ``serve`` writes the request's audit records like any answer — the
request record first (fail-closed), a ``cache.hit`` record naming the entry it came from, then
the outcome — and only then releases the answer, with ``x-airlock-cache: hit`` and the
similarity. ``remember`` stores a fresh, successful answer in the background: a streamed one
once its stream has ended normally (never after a client hung up or an error event).

The embedding (all-MiniLM-L6-v2, ``semcache.encoder``) runs in a thread of its own
and database work in another, never on the event loop. Nothing here may fail a request: a
cache that cannot work is a miss, logged.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import threading
import time
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np
import orjson
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import close_old_connections, connections
from django.db.models import F
from django.utils import timezone

from audit import envelope, keyring
from audit.events import Event
from audit.models import DataKey
from inference import routing
from inference.errors import Reply
from inference.hotcache import HotCache
from semcache import encoder, guard, keys
from semcache.index import Match, Partition
from semcache.models import CacheEntry, CacheHit, CacheLookup, CacheSettings

if TYPE_CHECKING:
    from inference.views import Exchange

log = logging.getLogger("airlock.cache")

T = TypeVar("T")
HEADER = b"x-airlock-cache"
SIMILARITY_HEADER = b"x-airlock-cache-similarity"
ENTRY_HEADER = b"x-airlock-cache-entry"

_embedder = ThreadPoolExecutor(max_workers=1, thread_name_prefix="cache-embed")
_database = ThreadPoolExecutor(max_workers=1, thread_name_prefix="cache-db")
_background: set[asyncio.Future[Any]] = set()
_partitions: dict[tuple[int, str], Partition] = {}
_settings: HotCache[Snapshot | str] = HotCache(max_entries=10_000)
_OFF = "off"
_counts: dict[tuple[int, dt.date], list[int]] = {}
_counts_lock = threading.Lock()
_last_flush = 0.0
_encoder_broken: list[str] = []
_seen_table: list[object] = []
_IDLE_SECONDS = 600.0


@dataclass(frozen=True)
class Snapshot:
    """An application's cache settings as the request path needs them."""

    application_id: int
    threshold: float
    ttl_seconds: int
    max_entries: int
    allow_nondeterministic: bool
    share_across_users: bool


@dataclass
class Found:
    """A cache hit: the entry, its similarity, and the answer it holds."""

    entry_id: int
    similarity: float
    threshold: float
    answer: dict[str, Any]
    raw: bytes
    prompt_tokens: int
    completion_tokens: int
    source_request_id: str
    model_version: str
    order: list[str] | None = None


@dataclass
class Probe:
    """What ``lookup`` learnt about a request; ``remember`` stores its answer with it."""

    cacheable: bool = False
    reason: str = ""
    enabled: bool = False
    settings: Snapshot | None = None
    question: keys.Question | None = None
    subject: str = ""
    version: str = ""
    partition: str = ""
    digest: str = ""
    guard: str = ""
    space: str = ""
    order: list[str] = field(default_factory=list)
    vector: np.ndarray | None = None
    hit: Found | None = None
    extras: dict[str, Any] = field(default_factory=dict)


# --- Threads ---


def _database_executor() -> ThreadPoolExecutor:
    # SQLite has one write lock per database: share the audit writer's thread, as the usage
    # ledger does, rather than wait for each other in the busy handler.
    if connections["default"].vendor == "sqlite":
        from audit import log as audit_log

        return audit_log._executor
    return _database


def _in_db_thread(fn: Callable[..., T], *args: Any) -> asyncio.Future[T]:
    sqlite = connections["default"].vendor == "sqlite"

    def run() -> T:
        close_old_connections()
        try:
            return fn(*args)
        finally:
            if not sqlite:
                # No connection is left idle in this thread (a PostgreSQL test database
                # with a session open cannot be dropped, and a gateway needs none between calls).
                connections.close_all()

    return asyncio.get_running_loop().run_in_executor(_database_executor(), run)


def _spawn(work: Any) -> None:
    task = asyncio.ensure_future(work)
    _background.add(task)
    task.add_done_callback(_finished)


def _finished(task: asyncio.Future[Any]) -> None:
    _background.discard(task)
    if not task.cancelled() and task.exception() is not None:
        log.error("semantic cache background work failed: %r", task.exception())


def word_order(text: str) -> list[str]:
    """The question's content tokens in order, as keyed hashes, with the clause marks as they are
    (``guard.same_order`` compares them; kept inside the entry's encrypted content, never as words)."""
    return [
        word if word in (guard.MARK, guard.LINK) else keys.text_hash("order", word)[:16]
        for word in guard.content_words(text)
    ]


def _embed_one(text: str) -> tuple[str, np.ndarray | None]:
    """The encoder's name and precision, and the question's vector: None when the question is
    longer than the model reads (exact match only)."""
    model = encoder.encoder()
    guard.load()  # the guard's vocabulary, read once, here rather than on the event loop
    if not model.fits(text):
        return model.space, None
    return model.space, model.embed_one(text)


# --- Settings ---


def _load_settings(application_id: int) -> Snapshot | None:
    row = CacheSettings.objects.filter(application_id=application_id, enabled=True).first()
    if row is None:
        return None
    return Snapshot(
        application_id=application_id,
        threshold=row.effective_threshold,
        ttl_seconds=row.ttl_seconds,
        max_entries=row.max_entries,
        allow_nondeterministic=row.allow_nondeterministic,
        share_across_users=row.share_across_users,
    )


async def settings_of(application_id: int) -> Snapshot | None:
    """The application's cache settings (None: caching off), cached until the epoch moves."""
    key = str(application_id)
    cached = _settings.get(key)
    if cached is None:
        loaded = await _in_db_thread(_load_settings, application_id)
        cached = loaded if loaded is not None else _OFF
        _settings.put(key, cached)
    return cached if isinstance(cached, Snapshot) else None


# --- Lookup ---


def version_of(plan: routing.Plan) -> str:
    """The model version a request would be answered by: the plan's first target."""
    if plan.first is not None:
        return f"external:{plan.first.provider_id}:{plan.first.remote_name}"
    if plan.local:
        return f"local:{plan.local[0].model_version_id}"
    if plan.fallback is not None:
        return f"external:{plan.fallback.provider_id}:{plan.fallback.remote_name}"
    return ""


def _answered_version(exchange: Exchange) -> str:
    if exchange.external is not None:
        return f"external:{exchange.external.provider_id}:{exchange.external.remote_name}"
    if exchange.target is not None:
        return f"local:{exchange.target.model_version_id}"
    return ""


def _read_partition(
    application_id: int, partition: str, since: int
) -> list[tuple[int, bytes | None, str, float, str]]:
    rows = (
        CacheEntry.objects.filter(
            application_id=application_id, partition=partition, pk__gt=since, expires_at__gt=timezone.now()
        )
        .order_by("pk")
        .values_list("pk", "vector", "text_hash", "expires_at", "guard")
    )
    return [(pk, bytes(v) if v is not None else None, h, e.timestamp(), g) for pk, v, h, e, g in rows]


def _vector(raw: bytes | None) -> np.ndarray | None:
    return np.frombuffer(raw, dtype=np.float32).copy() if raw else None


async def _partition(application_id: int, partition: str) -> Partition:
    key = (application_id, partition)
    found = _partitions.get(key)
    if found is None:
        found = _partitions[key] = Partition()
    found.used = time.monotonic()
    if found.used - found.refreshed >= settings.AIRLOCK_CACHE_REFRESH_SECONDS:
        rows = await _in_db_thread(_read_partition, application_id, partition, found.since)
        found.add(
            [r[0] for r in rows],
            [_vector(r[1]) for r in rows],
            [r[2] for r in rows],
            [r[3] for r in rows],
            [r[4] for r in rows],
        )
        found.refreshed = time.monotonic()
    return found


def _decrypt(application_id: int, partition: str, entry_id: int) -> tuple[dict[str, Any], bytes, Any] | None:
    """The entry's answer, or None when it is gone, expired, or its key was shredded."""
    row = CacheEntry.objects.filter(pk=entry_id, application_id=application_id, partition=partition).first()
    if row is None or row.expires_at <= timezone.now():
        return None
    data_key = DataKey.objects.filter(key_id=row.key_id).first()
    if data_key is None:
        return None
    try:
        plain = envelope.decrypt(envelope.load(data_key), _aad(row), row.key_id, bytes(row.content))
    except envelope.ContentUnavailable:
        CacheEntry.objects.filter(pk=row.pk).delete()
        return None
    stored = orjson.loads(plain)
    return stored, plain, row


def _aad(row: CacheEntry) -> str:
    # Binds the ciphertext to its application, partition and source request: moved to another
    # tenant's row, it does not decrypt.
    return f"cache:{row.application_id}:{row.partition}:{row.source_request_id}"


def _count(application_id: int, hit: bool) -> None:
    with _counts_lock:
        counts = _counts.setdefault((application_id, timezone.now().date()), [0, 0])
        counts[0] += 1
        counts[1] += int(hit)


def flush_counts() -> None:
    """Add this worker's lookup and hit counts to the table (``CacheLookup``)."""
    with _counts_lock:
        pending = dict(_counts)
        _counts.clear()
    for (application_id, day), (lookups, hits) in pending.items():
        row, _ = CacheLookup.objects.get_or_create(application_id=application_id, day=day)
        CacheLookup.objects.filter(pk=row.pk).update(lookups=F("lookups") + lookups, hits=F("hits") + hits)


def _maybe_flush() -> None:
    global _last_flush
    if time.monotonic() - _last_flush < 2.0:
        return
    _last_flush = time.monotonic()
    _spawn(_in_db_thread(flush_counts))


async def lookup(
    exchange: Exchange, body: dict[str, Any], plan: routing.Plan, headers: dict[str, str]
) -> Probe:
    """Whether the request is cacheable and, if so, the best entry at or above the threshold.

    Always strips the ``cache`` extension field from ``body`` (it is never forwarded).
    """
    opted_out = keys.opted_out(body, headers)
    body.pop("cache", None)
    caller = exchange.caller
    if caller is None or exchange.model is None:
        return Probe(reason="no caller")
    try:
        return await _lookup(exchange, body, plan, opted_out)
    except asyncio.CancelledError:
        raise
    except ImproperlyConfigured as exc:
        if not _encoder_broken:
            log.error("semantic cache disabled: %s", exc)
            _encoder_broken.append(str(exc))
        return Probe(reason="cache unavailable")
    except Exception:
        log.exception("cache lookup of %s failed; treated as a miss", exchange.request_id)
        return Probe(reason="cache error")


async def _lookup(exchange: Exchange, body: dict[str, Any], plan: routing.Plan, opted_out: bool) -> Probe:
    caller = exchange.caller
    assert caller is not None and exchange.model is not None  # noqa: S101 - checked by lookup
    await _notice_table_change()
    snapshot = await settings_of(caller.application_id)
    if snapshot is None:
        return Probe(reason="off")
    probe = Probe(enabled=True, settings=snapshot)
    if opted_out:
        probe.reason = "opted out"
        return probe
    if not snapshot.allow_nondeterministic and not keys.deterministic(body):
        probe.reason = "not deterministic"
        return probe
    question = keys.question_of(exchange.endpoint, body)
    if isinstance(question, str):
        probe.reason = question
        return probe
    user = body.get("user")
    probe.subject = keyring.pseudonym(user) if isinstance(user, str) and user else ""
    probe.question = question
    probe.version = version_of(plan)
    loop = asyncio.get_running_loop()
    probe.space, probe.vector = await loop.run_in_executor(_embedder, _embed_one, question.text)
    probe.partition = keys.partition_of(
        caller.application_id,
        exchange.model,
        probe.version,
        "" if snapshot.share_across_users else probe.subject,
        exchange.endpoint,
        question,
        probe.space,
    )
    probe.digest = keys.text_hash(probe.partition, question.text)
    probe.guard = keys.text_hash(probe.partition, "guard|" + guard.signature(question.text))
    probe.order = word_order(question.text)
    probe.cacheable = True
    partition = await _partition(caller.application_id, probe.partition)
    for match in partition.candidates(probe.vector, probe.digest, probe.guard, snapshot.threshold):
        found = await _fetch(caller.application_id, probe.partition, match, snapshot.threshold)
        if found is None:
            partition.discard(match.entry_id)
            continue
        if found.order is None or not guard.same_order(probe.order, found.order):
            continue  # the same words in another order: entities that changed places
        probe.hit = found
        break
    _count(caller.application_id, probe.hit is not None)
    _maybe_flush()
    return probe


async def _fetch(application_id: int, partition: str, match: Match, threshold: float) -> Found | None:
    opened = await _in_db_thread(_decrypt, application_id, partition, match.entry_id)
    if opened is None:
        return None
    stored, _, row = opened
    return Found(
        entry_id=match.entry_id,
        similarity=match.similarity,
        threshold=threshold,
        answer=stored["answer"],
        raw=stored["raw"].encode(),
        prompt_tokens=row.prompt_tokens,
        completion_tokens=row.completion_tokens,
        source_request_id=row.source_request_id,
        model_version=row.model_version,
        order=stored.get("order"),
    )


async def _notice_table_change() -> None:
    """When the routing table was reloaded (a version or deployment changed), drop this
    worker's partitions of versions no longer routed; the sweep deletes their rows."""
    table = await routing.table()
    if _seen_table and _seen_table[0] is table:
        return
    _seen_table[:] = [table]
    # Partitions of a version no longer routed are never looked up again (the version is
    # part of their key): copies idle for a while are dropped from memory.
    now = time.monotonic()
    for key, part in list(_partitions.items()):
        if now - part.used > _IDLE_SECONDS:
            del _partitions[key]
    _spawn(_in_db_thread(delete_stale_versions))


def live_versions() -> set[str]:
    """The versions requests may be answered by: those with an active deployment (healthy or
    not, draining or not: a blip must not empty the cache), and every external model."""
    from inference.models import Deployment, Model

    found = {
        f"local:{pk}"
        for pk in Deployment.objects.filter(is_active=True).values_list("model_version_id", flat=True)
    }
    for model in Model.objects.filter(provider__isnull=False).select_related("provider"):
        assert model.provider is not None  # noqa: S101 - filtered
        found.add(f"external:{model.provider.pk}:{model.remote_name or model.name}")
    return found


def delete_stale_versions() -> int:
    """Delete entries of model versions no longer deployed (a version change drops the cache)."""
    deleted, _ = CacheEntry.objects.exclude(model_version__in=live_versions()).delete()
    if deleted:
        log.info("semantic cache: deleted %d entries of model versions no longer deployed", deleted)
    return deleted


# --- Serving a hit ---


def _texts(answer: dict[str, Any]) -> tuple[list[str], list[str | None]]:
    texts, reasons = [], []
    for choice in answer.get("choices") or []:
        message = choice.get("message")
        text = message.get("content") if isinstance(message, dict) else choice.get("text")
        texts.append(text if isinstance(text, str) else "")
        reasons.append(choice.get("finish_reason"))
    return texts, reasons


async def serve(exchange: Exchange, probe: Probe) -> Reply:
    """Answer from the cache, with the same audit records as any answer (fail-closed)."""
    from audit.log import AuditUnavailable, writer
    from inference import recording

    hit = probe.hit
    caller = exchange.caller
    assert hit is not None and caller is not None  # noqa: S101 - only called for a hit
    label = f"cache:{hit.entry_id}"
    exchange.route_choice = "cache"
    exchange.route_attempts.append({"target": label, "outcome": "answered"})
    exchange.served_by = label
    saved = hit.prompt_tokens + hit.completion_tokens
    # Nothing was generated: the request counts against request limits, not token limits.
    exchange.usage = {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0}
    exchange.cache_tokens_saved = saved
    await recording.request_received(exchange)  # raises the 503 when the log cannot record
    try:
        await writer().write(
            Event.CACHE_HIT,
            request_id=exchange.request_id,
            application_id=caller.application_id,
            target=("cache_entry", hit.entry_id),
            subject_id=(exchange.body or {}).get("user") or None,
            meta={
                "entry_id": hit.entry_id,
                "source_request_id": hit.source_request_id,
                "similarity": round(hit.similarity, 6),
                "threshold": hit.threshold,
                "model": exchange.model,
                "model_version": hit.model_version,
                "tokens_saved": saved,
                "stream": exchange.stream,
            },
        )
    except AuditUnavailable:
        raise recording.audit_unavailable() from None
    texts, reasons = _texts(hit.answer)
    exchange.finish(200)
    try:
        await recording.response_finished(exchange, texts, reasons)
    except AuditUnavailable:
        raise recording.audit_unavailable() from None
    _spawn(_in_db_thread(_record_hit, exchange.request_id, caller.application_id, exchange.model or "", hit))
    headers = [
        (HEADER, b"hit"),
        (SIMILARITY_HEADER, f"{hit.similarity:.4f}".encode()),
        (ENTRY_HEADER, str(hit.entry_id).encode()),
    ]
    if not exchange.stream:
        return Reply(200, hit.raw, headers=headers, request_id=exchange.request_id)
    wants_usage = bool((exchange.body or {}).get("stream_options", {}).get("include_usage"))
    return Reply(
        200,
        b"",
        content_type=b"text/event-stream; charset=utf-8",
        headers=[(b"cache-control", b"no-cache"), (b"x-accel-buffering", b"no"), *headers],
        request_id=exchange.request_id,
        stream=_replay(exchange.endpoint, hit, wants_usage),
    )


async def _replay(endpoint: str, hit: Found, wants_usage: bool) -> AsyncIterator[bytes]:
    """The cached answer as the server-sent events a streamed request expects."""
    answer = hit.answer
    base = {
        "id": answer.get("id", "cached"),
        "created": answer.get("created", 0),
        "model": answer.get("model"),
    }
    chat = endpoint == "chat/completions"
    kind = "chat.completion.chunk" if chat else "text_completion"
    events = []
    for index, choice in enumerate(answer.get("choices") or []):
        message = choice.get("message") or {}
        text = message.get("content") if chat else choice.get("text")
        if chat:
            first = {
                "index": index,
                "delta": {"role": "assistant", "content": text or ""},
                "finish_reason": None,
            }
            last: dict[str, Any] = {"index": index, "delta": {}, "finish_reason": choice.get("finish_reason")}
        else:
            first = {"index": index, "text": text or "", "finish_reason": None}
            last = {"index": index, "text": "", "finish_reason": choice.get("finish_reason")}
        events.append({**base, "object": kind, "choices": [first]})
        events.append({**base, "object": kind, "choices": [last]})
    if wants_usage:
        events.append({**base, "object": kind, "choices": [], "usage": answer.get("usage")})
    for event in events:
        yield b"data: " + orjson.dumps(event) + b"\n\n"
    yield b"data: [DONE]\n\n"


def _record_hit(request_id: str, application_id: int, model: str, hit: Found) -> None:
    CacheHit.objects.create(
        application_id=application_id,
        request_id=request_id,
        entry_id=hit.entry_id,
        source_request_id=hit.source_request_id,
        model=model,
        similarity=hit.similarity,
        threshold=hit.threshold,
        tokens_saved=hit.prompt_tokens + hit.completion_tokens,
    )
    CacheEntry.objects.filter(pk=hit.entry_id).update(hits=F("hits") + 1)


# --- Remembering an answer ---


def _storable(reply: Reply) -> dict[str, Any] | None:
    """The answer when it may be cached: whole, JSON, text only (never tool calls)."""
    if reply.status != 200 or reply.stream is not None:
        return None
    try:
        answer = orjson.loads(reply.body)
    except orjson.JSONDecodeError:
        return None
    return _storable_answer(answer)


def _storable_answer(answer: Any) -> dict[str, Any] | None:
    choices = answer.get("choices") if isinstance(answer, dict) else None
    if not isinstance(choices, list) or len(choices) != 1 or not isinstance(choices[0], dict):
        return None
    choice = choices[0]
    message = choice.get("message")
    if isinstance(message, dict) and (message.get("tool_calls") or message.get("function_call")):
        return None
    if choice.get("finish_reason") not in ("stop", "length"):
        return None
    return answer


def remember(exchange: Exchange, probe: Probe, reply: Reply) -> Reply:
    """Store a fresh answer of a cacheable request (in the background) and mark the reply."""
    if not probe.enabled or probe.hit is not None:
        return reply
    if not probe.cacheable:
        reply.headers.append((HEADER, b"skip"))
        return reply
    reply.headers.append((HEADER, b"miss"))
    if reply.stream is not None:
        if reply.status == 200:
            # Stored when the stream has ended normally (``_remembering``).
            reply.stream = _remembering(exchange, probe, reply.stream)
        return reply
    answer = _storable(reply)
    if answer is None or exchange.validation or exchange.caller is None or probe.question is None:
        return reply
    _keep(exchange, probe, answer, reply.body)
    return reply


async def _remembering(
    exchange: Exchange, probe: Probe, stream: AsyncIterator[bytes]
) -> AsyncIterator[bytes]:
    """Relay a fresh streamed answer, and store it once the stream has ended normally.

    Normally: every chunk reached the client and the last was ``data: [DONE]``, which the
    relay sends only for a 200 whose audit record is written (an upstream failure, a timeout
    or a lost audit log end in an error event instead). A client that hangs up closes this
    generator at a ``yield``: nothing after the loop runs, nothing is stored.
    """
    chunks: list[bytes] = []
    ended = False
    try:
        async for chunk in stream:
            chunks.append(chunk)
            yield chunk
        ended = True
    finally:
        if not ended:
            await stream.aclose()  # type: ignore[attr-defined]
    if not chunks or not chunks[-1].endswith(b"data: [DONE]\n\n") or exchange.status != 200:
        return
    if exchange.validation or exchange.caller is None or probe.question is None:
        return
    try:
        answer = assembled(exchange.endpoint, b"".join(chunks), exchange.usage)
        if answer is not None:
            _keep(exchange, probe, answer, orjson.dumps(answer))
    except Exception:
        # The answer has reached the client: a cache that cannot keep it is only a miss later.
        log.exception("could not keep the streamed answer of %s in the cache", exchange.request_id)


def assembled(endpoint: str, events: bytes, usage: dict[str, Any] | None) -> dict[str, Any] | None:
    """The whole answer a streamed completion spelled out, as the non-streamed endpoint gives
    it; None when it cannot be cached (tool calls, several choices, no finish reason)."""
    chat = endpoint == "chat/completions"
    first: dict[str, Any] | None = None
    texts: dict[int, list[str]] = {}
    reasons: dict[int, Any] = {}
    for event in events.split(b"\n\n"):
        line = event.strip()
        if not line.startswith(b"data:") or line == b"data: [DONE]":
            continue  # SSE comments (the validation note), blank keep-alives
        try:
            data = orjson.loads(line.removeprefix(b"data:").strip())
        except orjson.JSONDecodeError:
            return None
        if not isinstance(data, dict) or "error" in data:
            return None
        first = first or data
        for choice in data.get("choices") or []:
            index = int(choice.get("index", 0))
            delta = choice.get("delta") if chat else None
            if isinstance(delta, dict) and (delta.get("tool_calls") or delta.get("function_call")):
                return None
            piece = delta.get("content") if isinstance(delta, dict) else choice.get("text")
            texts.setdefault(index, []).append(piece if isinstance(piece, str) else "")
            if choice.get("finish_reason"):
                reasons[index] = choice["finish_reason"]
    if first is None or len(texts) != 1:
        return None
    text = "".join(texts[0]) if 0 in texts else None
    if text is None:
        return None
    choice_out: dict[str, Any] = (
        {"index": 0, "message": {"role": "assistant", "content": text}, "logprobs": None}
        if chat
        else {"index": 0, "text": text, "logprobs": None}
    )
    choice_out["finish_reason"] = reasons.get(0)
    answer = {
        "id": first.get("id", ""),
        "object": "chat.completion" if chat else "text_completion",
        "created": first.get("created", 0),
        "model": first.get("model"),
        "choices": [choice_out],
        "usage": usage,
    }
    return _storable_answer(answer)


def _keep(exchange: Exchange, probe: Probe, answer: dict[str, Any], raw: bytes) -> None:
    """Store ``answer`` (its body as sent, ``raw``) under the request's question, in the background."""
    assert exchange.caller is not None and probe.question is not None  # noqa: S101 - checked by callers
    snapshot = probe.settings
    assert snapshot is not None  # noqa: S101 - set for every cacheable probe
    version = _answered_version(exchange) or probe.version
    partition = probe.partition
    if version != probe.version:
        # A fall-back answered: the entry belongs to the version that wrote it.
        partition = keys.partition_of(
            exchange.caller.application_id,
            exchange.model or "",
            version,
            "" if snapshot.share_across_users else probe.subject,
            exchange.endpoint,
            probe.question,
            probe.space,
        )
    found_usage = answer.get("usage")
    usage: dict[str, Any] = found_usage if isinstance(found_usage, dict) else {}
    spec = {
        "application_id": exchange.caller.application_id,
        "partition": partition,
        "model": exchange.model or "",
        "model_version": version,
        "subject": probe.subject,
        "text_hash": probe.digest
        if partition == probe.partition
        else keys.text_hash(partition, probe.question.text),
        "guard": probe.guard
        if partition == probe.partition
        else keys.text_hash(partition, "guard|" + guard.signature(probe.question.text)),
        "vector": probe.vector,
        "plain": orjson.dumps({"answer": answer, "raw": raw.decode(), "order": probe.order}),
        "prompt_tokens": int(usage.get("prompt_tokens") or 0),
        "completion_tokens": int(usage.get("completion_tokens") or 0),
        "source_request_id": exchange.request_id,
        "ttl_seconds": snapshot.ttl_seconds,
        "max_entries": snapshot.max_entries,
    }
    _spawn(_store(spec))


async def _store(spec: dict[str, Any]) -> None:
    try:
        entry_id, expires = await _in_db_thread(store_entry, spec)
    except Exception:
        log.exception("could not store the answer of %s in the cache", spec["source_request_id"])
        return
    found = _partitions.get((spec["application_id"], spec["partition"]))
    if found is not None:
        found.add([entry_id], [spec["vector"]], [spec["text_hash"]], [expires], [spec["guard"]])


def store_entry(spec: dict[str, Any]) -> tuple[int, float]:
    """Encrypt and insert one entry, then hold the application to its size cap (oldest go)."""
    now = timezone.now()
    key_id, data_key = envelope.data_key_for(spec["application_id"], now.date(), spec["subject"])
    row = CacheEntry(
        application_id=spec["application_id"],
        partition=spec["partition"],
        model=spec["model"],
        model_version=spec["model_version"],
        subject=spec["subject"],
        text_hash=spec["text_hash"],
        guard=spec["guard"],
        vector=spec["vector"].astype(np.float32).tobytes() if spec["vector"] is not None else None,
        key_id=key_id,
        content=b"",
        prompt_tokens=spec["prompt_tokens"],
        completion_tokens=spec["completion_tokens"],
        source_request_id=spec["source_request_id"],
        created_at=now,
        expires_at=now + dt.timedelta(seconds=spec["ttl_seconds"]),
    )
    row.content = envelope.encrypt(data_key, _aad(row), key_id, spec["plain"])
    row.save(force_insert=True)
    enforce_cap(spec["application_id"], spec["max_entries"])
    return row.pk, row.expires_at.timestamp()


def enforce_cap(application_id: int, max_entries: int) -> int:
    entries = CacheEntry.objects.filter(application_id=application_id)
    excess = entries.count() - max_entries
    if excess <= 0:
        return 0
    oldest = list(entries.order_by("created_at", "pk").values_list("pk", flat=True)[:excess])
    CacheEntry.objects.filter(pk__in=oldest).delete()
    return len(oldest)


# --- Housekeeping ---


def delete_expired() -> int:
    count, _ = CacheEntry.objects.filter(expires_at__lte=timezone.now()).delete()
    return count


def forget_partitions(application_id: int | None = None) -> None:
    """Drop this worker's in-memory copies (tests; after a purge in this process)."""
    for key in list(_partitions):
        if application_id is None or key[0] == application_id:
            del _partitions[key]
