"""Claims to RDF. Each claim is an annotation of the statement that makes it, anchored to
its words: a figure (category, value, modifier, qualifiers, the figure it is part of), a
characterisation (the term, the event, whose term it is), an attribution of
responsibility (agent, role, event), a quotation (speaker, words, the quotation of record),
a cited article or web page; each claim says whose voice it is (own, reported from
a party, denied). The graph states what the statement claims, never the claim."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from rdflib import Graph, Literal
from rdflib.term import URIRef

from statement_kg.lexicon import Lexicon
from statement_kg.rdf import iris
from statement_kg.rdf.namespace import CITO, DCTERMS, OA, RDF, RDFS, SCHEMA, SKG, SKOS, XSD
from statement_kg.rdf.reference import date_literal, entity_iri
from statement_kg.records import Extraction, Span, Voice

Anchor = Callable[[Graph, str, URIRef, Span, str], None]


def number_literal(value: float) -> Literal:
    """A figure's value: a head count or any whole number as xsd:integer ("613"), a
    fraction as xsd:decimal in its canonical lexical form ("2.5"), the forms every RDF
    library writes back, so graphs compare equal after a round trip."""
    if float(value).is_integer():
        return Literal(str(int(value)), datatype=XSD.integer)
    return Literal(f"{value:.6f}".rstrip("0"), datatype=XSD.decimal)


def _annotation(
    graph: Graph,
    lexicon: Lexicon,
    node: URIRef,
    cls: URIRef,
    motivation: URIRef,
    voice: Voice,
) -> None:
    graph.add((node, RDF.type, cls))
    graph.add((node, RDF.type, SKG.Claim))
    graph.add((node, OA.motivatedBy, motivation))
    graph.add((node, SKG.voice, iris.concept("voice", voice.kind)))
    if voice.party is not None:
        graph.add((node, SKG.attributedTo, entity_iri(lexicon, voice.party)))
    elif voice.party_words is not None:
        graph.add((node, SKG.partyName, Literal(voice.party_words)))


def _figures(graph: Graph, extraction: Extraction, lexicon: Lexicon, anchor: Anchor) -> None:
    doc_id = extraction.document.id
    for figure in extraction.figures:
        node = iris.annotation(doc_id, "figure", figure.span)
        _annotation(graph, lexicon, node, SKG.FigureClaim, OA.describing, figure.voice)
        graph.add((node, SKG.category, iris.concept("figure-category", figure.category)))
        graph.add((node, SKG.modifier, iris.concept("modifier", figure.modifier)))
        if figure.value is not None:
            graph.add((node, SCHEMA.value, number_literal(figure.value)))
        if figure.low is not None and figure.high is not None:
            graph.add((node, SCHEMA.minValue, number_literal(figure.low)))
            graph.add((node, SCHEMA.maxValue, number_literal(figure.high)))
        for qualifier in figure.qualifiers:
            graph.add((node, SKG.qualifier, iris.concept("qualifier", qualifier)))
        if figure.part_of is not None:
            graph.add((node, SKG.partOf, iris.annotation(doc_id, "figure", figure.part_of)))
        if figure.concerns is not None:
            graph.add((node, SKG.concerns, entity_iri(lexicon, figure.concerns)))
        anchor(graph, doc_id, node, figure.span, "figures")


def _characterisations(
    graph: Graph, extraction: Extraction, lexicon: Lexicon, anchor: Anchor
) -> None:
    doc_id = extraction.document.id
    for item in extraction.characterisations:
        node = iris.annotation(doc_id, "characterisation", item.span)
        _annotation(graph, lexicon, node, SKG.CharacterisationClaim, OA.classifying, item.voice)
        graph.add((node, SKG.term, iris.concept("characterisation", item.term)))
        if item.event is not None:
            graph.add((node, SKG.concerns, entity_iri(lexicon, item.event)))
        anchor(graph, doc_id, node, item.span, "characterisations")


def _responsibilities(
    graph: Graph, extraction: Extraction, lexicon: Lexicon, anchor: Anchor
) -> None:
    doc_id = extraction.document.id
    for item in extraction.responsibilities:
        node = iris.annotation(doc_id, "responsibility", item.span, item.agent)
        _annotation(graph, lexicon, node, SKG.ResponsibilityClaim, OA.describing, item.voice)
        graph.add((node, SKG.agent, entity_iri(lexicon, item.agent)))
        graph.add((node, SKG.role, iris.concept("role", item.role)))
        graph.add((node, SKG.concerns, entity_iri(lexicon, item.event)))
        anchor(graph, doc_id, node, item.span, "responsibility")


def _quotations(graph: Graph, extraction: Extraction, lexicon: Lexicon, anchor: Anchor) -> None:
    document = extraction.document
    statement = iris.statement(document.id)
    for item in extraction.quotations:
        node = iris.annotation(document.id, "quotation", item.span)
        _annotation(graph, lexicon, node, SKG.QuotationClaim, OA.quoting, item.voice)
        if item.of_record is not None:
            record = lexicon.quotations[item.of_record]
            quotation = iris.quotation(record.id)
            graph.add((quotation, SCHEMA.text, Literal(record.text)))
            if record.via is not None:
                graph.add((quotation, SCHEMA.isBasedOn, entity_iri(lexicon, record.via)))
                graph.add((statement, CITO.includesQuotationFrom, entity_iri(lexicon, record.via)))
            if record.page is not None:
                graph.add((quotation, SCHEMA.pagination, Literal(record.page)))
        else:
            quotation = iris.quotation(f"{document.id}-{item.span.start}-{item.span.end}")
            graph.add((quotation, SCHEMA.text, Literal(" ".join(item.span.exact.split()))))
        graph.add((quotation, RDF.type, SCHEMA.Quotation))
        if item.speaker is not None:
            graph.add((quotation, SCHEMA.creator, entity_iri(lexicon, item.speaker)))
            graph.add((node, SKG.speaker, entity_iri(lexicon, item.speaker)))
        graph.add((node, OA.hasBody, quotation))
        anchor(graph, document.id, node, item.span, "quotations")


def _key(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]


def _cited(
    graph: Graph, anchor: Anchor, doc_id: str, span: Span, work: URIRef, key: str, rule: str
) -> None:
    """The mention, at its words, of a work the statement cites."""
    node = iris.annotation(doc_id, "mention", span, key)
    graph.add((node, RDF.type, SKG.Mention))
    graph.add((node, OA.motivatedBy, OA.identifying))
    graph.add((node, OA.hasBody, work))
    anchor(graph, doc_id, node, span, rule)


def _articles(graph: Graph, extraction: Extraction, lexicon: Lexicon, anchor: Anchor) -> None:
    document = extraction.document
    statement = iris.statement(document.id)
    names = {name.lower(): e.id for e in lexicon.entities.values() for name in e.names}
    for article in extraction.articles:
        date = article.date.iso if article.date else ""
        work = iris.work("article", _key(article.outlet, date, article.headline or ""))
        graph.add((work, RDF.type, SCHEMA.NewsArticle))
        graph.add((work, RDF.type, SCHEMA.CreativeWork))
        label = article.headline or lexicon.entities[article.outlet].label
        graph.add((work, RDFS.label, Literal(label, lang="en")))
        if article.headline:
            graph.add((work, SCHEMA.headline, Literal(article.headline, lang="en")))
        graph.add((work, SCHEMA.publisher, entity_iri(lexicon, article.outlet)))
        if article.date is not None:
            graph.add((work, DCTERMS.issued, date_literal(article.date)))
        if article.author is not None:
            author = names.get(article.author.lower())
            if author is not None:
                graph.add((work, DCTERMS.creator, entity_iri(lexicon, author)))
            else:
                graph.add((work, SCHEMA.author, Literal(article.author)))
        graph.add((statement, CITO.citesAsEvidence, work))
        _cited(graph, anchor, document.id, article.span, work, "article", "articles")


def _links(graph: Graph, extraction: Extraction, anchor: Anchor) -> None:
    document = extraction.document
    statement = iris.statement(document.id)
    for link in extraction.links:
        work = iris.work("web", _key(link.url))
        graph.add((work, RDF.type, SCHEMA.CreativeWork))
        graph.add((work, SCHEMA.url, URIRef(link.url)))
        graph.add((work, RDFS.label, Literal(link.label or link.url, lang="en")))
        graph.add((statement, CITO.citesForInformation, work))
        _cited(graph, anchor, document.id, link.span, work, "link", "links")


# The class of a work cited by description, by its kind; a court's decision so described
# ("its judgment of 22 April 2014") names no court the graph knows, which a court judgment
# must have: it stays a creative work.
_DESCRIBED_CLASS = {
    "un_resolution": SKG.UNResolution,
    "declaration": SKG.Declaration,
    "convention": SKG.Convention,
}
DESCRIBED_NOTE = "Cited by description, not identified: the words are the statement's."


def _described(graph: Graph, extraction: Extraction, anchor: Anchor) -> None:
    document = extraction.document
    statement = iris.statement(document.id)
    for item in extraction.described:
        work = iris.work("described", f"{document.id}-{item.span.start}-{item.span.end}")
        graph.add((work, RDF.type, SCHEMA.CreativeWork))
        if item.kind in _DESCRIBED_CLASS:
            graph.add((work, RDF.type, _DESCRIBED_CLASS[item.kind]))
        graph.add((work, RDFS.label, Literal(" ".join(item.span.exact.split()), lang="en")))
        graph.add((work, SKOS.editorialNote, Literal(DESCRIBED_NOTE, lang="en")))
        graph.add((statement, CITO.citesForInformation, work))
        _cited(graph, anchor, document.id, item.span, work, "described", "described")


def claims_graph(graph: Graph, extraction: Extraction, lexicon: Lexicon, anchor: Anchor) -> None:
    """Adds every claim of the extraction to the statement's graph."""
    _figures(graph, extraction, lexicon, anchor)
    _characterisations(graph, extraction, lexicon, anchor)
    _responsibilities(graph, extraction, lexicon, anchor)
    _quotations(graph, extraction, lexicon, anchor)
    _articles(graph, extraction, lexicon, anchor)
    _links(graph, extraction, anchor)
    _described(graph, extraction, anchor)
