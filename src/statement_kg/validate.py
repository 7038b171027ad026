"""Validation against the SHACL shapes, linear in the number of statements: each statement's
subgraph is validated on its own together with the reference descriptions it points to
(see pipeline.py), and the reference data once. A violation names the focus node, the
shape, the message, and the source document and line it came from.

pyshacl's cost is per focus node and per constraint, so what is cheap here is measured in
benchmarks/shape_alternatives.py: the property shapes of a targeted node shape are given its
targets (pyshacl then checks each over all its focus nodes at once, rather than once per focus
node), the shapes are held in a store without named graphs (pyshacl reads them for every
shape it checks) and parsed by pyshacl once per process, and the class axioms the shapes
declare for themselves (one class for what a mention may identify) are lent to the data only
while it is checked."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from weakref import WeakKeyDictionary

from pyshacl import ShapesGraph, Validator
from pyshacl.graph_abstraction import DataGraph
from rdflib import Graph
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS
from rdflib.term import BNode, Node, URIRef

from statement_kg.extract.spans import line_of
from statement_kg.rdf.anchor import anchors
from statement_kg.rdf.namespace import PREFIXES
from statement_kg.records import Document

_ANCHORED = re.compile(r"/statement/([^/]+)/[a-z]+/(\d+)-(\d+)")
_STATEMENT = re.compile(r"/statement/([^/]+)")


@dataclass(frozen=True)
class Violation:
    focus: str
    shape: str
    path: str | None
    message: str
    value: str | None
    source: str | None

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        path = f" {self.path}" if self.path else ""
        value = f" (value: {self.value})" if self.value else ""
        return f"{where}{self.focus}{path}: {self.message}{value} [shape {self.shape}]"


_TARGETS = (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode)


def load_shapes(path: Path) -> Graph:
    """The shapes, with their property shapes lifted (see `lift_property_shapes`), in
    rdflib's store without named graphs: pyshacl looks up each shape's constraints every time
    it checks it, and this store answers without the bookkeeping of contexts."""
    shapes = Graph(store="SimpleMemory").parse(path, format="turtle")
    lift_property_shapes(shapes)
    return shapes


def lift_property_shapes(shapes: Graph) -> None:
    """Gives each property shape of a node shape that has targets those targets, in place of
    its sh:property link, and names the node shape it came from (rdfs:isDefinedBy). SHACL
    checks a property shape of a node shape on each of its focus nodes, and a property shape
    with the same targets on the same nodes: the same results, each with the same focus node,
    path, value, message and source shape. pyshacl, though, checks a nested property shape once
    per focus node, building its constraints anew each time, and a targeted one once over all
    of them: validation costs about half. Node shapes that other shapes refer to (sh:node, a
    logical or qualified constraint), that are classes (implicit targets) or deactivated keep
    their property shapes, as those are checked from elsewhere or not at all."""
    referred = set(shapes.objects())
    for shape in set(shapes.subjects(RDF.type, SH.NodeShape)):
        targets = [(p, o) for p in _TARGETS for o in shapes.objects(shape, p)]
        if (
            not targets
            or shape in referred
            or (shape, RDF.type, RDFS.Class) in shapes
            or (shape, SH.deactivated, None) in shapes
        ):
            continue
        for prop in list(shapes.objects(shape, SH.property)):
            shapes.remove((shape, SH.property, prop))
            shapes.add((prop, RDFS.isDefinedBy, shape))
            for predicate, target in targets:
                shapes.add((prop, predicate, target))


def locate(
    focus: str, documents: Mapping[str, Document], entities: Mapping[str, str] | None = None
) -> str | None:
    """The file (and line) an offending node came from: a span of a text, a sidecar, or the
    entry of a reference entity in mappings/ (`entities` maps its IRI to "file:line")."""
    if entities and focus in entities:
        return entities[focus]
    anchored = _ANCHORED.search(focus)
    if anchored and anchored[1] in documents:
        document = documents[anchored[1]]
        return f"{document.text_path}:{line_of(document.text, int(anchored[2]))}"
    statement = _STATEMENT.search(focus)
    if statement and statement[1] in documents:
        return str(documents[statement[1]].meta_path)
    return None


def _node_shape(shapes: Graph, shape: Node | None) -> str:
    """The named node shape a (blank) property shape belongs to, or was lifted from."""
    if shape is None:
        return "?"
    seen: set[Node] = set()
    while not isinstance(shape, URIRef) and shape not in seen:
        seen.add(shape)
        parents = (
            list(shapes.objects(shape, RDFS.isDefinedBy))
            or list(shapes.subjects(SH.property, shape))
            or list(shapes.subjects(None, shape))
        )
        if not parents:
            break
        shape = parents[0]
    return shapes.qname(shape) if isinstance(shape, URIRef) else str(shape)


_NAMES = Graph()
for _prefix, _namespace in PREFIXES.items():
    _NAMES.bind(_prefix, _namespace)


def _text(node: Node | None) -> str | None:
    """A node as a reader knows it: prefixed with the project's own prefixes."""
    if node is None:
        return None
    return _NAMES.qname(node) if isinstance(node, URIRef) else str(node)


def _path_text(report: Graph, path: Node | None) -> str | None:
    """A result path as SPARQL writes it: a sequence path (an RDF list in the report) as
    its steps joined by "/", so that a reader and a test see it rather than a blank node."""
    if isinstance(path, BNode) and report.value(path, RDF.first) is not None:
        return "/".join(_text(step) or "" for step in Collection(report, path))
    return _text(path)


def validate_graph(
    data: Graph,
    shapes: Graph,
    documents: Mapping[str, Document],
    entities: Mapping[str, str] | None = None,
) -> list[Violation]:
    # pyshacl reads rdfs:subClassOf in the data graph only: the shapes' own class axioms are
    # added for the check and removed after, so the caller's graph is left as it was.
    lent = [t for t in shapes.triples((None, RDFS.subClassOf, None)) if t not in data]
    for triple in lent:
        data.add(triple)
    try:
        conforms, report = _check(data, shapes)
    finally:
        for triple in lent:
            data.remove(triple)
    violations = anchor_violations(data, documents, entities)
    if conforms:
        return violations
    assert isinstance(report, Graph)
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        focus = str(report.value(result, SH.focusNode))
        violations.append(
            Violation(
                focus=focus,
                shape=_node_shape(shapes, report.value(result, SH.sourceShape)),
                path=_path_text(report, report.value(result, SH.resultPath)),
                message=str(report.value(result, SH.resultMessage)),
                value=_text(report.value(result, SH.value)),
                source=locate(focus, documents, entities),
            )
        )
    return sorted(
        violations,
        key=lambda v: (v.source or "", v.focus, v.shape, v.message, v.path or "", v.value or ""),
    )


# The shapes graph pyshacl made of each shapes graph it was given, with the shapes it found in
# it and what each has read of its parameters, kept while the shapes graph lives (shapes are
# not changed once loaded).
_PARSED: WeakKeyDictionary[Graph, ShapesGraph] = WeakKeyDictionary()


def _check(data: Graph, shapes: Graph) -> tuple[bool, Graph]:
    """What `pyshacl.validate` does with these options (no inference, every result, the data
    checked in place), but with pyshacl's shapes graph for `shapes` made once and kept: made
    anew on every call, finding the shapes again cost about an eighth of a statement's check
    (see "SHACL validation per statement" in the README)."""
    validator = Validator(
        DataGraph.from_rdflib(data), shacl_graph=shapes, options={"inference": "none"}
    )
    validator.shacl_graph = _PARSED.setdefault(shapes, validator.shacl_graph)
    conforms, report, _ = validator.run()  # type: ignore[no-untyped-call]
    return bool(conforms), report


def anchor_violations(
    data: Graph, documents: Mapping[str, Document], entities: Mapping[str, str] | None = None
) -> list[Violation]:
    """The span check, which core SHACL cannot make (it compares a string with part of
    another): every anchor's offsets lie within its statement's text and cover exactly its
    words (`text[begin:end] == anchorOf`). Reported as a violation of shapes:Anchor, the
    shape that holds the rest of an anchor's contract."""
    return [
        Violation(
            focus=str(anchor.annotation),
            shape="shapes:Anchor",
            path="nif:anchorOf",
            message=(
                f"The words differ from the statement's text at {anchor.begin}-{anchor.end}"
                f" ({anchor.text[anchor.begin : anchor.end]!r}), or the offsets lie outside it."
            ),
            value=anchor.words,
            source=locate(str(anchor.annotation), documents, entities),
        )
        for anchor in anchors(data)
        if not anchor.matches()
    ]


# Links to other datasets are checked with the reference data, once; no shape of a statement
# reads them, so a statement's validation leaves them out (and with them a shape per entity).
LINKS = frozenset({OWL.sameAs, SKOS.exactMatch, SKOS.closeMatch, RDFS.seeAlso})


def add_references(statement: Graph, reference: Graph) -> None:
    """Adds to the statement's subgraph, in place, the description of every reference
    resource it reaches (its issuers, the entities it mentions, what those are part of),
    but for its links, and nothing else: what its shapes need to see, without copying the
    statement."""
    frontier: list[Node] = [o for o in statement.objects() if isinstance(o, URIRef)]
    seen: set[Node] = set()
    while frontier:
        node = frontier.pop()
        if node in seen:
            continue
        seen.add(node)
        for _, p, o in reference.triples((node, None, None)):
            if p in LINKS:
                continue
            statement.add((node, p, o))
            if isinstance(o, URIRef):
                frontier.append(o)
