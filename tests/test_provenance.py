"""Standard RDF that web tools can use without our ontology: every annotation is typed
oa:Annotation itself; a statement is prov:wasAttributedTo its issuers; every annotation names
the activity (software, version, rule) that generated it, and a curated one its curator;
whole numbers are xsd:integer, never a decimal like 106.0."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD

from statement_kg import __version__
from statement_kg.project import Project
from statement_kg.rdf.claims import number_literal
from statement_kg.rdf.namespace import OA, SCHEMA, SKG
from statement_kg.rdf.provenance import RULES, curated, generated
from statement_kg.validate import load_shapes, validate_graph


@pytest.fixture(scope="module")
def graph(project: Project) -> Graph:
    return Graph().parse(project.graph / "statements.nt", format="nt")


def test_every_annotation_is_an_oa_annotation(graph: Graph) -> None:
    annotations = set(graph.subjects(OA.hasTarget, None))
    assert len(annotations) > 500
    assert {a for a in annotations if (a, RDF.type, OA.Annotation) not in graph} == set()


def test_statements_are_attributed_to_their_issuers(graph: Graph) -> None:
    statements = set(graph.subjects(RDF.type, SKG.Statement))
    assert statements
    for statement in statements:
        issuers = set(graph.objects(statement, DCTERMS.creator))
        assert issuers
        assert set(graph.objects(statement, PROV.wasAttributedTo)) == issuers


def test_every_annotation_names_software_version_and_rule(graph: Graph) -> None:
    rules = set()
    for annotation in graph.subjects(OA.hasTarget, None):
        (activity,) = graph.objects(annotation, PROV.wasGeneratedBy)
        (association,) = graph.objects(activity, PROV.qualifiedAssociation)
        (agent,) = graph.objects(association, PROV.agent)
        (plan,) = graph.objects(association, PROV.hadPlan)
        assert (agent, RDF.type, PROV.SoftwareAgent) in graph
        assert (agent, SCHEMA.softwareVersion, Literal(__version__)) in graph
        assert (activity, PROV.wasAssociatedWith, agent) in graph
        rules.add(str(graph.value(plan, RDFS.label)))
    assert (
        {"mentions", "dates", "figures", "characterisations", "quotations"} <= rules <= set(RULES)
    )


def test_no_annotation_of_the_corpus_is_curated_yet(graph: Graph) -> None:
    assert list(graph.subject_objects(SKG.curatedBy)) == []


CLAIM = URIRef("https://w3id.org/statement-kg/id/statement/x/figure/0-3")
PERSON = URIRef("https://w3id.org/statement-kg/id/agent/a-curator")


@pytest.mark.parametrize(
    ("is_agent", "conforms"), [(True, True), (False, False)], ids=["agent", "not-an-agent"]
)
def test_curation_mark(is_agent: bool, conforms: bool, project: Project) -> None:
    graph = Graph()
    graph.add((CLAIM, RDF.type, OA.Annotation))
    graph.add((CLAIM, RDF.type, SKG.Claim))
    graph.add((CLAIM, OA.hasTarget, URIRef(f"{CLAIM}/span")))
    generated(graph, CLAIM, "figures")
    curated(graph, CLAIM, PERSON)
    if is_agent:
        graph.add((PERSON, RDF.type, PROV.Agent))
        graph.add((PERSON, RDFS.label, Literal("A curator", lang="en")))
    assert (CLAIM, PROV.wasAttributedTo, PERSON) in graph
    assert (CLAIM, PROV.wasGeneratedBy, None) in graph
    violations = [
        v for v in validate_graph(graph, load_shapes(project.shapes), {}) if "curatedBy" in str(v)
    ]
    assert (violations == []) is conforms


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (106.0, Literal("106", datatype=XSD.integer)),
        (613, Literal("613", datatype=XSD.integer)),
        (2.5, Literal("2.5", datatype=XSD.decimal)),
        (170000000.0, Literal("170000000", datatype=XSD.integer)),
    ],
    ids=["106.0", "613", "2.5", "170 million"],
)
def test_figure_values(value: float, expected: Literal) -> None:
    assert number_literal(value) == expected
    assert str(number_literal(value)) == str(expected)


def test_head_counts_in_the_graph_are_integers(graph: Graph) -> None:
    values = [
        v for p in (SCHEMA.value, SCHEMA.minValue, SCHEMA.maxValue) for v in graph.objects(None, p)
    ]
    assert Literal("613", datatype=XSD.integer) in values
    assert all(isinstance(v, Literal) for v in values)
    assert not [v for v in values if str(v).endswith(".0")]
