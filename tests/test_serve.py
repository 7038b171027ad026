"""`statement-kg serve`: a real SPARQL 1.1 endpoint (Oxigraph's server) on 127.0.0.1 that
SPARQLWrapper, as any client, gets the embedded store's answers from, GET or POST, in JSON,
XML or CSV; that refuses updates, cuts off queries that run too long, and stops cleanly."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from SPARQLWrapper import CSV, GET, JSON, POST, XML, SPARQLWrapper

from answers import normalise, normalise_csv
from fixture_endpoint import free_port
from statement_kg.cli import main
from statement_kg.endpoint import Endpoint, EndpointError
from statement_kg.query import render, run
from stores import Served

ROOT = Path(__file__).resolve().parent.parent
# Shipped queries that need nothing beyond the graph (the federated ones are in test_parity).
LOCAL_QUERIES = [
    p for p in sorted((ROOT / "queries").glob("*.rq")) if "SERVICE" not in p.read_text("utf-8")
]
# About 10^8 solutions, each compared as strings: minutes of work on any machine, cut off by
# the server's 3 s timeout.
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f FILTER(STR(?c) != STR(?f)) }"
RESULTS = {JSON: ox.QueryResultsFormat.JSON, XML: ox.QueryResultsFormat.XML}


def test_banner_names_the_endpoint_and_the_ui(served: Served, snapshot: Path) -> None:
    port = served.endpoint.removeprefix("http://127.0.0.1:").removesuffix("/query")
    site = served.banner[2].removeprefix("Site:").strip()
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/", site), served.banner[2]
    assert served.banner == [
        f"SPARQL endpoint: http://127.0.0.1:{port}/query",
        f"Query UI:        http://127.0.0.1:{port}/",
        f"Site:            {site}",
        f"Serving {snapshot / 'graph'} (read-only); stop with Ctrl-C.",
    ]
    with urllib.request.urlopen(served.ui, timeout=10) as page:
        assert page.headers.get_content_type() == "text/html"
    with urllib.request.urlopen(site + "index.html", timeout=10) as page:
        assert page.headers.get_content_type() == "text/html"
        assert b"<h1>Official statements" in page.read()


@pytest.mark.parametrize("method", [GET, POST])
@pytest.mark.parametrize("fmt", [JSON, XML, CSV])
def test_sparqlwrapper_gets_the_embedded_answers(
    served: Served, snapshot_store: ox.Store, method: str, fmt: str
) -> None:
    for path in LOCAL_QUERIES:
        text = path.read_text(encoding="utf-8")
        client = SPARQLWrapper(served.endpoint)
        # Without the header: SPARQLWrapper guesses a query's form from words in comments too.
        client.setQuery("\n".join(line for line in text.splitlines() if line[:1] != "#"))
        client.setMethod(method)
        client.setReturnFormat(fmt)
        client.setOnlyConneg(True)
        with client.query().response as response:
            body = response.read()
        if fmt == CSV:
            expected = render(run(snapshot_store, text), "csv").decode("utf-8")
            assert normalise_csv(body.decode("utf-8"), text) == normalise_csv(expected, text)
        else:
            remote = ox.parse_query_results(body, format=RESULTS[fmt])
            assert normalise(remote, text) == normalise(run(snapshot_store, text), text), path.name


def test_an_update_is_refused(served: Served, snapshot_store: ox.Store) -> None:
    update_url = served.endpoint.replace("/query", "/update")
    client = SPARQLWrapper(served.endpoint, updateEndpoint=update_url)
    client.setMethod(POST)
    client.setQuery("DROP ALL")
    with pytest.raises(urllib.error.HTTPError) as refused:
        client.query()
    with refused.value:
        assert refused.value.code == 403
    with pytest.raises(EndpointError) as raised:
        Endpoint(served.endpoint, update_url).update("DROP ALL")
    assert str(raised.value) == f"{update_url}: HTTP 403: The server is read-only"
    answer = Endpoint(served.endpoint).query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert isinstance(answer, ox.QuerySolutions)
    assert int(next(answer)["n"].value) == len(snapshot_store)


def test_the_server_cuts_off_a_long_query(served: Served) -> None:
    with pytest.raises(EndpointError) as raised:
        Endpoint(served.endpoint, timeout=60).query(SLOW)
    assert str(raised.value).startswith(
        f"{served.endpoint}: the answer is not valid application/sparql-results+json ("
    )
    assert str(raised.value).endswith("The SPARQL operation has been cancelled'")


def _serve(root: Path, port: int, *options: str, temp: Path) -> subprocess.Popen[str]:
    """The server on `port`, its site on another free port: the one after it may be taken
    by another test's server on a busy machine."""
    script = Path(sys.executable).parent / "statement-kg"
    site = ("--site-port", str(free_port()))
    return subprocess.Popen(
        [str(script), "--root", str(root), "serve", "--port", str(port), *site, *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "TMPDIR": str(temp)},
    )


def _loading(root: Path) -> str:
    """What serve says on standard error before its store answers."""
    return f"Loading {root / 'graph'} ...\n"


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_stops_cleanly_on_a_signal(snapshot: Path, tmp_path: Path, sig: signal.Signals) -> None:
    """The server goes, and so does the temporary store; a --location store stays."""
    temp, location = tmp_path / "tmp", tmp_path / "store"
    temp.mkdir()
    for options in ((), ("--location", str(location))):
        port = free_port()
        process = _serve(snapshot, port, *options, temp=temp)
        assert process.stdout is not None
        assert process.stdout.readline() == f"SPARQL endpoint: http://127.0.0.1:{port}/query\n"
        assert _listening(port)
        process.send_signal(sig)
        out, errors = process.communicate(timeout=30)
        assert (process.returncode, errors) == (0, _loading(snapshot))
        assert out.endswith("Stopped.\n")
        assert not _listening(port)
        assert list(temp.iterdir()) == []
    assert (location / "CURRENT").exists()


def test_a_busy_port_is_an_error(served: Served, snapshot: Path, tmp_path: Path) -> None:
    port = int(served.endpoint.removeprefix("http://127.0.0.1:").removesuffix("/query"))
    process = _serve(snapshot, port, temp=tmp_path)
    out, errors = process.communicate(timeout=30)
    assert (process.returncode, out) == (1, "")
    assert (
        errors
        == _loading(snapshot) + f"Error: 127.0.0.1:{port} is in use (Address already in use)\n"
    )


def test_a_folder_that_is_not_a_store_is_refused(snapshot: Path, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    process = _serve(snapshot, free_port(), "--location", str(tmp_path), temp=tmp_path)
    out, errors = process.communicate(timeout=30)
    assert (process.returncode, out) == (1, "")
    assert errors == (
        _loading(snapshot) + f"Error: {tmp_path} is not empty and holds no Oxigraph store\n"
    )


def test_no_graph_is_an_error(tmp_path: Path) -> None:
    process = _serve(tmp_path, free_port(), temp=tmp_path)
    out, errors = process.communicate(timeout=30)
    assert (process.returncode, out) == (1, "")
    assert errors == _loading(tmp_path) + (
        f"Error: {tmp_path / 'graph' / 'statements.nt'} not found: run 'statement-kg build' first\n"
    )


def test_writable_takes_updates(snapshot: Path, tmp_path: Path) -> None:
    port = free_port()
    process = _serve(snapshot, port, "--writable", temp=tmp_path)
    assert process.stdout is not None
    try:  # a failure on the way must not leave the server running
        banner = [process.stdout.readline() for _ in range(3)]
        assert banner[1] == f"SPARQL update:   http://127.0.0.1:{port}/update\n"
        endpoint = Endpoint(f"http://127.0.0.1:{port}/query", f"http://127.0.0.1:{port}/update")
        endpoint.update("INSERT DATA { <http://example.org/s> <http://example.org/p> 1 }")
        answer = endpoint.query("ASK { <http://example.org/s> ?p ?o }")
        assert isinstance(answer, ox.QueryBoolean)
        assert bool(answer)
    finally:
        process.send_signal(signal.SIGINT)
        out, errors = process.communicate(timeout=30)
    assert (process.returncode, errors, out[-9:]) == (0, _loading(snapshot), "Stopped.\n")


@pytest.mark.parametrize("verb", ["serve", "publish"])
def test_new_verbs_have_help(verb: str) -> None:
    result = CliRunner().invoke(main, [verb, "--help"])
    assert result.exit_code == 0
    assert result.output.startswith(f"Usage: main {verb} [OPTIONS]")
