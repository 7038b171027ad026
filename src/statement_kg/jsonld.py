"""Compact JSON-LD for web developers: one `@context` that holds the Web Annotation terms
(`id`, `type`, `target`, `selector`, `exact`, `start`...) and our prefixes, `type` for
rdf:type, CURIEs instead of full IRIs, and JSON's own booleans and numbers.

The context is written inline, from the copy shipped in the package, so that reading the
file never fetches anything. rdflib's JSON-LD serializer compacts; what it leaves as strings
for terms the context types as integers (`start`, `end`, `ordinal`) becomes a JSON number,
which the same term definition reads back with its datatype. An xsd:decimal that is not a
whole number stays a typed value: a JSON fraction would read back as xsd:double. Parsed by
any JSON-LD 1.1 processor the file gives back exactly the graph (tests/test_jsonld.py)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from importlib import resources
from itertools import pairwise
from typing import Any

import pyoxigraph as ox
from rdflib import Graph

from statement_kg.rdf.namespace import PREFIXES, RDF

_INTEGER_TYPES = frozenset(
    f"xsd:{name}" for name in ("integer", "nonNegativeInteger", "positiveInteger")
)
# Terms of our own whose values are integers of a derived type: a JSON number with them.
_OWN_TERMS = {"ordinal": {"@id": "skg:ordinal", "@type": "xsd:positiveInteger"}}


def web_annotation_context() -> dict[str, Any]:
    """The Web Annotation context's term definitions that the graph uses, shipped with
    the package (contexts/web-annotation.jsonld)."""
    text = (
        resources.files("statement_kg.contexts")
        .joinpath("web-annotation.jsonld")
        .read_text(encoding="utf-8")
    )
    context: dict[str, Any] = json.loads(text)["@context"]
    return context


def context() -> list[dict[str, Any]]:
    """Web Annotation's terms, then our prefixes (ours win where a prefix differs, as
    schema.org's https namespace does) and our integer-typed terms."""
    ours: dict[str, Any] = {name: str(namespace) for name, namespace in PREFIXES.items()}
    ours.update(_OWN_TERMS)
    return [web_annotation_context(), ours]


def _integer_terms(contexts: list[dict[str, Any]]) -> frozenset[str]:
    return frozenset(
        term
        for definitions in contexts
        for term, definition in definitions.items()
        if isinstance(definition, dict) and definition.get("@type") in _INTEGER_TYPES
    )


def _native(node: dict[str, Any], integer_terms: frozenset[str]) -> dict[str, Any]:
    for term in integer_terms & node.keys():
        value = node[term]
        node[term] = [int(v) for v in value] if isinstance(value, list) else int(value)
    return node


def _sorted(value: Any) -> Any:
    """Keys and value lists in a fixed order (the context keeps its own, written order)."""
    if isinstance(value, dict):
        return {key: _sorted(value[key]) for key in sorted(value)}
    if isinstance(value, list):
        return sorted(
            (_sorted(item) for item in value), key=lambda v: json.dumps(v, sort_keys=True)
        )
    return value


def compact_nodes(nt: bytes) -> list[dict[str, Any]]:
    """The nodes of an N-Triples graph in compact JSON-LD, each with its keys sorted."""
    graph = Graph().parse(data=nt, format="nt") if nt else Graph()
    contexts = context()
    document = json.loads(graph.serialize(format="json-ld", context=contexts))
    integer_terms = _integer_terms(contexts)
    document.pop("@context", None)
    # rdflib writes a lone node without @graph, and nothing at all for an empty graph.
    nodes = document.get("@graph", [document] if document else [])
    return [_sorted(_native(node, integer_terms)) for node in nodes]


def node_text(node: dict[str, Any]) -> str:
    """A node as `assemble` writes it in the document's @graph, indented to its depth (a
    JSON string holds no raw line break), so that kept texts join into the same bytes."""
    return json.dumps(node, ensure_ascii=False, indent=1).replace("\n", "\n  ")


def assemble_texts(texts: list[tuple[str, str]]) -> bytes:
    """The document of nodes given as (IRI, `node_text`), nodes in IRI order: the bytes
    json.dumps gives for the whole document, written without encoding it again."""
    head = json.dumps({"@context": context()}, ensure_ascii=False, indent=1)
    ordered = [text for _, text in sorted(texts, key=lambda pair: pair[0])]
    nodes = "[\n  " + ",\n  ".join(ordered) + "\n ]" if ordered else "[]"
    return f'{head.removesuffix(chr(10) + "}")},\n "@graph": {nodes}\n}}\n'.encode()


def assemble(nodes: list[dict[str, Any]]) -> bytes:
    """The document of `compact_nodes`' nodes (from one graph or its parts), nodes in IRI
    order."""
    return assemble_texts([(str(node.get("id", "")), node_text(node)) for node in nodes])


def compact(triples: Iterable[ox.Triple]) -> bytes:
    """The triples as compact JSON-LD, nodes in IRI order and keys sorted, so that the
    same graph always gives the same bytes."""
    return assemble(compact_nodes(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""))


_FIRST = ox.NamedNode(str(RDF.first))


def separable(triples: Sequence[ox.Triple]) -> bool:
    """Whether rdflib writes one node per subject from that subject's triples alone: so
    long as no node is blank and no list is in the graph."""
    return not any(
        isinstance(t.subject, ox.BlankNode)
        or isinstance(t.object, ox.BlankNode)
        or t.predicate == _FIRST
        for t in triples
    )


def subject_parts(triples: Sequence[ox.Triple], parts: int) -> list[bytes]:
    """Sorted triples cut into about `parts` pieces of N-Triples between subjects, to be
    compacted apart (the graph stays whole unless `separable`)."""
    whole = [ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""]
    if parts < 2 or not separable(triples):
        return whole
    cuts = [0]
    for part in range(1, parts):
        cut = max(cuts[-1], len(triples) * part // parts)
        while 0 < cut < len(triples) and triples[cut].subject == triples[cut - 1].subject:
            cut += 1
        cuts.append(cut)
    cuts.append(len(triples))
    return [
        ox.serialize(triples[start:end], format=ox.RdfFormat.N_TRIPLES) or b""
        for start, end in pairwise(cuts)
        if start < end
    ]
