"""`statement-kg serve`: the built graph behind a real SPARQL 1.1 endpoint. It runs Oxigraph's
own HTTP server (the `oxigraph` package from PyPI, the same engine as the embedded store, so
answers are the same) rather than a server of ours: the protocol, content negotiation, the
query UI and read-only mode come tested. The store is loaded from graph/ at every start, into
a temporary folder unless one is given, and the server binds to 127.0.0.1 only.

Stopping is ours to do: the server runs in its own session, so Ctrl-C (SIGINT) or SIGTERM
reach this process alone, which stops the server, waits for it and removes the temporary
store before returning."""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sysconfig
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from types import FrameType
from typing import IO

from statement_kg.front import front
from statement_kg.store import GRAPH_FILES

HOST = "127.0.0.1"
_STARTUP_SECONDS = 30.0
# Queries admitted in any timeout-long window: Oxigraph holds a thread per query for the
# whole timeout; a process aborts at about 15,000, and every thread takes one of the
# machine's process ids (32,768 on many systems), shared with everything else running.
BUDGET = 5_000


class ServeError(Exception):
    """The server could not be set up, did not start, or stopped on its own."""


class _Stopped(BaseException):
    """Raised by the signal handler so that every clean-up on the way out runs; like
    KeyboardInterrupt, no handler of ordinary errors catches it."""


@dataclass
class StopRequest:
    """Whether a signal asked to stop: kept, so a stop is honoured even where the exception
    the signal raised was lost on the way (in a library's own clean-up)."""

    requested: bool = False


def oxigraph_binary() -> Path:
    """The `oxigraph` executable installed beside this Python (a venv's bin is often not on
    PATH), else the one on PATH."""
    beside = Path(sysconfig.get_path("scripts")) / "oxigraph"
    if beside.exists():
        return beside
    found = shutil.which("oxigraph")
    if found is None:
        raise ServeError("the oxigraph server is not installed: pip install oxigraph")
    return Path(found)


def _oxigraph(*args: str) -> None:
    command = [str(oxigraph_binary()), *args]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise ServeError(f"oxigraph {args[0]} failed: {done.stderr.strip()}")


def load(graph_dir: Path, location: Path) -> None:
    """Makes `location` a store holding exactly the built graph (what it held is dropped)."""
    dump = graph_dir / GRAPH_FILES["nt"]
    if not dump.exists():
        raise FileNotFoundError(f"{dump} not found: run 'statement-kg build' first")
    if location.exists() and any(location.iterdir()):
        if not (location / "CURRENT").exists():  # the mark of a RocksDB folder
            raise ServeError(f"{location} is not empty and holds no Oxigraph store")
        _oxigraph("update", "--location", str(location), "--update", "DROP ALL")
    _oxigraph("load", "--location", str(location), "--file", str(dump))


@dataclass(frozen=True)
class Server:
    process: subprocess.Popen[bytes]
    port: int

    @property
    def base(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def endpoint(self) -> str:
        return f"{self.base}/query"

    @property
    def update_endpoint(self) -> str:
        return f"{self.base}/update"

    @property
    def ui(self) -> str:
        return f"{self.base}/"


def _said(log: IO[bytes]) -> str:
    """What the server wrote before it stopped, on one line, without a Rust backtrace."""
    log.seek(0)
    text = log.read().decode("utf-8", "replace").split("Stack backtrace:")[0]
    return " ".join(text.split())[-300:]


def _check_free(port: int) -> None:
    """Refuses a port something else listens on: the readiness check would take that
    something's answers for the server's. Connections of a server that just stopped (in
    TIME_WAIT) do not count: the port can be served again at once."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((HOST, port))
        except OSError as error:
            raise ServeError(f"{HOST}:{port} is in use ({error.strerror})") from error


def _private_port() -> int:
    """A free port for the server behind the front."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def start(location: Path, port: int, log: IO[bytes], *, writable: bool, timeout: int) -> Server:
    """Starts the server on `location` and returns once it answers queries."""
    verb = "serve" if writable else "serve-read-only"
    command = [str(oxigraph_binary()), verb, "--location", str(location)]
    command += ["--bind", f"{HOST}:{port}", "--timeout-s", str(timeout)]
    process = subprocess.Popen(
        command, stdout=log, stderr=log, stdin=subprocess.DEVNULL, start_new_session=True
    )
    server = Server(process, port)
    deadline = time.monotonic() + _STARTUP_SECONDS
    try:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise ServeError(f"oxigraph could not serve on {HOST}:{port}: {_said(log)}")
            try:
                with urllib.request.urlopen(f"{server.endpoint}?query=ASK%7B%7D", timeout=1):
                    return server
            except (urllib.error.URLError, OSError):
                time.sleep(0.1)
    except BaseException:
        # A signal while it starts (or any failure) stops the server it started: it runs
        # in a session of its own, so nothing else would.
        stop(server)
        raise
    stop(server)
    raise ServeError(f"oxigraph did not answer on {server.endpoint} within {_STARTUP_SECONDS} s")


def stop(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


@contextmanager
def stop_on_signals() -> Iterator[StopRequest]:
    """The first SIGINT or SIGTERM stops serving; later ones are ignored, so that a second
    Ctrl-C cannot break off the clean-up (every step of which is bounded in time)."""
    request = StopRequest()

    def handler(signum: int, frame: FrameType | None) -> None:
        if not request.requested:
            request.requested = True
            raise _Stopped(signal.Signals(signum).name)

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield request
    except _Stopped:
        pass
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def run(
    graph_dir: Path,
    port: int,
    announce: Callable[[Server], None],
    *,
    location: Path | None = None,
    writable: bool = False,
    timeout: int = 60,
    budget: int = BUDGET,
    stopping: StopRequest | None = None,
) -> None:
    """Loads, serves until SIGINT or SIGTERM, then stops the server and cleans up. Raises
    ServeError if the server cannot start or stops on its own. Oxigraph listens on a
    private port behind the front (front.py), which admits at most `budget` queries in any
    `timeout` seconds and cuts answers still streaming after `timeout` seconds. A caller
    that listens for the signals itself (from before this starts) passes its `stopping`."""
    _check_free(port)
    with ExitStack() as stack:
        if stopping is None:
            stopping = stack.enter_context(stop_on_signals())
        if location is None:
            temporary = stack.enter_context(tempfile.TemporaryDirectory(prefix="statement-kg-"))
            location = Path(temporary) / "store"
        load(graph_dir, location)
        log = stack.enter_context(tempfile.TemporaryFile())
        server = start(location, _private_port(), log, writable=writable, timeout=timeout)
        stack.callback(stop, server)
        stack.enter_context(front(port, server.port, HOST, timeout=timeout, budget=budget))
        if stopping.requested:
            return
        announce(replace(server, port=port))
        while server.process.poll() is None:
            if stopping.requested:
                return
            time.sleep(0.2)
        raise ServeError(
            f"oxigraph stopped on its own (exit status {server.process.returncode}): {_said(log)}"
        )
