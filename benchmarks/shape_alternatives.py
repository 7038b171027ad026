"""Measures SHACL validation per statement on the corpus with the shapes as shipped and with
the alternatives weighed for them, side by side in one run (medians of CPU time):

- "one class for a mention's body": each described entity also typed skg:Referent, checked
  once per entity, so a mention's body is one sh:class, not an sh:or of four classes;
- "anchor on the annotation": start, end and the exact words on the annotation itself, the
  Web Annotation selectors derived only for the exports (no span and selector nodes).

    python benchmarks/shape_alternatives.py [--rounds 5]

Each alternative is derived from the shipped shapes and the built statement graphs; where the
shipped shapes no longer have the form an alternative rewrites, it says so and stops.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from rdflib import RDF, Graph, Namespace, URIRef

from statement_kg.corpus import read_corpus
from statement_kg.extract import extract
from statement_kg.extract.recognise import with_recognised
from statement_kg.lexicon import load_lexicon
from statement_kg.links import add_links, load_links
from statement_kg.project import Project
from statement_kg.rdf.reference import reference_graph
from statement_kg.rdf.statement import statement_graph
from statement_kg.records import Document
from statement_kg.validate import add_references, validate_graph

ROOT = Path(__file__).resolve().parent.parent
SKG = Namespace("https://w3id.org/statement-kg/ontology#")
OA = Namespace("http://www.w3.org/ns/oa#")

BODY_OR = """sh:or ( [ sh:class prov:Agent ] [ sh:class schema:Place ] [ sh:class sem:Event ]
                          [ sh:class schema:CreativeWork ] ) ;"""
REFERENT = """
shapes:Referent a sh:NodeShape ;
    sh:targetClass skg:Referent ;
    sh:or ( [ sh:class prov:Agent ] [ sh:class schema:Place ] [ sh:class sem:Event ]
            [ sh:class schema:CreativeWork ] ) .
"""
ANCHOR = """
shapes:Anchor a sh:NodeShape ;
    sh:targetClass skg:Claim , skg:Mention , skg:DateMention ;
    sh:property [ sh:path oa:hasSource ; sh:minCount 1 ; sh:maxCount 1 ; sh:class skg:Statement ] ,
                [ sh:path oa:exact ; sh:minCount 1 ; sh:maxCount 1 ; sh:datatype xsd:string ;
                  sh:minLength 1 ] ,
                [ sh:path oa:start ; sh:minCount 1 ; sh:maxCount 1 ;
                  sh:datatype xsd:nonNegativeInteger ; sh:lessThan oa:end ] ,
                [ sh:path oa:end ; sh:minCount 1 ; sh:maxCount 1 ;
                  sh:datatype xsd:nonNegativeInteger ] .
"""
TARGET = "sh:path oa:hasTarget ; sh:minCount 1 ; sh:maxCount 1 ; sh:class oa:SpecificResource ;"

Graphs = list[tuple[Document, Graph]]


def _require(text: str, part: str, alternative: str) -> None:
    if part not in text:
        raise SystemExit(f"the shipped shapes no longer have the form '{alternative}' rewrites")


def referent_shapes(text: str) -> str:
    _require(text, BODY_OR, "one class for a mention's body")
    return text.replace(BODY_OR, "sh:class skg:Referent ;") + REFERENT


def anchor_shapes(text: str) -> str:
    start, end = text.find("shapes:Span a sh:NodeShape"), text.find("# --- time")
    _require(text, TARGET, "anchor on the annotation")
    if start < 0 or end < start:
        raise SystemExit("the shipped shapes no longer have the span and selector shapes")
    kept = text[:start] + ANCHOR + text[end:]
    # The target's own constraints go: the annotation is anchored by the shape above.
    return kept.replace(TARGET, "sh:path oa:hasTarget ; sh:maxCount 0 ;")


def with_referents(graph: Graph) -> Graph:
    """Every entity a mention identifies also typed skg:Referent."""
    typed = Graph()
    for triple in graph:
        typed.add(triple)
    for mention in graph.subjects(RDF.type, SKG.Mention):
        for body in graph.objects(mention, OA.hasBody):
            if isinstance(body, URIRef):
                typed.add((body, RDF.type, SKG.Referent))
    return typed


def anchored(graph: Graph) -> Graph:
    """The annotation carries its source, start, end and exact words; no span nodes (and
    no skg:inStatement, the shortcut of a target this form no longer has)."""
    targets = set(graph.objects(None, OA.hasTarget))
    dropped = set(targets) | {s for t in targets for s in graph.objects(t, OA.hasSelector)}
    compact = Graph()
    for s, p, o in graph:
        if p == SKG.inStatement:
            continue
        if s not in dropped and not (p == OA.hasTarget and o in targets):
            compact.add((s, p, o))
    for annotation, target in graph.subject_objects(OA.hasTarget):
        source = graph.value(target, OA.hasSource)
        if source is not None:
            compact.add((annotation, OA.hasSource, source))
        for selector in graph.objects(target, OA.hasSelector):
            for predicate in (OA.exact, OA.start, OA.end):
                value = graph.value(selector, predicate)
                if value is not None:
                    compact.add((annotation, predicate, value))
    return compact


def statements(project: Project) -> tuple[Graphs, Graph]:
    listed = load_lexicon(project.mappings)
    documents = read_corpus(project.corpus, listed)
    lexicon = with_recognised((d.text for d in documents), listed)
    reference = reference_graph(lexicon)
    add_links(reference, load_links(project.mappings, lexicon), lexicon)
    return [(d, statement_graph(extract(d, lexicon), lexicon)) for d in documents], reference


def measure(graphs: Graphs, reference: Graph, shapes: Graph, rounds: int) -> tuple[float, int]:
    ready = []
    for document, graph in graphs:
        full = Graph()
        for triple in graph:
            full.add(triple)
        add_references(full, reference)
        ready.append((document, full))
    spent, found = [], 0
    for _ in range(rounds):
        clock = time.process_time()
        found = sum(len(validate_graph(g, shapes, {d.id: d})) for d, g in ready)
        spent.append(time.process_time() - clock)
    return statistics.median(spent) / len(ready), found


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="validations of each (5)")
    args = parser.parse_args()
    project = Project(ROOT)
    graphs, reference = statements(project)
    shipped = project.shapes.read_text(encoding="utf-8")
    variants: list[tuple[str, str, Callable[[Graph], Graph]]] = [
        ("as shipped", shipped, lambda g: g),
        ("one class for a mention's body", referent_shapes(shipped), with_referents),
        ("anchor on the annotation", anchor_shapes(shipped), anchored),
        (
            "both",
            referent_shapes(anchor_shapes(shipped)),
            lambda g: with_referents(anchored(g)),
        ),
    ]
    print(f"# SHACL validation per statement, corpus ({len(graphs)} statements), CPU medians")
    print(f"  {'shapes':<32} {'triples':>9} {'ms':>8} {'speed-up':>9} {'violations':>11}")
    base = None
    for name, text, transform in variants:
        changed = [(d, transform(g)) for d, g in graphs]
        triples = sum(len(g) for _, g in changed) // len(changed)
        seconds, violations = measure(
            changed, reference, Graph().parse(data=text, format="turtle"), args.rounds
        )
        base = base or seconds
        print(
            f"  {name:<32} {triples:>9,} {seconds * 1000:8.1f} {base / seconds:8.2f}x"
            f" {violations:>11}"
        )


if __name__ == "__main__":
    main()
