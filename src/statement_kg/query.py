"""Runs SPARQL over the built graph in the embedded Oxigraph store and renders the answers.
An answer is what any SPARQL engine gives back, here or remote (see endpoint.py): solutions
(SELECT), a boolean (ASK) or triples (CONSTRUCT, DESCRIBE), so that every place a query runs
prints it alike."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from statement_kg.xmlsafe import well_formed

RESULT_FORMATS = {
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
}
# The RDF syntaxes of store.FORMATS, named here so that a query does not load the store
# module's rdflib side (tests check the two agree).
GRAPH_FORMATS = ("ttl", "nt", "jsonld", "trig", "xml")
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


Answer = ox.QuerySolutions | ox.QueryBoolean | list[ox.Triple]
# "xml" is the SPARQL XML results format for solutions and booleans, RDF/XML for triples.
OUTPUT_FORMATS = ("table", *RESULT_FORMATS, *(f for f in GRAPH_FORMATS if f not in RESULT_FORMATS))


def run(store: ox.Store, text: str) -> Answer:
    result = store.query(text)
    return list(result) if isinstance(result, ox.QueryTriples) else result


def tabulate(solutions: ox.QuerySolutions) -> Table:
    columns = [v.value for v in solutions.variables]
    rows = [[solution[c] for c in columns] for solution in solutions]
    return Table(columns, rows)


def select(store: ox.Store, text: str) -> Table:
    solutions = run(store, text)
    if not isinstance(solutions, ox.QuerySolutions):
        raise ValueError("not a SELECT query")
    return tabulate(solutions)


def default_format(answer: Answer) -> str:
    """A table for solutions and booleans, Turtle for triples."""
    return "ttl" if isinstance(answer, list) else "table"


def render(answer: Answer, fmt: str) -> bytes:
    """The answer in a W3C results format (csv, tsv, json, xml) or, for triples, in an RDF
    syntax (ttl, nt, jsonld, trig, xml)."""
    if isinstance(answer, list):
        if fmt not in GRAPH_FORMATS:
            choices = ", ".join(sorted(GRAPH_FORMATS))
            raise ValueError(f"a CONSTRUCT or DESCRIBE query gives triples: use {choices}")
        from statement_kg.store import serialise

        return serialise(answer, fmt)
    if fmt not in RESULT_FORMATS:
        choices = ", ".join(["table", *RESULT_FORMATS])
        raise ValueError(f"a SELECT or ASK query gives results, not a graph: use {choices}")
    data = answer.serialize(format=RESULT_FORMATS[fmt])
    assert data is not None
    return well_formed(data, "results") if fmt == "xml" else data
