"""The pipeline: corpus -> extract -> RDF -> validate -> graph/. Nothing is written unless
the whole graph conforms to the shapes."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from rdflib import Graph

from statement_kg.corpus import read_corpus
from statement_kg.curation import curated_graphs
from statement_kg.extract import extract
from statement_kg.extract.recognise import with_recognised
from statement_kg.lexicon import ENTITIES_FILE, entity_lines, load_lexicon
from statement_kg.links import LinkSummary, add_links, load_links, summarise
from statement_kg.project import Project
from statement_kg.rdf import iris
from statement_kg.rdf.namespace import CITO, RDF, SEM, SKG
from statement_kg.rdf.reference import entity_iri, reference_graph
from statement_kg.store import atomic_write, canonical_triples, serialise, write_graph
from statement_kg.validate import Violation, load_shapes, validate_all
from statement_kg.void import void_graph

T = TypeVar("T")
Track = Callable[[Sequence[T], str], Iterable[T]]


def no_progress(items: Sequence[T], description: str) -> Iterable[T]:
    return items


VOID_FILE = "void.ttl"


class ValidationFailed(Exception):
    def __init__(self, violations: list[Violation]) -> None:
        super().__init__(f"{len(violations)} SHACL violation(s)")
        self.violations = violations


@dataclass
class BuildResult:
    documents: int
    triples: int
    counts: dict[str, int]
    seconds: dict[str, float] = field(default_factory=dict)
    written: dict[str, Path] = field(default_factory=dict)
    links: LinkSummary | None = None


def _counts(graph: Graph) -> dict[str, int]:
    types = Counter(graph.objects(None, RDF.type))
    citations = sum(
        1
        for p in (CITO.citesAsAuthority, CITO.citesAsEvidence, CITO.citesForInformation)
        for _ in graph.triples((None, p, None))
    )
    own = iris.concept("voice", "own")
    reported = sum(
        1
        for claim in graph.subjects(RDF.type, SKG.CharacterisationClaim)
        if (claim, SKG.voice, own) not in graph
    )
    return {
        "entity mentions": types[SKG.Mention],
        "date mentions": types[SKG.DateMention],
        "dated events": len(set(graph.objects(None, SKG.dates))),
        "citations": citations,
        "anniversaries": types[SKG.Anniversary],
        "events": types[SEM.Event],
        "figures": types[SKG.FigureClaim],
        "characterisations": types[SKG.CharacterisationClaim] - reported,
        "reported or denied terms": reported,
        "responsibility": types[SKG.ResponsibilityClaim],
        "quotations": types[SKG.QuotationClaim],
    }


def build(
    project: Project,
    out_dir: Path | None = None,
    track: Track[Any] = no_progress,
    write: bool = True,
    sparql_endpoint: str | None = None,
) -> BuildResult:
    """Builds, validates and (when `write`) writes the graph and its VoID description
    (naming `sparql_endpoint` when given); raises InputError for a bad input and
    ValidationFailed for a graph that does not conform, writing nothing."""
    clock = time.perf_counter()
    seconds: dict[str, float] = {}

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        seconds[name] = now - clock
        clock = now

    listed = load_lexicon(project.mappings)
    documents = read_corpus(project.corpus, listed)
    lexicon = with_recognised((d.text for d in documents), listed)
    lap("read")
    extractions = [extract(d, lexicon) for d in track(documents, "extracting")]
    statements = curated_graphs(project.mappings, extractions, lexicon)
    reference = reference_graph(lexicon)
    links = load_links(project.mappings, lexicon)
    add_links(reference, links, lexicon)
    lap("extract")
    shapes = load_shapes(project.shapes)
    by_id = {d.id: d for d in documents}
    entities = {
        str(entity_iri(lexicon, entity_id)): f"{project.mappings / ENTITIES_FILE}:{line}"
        for entity_id, line in entity_lines(project.mappings).items()
        if entity_id in lexicon.entities
    }
    violations = validate_all(track(statements, "validating"), reference, shapes, by_id, entities)
    lap("validate")
    if violations:
        raise ValidationFailed(violations)
    full = Graph()
    for part in (reference, *statements):
        for triple in part:
            full.add(triple)
    result = BuildResult(len(documents), len(full), _counts(full))
    result.links = summarise(links, lexicon)
    if write:
        target = out_dir or project.graph
        result.written = write_graph(canonical_triples(full), target)
        description = void_graph(full, sparql_endpoint=sparql_endpoint)
        atomic_write(target / VOID_FILE, serialise(canonical_triples(description), "ttl"))
        result.written["void"] = target / VOID_FILE
        lap("write")
    result.seconds = seconds
    return result
