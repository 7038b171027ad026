"""What structure finds: a value for a sidecar field with the span it came from, and the
document's own dates with the lines they are written in."""

from __future__ import annotations

from dataclasses import dataclass

from statement_kg.records import PartialDate, Span


@dataclass(frozen=True)
class Found:
    """A proposed value, the span of text it came from, the entity of mappings/ it names
    (if any) and the structure that found it ("relay sentence", "signature"...)."""

    value: str
    span: Span
    entity: str | None = None
    kind: str = ""
    # Other places the text names the same issuer or relay (structure.named_again).
    also: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Dated:
    """A date of the document's own, the span it is written in, the structure that gives it
    and the span of the whole date line (no event date is found in it)."""

    date: PartialDate
    span: Span
    kind: str
    line: tuple[int, int]
    place: tuple[int, int] | None = None
    # "Baku, February 24, 2024 / APA /": the news agency a dateline credits.
    agency: tuple[int, int] | None = None
