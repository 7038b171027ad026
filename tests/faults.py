"""A small HTTP proxy on 127.0.0.1 that forwards to a real store and injects one fault into
the requests it is told to: an HTTP 500, a connection cut in the middle of the upload, an
answer that never comes, half of an upload passed on as if it were all, an answer that is
not what its media type says, or one that trickles in a byte at a time and never ends.

No outcome depends on how fast the machine is: a fault that withholds the answer withholds it
until the proxy closes, so the client's timeout is the only way out, and clients use
PATIENCE, a timeout no healthy request through the proxy comes near on a loaded machine."""

from __future__ import annotations

import http.client
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

KINDS = ("500", "cut", "slow", "half", "garbage", "trickle")
# Seconds a client waits: far above any healthy request here, however busy the machine.
PATIENCE = 10


@dataclass
class Fault:
    """Which requests fail (method, and a marker their body holds) and how."""

    kind: str
    method: str
    marker: bytes = b""
    hit: list[str] = field(default_factory=list)  # the paths that got the fault

    def __post_init__(self) -> None:
        assert self.kind in KINDS, self.kind


def _forward(upstream: str, handler: BaseHTTPRequestHandler, body: bytes) -> None:
    parts = urlsplit(upstream)
    connection = http.client.HTTPConnection(parts.netloc, timeout=60)
    headers = {
        k: v for k, v in handler.headers.items() if k.lower() not in ("host", "content-length")
    }
    try:
        connection.request(handler.command, handler.path, body=body, headers=headers)
        response = connection.getresponse()
        answer = response.read()
        handler.send_response(response.status)
        for name in ("Content-Type", "WWW-Authenticate"):
            if response.getheader(name):
                handler.send_header(name, str(response.getheader(name)))
    finally:
        connection.close()
    handler.send_header("Content-Length", str(len(answer)))
    handler.end_headers()
    handler.wfile.write(answer)


def _reply(handler: BaseHTTPRequestHandler, status: int, kind: str, body: bytes) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", kind)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


@contextmanager
def fault_proxy(upstream: str, fault: Fault) -> Iterator[str]:
    """Yields the proxy's base URL; paths are the upstream's (…/query, …/update, …/store)."""
    closing = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def _handle(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            if self.command == fault.method and fault.kind == "cut":
                self.rfile.read(min(length, 16384))
                fault.hit.append(self.path)
                self.connection.shutdown(socket.SHUT_RDWR)
                self.close_connection = True
                return
            body = self.rfile.read(length)
            if self.command != fault.method or fault.marker not in body:
                _forward(upstream, self, body)
                return
            fault.hit.append(self.path)
            if fault.kind == "500":
                _reply(self, 500, "text/plain", b"injected fault: the store broke down")
            elif fault.kind == "slow":
                closing.wait()
                self.close_connection = True
            elif fault.kind == "trickle":
                self._trickle()
            elif fault.kind == "half":
                lines = body.splitlines(keepends=True)
                _forward(upstream, self, b"".join(lines[: len(lines) // 2]))
            else:
                _reply(self, 200, "application/sparql-results+json", b'{"head": {"vars": [')

        def _trickle(self) -> None:
            """Results that start at once and never end: a byte every tenth of a second."""
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.end_headers()
            self.wfile.write(b'{"head": {"vars": ["s"]}, "results": {"bindings": [')
            while not closing.wait(0.1):
                try:
                    self.wfile.write(b" ")
                    self.wfile.flush()
                except OSError:
                    return
            self.close_connection = True

        do_GET = do_POST = do_PUT = do_DELETE = _handle

        def log_message(self, format: str, *args: object) -> None:
            """Quiet: tests assert on outcomes instead."""

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.block_on_close = False
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        closing.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
