"""The bounded front of `statement-kg serve`: a small HTTP relay on the public port that
passes every request to Oxigraph's server on a private port, and bounds what Oxigraph alone
does not.

- Oxigraph's server keeps one timer thread per query for the whole query timeout, even when
  the query took a millisecond; a process holds at most about 15,000 threads, so a steady
  load of a few hundred queries per second made it abort. The front admits at most
  `budget` requests within any `timeout` seconds and answers the rest at once with HTTP 503
  and Retry-After: the server never holds more timers than the machine allows.
- Oxigraph's timeout stops a query while it is evaluated, not while its results stream: a
  `SELECT *` over a cross join streams for ever. The front cuts any answer that is not
  complete GRACE seconds after the timeout (the connection is closed, so the client sees a
  truncated answer, never a complete-looking one); the grace lets Oxigraph's own
  cancellation message through first where it applies.

Connections to Oxigraph are kept alive and reused, and clients may keep theirs (HTTP/1.1),
so a sustained load leaves no heap of closed sockets behind."""

from __future__ import annotations

import http.client
import queue
import threading
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

_CHUNK = 1 << 16
GRACE = 2.0
IDLE = 0.5
# Headers that belong to one hop of the connection, not to the message (RFC 9110, 7.6.1).
_HOP = frozenset(
    {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "host"}
)


class Admission:
    """At most `budget` admissions within any `window` seconds."""

    def __init__(self, budget: int, window: float) -> None:
        self.budget, self.window = budget, window
        self._times: deque[float] = deque()
        self._lock = threading.Lock()

    def admit(self) -> float:
        """0 when admitted, else the seconds until a place frees."""
        now = time.monotonic()
        with self._lock:
            while self._times and self._times[0] <= now - self.window:
                self._times.popleft()
            if len(self._times) >= self.budget:
                return self._times[0] + self.window - now
            self._times.append(now)
            return 0.0


class _Upstream:
    """Kept-alive connections to the server behind the front, one per request in flight.
    Oxigraph's server gives up on a connection left idle (and answers the next request on
    it with an error it wrote meanwhile), so one idle for more than IDLE seconds is closed
    rather than reused."""

    def __init__(self, host: str, port: int, timeout: float) -> None:
        self.host, self.port, self.timeout = host, port, timeout
        self._idle: queue.LifoQueue[tuple[http.client.HTTPConnection, float]] = queue.LifoQueue()

    def _take(self) -> http.client.HTTPConnection:
        while True:
            try:
                connection, since = self._idle.get_nowait()
            except queue.Empty:
                return http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            if time.monotonic() - since <= IDLE:
                return connection
            connection.close()

    @contextmanager
    def connection(self) -> Iterator[http.client.HTTPConnection]:
        connection = self._take()
        try:
            yield connection
        except BaseException:
            connection.close()
            raise
        self._idle.put((connection, time.monotonic()))

    def close(self) -> None:
        while True:
            try:
                self._idle.get_nowait()[0].close()
            except queue.Empty:
                return


class Front(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(
        self, bind: tuple[str, int], upstream: tuple[str, int], timeout: float, budget: int
    ) -> None:
        super().__init__(bind, _Relay)
        self.timeout_s = timeout
        self.admission = Admission(budget, timeout)
        # Oxigraph cancels a query at `timeout` and says so: wait for that message.
        self.upstream = _Upstream(*upstream, timeout=timeout + GRACE)


class _Relay(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: Front
    _started = False  # whether the answer's status line has gone out

    def _relay(self) -> None:
        deadline = time.monotonic() + self.server.timeout_s + GRACE
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        wait = self.server.admission.admit()
        if wait:
            self._busy(wait)
            return
        headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP}
        self._started = False
        try:
            with self.server.upstream.connection() as upstream:
                response = self._ask(upstream, body, headers)
                self._pass_on(response, deadline)
        except (OSError, http.client.HTTPException) as error:
            if self._started:
                self.close_connection = True  # the client sees a cut answer, not a whole one
            else:
                status = 504 if isinstance(error, TimeoutError) else 502
                self._plain(status, f"The query service did not answer: {error}\n")

    def _ask(
        self, upstream: http.client.HTTPConnection, body: bytes, headers: dict[str, str]
    ) -> http.client.HTTPResponse:
        """The server's response; a kept-alive connection the server has closed meanwhile
        is opened again once (nothing was carried out on it)."""
        for attempt in (1, 2):
            try:
                upstream.request(self.command, self.path, body=body or None, headers=headers)
                return upstream.getresponse()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                upstream.close()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def _busy(self, wait: float) -> None:
        message = "Too many queries: the server is at its limit; retry later.\n"
        self._plain(503, message, {"Retry-After": str(max(1, round(wait)))})

    def _plain(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        data = message.encode("utf-8")
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _pass_on(self, response: http.client.HTTPResponse, deadline: float) -> None:
        self._started = True
        self.send_response(response.status, response.reason)
        for name, value in response.getheaders():
            if name.lower() not in _HOP and name.lower() != "content-length":
                self.send_header(name, value)
        length = response.getheader("Content-Length")
        bodiless = self.command == "HEAD" or response.status in (204, 304)
        chunked = length is None and not bodiless
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
        elif length is not None:
            self.send_header("Content-Length", length)
        self.end_headers()
        while data := response.read1(_CHUNK):
            if time.monotonic() > deadline:
                raise TimeoutError("the answer took longer than the timeout")
            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data) if chunked else data)
        response.read()  # the end of a chunked body: the connection is then free again
        if chunked:
            self.wfile.write(b"0\r\n\r\n")

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_OPTIONS = _relay

    def log_message(self, format: str, *args: object) -> None:
        """Quiet, as Oxigraph's own server is."""


@contextmanager
def front(
    port: int, upstream_port: int, host: str, *, timeout: float, budget: int
) -> Iterator[Front]:
    """Serves the front on host:port until the block ends."""
    server = Front((host, port), (host, upstream_port), timeout, budget)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2})
    thread.daemon = True
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
        server.upstream.close()
