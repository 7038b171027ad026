"""Disagreement: the quantities statements give different values for, side by side, from
the competency question queries/cq-03 (one query, so the command and the query agree). A
quantity is a figure category about one event; values keep their ranges, vague figures and
inferred dates as the statements give them."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from statement_kg.query import Table, select

QUERY_GLOB = "cq-03-*.rq"


@dataclass(frozen=True)
class Claimed:
    """One value of a disputed quantity, as one statement gives it."""

    value: str
    modifier: str
    voice: str
    event: str
    statement: str
    issuers: str
    issued: str
    words: str


def query_text(queries: Path) -> str:
    found = sorted(queries.glob(QUERY_GLOB))
    if not found:
        raise FileNotFoundError(f"no {QUERY_GLOB} in {queries}")
    return found[0].read_text(encoding="utf-8")


def _number(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> str:
    if term is None:
        return ""
    return term.value.removesuffix(".0") if term.value.endswith(".0") else term.value


def rows(store: ox.Store, queries: Path, category: str | None = None) -> Table:
    """The query's answer, only for `category` if given."""
    table = select(store, query_text(queries))
    if category is None:
        return table
    index = table.columns.index("category")
    kept = [
        row for row in table.rows if (term := row[index]) is not None and term.value == category
    ]
    return Table(table.columns, kept)


def as_answer(table: Table) -> ox.QuerySolutions:
    """A table as SPARQL solutions again (through a VALUES block, which keeps row order),
    so that a filtered answer is written by the same serialisers as any other."""
    names = " ".join(f"?{c}" for c in table.columns)
    lines = " ".join(
        "(" + " ".join("UNDEF" if t is None else str(t) for t in row) + ")" for row in table.rows
    )
    solutions = ox.Store().query(f"SELECT {names} WHERE {{ VALUES ({names}) {{ {lines} }} }}")
    assert isinstance(solutions, ox.QuerySolutions)
    return solutions


def disagreements(table: Table, labels: dict[str, str] | None = None) -> dict[str, list[Claimed]]:
    """ "category (event)" -> every value given for it, in the query's order."""
    names = labels or {}
    by_quantity: dict[str, list[Claimed]] = defaultdict(list)
    for row in table.rows:
        cell = dict(zip(table.columns, row, strict=True))

        def text(
            name: str, cell: dict[str, ox.NamedNode | ox.BlankNode | ox.Literal | None] = cell
        ) -> str:
            term = cell.get(name)
            return "" if term is None else term.value

        event = names.get(text("event"), text("event").rsplit("/", 1)[-1])
        if cell.get("value") is not None:
            value = _number(cell["value"])
        elif cell.get("minValue") is not None:
            value = f"{_number(cell['minValue'])}-{_number(cell['maxValue'])}"
        else:
            value = "(vague)"
        issued = text("issued") or "undated"
        if text("inferred") == "true":
            issued += " (inferred)"
        quantity = text("category") + (f" ({event})" if event else "")
        by_quantity[quantity].append(
            Claimed(
                value=value,
                modifier=text("modifier").replace("_", " "),
                voice=text("voice") + (f" ({text('party')})" if text("party") else ""),
                event=event,
                statement=text("statement").rsplit("/", 1)[-1],
                issuers="; ".join(sorted(text("issuers").split("; "))),
                issued=issued,
                words=" ".join(text("inContext").split()),
            )
        )
    return dict(by_quantity)
