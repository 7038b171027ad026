"""`statement-kg publish`: the built graph into any SPARQL 1.1 store as one named graph,
replacing the previous version so that a reader never sees half of it.

The graph is uploaded to a staging graph first, through the Graph Store Protocol when the store
has it (one HTTP PUT of the N-Triples dump) or else through SPARQL Update (INSERT DATA in
batches). Only when the staging graph holds exactly the dump's triples does one SPARQL
`MOVE` put it in place of the target: a single update request, which a SPARQL 1.1 store
carries out atomically. Any failure before that leaves the target as it was; the staging graph
is then dropped when the store can still be reached."""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import requests
from requests.auth import AuthBase, HTTPBasicAuth, HTTPDigestAuth

from statement_kg.endpoint import Credentials, Endpoint, EndpointError, failure, refusal

BATCH = 500  # triples per INSERT DATA request (Virtuoso's parser gives up at a few thousand)


class PublishError(Exception):
    """Publishing stopped; the message says whether the target graph was changed."""


@dataclass(frozen=True)
class Target:
    """Where to publish: the store's SPARQL endpoint, its Graph Store Protocol endpoint if
    it has one, and the IRI of the named graph."""

    endpoint: Endpoint
    graph: str
    gsp: str | None = None

    def __post_init__(self) -> None:
        """The graph's IRI goes between angle brackets in updates: it must not leave them."""
        try:
            ox.NamedNode(self.graph)
        except ValueError as error:
            raise PublishError(f"{self.graph!r} is not an absolute IRI ({error})") from error

    @property
    def staging(self) -> str:
        """A graph of its own per target graph: a second run clears what a failed one left."""
        digest = hashlib.sha256(self.graph.encode("utf-8")).hexdigest()[:16]
        return f"urn:statement-kg:staging:{digest}"


def _auth(credentials: Credentials | None) -> AuthBase | None:
    if credentials is None:
        return None
    if credentials.scheme == "digest":
        return HTTPDigestAuth(credentials.user, credentials.password)
    return HTTPBasicAuth(credentials.user, credentials.password)


def _put(target: Target, gsp: str, data: bytes) -> None:
    """Replaces the staging graph with the dump through the Graph Store Protocol."""
    endpoint = target.endpoint
    try:
        response = requests.put(
            gsp,
            params={"graph": target.staging},
            data=data,
            headers={"Content-Type": "application/n-triples"},
            auth=_auth(endpoint.credentials),
            timeout=endpoint.timeout,
        )
    except requests.RequestException as error:
        raise failure(gsp, error, endpoint.timeout) from error
    if not response.ok:
        raise refusal(gsp, response.status_code, response.content)


def _insert(target: Target, triples: list[ox.Triple]) -> None:
    """Fills the staging graph through SPARQL Update, for stores without the Graph Store
    Protocol. Blank nodes are only the same node within one request: a graph that has any
    goes in one request."""
    blank = any(
        isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode) for t in triples
    )
    size = len(triples) if blank else BATCH
    for start in range(0, len(triples), size):
        lines = "\n".join(f"{t} ." for t in triples[start : start + size])
        target.endpoint.update(f"INSERT DATA {{ GRAPH <{target.staging}> {{\n{lines}\n}} }}")


def count(endpoint: Endpoint, graph: str) -> int:
    """The number of triples in a named graph of the store."""
    answer = endpoint.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    solutions = list(answer) if isinstance(answer, ox.QuerySolutions) else []
    value = solutions[0]["n"] if len(solutions) == 1 else None
    if not isinstance(value, ox.Literal) or not value.value.isdigit():
        said = "no answer" if value is None else repr(value.value)
        raise PublishError(f"{endpoint.url}: counting the triples of <{graph}> gave {said}")
    return int(value.value)


def _drop_staging(target: Target) -> None:
    """Best effort: the store may be the thing that failed."""
    with contextlib.suppress(EndpointError):
        target.endpoint.update(f"DROP SILENT GRAPH <{target.staging}>")


def publish(dump: Path, target: Target, say: Callable[[str], None]) -> int:
    """Publishes the N-Triples `dump` as `target.graph`; returns its number of triples.
    Raises PublishError naming the step, the URL and the outcome for the target graph."""
    data = dump.read_bytes()
    triples = list(dict.fromkeys(q.triple for q in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)))
    graph, staging = f"<{target.graph}>", f"<{target.staging}>"
    try:
        target.endpoint.update(f"DROP SILENT GRAPH {staging}")
        if target.gsp is not None:
            say(f"uploading {len(triples)} triples to {staging} through {target.gsp}")
            _put(target, target.gsp, data)
        else:
            say(f"inserting {len(triples)} triples into {staging} at {target.endpoint.update_at}")
            _insert(target, triples)
        held = count(target.endpoint, target.staging)
        if held != len(triples):
            raise PublishError(
                f"the staging graph {staging} holds {held} triples, not {len(triples)}"
            )
    except (EndpointError, PublishError) as error:
        _drop_staging(target)
        raise PublishError(f"{error}; {graph} was not changed") from error
    say(f"checked {held} triples; moving {staging} to {graph}")
    try:
        target.endpoint.update(f"MOVE {staging} TO {graph}")
    except EndpointError as error:
        if error.answered:
            _drop_staging(target)
            raise PublishError(f"{error}; {graph} was not changed") from error
        raise PublishError(f"{error}; whether {graph} was replaced is unknown") from error
    try:
        held = count(target.endpoint, target.graph)
    except EndpointError as error:
        raise PublishError(
            f"{graph} was replaced, but counting its triples failed: {error}"
        ) from error
    if held != len(triples):
        raise PublishError(f"{graph} holds {held} triples after the move, not {len(triples)}")
    return held
