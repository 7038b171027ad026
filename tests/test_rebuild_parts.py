"""The parts of a rebuild that no longer redo the whole graph give what the whole gave: the
documents' N-Triples merged as lines are the triples sorted term by term (and a line's terms
are its triple's, for the counts and VoID), the JSON-LD joined
from node texts is the document json.dumps writes, and the query database updated by the
lines that changed holds what a database loaded from the whole dump holds."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from statement_kg import ntlines
from statement_kg import store as store_module
from statement_kg.build import build
from statement_kg.jsonld import assemble, compact, compact_nodes, context
from statement_kg.nodecache import compact_reusing
from statement_kg.project import Project
from statement_kg.store import GRAPH_FILES, STORE_DIR, load_store, write_store
from test_build_scale import _files, change_sidecar, change_text

EX = "http://example.org/"
XSD = "http://www.w3.org/2001/XMLSchema#"

# Terms that are prefixes of one another, literals that differ only in language, datatype or
# a character below the space, and blank nodes whose labels are prefixes of one another.
TRICKY = [
    f"<{EX}a> <{EX}p> <{EX}a/b> .",
    f"<{EX}a/b> <{EX}p> <{EX}a> .",
    f"<{EX}ab> <{EX}p> <{EX}a> .",
    f'<{EX}a> <{EX}p> "x" .',
    f'<{EX}a> <{EX}p> "x"@en .',
    f'<{EX}a> <{EX}p> "x"^^<{XSD}token> .',
    f'<{EX}a> <{EX}p> "x y" .',
    f'<{EX}a> <{EX}p> "x\\ty" .',
    f'<{EX}a> <{EX}p> "x\\u0001" .',
    f'<{EX}a> <{EX}p> "\u00e9t\u00e9" .',
    f'<{EX}a> <{EX}p> "\U0001f600" .',
    f"<{EX}a> <{EX}pq> <{EX}a> .",
    f"_:b1 <{EX}p> <{EX}a> .",
    f"_:b10 <{EX}p> <{EX}a> .",
]


def _canonical(lines: list[str]) -> bytes:
    triples = [q.triple for q in ox.parse("\n".join(lines) + "\n", format=ox.RdfFormat.N_TRIPLES)]
    triples.sort(key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""


@pytest.mark.parametrize("cut", [0, 3, 7, 14], ids=lambda n: f"cut-at-{n}")
def test_lines_merged_are_the_triples_sorted_by_term(cut: int) -> None:
    parts = [_canonical(TRICKY[:cut]), _canonical(TRICKY[cut // 2 :])]
    assert ntlines.merged(parts) == _canonical(TRICKY)


def test_the_terms_of_a_line_are_the_terms_of_its_triple() -> None:
    nt = _canonical(TRICKY)
    triples = [q.triple for q in ox.parse(nt, format=ox.RdfFormat.N_TRIPLES)]
    expected = [(str(t.subject), str(t.predicate), str(t.object)) for t in triples]
    assert [tuple(term.decode() for term in terms) for terms in ntlines.terms(nt)] == expected
    assert ntlines.iri(ntlines.written(f"{EX}\u00e9")) == f"{EX}\u00e9"


def test_json_ld_joined_from_node_texts_is_what_json_dumps_writes(project: Project) -> None:
    nodes = compact_nodes((project.graph / GRAPH_FILES["nt"]).read_bytes())
    ordered = sorted(nodes, key=lambda node: str(node.get("id", "")))
    whole = json.dumps({"@context": context(), "@graph": ordered}, ensure_ascii=False, indent=1)
    assert assemble(list(reversed(nodes))) == (whole + "\n").encode()
    empty = json.dumps({"@context": context(), "@graph": []}, ensure_ascii=False, indent=1)
    assert assemble([]) == (empty + "\n").encode()


RDF_FIRST = "http://www.w3.org/1999/02/22-rdf-syntax-ns#first"
WHOLE = {
    "a-blank-subject": [f"_:b <{EX}p> <{EX}a> .", f'<{EX}a> <{EX}p> "x" .'],
    "a-blank-object": [f"<{EX}a> <{EX}p> _:b .", f'_:b <{EX}q> "x" .'],
    "a-list": [f"<{EX}l> <{RDF_FIRST}> <{EX}a> .", f"<{EX}a> <{EX}p> <{EX}l> ."],
    "a-literal-naming-a-blank-node": [f'<{EX}a> <{EX}p> "see _:b" .', f"<{EX}b> <{EX}p> <{EX}a> ."],
    "iris-only": [f'<{EX}a> <{EX}p> "x" .', f"<{EX}b> <{EX}p> <{EX}a> ."],
}


@pytest.mark.parametrize("lines", WHOLE.values(), ids=WHOLE.keys())
def test_json_ld_from_the_lines_is_the_compacted_graph(lines: list[str], tmp_path: Path) -> None:
    nt = _canonical(lines)
    triples = [q.triple for q in ox.parse(nt, format=ox.RdfFormat.N_TRIPLES)]
    store = tmp_path / "nodes.pickle"
    for _ in range(2):  # compacting, then with the nodes kept
        data = compact_reusing(nt, store)
        parsed = Graph().parse(data=data, format="json-ld")
        assert isomorphic(parsed, Graph().parse(data=nt, format="nt"))
        # rdflib names blank nodes anew each time: only a graph without them is byte-stable.
        if b"_:" not in nt:
            assert data == compact(triples)


def _quads(folder: Path) -> set[ox.Quad]:
    return set(load_store(folder).quads_for_pattern(None, None, None))


def _graph(folder: Path) -> Graph:
    """What the database holds (blank nodes are named anew by each load)."""
    data = load_store(folder).dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    return Graph().parse(data=data, format="nt")


def _dump(folder: Path, lines: list[str]) -> Path:
    folder.mkdir()
    (folder / GRAPH_FILES["nt"]).write_text("".join(f"{line}\n" for line in lines))
    return folder


INTEGER = f'<{EX}a> <{EX}n> "5"^^<{XSD}integer> .'
DERIVED = f'<{EX}a> <{EX}n> "5"^^<{XSD}nonNegativeInteger> .'
OTHER = f"<{EX}b> <{EX}p> <{EX}a> ."
NEW = f"<{EX}c> <{EX}p> <{EX}a> ."
BLANK = f"_:x <{EX}p> <{EX}a> ."

UPDATES = {
    "a-line-added-and-one-removed": ([INTEGER, OTHER], [INTEGER, NEW], True),
    "a-derived-integer-removed-beside-its-integer": ([INTEGER, DERIVED, OTHER], [INTEGER], True),
    "nothing-changed": ([INTEGER, OTHER], [INTEGER, OTHER], True),
    "a-blank-node-changed": ([OTHER], [OTHER, BLANK], False),
}


@pytest.mark.parametrize(("before", "after", "updated"), UPDATES.values(), ids=UPDATES.keys())
def test_the_database_updated_by_the_changed_lines_holds_the_new_dump(
    tmp_path: Path, before: list[str], after: list[str], updated: bool
) -> None:
    previous = _dump(tmp_path / "previous", before)
    write_store(previous)
    fresh = _dump(tmp_path / "fresh", after)
    write_store(fresh)
    new = _dump(tmp_path / "new", after)
    assert write_store(new, previous=previous) is updated
    assert isomorphic(_graph(new), _graph(fresh))


def test_a_database_of_another_dump_is_not_updated(tmp_path: Path) -> None:
    previous = _dump(tmp_path / "previous", [OTHER])
    write_store(previous)
    (previous / GRAPH_FILES["nt"]).write_text(f"{NEW}\n")
    new = _dump(tmp_path / "new", [INTEGER])
    assert write_store(new, previous=previous) is False
    assert _quads(new) == set(ox.parse(f"{INTEGER}\n", format=ox.RdfFormat.N_TRIPLES))


@pytest.mark.parametrize("change", [change_text, change_sidecar], ids=lambda c: c.__name__)
def test_a_rebuild_in_place_updates_the_database_and_equals_a_clean_build(
    change: Callable[[Project], None],
    project_copy: Project,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    build(project_copy)
    change(project_copy)
    outcomes: list[bool] = []
    update = store_module._updated

    def recorded(previous: Path, dump: Path, database: Path) -> bool:
        outcomes.append(update(previous, dump, database))
        return outcomes[-1]

    monkeypatch.setattr(store_module, "_updated", recorded)
    build(project_copy)
    clean = tmp_path / "clean"
    build(project_copy, out_dir=clean, use_cache=False)
    assert outcomes == [True]
    assert _files(project_copy.graph) == _files(clean)
    assert (project_copy.graph / STORE_DIR).is_dir()
    assert _quads(project_copy.graph) == _quads(clean)
