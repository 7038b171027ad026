"""A remote SPARQL 1.1 endpoint, asked through SPARQLWrapper: the same queries as the embedded
store, with answers parsed into the same kinds (query.Answer) so that they print alike, and
the SPARQL Updates that publishing needs. Every failure becomes an EndpointError that names the
URL and what went wrong (HTTP status and the server's words, no connection, no answer in
time, an answer that is not what it claims to be), never a traceback."""

from __future__ import annotations

import ast
import http.client
import re
import time
import urllib.error
from dataclasses import dataclass

import pyoxigraph as ox
from SPARQLWrapper import BASIC, DIGEST, JSON, POST, TURTLE, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import (
    EndPointInternalError,
    EndPointNotFound,
    QueryBadFormed,
    SPARQLWrapperException,
    Unauthorized,
    URITooLong,
)

from statement_kg import __version__
from statement_kg.query import Answer
from statement_kg.sparql_text import form

AGENT = f"statement-kg/{__version__}"
AUTH_SCHEMES = {"basic": BASIC, "digest": DIGEST}
METHODS = ("GET", "POST")
_CHUNK = 1 << 16
# SPARQLWrapper turns these statuses into its own exceptions, keeping only the body.
_STATUS = {
    QueryBadFormed: 400,
    Unauthorized: 401,
    EndPointNotFound: 404,
    URITooLong: 414,
    EndPointInternalError: 500,
}


class EndpointError(Exception):
    """The endpoint did not answer, refused, or answered with something unreadable.
    `answered` is true when the server answered with an error status: it then did not carry
    out the request, whereas after a timeout or a cut connection nobody knows."""

    def __init__(self, message: str, *, answered: bool = False) -> None:
        super().__init__(message)
        self.answered = answered


@dataclass(frozen=True)
class Credentials:
    """A user and password for HTTP Basic or Digest authentication (the realm is SPARQL's)."""

    user: str
    password: str
    scheme: str = "basic"


def refusal(url: str, status: int | str, body: bytes) -> EndpointError:
    """The status and what the server said, on one line and at most 300 characters; the
    tags of an HTML error page (Virtuoso's) are dropped."""
    text = body.decode("utf-8", "replace")
    if re.search(r"<(?:html|body|h\d|p|xmp|pre)\b", text, re.IGNORECASE):
        text = re.sub(r"<[^>]*>", " ", text)
    text = " ".join(text.split())
    text = text if len(text) <= 300 else text[:299] + "…"
    return EndpointError(f"{url}: HTTP {status}" + (f": {text}" if text else ""), answered=True)


def failure(url: str, error: BaseException, timeout: int) -> EndpointError:
    """A request that got no answer, told apart by the cause at the root of the exception
    chain (HTTP libraries wrap it two or three times)."""
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, TimeoutError):
            return EndpointError(f"{url}: no answer within {timeout} s")
        if isinstance(cause, ConnectionRefusedError):
            return EndpointError(f"{url}: cannot connect: connection refused")
        cause = cause.__cause__ or cause.__context__
    return EndpointError(f"{url}: the connection was cut before an answer came")


def _body(error: SPARQLWrapperException) -> bytes:
    """The response body SPARQLWrapper folded into its message as a bytes literal."""
    _, found, literal = str(error).partition("\n\nResponse:\n")
    if not found:
        return b""
    body = ast.literal_eval(literal)
    return body if isinstance(body, bytes) else b""


@dataclass(frozen=True)
class Endpoint:
    """A query endpoint URL and, where updates go elsewhere (Oxigraph: /update), that URL."""

    url: str
    update_url: str | None = None
    timeout: int = 60
    method: str = "GET"
    credentials: Credentials | None = None

    @property
    def update_at(self) -> str:
        return self.update_url or self.url

    def _wrapper(self, text: str) -> SPARQLWrapper:
        sparql = SPARQLWrapper(self.url, updateEndpoint=self.update_at, agent=AGENT)
        sparql.setOnlyConneg(True)  # content negotiation only: no Virtuoso-style format=...
        sparql.setTimeout(self.timeout)
        sparql.setQuery(text)
        sparql.queryType = form(text) or sparql.queryType  # its own guess reads comments
        if self.credentials is not None:
            sparql.setHTTPAuth(AUTH_SCHEMES[self.credentials.scheme])
            sparql.setCredentials(self.credentials.user, self.credentials.password)
        return sparql

    def _send(self, sparql: SPARQLWrapper, url: str) -> tuple[bytes, str]:
        """The response body and media type, or an EndpointError saying what failed. The
        timeout bounds the whole answer, not each read: a server that streams without end
        (a cross join) is abandoned once `timeout` seconds have passed since the request."""
        deadline = time.monotonic() + self.timeout
        try:
            with sparql.query().response as response:
                chunks = []
                while chunk := response.read1(_CHUNK):
                    chunks.append(chunk)
                    if time.monotonic() > deadline:
                        raise EndpointError(
                            f"{url}: no complete answer within {self.timeout} s "
                            f"({sum(map(len, chunks))} bytes received)"
                        )
                return b"".join(chunks), response.headers.get_content_type()
        except SPARQLWrapperException as error:
            if isinstance(error.__context__, urllib.error.HTTPError):
                error.__context__.close()  # SPARQLWrapper read it, but left it open
            raise refusal(url, _STATUS.get(type(error), "error"), _body(error)) from error
        except urllib.error.HTTPError as error:
            with error:
                raise refusal(url, error.code, error.read()) from error
        except (OSError, http.client.HTTPException) as error:  # URLError is an OSError
            raise failure(url, error, self.timeout) from error

    def query(self, text: str, default_graph: str | None = None) -> Answer:
        """Runs a query; `default_graph` names the graph to query as the default graph (the
        protocol's default-graph-uri), as a store that holds several needs."""
        sparql = self._wrapper(text)
        if sparql.isSparqlUpdateRequest():
            raise EndpointError(f"{self.url}: {sparql.queryType} is an update, not a query")
        if self.method == "POST":
            sparql.setMethod(POST)
        # Solutions as SPARQL JSON: Oxigraph's reader of the XML format trims the spaces at
        # the ends of a literal, which only Oxigraph's own writer escapes.
        sparql.setReturnFormat(JSON if sparql.queryType in ("SELECT", "ASK") else TURTLE)
        if default_graph is not None:
            sparql.addDefaultGraph(default_graph)
        data, media = self._send(sparql, self.url)
        answer = _answer(self.url, data, media)
        if sparql.queryType == "ASK" and isinstance(answer, ox.QuerySolutions):
            return _boolean(answer)
        return answer

    def update(self, text: str) -> None:
        sparql = self._wrapper(text)
        if not sparql.isSparqlUpdateRequest():
            raise EndpointError(f"{self.update_at}: not an update: {text[:60]!r}")
        sparql.setMethod(POST)
        self._send(sparql, self.update_at)


def _boolean(solutions: ox.QuerySolutions) -> ox.QueryBoolean:
    """The answer to an ASK from a store that sends solutions instead (Virtuoso 7.2: one
    row binding __ASK_RETVAL to 1 when true, no row when false)."""
    truth = any(
        term is not None and term.value not in ("0", "false")
        for solution in solutions
        for term in solution
    )
    answer = ox.parse_query_results(
        b'{"head": {}, "boolean": %s}' % (b"true" if truth else b"false"),
        format=ox.QueryResultsFormat.JSON,
    )
    assert isinstance(answer, ox.QueryBoolean)
    return answer


def _answer(url: str, data: bytes, media: str) -> Answer:
    """The body as an answer, parsed to the end here so that a truncated one (a server that
    gave up halfway) is an error before anything is printed."""
    results_format = ox.QueryResultsFormat.from_media_type(media)
    rdf_format = ox.RdfFormat.from_media_type(media)
    try:
        if results_format is not None:
            parsed = ox.parse_query_results(data, format=results_format)
            if isinstance(parsed, ox.QuerySolutions):
                list(parsed)
                parsed = ox.parse_query_results(data, format=results_format)
            assert not isinstance(parsed, ox.QueryTriples)
            return parsed
        if rdf_format is not None:
            return [quad.triple for quad in ox.parse(data, format=rdf_format)]
    except SyntaxError as error:
        # A server that gives up halfway often says why at the end of what it sent.
        tail = " ".join(data[-120:].decode("utf-8", "replace").split())
        raise EndpointError(
            f"{url}: the answer is not valid {media} ({error}); it ends with {tail!r}"
        ) from error
    raise EndpointError(f"{url}: unexpected answer of type {media}")
