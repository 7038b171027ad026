"""Inputs that used to be accepted silently, or to end in a traceback, are refused with one
message naming the file (and the line or field), and nothing is written."""

from __future__ import annotations

import resource
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from fixture_endpoint import scripted_server
from statement_kg import publish
from statement_kg.cli import main
from statement_kg.linker.endpoint import Endpoint as LinkEndpoint
from statement_kg.linker.endpoint import EndpointError
from statement_kg.project import Project

DOC = "2023-02-26-vienna-rally-statement"


def build(
    cli: list[str], project: Project, *args: str, **kw: Any
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*cli, "--root", str(project.root), "build", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
        **kw,
    )


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def duplicate_key(p: Project) -> str:
    path = p.corpus / f"{DOC}.yaml"
    edit(path, "language: en\n", "language: en\nlanguage: de\n")
    return f"{path}:4: invalid YAML: duplicate key 'language' (first on line 3)"


def duplicate_document_type(p: Project) -> str:
    path = p.mappings / "document-types.yaml"
    edit(
        path,
        "  - id: press-release\n",
        "  - id: press-release\n    label: x\n  - id: press-release\n",
    )
    return f"{path}:6: field 'document_types.1.id': duplicate document type id 'press-release'"


def blank_alias(p: Project) -> str:
    path = p.mappings / "entities.yaml"
    edit(path, "    alt_labels: [Azerbaijan]\n", "    alt_labels: [Azerbaijan, '  ']\n")
    return f"{path}:24: field 'entities.0.alt_labels.1': a blank name ('  ') would match any spaces"


def empty_pattern(p: Project) -> str:
    path = p.mappings / "entities.yaml"
    edit(path, "    match: [Government of Azerbaijan]\n", "    match: [{pattern: '.*'}]\n")
    return f"{path}:25: field 'entities.0.match.0.pattern': the pattern '.*' matches the empty text"


def two_the_same(p: Project) -> str:
    path = p.mappings / "links.sssom.tsv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    (row,) = [i for i, line in enumerate(lines) if "\towl:sameAs\twd:Q227\t" in line]
    copy = lines[row].replace("agent:republic-of-azerbaijan", "place:baku", 1)
    path.write_text("".join([*lines, copy]), encoding="utf-8")
    return (
        f"{path}:{len(lines) + 1}: field 'object_id': http://www.wikidata.org/entity/Q227 is "
        f"already owl:sameAs 'republic-of-azerbaijan' (line {row + 1}); two entities cannot "
        "both be identical to it"
    )


@pytest.mark.parametrize(
    "breaking",
    [
        pytest.param(duplicate_key, id="duplicate-sidecar-key"),
        pytest.param(duplicate_document_type, id="duplicate-document-type"),
        pytest.param(blank_alias, id="blank-alias"),
        pytest.param(empty_pattern, id="pattern-matching-empty-text"),
        pytest.param(two_the_same, id="two-entities-sameas-one-item"),
    ],
)
def test_refused_with_file_and_line(
    breaking: Callable[[Project], str], project_copy: Project, cli: list[str]
) -> None:
    message = breaking(project_copy)
    before = {p.name: p.read_bytes() for p in project_copy.graph.iterdir()}
    result = build(cli, project_copy)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"Error: {message}", "Nothing was written."]
    assert {p.name: p.read_bytes() for p in project_copy.graph.iterdir()} == before


def test_graph_that_is_a_file(project_copy: Project, cli: list[str]) -> None:
    for path in project_copy.graph.iterdir():
        path.unlink()
    project_copy.graph.rmdir()
    project_copy.graph.write_text("not a folder\n", encoding="utf-8")
    result = build(cli, project_copy)
    assert result.returncode == 1
    assert result.stderr == f"Error: {project_copy.graph} is not a folder; nothing was written.\n"


def test_a_file_size_limit_is_a_message(project_copy: Project, cli: list[str]) -> None:
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))

    out = project_copy.root / "out"
    result = build(cli, project_copy, "--output", str(out), preexec_fn=limit)
    assert result.returncode == 1
    assert result.stderr.startswith("Error: ")
    assert result.stderr.strip().endswith("File too large")
    assert "Traceback" not in result.stderr


def test_export_into_a_place_that_cannot_be_written(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    target = blocker / "out.ttl"
    result = CliRunner().invoke(main, ["export", "--output", str(target)])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {blocker}")
    assert "Traceback" not in result.output


def test_validate_an_empty_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.ttl"
    empty.write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(empty)])
    assert result.exit_code == 1
    assert result.output == f"Error: {empty}: holds no triples; nothing to validate\n"


@pytest.mark.parametrize("option", ["--endpoint", "--gsp"])
def test_publish_to_something_that_is_not_a_url(option: str) -> None:
    args = {"--endpoint": "http://127.0.0.1:1/query", "--gsp": "http://127.0.0.1:1/store"}
    args[option] = "not a url"
    result = CliRunner().invoke(
        main,
        ["publish", "--graph", "https://example.org/g", *(x for kv in args.items() for x in kv)],
    )
    assert result.exit_code == 2
    assert "Error: not an absolute http(s) endpoint IRI: 'not a url'" in result.output


def test_link_against_an_endpoint_that_answers_html() -> None:
    page = b"<html><body>Welcome</body></html>"
    with (
        scripted_server([(200, {"Content-Type": "text/html"}, page)]) as (url, _),
        pytest.raises(EndpointError) as caught,
    ):
        LinkEndpoint(url, retries=0).select("SELECT ?x WHERE {}")
    assert str(caught.value).startswith(f"{url}: the answer is not SPARQL JSON results: ")


class _Store:
    """A store that takes every update and answers a count with `counted`."""

    url = "http://127.0.0.1:1/query"
    update_at = "http://127.0.0.1:1/update"

    def __init__(self, counted: str) -> None:
        self.counted = counted
        self.updates: list[str] = []

    def update(self, text: str) -> None:
        self.updates.append(text)

    def query(self, text: str, default_graph: str | None = None) -> ox.QuerySolutions:
        answer = ox.Store().query(self.counted)
        assert isinstance(answer, ox.QuerySolutions)
        return answer


@pytest.mark.parametrize(
    ("counted", "said"),
    [
        ("SELECT ?n WHERE { FILTER(false) }", "no answer"),
        ('SELECT ("many" AS ?n) WHERE {}', "'many'"),
        ('SELECT ("" AS ?n) WHERE {}', "''"),
    ],
    ids=["empty", "not-a-number", "empty-string"],
)
def test_a_count_that_is_no_number_drops_the_staging_graph(
    counted: str, said: str, tmp_path: Path
) -> None:
    dump = tmp_path / "g.nt"
    dump.write_text('<https://example.org/s> <https://example.org/p> "o" .\n', encoding="utf-8")
    store = _Store(counted)
    target = publish.Target(cast(Any, store), "https://example.org/g", None)
    with pytest.raises(publish.PublishError) as caught:
        publish.publish(dump, target, lambda line: None)
    assert str(caught.value) == (
        f"{store.url}: counting the triples of <{target.staging}> gave {said}; "
        "<https://example.org/g> was not changed"
    )
    assert store.updates[-1] == f"DROP SILENT GRAPH <{target.staging}>"
