"""`statement-kg serve` within bounds: it survives a minute of 16 clients querying as fast
as they can at its default timeout; a streamed answer is cut at the timeout; it can be
started again on the same port at once after a stop; and a signal stops it whenever it
comes. Every loop here is bounded in time and sends traffic to 127.0.0.1 only."""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from fixture_endpoint import free_port
from statement_kg.front import front
from stores import Served

CLIENTS = 16
LOAD_SECONDS = 60
STATEMENTS = "SELECT ?s WHERE { ?s a <https://w3id.org/statement-kg/ontology#Statement> }"
JSON = "application/sparql-results+json"


def _serve(root: Path, port: int, temp: Path, *options: str) -> subprocess.Popen[str]:
    script = Path(sys.executable).parent / "statement-kg"
    return subprocess.Popen(
        [str(script), "--root", str(root), "serve", "--port", str(port), *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "TMPDIR": str(temp)},
    )


@contextmanager
def _serving(root: Path, port: int, temp: Path) -> Iterator[subprocess.Popen[str]]:
    process = _serve(root, port, temp)
    assert process.stdout is not None
    try:
        first = process.stdout.readline()
        assert first == f"SPARQL endpoint: http://127.0.0.1:{port}/query\n", process.stderr
        process.stdout.readline()
        process.stdout.readline()
        yield process
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=60)


def _leftovers(temp: Path) -> list[str]:
    """Processes still running on a store under `temp` (an Oxigraph server left behind)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            if str(temp) in command and "oxigraph" in command:
                found.append(command)
    return found


def _ask(connection: http.client.HTTPConnection, query: str) -> tuple[int, bytes, str | None]:
    connection.request(
        "GET", "/query?" + urllib.parse.urlencode({"query": query}), headers={"Accept": JSON}
    )
    response = connection.getresponse()
    return response.status, response.read(), response.getheader("Retry-After")


def test_survives_a_minute_of_sixteen_clients(snapshot: Path, tmp_path: Path) -> None:
    port = free_port()
    outcomes: Counter[str] = Counter()
    wrong: list[str] = []
    lock = threading.Lock()

    def client(until: float) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while time.monotonic() < until:
            try:
                status, body, retry = _ask(connection, STATEMENTS)
            except (OSError, http.client.HTTPException) as error:
                connection.close()
                with lock:
                    outcomes[type(error).__name__] += 1
                continue
            with lock:
                outcomes[str(status)] += 1
                if status == 200 and len(json.loads(body)["results"]["bindings"]) < 1:
                    wrong.append(body.decode()[:200])
                if status == 503 and retry is None:
                    wrong.append("503 without Retry-After")
        connection.close()

    with _serving(snapshot, port, tmp_path) as process:
        until = time.monotonic() + LOAD_SECONDS
        threads = [threading.Thread(target=client, args=(until,)) for _ in range(CLIENTS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=LOAD_SECONDS + 120)
        assert process.poll() is None, "the server stopped under load"
        after = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        status = 503
        deadline = time.monotonic() + 120
        while status == 503 and time.monotonic() < deadline:
            status, _, _ = _ask(after, "ASK {}")
            time.sleep(0.5 if status == 503 else 0)
        assert status == 200
        after.close()
    assert wrong == []
    assert set(outcomes) <= {"200", "503"}, outcomes
    assert outcomes["200"] > 1000, outcomes


def test_a_streamed_answer_is_cut_at_the_timeout(served: Served) -> None:
    """SELECT * over a cross join streams without end: the server (timeout 3 s) cuts it."""
    parts = urllib.parse.urlsplit(served.endpoint)
    connection = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=60)
    query = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    started = time.monotonic()
    received = 0
    try:
        connection.request(
            "GET",
            parts.path + "?" + urllib.parse.urlencode({"query": query}),
            headers={"Accept": JSON},
        )
        response = connection.getresponse()
        while time.monotonic() - started < 120:
            chunk = response.read1(1 << 16)
            if not chunk:
                break
            received += len(chunk)
        complete = False
    except http.client.IncompleteRead:
        complete = False
    except (OSError, http.client.HTTPException):
        complete = False
    finally:
        connection.close()
    elapsed = time.monotonic() - started
    assert elapsed < 60, f"still streaming after {elapsed:.0f} s ({received} bytes)"
    assert not complete


def test_starts_again_on_the_same_port_at_once(snapshot: Path, tmp_path: Path) -> None:
    port = free_port()
    for _ in range(2):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        with _serving(snapshot, port, tmp_path):
            assert _ask(connection, "ASK {}")[0] == 200
            # the connection stays open: the stopping server leaves it in TIME_WAIT
        connection.close()


@pytest.mark.parametrize(
    ("moment", "signals"),
    [("while loading", 1), ("while serving", 1), ("under load", 1), ("twice", 2)],
    ids=["while-loading", "while-serving", "under-load", "twice"],
)
def test_a_signal_always_stops_it(
    snapshot: Path, tmp_path: Path, moment: str, signals: int
) -> None:
    port = free_port()
    process = _serve(snapshot, port, tmp_path)
    assert process.stdout is not None
    stop = threading.Event()
    if moment != "while loading":
        assert process.stdout.readline().startswith("SPARQL endpoint:")
    else:
        # Once it says it is loading, whatever the machine's load.
        assert process.stderr is not None
        assert process.stderr.readline().startswith("Loading ")
    if moment == "under load":

        def client() -> None:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            with contextlib.closing(connection):
                while not stop.is_set():
                    try:
                        _ask(connection, STATEMENTS)
                    except (OSError, http.client.HTTPException):
                        return

        for _ in range(CLIENTS):
            threading.Thread(target=client, daemon=True).start()
        time.sleep(2)
    for _ in range(signals):
        process.send_signal(signal.SIGINT)
    try:
        process.communicate(timeout=60)
    finally:
        stop.set()
        process.kill()
        process.communicate()  # reaps it and closes its pipes, whatever happened above
    assert process.returncode in (0, 1, -signal.SIGINT, 130), process.returncode
    assert _leftovers(tmp_path) == []
    assert [p for p in tmp_path.iterdir() if p.name.startswith("statement-kg-")] == []


@pytest.mark.parametrize(("budget", "admitted"), [(1, 1), (3, 3)], ids=["one", "three"])
def test_the_front_answers_503_past_its_budget(served: Served, budget: int, admitted: int) -> None:
    upstream = urllib.parse.urlsplit(served.endpoint).port
    assert upstream is not None
    port = free_port()
    with front(port, upstream, "127.0.0.1", timeout=60, budget=budget):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        with contextlib.closing(connection):
            answers = [_ask(connection, "ASK {}") for _ in range(admitted + 2)]
    assert [status for status, _, _ in answers] == [200] * admitted + [503, 503]
    assert all(retry is not None and int(retry) >= 1 for _, _, retry in answers[admitted:])
    assert answers[-1][1] == b"Too many queries: the server is at its limit; retry later.\n"


def test_a_query_after_a_quiet_spell_is_answered(served: Served) -> None:
    """Oxigraph's server drops a connection left idle past its timeout (3 s here): the
    front must not send the next query down that connection."""
    parts = urllib.parse.urlsplit(served.endpoint)
    for pause in (0, 5, 0):
        time.sleep(pause)
        connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=60)
        with contextlib.closing(connection):
            status, body, _ = _ask(connection, "ASK {}")
        assert (status, json.loads(body)["boolean"]) == (200, True)
