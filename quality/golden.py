"""Golden sets from JSONL: one ``{"prompt": ..., "reference": ..., "id": ...}`` object a line.

An import is all or nothing: a file with one bad line changes nothing, and every bad line is
reported with its number, so an operator fixes the file once rather than line by line.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction

from audit.events import Event
from audit.log import Actor, record
from quality.models import GoldenItem, GoldenSet

MAX_KEY = 128


class ImportErrors(ValueError):
    """Lines of a golden-set file that cannot be imported, each with its line number."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass(frozen=True)
class ParsedItem:
    """One valid line of a golden-set file."""

    line: int
    key: str
    prompt: str
    reference: str


@dataclass(frozen=True)
class ImportResult:
    """What an import did."""

    golden_set: GoldenSet
    created: int
    updated: int


def default_key(prompt: str) -> str:
    """A key that stays the same when the same prompt is imported again."""
    return "p-" + hashlib.sha256(prompt.encode("utf-8")).hexdigest()[:16]


def parse(lines: Iterable[str]) -> list[ParsedItem]:
    """Every item of a JSONL file; raises ``ImportErrors`` naming each bad line."""
    items: list[ParsedItem] = []
    errors: list[str] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            value = json.loads(raw)
        except ValueError as exc:
            errors.append(f"line {number}: not JSON ({exc})")
            continue
        if not isinstance(value, dict):
            errors.append(f'line {number}: expected an object with "prompt" and "reference"')
            continue
        problems = []
        for field in ("prompt", "reference"):
            if not isinstance(value.get(field), str) or not value[field].strip():
                problems.append(f'"{field}" must be a non-empty string')
        key = value.get("id")
        if key is not None and (not isinstance(key, str | int) or not str(key).strip()):
            problems.append('"id" must be a non-empty string or a number')
        unknown = sorted(set(value) - {"prompt", "reference", "id"})
        if unknown:
            problems.append(f"unknown fields {', '.join(unknown)}")
        if problems:
            errors.append(f"line {number}: {'; '.join(problems)}")
            continue
        key = str(key).strip() if key is not None else default_key(value["prompt"])
        if len(key) > MAX_KEY:
            errors.append(f'line {number}: "id" is longer than {MAX_KEY} characters')
            continue
        if key in seen:
            errors.append(f"line {number}: id {key!r} was already used on line {seen[key]}")
            continue
        seen[key] = number
        items.append(ParsedItem(number, key, value["prompt"], value["reference"]))
    if errors:
        raise ImportErrors(errors)
    if not items:
        raise ImportErrors(["the file has no items"])
    return items


def import_items(model_name: str, lines: Iterable[str], *, actor: Actor = None) -> ImportResult:
    """Add or replace the items of ``model_name``'s golden set (created if needed); audited."""
    items = parse(lines)
    created = updated = 0
    with transaction.atomic():
        golden_set, _ = GoldenSet.objects.get_or_create(model_name=model_name)
        for item in items:
            _, was_created = GoldenItem.objects.update_or_create(
                golden_set=golden_set,
                key=item.key,
                defaults={"prompt": item.prompt, "reference": item.reference},
            )
            created += was_created
            updated += not was_created
        record(
            Event.GOLDEN_SET_IMPORTED,
            actor=actor,
            target=("golden_set", model_name),
            meta={
                "model": model_name,
                "created": created,
                "updated": updated,
                "items": golden_set.items.count(),
            },
        )
    return ImportResult(golden_set, created, updated)
