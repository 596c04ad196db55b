"""What the engine covers in a text, as the redaction tests check it.

``covered`` and ``untouched`` look at the first occurrence of a value; ``protected`` at every
occurrence of a name. "Covered" means every letter and digit of the value lies inside some finding,
whatever its type: what matters for what leaves.
"""

from __future__ import annotations

from redaction.engine import Engine


def covered(engine: Engine, text: str, value: str) -> bool:
    """Every letter and digit of ``value`` (first occurrence) lies in some finding."""
    start = text.index(value)
    chars: set[int] = set()
    for finding in engine.analyze(text):
        chars.update(range(finding.start, finding.end))
    return all(i in chars for i in range(start, start + len(value)) if text[i].isalnum())


def untouched(engine: Engine, text: str, value: str) -> bool:
    """No finding overlaps ``value`` (first occurrence)."""
    start = text.index(value)
    return not any(f.start < start + len(value) and start < f.end for f in engine.analyze(text))


def protected(engine: Engine, text: str, name: str) -> bool:
    """Whether every occurrence of ``name`` in ``text`` lies wholly inside findings."""
    chars = [" "] * len(text)
    for f in engine.analyze(text):
        chars[f.start : f.end] = text[f.start : f.end]
    seen = "".join(chars)
    starts = [i for i in range(len(text)) if text.startswith(name, i)]
    assert starts, name
    return all(seen[i : i + len(name)] == name for i in starts)


def person_values(engine: Engine, text: str) -> list[str]:
    return [text[f.start : f.end] for f in engine.analyze(text) if f.entity_type == "PERSON"]
