"""Query parameters: found in a query's one-variable VALUES blocks, bound as RDF terms, never
as query text. Values built to break out of a literal or an IRI stay one literal: the query
runs, finds nothing, and the graph is unchanged."""

from __future__ import annotations

import hashlib
import re
import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest

from statement_kg.params import (
    ParameterError,
    Term,
    bind,
    parameters,
    parse_assignment,
    parse_value,
)
from statement_kg.query import header, run, select

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "queries"
(CQ01,) = QUERIES.glob("cq-01-*.rq")
STATEMENT = "https://w3id.org/statement-kg/id/statement/"

# Each tries to end the literal (or the VALUES block, or the line) and append an update.
HOSTILE = [
    '"> } DROP ALL #',
    "'> } DROP ALL #",
    '" } } ; DELETE WHERE { ?s ?p ?o } #',
    '"""} DROP ALL #',
    "'''} DROP ALL #",
    "x\n} DROP ALL\n#",
    'x\\" } DROP ALL #',
    "<http://x> } DROP ALL #",
    "{ ?s ?p ?o }",
    "S/RES/884 (1993)\x00",
]


def run_cli(cli: list[str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*cli, "--root", str(ROOT), *args], capture_output=True, text=True, check=False, timeout=60
    )


def test_parameters_are_the_one_variable_values_blocks() -> None:
    assert parameters(CQ01.read_text(encoding="utf-8")) == {"symbol": '"S/RES/884 (1993)"'}


def test_several_variables_and_undef_placeholders_are_not_parameters() -> None:
    text = """SELECT * WHERE {
      VALUES (?class ?kind) { (<http://a> "a") }
      SERVICE <http://x/sparql> { VALUES ?wikidata { UNDEF } }
      VALUES ?lang { "en" "fr" }
    }"""
    assert parameters(text) == {"lang": '"en" "fr"'}


def test_strings_iris_and_comments_are_not_read_as_syntax() -> None:
    text = (
        '# VALUES ?commented { "no" }\n'
        "SELECT * WHERE {\n"
        '  BIND("VALUES ?quoted { } }" AS ?s)\n'
        '  BIND("""VALUES ?long { "x" }""" AS ?t)\n'
        "  ?x <http://example.org/VALUES> ?y .\n"
        '  VALUES ?real { "a}b" } # } not the end\n'
        "}\n"
    )
    assert parameters(text) == {"real": '"a}b"'}
    bound = bind(text, {"real": [ox.Literal("c")]})
    assert bound == text.replace('{ "a}b" }', '{ "c" }')


def test_bind_replaces_the_default_with_terms() -> None:
    text = 'SELECT ?s WHERE { VALUES ?symbol { "S/RES/884 (1993)" } ?s ?p ?symbol }'
    values: list[Term] = [ox.Literal("S/RES/822 (1993)"), ox.NamedNode("http://example.org/r")]
    assert bind(text, {"symbol": values}) == (
        'SELECT ?s WHERE { VALUES ?symbol { "S/RES/822 (1993)" <http://example.org/r> } '
        "?s ?p ?symbol }"
    )
    assert bind(text, {}) == text


def test_values_are_literals_unless_written_as_iris() -> None:
    assert parse_value("S/RES/884 (1993)") == ox.Literal("S/RES/884 (1993)")
    assert parse_value("<https://w3id.org/x>") == ox.NamedNode("https://w3id.org/x")
    assert parse_value("<no closing bracket") == ox.Literal("<no closing bracket")
    assert parse_assignment("?symbol=a=b") == ("symbol", ox.Literal("a=b"))


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("symbol", "expected NAME=VALUE, got 'symbol'"),
        ("sym bol=x", "expected NAME=VALUE, got 'sym bol=x'"),
        (
            "symbol=<http://x> } DROP ALL #>",
            "<http://x> } DROP ALL #> is not a valid IRI (Invalid IRI code point '>')",
        ),
        ("symbol=<relative>", "<relative> is not a valid IRI (No scheme found in an absolute IRI)"),
    ],
)
def test_malformed_parameters_are_refused(spec: str, message: str) -> None:
    with pytest.raises(ParameterError) as raised:
        parse_assignment(spec)
    assert str(raised.value) == message


def test_binding_an_unknown_parameter_names_the_known_ones() -> None:
    with pytest.raises(ParameterError) as raised:
        bind(CQ01.read_text(encoding="utf-8"), {"resolution": [ox.Literal("x")]})
    assert str(raised.value) == "the query has no parameter ?resolution (its parameters: ?symbol)"


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_are_bound_as_one_literal(store: ox.Store, value: str) -> None:
    before = len(store)
    term = parse_value(value)
    assert isinstance(term, ox.Literal)
    text = bind(CQ01.read_text(encoding="utf-8"), {"symbol": [term]})
    assert f"VALUES ?symbol {{ {term} }}" in text
    assert select(store, text).rows == []
    assert len(store) == before


def test_bound_query_finds_what_the_parameter_names(store: ox.Store) -> None:
    text = bind(CQ01.read_text(encoding="utf-8"), {"symbol": [ox.Literal("S/RES/853 (1993)")]})
    answer = run(store, text)
    assert isinstance(answer, ox.QuerySolutions)
    assert [s["statement"] for s in answer] == [
        ox.NamedNode(STATEMENT + "2020-02-26-joint-statement-mfa-prosecutor-general"),
        ox.NamedNode(STATEMENT + "2023-02-26-vienna-rally-statement"),
    ]


@pytest.mark.parametrize("path", sorted(QUERIES.glob("*.rq")), ids=lambda p: p.stem)
def test_every_documented_parameter_has_a_default(path: Path) -> None:
    """Each ?name on the Parameters: line can be bound with --param, or is a placeholder
    (`VALUES ?name { UNDEF }`) that statement-kg fills itself."""
    text = path.read_text(encoding="utf-8")
    documented = header(path).split("Parameters:", 1)[1].split("Example:", 1)[0]
    placeholders = set(re.findall(r"VALUES\s+\?(\w+)\s*\{\s*UNDEF\s*\}", text))
    assert set(re.findall(r"\?(\w+)", documented)) - placeholders <= set(parameters(text))


def test_cli_binds_a_parameter(cli: list[str]) -> None:
    result = run_cli(
        cli, "query", str(CQ01), "--param", "symbol=S/RES/853 (1993)", "--format", "csv"
    )
    assert result.returncode == 0, result.stderr
    assert [line.split(",", 1)[0] for line in result.stdout.splitlines()] == [
        "statement",
        STATEMENT + "2020-02-26-joint-statement-mfa-prosecutor-general",
        STATEMENT + "2023-02-26-vienna-rally-statement",
    ]


def test_cli_injection_is_a_literal_that_matches_nothing(cli: list[str]) -> None:
    dump = ROOT / "graph" / "statements.nt"
    digest = hashlib.sha256(dump.read_bytes()).hexdigest()
    for value in HOSTILE[:3]:
        result = run_cli(cli, "query", str(CQ01), "--param", f"symbol={value}", "--format", "csv")
        assert (result.returncode, result.stderr) == (0, "")
        assert result.stdout == (
            "statement,title,issued,inferred,issuers,transmittedIn,transmittedOn\n"
        )
    assert hashlib.sha256(dump.read_bytes()).hexdigest() == digest


def test_cli_refuses_an_iri_that_would_break_out(cli: list[str]) -> None:
    result = run_cli(cli, "query", str(CQ01), "--param", "symbol=<http://x> } DROP ALL #>")
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == (
        "Error: Invalid value for --param: <http://x> } DROP ALL #> is not a valid IRI "
        "(Invalid IRI code point '>')"
    )


def test_cli_names_an_unknown_parameter(cli: list[str]) -> None:
    (timeline,) = QUERIES.glob("cq-04-*.rq")
    result = run_cli(cli, "query", str(timeline), "--param", "symbol=x")
    assert result.returncode == 1
    assert result.stderr == "Error: the query has no parameter ?symbol (its parameters: none)\n"
