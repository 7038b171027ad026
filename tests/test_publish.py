"""`statement-kg publish` into real stores (Oxigraph's server and Virtuoso), through the Graph
Store Protocol and through SPARQL Update: each publication replaces the named graph whole. A
fault at any step (store down, HTTP 500, a connection cut mid-upload, a timeout, half an
upload taken for all of it, a failed MOVE) is a clear error, and the graph still holds its
previous version."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest

from faults import PATIENCE, Fault, fault_proxy
from fixture_endpoint import free_port
from statement_kg.endpoint import Endpoint
from statement_kg.params import bind, parse_value
from statement_kg.publish import PublishError, Target, count, publish
from stores import Store

ROOT = Path(__file__).resolve().parent.parent
(CQ01,) = (ROOT / "queries").glob("cq-01-*.rq")
MARKER = (
    "<https://w3id.org/statement-kg/id/test/marker> "
    '<http://www.w3.org/2000/01/rdf-schema#label> "version 2" .'
)


class Versions:
    """Two versions of the graph: the snapshot, and one without its first ten triples and
    with a marker triple."""

    def __init__(self, snapshot: Path, folder: Path) -> None:
        self.one = snapshot / "graph" / "statements.nt"
        lines = self.one.read_text(encoding="utf-8").splitlines()
        self.dropped = lines[0]
        self.two = folder / "version-2.nt"
        self.two.write_text("\n".join([*lines[10:], MARKER]) + "\n", encoding="utf-8")
        self.sizes = (len(lines), len(lines) - 10 + 1)


@pytest.fixture
def versions(snapshot: Path, tmp_path: Path) -> Versions:
    return Versions(snapshot, tmp_path)


def holds(endpoint: Endpoint, graph: str, triple: str) -> bool:
    answer = endpoint.query(f"ASK {{ GRAPH <{graph}> {{ {triple.removesuffix(' .')} }} }}")
    assert isinstance(answer, ox.QueryBoolean)
    return bool(answer)


def graph_iri(request: pytest.FixtureRequest) -> str:
    """A graph of the test's own, so that tests sharing a store do not meet."""
    return "https://w3id.org/statement-kg/graph/" + re.sub(r"\W+", "-", request.node.name)


@pytest.mark.parametrize("mode", ["gsp", "update"])
@pytest.mark.parametrize("name", ["oxigraph_store", "virtuoso"])
def test_publishing_replaces_the_graph(
    request: pytest.FixtureRequest, name: str, mode: str, versions: Versions
) -> None:
    store: Store = request.getfixturevalue(name)
    graph, said = graph_iri(request), list[str]()
    target = store.target(graph, gsp=mode == "gsp")
    assert publish(versions.one, target, said.append) == versions.sizes[0]
    assert publish(versions.two, target, said.append) == versions.sizes[1]
    endpoint = store.endpoint()
    assert count(endpoint, graph) == versions.sizes[1]
    assert holds(endpoint, graph, MARKER)
    assert not holds(endpoint, graph, versions.dropped)
    assert count(endpoint, target.staging) == 0
    how = f"through {store.gsp}" if mode == "gsp" else f"at {store.update}"
    verb = "uploading" if mode == "gsp" else "inserting"
    into = "to" if mode == "gsp" else "into"
    assert said[-2:] == [
        f"{verb} {versions.sizes[1]} triples {into} <{target.staging}> {how}",
        f"checked {versions.sizes[1]} triples; moving <{target.staging}> to <{graph}>",
    ]


def test_cli_publishes_to_virtuoso_with_digest_authentication(
    cli: list[str], virtuoso: Store, snapshot: Path, request: pytest.FixtureRequest
) -> None:
    graph = graph_iri(request)
    result = subprocess.run(
        [
            *(*cli, "--root", str(snapshot), "publish", "--endpoint", virtuoso.query),
            *("--gsp", virtuoso.gsp, "--graph", graph, "--user", "dba", "--auth", "digest"),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env={**os.environ, "STATEMENT_KG_PASSWORD": "dba"},
    )
    size = len((snapshot / "graph" / "statements.nt").read_text(encoding="utf-8").splitlines())
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"Published {size} triples as <{graph}> at {virtuoso.query}.\n"
    assert count(virtuoso.endpoint(), graph) == size


def test_cli_refuses_a_graph_name_that_is_not_an_iri(cli: list[str]) -> None:
    result = subprocess.run(
        [*cli, "publish", "--endpoint", "http://127.0.0.1:9/sparql", "--graph", "g> } DROP ALL"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == (
        "Error: Invalid value for '--graph': 'g> } DROP ALL' is not an absolute IRI "
        "(Invalid IRI code point '>')"
    )


BROKE = "HTTP 500: injected fault: the store broke down"
# case: (fault, by the Graph Store Protocol?, the error)
FAULTS = {
    "500 on upload": (Fault("500", "PUT"), True, "{proxy}/store: " + BROKE),
    "cut mid-upload": (
        Fault("cut", "PUT"),
        True,
        "{proxy}/store: the connection was cut before an answer came",
    ),
    "upload timeout": (
        Fault("slow", "PUT"),
        True,
        "{proxy}/store: no answer within " + str(PATIENCE) + " s",
    ),
    "half uploaded": (
        Fault("half", "PUT"),
        True,
        "the staging graph <{staging}> holds {half} triples, not {size}",
    ),
    "500 on insert": (Fault("500", "POST", b"INSERT"), False, "{proxy}/update: " + BROKE),
    "500 on move": (Fault("500", "POST", b"MOVE"), True, "{proxy}/update: " + BROKE),
}


@pytest.fixture(scope="module")
def previous(
    oxigraph_store: Store, snapshot: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, Versions]:
    """A graph holding version one, which every fault below must leave as it is."""
    versions = Versions(snapshot, tmp_path_factory.mktemp("versions"))
    graph = "https://w3id.org/statement-kg/graph/faults"
    publish(versions.one, oxigraph_store.target(graph), lambda line: None)
    return graph, versions


def _still_version_one(store: Store, graph: str, versions: Versions) -> None:
    direct = store.endpoint()
    assert count(direct, graph) == versions.sizes[0]
    assert holds(direct, graph, versions.dropped)
    assert not holds(direct, graph, MARKER)


@pytest.mark.parametrize("case", list(FAULTS))
def test_a_fault_leaves_the_previous_version(
    oxigraph_store: Store, previous: tuple[str, Versions], case: str
) -> None:
    (graph, versions), (fault, gsp, message) = previous, FAULTS[case]
    base = oxigraph_store.query.removesuffix("/query")
    with fault_proxy(base, fault) as proxy:
        endpoint = Endpoint(f"{proxy}/query", f"{proxy}/update", PATIENCE, "POST")
        target = Target(endpoint, graph, f"{proxy}/store" if gsp else None)
        with pytest.raises(PublishError) as raised:
            publish(versions.two, target, lambda line: None)
    expected = message.format(
        proxy=proxy, staging=target.staging, half=versions.sizes[1] // 2, size=versions.sizes[1]
    )
    assert str(raised.value) == f"{expected}; <{graph}> was not changed"
    assert fault.hit
    _still_version_one(oxigraph_store, graph, versions)
    assert count(oxigraph_store.endpoint(), target.staging) == 0


def test_a_move_without_an_answer_is_reported_as_unknown(
    oxigraph_store: Store, previous: tuple[str, Versions]
) -> None:
    graph, versions = previous
    base = oxigraph_store.query.removesuffix("/query")
    with fault_proxy(base, Fault("slow", "POST", b"MOVE")) as proxy:
        target = Target(Endpoint(f"{proxy}/query", f"{proxy}/update", PATIENCE, "POST"), graph)
        with pytest.raises(PublishError) as raised:
            publish(versions.two, target, lambda line: None)
    assert str(raised.value) == (
        f"{proxy}/update: no answer within {PATIENCE} s; whether <{graph}> was replaced is unknown"
    )
    _still_version_one(oxigraph_store, graph, versions)


def test_cli_reports_a_store_that_is_down(cli: list[str], snapshot: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/sparql"
    graph = "https://w3id.org/statement-kg/graph/nowhere"
    result = subprocess.run(
        [*cli, "--root", str(snapshot), "publish", "--endpoint", url, "--graph", graph],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"Error: publishing failed: {url}: cannot connect: connection refused; "
        f"<{graph}> was not changed\n"
    )


def test_injection_cannot_write_to_a_writable_store(
    request: pytest.FixtureRequest, oxigraph_store: Store, snapshot: Path
) -> None:
    graph = graph_iri(request)
    publish(snapshot / "graph" / "statements.nt", oxigraph_store.target(graph), lambda line: None)
    endpoint = oxigraph_store.endpoint()
    total = endpoint.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert isinstance(total, ox.QuerySolutions)
    before = next(total)["n"]
    for value in ('"> } DROP ALL #', "'} } ; DROP ALL ; #", 'x"\n} ; CLEAR ALL #'):
        text = bind(CQ01.read_text(encoding="utf-8"), {"symbol": [parse_value(value)]})
        answer = endpoint.query(text, default_graph=graph)
        assert isinstance(answer, ox.QuerySolutions)
        assert list(answer) == []
    after = endpoint.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert isinstance(after, ox.QuerySolutions)
    assert next(after)["n"] == before
