"""Namespaces: our own closed one (a misspelt term fails at import) and the reused ones."""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import (
    DCTERMS,
    FOAF,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SDO,
    SKOS,
    TIME,
    XSD,
    DefinedNamespace,
)
from rdflib.term import URIRef

__all__ = [
    "BASE",
    "CITO",
    "DCTERMS",
    "FOAF",
    "ID",
    "NIF",
    "OA",
    "ORG",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SEM",
    "SKG",
    "SKOS",
    "TIME",
    "VOCABULARIES",
    "XSD",
]

BASE = "https://w3id.org/statement-kg/"
ID = Namespace(BASE + "id/")

SCHEMA = SDO


# Reused vocabularies that rdflib does not ship, closed to the terms their specifications
# define that this project uses, so that a misspelt term fails here too.


class OA(DefinedNamespace):
    """W3C Web Annotation vocabulary (https://www.w3.org/TR/annotation-vocab/)."""

    _NS = Namespace("http://www.w3.org/ns/oa#")
    _fail = True
    Annotation: URIRef
    SpecificResource: URIRef
    TextQuoteSelector: URIRef
    TextPositionSelector: URIRef
    hasBody: URIRef
    hasTarget: URIRef
    hasSource: URIRef
    hasSelector: URIRef
    motivatedBy: URIRef
    identifying: URIRef
    describing: URIRef
    classifying: URIRef
    quoting: URIRef
    editing: URIRef
    bodyValue: URIRef
    exact: URIRef
    prefix: URIRef
    suffix: URIRef
    start: URIRef
    end: URIRef


class CITO(DefinedNamespace):
    """Citation Typing Ontology (http://purl.org/spar/cito)."""

    _NS = Namespace("http://purl.org/spar/cito/")
    _fail = True
    cites: URIRef
    citesAsAuthority: URIRef
    citesAsEvidence: URIRef
    citesForInformation: URIRef
    citesAsDataSource: URIRef
    includesQuotationFrom: URIRef
    Citation: URIRef
    hasCitingEntity: URIRef
    hasCitedEntity: URIRef
    hasCitationCharacterization: URIRef


class SEM(DefinedNamespace):
    """Simple Event Model (http://semanticweb.cs.vu.nl/2009/11/sem/)."""

    _NS = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
    _fail = True
    Event: URIRef
    Place: URIRef
    Actor: URIRef
    hasPlace: URIRef
    hasActor: URIRef
    subEventOf: URIRef
    hasSubEvent: URIRef
    hasTimeStamp: URIRef
    hasBeginTimeStamp: URIRef
    hasEndTimeStamp: URIRef


class NIF(DefinedNamespace):
    """NLP Interchange Format core (http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#)."""

    _NS = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
    _fail = True
    Context: URIRef
    isString: URIRef
    beginIndex: URIRef
    endIndex: URIRef
    anchorOf: URIRef
    referenceContext: URIRef


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
    Claim: URIRef
    FigureClaim: URIRef
    CharacterisationClaim: URIRef
    ResponsibilityClaim: URIRef
    QuotationClaim: URIRef
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
    category: URIRef
    modifier: URIRef
    qualifier: URIRef
    partOf: URIRef
    concerns: URIRef
    term: URIRef
    voice: URIRef
    attributedTo: URIRef
    partyName: URIRef
    agent: URIRef
    role: URIRef
    speaker: URIRef
    curatedBy: URIRef


# Every vocabulary the graph may use: a term outside these fails the vocabulary test.
VOCABULARIES: tuple[type[DefinedNamespace], ...] = (
    SKG,
    OA,
    CITO,
    SEM,
    NIF,
    ORG,
    FOAF,
    SCHEMA,
    DCTERMS,
    PROV,
    SKOS,
    TIME,
    OWL,
    RDF,
    RDFS,
    XSD,
)

PREFIXES: dict[str, Namespace | str] = {
    "skg": SKG._NS,
    "statement": Namespace(BASE + "id/statement/"),
    "agent": Namespace(BASE + "id/agent/"),
    "place": Namespace(BASE + "id/place/"),
    "event": Namespace(BASE + "id/event/"),
    "work": Namespace(BASE + "id/works/"),
    "doctype": Namespace(BASE + "id/document-type/"),
    "oa": OA._NS,
    "cito": CITO._NS,
    "sem": SEM._NS,
    "nif": NIF._NS,
    "org": ORG._NS,
    "foaf": FOAF._NS,
    "schema": SCHEMA._NS,
    "dcterms": DCTERMS._NS,
    "prov": PROV._NS,
    "skos": SKOS._NS,
    "time": TIME._NS,
    "owl": OWL._NS,
    "rdf": RDF._NS,
    "rdfs": RDFS._NS,
    "xsd": XSD._NS,
    "void": Namespace("http://rdfs.org/ns/void#"),
    "dcat": Namespace("http://www.w3.org/ns/dcat#"),
}
