"""The SHACL shapes, one example at a time: every named node shape in ontology/shapes.ttl has
small Turtle graphs in tests/shapes/ that must conform (valid/) and graphs that break exactly
one rule (invalid/), each with the violations it must raise listed beside it (.expected, one
`focus-IRI | shape | path` per line, sorted; the path is empty for a node-level constraint)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH

from statement_kg.validate import lift_property_shapes, load_shapes, validate_graph

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "tests" / "shapes"
VALID = sorted((EXAMPLES / "valid").glob("*.ttl"))
INVALID = sorted((EXAMPLES / "invalid").glob("*.ttl"))
ID = "https://w3id.org/statement-kg/id/"
SHAPES_NS = "https://w3id.org/statement-kg/shapes#"

Triple = tuple[str, str, str]


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes(ROOT / "ontology" / "shapes.ttl")


def shape_of(example: Path) -> str:
    """The shape an example is about: its file name up to the first hyphen."""
    return example.stem.split("-", 1)[0]


def found(example: Path, shapes: Graph) -> set[Triple]:
    data = Graph().parse(example, format="turtle")
    return {(v.focus, v.shape, v.path or "") for v in validate_graph(data, shapes, {})}


def expected(example: Path) -> set[Triple]:
    lines = example.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    assert lines, f"{example.name}: the .expected file is empty"
    assert lines == sorted(set(lines)), f"{example.name}: .expected must be sorted, no repeats"
    triples: set[Triple] = set()
    for line in lines:
        parts = [part.strip() for part in line.split("|")]
        assert len(parts) == 3, f"{example.name}: not 'focus | shape | path': {line!r}"
        focus, shape, path = parts
        triples.add((focus, shape, path))
    return triples


def test_there_are_examples() -> None:
    assert len(VALID) >= 19
    assert len(INVALID) >= 19


def test_every_named_shape_has_valid_and_invalid_examples(shapes: Graph) -> None:
    named = {
        str(s).removeprefix(SHAPES_NS)
        for s in shapes.subjects(RDF.type, SH.NodeShape)
        if isinstance(s, URIRef) and str(s).startswith(SHAPES_NS)
    }
    assert "Statement" in named
    assert named - {shape_of(p) for p in VALID} == set(), "node shapes without a valid example"
    assert named - {shape_of(p) for p in INVALID} == set(), "node shapes without invalid examples"
    assert {shape_of(p) for p in VALID + INVALID} <= named, "examples named after no shape"


def test_every_invalid_example_has_its_expected_file_and_nothing_else() -> None:
    examples = {p.stem for p in INVALID}
    answers = {p.stem for p in (EXAMPLES / "invalid").glob("*.expected")}
    assert examples == answers
    assert {p.suffix for p in (EXAMPLES / "invalid").iterdir()} == {".ttl", ".expected"}
    assert {p.suffix for p in (EXAMPLES / "valid").iterdir()} == {".ttl"}


@pytest.mark.parametrize("example", VALID + INVALID, ids=[p.name for p in VALID + INVALID])
def test_example_resources_are_named_under_the_id_namespace(example: Path) -> None:
    """No blank nodes (a focus in .expected must be stable), and our resources under /id/."""
    data = Graph().parse(example, format="turtle")
    subjects = set(data.subjects())
    assert all(isinstance(s, URIRef) for s in subjects), "blank node in an example"
    assert {s for s in subjects if not str(s).startswith(ID)} == set()


@pytest.mark.parametrize("example", VALID, ids=[p.name for p in VALID])
def test_valid_example_conforms(example: Path, shapes: Graph) -> None:
    data = Graph().parse(example, format="turtle")
    assert validate_graph(data, shapes, {}) == []


@pytest.mark.parametrize("example", INVALID, ids=[p.name for p in INVALID])
def test_invalid_example_raises_exactly_the_expected_violations(
    example: Path, shapes: Graph
) -> None:
    want = expected(example)
    assert f"shapes:{shape_of(example)}" in {shape for _, shape, _ in want}, (
        f"{example.name}: expects no violation of the shape it is named after"
    )
    got = found(example, shapes)
    assert got, f"{example.name} conforms, but it should break a rule of the shapes"
    assert got == want


@pytest.fixture(scope="module")
def nested_and_lifted() -> tuple[Graph, Graph]:
    """The shapes as written (property shapes nested in their node shapes) and as validation
    loads them (lifted to their node shapes' targets), sharing their blank nodes, so that a
    result's path (an alternative path is a blank node) compares equal."""
    nested = Graph(store="SimpleMemory").parse(ROOT / "ontology" / "shapes.ttl")
    lifted = Graph(store="SimpleMemory")
    for prefix, namespace in nested.namespaces():
        lifted.bind(prefix, namespace)
    for triple in nested:
        lifted.add(triple)
    lift_property_shapes(lifted)
    return nested, lifted


ALL_EXAMPLES = sorted(ROOT.glob("tests/shapes*/*/*.ttl"))


@pytest.mark.parametrize(
    "example", ALL_EXAMPLES, ids=[f"{p.parent.name}/{p.name}" for p in ALL_EXAMPLES]
)
def test_lifted_property_shapes_report_exactly_what_the_nested_ones_do(
    example: Path, nested_and_lifted: tuple[Graph, Graph]
) -> None:
    """Every result the shapes as written give, the same focus, shape, path, message and
    value, and no other, from the property shapes lifted to their targets."""
    nested, lifted = nested_and_lifted
    data = Graph().parse(example, format="turtle")
    assert validate_graph(data, lifted, {}) == validate_graph(data, nested, {})


def test_lifting_leaves_no_property_shape_nested_in_a_targeted_shape(
    nested_and_lifted: tuple[Graph, Graph],
) -> None:
    """Only the named node shapes other shapes refer to (shapes:Container, through sh:node)
    keep their property shapes nested; every other named node shape's are lifted."""
    _, lifted = nested_and_lifted
    named = {s for s in lifted.subjects(SH.property, None) if isinstance(s, URIRef)}
    kept = {lifted.qname(s) for s in named}
    assert kept == {"shapes:Container"}
