"""Reads and writes mapping tables in the SSSOM TSV format (https://mapping-commons.github.io/sssom/):
a YAML metadata block in `#` comment lines, then a tab-separated table.

A small reader rather than the `sssom` package, which brings pandas and the LinkML runtime
for what is a few dozen rows here; in exchange every error names the file, the line and the
column, so a curator can fix it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from statement_kg.records import InputError
from statement_kg.yamlfile import read_utf8

REQUIRED_METADATA = ("curie_map", "mapping_set_id", "license")
REQUIRED_COLUMNS = ("subject_id", "predicate_id", "object_id", "mapping_justification")
# The SSSOM slots a row of ours may use; anything else is most likely a misspelt column.
COLUMNS = frozenset(
    {
        *REQUIRED_COLUMNS,
        "subject_label",
        "subject_type",
        "object_label",
        "object_type",
        "predicate_modifier",
        "confidence",
        "author_id",
        "author_label",
        "reviewer_id",
        "reviewer_label",
        "creator_id",
        "creator_label",
        "mapping_provider",
        "mapping_source",
        "mapping_tool",
        "mapping_date",
        "similarity_score",
        "see_also",
        "comment",
    }
)
# Prefixes every SSSOM file may use without declaring them (the SSSOM built-in prefixes).
BUILTIN_PREFIXES = {
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "semapv": "https://w3id.org/semapv/vocab/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "sssom": "https://w3id.org/sssom/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


@dataclass(frozen=True)
class Row:
    """One mapping: its cells by column name, and the line it is on."""

    line: int
    cells: Mapping[str, str]

    def get(self, column: str) -> str:
        return self.cells.get(column, "")


@dataclass(frozen=True)
class MappingSet:
    """A parsed SSSOM TSV file: its metadata, its columns in order, and its rows."""

    path: Path
    metadata: Mapping[str, Any]
    columns: tuple[str, ...]
    rows: tuple[Row, ...]

    @property
    def prefixes(self) -> dict[str, str]:
        return {**BUILTIN_PREFIXES, **self.metadata["curie_map"]}

    def expand(self, row: Row, column: str) -> str:
        """The IRI a CURIE cell stands for, or an InputError naming the line and column."""
        value = row.get(column)
        prefix, colon, local = value.partition(":")
        if not colon or prefix not in self.prefixes:
            raise InputError(
                self.path,
                f"{value!r} is not a CURIE with a prefix of the curie_map",
                line=row.line,
                field=column,
            )
        return self.prefixes[prefix] + local


def contract(iri: str, prefixes: Mapping[str, str]) -> str:
    """The shortest CURIE for an IRI under the given prefixes (the IRI if none fits)."""
    best = ("", "")
    for prefix, namespace in prefixes.items():
        if iri.startswith(namespace) and len(namespace) > len(best[1]):
            best = (prefix, namespace)
    return f"{best[0]}:{iri[len(best[1]) :]}" if best[0] else iri


def _metadata(path: Path, lines: list[str]) -> dict[str, Any]:
    text = "\n".join(line[1:] for line in lines)
    try:
        data = yaml.safe_load(text) if lines else None
    except yaml.MarkedYAMLError as err:
        line = err.problem_mark.line + 1 if err.problem_mark else None
        raise InputError(path, f"invalid YAML metadata: {err.problem}", line=line) from err
    if not isinstance(data, dict):
        raise InputError(path, "no YAML metadata block (lines starting with '#') at the top", 1)
    for key in REQUIRED_METADATA:
        if not data.get(key):
            raise InputError(path, f"the metadata has no {key!r}", line=1)
    curie_map = data["curie_map"]
    if not isinstance(curie_map, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in curie_map.items()
    ):
        raise InputError(path, "curie_map must map prefixes to namespace IRIs", line=1)
    return data


def read(path: Path) -> MappingSet:
    """The mapping set in the file, well-formed, or an InputError naming file and line."""
    return parse(path, read_utf8(path))


def parse(path: Path, text: str) -> MappingSet:
    """The mapping set in a text that is (or is to be) the file at `path`."""
    lines = text.splitlines()
    header_end = next((i for i, line in enumerate(lines) if not line.startswith("#")), len(lines))
    metadata = _metadata(path, lines[:header_end])
    if header_end == len(lines) or not lines[header_end].strip():
        raise InputError(path, "no column header after the metadata", line=header_end + 1)
    columns = tuple(lines[header_end].split("\t"))
    for column in columns:
        if column not in COLUMNS:
            raise InputError(path, f"unknown column {column!r}", line=header_end + 1)
    for column in REQUIRED_COLUMNS:
        if column not in columns:
            raise InputError(path, f"missing column {column!r}", line=header_end + 1)
    if len(set(columns)) != len(columns):
        raise InputError(path, "a column is named twice", line=header_end + 1)
    rows = []
    for index in range(header_end + 1, len(lines)):
        if not lines[index].strip():
            continue
        cells = lines[index].split("\t")
        if len(cells) != len(columns):
            raise InputError(
                path,
                f"{len(cells)} cells where the header has {len(columns)} columns",
                line=index + 1,
            )
        rows.append(Row(index + 1, dict(zip(columns, (c.strip() for c in cells), strict=True))))
    return MappingSet(path, metadata, columns, tuple(rows))


def render_metadata(metadata: Mapping[str, Any]) -> str:
    dumped = yaml.safe_dump(dict(metadata), sort_keys=False, allow_unicode=True, width=1000)
    return "".join(f"# {line}\n" for line in dumped.splitlines())


def render_rows(columns: Sequence[str], rows: Sequence[Mapping[str, str]]) -> str:
    """Table lines for the rows; a tab or a line break inside a cell would break the table,
    so it is refused."""
    out = []
    for row in rows:
        cells = [row.get(column, "") for column in columns]
        for cell in cells:
            if "\t" in cell or "\n" in cell or "\r" in cell:
                raise ValueError(f"a cell holds a tab or a line break: {cell!r}")
        out.append("\t".join(cells) + "\n")
    return "".join(out)


def render(
    metadata: Mapping[str, Any], columns: Sequence[str], rows: Sequence[Mapping[str, str]]
) -> str:
    """A whole SSSOM TSV file."""
    return render_metadata(metadata) + "\t".join(columns) + "\n" + render_rows(columns, rows)
