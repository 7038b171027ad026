"""Readers never see half a graph: while `publish` replaces a named graph, readers counting
its triples over and over see the old version's count or the new one's, nothing between.
Bounded: a few publications, readers stop after.

Oxigraph's server carries out the MOVE as one transaction and reads from a snapshot. Virtuoso
7.2 carries the MOVE out as one transaction too, but a reader at its default isolation (read
committed) takes each triple's last committed state as its scan comes to it, so a count that
runs while the MOVE commits mixes both versions; no update over HTTP avoids that, and the
store-wide locking isolations trade it for other wrong counts (README, Publishing). Its case
is marked as the known failure it is: non-strict, since a run whose reads all miss the commit
passes."""

from __future__ import annotations

import threading
from collections import Counter
from pathlib import Path

import pytest

from statement_kg.publish import count, publish
from stores import Store
from test_publish import Versions, graph_iri

READERS = 4
ROUNDS = 2
VIRTUOSO_MOVE = pytest.mark.xfail(
    reason="Virtuoso 7.2 readers (read committed) count a graph mid-commit as a mix of versions",
    strict=False,
)


@pytest.mark.parametrize("name", ["oxigraph_store", pytest.param("virtuoso", marks=VIRTUOSO_MOVE)])
def test_readers_never_see_a_partial_graph(
    request: pytest.FixtureRequest, name: str, snapshot: Path, tmp_path: Path
) -> None:
    store: Store = request.getfixturevalue(name)
    versions = Versions(snapshot, tmp_path)
    graph = graph_iri(request)
    target = store.target(graph, timeout=120)
    publish(versions.one, target, lambda line: None)
    seen: Counter[int] = Counter()
    failures: list[str] = []
    done = threading.Event()

    def reader() -> None:
        endpoint = store.endpoint(timeout=120)
        while not done.is_set():
            try:
                seen[count(endpoint, graph)] += 1
            except Exception as error:  # a failed read is reported, not a partial one
                failures.append(str(error))
                return

    threads = [threading.Thread(target=reader) for _ in range(READERS)]
    for thread in threads:
        thread.start()
    try:
        for _ in range(ROUNDS):
            publish(versions.two, target, lambda line: None)
            publish(versions.one, target, lambda line: None)
    finally:
        done.set()
        for thread in threads:
            thread.join(timeout=120)
    assert failures == []
    assert set(seen) <= set(versions.sizes), seen
    assert sum(seen.values()) > READERS
