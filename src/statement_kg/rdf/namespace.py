"""Namespaces: our own closed one (a misspelt term fails at import) and the reused ones."""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO, SKOS, TIME, XSD, DefinedNamespace
from rdflib.term import URIRef

BASE = "https://w3id.org/statement-kg/"
ID = Namespace(BASE + "id/")

OA = Namespace("http://www.w3.org/ns/oa#")
CITO = Namespace("http://purl.org/spar/cito/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ORG = Namespace("http://www.w3.org/ns/org#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
SCHEMA = SDO


class SKG(DefinedNamespace):
    """The statement-kg vocabulary: only what the reused vocabularies lack
    (declared with labels and comments in ontology/statement-kg.ttl)."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # Classes
    Statement: URIRef
    Mention: URIRef
    DateMention: URIRef
    Anniversary: URIRef
    UNResolution: URIRef
    UNDocument: URIRef
    Convention: URIRef
    CourtJudgment: URIRef
    Declaration: URIRef
    # Properties
    sha256: URIRef
    originalFileName: URIRef
    issuedInferred: URIRef
    dateNote: URIRef
    issuerNote: URIRef
    commemorates: URIRef
    dates: URIRef
    anniversaryOf: URIRef
    ordinal: URIRef
    unSymbol: URIRef
    applicationNumber: URIRef


PREFIXES: dict[str, Namespace | str] = {
    "skg": SKG._NS,
    "agent": Namespace(BASE + "id/agent/"),
    "place": Namespace(BASE + "id/place/"),
    "event": Namespace(BASE + "id/event/"),
    "work": Namespace(BASE + "id/work/"),
    "doctype": Namespace(BASE + "id/document-type/"),
    "oa": OA,
    "cito": CITO,
    "sem": SEM,
    "nif": NIF,
    "org": ORG,
    "foaf": FOAF,
    "schema": SCHEMA,
    "dcterms": DCTERMS,
    "prov": PROV,
    "skos": SKOS,
    "time": TIME,
    "owl": OWL,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
}
