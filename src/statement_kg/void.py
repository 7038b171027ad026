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
from collections.abc import Sequence

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, FOAF, VOID

from statement_kg import ntlines
from statement_kg.links import DOCUMENT_PREDICATES, MATCH_PREDICATES, dataset_of
from statement_kg.ntlines import Terms
from statement_kg.rdf.namespace import BASE, DCTERMS, PREFIXES, RDF, SKG, VOCABULARIES
from statement_kg.store import FORMATS, GRAPH_FILES, canonical_triples, serialise

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
_LINK_TERMS = frozenset(ntlines.written(p) for p in MATCH_PREDICATES | DOCUMENT_PREDICATES)
_IANA = "https://www.iana.org/assignments/media-types/"
_NAMESPACES = sorted((str(v._NS) for v in VOCABULARIES), key=len, reverse=True)
_TYPE = ntlines.written(str(RDF.type))
_STATEMENT = ntlines.written(str(SKG.Statement))
_ISSUED = ntlines.written(str(DCTERMS.issued))
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


def _latest_issue(triples: Sequence[Terms]) -> Literal | None:
    """The latest issue date of a statement, as the graph types it (a date, a month, a year).
    Lexical order is date order for these types in the years of any corpus (0001-9999)."""
    statements = {s for s, p, o in triples if p == _TYPE and o == _STATEMENT}
    lines = b"".join(
        b"<x:s> <x:p> " + o + b" .\n"
        for s, p, o in triples
        if p == _ISSUED and s in statements and o.startswith(b'"')
    )
    dates = [q.object for q in ox.parse(lines, format=ox.RdfFormat.N_TRIPLES)]
    latest = max(dates, key=lambda d: d.value, default=None)
    if not isinstance(latest, ox.Literal):
        return None
    return Literal(latest.value, datatype=latest.datatype.value)


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


def _add_linksets(out: Graph, triples: Sequence[Terms], dataset: URIRef) -> None:
    """One void:Linkset per external dataset and link predicate, with its triple count."""
    counts: Counter[tuple[str, URIRef]] = Counter()
    for _, link, target in triples:
        if link in _LINK_TERMS and target.startswith(b"<"):
            external = dataset_of(ntlines.iri(target))
            if external is not None:
                counts[(external.name, URIRef(ntlines.iri(link)))] += 1
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


def void_graph(
    graph: Graph,
    *,
    dataset: URIRef = DATASET,
    dumps: str = DUMPS,
    sparql_endpoint: str | None = None,
) -> Graph:
    """The VoID and DCAT description of an rdflib graph (see `void_of`)."""
    triples = ntlines.terms(serialise(canonical_triples(graph), "nt"))
    return void_of(triples, dataset=dataset, dumps=dumps, sparql_endpoint=sparql_endpoint)


def void_of(
    triples: Sequence[Terms],
    *,
    dataset: URIRef = DATASET,
    dumps: str = DUMPS,
    sparql_endpoint: str | None = None,
) -> Graph:
    """The VoID and DCAT description of the built statements graph, given as its distinct
    triples as the terms of their N-Triples lines (ntlines.py), counted in one pass without
    an rdflib copy. `dumps` is the URL the files of
    graph/ are published under; `sparql_endpoint` is added as void:sparqlEndpoint (and a
    DCAT data service) when given."""
    out = Graph()
    # Counted by the terms as written, each made an rdflib term once at the end.
    by_class: Counter[bytes] = Counter()
    by_property: Counter[bytes] = Counter()
    subjects: set[bytes] = set()
    objects: set[bytes] = set()
    for subject, predicate, object_ in triples:
        by_property[predicate] += 1
        subjects.add(subject)
        objects.add(object_)
        if predicate == _TYPE and object_.startswith(b"<"):
            by_class[object_] += 1
    classes = Counter({URIRef(ntlines.iri(t)): n for t, n in by_class.items()})
    properties = Counter(
        {URIRef(ntlines.iri(term)): number for term, number in by_property.items()}
    )
    entities = sum(1 for s in subjects if s.startswith(b"<"))

    out.add((dataset, RDF.type, VOID.Dataset))
    out.add((dataset, RDF.type, DCAT.Dataset))
    out.add((dataset, DCTERMS.title, Literal(TITLE, lang="en")))
    out.add((dataset, DCTERMS.description, Literal(DESCRIPTION, lang="en")))
    out.add((dataset, DCTERMS.license, LICENCE))
    created = _latest_issue(triples)
    if created is not None:
        out.add((dataset, DCTERMS.created, created))
    out.add((dataset, VOID.uriSpace, Literal(BASE + "id/")))
    out.add((dataset, VOID.triples, Literal(len(triples))))
    out.add((dataset, VOID.entities, Literal(entities)))
    out.add((dataset, VOID.distinctSubjects, Literal(len(subjects))))
    out.add((dataset, VOID.distinctObjects, Literal(len(objects))))
    out.add((dataset, VOID.classes, Literal(len(classes))))
    out.add((dataset, VOID.properties, Literal(len(properties))))
    _partitions(out, dataset, "class", classes, VOID.classPartition)
    _partitions(out, dataset, "property", properties, VOID.propertyPartition)
    used = {_namespace(str(term)) for term in (*classes, *properties)}
    for namespace in sorted(used):
        out.add((dataset, VOID.vocabulary, _vocabulary(namespace)))
    _add_dumps(out, dataset, dumps)
    _add_linksets(out, triples, dataset)
    _describe_itself(out, dataset, dumps)
    if sparql_endpoint is not None:
        service = URIRef(f"{dataset}/sparql")
        out.add((dataset, VOID.sparqlEndpoint, URIRef(sparql_endpoint)))
        out.add((dataset, DCAT.accessService, service))
        out.add((service, RDF.type, DCAT.DataService))
        out.add((service, DCAT.endpointURL, URIRef(sparql_endpoint)))
        out.add((service, DCAT.servesDataset, dataset))
    return out
