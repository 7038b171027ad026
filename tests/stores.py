"""Real SPARQL stores for the tests, each started once per session on 127.0.0.1 on free ports
and stopped after: `statement-kg serve` itself, a read-write `oxigraph serve`, Virtuoso from
Debian's virtuoso-opensource package (its own virtuoso.ini, database and ports in a temporary
folder), and a stand-in for Wikidata for the federated queries. A store whose program cannot
be found skips its tests, saying why, unless STATEMENT_KG_REQUIRE_STORES is set (as .ci/run
does), where a missing store is a failure. Registered in conftest.py via pytest_plugins."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import pyoxigraph as ox
import pytest

from fixture_endpoint import WIKIDATA_SAMPLE, free_port, oxigraph_server
from statement_kg.endpoint import Credentials, Endpoint
from statement_kg.publish import Target, publish
from statement_kg.serve import ServeError, oxigraph_binary
from statement_kg.store import load_store

ROOT = Path(__file__).resolve().parent.parent
GRAPH = "https://w3id.org/statement-kg/graph/test"
WIKIDATA = "https://query.wikidata.org/sparql"
VIRTUOSO_INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
DirsAllowed = {dir}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
CheckpointInterval = 0

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}
ServerThreads = 8
MaxClientConnections = 8
Charset = UTF-8

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 60
"""


def _missing(message: str) -> NoReturn:
    """A skip saying what is missing, or a failure where stores are required."""
    if os.environ.get("STATEMENT_KG_REQUIRE_STORES"):
        pytest.fail(message)
    pytest.skip(message)


def virtuoso_program() -> Path:
    found = shutil.which("virtuoso-t")
    if found is None:
        _missing("virtuoso-t not found on PATH: apt-get install -y virtuoso-opensource")
    return Path(found)


def oxigraph_program() -> Path:
    try:
        return oxigraph_binary()
    except ServeError as error:
        _missing(str(error))


def wait_until_up(url: str, process: subprocess.Popen[bytes], seconds: float, log: Path) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the store exited with {process.returncode}: {log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {seconds} s: {log.read_text()}")


def stop(process: subprocess.Popen[bytes], sig: int = signal.SIGTERM) -> None:
    process.send_signal(sig)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@dataclass(frozen=True)
class Store:
    """A running store: where to query it, update it and send it graphs, as whom."""

    query: str
    update: str
    gsp: str
    credentials: Credentials | None = None

    def endpoint(self, timeout: int = 30) -> Endpoint:
        return Endpoint(self.query, self.update, timeout, "POST", self.credentials)

    def target(self, graph: str, *, gsp: bool = True, timeout: int = 30) -> Target:
        return Target(self.endpoint(timeout), graph, self.gsp if gsp else None)


@dataclass(frozen=True)
class Served:
    """`statement-kg serve` running: its endpoint and UI URLs, and what it printed."""

    endpoint: str
    ui: str
    banner: list[str]


@pytest.fixture(scope="session")
def snapshot(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project folder holding a copy of graph/ as the session started: other work may
    rebuild graph/ meanwhile, and every store here must hold the same graph."""
    root = tmp_path_factory.mktemp("snapshot")
    shutil.copytree(ROOT / "graph", root / "graph")
    shutil.copytree(ROOT / "queries", root / "queries")
    return root


@pytest.fixture(scope="session")
def snapshot_store(snapshot: Path) -> ox.Store:
    """The embedded store on the snapshot: the answers every other store must give."""
    return load_store(snapshot / "graph")


@pytest.fixture(scope="session")
def served(snapshot: Path) -> Iterator[Served]:
    """The CLI's own server, as a user starts it, with a 3 s server-side query timeout."""
    oxigraph_program()
    script = Path(sys.executable).parent / "statement-kg"
    port = free_port()
    process = subprocess.Popen(
        [
            str(script),
            "--root",
            str(snapshot),
            "serve",
            "--port",
            str(port),
            "--site-port",
            str(free_port()),
            "--timeout",
            "3",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    banner = [process.stdout.readline().rstrip("\n") for _ in range(4)]
    if not banner[0].startswith("SPARQL endpoint: "):
        process.kill()
        raise RuntimeError(f"serve did not start: {banner} {process.communicate()}")
    yield Served(banner[0].split(": ", 1)[1], banner[1].split(": ", 1)[1].strip(), banner)
    process.send_signal(signal.SIGINT)
    process.communicate(timeout=30)


@pytest.fixture(scope="session")
def oxigraph_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """A read-write Oxigraph server: `oxigraph serve --location DIR --bind 127.0.0.1:PORT`."""
    folder = tmp_path_factory.mktemp("oxigraph")
    base = f"http://127.0.0.1:{free_port()}"
    log = folder / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [
                str(oxigraph_program()),
                *("serve", "--location", str(folder / "db")),
                *("--bind", base.removeprefix("http://")),
            ],
            stdout=out,
            stderr=out,
        )
    try:
        wait_until_up(f"{base}/query?query=ASK%7B%7D", process, 30, log)
        yield Store(f"{base}/query", f"{base}/update", f"{base}/store")
    finally:
        stop(process)


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """Virtuoso 7 with its own database and ports. Updates and the Graph Store Protocol go
    to the endpoints that ask for digest authentication (dba:dba, a fresh database's)."""
    program = virtuoso_program()
    folder = tmp_path_factory.mktemp("virtuoso")
    http_port = free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(
        VIRTUOSO_INI.format(dir=folder, sql_port=free_port(), http_port=http_port),
        encoding="utf-8",
    )
    log = folder / "stdout.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(program), "-f", "+configfile", str(ini)], cwd=folder, stdout=out, stderr=out
        )
    base = f"http://127.0.0.1:{http_port}"
    try:
        wait_until_up(f"{base}/sparql?query=ASK%7B%7D", process, 120, log)
        yield Store(
            f"{base}/sparql-auth",
            f"{base}/sparql-auth",
            f"{base}/sparql-graph-crud-auth",
            Credentials("dba", "dba", "digest"),
        )
    finally:
        stop(process)


@pytest.fixture(scope="session")
def stand_in_wikidata(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Wikidata's stand-in for SERVICE clauses (tests/fixtures/wikidata-sample.ttl)."""
    with oxigraph_server([WIKIDATA_SAMPLE], tmp_path_factory.mktemp("wikidata") / "db") as url:
        yield url


@pytest.fixture(scope="session")
def published_oxigraph(oxigraph_store: Store, snapshot: Path) -> Store:
    """The Oxigraph store holding the snapshot as GRAPH, published through its GSP."""
    publish(snapshot / "graph" / "statements.nt", oxigraph_store.target(GRAPH), print)
    return oxigraph_store


@pytest.fixture(scope="session")
def published_virtuoso(virtuoso: Store, snapshot: Path) -> Store:
    """Virtuoso holding the snapshot as GRAPH, published through its GSP."""
    publish(snapshot / "graph" / "statements.nt", virtuoso.target(GRAPH), print)
    return virtuoso
