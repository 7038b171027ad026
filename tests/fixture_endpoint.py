"""Local SPARQL endpoints for tests that must not reach the internet: an `oxigraph` server
loaded with a file, on a free 127.0.0.1 port, waited for and stopped after; and a tiny HTTP
server that answers from a script of canned responses (to test retries and backoff)."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

OXIGRAPH = Path(sys.executable).parent / "oxigraph"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
WIKIDATA_SAMPLE = FIXTURES / "wikidata-sample.ttl"
EMPTY_RESULTS = b'{"head": {"vars": []}, "results": {"bindings": []}}'


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_until_up(base: str, process: subprocess.Popen[bytes], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"oxigraph exited with {process.returncode}")
        try:
            with urllib.request.urlopen(base + "/query?query=ASK%7B%7D", timeout=5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"oxigraph did not answer at {base} within {seconds} s")


@contextmanager
def oxigraph_server(data: Sequence[Path], location: Path) -> Iterator[str]:
    """A read-only Oxigraph server holding the files; yields its SPARQL query URL."""
    subprocess.run(
        [str(OXIGRAPH), "load", "--location", str(location), "--file", *map(str, data)],
        check=True,
        capture_output=True,
    )
    base = f"http://127.0.0.1:{free_port()}"
    process = subprocess.Popen(
        [
            str(OXIGRAPH),
            "serve-read-only",
            "--location",
            str(location),
            "--bind",
            base.removeprefix("http://"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_until_up(base, process)
        yield base + "/query"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


Reply = tuple[int, dict[str, str], bytes]


@contextmanager
def scripted_server(replies: Sequence[Reply]) -> Iterator[tuple[str, list[dict[str, str]]]]:
    """An HTTP server on 127.0.0.1 that answers each request with the next scripted reply
    (the last one once the script runs out); yields its URL and the headers of every request
    it got."""
    seen: list[dict[str, str]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length", "0")))
            seen.append(dict(self.headers.items()))
            status, headers, body = replies[min(len(seen), len(replies)) - 1]
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            """Quiet: the test asserts on what was requested instead."""

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/sparql", seen
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
