"""Every anchored annotation in the committed graph has its anchor (NIF: statement, offsets,
words) and the Web Annotation target derived from it, and the two say the same: the target
in graph/ is exactly what `web_annotation` derives from the anchors, none names another
statement or other words, and nothing but an annotation has an anchor. The shapes check the
model per statement at build time; this checks the merged graph users query."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from statement_kg.project import Project
from statement_kg.rdf.anchor import web_annotation
from statement_kg.rdf.namespace import OA

PREFIXES = """PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX oa: <http://www.w3.org/ns/oa#>
"""

# Each query lists what breaks the rule: the answer must be empty.
BREAKS = {
    "target-without-anchor": """
        SELECT ?annotation WHERE {
          ?annotation oa:hasTarget/oa:hasSource ?statement .
          FILTER NOT EXISTS { ?annotation nif:referenceContext ?statement }
        }""",
    "anchor-without-target": """
        SELECT ?annotation WHERE {
          ?annotation nif:referenceContext ?statement .
          FILTER NOT EXISTS { ?annotation oa:hasTarget/oa:hasSource ?statement }
        }""",
    "target-with-other-words": """
        SELECT ?annotation WHERE {
          ?annotation nif:anchorOf ?words ; nif:beginIndex ?begin ; nif:endIndex ?end ;
                      oa:hasTarget/oa:hasSelector ?quote , ?position .
          ?quote oa:exact ?exact . ?position oa:start ?start ; oa:end ?stop .
          FILTER(?exact != ?words || ?start != ?begin || ?stop != ?end)
        }""",
    "anchor-on-no-annotation": """
        SELECT ?node WHERE {
          ?node nif:referenceContext ?statement .
          FILTER NOT EXISTS { ?node a oa:Annotation }
        }""",
}


@pytest.mark.parametrize("query", BREAKS.values(), ids=list(BREAKS))
def test_anchor_and_target_agree(store: ox.Store, query: str) -> None:
    answer = store.query(PREFIXES + query)
    assert isinstance(answer, ox.QuerySolutions)
    assert [[str(term) for term in row] for row in answer] == []


def test_every_annotation_has_one_anchor(store: ox.Store) -> None:
    """Not vacuous: the corpus has anchored annotations, and each has exactly one."""
    answer = store.query(
        PREFIXES
        + """SELECT (COUNT(DISTINCT ?annotation) AS ?annotations) (COUNT(*) AS ?anchors)
        WHERE { ?annotation oa:hasTarget ?target ; nif:referenceContext ?statement }"""
    )
    assert isinstance(answer, ox.QuerySolutions)
    ((annotations, anchors),) = [tuple(row) for row in answer]
    assert isinstance(annotations, ox.Literal)
    assert isinstance(anchors, ox.Literal)
    assert int(annotations.value) > 500
    assert anchors == annotations


@pytest.fixture(scope="module")
def dump(project: Project) -> Graph:
    return Graph().parse(Path(project.graph) / "statements.nt", format="nt")


def test_the_targets_in_the_graph_are_those_derived_from_the_anchors(dump: Graph) -> None:
    """The Web Annotation form in graph/ (every target, its two selectors and their triples)
    is exactly what `web_annotation` derives from the anchors and the statements' texts."""
    targets = set(dump.objects(None, OA.hasTarget))
    parts = targets | {s for t in targets for s in dump.objects(t, OA.hasSelector)}
    written = Graph()
    for s, p, o in dump:
        if s in parts or p == OA.hasTarget:
            written.add((s, p, o))
    model = dump - written
    assert len(targets) > 500
    assert isomorphic(web_annotation(model), written)


def test_the_derived_target_is_the_hand_written_one() -> None:
    """The shapes' examples of the two forms: the target derived from valid/Anchor.ttl (the
    model) is the one written by hand in valid/Target.ttl (both forms), prefix and suffix
    included."""
    examples = Path(__file__).resolve().parent / "shapes" / "valid"
    model = Graph().parse(examples / "Anchor.ttl")
    assert isomorphic(model + web_annotation(model), Graph().parse(examples / "Target.ttl"))
