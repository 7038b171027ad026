"""The shapes that check links to other datasets (the "links" block of ontology/shapes.ttl,
namespace linkshapes:), one example at a time: every such node shape has graphs in
tests/shapes_links/ that must conform (valid/) and graphs that break one rule (invalid/),
each with the violations it must raise beside it (.expected, one `focus-IRI | shape |
message` per line, sorted: a link shape's path is often an alternative path, a blank node,
so the message names the rule instead)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH

from statement_kg.validate import load_shapes, validate_graph

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "tests" / "shapes_links"
VALID = sorted((EXAMPLES / "valid").glob("*.ttl"))
INVALID = sorted((EXAMPLES / "invalid").glob("*.ttl"))
LINKSHAPES = "https://w3id.org/statement-kg/shapes/links#"
ID = "https://w3id.org/statement-kg/id/"


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes(ROOT / "ontology" / "shapes.ttl")


def shape_of(example: Path) -> str:
    return example.stem.split("-", 1)[0]


def test_every_link_shape_has_valid_and_invalid_examples(shapes: Graph) -> None:
    named = {
        str(s).removeprefix(LINKSHAPES)
        for s in shapes.subjects(RDF.type, SH.NodeShape)
        if isinstance(s, URIRef) and str(s).startswith(LINKSHAPES)
    }
    assert named == {"LinkedEntity", "EventLink"}
    assert {shape_of(p) for p in VALID} == named
    assert {shape_of(p) for p in INVALID} == named
    assert {p.stem for p in INVALID} == {p.stem for p in (EXAMPLES / "invalid").glob("*.expected")}


@pytest.mark.parametrize("example", VALID + INVALID, ids=[p.name for p in VALID + INVALID])
def test_example_subjects_are_named_under_the_id_namespace(example: Path) -> None:
    subjects = set(Graph().parse(example, format="turtle").subjects())
    assert subjects
    assert all(isinstance(s, URIRef) and str(s).startswith(ID) for s in subjects)


@pytest.mark.parametrize("example", VALID, ids=[p.name for p in VALID])
def test_valid_example_conforms(example: Path, shapes: Graph) -> None:
    assert validate_graph(Graph().parse(example, format="turtle"), shapes, {}) == []


@pytest.mark.parametrize("example", INVALID, ids=[p.name for p in INVALID])
def test_invalid_example_raises_exactly_the_expected_violations(
    example: Path, shapes: Graph
) -> None:
    lines = example.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    assert lines
    assert lines == sorted(set(lines))
    want = {tuple(part.strip() for part in line.split("|")) for line in lines}
    assert all(len(w) == 3 for w in want)
    assert f"linkshapes:{shape_of(example)}" in {w[1] for w in want}
    violations = validate_graph(Graph().parse(example, format="turtle"), shapes, {})
    assert {(v.focus, v.shape, v.message) for v in violations} == want
