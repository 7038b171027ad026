"""Answers as tables for a reader: labels where the graph has them, known prefixes for other
IRIs, control characters made visible, words kept whole, and a width that fits a pipe."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Mapping, Sequence

import pyoxigraph as ox
from rich.console import Console
from rich.table import Table
from rich.text import Text

Term = ox.NamedNode | ox.BlankNode | ox.Literal | None
LABELS = (
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "https://schema.org/name",
)
# Width of a table written to a pipe or file when $COLUMNS does not say.
PIPE_WIDTH = 120
# A word up to this long is never split across lines, even if the table must grow wider
# than the width for it; a longer one (a long IRI, a URL) is folded.
WHOLE_WORD = 60
# Escape sequences in a title must not reach the terminal: C0 and C1 controls but tab and
# newline, DEL, and the line and paragraph separators.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def _prefixes() -> list[tuple[str, str]]:
    # Imported here: the vocabulary module loads rdflib, which a CSV answer never needs.
    from statement_kg.rdf.namespace import PREFIXES

    return sorted(((str(ns), name) for name, ns in PREFIXES.items()), key=lambda p: -len(p[0]))


def visible(text: str) -> str:
    """The text with control characters written as escapes (`\\x1b`)."""
    return _CONTROL.sub(lambda m: m[0].encode("unicode_escape").decode("ascii"), text)


def choose_labels(named: Iterable[tuple[str, str, ox.Literal]]) -> dict[str, str]:
    """One label per IRI from (IRI, predicate, label) triples: the first predicate of LABELS
    that has one, an English (or untagged) label before others, then the first in order."""
    options: dict[str, list[tuple[int, bool, str]]] = {}
    for iri, predicate, label in named:
        rank = (LABELS.index(predicate), label.language not in ("en", None), label.value)
        options.setdefault(iri, []).append(rank)
    return {iri: min(ranks)[2] for iri, ranks in options.items()}


def labels(store: ox.Store, iris: Iterable[str]) -> dict[str, str]:
    """A label for each IRI that has one in the store."""
    return choose_labels(
        (iri, predicate, quad.object)
        for iri in set(iris)
        for predicate in LABELS
        for quad in store.quads_for_pattern(ox.NamedNode(iri), ox.NamedNode(predicate), None)
        if isinstance(quad.object, ox.Literal)
    )


def labels_query(iris: Iterable[str]) -> str:
    """A query for the labels of the IRIs, for a store that is not at hand (an endpoint)."""
    values = " ".join(f"<{iri}>" for iri in sorted(set(iris)))
    predicates = " ".join(f"<{p}>" for p in LABELS)
    return (
        f"SELECT ?s ?p ?label WHERE {{ VALUES ?s {{ {values} }} VALUES ?p {{ {predicates} }} "
        "?s ?p ?label }"
    )


class Display:
    """How terms show in a table: labels when known, else IRIs with a known prefix."""

    def __init__(self, labels: Mapping[str, str] | None = None) -> None:
        self.labels = dict(labels or {})
        self.compact = _prefixes()

    def __call__(self, term: Term) -> str:
        if term is None:
            return ""
        if isinstance(term, ox.NamedNode):
            if term.value in self.labels:
                return visible(self.labels[term.value])
            for namespace, name in self.compact:
                if term.value.startswith(namespace):
                    return visible(f"{name}:{term.value[len(namespace) :]}")
        return visible(term.value)


def width() -> int | None:
    """None (the terminal's own) on a terminal; $COLUMNS or PIPE_WIDTH otherwise."""
    if sys.stdout.isatty():
        return None
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and int(columns) > 20 else PIPE_WIDTH


def column_widths(columns: Sequence[str], rows: Sequence[Sequence[str]], room: int) -> list[int]:
    """Widths that fit `room` characters of cell text where they can: each column at least
    as wide as its longest word (up to WHOLE_WORD), the rest shared by what each would
    need to show its cells on one line."""
    natural, least = [], []
    for index, column in enumerate(columns):
        cells = [column, *(row[index] for row in rows)]
        natural.append(max(len(line) for cell in cells for line in cell.splitlines() or [""]))
        words = [len(word) for cell in cells for word in cell.split()]
        least.append(min(max(words, default=1), WHOLE_WORD, natural[-1]) or 1)
    if sum(natural) <= room:
        return natural
    spare = room - sum(least)
    if spare <= 0:
        return least
    wanted = [n - m for n, m in zip(natural, least, strict=True)]
    total = sum(wanted)
    return [m + spare * w // total for m, w in zip(least, wanted, strict=True)]


def print_table(columns: Sequence[str], rows: Sequence[Sequence[str]], title: str = "") -> None:
    """Rows of text as a table that fits the width, words kept whole where they fit: a table
    whose longest words cannot fit grows wider rather than split them."""
    console = Console(width=width(), soft_wrap=False)
    borders = 3 * len(columns) + 1  # a space either side of each cell, and the rules
    widths = column_widths(columns, rows, console.width - borders)
    table = Table(show_lines=True, title=title or None, title_justify="left")
    for column, size in zip(columns, widths, strict=True):
        table.add_column(column, overflow="fold", width=size)
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))
    console.width = max(console.width, sum(widths) + borders)
    console.print(table)
