"""The pipeline: corpus -> per-document results -> the corpus-wide step -> graph/.

Each document goes through `pipeline.process_document` (cached, and in parallel when
asked); what needs the whole corpus (the lexicon with every recognised entity, the
reference descriptions, counts, the dataset description) is done here once. Nothing is
written unless every document and the reference data conform to the shapes, and graph/ is
replaced as a whole."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from statement_kg import ntlines
from statement_kg.cache import (
    CACHE_DIR,
    NODES_FILE,
    RECOGNISED_DIR,
    ResultCache,
    context_digest,
    document_key,
    folder_bytes,
)
from statement_kg.corpus import MAX_TEXT_BYTES, read_corpus
from statement_kg.curation import check_documents, load_corrections
from statement_kg.graphdir import locked, replaced
from statement_kg.lexicon import ENTITIES_FILE, entity_lines, load_lexicon
from statement_kg.links import LinkSummary, add_links, load_links, summarise
from statement_kg.ntlines import Terms
from statement_kg.pipeline import Context, DocumentResult
from statement_kg.project import Project
from statement_kg.rdf import iris
from statement_kg.rdf.namespace import CITO, RDF, SEM, SKG
from statement_kg.rdf.reference import entity_iri, reference_graph
from statement_kg.recognition import Recognised, recognised_lexicon
from statement_kg.records import Document
from statement_kg.runner import Track, process_pool, run_documents
from statement_kg.store import (
    GRAPH_FILES,
    STORE_DIR,
    canonical_triples,
    serialise,
    write_graph,
    write_store,
)
from statement_kg.validate import Violation, load_shapes, validate_graph
from statement_kg.void import void_of


def no_progress(items: Sequence[Any], description: str) -> Sequence[Any]:
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
    reused: int = 0


def _node(term: Any) -> bytes:
    return ntlines.written(str(term))


_TYPE = _node(RDF.type)
_CITES = {_node(p) for p in (CITO.citesAsAuthority, CITO.citesAsEvidence, CITO.citesForInformation)}
_VOICE = _node(SKG.voice)
_OWN = _node(iris.concept("voice", "own"))
_CHARACTERISATION = _node(SKG.CharacterisationClaim)
_DATES = _node(SKG.dates)


def _counts(triples: Sequence[Terms]) -> dict[str, int]:
    types: Counter[bytes] = Counter()
    citations = 0
    dated: set[bytes] = set()
    characterisations: set[bytes] = set()
    own: set[bytes] = set()
    for subject, predicate, object_ in triples:
        if predicate == _TYPE and object_.startswith(b"<"):
            types[object_] += 1
            if object_ == _CHARACTERISATION:
                characterisations.add(subject)
        elif predicate in _CITES:
            citations += 1
        elif predicate == _VOICE and object_ == _OWN:
            own.add(subject)
        elif predicate == _DATES:
            dated.add(object_)
    reported = len(characterisations - own)
    return {
        "entity mentions": types[_node(SKG.Mention)],
        "date mentions": types[_node(SKG.DateMention)],
        "dated events": len(dated),
        "citations": citations,
        "anniversaries": types[_node(SKG.Anniversary)],
        "events": types[_node(SEM.Event)],
        "figures": types[_node(SKG.FigureClaim)],
        "characterisations": types[_node(SKG.CharacterisationClaim)] - reported,
        "reported or denied terms": reported,
        "responsibility": types[_node(SKG.ResponsibilityClaim)],
        "quotations": types[_node(SKG.QuotationClaim)],
    }


def _merged(
    documents: Sequence[Document],
    context: Context,
    reference_nt: bytes,
    results: list[DocumentResult],
) -> bytes:
    """The reference descriptions and every document's triples, distinct and sorted, as
    N-Triples; raises ValidationFailed when the reference data or a document does not
    conform. Each part is canonical N-Triples already, and the order of whole lines is the
    order of (subject, predicate, object) (ntlines.py), so the lines are merged without
    parsing a triple."""
    by_id = {d.id: d for d in documents}
    violations = validate_graph(context.reference, context.shapes, by_id, context.entities)
    for result in results:
        # A broken reference entity shows in every statement that reaches it: report it once.
        violations.extend(v for v in result.violations if v not in violations)
    if violations:
        raise ValidationFailed(violations)
    return ntlines.merged([reference_nt, *(result.ntriples for result in results)])


def _results(
    documents: Sequence[Document],
    context: Context,
    cache: ResultCache[DocumentResult],
    reuse: bool,
    digest: str,
    scheduler: str | None,
    pool: ProcessPoolExecutor | None,
    track: Track[Any],
) -> tuple[list[DocumentResult], int]:
    """Every document's result, from the cache where its inputs are unchanged (when
    `reuse`), and the number reused; new results go into the cache either way."""
    keys = [document_key(d, digest) for d in documents]
    found = [cache.get(k) if reuse else None for k in keys]
    todo = [d for d, r in zip(documents, found, strict=True) if r is None]
    fresh = iter(run_documents(todo, context, scheduler=scheduler, pool=pool, track=track))
    results = []
    for key, cached in zip(keys, found, strict=True):
        result = cached or next(fresh)
        if cached is None and not result.violations:
            cache.put(key, result)
        results.append(result)
    return results, len(documents) - len(todo)


def build(
    project: Project,
    out_dir: Path | None = None,
    track: Track[Any] = no_progress,
    write: bool = True,
    sparql_endpoint: str | None = None,
    *,
    jobs: int = 1,
    scheduler: str | None = None,
    use_cache: bool = True,
    max_text_bytes: int = MAX_TEXT_BYTES,
) -> BuildResult:
    """Builds, validates and (when `write`) writes the graph and its VoID description
    (naming `sparql_endpoint` when given) into `out_dir` (graph/ by default), holding its
    lock from start to end; raises InputError for a bad input, BuildLocked when another
    build holds the lock, and ValidationFailed for a graph that does not conform, writing
    nothing (a text over `max_text_bytes` is a bad input). Unchanged documents are taken
    from the cache unless `use_cache` is False (which refreshes it); the rest run in
    `jobs` processes, or on the Dask `scheduler` when one is given; `jobs` processes also
    recognise entities in the texts and write the JSON-LD dump."""
    target = out_dir or project.graph
    with locked(target) if write else nullcontext():
        return _build(
            project,
            target,
            track,
            write,
            sparql_endpoint,
            jobs,
            scheduler,
            use_cache,
            max_text_bytes,
        )


def _build(
    project: Project,
    target: Path,
    track: Track[Any],
    write: bool,
    sparql_endpoint: str | None,
    jobs: int,
    scheduler: str | None,
    use_cache: bool,
    max_text_bytes: int,
) -> BuildResult:
    clock = time.perf_counter()
    seconds: dict[str, float] = {}

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        seconds[name] = now - clock
        clock = now

    listed = load_lexicon(project.mappings)
    documents = read_corpus(project.corpus, listed, max_text_bytes)
    recognised = ResultCache(project.root / RECOGNISED_DIR, Recognised)
    lexicon = recognised_lexicon(
        [d.text for d in documents],
        listed,
        recognised,
        context_digest(folder_bytes(project.mappings)),
        jobs=jobs,
        reuse=use_cache,
    )
    corrections = load_corrections(project.mappings)
    check_documents(project.mappings, corrections, lexicon, {d.id for d in documents})
    reference = reference_graph(lexicon)
    links = load_links(project.mappings, lexicon)
    add_links(reference, links, lexicon)
    shapes = load_shapes(project.shapes)
    entities = {
        str(entity_iri(lexicon, entity_id)): f"{project.mappings / ENTITIES_FILE}:{line}"
        for entity_id, line in entity_lines(project.mappings).items()
        if entity_id in lexicon.entities
    }
    context = Context(lexicon, reference, shapes, entities, tuple(corrections), project.mappings)
    reference_nt = serialise(canonical_triples(reference), "nt")
    found = sorted(repr(e) for e in lexicon.entities.values() if e.recognised)
    digest = context_digest(
        [
            *folder_bytes(project.mappings, project.shapes.parent),
            reference_nt,
            "\n".join(found).encode(),
        ]
    )
    cache = ResultCache(project.root / CACHE_DIR, DocumentResult)
    lap("read")
    with process_pool(context, jobs) as pool:
        results, reused = _results(
            documents, context, cache, use_cache, digest, scheduler, pool, track
        )
        lap("documents")
        nt = _merged(documents, context, reference_nt, results)
        triples = ntlines.terms(nt)
        outcome = BuildResult(len(documents), len(triples), _counts(triples), reused=reused)
        outcome.links = summarise(links, lexicon)
        lap("merge")
        if write:
            names = [*GRAPH_FILES.values(), VOID_FILE, STORE_DIR]
            description = void_of(triples, sparql_endpoint=sparql_endpoint)
            with replaced(target, names) as staging:
                write_graph(
                    nt,
                    staging,
                    pool=pool,
                    parts=jobs,
                    nodes=project.root / NODES_FILE,
                )
                write_store(staging, previous=target if target.is_dir() else None)
                (staging / VOID_FILE).write_bytes(serialise(canonical_triples(description), "ttl"))
            outcome.written = {fmt: target / name for fmt, name in GRAPH_FILES.items()}
            outcome.written["void"] = target / VOID_FILE
            lap("write")
    cache.prune()
    recognised.prune()
    outcome.seconds = seconds
    return outcome
