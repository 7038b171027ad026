"""Answers from different SPARQL engines, put in a form where the same answer compares equal.

SPARQL leaves some things to the engine, and these are the only differences forgiven here:
- the order of rows that ORDER BY leaves tied (literals with language tags have no defined
  order), so rows are compared as a multiset;
- the order of the parts of a GROUP_CONCAT (undefined in SPARQL 1.1), whether the parts'
  shared language tag survives (SPARQL 1.1 says it does not; Oxigraph keeps it), and whether
  it is unbound or "" when there is nothing to concatenate (Oxigraph: unbound; Virtuoso: "");
- the lexical form and derived datatype of a number ("7000.0" or "7000", xsd:positiveInteger
  or the xsd:integer Oxigraph's store keeps): the value is what counts;
- the labels of blank nodes, which are local to an answer.
Everything else (IRIs, strings, language tags, dates, row counts) must be identical."""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal

import pyoxigraph as ox

from statement_kg.query import Answer

XSD = "http://www.w3.org/2001/XMLSchema#"
_EXACT_NUMBERS = {
    XSD + name
    for name in [
        "decimal",
        "integer",
        "nonNegativeInteger",
        "positiveInteger",
        "nonPositiveInteger",
        "negativeInteger",
        "long",
        "int",
        "short",
        "byte",
        "unsignedLong",
        "unsignedInt",
        "unsignedShort",
        "unsignedByte",
    ]
}
_FLOATS = {XSD + "double", XSD + "float"}
_GROUP_CONCAT = re.compile(r"GROUP_CONCAT\s*\((?P<args>.*?)\)\s*AS\s*[?$](?P<var>\w+)", re.S | re.I)
_SEPARATOR = re.compile(r"SEPARATOR\s*=\s*(?P<q>[\"'])(?P<sep>.*?)(?P=q)", re.I)

Cell = tuple[object, ...] | None
Row = tuple[tuple[str, Cell], ...]


def separators(query: str) -> dict[str, str]:
    """The variables a query binds to a GROUP_CONCAT, each with its separator."""
    found = {}
    for match in _GROUP_CONCAT.finditer(query):
        separator = _SEPARATOR.search(match["args"])
        found[match["var"]] = separator["sep"] if separator else " "
    return found


def cell(term: ox.NamedNode | ox.BlankNode | ox.Literal | None, separator: str | None) -> Cell:
    if separator is not None:
        parts = term.value.split(separator) if term is not None and term.value else []
        return ("concat", *sorted(parts))
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return ("iri", term.value)
    if isinstance(term, ox.BlankNode):
        return ("blank",)
    return _literal(term)


def _literal(term: ox.Literal) -> Cell:
    if term.language:
        return ("literal", term.value, "@" + term.language.lower())
    datatype = term.datatype.value
    if datatype in _EXACT_NUMBERS:
        return ("number", Decimal(term.value))
    if datatype in _FLOATS:
        return ("float", float(term.value))
    if datatype == XSD + "boolean":
        return ("boolean", term.value in ("true", "1"))
    return ("literal", term.value, datatype)


def normalise(answer: Answer, query: str) -> object:
    """The answer as a sorted list of rows (SELECT), a boolean (ASK) or a set of triples."""
    if isinstance(answer, ox.QueryBoolean):
        return bool(answer)
    if isinstance(answer, list):
        return sorted(str(triple) for triple in answer)
    concatenated = separators(query)
    names = [v.value for v in answer.variables]
    rows: list[Row] = [
        tuple((name, cell(solution[name], concatenated.get(name))) for name in sorted(names))
        for solution in answer
    ]
    return (sorted(names), sorted(rows, key=repr))


def normalise_csv(body: str, query: str) -> object:
    """A CSV answer (no types, so terms are compared as text) as a sorted list of rows."""
    concatenated = separators(query)
    header, *rows = list(csv.reader(io.StringIO(body)))
    cells = [
        [
            tuple(sorted(value.split(concatenated[name]))) if name in concatenated else value
            for name, value in zip(header, row, strict=True)
        ]
        for row in rows
    ]
    return (header, sorted(cells, key=repr))
