"""Renders evaluation scores: rich tables for a reader, JSON for a program."""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console
from rich.table import Table

from statement_kg.evaluate.items import Item
from statement_kg.evaluate.score import VOICE_COLUMNS, Counts, DocumentScore, totals, voice_totals
from statement_kg.records import VOICES


def _numbers(counts: Counts) -> dict[str, Any]:
    return {
        "gold": counts.gold,
        "extracted": counts.extracted,
        "matched": counts.matched,
        "precision": round(counts.precision, 4),
        "recall": round(counts.recall, 4),
        "f1": round(counts.f1, 4),
    }


def _item(item: Item) -> dict[str, Any]:
    out: dict[str, Any] = {"field": item.field, "key": list(item.key)}
    if item.loose is not None:
        out["identifier"] = item.loose
    if item.field != "issue_date":
        out |= {"start": item.start, "end": item.end, "text": item.text}
    if item.field in ("figures", "characterizations"):
        out |= {"voice": item.voice, "party": item.party}
    return out


def as_json(scores: list[DocumentScore]) -> str:
    voices = voice_totals(scores)
    report = {
        "fields": {name: _numbers(c) for name, c in totals(scores).items()},
        "documents": [
            {
                "document": s.name,
                "fields": {name: _numbers(c) for name, c in s.counts.items()},
                "overall": _numbers(s.overall),
                "misses": [_item(i) for i in s.misses],
                "false_hits": [_item(i) for i in s.false_hits],
                "own_voice_errors": [
                    {"gold": _item(g), "extracted": _item(e)} for g, e in s.own_voice_errors
                ],
            }
            for s in scores
        ],
        "voice": {g: {e: voices[g, e] for e in VOICE_COLUMNS} for g in VOICES},
    }
    return json.dumps(report, indent=2, ensure_ascii=False)


def _score_table(title: str, first: str, rows: list[tuple[str, Counts]]) -> Table:
    table = Table(title=title, title_justify="left")
    for column in (first, "gold", "extracted", "matched", "precision", "recall", "F1"):
        table.add_column(column, justify="left" if column == first else "right")
    for name, counts in rows:
        table.add_row(
            name,
            str(counts.gold),
            str(counts.extracted),
            str(counts.matched),
            f"{counts.precision:.2f}",
            f"{counts.recall:.2f}",
            f"{counts.f1:.2f}",
        )
    return table


def voice_table(scores: list[DocumentScore]) -> Table:
    voices = voice_totals(scores)
    table = Table(
        title="Voice, gold (rows) against extracted (columns)",
        title_justify="left",
    )
    table.add_column("gold")
    for column in VOICE_COLUMNS:
        table.add_column(column, justify="right")
    for gold in VOICES:
        table.add_row(gold, *(str(voices[gold, column]) for column in VOICE_COLUMNS))
    return table


def print_scores(console: Console, scores: list[DocumentScore], show_errors: bool) -> None:
    console.print(_score_table("Extraction against gold", "field", list(totals(scores).items())))
    console.print(
        _score_table("Per document (all fields)", "document", [(s.name, s.overall) for s in scores])
    )
    console.print(voice_table(scores))
    for score in scores:
        for gold, extracted in score.own_voice_errors:
            party = f" ({' '.join(gold.party.split())})" if gold.party else ""
            console.print(
                f"own voice  {score.name}: {extracted.describe()}; gold: {gold.voice}{party}",
                highlight=False,
                markup=False,
            )
    if not show_errors:
        return
    for score in scores:
        for item in score.misses:
            console.print(
                f"miss       {score.name}: {item.describe()}", highlight=False, markup=False
            )
        for item in score.false_hits:
            console.print(
                f"false hit  {score.name}: {item.describe()}", highlight=False, markup=False
            )
