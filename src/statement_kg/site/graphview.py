"""A read-only view of the built graph for the site: triple-pattern look-ups over an
in-memory Oxigraph store, returning plain strings so that templates never see RDF terms."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from statement_kg.store import GRAPH_FILES

Term = ox.NamedNode | ox.BlankNode | ox.Literal


class GraphView:
    def __init__(self, graph_dir: Path) -> None:
        path = graph_dir / GRAPH_FILES["nt"]
        if not path.exists():
            raise FileNotFoundError(f"{path} not found: run 'statement-kg build' first")
        self.path = path
        self.store = ox.Store()
        self.store.bulk_load(path=str(path), format=ox.RdfFormat.N_TRIPLES)

    def objects(self, subject: str, predicate: str) -> list[Term]:
        """Every object, sorted by value, so that pages come out the same every time."""
        found: list[Term] = []
        for quad in self.store.quads_for_pattern(
            ox.NamedNode(subject), ox.NamedNode(predicate), None
        ):
            if not isinstance(quad.object, ox.Triple):
                found.append(quad.object)
        return sorted(found, key=lambda t: t.value)

    def values(self, subject: str, predicate: str) -> list[str]:
        return [t.value for t in self.objects(subject, predicate)]

    def value(self, subject: str, predicate: str) -> str | None:
        found = self.values(subject, predicate)
        return found[0] if found else None

    def subjects(self, predicate: str, obj: str | None = None) -> list[str]:
        target = ox.NamedNode(obj) if obj is not None else None
        return sorted(
            {
                q.subject.value
                for q in self.store.quads_for_pattern(None, ox.NamedNode(predicate), target)
                if not isinstance(q.subject, ox.Triple)
            }
        )

    def typed(self, cls: str) -> list[str]:
        return self.subjects(RDF_TYPE, cls)

    def has_type(self, subject: str, cls: str) -> bool:
        return cls in self.values(subject, RDF_TYPE)

    def triples_under(self, prefix: str) -> Iterator[ox.Triple]:
        """The triples whose subject is `prefix` or an IRI below it (`prefix/...`): one
        statement's own subgraph."""
        for quad in self.store.quads_for_pattern(None, None, None):
            if isinstance(quad.subject, ox.Triple):
                continue
            name = quad.subject.value
            if name == prefix or name.startswith(prefix + "/"):
                yield quad.triple


RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
