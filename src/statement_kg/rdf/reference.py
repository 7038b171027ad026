"""Reference data to RDF: the entities and document types of mappings/."""

from __future__ import annotations

from rdflib import Graph, Literal
from rdflib.term import Node, URIRef

from statement_kg.lexicon import Lexicon
from statement_kg.rdf import iris
from statement_kg.rdf.namespace import (
    CITO,
    DCTERMS,
    FOAF,
    ORG,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SEM,
    SKG,
    SKOS,
    XSD,
)
from statement_kg.records import Concept, Entity, PartialDate

VOICE_CONCEPTS = (
    ("own", "own voice", "The issuer asserts the claim in its own voice."),
    (
        "reported",
        "reported",
        "The issuer reports another party making the claim (skg:attributedTo or "
        "skg:partyName name it when the text does), without asserting it.",
    ),
    ("denied", "denied or disputed", "The issuer denies or disputes the claim."),
)

# Each entity type's classes. Supertypes are asserted too, so plain SPARQL finds every
# agent or work without an inference step.
CLASSES: dict[str, tuple[URIRef, ...]] = {
    "country": (SCHEMA.Country, SCHEMA.Place, PROV.Agent),
    "organisation": (ORG.Organization, PROV.Agent),
    "news_outlet": (SCHEMA.NewsMediaOrganization, ORG.Organization, PROV.Agent),
    "collective": (FOAF.Group, PROV.Agent),
    "person": (SCHEMA.Person, PROV.Agent),
    "place": (SCHEMA.Place,),
    "event": (SEM.Event,),
    "un_resolution": (SKG.UNResolution, SCHEMA.CreativeWork),
    "un_document": (SKG.UNDocument, SCHEMA.CreativeWork),
    "convention": (SKG.Convention, SCHEMA.CreativeWork),
    "court_judgment": (SKG.CourtJudgment, SCHEMA.CreativeWork),
    "declaration": (SKG.Declaration, SCHEMA.CreativeWork),
    "book": (SCHEMA.Book, SCHEMA.CreativeWork),
    "news_article": (SCHEMA.NewsArticle, SCHEMA.CreativeWork),
    "report": (SCHEMA.Report, SCHEMA.CreativeWork),
    "legislation": (SCHEMA.Legislation, SCHEMA.CreativeWork),
    # An interview, a statement, an archive's file a note cites: never published.
    "source": (SCHEMA.CreativeWork,),
}

# How a statement cites each kind of work (CiTO): instruments it invokes as authority,
# sources it relies on as evidence, documents it points to for information.
CITATION: dict[str, URIRef] = {
    "un_resolution": CITO.citesAsAuthority,
    "convention": CITO.citesAsAuthority,
    "court_judgment": CITO.citesAsAuthority,
    "declaration": CITO.citesAsAuthority,
    "legislation": CITO.citesAsAuthority,
    "source": CITO.citesAsEvidence,
    "report": CITO.citesAsEvidence,
    "book": CITO.citesAsEvidence,
    "news_article": CITO.citesAsEvidence,
    "un_document": CITO.citesForInformation,
}

RECOGNISED_NOTE = (
    "Found in a statement's text by its form (a UN symbol, an application number, a quoted "
    "person's name); not yet curated in mappings/entities.yaml."
)

_DATE_TYPES = {"year": XSD.gYear, "month": XSD.gYearMonth, "day": XSD.date}


def date_literal(date: PartialDate) -> Literal:
    """A date at its own precision: xsd:gYear, xsd:gYearMonth or xsd:date."""
    return Literal(date.iso, datatype=_DATE_TYPES[date.precision])


def entity_iri(lexicon: Lexicon, entity_id: str) -> URIRef:
    return iris.entity(entity_id, lexicon.entities[entity_id].type)


def _entity_triples(entity: Entity, lexicon: Lexicon) -> list[tuple[Node, Node, Node]]:
    subject = entity_iri(lexicon, entity.id)
    triples: list[tuple[Node, Node, Node]] = [(subject, RDF.type, c) for c in CLASSES[entity.type]]
    triples.append((subject, RDFS.label, Literal(entity.label, lang="en")))
    triples.extend((subject, SKOS.altLabel, Literal(a, lang="en")) for a in entity.alt_labels)
    triples.append((subject, DCTERMS.identifier, Literal(entity.id)))

    def ref(predicate: URIRef, target: str | None) -> None:
        if target is not None:
            triples.append((subject, predicate, entity_iri(lexicon, target)))

    if entity.type in ("organisation", "news_outlet"):
        ref(ORG.subOrganizationOf, entity.part_of)
    elif entity.type == "event":
        ref(SEM.subEventOf, entity.part_of)
    else:
        ref(DCTERMS.isPartOf, entity.part_of)
    ref(
        SCHEMA.containedInPlace if entity.type in ("place", "country") else SCHEMA.location,
        entity.located_in,
    )
    ref(SEM.hasPlace, entity.place)
    # A news article's issuer is its outlet: its publisher.
    ref(SCHEMA.publisher if entity.type == "news_article" else DCTERMS.creator, entity.issued_by)
    ref(DCTERMS.creator, entity.author)
    if entity.generated:
        triples.append((subject, RDF.type, PROV.Activity))
        triples.extend((subject, PROV.generated, entity_iri(lexicon, g)) for g in entity.generated)
    if entity.issued:
        triples.append((subject, DCTERMS.issued, date_literal(PartialDate(entity.issued))))
    if entity.symbol:
        triples.append((subject, SKG.unSymbol, Literal(entity.symbol)))
    if entity.application_number:
        triples.append((subject, SKG.applicationNumber, Literal(entity.application_number)))
    if entity.recognised:
        triples.append((subject, SKOS.editorialNote, Literal(RECOGNISED_NOTE, lang="en")))
    return triples


def reference_graph(lexicon: Lexicon) -> Graph:
    graph = Graph()
    for entity in lexicon.entities.values():
        for triple in _entity_triples(entity, lexicon):
            graph.add(triple)
    words = lexicon.claims
    schemes: dict[str, tuple[str, list[Concept]]] = {
        "document-type": ("Types of statement documents", list(lexicon.document_types.values())),
        "figure-category": ("Categories of figures", list(words.categories.values())),
        "characterisation": ("Terms for what happened", list(words.terms.values())),
        "role": ("Roles in an attribution of responsibility", list(words.roles.values())),
        "modifier": (
            "Modifiers of figures",
            [
                Concept(m, m.replace("_", " "))
                for m in (*words.modifiers, "exact", "range", "vague")
            ],
        ),
        "qualifier": (
            "Who a figure counts",
            [Concept(q, q.replace("_", " ")) for q in words.qualifiers],
        ),
        "voice": ("Whose claim it is", [Concept(v, label, d) for v, label, d in VOICE_CONCEPTS]),
    }
    for name, (title, concepts) in schemes.items():
        scheme = iris.scheme(name)
        graph.add((scheme, RDF.type, SKOS.ConceptScheme))
        graph.add((scheme, SKOS.prefLabel, Literal(title, lang="en")))
        for concept in concepts:
            node = iris.concept(name, concept.id)
            graph.add((node, RDF.type, SKOS.Concept))
            graph.add((node, SKOS.prefLabel, Literal(concept.label, lang="en")))
            graph.add((node, SKOS.inScheme, scheme))
            graph.add((node, SKOS.notation, Literal(concept.id)))
            if concept.definition:
                graph.add((node, SKOS.definition, Literal(concept.definition, lang="en")))
            if concept.broader:
                graph.add((node, SKOS.broader, iris.concept(name, concept.broader)))
    return graph
