"""`statement-kg query --endpoint`: the same queries on a remote SPARQL 1.1 endpoint (here
`statement-kg serve`), the same output, and a clear error for every way a remote endpoint
can fail: down, refusing, too slow, cut off, or answering nonsense."""

from __future__ import annotations

import re
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from rdflib import Graph

from faults import PATIENCE, Fault, fault_proxy
from fixture_endpoint import free_port
from statement_kg.cli import main
from statement_kg.endpoint import Endpoint, EndpointError
from statement_kg.sparql_text import form
from stores import Served

ROOT = Path(__file__).resolve().parent.parent
(CQ01,) = (ROOT / "queries").glob("cq-01-*.rq")
(CQ12,) = (ROOT / "queries").glob("cq-12-*.rq")
SKG = "https://w3id.org/statement-kg/ontology#"
STATEMENTS = f"CONSTRUCT {{ ?s a <{SKG}Statement> }} WHERE {{ ?s a <{SKG}Statement> }}"


def query(root: Path, *args: str) -> Result:
    """The query command, in-process (quick); test_a_store_that_is_down runs the script."""
    return CliRunner().invoke(main, ["--root", str(root), "query", *args])


@pytest.fixture
def base(served: Served) -> str:
    return served.endpoint.removesuffix("/query")


def test_the_form_of_a_query_is_read_past_its_comments() -> None:
    assert form(CQ01.read_text(encoding="utf-8")) == "SELECT"  # its header says "describe"
    assert form('# describe\nPREFIX s: <http://a#>\nASK { ?x s:p "SELECT" }') == "ASK"
    assert form("WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }") == "DELETE"
    assert form("# nothing") is None


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json", "xml"])
def test_remote_answers_print_as_local_ones(served: Served, snapshot: Path, fmt: str) -> None:
    local = query(snapshot, str(CQ12), "--format", fmt)
    remote = query(snapshot, str(CQ12), "--format", fmt, "--endpoint", served.endpoint)
    assert remote.exit_code == 0, remote.output
    assert (remote.stdout_bytes, remote.stderr) == (local.stdout_bytes, local.stderr)


@pytest.mark.parametrize(
    ("fmt", "syntax"), [("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld"), ("xml", "xml")]
)
def test_remote_graphs_are_the_local_ones(
    served: Served, snapshot: Path, fmt: str, syntax: str
) -> None:
    local = query(snapshot, "--query", STATEMENTS, "--format", fmt)
    remote = query(snapshot, "--query", STATEMENTS, "--format", fmt, "--endpoint", served.endpoint)
    assert remote.exit_code == 0, remote.output
    assert set(Graph().parse(data=remote.stdout_bytes, format=syntax)) == set(
        Graph().parse(data=local.stdout_bytes, format=syntax)
    )


def test_parameters_and_post_work_remotely(served: Served, snapshot: Path) -> None:
    args = [str(CQ01), "--param", "symbol=S/RES/853 (1993)", "--format", "csv"]
    local = query(snapshot, *args)
    remote = query(snapshot, *args, "--endpoint", served.endpoint, "--method", "POST")
    assert remote.exit_code == 0, remote.output
    assert remote.stdout_bytes == local.stdout_bytes
    assert len(local.stdout_bytes.splitlines()) == 3


def test_a_store_that_is_down(cli: list[str]) -> None:
    url = f"http://127.0.0.1:{free_port()}/query"
    result = subprocess.run(
        [*cli, "query", "--query", "ASK {}", "--endpoint", url],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == f"Error: {url}: cannot connect: connection refused\n"


def test_refusals_name_the_status_and_the_reason(base: str) -> None:
    with pytest.raises(EndpointError) as raised:
        Endpoint(f"{base}/query").query("SELECT WHERE {")
    assert (
        str(raised.value) == f"{base}/query: HTTP 400: error at 1:15: expected one of REDUCED, [_]"
    )
    with pytest.raises(EndpointError) as raised:
        Endpoint(f"{base}/nowhere").query("ASK {}")
    assert (
        str(raised.value)
        == f"{base}/nowhere: HTTP 404: GET /nowhere is not supported by this server"
    )


def test_an_update_is_not_run_as_a_query(base: str) -> None:
    with pytest.raises(EndpointError) as raised:
        Endpoint(f"{base}/query").query("DROP ALL")
    assert str(raised.value) == f"{base}/query: DROP is an update, not a query"


@pytest.fixture(params=["500", "cut", "slow", "garbage"])
def faulty(request: pytest.FixtureRequest, base: str) -> Iterator[tuple[str, Fault]]:
    fault = Fault(request.param, "GET")
    with fault_proxy(base, fault) as proxy:
        yield f"{proxy}/query", fault


def test_every_fault_is_a_clear_error(faulty: tuple[str, Fault]) -> None:
    url, fault = faulty
    expected = {
        "500": f"{url}: HTTP 500: injected fault: the store broke down",
        "cut": f"{url}: the connection was cut before an answer came",
        "slow": f"{url}: no answer within {PATIENCE} s",
        "garbage": (
            f"{url}: the answer is not valid application/sparql-results+json "
            "(Parser error at line 1 column 20: Unexpected end of file, a value was expected "
            "(line 1)); "
            """it ends with '{"head": {"vars": ['"""
        ),
    }
    with pytest.raises(EndpointError) as raised:
        Endpoint(url, timeout=PATIENCE).query("SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    assert str(raised.value) == expected[fault.kind]
    assert fault.hit == ["/query?query=SELECT+%2A+WHERE+%7B+%3Fs+%3Fp+%3Fo+%7D+LIMIT+1"]


def test_the_timeout_bounds_the_whole_answer(base: str) -> None:
    """A server that streams without end is abandoned after the timeout, not waited on
    for ever because each read brings a byte in time."""
    fault = Fault("trickle", "GET")
    with fault_proxy(base, fault) as proxy:
        url = f"{proxy}/query"
        started = time.monotonic()
        with pytest.raises(EndpointError) as raised:
            Endpoint(url, timeout=2).query("SELECT * WHERE { ?s ?p ?o }")
        waited = time.monotonic() - started
    assert re.fullmatch(
        re.escape(f"{url}: no complete answer within 2 s (") + r"\d+ bytes received\)",
        str(raised.value),
    )
    assert fault.hit
    assert 2 <= waited < 60  # bounded; the upper figure allows for a busy machine
