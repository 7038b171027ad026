"""The parts of the build that run beside the per-document function give what they gave in
one piece: the JSON-LD dump compacted in parts is the same bytes, the entities recognised
one text at a time (in processes, from the cache) give the same lexicon, and a rebuild
recognises only the texts that changed and compacts only the JSON-LD nodes whose triples
changed."""

from __future__ import annotations

import pickle
from concurrent.futures import ProcessPoolExecutor
from contextlib import nullcontext
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from statement_kg import nodecache, recognition
from statement_kg.build import build
from statement_kg.cache import ResultCache
from statement_kg.corpus import read_corpus
from statement_kg.extract.recognise import recognise, with_recognised
from statement_kg.jsonld import assemble, compact, compact_nodes, subject_parts
from statement_kg.lexicon import Lexicon, load_lexicon
from statement_kg.nodecache import compact_reusing
from statement_kg.project import Project
from statement_kg.recognition import Recognised, recognised_lexicon
from statement_kg.records import Entity
from test_build_scale import _files, change_text

EX = "http://example.org/"


def _sorted_triples(nt: bytes) -> list[ox.Triple]:
    triples = [q.triple for q in ox.parse(nt, format=ox.RdfFormat.N_TRIPLES)]
    return sorted(triples, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


def _nt(triples: list[ox.Triple]) -> bytes:
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""


@pytest.fixture(scope="module")
def graph_triples(project: Project) -> list[ox.Triple]:
    return _sorted_triples((project.graph / "statements.nt").read_bytes())


@pytest.mark.parametrize("parts", [1, 2, 3, 7], ids=lambda n: f"{n}-parts")
def test_json_ld_in_parts_is_the_same_bytes(graph_triples: list[ox.Triple], parts: int) -> None:
    pieces = subject_parts(graph_triples, parts)
    assert len(pieces) == parts
    nodes = [node for piece in pieces for node in compact_nodes(piece)]
    assert assemble(nodes) == compact(graph_triples)


BLANK = f'<{EX}a> <{EX}p> _:b .\n_:b <{EX}q> "x" .\n<{EX}c> <{EX}p> <{EX}a> .\n'


def test_a_graph_with_blank_nodes_is_compacted_whole() -> None:
    triples = _sorted_triples(BLANK.encode())
    # rdflib names blank nodes anew on each parse: their nodes cannot be cut apart.
    assert subject_parts(triples, 2) == [ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)]


@pytest.fixture(scope="module")
def texts(project: Project, lexicon: Lexicon) -> list[str]:
    return [d.text for d in read_corpus(project.corpus, lexicon)]


@pytest.mark.parametrize("jobs", [1, 2], ids=["one-process", "two-processes"])
def test_recognition_per_text_gives_the_same_lexicon(
    project: Project, texts: list[str], jobs: int, tmp_path: Path
) -> None:
    listed = load_lexicon(project.mappings)
    expected = with_recognised(texts, listed)
    cache = ResultCache(tmp_path, Recognised)
    first = recognised_lexicon(texts, listed, cache, "digest", jobs=jobs)
    again = recognised_lexicon(texts, listed, ResultCache(tmp_path, Recognised), "digest")
    assert first.entities == expected.entities
    assert list(first.entities) == list(expected.entities)
    assert again.entities == expected.entities
    assert len(list(tmp_path.iterdir())) == len(set(texts))


def test_a_rebuild_recognises_only_the_changed_text(
    project_copy: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(project_copy, out_dir=tmp_path / "first")
    seen: list[str] = []
    original = recognise

    def counted(text: str, listed: Lexicon) -> list[Entity]:
        seen.append(text)
        return original(text, listed)

    monkeypatch.setattr(recognition, "recognise", counted)
    change_text(project_copy)
    build(project_copy, out_dir=tmp_path / "incremental")
    assert len(seen) == 1
    assert seen[0].rstrip().endswith("a minute of silence for 613 victims.")
    monkeypatch.undo()
    build(project_copy, out_dir=tmp_path / "clean", use_cache=False)
    assert _files(tmp_path / "incremental") == _files(tmp_path / "clean")


def _subjects(triples: list[ox.Triple]) -> list[ox.NamedNode]:
    return sorted({t.subject for t in triples if isinstance(t.subject, ox.NamedNode)}, key=str)


def _changed(triples: list[ox.Triple]) -> list[ox.Triple]:
    """One subject's triples gone, one more triple for another subject."""
    subjects = _subjects(triples)
    gone, grown = subjects[3], subjects[-3]
    extra = ox.Triple(grown, ox.NamedNode(f"{EX}p"), ox.Literal("added"))
    kept = [t for t in triples if t.subject != gone]
    return _sorted_triples(ox.serialize([*kept, extra], format=ox.RdfFormat.N_TRIPLES) or b"")


@pytest.mark.parametrize("jobs", [1, 2], ids=["here", "two-processes"])
def test_json_ld_reusing_the_last_nodes_is_the_same_bytes(
    graph_triples: list[ox.Triple], jobs: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "nodes.pickle"
    with ProcessPoolExecutor(jobs) if jobs > 1 else nullcontext() as pool:
        first = compact_reusing(_nt(graph_triples), store, pool=pool, parts=jobs)
        assert first == compact(graph_triples)
        compacted: list[bytes] = []

        def counted(nt: bytes) -> list[dict[str, Any]]:
            compacted.append(nt)
            return compact_nodes(nt)

        monkeypatch.setattr(nodecache, "compact_nodes", counted)
        changed = _changed(graph_triples)
        again = compact_reusing(_nt(changed), store, parts=jobs)
    assert again == compact(changed)
    grown = _subjects(graph_triples)[-3]
    assert len(b"".join(compacted).splitlines()) == len([t for t in changed if t.subject == grown])


def test_nodes_of_another_version_are_not_reused(
    graph_triples: list[ox.Triple], tmp_path: Path
) -> None:
    store = tmp_path / "nodes.pickle"
    with store.open("wb") as out:
        pickle.dump(("another version", {}), out)
    assert compact_reusing(_nt(graph_triples), store) == compact(graph_triples)
