"""The policy's own entity types: the deny list and administrators' patterns.

Apart from ``redaction.engine`` so that reading and changing a policy (the console, the CLI)
does not import Presidio and spaCy, which only analysing text needs.
"""

from __future__ import annotations

from dataclasses import dataclass

DENY_LIST = "DENY_LIST"


@dataclass(frozen=True)
class CustomPattern:
    """An administrator's regex recogniser, e.g. for medical record numbers or project code names."""

    name: str
    entity_type: str
    regex: str
    score: float = 0.85
