"""graph/statements.jsonld is compact JSON-LD a web developer can use as plain JSON: one
inline @context (Web Annotation's terms and our prefixes, nothing to fetch), `type` for
rdf:type, JSON booleans and numbers; and it reads back, in rdflib and in Oxigraph, as
exactly the graph of graph/statements.nt."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from statement_kg.jsonld import compact, web_annotation_context
from statement_kg.project import Project
from statement_kg.store import canonical_triples, to_rdflib


@pytest.fixture(scope="module")
def document(project: Project) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((project.graph / "statements.jsonld").read_text("utf-8"))
    return data


@pytest.fixture(scope="module")
def expected(project: Project) -> Graph:
    return Graph().parse(project.graph / "statements.nt", format="nt")


def _walk(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from _walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item)


def _by_rdflib(path: Path) -> Graph:
    return Graph().parse(path, format="json-ld")


def _by_oxigraph(path: Path) -> Graph:
    graph = Graph()
    for quad in ox.parse(path=str(path), format=ox.RdfFormat.JSON_LD):
        graph.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    return graph


@pytest.mark.parametrize("read", [_by_rdflib, _by_oxigraph], ids=["rdflib", "oxigraph"])
def test_reads_back_as_the_same_graph(
    read: Callable[[Path], Graph], project: Project, expected: Graph
) -> None:
    assert isomorphic(read(project.graph / "statements.jsonld"), expected)


def test_context_is_inline_and_starts_with_web_annotation(document: dict[str, Any]) -> None:
    contexts = document["@context"]
    assert all(isinstance(c, dict) for c in contexts), "a context URL would be fetched"
    assert contexts[0] == web_annotation_context()
    assert contexts[0]["target"] == {"@type": "@id", "@id": "oa:hasTarget"}
    assert contexts[1]["skg"] == "https://w3id.org/statement-kg/ontology#"


def test_compact_terms_types_and_native_values(document: dict[str, Any]) -> None:
    nodes = list(_walk(document["@graph"]))
    assert not any(key.startswith("http") or key == "rdf:type" for n in nodes for key in n)
    assert not any("@type" in n for n in nodes if "@value" not in n)
    positions = [n for n in nodes if n.get("type") == "TextPositionSelector"]
    assert positions
    assert all(isinstance(n["start"], int) and isinstance(n["end"], int) for n in positions)
    inferred = [n["skg:issuedInferred"] for n in nodes if "skg:issuedInferred" in n]
    assert inferred
    assert {type(value) for value in inferred} == {bool}
    values = [n["schema:value"] for n in nodes if "schema:value" in n]
    assert 613 in values
    assert not any(isinstance(v, str) for v in values)
    annotated = [n for n in nodes if "target" in n]
    assert annotated
    assert all("Annotation" in n["type"] for n in annotated)


@pytest.mark.parametrize(
    "literal",
    [
        Literal("2.5", datatype=URIRef("http://www.w3.org/2001/XMLSchema#decimal")),
        Literal("31", datatype=URIRef("http://www.w3.org/2001/XMLSchema#positiveInteger")),
        Literal("true", datatype=URIRef("http://www.w3.org/2001/XMLSchema#boolean")),
        Literal("a\x00b\r\nc", lang="en"),
        Literal("1992-02", datatype=URIRef("http://www.w3.org/2001/XMLSchema#gYearMonth")),
    ],
    ids=["decimal", "positive-integer", "boolean", "control-characters", "year-month"],
)
def test_every_literal_round_trips(literal: Literal) -> None:
    graph = Graph()
    graph.add(
        (URIRef("https://w3id.org/statement-kg/id/x"), URIRef("https://example.org/p"), literal)
    )
    data = compact(canonical_triples(graph))
    assert isomorphic(Graph().parse(data=data, format="json-ld"), graph)


def test_the_same_graph_gives_the_same_bytes(expected: Graph) -> None:
    assert compact(canonical_triples(expected)) == compact(reversed(canonical_triples(expected)))
