"""`statement-kg query` output: W3C results formats for SELECT and ASK, any RDF syntax for
CONSTRUCT and DESCRIBE, a clear error for a format that does not fit, and --list. Run
in-process through click's test runner, which is quick."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from rdflib import Graph, URIRef

from statement_kg.cli import main
from statement_kg.query import question

ROOT = Path(__file__).resolve().parent.parent
SKG = "https://w3id.org/statement-kg/ontology#"
STATEMENTS = f"CONSTRUCT {{ ?s a <{SKG}Statement> }} WHERE {{ ?s a <{SKG}Statement> }}"
AGENT = "https://w3id.org/statement-kg/id/agent/mfa-azerbaijan"


def query(*args: str) -> Result:
    return CliRunner().invoke(main, ["--root", str(ROOT), "query", *args])


def statement_iris() -> set[URIRef]:
    return {
        URIRef(f"https://w3id.org/statement-kg/id/statement/{p.stem}")
        for p in (ROOT / "corpus").glob("*.txt")
    }


@pytest.mark.parametrize(
    ("fmt", "syntax"),
    [("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld"), ("xml", "xml"), (None, "turtle")],
)
def test_construct_in_every_rdf_syntax(fmt: str | None, syntax: str) -> None:
    result = query("--query", STATEMENTS, *(["--format", fmt] if fmt else []))
    assert result.exit_code == 0, result.output
    graph = Graph().parse(data=result.stdout_bytes, format=syntax)
    assert set(graph.subjects()) == statement_iris()
    assert set(graph.objects()) == {URIRef(SKG + "Statement")}


def test_describe_gives_the_resource_description() -> None:
    result = query("--query", f"DESCRIBE <{AGENT}>", "--format", "nt")
    assert result.exit_code == 0, result.output
    described = Graph().parse(data=result.stdout_bytes, format="nt")
    whole = Graph().parse(ROOT / "graph" / "statements.nt", format="nt")
    assert set(described) == set(whole.triples((URIRef(AGENT), None, None)))


@pytest.mark.parametrize(
    ("fmt", "output"),
    [
        (None, b"true\n"),
        ("csv", b"true"),
        ("tsv", b"true"),
        ("json", b'{"head":{},"boolean":true}'),
        (
            "xml",
            b'<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#">'
            b"<head></head><boolean>true</boolean></sparql>",
        ),
    ],
)
def test_ask_in_every_results_format(fmt: str | None, output: bytes) -> None:
    result = query("--query", f"ASK {{ <{AGENT}> ?p ?o }}", *(["--format", fmt] if fmt else []))
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == output


def test_select_json_is_the_w3c_results_format() -> None:
    text = f"SELECT ?s WHERE {{ ?s a <{SKG}Statement> }} ORDER BY ?s LIMIT 1"
    result = query("--query", text, "--format", "json")
    assert json.loads(result.stdout_bytes) == {
        "head": {"vars": ["s"]},
        "results": {
            "bindings": [
                {
                    "s": {
                        "type": "uri",
                        "value": min(str(iri) for iri in statement_iris()),
                    }
                }
            ]
        },
    }


@pytest.mark.parametrize(
    ("text", "fmt", "message"),
    [
        (
            "SELECT * WHERE { ?s ?p ?o } LIMIT 1",
            "ttl",
            "Error: a SELECT or ASK query gives results, not a graph: "
            "use table, csv, tsv, json, xml\n",
        ),
        (
            STATEMENTS,
            "csv",
            "Error: a CONSTRUCT or DESCRIBE query gives triples: use jsonld, nt, trig, ttl, xml\n",
        ),
        (
            STATEMENTS,
            "table",
            "Error: a CONSTRUCT or DESCRIBE query gives triples: use jsonld, nt, trig, ttl, xml\n",
        ),
    ],
)
def test_a_format_that_does_not_fit_is_an_error(text: str, fmt: str, message: str) -> None:
    result = query("--query", text, "--format", fmt)
    assert (result.exit_code, result.output) == (1, message)


def test_graph_needs_an_endpoint() -> None:
    result = query("--query", "ASK {}", "--graph", "https://example.org/g")
    assert result.exit_code == 2
    assert result.output.endswith("Error: --graph needs --endpoint\n")


def test_list_prints_every_shipped_query_with_its_question() -> None:
    result = query("--list")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    for path in sorted((ROOT / "queries").glob("*.rq")):
        at = lines.index(path.stem)
        assert lines[at + 1] == f"    {question(path)}"
    (cq01,) = (ROOT / "queries").glob("cq-01-*.rq")
    at = lines.index(cq01.stem)
    assert lines[at + 2] == '    --param symbol=...  (default "S/RES/884 (1993)")'
