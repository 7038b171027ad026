"""The command line through its real entry point, as a user runs it."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from statement_kg.project import Project
from statement_kg.store import to_rdflib

ROOT = Path(__file__).resolve().parent.parent


def run(cli: list[str], *args: str, root: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*cli, "--root", str(root), *args],
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
        timeout=300,
    )


@pytest.mark.parametrize("verb", ["build", "validate", "query", "export"])
def test_every_verb_has_help(cli: list[str], verb: str) -> None:
    result = run(cli, verb, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith(f"Usage: statement-kg {verb} ")


def test_build_prints_summary_and_writes_graph(cli: list[str], project_copy: Project) -> None:
    for path in project_copy.graph.iterdir():
        path.unlink()
    result = run(cli, "build", root=project_copy.root)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    documents = len(list(project_copy.corpus.glob("*.txt")))
    assert lines[0].startswith(f"Built {documents} documents, ")
    assert lines[0].endswith(" triples; SHACL validation: conforms.")
    assert any(line.split() == ["anniversaries", "3"] for line in lines)
    assert any(line.startswith("Time: ") for line in lines)
    for name in ("statements.ttl", "statements.nt", "statements.jsonld"):
        assert (project_copy.graph / name).read_bytes() == (ROOT / "graph" / name).read_bytes()


def test_query_cq01_table_lists_the_two_statements(cli: list[str]) -> None:
    (query,) = (ROOT / "queries").glob("cq-01-*.rq")
    result = run(cli, "query", str(query))
    assert result.returncode == 0, result.stderr
    assert "statement:2020-02-26-joint-statement-mfa-prosecutor-general" in result.stdout
    assert "statement:2023-02-26-vienna-rally-statement" in result.stdout
    assert result.stderr.strip() == "2 row(s)"


def test_query_csv_and_json(cli: list[str]) -> None:
    text = (
        "SELECT ?id WHERE { ?s <http://purl.org/dc/terms/identifier> ?id ; a "
        "<https://w3id.org/statement-kg/ontology#Statement> } ORDER BY ?id"
    )
    as_csv = run(cli, "query", "--query", text, "--format", "csv")
    assert as_csv.returncode == 0, as_csv.stderr
    rows = list(csv.reader(io.StringIO(as_csv.stdout)))
    assert rows[0] == ["id"]
    assert [r[0] for r in rows[1:]] == sorted(p.stem for p in (ROOT / "corpus").glob("*.txt"))
    as_json = run(cli, "query", "--query", text, "--format", "json")
    data = json.loads(as_json.stdout)
    assert data["head"]["vars"] == ["id"]
    assert len(data["results"]["bindings"]) == len(list((ROOT / "corpus").glob("*.txt")))


def test_query_needs_file_or_text(cli: list[str]) -> None:
    result = run(cli, "query")
    assert result.returncode == 2
    assert "Error: give either FILE or --query TEXT" in result.stderr


def test_query_syntax_error_is_reported(cli: list[str]) -> None:
    result = run(cli, "query", "--query", "SELECT WHERE {")
    assert result.returncode == 1
    assert result.stderr.startswith("Error: ")


@pytest.mark.parametrize(
    ("fmt", "parser"),
    [("ttl", "turtle"), ("nt", "nt"), ("trig", "trig"), ("xml", "xml"), ("jsonld", "json-ld")],
)
def test_export_every_format(cli: list[str], tmp_path: Path, fmt: str, parser: str) -> None:
    out = tmp_path / f"graph.{fmt}"
    result = run(cli, "export", "--format", fmt, "--output", str(out))
    assert result.returncode == 0, result.stderr
    exported = Graph()
    if parser == "trig":
        for quad in ox.parse(path=str(out), format=ox.RdfFormat.TRIG):
            exported.add(
                (to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object))
            )
    else:
        exported.parse(out, format=parser)
    assert isomorphic(exported, Graph().parse(ROOT / "graph" / "statements.nt", format="nt"))


def test_validate_committed_graph(cli: list[str]) -> None:
    result = run(cli, "validate")
    assert result.returncode == 0, result.stderr
    assert "statements.ttl: conforms to " in result.stdout


def test_validate_reports_violation(cli: list[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text(
        "@prefix skg: <https://w3id.org/statement-kg/ontology#> .\n"
        "<https://w3id.org/statement-kg/id/statement/x> a skg:Statement .\n",
        encoding="utf-8",
    )
    result = run(cli, "validate", str(bad))
    assert result.returncode == 1
    assert f"Error: {bad}: " in result.stderr
    assert "violation(s)" in result.stderr


def test_build_violation_names_node_shape_and_source(cli: list[str], project_copy: Project) -> None:
    """An issuer that is a place passes the sidecar schema but not the shapes: the build
    names the statement, the shape, the message and the sidecar, and writes nothing."""
    sidecar = project_copy.corpus / "2023-02-26-vienna-rally-statement.yaml"
    sidecar.write_text(
        sidecar.read_text(encoding="utf-8").replace(
            "issuers: [european-khojaly-rally-2023-participants]", "issuers: [vienna]"
        ),
        encoding="utf-8",
    )
    before = {p.name: p.read_bytes() for p in project_copy.graph.iterdir()}
    result = run(cli, "build", root=project_copy.root)
    assert result.returncode == 1
    stderr = " ".join(result.stderr.split())
    assert (
        f"violation {sidecar}: https://w3id.org/statement-kg/id/statement/"
        "2023-02-26-vienna-rally-statement dcterms:creator: A statement needs at least one "
        "issuer, an agent of mappings/. (value: place:vienna) [shape shapes:Statement]"
    ) in stderr
    assert "nothing was written." in stderr
    assert {p.name: p.read_bytes() for p in project_copy.graph.iterdir()} == before


def test_build_violation_in_mappings_names_the_entity_line(
    cli: list[str], project_copy: Project
) -> None:
    entities = project_copy.mappings / "entities.yaml"
    text = entities.read_text(encoding="utf-8")
    entities.write_text(
        text.replace(
            "application_number: 40984/07", "application_number: 40984/07\n    author: khojaly"
        ),
        encoding="utf-8",
    )
    line = next(
        n
        for n, row in enumerate(entities.read_text(encoding="utf-8").splitlines(), 1)
        if row.strip() == "- id: echr-fatullayev-judgment"
    )
    result = run(cli, "build", root=project_copy.root)
    assert result.returncode == 1
    assert f"violation {entities}:{line}: https://w3id.org/statement-kg/id/works/" in " ".join(
        result.stderr.split()
    )
