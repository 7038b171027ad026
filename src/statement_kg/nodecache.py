"""The JSON-LD dump, reusing what the last build compacted. rdflib compacts each subject's
triples into one node, from those triples alone (see `jsonld.subject_parts`), and that is
most of the time of writing the dumps; so each node is kept, keyed by its subject's
N-Triples, as the text it has in the document (`jsonld.node_text`), and a build compacts
only the subjects whose triples changed and joins the texts. A graph with blank nodes or
lists is compacted whole, as before."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
from concurrent.futures import Executor
from itertools import groupby
from pathlib import Path
from typing import Any

import rdflib
from rdflib.plugins.shared.jsonld.context import Context

from statement_kg.cache import context_digest
from statement_kg.jsonld import (
    assemble,
    assemble_texts,
    compact_nodes,
    context,
    node_text,
)
from statement_kg.rdf.namespace import RDF

# A node kept: its IRI (as the document names it) and its text.
Node = tuple[str, str]


def _stamp() -> str:
    """What a node depends on besides its triples: the code, rdflib and the context."""
    return context_digest([rdflib.__version__.encode(), json.dumps(context()).encode()])


def _load(path: Path, stamp: str) -> dict[bytes, Node]:
    try:
        with path.open("rb") as handle:
            kept = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        return {}
    if not (isinstance(kept, tuple) and len(kept) == 2 and kept[0] == stamp):
        return {}
    nodes = kept[1]
    return nodes if isinstance(nodes, dict) else {}


def _save(path: Path, stamp: str, nodes: dict[bytes, Node]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as out:
            pickle.dump((stamp, nodes), out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _subjects(nt: bytes) -> list[tuple[str, bytes]]:
    """Each subject of sorted N-Triples that name no blank node (so an IRI, written
    `<IRI>`) with its lines, in the same order."""
    lines = nt.splitlines(keepends=True)
    return [
        (subject[1:-1].decode(), b"".join(group))
        for subject, group in groupby(lines, key=lambda line: line.partition(b" ")[0])
    ]


_FIRST = f"<{RDF.first}> ".encode()


def _separable(nt: bytes) -> bool:
    """`jsonld.separable` read from the N-Triples; a literal that holds " _:" or the IRI
    of rdf:first only makes the graph compacted whole."""
    return not (nt.startswith(b"_:") or b"\n_:" in nt or b" _:" in nt or _FIRST in nt)


def _pieces(groups: list[bytes], parts: int) -> list[bytes]:
    size = -(-len(groups) // max(parts, 1))
    return [b"".join(groups[i : i + size]) for i in range(0, len(groups), size)]


def compact_reusing(
    nt: bytes,
    store: Path | None,
    *,
    pool: Executor | None = None,
    parts: int = 1,
) -> bytes:
    """`jsonld.compact` of the sorted, canonical N-Triples `nt`, taking each subject's
    node from the file `store` where its triples are unchanged and compacting the rest in
    `parts` on `pool` (here when none); `store` then holds this graph's nodes."""
    if not _separable(nt):
        return assemble(compact_nodes(nt))
    subjects = _subjects(nt)
    keys = [hashlib.blake2b(lines, digest_size=16).digest() for _, lines in subjects]
    stamp = _stamp()
    known = _load(store, stamp) if store is not None else {}
    missing = [
        (iri, lines) for (iri, lines), key in zip(subjects, keys, strict=True) if key not in known
    ]
    pieces = _pieces([lines for _, lines in missing], parts) if missing else []
    if pool is not None:
        found = [
            node for f in [pool.submit(compact_nodes, p) for p in pieces] for node in f.result()
        ]
    else:
        found = [node for piece in pieces for node in compact_nodes(piece)]
    by_id = {str(node.get("id")): node for node in found}
    terms: list[dict[str, Any] | str | None] = [*context()]
    shrink = Context(terms).shrink_iri
    nodes: dict[bytes, Node] = {}
    for (iri, _), key in zip(subjects, keys, strict=True):
        if key in known:
            nodes[key] = known[key]
        else:
            node = by_id[shrink(iri)]
            nodes[key] = (str(node.get("id", "")), node_text(node))
    if store is not None:
        _save(store, stamp, nodes)
    return assemble_texts(list(nodes.values()))
