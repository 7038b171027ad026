"""One document's extraction to RDF: the statement, its anchored mentions, dates and
anniversaries, and what it cites. Every anchored item is a Web Annotation whose target is a
span of the statement's text (TextQuoteSelector and TextPositionSelector)."""

from __future__ import annotations

from rdflib import Graph, Literal
from rdflib.term import URIRef

from statement_kg.lexicon import Lexicon
from statement_kg.rdf import iris
from statement_kg.rdf.claims import claims_graph
from statement_kg.rdf.namespace import (
    DCTERMS,
    NIF,
    OA,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SEM,
    SKG,
    TIME,
    XSD,
)
from statement_kg.rdf.reference import CITATION, date_literal, entity_iri
from statement_kg.records import (
    AnniversaryMention,
    Document,
    Extraction,
    Metadata,
    PartialDate,
    Span,
    TimeSpec,
)

_IN_XSD = {"year": TIME.inXSDgYear, "month": TIME.inXSDgYearMonth, "day": TIME.inXSDDate}


def ordinal_word(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _anchor(graph: Graph, doc_id: str, annotation: URIRef, span: Span) -> None:
    target = iris.span(doc_id, span)
    quote, position = URIRef(f"{target}/quote"), URIRef(f"{target}/position")
    graph.add((annotation, OA.hasTarget, target))
    graph.add((target, RDF.type, OA.SpecificResource))
    graph.add((target, OA.hasSource, iris.statement(doc_id)))
    graph.add((target, OA.hasSelector, quote))
    graph.add((target, OA.hasSelector, position))
    graph.add((quote, RDF.type, OA.TextQuoteSelector))
    graph.add((quote, OA.exact, Literal(span.exact)))
    graph.add((quote, OA.prefix, Literal(span.prefix)))
    graph.add((quote, OA.suffix, Literal(span.suffix)))
    graph.add((position, RDF.type, OA.TextPositionSelector))
    graph.add((position, OA.start, Literal(span.start, datatype=XSD.nonNegativeInteger)))
    graph.add((position, OA.end, Literal(span.end, datatype=XSD.nonNegativeInteger)))


def _instant(graph: Graph, date: PartialDate) -> URIRef:
    node = iris.time(date.iso)
    graph.add((node, RDF.type, TIME.Instant))
    graph.add((node, _IN_XSD[date.precision], date_literal(date)))
    graph.add((node, RDFS.label, Literal(date.iso)))
    return node


def time_node(graph: Graph, time: TimeSpec) -> URIRef:
    if time.end is None:
        return _instant(graph, time.begin)
    node = iris.time(time.iso)
    graph.add((node, RDF.type, TIME.ProperInterval))
    graph.add((node, TIME.hasBeginning, _instant(graph, time.begin)))
    graph.add((node, TIME.hasEnd, _instant(graph, time.end)))
    graph.add((node, RDFS.label, Literal(time.iso)))
    return node


def _anniversary_event(
    graph: Graph, lexicon: Lexicon, item: AnniversaryMention, event: str
) -> URIRef:
    node = iris.anniversary(f"{event}/anniversary/{item.ordinal}")
    base = lexicon.entities[event]
    graph.add((node, RDF.type, SEM.Event))
    graph.add((node, RDF.type, SKG.Anniversary))
    graph.add(
        (
            node,
            RDFS.label,
            Literal(f"{ordinal_word(item.ordinal)} anniversary of {base.label}", lang="en"),
        )
    )
    graph.add((node, SKG.anniversaryOf, entity_iri(lexicon, event)))
    graph.add((node, SKG.ordinal, Literal(item.ordinal, datatype=XSD.positiveInteger)))
    return node


def _event_iri(lexicon: Lexicon, key: str) -> URIRef:
    return iris.anniversary(key) if "/anniversary/" in key else entity_iri(lexicon, key)


def _metadata(graph: Graph, lexicon: Lexicon, document: Document) -> None:
    meta: Metadata = document.meta
    node = iris.statement(document.id)
    graph.add((node, RDF.type, SKG.Statement))
    graph.add((node, RDF.type, SCHEMA.CreativeWork))
    graph.add((node, RDF.type, PROV.Entity))
    graph.add((node, RDF.type, NIF.Context))
    graph.add((node, DCTERMS.identifier, Literal(document.id)))
    graph.add((node, DCTERMS.title, Literal(meta.title, lang=meta.language)))
    graph.add((node, DCTERMS.type, iris.document_type(meta.doc_type)))
    graph.add((node, DCTERMS.language, Literal(meta.language, datatype=XSD.language)))
    for issuer in meta.issuers:
        graph.add((node, DCTERMS.creator, entity_iri(lexicon, issuer)))
    for relay in meta.relayed_by:
        graph.add((node, SCHEMA.publisher, entity_iri(lexicon, relay)))
    if meta.issuers_note:
        graph.add((node, SKG.issuerNote, Literal(meta.issuers_note, lang="en")))
    if meta.issued.date is not None:
        graph.add((node, DCTERMS.issued, date_literal(meta.issued.date)))
        graph.add((node, SKG.issuedInferred, Literal(meta.issued.inferred)))
    if meta.issued.reason:
        graph.add((node, SKG.dateNote, Literal(meta.issued.reason, lang="en")))
    if meta.place:
        graph.add((node, SCHEMA.locationCreated, entity_iri(lexicon, meta.place)))
    if meta.addressee:
        graph.add((node, SCHEMA.recipient, entity_iri(lexicon, meta.addressee)))
    if meta.source_url:
        graph.add((node, DCTERMS.source, URIRef(meta.source_url)))
    graph.add((node, SKG.originalFileName, Literal(meta.original_file)))
    graph.add((node, SKG.sha256, Literal(document.sha256)))
    graph.add((node, NIF.isString, Literal(document.text)))
    if meta.part_of is not None:
        part = meta.part_of
        container = iris.container(document.id)
        graph.add((node, DCTERMS.isPartOf, container))
        graph.add((container, RDF.type, SCHEMA.CreativeWork))
        graph.add((container, DCTERMS.title, Literal(part.title, lang=meta.language)))
        graph.add((container, DCTERMS.type, iris.document_type(part.doc_type)))
        for issuer in part.issuers:
            graph.add((container, DCTERMS.creator, entity_iri(lexicon, issuer)))
        if part.issued is not None:
            graph.add((container, DCTERMS.issued, date_literal(part.issued)))
        if part.addressee:
            graph.add((container, SCHEMA.recipient, entity_iri(lexicon, part.addressee)))


def statement_graph(extraction: Extraction, lexicon: Lexicon) -> Graph:
    """The statement's own subgraph: everything it says, anchored to its text."""
    graph = Graph()
    document = extraction.document
    doc_id = document.id
    statement = iris.statement(doc_id)
    _metadata(graph, lexicon, document)
    for mention in extraction.mentions:
        entity = lexicon.entities[mention.entity]
        body = entity_iri(lexicon, entity.id)
        annotation = iris.annotation(doc_id, "mention", mention.span, entity.id)
        graph.add((annotation, RDF.type, SKG.Mention))
        graph.add((annotation, OA.motivatedBy, OA.identifying))
        graph.add((annotation, OA.hasBody, body))
        _anchor(graph, doc_id, annotation, mention.span)
        if entity.type in CITATION:
            graph.add((statement, CITATION[entity.type], body))
    for item in extraction.anniversaries:
        if item.event is None:
            continue  # an anniversary of an event mappings/ does not know: its figure only
        event = _anniversary_event(graph, lexicon, item, item.event)
        annotation = iris.annotation(doc_id, "mention", item.span, "anniversary")
        graph.add((annotation, RDF.type, SKG.Mention))
        graph.add((annotation, OA.motivatedBy, OA.identifying))
        graph.add((annotation, OA.hasBody, event))
        _anchor(graph, doc_id, annotation, item.span)
        graph.add((statement, SKG.commemorates, event))
    for date in extraction.dates:
        annotation = iris.annotation(doc_id, "date", date.span)
        graph.add((annotation, RDF.type, SKG.DateMention))
        graph.add((annotation, OA.motivatedBy, OA.identifying))
        graph.add((annotation, OA.hasBody, time_node(graph, date.time)))
        if date.event is not None:
            graph.add((annotation, SKG.dates, _event_iri(lexicon, date.event)))
        _anchor(graph, doc_id, annotation, date.span)
    claims_graph(graph, extraction, lexicon, _anchor)
    return graph
