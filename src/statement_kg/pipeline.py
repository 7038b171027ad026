"""One document in, its triples and its validation report out: the one pipeline that
`build`, `evaluate` and the tests share. `process_document` depends on nothing but its
arguments, so its result can be cached by their hashes and computed in another process or
on another machine; what needs the whole corpus is done once, over the merged result."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

from rdflib import Graph

from statement_kg.curation import Correction, curated_graph
from statement_kg.extract import extract
from statement_kg.lexicon import Lexicon
from statement_kg.rdf.anchor import web_annotation_triples
from statement_kg.rdf.statement import statement_graph
from statement_kg.records import Document, Extraction
from statement_kg.store import canonical_triples, serialise
from statement_kg.validate import Violation, add_references, validate_graph


@dataclass(frozen=True)
class Context:
    """What every document's result depends on beyond the document itself: the lexicon
    (listed and recognised entities, claim words), the reference descriptions, the shapes,
    and where each reference entity is written in mappings/ (IRI -> "file:line")."""

    lexicon: Lexicon
    reference: Graph
    shapes: Graph
    entities: Mapping[str, str] = field(default_factory=dict)
    # The curators' corrections (mappings/corrections.yaml) and the folder that holds them;
    # none when only extraction is wanted (evaluation).
    corrections: tuple[Correction, ...] = ()
    mappings: Path | None = None


@dataclass(frozen=True)
class DocumentResult:
    """A document's statement subgraph as canonical N-Triples (sorted, so equal results are
    equal bytes) and the violations of its shapes; `extraction` is kept for evaluation and
    dropped before a result is cached or sent between processes."""

    id: str
    ntriples: bytes
    violations: tuple[Violation, ...]
    extraction: Extraction | None = None

    def portable(self) -> DocumentResult:
        return DocumentResult(self.id, self.ntriples, self.violations)


def process_document(
    document: Document, context: Context, *, validate: bool = True
) -> DocumentResult:
    """Extracts, maps to RDF and validates one document together with the reference
    descriptions it reaches."""
    extraction = extract(document, context.lexicon)
    graph = (
        curated_graph(extraction, context.corrections, context.mappings, context.lexicon)
        if context.mappings is not None
        else statement_graph(extraction, context.lexicon)
    )
    # What is written is the model and, derived from its anchors, their Web Annotation form;
    # what is validated is the model.
    data = serialise(canonical_triples(chain(graph, web_annotation_triples(graph))), "nt")
    violations: tuple[Violation, ...] = ()
    if validate:
        # The statement's own triples are kept above; the graph now grows into what its
        # validation needs to see.
        add_references(graph, context.reference)
        violations = tuple(
            validate_graph(graph, context.shapes, {document.id: document}, context.entities)
        )
    return DocumentResult(document.id, data, violations, extraction)
