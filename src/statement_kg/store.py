"""The embedded store and its I/O. rdflib holds the graph while it is built and validated
(pyshacl works on it); Oxigraph parses, serialises and queries, about ten times faster
(see benchmarks/). Output is written to a temporary file and renamed, so a reader never
sees half a file and a failed run leaves the previous one in place."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable
from concurrent.futures import Executor
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from statement_kg.jsonld import compact
from statement_kg.nodecache import compact_reusing
from statement_kg.rdf.namespace import PREFIXES
from statement_kg.xmlsafe import well_formed

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


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def to_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
    """An Oxigraph term as rdflib's. Oxigraph gives plain literals the datatype xsd:string,
    rdflib none: normalised here so that graphs from both compare equal."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == _XSD_STRING:
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def canonical_triples(graph: Iterable[tuple[Node, Node, Node]]) -> list[ox.Triple]:
    """The triples of a graph (or any rdflib triples) in a fixed order (subject, predicate,
    object), so that the same graph always serialises to the same bytes."""
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
    """The triples in a syntax of FORMATS; JSON-LD compact, with a context (jsonld.py)."""
    if fmt == "jsonld":
        return compact(triples)
    data = ox.serialize(triples, format=FORMATS[fmt], prefixes=_PREFIXES)
    assert data is not None
    return well_formed(data, "rdf") if fmt == "xml" else data


def write_graph(
    nt: bytes,
    out_dir: Path,
    *,
    pool: Executor | None = None,
    parts: int = 1,
    nodes: Path | None = None,
) -> dict[str, Path]:
    """Every dump of the graph, given as sorted canonical N-Triples `nt` (the N-Triples
    dump itself), each file replaced atomically. Turtle is written from the lines as they
    are parsed, without a list of every triple. The JSON-LD, much the slowest to write,
    reuses the nodes kept in the file `nodes` (when given) and compacts the rest in `parts`
    on `pool` (when given); the bytes are the same either way."""
    parsed = (q.triple for q in ox.parse(nt, format=ox.RdfFormat.N_TRIPLES))
    data = {"nt": nt, "ttl": serialise(parsed, "ttl")}
    data["jsonld"] = compact_reusing(nt, nodes, pool=pool, parts=parts)
    written = {}
    for fmt, name in GRAPH_FILES.items():
        atomic_write(out_dir / name, data[fmt])
        written[fmt] = out_dir / name
    return written


# The build also leaves the graph in an Oxigraph database beside the dumps, so that a query
# opens it read-only instead of parsing a dump first. It is git-ignored: a clone has only
# the dumps, and a dump changed since the build (a checkout) is parsed as before.
STORE_DIR = ".store"
_DATABASE = "db"
_SOURCE = "source"


def _fingerprint(path: Path) -> str:
    status = path.stat()
    return f"{status.st_size} {status.st_mtime_ns}"


def write_store(graph_dir: Path, previous: Path | None = None) -> bool:
    """Puts graph_dir's N-Triples dump into a database in graph_dir/.store and records
    which dump it holds. When `previous` (the folder graph_dir replaces) holds a database
    of its own dump, that database is copied and given the lines that differ between the
    dumps, a small change when one document changed, rather than loading every line again;
    True when it was."""
    dump = graph_dir / GRAPH_FILES["nt"]
    folder = graph_dir / STORE_DIR
    updated = previous is not None and _updated(previous, dump, folder / _DATABASE)
    if not updated:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        store = ox.Store(str(folder / _DATABASE))
        store.bulk_load(path=str(dump), format=ox.RdfFormat.N_TRIPLES)
        # The bulk loader leaves its files as it wrote them, more of them as the graph
        # grows; compacted once here (about a second at a million triples), a query reads
        # fewer of them.
        store.optimize()
        store.flush()
        del store
    (folder / _SOURCE).write_text(_fingerprint(dump), encoding="utf-8")
    return updated


def _quads(lines: Iterable[bytes]) -> list[ox.Quad]:
    return list(ox.parse(b"".join(lines), format=ox.RdfFormat.N_TRIPLES))


def _updated(previous: Path, dump: Path, database: Path) -> bool:
    """Copies previous's database to `database` and applies the difference of the dumps;
    False, copying nothing, when previous holds no database of its dump or the difference
    names a blank node (the parser renames those, so an old one cannot be found again)."""
    old_dump = previous / GRAPH_FILES["nt"]
    if _persistent(previous, old_dump) is None:
        return False
    old = set(old_dump.read_bytes().splitlines(keepends=True))
    new = dump.read_bytes().splitlines(keepends=True)
    added = [line for line in new if line not in old]
    old.difference_update(new)
    changed = [*old, *added]
    if any(line.startswith(b"_:") or b" _:" in line for line in changed):
        return False
    database.parent.mkdir()
    shutil.copytree(previous / STORE_DIR / _DATABASE, database)
    store = ox.Store(str(database))
    for quad in _quads(old):
        store.remove(quad)
    # The database stores a literal of a derived integer type as xsd:integer, so a removed
    # line may have stood for the same quad as a kept one: every kept line with the subject
    # and predicate of a removed one is added again (adding a quad held already is nothing).
    starts = tuple({b" ".join(line.split(b" ", 2)[:2]) + b" " for line in old})
    again = [line for line in new if line.startswith(starts)]
    store.extend([*_quads(added), *_quads(again)])
    store.flush()
    del store
    return True


def _persistent(graph_dir: Path, dump: Path) -> ox.Store | None:
    source = graph_dir / STORE_DIR / _SOURCE
    try:
        if source.read_text(encoding="utf-8") != _fingerprint(dump):
            return None
        return ox.Store.read_only(str(graph_dir / STORE_DIR / _DATABASE))
    except OSError:
        return None


def load_store(graph_dir: Path) -> ox.Store:
    """An Oxigraph store holding the built graph, for queries: the build's database opened
    read-only when it holds the current dump, else the dump loaded in memory. (Its literals
    of derived integer types read back as xsd:integer; values are unchanged.)"""
    path = graph_dir / GRAPH_FILES["nt"]
    if not path.exists():
        raise FileNotFoundError(f"{path} not found: run 'statement-kg build' first")
    persistent = _persistent(graph_dir, path)
    if persistent is not None:
        return persistent
    store = ox.Store()
    store.bulk_load(path=str(path), format=ox.RdfFormat.N_TRIPLES)
    return store


def export(graph_dir: Path, fmt: str) -> bytes:
    """The built graph in another syntax. Read from the N-Triples dump rather than from a
    store: Oxigraph's store turns derived datatypes such as xsd:nonNegativeInteger into
    xsd:integer, its parser keeps them."""
    path = graph_dir / GRAPH_FILES["nt"]
    if not path.exists():
        raise FileNotFoundError(f"{path} not found: run 'statement-kg build' first")
    quads = ox.parse(path=str(path), format=ox.RdfFormat.N_TRIPLES)
    triples = sorted(
        (q.triple for q in quads), key=lambda t: (str(t.subject), str(t.predicate), str(t.object))
    )
    return serialise(triples, fmt)
