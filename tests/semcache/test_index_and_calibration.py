"""The in-process index finds exactly what a full scan finds; calibration moves the threshold
the way its rule says; a version change and expiry drop entries."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from django.utils import timezone

from semcache import guard, keys, service
from semcache.calibration import choose_threshold
from semcache.index import PROJECT_ABOVE, Partition, wilson_upper
from semcache.models import CacheEntry


def unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=-1, keepdims=True)).astype(np.float32)


def test_the_projected_search_misses_nothing_a_full_scan_finds() -> None:
    rng = np.random.default_rng(7)
    # Clustered vectors, like sentence embeddings: many neighbours at every distance.
    centres = unit(rng.normal(size=(200, 384)))
    vectors = unit(
        centres[rng.integers(0, 200, 3 * PROJECT_ABOVE)] + 0.12 * rng.normal(size=(3 * PROJECT_ABOVE, 384))
    )
    part = Partition()
    count = len(vectors)
    part.add(
        list(range(1, count + 1)),
        list(vectors),
        [f"h{i}" for i in range(count)],
        [9e9] * count,
        ["g"] * count,
    )
    assert part.basis is not None  # the projection is in use at this size
    for q in range(50):
        query = unit(vectors[q * 37] + 0.05 * rng.normal(size=384))
        for threshold in (0.8, 0.9, 0.95):
            full = vectors @ query
            best = (
                int(np.argmax(np.where(full >= threshold, full, -1))) + 1
                if (full >= threshold).any()
                else None
            )
            found = part.candidates(query, "none", "g", threshold)
            assert (found[0].entry_id if found else None) == best


def test_an_entry_with_another_guard_or_expired_or_discarded_is_no_candidate() -> None:
    part = Partition()
    v = unit(np.ones((1, 384)))[0]
    part.add([1, 2, 3], [v, v, v], ["a", "b", "c"], [9e9, 0.0, 9e9], ["g", "g", "other"])
    assert [m.entry_id for m in part.candidates(v, "x", "g", 0.9)] == [1]
    part.discard(1)
    assert part.candidates(v, "a", "g", 0.9) == []


def test_the_guard_tells_apart_what_the_embedding_blurs() -> None:
    same = [
        ("How many days are there in a leap year?", "how many days are in a leap year"),
        ("What is the capital of France?", "Tell me the capital of France, please"),
    ]
    different = [
        ("Convert 5 miles to kilometres", "Convert 5 kilometres to miles"),
        ("Is ibuprofen safe with alcohol?", "Is ibuprofen not safe with alcohol?"),
        ("Book a flight from Paris to Rome", "Book a flight from Rome to Paris"),
        ("Schedule the review for March 3", "Schedule the review for March 4"),
        ("Give me 20 mg", "Give me 20 mcg"),
        ("What happened on Monday?", "What happened on Tuesday?"),
    ]
    for a, b in same:
        assert guard.benign(a, b)
    for a, b in different:
        assert not guard.benign(a, b)


def test_the_partition_separates_every_part_of_the_isolation_key() -> None:
    body = {"model": "m", "messages": [{"role": "user", "content": "hi"}], "temperature": 0}
    question = keys.question_of("chat/completions", body)
    assert isinstance(question, keys.Question)
    base = keys.partition_of(1, "m", "local:1", "", "chat/completions", question)
    assert base != keys.partition_of(2, "m", "local:1", "", "chat/completions", question)
    assert base != keys.partition_of(1, "n", "local:1", "", "chat/completions", question)
    assert base != keys.partition_of(1, "m", "local:2", "", "chat/completions", question)
    assert base != keys.partition_of(1, "m", "local:1", "ps_x", "chat/completions", question)
    hotter = keys.question_of("chat/completions", {**body, "temperature": 0, "top_p": 0.5})
    assert isinstance(hotter, keys.Question)
    assert base != keys.partition_of(1, "m", "local:1", "", "chat/completions", hotter)
    # Field order and the delivery fields do not matter.
    reordered = keys.question_of("chat/completions", {"temperature": 0, "stream": True, "user": "u", **body})
    assert isinstance(reordered, keys.Question)
    assert base == keys.partition_of(1, "m", "local:1", "", "chat/completions", reordered)
    assert keys.question_of("chat/completions", {**body, "n": 2}) == "several choices"
    tool_turn = [{"role": "tool", "content": "42", "tool_call_id": "c"}, {"role": "user", "content": "and?"}]
    assert keys.question_of("chat/completions", {**body, "messages": tool_turn}) == "tool calls"


def test_calibration_raises_the_threshold_above_reported_wrong_hits() -> None:
    sims = [0.951, 0.952, 0.953, 0.96, 0.97, 0.975, 0.98, 0.99, 0.995, 0.999]
    wrong = [True, True, True, False, False, False, False, False, False, False]
    assert choose_threshold(sims, wrong, 0.05, floor=0.95) == 0.955
    assert choose_threshold(sims, [False] * 10, 0.05, floor=0.95) == 0.95
    assert choose_threshold([], [], 0.05, floor=0.95) == 0.95
    assert wilson_upper(0, 1000) == pytest.approx(0.00383, abs=1e-4)


@pytest.mark.django_db
def test_expired_entries_and_entries_of_versions_no_longer_deployed_are_deleted() -> None:
    now = timezone.now()
    common = {"partition": "p", "model": "m", "text_hash": "h", "guard": "g", "key_id": "k", "content": b"x"}
    CacheEntry.objects.create(
        application_id=1,
        model_version="local:999",
        source_request_id="a",
        expires_at=now + dt.timedelta(hours=1),
        **common,
    )
    CacheEntry.objects.create(
        application_id=1,
        model_version="local:999",
        source_request_id="b",
        expires_at=now - dt.timedelta(seconds=1),
        **common,
    )
    assert service.delete_expired() == 1
    assert service.delete_stale_versions() == 1  # version 999 has no deployment
    assert CacheEntry.objects.count() == 0


# Each class of hard negative, in words the benchmark's pairs do not use: the guard must tell
# the two apart (the embedding puts most of them above 0.9).
GUARD_CLASSES = {
    "lower-case names (rare words)": [
        ("Is tramadol safe with sertraline?", "Is tramadol safe with citalopram?"),
        ("How do I configure nginx?", "How do I configure haproxy?"),
    ],
    "verbs that undo an action": [
        ("Subscribe me to the weekly newsletter", "Unsubscribe me from the weekly newsletter"),
        ("Book the conference room for the board", "Cancel the conference room for the board"),
        ("Enable two-factor login for my account", "Disable two-factor login for my account"),
    ],
    "negated words": [("Is the parcel delivered?", "Is the parcel undelivered?")],
    "opposites": [
        ("List the invoices by total, ascending", "List the invoices by total, descending"),
        ("Is the report due before the audit?", "Is the report due after the audit?"),
        ("What is the lowest price of gold this year?", "What is the highest price of gold this year?"),
        ("Should I buy shares of the utility fund?", "Should I sell shares of the utility fund?"),
    ],
    "signs, percentages and currencies": [
        ("Is -5 degrees cold for a tent?", "Is 5 degrees cold for a tent?"),
        ("What is 15% of the budget?", "What is 15 of the budget?"),
        ("Convert 40 $ to pounds", "Convert 40 € to pounds"),
    ],
    "relative dates and times of day": [
        ("What meetings do I have next week?", "What meetings do I have last week?"),
        ("Book a taxi for 7 am", "Book a taxi for 7 pm"),
        ("Is the museum open in winter?", "Is the museum open in summer?"),
    ],
}
GUARD_PARAPHRASES = [
    ("What is the maximum dose of tramadol?", "what's the maximum dose of tramadol"),
    ("Cancel my dentist booking", "Please cancel my dentist booking"),
    ("May I bring a dog to the office?", "Can I bring a dog to the office?"),
    ("Is the report due before the audit?", "Before the audit, is the report due?"),
    ("How should I bake bread?", "How do I bake bread?"),
]


@pytest.mark.parametrize("kind", sorted(GUARD_CLASSES))
def test_the_guard_tells_apart_each_class_of_hard_negative(kind: str) -> None:
    for a, b in GUARD_CLASSES[kind]:
        assert guard.signature(a) != guard.signature(b), (a, b)


def test_the_guard_keeps_paraphrases_that_keep_the_details() -> None:
    for a, b in GUARD_PARAPHRASES:
        assert guard.signature(a) == guard.signature(b), (a, b)


SWAPPED = [
    ("Can the tenant sue the landlord for the deposit?", "Can the landlord sue the tenant for the deposit?"),
    ("Is coffee worse for sleep than tea?", "Is tea worse for sleep than coffee?"),
    ("Move the files from the archive to the inbox", "Move the files from the inbox to the archive"),
]


def test_entities_that_changed_places_are_told_apart_by_their_order() -> None:
    for a, b in SWAPPED:
        assert not guard.benign(a, b), (a, b)
    # Subject and object: only the order tells them apart. ("than" and "to" are bound to the
    # word they govern, so those swaps already differ in the signature.)
    a, b = SWAPPED[0]
    assert guard.signature(a) == guard.signature(b)
    assert not guard.same_order(guard.content_words(a), guard.content_words(b))
    # Paraphrases keep the order of the words they share, whatever else they change.
    a, b = (
        "Can the tenant sue the landlord for the deposit?",
        "Is a tenant able to sue their landlord over a deposit?",
    )
    assert guard.same_order(guard.content_words(a), guard.content_words(b))
    # The cache compares keyed hashes of the words, never the words.
    assert not guard.same_order(service.word_order(SWAPPED[0][0]), service.word_order(SWAPPED[0][1]))
    assert "tenant" not in "".join(service.word_order(SWAPPED[0][0]))
