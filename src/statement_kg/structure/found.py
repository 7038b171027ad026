"""What structure finds: a value for a sidecar field with the span it came from."""

from __future__ import annotations

from dataclasses import dataclass

from statement_kg.records import Span


@dataclass(frozen=True)
class Found:
    """A proposed value, the span of text it came from, the entity of mappings/ it names
    (if any) and the structure that found it ("relay sentence", "signature"...)."""

    value: str
    span: Span
    entity: str | None = None
    kind: str = ""
