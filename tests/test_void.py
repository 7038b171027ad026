"""The dataset description (void_graph) of the committed graph/statements.nt: its counts are
the graph's, counted here another way; its date comes from the corpus; it is the same every
time; and it names the dumps and, when there is one, the SPARQL endpoint."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, OWL, RDF, VOID, XSD
from rdflib.term import Node

from statement_kg.links import DATASETS, dataset_of
from statement_kg.store import canonical_triples, serialise
from statement_kg.void import DATASET, DUMPS, LICENCE, void_graph

ROOT = Path(__file__).resolve().parent.parent
SKG = "https://w3id.org/statement-kg/ontology#"


@pytest.fixture(scope="module")
def graph() -> Graph:
    return Graph().parse(ROOT / "graph" / "statements.nt", format="nt")


@pytest.fixture(scope="module")
def void(graph: Graph) -> Graph:
    return void_graph(graph, sparql_endpoint="http://127.0.0.1:7878/query")


def one(void: Graph, subject: Node, predicate: URIRef) -> object:
    (value,) = void.objects(subject, predicate)
    return value


def test_sizes_are_the_graphs(void: Graph, graph: Graph) -> None:
    lines = (ROOT / "graph" / "statements.nt").read_text(encoding="utf-8").splitlines()
    predicates = {line.split(" ", 2)[1] for line in lines}
    classes = {line.split(" ")[2] for line in lines if f" <{RDF.type}> " in line}
    entities = {line.split(" ", 1)[0] for line in lines if line.startswith("<")}
    assert one(void, DATASET, VOID.triples) == Literal(len(lines))
    assert one(void, DATASET, VOID.properties) == Literal(len(predicates))
    assert one(void, DATASET, VOID.classes) == Literal(len(classes))
    assert one(void, DATASET, VOID.entities) == Literal(len(entities))


def test_partitions_count_each_class_and_property(void: Graph, graph: Graph) -> None:
    instances = Counter(o for _, o in graph.subject_objects(RDF.type))
    uses = Counter(p for _, p, _ in graph)
    by_class = {
        one(void, part, VOID["class"]): one(void, part, VOID.entities)
        for part in void.objects(DATASET, VOID.classPartition)
    }
    by_property = {
        one(void, part, VOID.property): one(void, part, VOID.triples)
        for part in void.objects(DATASET, VOID.propertyPartition)
    }
    assert by_class == {cls: Literal(n) for cls, n in instances.items()}
    assert by_property == {p: Literal(n) for p, n in uses.items()}
    statements = len(list((ROOT / "corpus").glob("*.txt")))
    assert by_class[URIRef(SKG + "Statement")] == Literal(statements)


def test_created_is_the_latest_issue_date_of_the_corpus(void: Graph) -> None:
    dates = [
        yaml.safe_load(path.read_text(encoding="utf-8"))["issued"]["date"]
        for path in (ROOT / "corpus").glob("*.yaml")
    ]
    latest = max(str(d) for d in dates if d)
    datatype = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}[len(latest)]
    assert one(void, DATASET, DCTERMS.created) == Literal(latest, datatype=datatype)


def test_it_says_what_the_dataset_is(void: Graph) -> None:
    assert set(void.objects(DATASET, RDF.type)) == {VOID.Dataset, DCAT.Dataset}
    assert one(void, DATASET, DCTERMS.license) == LICENCE
    title = one(void, DATASET, DCTERMS.title)
    assert isinstance(title, Literal)
    assert title.language == "en"
    assert str(title).startswith("statement-kg")
    assert {str(v) for v in void.objects(DATASET, VOID.vocabulary)} >= {
        "http://www.w3.org/ns/oa#",
        "http://purl.org/spar/cito/",
        "http://purl.org/dc/terms/",
    }


def test_dumps_and_endpoint(void: Graph) -> None:
    media = {
        str(one(void, dist, DCAT.downloadURL)): str(one(void, dist, DCAT.mediaType))
        for dist in void.objects(DATASET, DCAT.distribution)
    }
    assert media == {
        DUMPS + "statements.ttl": "https://www.iana.org/assignments/media-types/text/turtle",
        DUMPS
        + "statements.nt": "https://www.iana.org/assignments/media-types/application/n-triples",
        DUMPS
        + "statements.jsonld": "https://www.iana.org/assignments/media-types/application/ld+json",
    }
    assert {str(d) for d in void.objects(DATASET, VOID.dataDump)} == set(media)
    assert one(void, DATASET, VOID.sparqlEndpoint) == URIRef("http://127.0.0.1:7878/query")


def test_no_endpoint_unless_configured(graph: Graph) -> None:
    assert list(void_graph(graph).objects(DATASET, VOID.sparqlEndpoint)) == []


def test_the_same_graph_gives_the_same_bytes(graph: Graph, void: Graph) -> None:
    again = void_graph(Graph().parse(ROOT / "graph" / "statements.nt", format="nt"))
    first = void_graph(graph)
    assert serialise(canonical_triples(again), "ttl") == serialise(canonical_triples(first), "ttl")
    assert not any(isinstance(node, BNode) for node in first.all_nodes())


def test_our_vocabulary_is_named_by_the_ontology_iri(void: Graph) -> None:
    ontology = Graph().parse(ROOT / "ontology" / "statement-kg.ttl", format="turtle")
    (iri,) = ontology.subjects(RDF.type, OWL.Ontology)
    vocabularies = set(void.objects(DATASET, VOID.vocabulary))
    assert iri in vocabularies
    assert URIRef(SKG) not in vocabularies


def test_a_linkset_per_dataset_and_predicate(void: Graph, graph: Graph) -> None:
    expected: Counter[tuple[str, URIRef]] = Counter()
    for _, predicate, target in graph:
        external = dataset_of(str(target)) if isinstance(target, URIRef) else None
        if external is not None and str(predicate) in external.predicates:
            expected[(external.name, URIRef(str(predicate)))] += 1
    assert expected
    found = {}
    for linkset in void.objects(DATASET, VOID.subset):
        assert (linkset, RDF.type, VOID.Linkset) in void
        assert one(void, linkset, VOID.subjectsTarget) == DATASET
        other = one(void, linkset, VOID.objectsTarget)
        assert isinstance(other, URIRef)
        assert (other, RDF.type, VOID.Dataset) in void
        name = str(other).rsplit("/", 1)[1]
        count = one(void, linkset, VOID.triples)
        assert isinstance(count, Literal)
        assert count.datatype == XSD.integer
        found[(name, one(void, linkset, VOID.linkPredicate))] = count.toPython()
    assert found == dict(expected)
    assert {name for name, _ in found} == {d.name for d in DATASETS}


def test_it_describes_itself(void: Graph) -> None:
    description = URIRef(DUMPS + "void.ttl")
    assert (description, RDF.type, VOID.DatasetDescription) in void
    assert one(void, description, FOAF.primaryTopic) == DATASET
