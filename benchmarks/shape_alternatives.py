"""Measures SHACL validation per statement, as the build does it (pyshacl, one statement's
subgraph with the reference descriptions it reaches), with the shapes and the way they are
run as shipped and with each alternative weighed for them, side by side in one run on the
same synthetic statements (medians of CPU time):

- before: the anchor as a Web Annotation target (its span and two selectors, four nodes an
  item, and the shortcut skg:inStatement), the shapes in rdflib's default store, a mention's
  body an sh:or of four classes, the references with their links to other datasets (the
  form this benchmark started from);
- each idea kept, alone on top of "before": the shapes in a store without named graphs, one
  class for a mention's body (the shapes' own subclass axioms lent to the data), the
  references without their links (checked with the reference data, once); and all three,
  as shipped while the anchor was the Web Annotation target;
- ideas weighed and left out, each on top of that: one pyshacl shapes graph reused for every
  document; pyshacl's advanced mode; a span's two selectors without qualified counts (an
  upper bound only: it is not the contract);
- the anchor on the annotation (NIF offsets and words, the Web Annotation form derived after
  validation), its property shapes nested in their node shapes as written and pyshacl's
  shapes graph made anew on every call (the form before the lifting); and the same shapes
  over both forms, as `statement-kg validate` checks a dump;
- each idea alone on top of that: the property shapes lifted to their node shapes' targets;
  optional properties checked only where present (sh:targetSubjectsOf); the reference
  entities' own shapes left to the check of the reference data (an upper bound: the build
  would need a guard that a statement describes no reference entity itself); pyshacl's shapes
  graph made once and kept; five statements in one pyshacl call;
- combined: the lifted shapes with the optional properties targeted or without the
  references' shapes; as shipped (lifted, the shapes graph kept), over both forms, without
  the references' shapes, and with 5 or 20 statements a call.

    python benchmarks/shape_alternatives.py [--statements 20] [--rounds 3] [--corpus]

Each alternative is derived from the shipped shapes and the built statement graphs; where the
shipped shapes no longer have the form an alternative rewrites, it says so and stops.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pyshacl import validate as pyshacl_validate
from rdflib import RDFS, SH, Graph, Namespace, URIRef

from statement_kg.corpus import read_corpus
from statement_kg.extract import extract
from statement_kg.extract.recognise import with_recognised
from statement_kg.lexicon import load_lexicon
from statement_kg.links import add_links, load_links
from statement_kg.project import Project
from statement_kg.rdf.anchor import web_annotation
from statement_kg.rdf.reference import reference_graph
from statement_kg.rdf.statement import statement_graph
from statement_kg.records import Document
from statement_kg.synthetic import generate
from statement_kg.validate import (
    _PARSED,
    LINKS,
    add_references,
    lift_property_shapes,
    validate_graph,
)

ROOT = Path(__file__).resolve().parent.parent
SKG = Namespace("https://w3id.org/statement-kg/ontology#")
OA = Namespace("http://www.w3.org/ns/oa#")

BODY_OR = """sh:or ( [ sh:class prov:Agent ] [ sh:class schema:Place ] [ sh:class sem:Event ]
                          [ sh:class schema:CreativeWork ] ) ;"""
BODY_CLASS = "sh:class shapes:Referent ;"
SELECTORS = "                [ sh:path oa:hasSelector ;"
# The anchor as the Web Annotation target, as the shapes checked it before this change: the
# shortcut skg:inStatement equal to the target's source, and a target on every item.
PREVIOUS_ANCHOR = """# skg:inStatement is a shortcut of oa:hasTarget/oa:hasSource.
shapes:InStatement a sh:NodeShape ;
    sh:targetSubjectsOf oa:hasTarget , skg:inStatement ;
    sh:property [ sh:path ( oa:hasTarget oa:hasSource ) ; sh:equals skg:inStatement ] .

"""
TARGET = "[ sh:path oa:hasTarget ; sh:minCount 1 ; sh:maxCount 1 ; sh:class oa:SpecificResource ] ,"
ANCHORED_SHAPES = ("Mention", "DateMention", "Claim", "Correction")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
COMPACT = frozenset({NIF.referenceContext, NIF.beginIndex, NIF.endIndex, NIF.anchorOf})
IN_STATEMENT = SKG.inStatement

SHAPES = Namespace("https://w3id.org/statement-kg/shapes#")
LINK_SHAPES = Namespace("https://w3id.org/statement-kg/shapes/links#")
# The shapes of what the reference data describes (mappings/), checked with it once a build.
REFERENCE_SHAPES = (
    *(
        SHAPES[name]
        for name in [
            "Agent",
            "Place",
            "Event",
            "Anniversary",
            "Work",
            "CitedWork",
            "UNResolution",
            "UNDocument",
            "CourtJudgment",
            "Concept",
            "NewsArticle",
        ]
    ),
    LINK_SHAPES.LinkedEntity,
    LINK_SHAPES.EventLink,
)
OPTIONAL_TARGETED = tuple(
    SHAPES[name]
    for name in [
        "Annotation",
        "Claim",
        "FigureClaim",
        "DateMention",
        "Instant",
        "Agent",
        "Place",
        "Event",
        "Quotation",
    ]
)
TARGETS = (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode)

Graphs = list[tuple[Document, Graph]]
Check = Callable[[Graph, Graph, Document], int]
Rewrite = Callable[[Graph], None]


def _require(text: str, part: str, alternative: str) -> None:
    if part not in text:
        raise SystemExit(f"the shipped shapes no longer have the form '{alternative}' rewrites")


def body_or(text: str) -> str:
    """A mention's body as an sh:or of four classes, without the shapes' class axioms."""
    _require(text, BODY_CLASS, "a mention's body as an sh:or")
    kept = [line for line in text.splitlines() if "rdfs:subClassOf shapes:Referent" not in line]
    return "\n".join(kept).replace(BODY_CLASS, BODY_OR)


def without_qualified(text: str) -> str:
    """A span's selectors only counted (two), not checked for their classes."""
    start, end = text.find(SELECTORS), text.find("shapes:TextQuoteSelector a sh:NodeShape")
    if start < 0 or end < start:
        raise SystemExit("the shipped shapes no longer have the span's selector constraints")
    counted = "                [ sh:path oa:hasSelector ; sh:minCount 2 ] .\n\n"
    return text[:start] + counted + text[end:]


def previous_shapes(text: str) -> str:
    """The shapes as they were while the anchor was the Web Annotation target: no shape of
    the NIF anchor, the shortcut's shape, and a target required on every anchored item."""
    start = text.find("shapes:Anchor a sh:NodeShape")
    end = text.find("shapes:Mention a sh:NodeShape")
    if start < 0 or end < start:
        raise SystemExit("the shipped shapes no longer have the anchor's shapes")
    text = text[: text.rfind("\n\n", 0, start) + 2] + PREVIOUS_ANCHOR + text[end:]
    for name in ANCHORED_SHAPES:
        at = text.find("sh:property [", text.find(f"shapes:{name} a sh:NodeShape"))
        _require(text[at:], "sh:property [", "a target on every anchored item")
        at += len("sh:property ")
        text = text[:at] + TARGET + "\n                " + text[at:]
    return text


def previous_form(graph: Graph) -> Graph:
    """The statement's graph as the build made it before this change: the Web Annotation
    target alone, with the shortcut skg:inStatement, and no NIF anchor."""
    previous = Graph()
    for s, p, o in graph:
        if p in COMPACT:
            if p == NIF.referenceContext:
                previous.add((s, IN_STATEMENT, o))
            continue
        previous.add((s, p, o))
    for triple in web_annotation(graph):
        previous.add(triple)
    return previous


def both_forms(graph: Graph) -> Graph:
    """The statement's graph as the dumps carry it: the anchor and its Web Annotation form."""
    return graph + web_annotation(graph)


def with_links(graph: Graph, reference: Graph) -> None:
    """The links of every reference resource the graph describes, as before."""
    for node in set(graph.subjects()):
        for predicate in LINKS:
            for value in reference.objects(node, predicate):
                graph.add((node, predicate, value))


def optional_targeted(shapes: Graph) -> None:
    """Each property shape without sh:minCount of the items' and entities' node shapes whose
    properties no other class uses, checked only on the subjects of its path
    (sh:targetSubjectsOf), as a property shape of its own."""
    for shape in OPTIONAL_TARGETED:
        for prop in list(shapes.objects(shape, SH.property)):
            path = shapes.value(prop, SH.path)
            if (prop, SH.minCount, None) in shapes or not isinstance(path, URIRef):
                continue
            shapes.remove((shape, SH.property, prop))
            shapes.add((prop, RDFS.isDefinedBy, shape))
            shapes.add((prop, SH.targetSubjectsOf, path))


def without_reference_shapes(shapes: Graph) -> None:
    """The reference entities' own shapes without targets: still checked where a statement's
    shape refers to them, not on every reference entity a statement reaches."""
    for shape in REFERENCE_SHAPES:
        for target in TARGETS:
            shapes.remove((shape, target, None))


def lifted_and(*more: Rewrite) -> Rewrite:
    def rewrite(shapes: Graph) -> None:
        for step in more:
            step(shapes)
        lift_property_shapes(shapes)

    return rewrite


def batched(prepared: list[tuple[Document, Graph]], size: int) -> list[tuple[Document, Graph]]:
    """The statements `size` at a time, each group one graph (made before timing: a build
    validating in batches would make the group's graph as it made each statement's)."""
    groups = []
    for start in range(0, len(prepared), size):
        group = Graph()
        for _, graph in prepared[start : start + size]:
            for triple in graph:
                group.add(triple)
        groups.append((prepared[start][0], group))
    return groups


def shipped_check(shapes: Graph, data: Graph, document: Document) -> int:
    """As the build validates: pyshacl's shapes graph made once and kept between calls."""
    return len(validate_graph(data, shapes, {document.id: document}))


def fresh_check(shapes: Graph, data: Graph, document: Document) -> int:
    """As before that was kept: pyshacl makes its shapes graph anew on every call."""
    _PARSED.pop(shapes, None)
    return shipped_check(shapes, data, document)


def advanced_check(shapes: Graph, data: Graph, document: Document) -> int:
    """pyshacl in its advanced mode (SHACL-AF), the shapes' class axioms lent as shipped."""
    for triple in shapes.triples((None, RDFS.subClassOf, None)):
        data.add(triple)
    conforms, report, _ = pyshacl_validate(data, shacl_graph=shapes, advanced=True)
    assert isinstance(report, Graph)
    return 0 if conforms else len(set(report.subjects(SH.resultSeverity, SH.Violation)))


@dataclass(frozen=True)
class Variant:
    name: str
    shapes: str
    context_store: bool = False
    links: bool = False
    transform: Callable[[Graph], Graph] = field(default=lambda g: g)
    check: Check = fresh_check
    # Applied to the parsed shapes (the shipped load also lifts the property shapes).
    rewrite: Rewrite = field(default=lambda shapes: None)
    # Statements per pyshacl call.
    batch: int = 1


def statements(project: Project) -> tuple[Graphs, Graph]:
    listed = load_lexicon(project.mappings)
    documents = read_corpus(project.corpus, listed)
    lexicon = with_recognised((d.text for d in documents), listed)
    reference = reference_graph(lexicon)
    add_links(reference, load_links(project.mappings, lexicon), lexicon)
    return [(d, statement_graph(extract(d, lexicon), lexicon)) for d in documents], reference


def ready(graphs: Graphs, reference: Graph, variant: Variant) -> list[tuple[Document, Graph]]:
    """Each statement's subgraph with its references, as the build validates it."""
    prepared = []
    for document, graph in graphs:
        full = Graph()
        for triple in variant.transform(graph):
            full.add(triple)
        add_references(full, reference)
        if variant.links:
            with_links(full, reference)
        prepared.append((document, full))
    return prepared


def measure(prepared: list[tuple[Document, Graph]], variant: Variant, rounds: int) -> float:
    """Median over rounds of the CPU seconds per statement; every statement must conform.
    A first round, not counted, warms what pyshacl and rdflib cache."""
    shapes = Graph() if variant.context_store else Graph(store="SimpleMemory")
    shapes.parse(data=variant.shapes, format="turtle")
    variant.rewrite(shapes)
    calls = batched(prepared, variant.batch) if variant.batch > 1 else prepared
    spent = []
    for _ in range(rounds + 1):
        clock = time.process_time()
        found = sum(variant.check(shapes, g, d) for d, g in calls)
        spent.append(time.process_time() - clock)
        if found:
            raise SystemExit(f"{variant.name}: {found} violations, the statements should conform")
    return statistics.median(spent[1:]) / len(prepared)


def variants(shipped: str) -> list[Variant]:
    def as_shipped(name: str, **changes: Any) -> Variant:
        """The shipped form (lifted shapes, one shapes graph reused) with `changes`."""
        return replace(Variant(name, shipped, check=shipped_check, rewrite=lifted), **changes)

    previous = previous_shapes(shipped)
    before = body_or(previous)
    old = previous_form
    lifted = lift_property_shapes
    lifted_no_reference = lifted_and(without_reference_shapes)
    return [
        Variant("before", before, context_store=True, links=True, transform=old),
        Variant("+ shapes store without contexts", before, links=True, transform=old),
        Variant(
            "+ one class for a mention's body",
            previous,
            context_store=True,
            links=True,
            transform=old,
        ),
        Variant("+ references without links", before, context_store=True, transform=old),
        Variant("all three, anchor as WA target", previous, transform=old),
        Variant("WA + one shapes graph reused", previous, check=shipped_check, transform=old),
        Variant("WA + advanced mode", previous, check=advanced_check, transform=old),
        Variant("WA, selectors uncounted*", without_qualified(previous), transform=old),
        Variant("anchor on annotation, nested", shipped),
        Variant("that, over both forms", shipped, transform=both_forms),
        Variant("+ property shapes lifted", shipped, rewrite=lifted),
        Variant("+ optional ones targeted", shipped, rewrite=optional_targeted),
        Variant("+ no reference shapes*", shipped, rewrite=without_reference_shapes),
        Variant("+ one shapes graph reused", shipped, check=shipped_check),
        Variant("+ 5 statements a call", shipped, batch=5),
        Variant("lifted + optional ones targeted", shipped, rewrite=lifted_and(optional_targeted)),
        Variant("lifted + no reference shapes*", shipped, rewrite=lifted_no_reference),
        as_shipped("as shipped: lifted, graph reused"),
        as_shipped("as shipped, over both forms", transform=both_forms),
        as_shipped("shipped + no reference shapes*", rewrite=lifted_no_reference),
        as_shipped("shipped, 5 statements a call", batch=5),
        as_shipped("shipped, 20 statements a call", batch=20),
        as_shipped("shipped, no ref. shapes*, 20 a call", rewrite=lifted_no_reference, batch=20),
    ]


def corpus_statements(args: argparse.Namespace, work: Path) -> tuple[Graphs, Graph, str]:
    if args.corpus:
        return (*statements(Project(ROOT)), "the corpus")
    generate(ROOT, work / "synthetic", args.statements)
    return (*statements(Project(work / "synthetic")), "synthetic")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--statements", type=int, default=20, help="synthetic statements (20)")
    parser.add_argument("--rounds", type=int, default=3, help="validations of each (3)")
    parser.add_argument("--corpus", action="store_true", help="the corpus, not synthetic ones")
    args = parser.parse_args()
    shipped = Project(ROOT).shapes.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        graphs, reference, what = corpus_statements(args, Path(tmp))
    print(f"# SHACL validation per statement, {what} ({len(graphs)} statements), CPU medians")
    print(f"  {'variant':<36} {'triples':>9} {'ms':>8} {'speed-up':>9}")
    base = None
    for variant in variants(shipped):
        prepared = ready(graphs, reference, variant)
        triples = sum(len(g) for _, g in prepared) // len(prepared)
        seconds = measure(prepared, variant, args.rounds)
        base = base or seconds
        print(f"  {variant.name:<36} {triples:>9,} {seconds * 1000:8.1f} {base / seconds:8.2f}x")
    print("  * an upper bound, not the contract: a span's selectors are not checked for class;")
    print("    the reference entities a statement reaches are not checked against their shapes")


if __name__ == "__main__":
    main()
