"""Serves a built site folder on 127.0.0.1 beside the SPARQL endpoint, with the standard
library's static file server (the pages are plain files; nothing is generated per request)."""

from __future__ import annotations

import errno
import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

HOST = "127.0.0.1"


class _QuietHandler(SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {  # type: ignore[misc]
        **SimpleHTTPRequestHandler.extensions_map,
        ".ttl": "text/turtle",
        ".jsonld": "application/ld+json",
        ".js": "text/javascript",
    }

    def log_message(self, format: str, *args: Any) -> None:
        """Requests are not logged: the terminal is for the addresses and errors."""


@contextmanager
def serving(directory: Path, port: int, *, or_any: bool = False) -> Iterator[str]:
    """Serves `directory` on HOST:port (0 picks a free port) until the block ends; yields
    the site's address. With `or_any`, a port in use is traded for a free one: the default
    site port (the endpoint's plus one) may be taken by the server behind the front."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    try:
        server = ThreadingHTTPServer((HOST, port), handler)
    except OSError as error:
        if not or_any or error.errno != errno.EADDRINUSE:
            raise
        server = ThreadingHTTPServer((HOST, 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{HOST}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
