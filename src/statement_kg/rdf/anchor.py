"""The anchor of every annotation, in two forms of one span.

The model, what the build assembles and validates, is compact: the annotation carries its
span with NIF 2.0 Core, as the statement it is anchored in is a `nif:Context` already
(`nif:referenceContext` the statement, `nif:beginIndex`, `nif:endIndex`, `nif:anchorOf` the
exact words). The W3C Web Annotation form (a target with its source and two selectors) is
derived from it by `web_annotation` alone, when a document's triples are written, so that
every dump, the database and the exports are Web Annotation as well; validation does not
walk the four nodes and fifteen triples an item would otherwise have, and queries read the
words and offsets in one step."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from rdflib import Graph, Literal
from rdflib.term import Node, URIRef

from statement_kg.extract.spans import make_span
from statement_kg.rdf import iris
from statement_kg.rdf.namespace import NIF, OA, RDF, XSD
from statement_kg.records import Span


def anchor_words(graph: Graph, doc_id: str, annotation: URIRef, span: Span) -> None:
    """Anchors any annotation (an extracted one, a curator's correction) to its span of the
    statement's text, typed oa:Annotation itself (a Web Annotation consumer needs no
    ontology to find it)."""
    graph.add((annotation, RDF.type, OA.Annotation))
    graph.add((annotation, NIF.referenceContext, iris.statement(doc_id)))
    graph.add((annotation, NIF.beginIndex, Literal(span.start, datatype=XSD.nonNegativeInteger)))
    graph.add((annotation, NIF.endIndex, Literal(span.end, datatype=XSD.nonNegativeInteger)))
    graph.add((annotation, NIF.anchorOf, Literal(span.exact)))


@dataclass(frozen=True)
class Anchor:
    """One annotation's compact anchor as the graph holds it, and the text it points into."""

    annotation: URIRef
    statement: URIRef
    begin: int
    end: int
    words: str
    text: str

    def matches(self) -> bool:
        """The span check: the offsets lie in the text and cover exactly the words."""
        return 0 <= self.begin < self.end <= len(self.text) and (
            self.text[self.begin : self.end] == self.words
        )


def _integer(node: Node | None) -> int | None:
    if not isinstance(node, Literal):
        return None
    try:
        return int(node)
    except ValueError:
        return None


def anchors(graph: Graph) -> list[Anchor]:
    """Every complete anchor in the graph (the shapes report an incomplete one)."""
    found = []
    texts: dict[Node, Node | None] = {}
    for annotation, statement in graph.subject_objects(NIF.referenceContext):
        begin = _integer(graph.value(annotation, NIF.beginIndex))
        end = _integer(graph.value(annotation, NIF.endIndex))
        words = graph.value(annotation, NIF.anchorOf)
        if statement not in texts:
            texts[statement] = graph.value(statement, NIF.isString)
        text = texts[statement]
        if not isinstance(annotation, URIRef) or not isinstance(statement, URIRef):
            continue
        if begin is None or end is None or words is None or text is None:
            continue
        found.append(Anchor(annotation, statement, begin, end, str(words), str(text)))
    return found


Triple = tuple[URIRef, URIRef, Node]


def web_annotation_triples(graph: Graph) -> Iterator[Triple]:
    """The Web Annotation target of every anchored annotation of a statement's graph,
    derived from its compact anchor and its statement's text: a SpecificResource whose
    source is the statement, with a TextQuoteSelector (exact, prefix, suffix) and a
    TextPositionSelector (start, end). Its IRIs come from the statement and the offsets, as
    every IRI does, so equal anchors give equal triples. Triples rather than a graph: the
    build writes them at once, and a copy of the statement's graph would cost more than
    deriving them."""
    for anchor in anchors(graph):
        span = make_span(anchor.text, anchor.begin, anchor.end)
        target = iris.span(anchor.statement, anchor.begin, anchor.end)
        quote, position = URIRef(f"{target}/quote"), URIRef(f"{target}/position")
        yield anchor.annotation, OA.hasTarget, target
        yield target, RDF.type, OA.SpecificResource
        yield target, OA.hasSource, anchor.statement
        yield target, OA.hasSelector, quote
        yield target, OA.hasSelector, position
        yield quote, RDF.type, OA.TextQuoteSelector
        yield quote, OA.exact, Literal(anchor.words)
        yield quote, OA.prefix, Literal(span.prefix)
        yield quote, OA.suffix, Literal(span.suffix)
        yield position, RDF.type, OA.TextPositionSelector
        yield position, OA.start, Literal(span.start, datatype=XSD.nonNegativeInteger)
        yield position, OA.end, Literal(span.end, datatype=XSD.nonNegativeInteger)


def web_annotation(graph: Graph) -> Graph:
    """The derived Web Annotation form (`web_annotation_triples`) as a graph of its own."""
    derived = Graph()
    for triple in web_annotation_triples(graph):
        derived.add(triple)
    return derived
