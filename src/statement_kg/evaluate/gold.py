"""Reads gold files and turns their spans into offsets in the text."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from statement_kg.evaluate.items import FIELDS, Item, figure_key
from statement_kg.records import InputError
from statement_kg.yamlfile import check, read_utf8

GOLD_SCHEMA = "gold.schema.json"


def _offsets(text: str, raw: dict[str, Any], path: Path, field: str) -> tuple[int, int]:
    span, occurrence = raw["span"], raw.get("occurrence", 1)
    start = -1
    for _ in range(occurrence):
        start = text.find(span, start + 1)
        if start < 0:
            raise InputError(
                path, f"span {span!r} (occurrence {occurrence}) is not in the text", field=field
            )
    return start, start + len(span)


@dataclass(frozen=True)
class Gold:
    """One document's gold items, and the fields its annotator scored: `relays` only where
    the file says who relayed the text (`relayed_by`, possibly empty)."""

    items: list[Item]
    fields: frozenset[str]


def load_gold(path: Path, text: str, entails: Mapping[str, tuple[str, ...]] | None = None) -> Gold:
    """The gold items of one file; a figure's qualifier its category `entails` ("children"
    of children orphaned) is left out, as extraction leaves it out."""
    try:
        data = json.loads(read_utf8(path))
    except json.JSONDecodeError as err:
        raise InputError(path, f"invalid JSON: {err.msg}", line=err.lineno) from err
    check(data, path, GOLD_SCHEMA)
    items: list[Item] = []

    def add(
        field: str,
        index: int,
        raw: dict[str, Any],
        key: tuple[object, ...],
        loose: str | None = None,
    ) -> None:
        start, end = _offsets(text, raw, path, f"{field}.{index}.span")
        voice, party = raw.get("voice", "own"), raw.get("party")
        items.append(Item(field, key, start, end, text[start:end], loose, (), voice, party))

    for i, raw in enumerate(data.get("issuers", [])):
        add("issuers", i, raw, ())
    if data.get("issue_date"):
        items.append(Item("issue_date", (data["issue_date"],), 0, 0, ""))
    for i, raw in enumerate(data.get("figures", [])):
        add(
            "figures",
            i,
            raw,
            figure_key(
                raw["category"],
                raw.get("value"),
                raw.get("low"),
                raw.get("high"),
                [
                    q
                    for q in raw.get("qualifiers", [])
                    if q not in (entails or {}).get(raw["category"], ())
                ],
            ),
        )
    for i, raw in enumerate(data.get("citations", [])):
        add("citations", i, raw, (raw["kind"],), raw.get("identifier"))
    for i, raw in enumerate(data.get("event_dates", [])):
        add("event_dates", i, raw, (raw["date"],))
    for i, raw in enumerate(data.get("characterizations", [])):
        add("characterizations", i, raw, (raw["term"],))
    for i, raw in enumerate(data.get("quotations", [])):
        add("quotations", i, raw, (" ".join(raw["speaker"].lower().split()),))
    for i, raw in enumerate(data.get("relayed_by", [])):
        add("relays", i, raw, ())
    scored = FIELDS if "relayed_by" in data else tuple(f for f in FIELDS if f != "relays")
    return Gold(items, frozenset(scored))
