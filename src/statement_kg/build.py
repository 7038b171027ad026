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
from statement_kg.extract import extract
from statement_kg.lexicon import load_lexicon
from statement_kg.project import Project
from statement_kg.rdf.namespace import CITO, RDF, SEM, SKG
from statement_kg.rdf.reference import reference_graph
from statement_kg.rdf.statement import statement_graph
from statement_kg.store import canonical_triples, write_graph
from statement_kg.validate import Violation, load_shapes, validate_all

T = TypeVar("T")
Track = Callable[[Sequence[T], str], Iterable[T]]


def no_progress(items: Sequence[T], description: str) -> Iterable[T]:
    return items


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


def _counts(graph: Graph) -> dict[str, int]:
    types = Counter(graph.objects(None, RDF.type))
    citations = sum(
        1
        for p in (CITO.citesAsAuthority, CITO.citesAsEvidence, CITO.citesForInformation)
        for _ in graph.triples((None, p, None))
    )
    return {
        "entity mentions": types[SKG.Mention],
        "date mentions": types[SKG.DateMention],
        "dated events": len(set(graph.objects(None, SKG.dates))),
        "citations": citations,
        "anniversaries": types[SKG.Anniversary],
        "events": types[SEM.Event],
    }


def build(
    project: Project,
    out_dir: Path | None = None,
    track: Track[Any] = no_progress,
    write: bool = True,
) -> BuildResult:
    """Builds, validates and (when `write`) writes the graph; raises InputError for a bad
    input and ValidationFailed for a graph that does not conform, writing nothing."""
    clock = time.perf_counter()
    seconds: dict[str, float] = {}

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        seconds[name] = now - clock
        clock = now

    lexicon = load_lexicon(project.mappings)
    documents = read_corpus(project.corpus, lexicon)
    lap("read")
    statements = [
        statement_graph(extract(d, lexicon), lexicon) for d in track(documents, "extracting")
    ]
    reference = reference_graph(lexicon)
    lap("extract")
    shapes = load_shapes(project.shapes)
    by_id = {d.id: d for d in documents}
    violations = validate_all(track(statements, "validating"), reference, shapes, by_id)
    lap("validate")
    if violations:
        raise ValidationFailed(violations)
    full = Graph()
    for part in (reference, *statements):
        for triple in part:
            full.add(triple)
    result = BuildResult(len(documents), len(full), _counts(full))
    if write:
        result.written = write_graph(canonical_triples(full), out_dir or project.graph)
        lap("write")
    result.seconds = seconds
    return result
