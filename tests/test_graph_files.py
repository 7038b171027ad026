"""The committed graph/: rebuilt byte for byte by the build, loadable by other tools to the
same graph, conforming to the shapes, and canonical."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from statement_kg.build import VOID_FILE, BuildResult
from statement_kg.project import Project
from statement_kg.store import GRAPH_FILES, STORE_DIR, to_rdflib
from statement_kg.validate import load_shapes, validate_graph


@pytest.mark.parametrize("name", sorted([*GRAPH_FILES.values(), VOID_FILE]))
def test_fresh_build_equals_committed_graph(
    name: str, project: Project, fresh_build: tuple[BuildResult, Path]
) -> None:
    _, out = fresh_build
    assert (out / name).read_bytes() == (project.graph / name).read_bytes(), (
        f"graph/{name} is stale: run 'statement-kg build' and commit graph/"
    )


def test_graph_dir_holds_only_build_output(project: Project) -> None:
    """The dumps and the dataset description; the build's query database beside them is
    not committed."""
    assert sorted(p.name for p in project.graph.iterdir() if p.name != STORE_DIR) == sorted(
        [*GRAPH_FILES.values(), VOID_FILE]
    )


def _from_oxigraph(path: Path) -> Graph:
    graph = Graph()
    for triple in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
        assert isinstance(triple.subject, ox.NamedNode)
        assert not isinstance(triple.object, ox.Triple)
        graph.add(
            (to_rdflib(triple.subject), to_rdflib(triple.predicate), to_rdflib(triple.object))
        )
    return graph


@pytest.fixture(scope="module")
def turtle(project: Project) -> Graph:
    return Graph().parse(project.graph / "statements.ttl", format="turtle")


def test_turtle_parses_alike_in_rdflib_and_oxigraph(project: Project, turtle: Graph) -> None:
    assert len(turtle) > 5000
    assert isomorphic(turtle, _from_oxigraph(project.graph / "statements.ttl"))


@pytest.mark.parametrize(
    ("name", "fmt"), [("statements.nt", "nt"), ("statements.jsonld", "json-ld")]
)
def test_every_dump_holds_the_same_graph(
    name: str, fmt: str, project: Project, turtle: Graph
) -> None:
    assert isomorphic(turtle, Graph().parse(project.graph / name, format=fmt))


def test_committed_graph_conforms_to_shapes(project: Project, turtle: Graph) -> None:
    assert validate_graph(turtle, load_shapes(project.shapes), {}) == []


def test_build_summary_counts(fresh_build: tuple[BuildResult, Path], project: Project) -> None:
    result, _ = fresh_build
    assert result.documents == len(list(project.corpus.glob("*.txt")))
    assert result.counts["anniversaries"] == 3
    assert result.counts["citations"] > 20
