"""Disagreement: the quantities statements give different values for, side by side, from
the competency question queries/cq-03 (one query, so the command and the query agree)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from statement_kg.query import select

QUERY_GLOB = "cq-03-*.rq"


@dataclass(frozen=True)
class Claimed:
    """One value of a disputed quantity, as one statement gives it."""

    value: str
    modifier: str
    statement: str
    issued: str
    words: str


def query_text(queries: Path) -> str:
    found = sorted(queries.glob(QUERY_GLOB))
    if not found:
        raise FileNotFoundError(f"no {QUERY_GLOB} in {queries}")
    return found[0].read_text(encoding="utf-8")


def disagreements(store: ox.Store, queries: Path) -> dict[str, list[Claimed]]:
    """Category -> every value given for it, lowest first."""
    table = select(store, query_text(queries))
    by_category: dict[str, list[Claimed]] = defaultdict(list)
    for row in table.rows:
        cell = dict(zip(table.columns, row, strict=True))

        def text(
            name: str, cell: dict[str, ox.NamedNode | ox.BlankNode | ox.Literal | None] = cell
        ) -> str:
            term = cell[name]
            return "" if term is None else term.value

        value = text("value")
        by_category[text("category")].append(
            Claimed(
                value=value.removesuffix(".0") if value.endswith(".0") else value,
                modifier=text("modifier").replace("_", " "),
                statement=text("statement").rsplit("/", 1)[-1],
                issued=text("issued") or "undated",
                words=" ".join(text("inContext").split()),
            )
        )
    return dict(by_category)
