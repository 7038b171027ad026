"""Every class and property the graph uses is declared: our own terms in ontology/ with a
label and a comment, reused terms in their vocabularies."""

from __future__ import annotations

import pytest
from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS, SKOS
from rdflib.query import ResultRow
from rdflib.term import URIRef

from statement_kg.project import Project
from statement_kg.rdf.namespace import SKG, VOCABULARIES


@pytest.fixture(scope="module")
def graph(project: Project) -> Graph:
    return Graph().parse(project.graph / "statements.nt", format="nt")


@pytest.fixture(scope="module")
def ontology(project: Project) -> Graph:
    return Graph().parse(project.ontology, format="turtle")


def _used_terms(graph: Graph) -> set[URIRef]:
    predicates = {p for p in graph.predicates() if isinstance(p, URIRef)}
    classes = {o for o in graph.objects(None, RDF.type) if isinstance(o, URIRef)}
    return predicates | classes


def test_every_used_term_is_declared(graph: Graph, ontology: Graph) -> None:
    undeclared = sorted(
        term
        for term in _used_terms(graph)
        if not any(term in vocabulary for vocabulary in VOCABULARIES)
        or (term.startswith(str(SKG._NS)) and (term, RDF.type, None) not in ontology)
    )
    assert undeclared == []


def test_every_own_term_has_label_and_comment(ontology: Graph) -> None:
    own = {
        s
        for s in ontology.subjects(RDF.type, None)
        if isinstance(s, URIRef) and s.startswith(str(SKG._NS))
    }
    assert own
    lacking = sorted(
        t
        for t in own
        if (t, RDFS.label, None) not in ontology or (t, RDFS.comment, None) not in ontology
    )
    assert lacking == []


def test_python_namespace_matches_ontology(ontology: Graph) -> None:
    declared = {
        str(s).removeprefix(str(SKG._NS))
        for s in ontology.subjects(RDF.type, None)
        if isinstance(s, URIRef) and s.startswith(str(SKG._NS))
    }
    assert declared == set(SKG.__annotations__)


def test_ontology_header(ontology: Graph) -> None:
    (header,) = ontology.subjects(RDF.type, OWL.Ontology)
    for predicate in (
        OWL.versionIRI,
        OWL.versionInfo,
        RDFS.label,
        URIRef("http://purl.org/dc/terms/license"),
        URIRef("http://purl.org/dc/terms/description"),
    ):
        assert (header, predicate, None) in ontology, predicate


def test_misspelt_own_term_fails() -> None:
    with pytest.raises(AttributeError):
        _ = SKG.Statment


def test_a_narrower_term_names_its_broader_one(graph: Graph) -> None:
    """ "pogrom" is published as a kind of "massacre", so a query for massacres can reach it."""
    answer = graph.query(
        """SELECT ?broader WHERE {
             ?term skos:notation "pogrom" ; skos:broader/skos:notation ?broader }""",
        initNs={"skos": SKOS},
    )
    assert [str(row[0]) for row in answer if isinstance(row, ResultRow)] == ["massacre"]
