"""The one shape both sides are compared in: a field, a value key and a character span."""

from __future__ import annotations

import re
from dataclasses import dataclass

FIELDS = (
    "issuers",
    "issue_date",
    "figures",
    "citations",
    "event_dates",
    "characterizations",
    "quotations",
    "relays",
)
# Fields whose items speak in a voice (own, reported, denied); the voice table covers them.
VOICED = ("figures", "characterizations")


@dataclass(frozen=True)
class Item:
    """One annotated or extracted item. `key` holds what must agree; `loose` holds parts that
    must agree only when both sides give them (a citation's identifier); spans overlap."""

    field: str
    key: tuple[object, ...]
    start: int
    end: int
    text: str
    loose: str | None = None
    names: tuple[str, ...] = ()
    # Whose claim it is; matching ignores it, scoring and the voice table read it.
    voice: str = "own"
    party: str | None = None
    # Other places the text names the same item (an issuer's title and signature): a gold
    # span at any of them matches.
    also: tuple[tuple[int, int], ...] = ()

    def matches(self, other: Item) -> bool:
        """Whether `other` (extracted) matches this (gold) item. A gold quotation's speaker
        may be any of the extracted speaker's names, or part of one; a gold identifier any
        of the extracted work's names; a gold term the extracted term or its broader one."""
        if self.field != other.field:
            return False
        if self.key != other.key and not self._named(other):
            return False
        if (
            self.loose is not None
            and other.loose is not None
            and not _same_identifier(self.loose, other.loose, other.names)
        ):
            return False
        if self.field == "issue_date":
            return True
        anchors = ((other.start, other.end), *other.also)
        return any(self.start < end and start < self.end for start, end in anchors)

    def _named(self, other: Item) -> bool:
        """Whether the gold value is one of the extracted item's other names."""
        value = str(self.key[0])
        if self.field == "quotations":
            return any(value in name or name in value for name in other.names)
        return self.field == "characterizations" and value in other.names

    def describe(self) -> str:
        key = ", ".join(str(k) for k in self.key if k not in (None, ()))
        loose = f" [{self.loose}]" if self.loose else ""
        where = f" at {self.start}-{self.end}: {self.text!r}" if self.field != "issue_date" else ""
        voice = ""
        if self.field in VOICED and self.voice != "own":
            voice = f" ({self.voice}{', ' + ' '.join(self.party.split()) if self.party else ''})"
        return f"{self.field}: {key}{loose}{voice}{where}"


def normalised(identifier: str) -> str:
    """An identifier as compared: case, spacing and the kind of dash do not count
    ("A/RES/260 (III)" is "A/RES/260(III)", "A/78/790–S/2024/187" is "A/78/790-S/2024/187")."""
    return re.sub(r"\s+", "", re.sub(r"[‐–—]", "-", identifier)).casefold()


def _same_identifier(one: str, other: str, names: tuple[str, ...]) -> bool:
    """Equal identifiers, or the gold one among the extracted work's names (a convention's
    common and formal names)."""
    return normalised(one) == normalised(other) or normalised(one) in {normalised(n) for n in names}


def figure_key(
    category: str,
    value: float | None,
    low: float | None,
    high: float | None,
    qualifiers: tuple[str, ...] | list[str],
) -> tuple[object, ...]:
    def number(x: float | None) -> float | None:
        return None if x is None else float(x)

    return (category, number(value), number(low), number(high), tuple(sorted(qualifiers)))
