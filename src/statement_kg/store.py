"""The embedded store and its I/O. rdflib holds the graph while it is built and validated
(pyshacl works on it); Oxigraph parses, serialises and queries, about ten times faster
(see benchmarks/). Output is written to a temporary file and renamed, so a reader never
sees half a file and a failed run leaves the previous one in place."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from statement_kg.rdf.namespace import PREFIXES

FORMATS: dict[str, ox.RdfFormat] = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "trig": ox.RdfFormat.TRIG,
    "xml": ox.RdfFormat.RDF_XML,
}
GRAPH_FILES = {"ttl": "statements.ttl", "nt": "statements.nt", "jsonld": "statements.jsonld"}
_PREFIXES = {name: str(ns) for name, ns in PREFIXES.items()}


def _term(node: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(node, URIRef):
        return ox.NamedNode(str(node))
    if isinstance(node, BNode):
        return ox.BlankNode(str(node))
    if isinstance(node, Literal):
        if node.language:
            return ox.Literal(str(node), language=node.language)
        if node.datatype:
            return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype)))
        return ox.Literal(str(node))
    raise TypeError(f"not an RDF term: {node!r}")


def canonical_triples(graph: Graph) -> list[ox.Triple]:
    """The graph's triples in a fixed order (subject, predicate, object), so that the same
    graph always serialises to the same bytes."""
    triples = [ox.Triple(_term(s), _term(p), _term(o)) for s, p, o in graph]  # type: ignore[arg-type]
    triples.sort(key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    return triples


def atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def serialise(triples: Iterable[ox.Triple], fmt: str) -> bytes:
    data = ox.serialize(triples, format=FORMATS[fmt], prefixes=_PREFIXES)
    assert data is not None
    return data


def write_graph(triples: list[ox.Triple], out_dir: Path) -> dict[str, Path]:
    """Every dump of the graph, each file replaced atomically."""
    data = {fmt: serialise(triples, fmt) for fmt in GRAPH_FILES}
    written = {}
    for fmt, name in GRAPH_FILES.items():
        atomic_write(out_dir / name, data[fmt])
        written[fmt] = out_dir / name
    return written


def load_store(graph_dir: Path) -> ox.Store:
    """An in-memory Oxigraph store holding the built graph."""
    path = graph_dir / GRAPH_FILES["nt"]
    if not path.exists():
        raise FileNotFoundError(f"{path} not found: run 'statement-kg build' first")
    store = ox.Store()
    store.bulk_load(path=str(path), format=ox.RdfFormat.N_TRIPLES)
    return store


def export(store: ox.Store, fmt: str) -> bytes:
    quads = store.quads_for_pattern(None, None, None, ox.DefaultGraph())
    triples = sorted((q.triple for q in quads),
                     key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    return serialise(triples, fmt)
