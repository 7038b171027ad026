"""Runs SPARQL over the built graph in the embedded Oxigraph store and renders the answers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from statement_kg.rdf.namespace import PREFIXES

RESULT_FORMATS = {
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
}
_HEADER = re.compile(r"^#\s?(.*)$")


@dataclass(frozen=True)
class Table:
    """A SELECT answer: column names and rows of RDF terms (None where unbound)."""

    columns: list[str]
    rows: list[list[ox.NamedNode | ox.BlankNode | ox.Literal | None]]


def header(path: Path) -> str:
    """A query file's leading comment block: the question, its parameters, an example."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _HEADER.match(line)
        if not match:
            break
        lines.append(match[1])
    return "\n".join(lines).strip()


def question(path: Path) -> str:
    for line in header(path).splitlines():
        if line.lower().startswith("question:"):
            return line.split(":", 1)[1].strip()
    return ""


def select(store: ox.Store, text: str) -> Table:
    solutions = store.query(text)
    if not isinstance(solutions, ox.QuerySolutions):
        raise ValueError("not a SELECT query")
    columns = [v.value for v in solutions.variables]
    rows = [[solution[c] for c in columns] for solution in solutions]
    return Table(columns, rows)


def serialise_results(store: ox.Store, text: str, fmt: str) -> bytes:
    solutions = store.query(text)
    if not isinstance(solutions, ox.QuerySolutions):
        raise ValueError("not a SELECT query")
    data = solutions.serialize(format=RESULT_FORMATS[fmt])
    assert data is not None
    return data


_COMPACT = sorted(((str(ns), name) for name, ns in PREFIXES.items()), key=lambda p: -len(p[0]))


def display(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> str:
    """A term as a reader wants it in a table: literals bare, IRIs with a known prefix."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for namespace, name in _COMPACT:
            if term.value.startswith(namespace):
                return f"{name}:{term.value[len(namespace) :]}"
    return term.value
