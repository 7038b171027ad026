"""The dataset's description (graph/void.ttl), in VoID for SPARQL tools and DCAT for data
catalogues: what the dataset is and under which licence, how big it is (triples, entities,
classes and properties, each with counts), which vocabularies it uses, where its dumps are,
which links it holds to which other datasets (a void:Linkset per dataset and predicate), and,
when one is configured, its SPARQL endpoint. The file describes itself too
(void:DatasetDescription), as the VoID specification recommends.

Everything is computed from the graph itself, the creation date included (the latest issue
date of a statement, not the clock), and every node has an IRI, so that the same graph always
gives the same description, byte for byte."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, FOAF, VOID

from statement_kg.links import DOCUMENT_PREDICATES, MATCH_PREDICATES, dataset_of
from statement_kg.rdf.namespace import BASE, DCTERMS, PREFIXES, RDF, SKG, VOCABULARIES
from statement_kg.store import FORMATS, GRAPH_FILES

DATASET = URIRef(BASE + "id/dataset")
DUMPS = BASE + "graph/"
TITLE = "statement-kg: who claims what in official statements"
DESCRIPTION = (
    "A linked-data knowledge graph of official statements: each statement with its issuers, "
    "date, the events it speaks of and the works it cites, every extracted item anchored to "
    "the span of text it came from. Contested claims are recorded as what a document says, "
    "never as fact."
)
LICENCE = URIRef("https://creativecommons.org/licenses/by/4.0/")
VOID_FILE = "void.ttl"
ONTOLOGY = URIRef(BASE + "ontology")
# The other datasets the curated links point into: a name, a home page and the start of
# their IRIs, for the linksets' void:objectsTarget.
EXTERNAL = {
    "wikidata": ("Wikidata", "https://www.wikidata.org/", "http://www.wikidata.org/entity/"),
    "dbpedia": ("DBpedia", "https://www.dbpedia.org/", "http://dbpedia.org/resource/"),
    "undocs": (
        "United Nations Official Document System",
        "https://undocs.org/",
        "https://undocs.org/",
    ),
    "hudoc": (
        "HUDOC, the case law of the European Court of Human Rights",
        "https://hudoc.echr.coe.int/",
        "https://hudoc.echr.coe.int/",
    ),
}
_LINK_PREDICATES = frozenset(URIRef(p) for p in MATCH_PREDICATES | DOCUMENT_PREDICATES)
_IANA = "https://www.iana.org/assignments/media-types/"
_NAMESPACES = sorted((str(v._NS) for v in VOCABULARIES), key=len, reverse=True)
_PREFIX_OF = {str(ns): name for name, ns in PREFIXES.items()}


def _namespace(iri: str) -> str:
    """The vocabulary a term belongs to: a known one, else the IRI up to its last # or /."""
    for namespace in _NAMESPACES:
        if iri.startswith(namespace):
            return namespace
    return iri[: max(iri.rfind("#"), iri.rfind("/")) + 1]


def _slug(iri: str) -> str:
    """A readable, stable name for a partition: prefix-localname where the prefix is known."""
    namespace = _namespace(iri)
    local = iri[len(namespace) :]
    if namespace in _PREFIX_OF and local.replace("_", "").replace("-", "").isalnum():
        return f"{_PREFIX_OF[namespace]}-{local}"
    return hashlib.sha256(iri.encode("utf-8")).hexdigest()[:16]


def _latest_issue(graph: Graph) -> Literal | None:
    """The latest issue date of a statement, as the graph types it (a date, a month, a year).
    Lexical order is date order for these types in the years of any corpus (0001-9999)."""
    dates = [
        issued
        for statement in graph.subjects(RDF.type, SKG.Statement)
        for issued in graph.objects(statement, DCTERMS.issued)
        if isinstance(issued, Literal)
    ]
    return max(dates, key=str, default=None)


def _partitions(
    out: Graph, dataset: URIRef, kind: str, counts: Counter[URIRef], link: URIRef
) -> None:
    term, measure = (
        (VOID["class"], VOID.entities) if kind == "class" else (VOID.property, VOID.triples)
    )
    for iri, number in sorted(counts.items()):
        partition = URIRef(f"{dataset}/{kind}/{_slug(str(iri))}")
        out.add((dataset, link, partition))
        out.add((partition, term, iri))
        out.add((partition, measure, Literal(number)))


def _add_dumps(out: Graph, dataset: URIRef, dumps: str) -> None:
    for fmt, name in sorted(GRAPH_FILES.items()):
        url, media = URIRef(dumps + name), FORMATS[fmt].media_type
        distribution = URIRef(f"{dataset}/distribution/{fmt}")
        out.add((dataset, VOID.dataDump, url))
        out.add((dataset, DCAT.distribution, distribution))
        out.add((distribution, RDF.type, DCAT.Distribution))
        out.add((distribution, DCAT.downloadURL, url))
        out.add((distribution, DCAT.mediaType, URIRef(_IANA + media)))
        out.add((distribution, DCTERMS.format, Literal(media)))


def _vocabulary(namespace: str) -> URIRef:
    """Our own terms are named by the ontology's IRI, as ontology/statement-kg.ttl declares
    it; the reused vocabularies by their namespace."""
    return ONTOLOGY if namespace == str(SKG._NS) else URIRef(namespace)


def _add_linksets(out: Graph, graph: Graph, dataset: URIRef) -> None:
    """One void:Linkset per external dataset and link predicate, with its triple count."""
    counts: Counter[tuple[str, URIRef]] = Counter()
    for _, predicate, target in graph:
        if isinstance(predicate, URIRef) and predicate in _LINK_PREDICATES:
            external = dataset_of(str(target)) if isinstance(target, URIRef) else None
            if external is not None:
                counts[(external.name, predicate)] += 1
    for (name, predicate), number in sorted(counts.items()):
        title, homepage, space = EXTERNAL[name]
        other = URIRef(f"{dataset}/external/{name}")
        out.add((other, RDF.type, VOID.Dataset))
        out.add((other, DCTERMS.title, Literal(title, lang="en")))
        out.add((other, FOAF.homepage, URIRef(homepage)))
        out.add((other, VOID.uriSpace, Literal(space)))
        linkset = URIRef(f"{dataset}/linkset/{name}-{_slug(str(predicate))}")
        out.add((dataset, VOID.subset, linkset))
        out.add((linkset, RDF.type, VOID.Linkset))
        out.add((linkset, VOID.subjectsTarget, dataset))
        out.add((linkset, VOID.objectsTarget, other))
        out.add((linkset, VOID.linkPredicate, predicate))
        out.add((linkset, VOID.triples, Literal(number)))


def _describe_itself(out: Graph, dataset: URIRef, dumps: str) -> None:
    description = URIRef(dumps + VOID_FILE)
    out.add((description, RDF.type, VOID.DatasetDescription))
    out.add((description, DCTERMS.title, Literal(f"A VoID description of {TITLE}", lang="en")))
    out.add((description, FOAF.primaryTopic, dataset))
    out.add((description, DCTERMS.license, LICENCE))


def _count_distinct(nodes: Iterable[object]) -> Literal:
    return Literal(len(set(nodes)))


def void_graph(
    graph: Graph,
    *,
    dataset: URIRef = DATASET,
    dumps: str = DUMPS,
    sparql_endpoint: str | None = None,
) -> Graph:
    """The VoID and DCAT description of `graph` (the built statements graph). `dumps` is
    the URL the files of graph/ are published under; `sparql_endpoint` is added as
    void:sparqlEndpoint (and a DCAT data service) when given."""
    out = Graph()
    classes: Counter[URIRef] = Counter()
    for _, cls in graph.subject_objects(RDF.type):
        if isinstance(cls, URIRef):
            classes[cls] += 1
    properties: Counter[URIRef] = Counter(p for _, p, _ in graph if isinstance(p, URIRef))

    out.add((dataset, RDF.type, VOID.Dataset))
    out.add((dataset, RDF.type, DCAT.Dataset))
    out.add((dataset, DCTERMS.title, Literal(TITLE, lang="en")))
    out.add((dataset, DCTERMS.description, Literal(DESCRIPTION, lang="en")))
    out.add((dataset, DCTERMS.license, LICENCE))
    created = _latest_issue(graph)
    if created is not None:
        out.add((dataset, DCTERMS.created, created))
    out.add((dataset, VOID.uriSpace, Literal(BASE + "id/")))
    out.add((dataset, VOID.triples, Literal(len(graph))))
    out.add(
        (
            dataset,
            VOID.entities,
            _count_distinct(s for s in graph.subjects() if isinstance(s, URIRef)),
        )
    )
    out.add((dataset, VOID.distinctSubjects, _count_distinct(graph.subjects())))
    out.add((dataset, VOID.distinctObjects, _count_distinct(graph.objects())))
    out.add((dataset, VOID.classes, Literal(len(classes))))
    out.add((dataset, VOID.properties, Literal(len(properties))))
    _partitions(out, dataset, "class", classes, VOID.classPartition)
    _partitions(out, dataset, "property", properties, VOID.propertyPartition)
    used = {_namespace(str(term)) for term in (*classes, *properties)}
    for namespace in sorted(used):
        out.add((dataset, VOID.vocabulary, _vocabulary(namespace)))
    _add_dumps(out, dataset, dumps)
    _add_linksets(out, graph, dataset)
    _describe_itself(out, dataset, dumps)
    if sparql_endpoint is not None:
        service = URIRef(f"{dataset}/sparql")
        out.add((dataset, VOID.sparqlEndpoint, URIRef(sparql_endpoint)))
        out.add((dataset, DCAT.accessService, service))
        out.add((service, RDF.type, DCAT.DataService))
        out.add((service, DCAT.endpointURL, URIRef(sparql_endpoint)))
        out.add((service, DCAT.servesDataset, dataset))
    return out
