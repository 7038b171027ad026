"""Building at scale: cached results reused only while every input is unchanged, so an
incremental build equals a clean one byte for byte; the same graph from 1 or 2 processes
and from a Dask cluster; graph/ replaced as a whole, never half-written, by one build at a
time."""

from __future__ import annotations

import hashlib
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from statement_kg import build as build_module
from statement_kg.build import BuildResult, build
from statement_kg.graphdir import BuildLocked, locked
from statement_kg.project import Project
from statement_kg.records import InputError
from statement_kg.store import STORE_DIR, load_store

DOC = "2023-02-26-vienna-rally-statement"


def _files(folder: Path) -> dict[str, bytes]:
    """The dumps of a graph folder (the query database beside them is not byte-stable)."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.name != STORE_DIR}


def _replace_once(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def change_text(project: Project) -> None:
    text = project.corpus / f"{DOC}.txt"
    data = text.read_bytes() + b"\nThe rally ended with a minute of silence for 613 victims.\n"
    text.write_bytes(data)
    sidecar = project.corpus / f"{DOC}.yaml"
    old = hashlib.sha256(
        data[: -len(b"\nThe rally ended with a minute of silence for 613 victims.\n")]
    )
    _replace_once(sidecar, old.hexdigest(), hashlib.sha256(data).hexdigest())


def change_sidecar(project: Project) -> None:
    sidecar = project.corpus / f"{DOC}.yaml"
    lines = sidecar.read_text(encoding="utf-8").splitlines(keepends=True)
    title = next(i for i, line in enumerate(lines) if line.startswith("title:"))
    lines[title] = "title: A renamed statement of the Vienna rally\n"
    sidecar.write_text("".join(lines), encoding="utf-8")


def change_entity(project: Project) -> None:
    _replace_once(
        project.mappings / "entities.yaml",
        "    label: Republic of Armenia\n",
        "    label: Armenia (republic)\n",
    )


def change_shape(project: Project) -> None:
    _replace_once(
        project.shapes,
        "A statement needs at least one issuer, an agent of mappings/.",
        "Every statement needs an issuer, an agent of mappings/.",
    )


CHANGES: list[Callable[[Project], None]] = [
    change_text,
    change_sidecar,
    change_entity,
    change_shape,
]


@pytest.mark.parametrize("change", CHANGES, ids=lambda c: c.__name__)
def test_incremental_build_equals_clean_build(
    change: Callable[[Project], None], project_copy: Project, tmp_path: Path
) -> None:
    first = build(project_copy, out_dir=tmp_path / "before")
    assert first.reused == 0
    again = build(project_copy, out_dir=tmp_path / "again")
    assert again.reused == first.documents
    change(project_copy)
    incremental = build(project_copy, out_dir=tmp_path / "incremental")
    clean = build(project_copy, out_dir=tmp_path / "clean", use_cache=False)
    assert _files(tmp_path / "incremental") == _files(tmp_path / "clean")
    assert clean.reused == 0
    expected_reuse = first.documents - 1 if change in (change_text, change_sidecar) else 0
    assert incremental.reused == expected_reuse
    if change is change_text:
        assert _files(tmp_path / "clean") != _files(tmp_path / "before")


def test_two_processes_give_the_same_graph(project: Project, tmp_path: Path) -> None:
    build(project, out_dir=tmp_path / "one", use_cache=False)
    build(project, out_dir=tmp_path / "two", use_cache=False, jobs=2)
    assert _files(tmp_path / "one") == _files(tmp_path / "two")


def test_a_dask_cluster_gives_the_same_graph(
    project: Project, fresh_build: tuple[BuildResult, Path], tmp_path: Path
) -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        host="127.0.0.1",
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        scheduler_port=0,
    ) as cluster:
        build(
            project, out_dir=tmp_path / "dask", use_cache=False, scheduler=cluster.scheduler_address
        )
    assert _files(tmp_path / "dask") == _files(fresh_build[1])


def _leftovers(project: Project) -> list[str]:
    return sorted(p.name for p in project.root.iterdir() if p.name.startswith(".graph."))


def test_a_failed_write_leaves_graph_as_it_was(
    project_copy: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _files(project_copy.graph)
    written: list[Path] = []

    def fail_midway(triples: object, out_dir: Path, **_: object) -> dict[str, Path]:
        (out_dir / "statements.ttl").write_text("half of a new graph", encoding="utf-8")
        written.append(out_dir)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(build_module, "write_graph", fail_midway)
    change_sidecar(project_copy)
    with pytest.raises(OSError, match="No space left on device"):
        build(project_copy)
    assert written
    assert _files(project_copy.graph) == before
    assert _leftovers(project_copy) == []


def test_a_killed_builds_folder_is_removed_by_the_next(project_copy: Project) -> None:
    stale = project_copy.root / ".graph.new-killed"
    stale.mkdir()
    (stale / "statements.ttl").write_text("half of a graph", encoding="utf-8")
    change_sidecar(project_copy)
    build(project_copy)
    assert _leftovers(project_copy) == []
    assert "A renamed statement" in (project_copy.graph / "statements.ttl").read_text("utf-8")
    assert sorted(_files(project_copy.graph)) == [
        "statements.jsonld",
        "statements.nt",
        "statements.ttl",
        "void.ttl",
    ]


def test_a_second_build_is_refused(project_copy: Project, cli: list[str]) -> None:
    before = _files(project_copy.graph)
    change_sidecar(project_copy)
    with locked(project_copy.graph):
        with pytest.raises(BuildLocked):
            build(project_copy)
        result = subprocess.run(
            [*cli, "--root", str(project_copy.root), "build"],
            capture_output=True,
            text=True,
            check=False,
        )
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"Error: {project_copy.graph}: another build is writing here; run again when it has "
        "finished\nNothing was written."
    )
    assert _files(project_copy.graph) == before


def test_output_holding_other_files_is_refused(project_copy: Project, tmp_path: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        build(project_copy, out_dir=out)
    assert str(raised.value) == (
        f"{out}: holds files a build does not write (notes.txt); "
        "write the graph to an empty or new folder"
    )
    assert _files(out) == {"notes.txt": b"mine"}


COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def _count(store: object) -> int:
    assert hasattr(store, "query")
    (row,) = store.query(COUNT)
    return int(row["n"].value)


def test_query_opens_the_builds_database_read_only(project_copy: Project) -> None:
    result = build(project_copy)
    store = load_store(project_copy.graph)
    assert _count(store) == result.triples
    with pytest.raises(RuntimeError, match="read-write instances"):
        store.update("INSERT DATA { <http://example.org/a> <http://example.org/b> 1 }")


def test_a_dump_changed_after_the_build_is_read_instead(project_copy: Project) -> None:
    build(project_copy)
    dump = project_copy.graph / "statements.nt"
    dump.write_bytes(
        dump.read_bytes()
        + b"<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n"
    )
    store = load_store(project_copy.graph)
    assert _count(store) == len(dump.read_bytes().splitlines())


def test_a_build_without_the_cache_refreshes_it(project_copy: Project, tmp_path: Path) -> None:
    clean = build(project_copy, out_dir=tmp_path / "clean", use_cache=False)
    again = build(project_copy, out_dir=tmp_path / "again")
    assert (clean.reused, again.reused) == (0, clean.documents)
